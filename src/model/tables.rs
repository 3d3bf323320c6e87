//! The three tables, read by their row labels so that every rendering (seed
//! pipes, Markdown, tabs, one cell per line, space-aligned columns) yields
//! the same grid.

use std::ops::Range;

use serde::Serialize;

use super::format::{Format, TableFormat};
use crate::normalize::{canon, cjk_count, is_bare_numbering, strip_numbering};
use crate::pack::ColumnSpec;
use crate::parse::{Cell, Document, RowPlace};
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
    /// A whole number: a count, from 0 to `u64::MAX`, or in a signed column
    /// (2019's 本年增/减) a change down to `-u64::MAX`.
    Integer(Number),
    /// A decimal (the 万元 fee), with the decimals it was written with.
    Decimal(Number),
    /// Free text in a text column.
    Text(String),
    /// Empty, `/` or `-`: counted as 0, with a warning.
    Blank,
    /// Anything else: `abc`, `5件`, `-1`, `1,2`, or a count too large to hold.
    Invalid(String),
}

impl Value {
    /// The number this value stands for in arithmetic (blank is 0), if any.
    pub fn number(&self) -> Option<Number> {
        match self {
            Value::Integer(n) | Value::Decimal(n) => Some(*n),
            Value::Blank => Some(Number::ZERO),
            Value::Text(_) | Value::Invalid(_) => None,
        }
    }
}

/// An exact number, `units × 10^-scale`: a count (scale 0) or a decimal
/// with the decimals it was written with (`0.15`: 15 and 2).
///
/// Cells hold what they say, exactly: counts up to `u64::MAX` and decimals
/// of up to [`Number::MAX_DIGITS`] digits are read without rounding, unlike
/// `f64`, which cannot tell 9007199254740993 from 9007199254740992. The
/// arithmetic is checked (`None` where a result would not fit in `i128`),
/// and `Display` writes the digits, with the decimals of the scale.
///
/// `==` compares numbers as written (`1.5` and `1.50` differ); compare
/// values with [`Number::checked_sub`] and [`Number::is_zero`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    units: i128,
    scale: u32,
}

impl Number {
    /// Zero, as a count.
    pub const ZERO: Number = Number { units: 0, scale: 0 };

    /// The most digits a decimal cell may have (not counting leading zeros).
    pub const MAX_DIGITS: usize = 19;

    /// The most decimals a decimal cell may have (not counting trailing zeros).
    pub const MAX_SCALE: u32 = 18;

    /// The units of `10^-scale`, exactly, if they fit.
    fn at_scale(self, scale: u32) -> Option<i128> {
        let factor = 10i128.checked_pow(scale.checked_sub(self.scale)?)?;
        self.units.checked_mul(factor)
    }

    /// `self + other`, at the larger of their scales, if it fits.
    pub fn checked_add(self, other: Number) -> Option<Number> {
        let scale = self.scale.max(other.scale);
        let units = self.at_scale(scale)?.checked_add(other.at_scale(scale)?)?;
        Some(Number { units, scale })
    }

    /// `self - other`, at the larger of their scales, if it fits.
    pub fn checked_sub(self, other: Number) -> Option<Number> {
        self.checked_add(other.checked_neg()?)
    }

    /// `-self`, if it fits.
    pub fn checked_neg(self) -> Option<Number> {
        Some(Number {
            units: self.units.checked_neg()?,
            scale: self.scale,
        })
    }

    /// How many decimals it is written with.
    pub fn scale(self) -> u32 {
        self.scale
    }

    /// Whether the value is zero (at any scale).
    pub fn is_zero(self) -> bool {
        self.units == 0
    }

    /// Whether the value is below zero.
    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    /// The value as a count, if it is a whole non-negative number written
    /// without decimals that fits in `u64`.
    pub fn to_u64(self) -> Option<u64> {
        if self.scale == 0 {
            u64::try_from(self.units).ok()
        } else {
            None
        }
    }

    /// The same value without trailing zero decimals beyond `scale` (`0.4500000`
    /// → `0.45` for scale 2).
    pub fn trimmed_to(self, scale: u32) -> Number {
        let mut number = self;
        while number.scale > scale && number.units % 10 == 0 {
            number.units /= 10;
            number.scale -= 1;
        }
        number
    }
}

impl From<u64> for Number {
    fn from(n: u64) -> Self {
        Number {
            units: i128::from(n),
            scale: 0,
        }
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{}", self.units.unsigned_abs());
        }
        let digits = self.units.unsigned_abs().to_string();
        // At least one digit before the point: 0.05, not .05.
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{whole}.{fraction}")
    }
}

