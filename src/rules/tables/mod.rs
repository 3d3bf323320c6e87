//! `T`: the shape of the three tables and the cells in them.

mod blank_cell;
mod implausible_regulation;
mod invalid_cell;
mod missing_row;
mod outdated_format;
mod row_arity;

use super::{Context, Rule};
use crate::model::{Table, TableRow};
use crate::pack::TableSpec;
use crate::tr;
use crate::Lang;

/// The table rules.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(missing_row::MissingRow),
        Box::new(row_arity::RowArity),
        Box::new(invalid_cell::InvalidCell),
        Box::new(blank_cell::BlankCell),
        Box::new(outdated_format::OutdatedFormat),
        Box::new(implausible_regulation::ImplausibleRegulation),
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
        ctx.report
            .foreign_table(&spec.kind)
            .is_none()
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

/// How messages name a row: `“予以公开”行`, or for the unlabelled row
/// `“<table>”的数值行`.
pub(crate) fn row_title(spec: &TableSpec, row: &TableRow, lang: Lang) -> String {
    if row.label.is_empty() {
        return tr!(lang, "“{}”的数值行", "the row of values of “{}”", spec.name);
    }
    let name = spec
        .rows
        .iter()
        .find(|r| r.id == row.id)
        .map_or_else(|| row.label.clone(), |r| r.short_name());
    tr!(lang, "“{}”行", "row “{}”", name)
}

/// How messages name a column of a row: its short name, with its position
/// in the unlabelled row (whose groups repeat the same labels).
pub(crate) fn column_name(spec: &TableSpec, row: &TableRow, id: &str) -> String {
    let Some(index) = spec.columns.iter().position(|c| c.id == id) else {
        return id.to_owned();
    };
    let short = spec.columns[index].short_name();
    if row.label.is_empty() {
        format!("{}({})", short, index + 1)
    } else {
        short
    }
}
