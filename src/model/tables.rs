//! The three tables, read by their row labels so that every rendering (seed
//! pipes, Markdown, tabs, one cell per line) yields the same grid.

use std::ops::Range;

use serde::Serialize;

use super::format::{Format, TableFormat};
use crate::normalize::{canon, cjk_count, is_bare_numbering};
use crate::pack::ColumnSpec;
use crate::parse::{Cell, Document};
use crate::span::Span;

/// A table found in the report.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Which table: `active_disclosure`, `applications`, `review_litigation`.
    pub kind: String,
    /// From the first to the last cell read.
    pub span: Span,
    /// The rows found, in schema order.
    pub rows: Vec<TableRow>,
}

/// One row of a table.
#[derive(Debug, Clone, Serialize)]
pub struct TableRow {
    /// The row's id in the schema.
    pub id: String,
    /// The row label as written (empty for the unlabelled row).
    pub label: String,
    /// Where the label is (the first value for the unlabelled row).
    pub label_span: Span,
    /// The values read, at most as many as the schema's columns.
    pub values: Vec<CellValue>,
    /// How many values the schema expects.
    pub expected: usize,
    /// Non-empty cells beyond the expected values.
    pub extra: Vec<Span>,
}

/// One value cell.
#[derive(Debug, Clone, Serialize)]
pub struct CellValue {
    /// The column's id.
    pub column: String,
    /// The cell's text (empty span for an empty cell).
    pub span: Span,
    /// What the text says.
    pub value: Value,
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "lowercase")]
pub enum Value {
    /// A whole number.
    Integer(i64),
    /// A decimal (the 万元 fee).
    Decimal(f64),
    /// Free text in a text column.
    Text(String),
    /// Empty, `/` or `-`: counted as 0, with a warning.
    Blank,
    /// Anything else: `abc`, `5件`, `-1`, `1,2`.
    Invalid(String),
}

impl Value {
    /// The number this value stands for in arithmetic (blank is 0), if any.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Integer(n) => Some(*n as f64),
            Value::Decimal(d) => Some(*d),
            Value::Blank => Some(0.0),
            Value::Text(_) | Value::Invalid(_) => None,
        }
    }
}

/// How one cell reads in the context of one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// The label of the table's row with this index.
    Row(usize),
    /// A header, caption, column label, or a fragment of one.
    Label,
    /// A short cell: a value, blank or not.
    Value,
    /// A sentence: ends any row.
    Prose,
    /// The rest of a row label wrapped over several cells.
    Continuation,
}

/// A wrapped row label spans at most this many cells.
const MAX_LABEL_CELLS: usize = 4;

/// Cells longer than this (in characters) are prose, not values.
const MAX_VALUE_CHARS: usize = 24;

/// Reads every table of `format` from the document. `region` gives, per table
/// section kind, the block range to search (the whole document if absent).
pub fn find_tables(
    text: &str,
    doc: &Document,
    format: &Format,
    region: impl Fn(&str) -> Option<Range<usize>>,
) -> Vec<Table> {
    format
        .tables
        .iter()
        .filter_map(|table| {
            let scope = region(&table.spec.section);
            // Without its section, only labelled rows are safe to read: an
            // unlabelled row would be any run of numbers in the report.
            let scoped = scope.is_some();
            let blocks = scope.unwrap_or(0..doc.blocks.len());
            let cells: Vec<Cell> = doc.blocks[blocks]
                .iter()
                .flat_map(|block| doc.cells(text, block))
                .collect();
            read_table(text, table, format, &cells, scoped)
        })
        .collect()
}

