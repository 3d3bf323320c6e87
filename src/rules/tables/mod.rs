//! `T`: the shape of the three tables and the cells in them.

mod blank_cell;
mod invalid_cell;
mod missing_row;
mod outdated_format;
mod row_arity;

use super::{Context, Rule};
use crate::model::Table;
use crate::pack::TableSpec;

/// The table rules.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(missing_row::MissingRow),
        Box::new(row_arity::RowArity),
        Box::new(invalid_cell::InvalidCell),
        Box::new(blank_cell::BlankCell),
        Box::new(outdated_format::OutdatedFormat),
    ]
}

/// The tables whose section is present and which were found, with their
/// schemas. A missing section is S001's finding, a missing table S007's, and
/// a table of the other edition T005's: its rows and cells cannot be read
/// against this edition's schema.
pub(crate) fn present<'a>(
    ctx: &'a Context<'_>,
) -> impl Iterator<Item = (&'a TableSpec, &'a Table)> + 'a {
    ctx.format.tables.iter().filter_map(|format| {
        let spec = &format.spec;
        ctx.report.section(&spec.section)?;
        let table = ctx.report.table(&spec.kind)?;
        foreign_labels(ctx, spec)
            .is_empty()
            .then_some((spec, table))
    })
}

/// Whether the report may end inside the table: its section is the last one
/// recognised, so rows after the last one read may have been cut off (the
/// excerpts of published reports stop mid-table).
pub(crate) fn open_ended(ctx: &Context<'_>, spec: &TableSpec) -> bool {
    ctx.report
        .sections
        .last()
        .is_some_and(|last| last.kind == spec.section)
}

/// A short name for a row id of `spec` (the row's label if it has none).
pub(crate) fn row_name(spec: &TableSpec, id: &str) -> String {
    spec.rows
        .iter()
        .find(|r| r.id == id)
        .map_or_else(|| id.to_owned(), |r| r.short_name())
}

/// A short name for a column id of `spec`.
pub(crate) fn column_name(spec: &TableSpec, id: &str) -> String {
    spec.columns
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_owned(), |c| c.short_name())
}

pub(crate) use outdated_format::foreign_labels;
