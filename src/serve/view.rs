//! What the page shows of a check (`POST /api/v1/view`): the check's JSON
//! document as `/api/v1/check` answers it, and beside it the text disclint
//! read, each finding's place in that text (byte offsets, primary span and
//! labels), the summary line, and the tables as grids of the cells read.
//!
//! Positions in the check's document are those of the original file (a
//! Word paragraph, a line of a page's HTML source); the page shows the text
//! read, so the view gives the places in it as well.

use serde::Serialize;

use super::checker::check_json;
use crate::extract::SourceKind;
use crate::lint::Linter;
use crate::model::Report;
use crate::render::summary_line;
use crate::run::{FileResult, Summary};
use crate::source::SourceFile;
use crate::span::Span;

/// A byte range of the text read.
#[derive(Serialize)]
struct Range {
    start: usize,
    end: usize,
}

impl From<Span> for Range {
    fn from(span: Span) -> Self {
        Range {
            start: span.offset,
            end: span.end(),
        }
    }
}

/// Where one finding is: its primary span and its labels.
#[derive(Serialize)]
struct Place<'a> {
    #[serde(flatten)]
    span: Range,
    labels: Vec<LabelPlace<'a>>,
}

/// A label's span and what it says.
#[derive(Serialize)]
struct LabelPlace<'a> {
    #[serde(flatten)]
    span: Range,
    message: &'a str,
}

/// A table as a grid: its name, its columns, its rows.
#[derive(Serialize)]
struct Grid<'a> {
    kind: &'a str,
    name: &'a str,
    columns: Vec<&'a str>,
    rows: Vec<GridRow<'a>>,
}

/// A row: its label and one cell per column (none where the row has no
/// such column or the cell was not read).
#[derive(Serialize)]
struct GridRow<'a> {
    label: &'a str,
    #[serde(flatten)]
    span: Range,
    cells: Vec<Option<GridCell<'a>>>,
}

/// A cell as written.
#[derive(Serialize)]
struct GridCell<'a> {
    text: &'a str,
    #[serde(flatten)]
    span: Range,
}

/// The view of a report read.
#[derive(Serialize)]
struct View<'a> {
    kind: SourceKind,
    text: &'a str,
    summary: String,
    /// One per diagnostic of the check's document, in its order.
    findings: Vec<Place<'a>>,
    tables: Vec<Grid<'a>>,
}

/// The tables of `report` as grids, with the columns `linter`'s format
/// gives them.
fn grids<'a>(linter: &'a Linter, source: &'a SourceFile, report: &'a Report) -> Vec<Grid<'a>> {
    let format = linter.format(report.edition);
    report
        .tables
        .iter()
        .filter_map(|table| {
            let spec = &format
                .tables
                .iter()
                .find(|t| t.spec.kind.as_str() == table.kind)?
                .spec;
            let rows = table
                .rows
                .iter()
                .map(|row| {
                    let mut cells: Vec<Option<GridCell<'a>>> =
                        spec.columns.iter().map(|_| None).collect();
                    for value in &row.values {
                        let column = spec.columns.iter().position(|c| c.id == value.column);
                        if let Some(cell) = column.and_then(|c| cells.get_mut(c)) {
                            *cell = Some(GridCell {
                                text: value.span.slice(&source.text),
                                span: value.span.into(),
                            });
                        }
                    }
                    GridRow {
                        label: &row.label,
                        span: row.label_span.into(),
                        cells,
                    }
                })
                .collect();
            Some(Grid {
                kind: &table.kind,
                name: &spec.name,
                columns: spec.columns.iter().map(|c| c.label.as_str()).collect(),
                rows,
            })
        })
        .collect()
}

/// The view's JSON: `{"check": …, "view": …}` (the view is null for a
/// report that could not be read).
pub(super) fn view_json(linter: &Linter, result: &FileResult) -> String {
    let check = check_json(linter, result);
    let view = result.source.as_ref().map(|source| {
        let analysis = linter.analyze(source);
        let mut summary = Summary::default();
        summary.add(result);
        // The page offers no `--fix`: the line does not point to it.
        summary.fixable = 0;
        summary.unsafe_fixable = 0;
        let findings = result
            .diagnostics
            .iter()
            .map(|d| Place {
                span: d.span.into(),
                labels: d
                    .labels
                    .iter()
                    .map(|label| LabelPlace {
                        span: label.span.into(),
                        message: &label.message,
                    })
                    .collect(),
            })
            .collect();
        let view = View {
            kind: source.kind,
            text: &source.text,
            summary: summary_line(&summary, linter.options().lang),
            findings,
            tables: grids(linter, source, &analysis.report),
        };
        serde_json::to_string(&view).expect("JSON of plain data")
    });
    format!(
        "{{\"check\": {},\n\"view\": {}}}\n",
        check.trim_end(),
        view.as_deref().unwrap_or("null")
    )
}