fn classify(text: &str, table: &TableFormat, format: &Format, cell: Span) -> Token {
    let raw = cell.slice(text);
    // Fast path: an ASCII cell (a number, `/`, `-`) is no label when no label is ASCII.
    if raw.is_ascii() && !table.has_ascii_key() {
        return if raw.len() > MAX_VALUE_CHARS {
            Token::Prose
        } else {
            Token::Value
        };
    }
    let folded = canon(raw);
    if let Some(row) = table.match_row(&folded) {
        return Token::Row(row);
    }
    if is_bare_numbering(&folded) && cjk_count(&folded) > 0 {
        return Token::Label;
    }
    if cjk_count(&folded) >= 2
        && format
            .vocabulary
            .iter()
            .any(|v| v.contains(folded.as_str()))
    {
        return Token::Label;
    }
    if raw.chars().count() > MAX_VALUE_CHARS {
        Token::Prose
    } else {
        Token::Value
    }
}

fn read_table(
    text: &str,
    table: &TableFormat,
    format: &Format,
    cells: &[Cell],
    scoped: bool,
) -> Option<Table> {
    let mut tokens: Vec<Token> = cells
        .iter()
        .map(|cell| classify(text, table, format, cell.span))
        .collect();
    join_wrapped_labels(text, table, cells, &mut tokens);
    let spans: Vec<Span> = cells.iter().map(|c| c.span).collect();
    let mut rows: Vec<TableRow> = Vec::new();
    let spec = &table.spec;
    let mut index = 0;
    while index < tokens.len() {
        let Token::Row(r) = tokens[index] else {
            index += 1;
            continue;
        };
        let row_spec = &spec.rows[r];
        let label_at = index;
        index += 1;
        while tokens.get(index) == Some(&Token::Continuation) {
            index += 1;
        }
        if row_spec.group || rows.iter().any(|row| row.id == row_spec.id) {
            continue;
        }
        let columns = spec.row_columns(row_spec);
        let (values, extra, next) = read_values(text, &tokens, &spans, index, &columns);
        index = next;
        rows.push(TableRow {
            id: row_spec.id.to_string(),
            label: spans[label_at].slice(text).to_owned(),
            label_span: spans[label_at],
            values,
            expected: columns.len(),
            extra,
        });
    }
    let unlabelled = spec.rows.iter().position(|row| row.label.is_empty());
    if let Some(r) = unlabelled.filter(|_| scoped) {
        if let Some(row) = read_unlabelled(text, &tokens, cells, spec, r) {
            rows.push(row);
        }
    }
    // A table whose headers stand but whose rows were lost is still there (its
    // rows are then missing); a section with no trace of the table has none.
    if rows.is_empty() && !tokens.contains(&Token::Label) {
        return None;
    }
    rows.sort_by_key(|row| spec.rows.iter().position(|r| r.id == row.id));
    let span = rows
        .iter()
        .flat_map(|row| std::iter::once(row.label_span).chain(row.values.iter().map(|v| v.span)))
        .reduce(Span::cover)
        .unwrap_or_default();
    Some(Table {
        kind: spec.kind.to_string(),
        span,
        rows,
    })
}

/// Joins a row label wrapped over several cells (`(二)部分公开(区分处理的,`
/// then `不计其他情形)`; `…确认或重新出具已获取信` then `息`): the first
/// cell becomes the row, the others continuations.
fn join_wrapped_labels(text: &str, table: &TableFormat, cells: &[Cell], tokens: &mut [Token]) {
    let fragment = |token: Token, raw: &str| {
        token == Token::Label
            || (token == Token::Value
                && cjk_count(raw) > 0
                && !raw.chars().any(|c| c.is_ascii_digit()))
    };
    let mut i = 0;
    while i < tokens.len() {
        if !matches!(tokens[i], Token::Row(_) | Token::Label) {
            i += 1;
            continue;
        }
        let mut joined = canon(cells[i].span.slice(text));
        let mut found = None;
        let mut j = i + 1;
        while j < tokens.len() && j - i < MAX_LABEL_CELLS {
            let raw = cells[j].span.slice(text);
            if !fragment(tokens[j], raw) {
                break;
            }
            joined.push_str(&canon(raw));
            if let Some(r) = table.match_row(&joined) {
                found = Some((r, j));
            }
            j += 1;
        }
        match found {
            Some((r, end)) => {
                tokens[i] = Token::Row(r);
                tokens[i + 1..=end].fill(Token::Continuation);
                i = end + 1;
            }
            None => i += 1,
        }
    }
}

