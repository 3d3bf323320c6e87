//! Splitting table rows into cells.

use crate::span::Span;

/// One table cell: its trimmed text's span (empty cells have `len == 0`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The cell's text without surrounding white space.
    pub span: Span,
    /// Whether the cell visibly opens a row: the first cell of `| a |…`, of a
    /// Markdown row, or of a tab-separated row.
    pub row_start: bool,
    /// Where the cell stands in a row written on one line with separators
    /// (`| a | b |`, `a\tb`); `None` for a cell of a line of its own or of a
    /// space-aligned row.
    pub place: Option<RowPlace>,
}

/// A cell's place in a row of cells on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowPlace {
    /// Its index on the line, from 0 (`u32`: a cell stays small, and a
    /// line has far fewer cells than that).
    index: u32,
    /// How many cells the line has.
    count: u32,
}

impl RowPlace {
    /// Its index on the line, from 0.
    pub fn index(self) -> usize {
        self.index as usize
    }

    /// How many cells the line has.
    pub fn count(self) -> usize {
        self.count as usize
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// The trimmed text of `span` as a cell, or nothing if it is blank.
pub fn trimmed(text: &str, span: Span) -> Option<Cell> {
    let cell = trim(text, span);
    (cell.span.len > 0).then_some(cell)
}

fn trim(text: &str, span: Span) -> Cell {
    let raw = span.slice(text);
    let start_trim = raw.len() - raw.trim_start_matches(is_space).len();
    let inner = raw.trim_matches(is_space);
    let offset = span.offset + start_trim;
    Cell {
        span: Span::new(
            if inner.is_empty() {
                span.offset
            } else {
                offset
            },
            inner.len(),
        ),
        row_start: false,
        place: None,
    }
}

/// White space around a tab-separated row's cells that is no cell separator.
fn is_space_not_tab(c: char) -> bool {
    c != '\t' && is_space(c)
}

/// Splits a table row into cells.
///
/// Pipes terminate cells (`0 |` is one cell, `||` two empty ones); a leading
/// `| ` only opens the row; a line of nothing but pipes is that many empty
/// cells; a Markdown delimiter row (`|---|:---:|`) has none; a row without
/// pipes is split on tabs, every tab separating two cells (a blank first
/// or last cell is an empty one), except a tab that ends the text (cut off
/// there). Cells of a row with two or more get their [`RowPlace`].
pub fn split_cells(text: &str, line: Span) -> Vec<Cell> {
    let raw = line.slice(text);
    if !raw.contains('|') {
        let start = raw.len() - raw.trim_start_matches(is_space_not_tab).len();
        let body = Span::new(
            line.offset + start,
            raw.trim_matches(is_space_not_tab).len(),
        );
        if body.slice(text).trim_matches(is_space).is_empty() {
            return Vec::new();
        }
        // A tab that ends the text ends nothing: the text was cut after it.
        let cut = line.end() == text.len() && raw.ends_with('\t');
        return placed(mark_row_start(split_on(text, body, '\t', cut), true));
    }
    if raw.chars().all(|c| c == '|' || is_space(c)) {
        let pipes = raw.char_indices().filter(|(_, c)| *c == '|');
        return pipes
            .map(|(i, _)| Cell {
                span: Span::new(line.offset + i, 0),
                row_start: false,
                place: None,
            })
            .collect();
    }
    let mut body = line;
    let lead = raw.len() - raw.trim_start_matches(is_space).len();
    let opened = raw[lead..].starts_with('|');
    if opened {
        body = Span::from_range(line.offset + lead + 1, line.end());
    }
    let cells = split_on(text, body, '|', true);
    if cells.iter().all(|cell| is_delimiter(cell.span.slice(text))) {
        return Vec::new();
    }
    let starts_row = opened || cells.len() >= 2;
    placed(mark_row_start(cells, starts_row))
}

/// Whether a cell is one of a Markdown delimiter row: `---`, `:---`, `:---:`.
fn is_delimiter(cell: &str) -> bool {
    let dashes = cell.trim_start_matches(':').trim_end_matches(':');
    dashes.len() >= 3 && dashes.bytes().all(|b| b == b'-')
}

/// The cells of a row of two or more, each with its place on the line.
fn placed(mut cells: Vec<Cell>) -> Vec<Cell> {
    let count = u32::try_from(cells.len()).unwrap_or(u32::MAX);
    if count >= 2 {
        for (index, cell) in (0..count).zip(cells.iter_mut()) {
            cell.place = Some(RowPlace { index, count });
        }
    }
    cells
}

/// The cells of a space-aligned row: its segments (runs of non-blank
/// characters), the first opening the row when the row ends in a value.
pub fn aligned(text: &str, line: Span) -> Vec<Cell> {
    let segments = super::aligned::segments(text, line);
    let starts_row = segments
        .last()
        .is_some_and(|last| super::aligned::is_value(last.span.slice(text)));
    let cells = segments
        .iter()
        .map(|segment| Cell {
            span: segment.span,
            row_start: false,
            place: None,
        })
        .collect();
    mark_row_start(cells, starts_row)
}

fn mark_row_start(mut cells: Vec<Cell>, starts_row: bool) -> Vec<Cell> {
    if let Some(first) = cells.first_mut() {
        first.row_start = starts_row;
    }
    cells
}

fn split_on(text: &str, line: Span, sep: char, drop_trailing_empty: bool) -> Vec<Cell> {
    let raw = line.slice(text);
    let mut cells = Vec::new();
    let mut start = 0;
    for (i, c) in raw.char_indices() {
        if c == sep {
            cells.push(trim(text, Span::new(line.offset + start, i - start)));
            start = i + c.len_utf8();
        }
    }
    let tail = trim(text, Span::new(line.offset + start, raw.len() - start));
    if !(drop_trailing_empty && tail.span.len == 0) {
        cells.push(tail);
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(row: &str) -> Vec<&str> {
        split_cells(row, Span::new(0, row.len()))
            .into_iter()
            .map(|c| c.span.slice(row))
            .collect()
    }

    #[test]
    fn every_rendering() {
        assert_eq!(cells("| 规章 |"), vec!["规章"]);
        assert_eq!(cells("0 |"), vec!["0"]);
        assert_eq!(cells("||"), vec!["", ""]);
        assert_eq!(cells("|"), vec![""]);
        assert_eq!(cells("| 规章 | 0 | 1 |"), vec!["规章", "0", "1"]);
        assert_eq!(cells("规章 | 0 | 1"), vec!["规章", "0", "1"]);
        assert_eq!(
            cells("第二十条第(一)项 | |||"),
            vec!["第二十条第(一)项", "", "", ""]
        );
        assert_eq!(cells("规章\t0\t\t1"), vec!["规章", "0", "", "1"]);
        assert_eq!(cells("\t \t\u{3000}"), Vec::<&str>::new());
        assert_eq!(cells("| 商业 企业 |"), vec!["商业 企业"]);
    }

    #[test]
    fn a_blank_cell_is_a_cell_wherever_it_stands() {
        assert_eq!(cells("规章\t0\t0\t\n"), vec!["规章", "0", "0", ""]);
        assert_eq!(
            cells("规章\t0\t0\t"),
            vec!["规章", "0", "0"],
            "cut after the tab"
        );
        assert_eq!(cells(" \t0\t0 "), vec!["", "0", "0"]);
        assert_eq!(
            cells("\t \t规章\t0\t \t\n"),
            vec!["", "", "规章", "0", "", ""]
        );
        assert_eq!(cells("| 规章 | 0 |  |"), vec!["规章", "0", ""]);
    }

    #[test]
    fn a_markdown_delimiter_row_has_no_cells() {
        assert_eq!(cells("|---|:---:|---:|"), Vec::<&str>::new());
        assert_eq!(cells("| --- | --- |"), Vec::<&str>::new());
        assert_eq!(cells("| - | - |"), vec!["-", "-"]);
        assert_eq!(cells("| 规章 | --- |"), vec!["规章", "---"]);
    }

    #[test]
    fn cells_of_a_row_on_one_line_know_their_place() {
        let row = "| 一、本年新收 |  | 5 |";
        let places: Vec<_> = split_cells(row, Span::new(0, row.len()))
            .into_iter()
            .map(|c| c.place.map(|p| (p.index, p.count)))
            .collect();
        assert_eq!(places, vec![Some((0, 3)), Some((1, 3)), Some((2, 3))]);
        let lone = split_cells("0 |", Span::new(0, 3));
        assert_eq!(lone[0].place, None);
    }
}