impl Serialize for Number {
    /// A JSON number: an integer for a count (a string should one not fit
    /// in 64 bits), a float for a decimal.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.scale > 0 {
            let value: f64 = self.to_string().parse().unwrap_or(f64::NAN);
            serializer.serialize_f64(value)
        } else if let Ok(n) = u64::try_from(self.units) {
            serializer.serialize_u64(n)
        } else if let Ok(n) = i64::try_from(self.units) {
            serializer.serialize_i64(n)
        } else {
            serializer.collect_str(self)
        }
    }
}

/// How one cell reads in the context of one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token {
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

/// A wrapped row label spans at most this many cells (the longest label, in
/// a narrow column of a PDF's table, wraps onto ten lines).
pub(super) const MAX_LABEL_CELLS: usize = 12;

/// Cells longer than this (in characters) are prose, not values, unless
/// they are written as a number (a count too large to read is an invalid
/// value, not the end of its row).
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
            let cells = super::layout::table_cells(text, doc, blocks, table, format);
            read_table(text, table, format, &cells, scoped)
        })
        .collect()
}

/// How `cell` reads in `table`.
pub(super) fn classify(text: &str, table: &TableFormat, format: &Format, cell: Span) -> Token {
    let raw = cell.slice(text);
    // Fast path: an ASCII cell (a number, `/`, `-`) is no label when no label is ASCII.
    if raw.is_ascii() && !table.has_ascii_key() {
        return if raw.len() > MAX_VALUE_CHARS && !is_numeral(raw) {
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
    if cjk_count(&folded) >= 2 && format.in_vocabulary(&folded) {
        return Token::Label;
    }
    if raw.chars().count() > MAX_VALUE_CHARS && !is_numeral(raw) {
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
    let width = line_width(cells);
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
        if let Some(place) = cells[index - 1].place {
            let line = Line::of(text, cells, index - 1, place, 1);
            index += merge_padding(&tokens, cells, index, line, columns.len(), width);
        }
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
        if let Some(row) = read_unlabelled(text, &tokens, cells, spec, r, width) {
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
    // A label's tail: words without digits, or the closing bracket alone
    // that a space-aligned label wrapped onto its own line; never a cell
    // that opens with a numbering (`(四)…`, `2.…`): that is the next label.
    let fragment = |token: Token, raw: &str| {
        let words = token == Token::Label
            || (token == Token::Value
                && ((cjk_count(raw) > 0 && !raw.chars().any(|c| c.is_ascii_digit()))
                    || (!raw.is_empty() && raw.chars().all(|c| matches!(c, ')' | '）')))));
        let folded = canon(raw);
        words && strip_numbering(&folded).len() == folded.len()
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

/// The cells of a line around the place a row's values start.
#[derive(Debug, Clone, Copy)]
struct Line {
    /// Cells of the line before it (the label and those before).
    before: usize,
    /// Cells from there to the line's end.
    after: usize,
    /// Cells of the line.
    count: usize,
    /// Whether the line ends the text (an excerpt cut inside it).
    ends_text: bool,
}

impl Line {
    /// The line of cell `at` (standing at `place` on it), seen from `skip`
    /// cells after it: 1 for the values after a label, 0 from the cell itself.
    fn of(text: &str, cells: &[Cell], at: usize, place: RowPlace, skip: usize) -> Line {
        let last = (at + place.count() - place.index() - 1).min(cells.len() - 1);
        let rest = text.get(cells[last].span.end()..).unwrap_or_default();
        Line {
            before: place.index() + skip,
            after: place.count() - place.index() - skip,
            count: place.count(),
            ends_text: rest
                .trim_matches(|c: char| c.is_whitespace() || c == '|')
                .is_empty(),
        }
    }
}

/// How many cells a table's rows written on one line have: the most
/// common count among its lines of two or more cells (the larger of two
/// equally common), 0 when it has none. On the grid a converter leaves of
/// a table with merged cells (every row as wide as the table), it is the
/// grid's width.
fn line_width(cells: &[Cell]) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for place in cells
        .iter()
        .filter_map(|c| c.place)
        .filter(|p| p.index() == 0)
    {
        match counts.iter_mut().find(|(width, _)| *width == place.count()) {
            Some((_, lines)) => *lines += 1,
            None => counts.push((place.count(), 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(width, lines)| (lines, width))
        .map_or(0, |(width, _)| width)
}

/// How many empty cells at `first` are the padding of a merged cell
/// rather than values. A converter writes a label merged over several
/// columns (`三、本年度办理结果` beside `(一)予以公开`, `一、本年新收…` over
/// three) as the label and empty cells, every line as wide as the table's
/// grid (`width`), so a row's values stand in the grid's last columns — on a
/// line as wide or wider (a value too many), or on the text's last line (an
/// excerpt cut inside it). Failing that, when the line has more cells from
/// `first` than the row's `expected` values, the surplus at its start is
/// padding. A narrower line that does not end the text has no padding on
/// the grid: it is written with only the cells that start there (as a web
/// page's cells are). Padding must be empty: cells with text are as many
/// values too many (T002), never skipped.
fn merge_padding(
    tokens: &[Token],
    cells: &[Cell],
    first: usize,
    line: Line,
    expected: usize,
    width: usize,
) -> usize {
    let on_grid = if line.count >= width || line.ends_text {
        width
            .saturating_sub(expected)
            .saturating_sub(line.before)
            .min(line.after)
    } else {
        0
    };
    let surplus = line.after.saturating_sub(expected);
    let empty = |padding: usize| {
        (first..first + padding)
            .all(|i| tokens.get(i) == Some(&Token::Value) && cells[i].span.len == 0)
    };
    [on_grid, surplus]
        .into_iter()
        .find(|&padding| padding > 0 && empty(padding))
        .unwrap_or(0)
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
    width: usize,
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
    let start = start
        + cells[start].place.map_or(0, |place| {
            let line = Line::of(text, cells, start, place, 0);
            merge_padding(tokens, cells, start, line, columns.len(), width)
        });
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

/// Why a cell's text is not a value of its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unfit {
    /// Not written as a number the column takes.
    NotANumber,
    /// Written as one, but beyond what is read exactly.
    OutOfRange,
}

/// Reads a cell's text as a value of `column`.
pub fn parse_value(raw: &str, column: &ColumnSpec) -> Value {
    read_value(raw, column).unwrap_or_else(|_| Value::Invalid(raw.to_owned()))
}

/// Whether a cell's text is written as a number of `column` that is too
/// large to read exactly: a count above `u64::MAX`, a decimal of more than
/// [`Number::MAX_DIGITS`] digits or [`Number::MAX_SCALE`] decimals.
pub fn out_of_range(raw: &str, column: &ColumnSpec) -> bool {
    read_value(raw, column) == Err(Unfit::OutOfRange)
}

fn read_value(raw: &str, column: &ColumnSpec) -> Result<Value, Unfit> {
    let folded: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(crate::normalize::fold_char)
        .collect();
    let folded = folded.as_str();
    if matches!(folded, "" | "/" | "-" | "—" | "–" | "——" | "无") {
        return Ok(Value::Blank);
    }
    if column.text {
        return Ok(Value::Text(raw.to_owned()));
    }
    let unsigned = folded.strip_prefix('+').unwrap_or(folded);
    if is_digits(unsigned) {
        return count(unsigned).map(Value::Integer);
    }
    if column.signed {
        if let Some(magnitude) = folded.strip_prefix('-').filter(|m| is_digits(m)) {
            let n = count(magnitude)?;
            return n.checked_neg().map(Value::Integer).ok_or(Unfit::OutOfRange);
        }
    }
    if column.decimal {
        if let Some((whole, fraction)) = unsigned.split_once('.') {
            if is_digits(whole) && is_digits(fraction) {
                return decimal(whole, fraction).map(Value::Decimal);
            }
        }
    }
    Err(Unfit::NotANumber)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A count of ASCII digits, if it fits in `u64`.
fn count(digits: &str) -> Result<Number, Unfit> {
    digits
        .parse::<u64>()
        .map(Number::from)
        .map_err(|_| Unfit::OutOfRange)
}

/// A decimal of ASCII digits, exactly, if it has at most
/// [`Number::MAX_DIGITS`] digits and [`Number::MAX_SCALE`] decimals.
fn decimal(whole: &str, fraction: &str) -> Result<Number, Unfit> {
    let whole = whole.trim_start_matches('0');
    let fraction = if fraction.len() > Number::MAX_SCALE as usize {
        fraction.trim_end_matches('0')
    } else {
        fraction
    };
    let significant = format!("{whole}{fraction}");
    let significant = significant.trim_start_matches('0');
    if fraction.len() > Number::MAX_SCALE as usize || significant.len() > Number::MAX_DIGITS {
        return Err(Unfit::OutOfRange);
    }
    let units = if significant.is_empty() {
        0
    } else {
        significant.parse::<i128>().map_err(|_| Unfit::OutOfRange)?
    };
    let scale = u32::try_from(fraction.len()).map_err(|_| Unfit::OutOfRange)?;
    Ok(Number { units, scale })
}

/// Whether a cell is written as a number, however long: digits, with a sign
/// or a decimal point (full-width forms too). Such a cell is a value, never
/// prose.
fn is_numeral(raw: &str) -> bool {
    let mut chars = raw.chars().map(crate::normalize::fold_char).peekable();
    if chars.peek().is_some_and(|c| matches!(c, '+' | '-')) {
        chars.next();
    }
    let (mut digits, mut points) = (0, 0);
    for c in chars {
        match c {
            '0'..='9' => digits += 1,
            '.' if digits > 0 && points == 0 => points += 1,
            _ => return false,
        }
    }
    digits > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(decimal: bool, signed: bool) -> ColumnSpec {
        ColumnSpec {
            id: "c".into(),
            label: "c".into(),
            decimal,
            signed,
            text: false,
            short: None,
        }
    }

    #[test]
    fn counts_are_read_exactly_up_to_u64_max() {
        let count = column(false, false);
        for (raw, shown) in [
            ("0", "0"),
            ("007", "7"),
            ("+5", "5"),
            ("９", "9"),
            ("9007199254740993", "9007199254740993"),
            ("18446744073709551615", "18446744073709551615"),
            ("000000000000000000000000000001", "1"),
        ] {
            match parse_value(raw, &count) {
                Value::Integer(n) => assert_eq!(n.to_string(), shown, "{raw}"),
                other => panic!("{raw}: {other:?}"),
            }
        }
        for raw in ["18446744073709551616", &"1".repeat(30)] {
            assert_eq!(parse_value(raw, &count), Value::Invalid(raw.to_owned()));
            assert!(out_of_range(raw, &count), "{raw}");
        }
        for raw in ["-1", "1.5", "1,2", "5件"] {
            assert_eq!(parse_value(raw, &count), Value::Invalid(raw.to_owned()));
            assert!(!out_of_range(raw, &count), "{raw}");
        }
        let signed = column(false, true);
        assert_eq!(
            parse_value("-18446744073709551615", &signed)
                .number()
                .map(|n| n.to_string()),
            Some("-18446744073709551615".to_owned())
        );
        assert!(out_of_range("-18446744073709551616", &signed));
    }

    #[test]
    fn decimals_keep_their_digits() {
        let fee = column(true, false);
        for (raw, shown) in [
            ("0.15", "0.15"),
            ("96171.6", "96171.6"),
            ("1.50", "1.50"),
            ("00.05", "0.05"),
            ("0.000", "0.000"),
            ("1234567890.123456789", "1234567890.123456789"),
            ("0.1000000000000000000000", "0.1"),
        ] {
            match parse_value(raw, &fee) {
                Value::Decimal(n) => assert_eq!(n.to_string(), shown, "{raw}"),
                other => panic!("{raw}: {other:?}"),
            }
        }
        assert_eq!(parse_value("3", &fee), Value::Integer(Number::from(3)));
        for raw in ["12345678901.123456789", "0.1234567890123456789"] {
            assert!(out_of_range(raw, &fee), "{raw}");
        }
    }

    #[test]
    fn arithmetic_is_exact_and_checked() {
        let fee = column(true, false);
        let n = |raw: &str| parse_value(raw, &fee).number().unwrap();
        let sum = n("0.15").checked_add(n("0.3")).unwrap();
        assert_eq!(sum.to_string(), "0.45");
        assert!(sum.checked_sub(n("0.450")).unwrap().is_zero());
        assert!(!sum.checked_sub(n("0.4500001")).unwrap().is_zero());
        assert_eq!(
            n("0.4500001")
                .checked_add(n("0.45").checked_sub(n("0.4500001")).unwrap())
                .unwrap()
                .trimmed_to(2)
                .to_string(),
            "0.45"
        );
        let max = Number {
            units: i128::MAX,
            scale: 0,
        };
        assert_eq!(max.checked_add(Number::from(1)), None);
        assert_eq!(n("0.5").at_scale(u32::MAX), None);
        assert_eq!(
            serde_json::to_string(&[Number::from(u64::MAX), n("0.15"), max]).unwrap(),
            format!("[{},0.15,\"{}\"]", u64::MAX, i128::MAX)
        );
    }

    #[test]
    fn numerals_of_any_length_are_values() {
        for raw in ["1", "-1", "+0.5", "１２３", &"1".repeat(1000), "1.5"] {
            assert!(is_numeral(raw), "{raw}");
        }
        for raw in ["", "-", ".5", "1.2.3", "1,2", "1 2", "5件", "abc"] {
            assert!(!is_numeral(raw), "{raw}");
        }
    }
}