type ReadValues = (Vec<CellValue>, Vec<Span>, usize);

/// Reads up to `columns.len()` value cells from `start`; then counts the
/// non-empty value cells that follow (too many values).
fn read_values(
    text: &str,
    tokens: &[Token],
    cells: &[Span],
    start: usize,
    columns: &[&ColumnSpec],
) -> ReadValues {
    let mut values = Vec::with_capacity(columns.len());
    let mut index = start;
    while index < tokens.len() && values.len() < columns.len() && tokens[index] == Token::Value {
        let column = columns[values.len()];
        values.push(CellValue {
            column: column.id.clone(),
            span: cells[index],
            value: parse_value(cells[index].slice(text), column),
        });
        index += 1;
    }
    let mut extra = Vec::new();
    while index < tokens.len() && tokens[index] == Token::Value {
        if cells[index].len > 0 {
            extra.push(cells[index]);
        }
        index += 1;
    }
    (values, extra, index)
}

/// The table's one unlabelled row (section 四's fifteen values): the value
/// cells after the last label that precedes the first number, from the first
/// cell that visibly opens a row if there is one (padding cells such as the
/// seed's `|||||` close the header rows).
fn read_unlabelled(
    text: &str,
    tokens: &[Token],
    cells: &[Cell],
    spec: &crate::pack::TableSpec,
    r: usize,
) -> Option<TableRow> {
    let has_anchor = tokens.contains(&Token::Label);
    let first_number = (0..tokens.len()).find(|&i| {
        tokens[i] == Token::Value
            && cells[i]
                .span
                .slice(text)
                .chars()
                .any(|c| c.is_ascii_digit() || c == '/')
    })?;
    if !has_anchor {
        return None;
    }
    let start = tokens[..first_number]
        .iter()
        .rposition(|t| {
            matches!(
                t,
                Token::Label | Token::Row(_) | Token::Prose | Token::Continuation
            )
        })
        .map_or(0, |i| i + 1);
    let run_end = (start..tokens.len())
        .find(|&i| tokens[i] != Token::Value)
        .unwrap_or(tokens.len());
    let start = (start..run_end)
        .find(|&i| cells[i].row_start)
        .unwrap_or(start);
    let columns = spec.row_columns(&spec.rows[r]);
    let spans: Vec<Span> = cells.iter().map(|c| c.span).collect();
    let (values, extra, _) = read_values(text, tokens, &spans, start, &columns);
    let label_span = values.first().map(|v| v.span).unwrap_or_default();
    Some(TableRow {
        id: spec.rows[r].id.to_string(),
        label: String::new(),
        label_span,
        values,
        expected: columns.len(),
        extra,
    })
}

/// Reads a cell's text as a value of `column`.
pub fn parse_value(raw: &str, column: &ColumnSpec) -> Value {
    let folded: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(crate::normalize::fold_char)
        .collect();
    let folded = folded.as_str();
    if matches!(folded, "" | "/" | "-" | "—" | "–" | "——" | "无") {
        return Value::Blank;
    }
    if column.text {
        return Value::Text(raw.to_owned());
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = folded.strip_prefix('+').unwrap_or(folded);
    if digits(unsigned) {
        return unsigned
            .parse()
            .map_or(Value::Invalid(raw.to_owned()), Value::Integer);
    }
    if column.signed {
        if let Some(magnitude) = folded.strip_prefix('-').filter(|m| digits(m)) {
            if let Ok(n) = magnitude.parse::<i64>() {
                return Value::Integer(-n);
            }
        }
    }
    if column.decimal {
        if let Some((whole, fraction)) = unsigned.split_once('.') {
            if digits(whole) && digits(fraction) {
                if let Ok(d) = unsigned.parse() {
                    return Value::Decimal(d);
                }
            }
        }
    }
    Value::Invalid(raw.to_owned())
}
