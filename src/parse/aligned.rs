//! Space-aligned table rows: the rendering `pdftotext -layout` gives a PDF's
//! tables (and some plain-text files have), cells set in columns by runs of
//! spaces — `规章       3        0       12`.
//!
//! The grammar classifies each line alone; a line of cells set apart by
//! spaces looks like a paragraph (or, `一、本年新收…   10   2 …`, like a
//! heading) to it. [`mark`] then reclassifies as [`LineKind::Aligned`] the
//! lines that are rows of such a table: a line that ends in a value set
//! apart by a run of two or more spaces, and a line of cells without values
//! and without a full stop (a header) next to one. A sentence with a double space stays a paragraph:
//! it does not end in a value, or no row stands next to it. How the rows'
//! cells form a grid (labels wrapped onto the next line, values on the line
//! of the label's middle, blank cells left out) is read by the model, which
//! knows the labels (`model::layout`).

use super::grammar::{Line, LineKind};
use crate::span::Span;

/// One run of non-blank characters of a line, and where it stands on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// The run's text.
    pub span: Span,
    /// Its first character's 0-based column: characters from the line's start.
    pub column: usize,
    /// Its length in characters.
    pub width: usize,
    /// The blank before it, in columns (an ideographic space counts two);
    /// for the first segment, the line's indentation.
    pub gap: usize,
}

impl Segment {
    /// The column just past its last character.
    pub fn end_column(&self) -> usize {
        self.column + self.width
    }
}

/// How wide a blank character is, in columns (0 for a non-blank one).
fn blank_width(c: char) -> usize {
    match c {
        ' ' | '\u{a0}' => 1,
        '\u{3000}' | '\t' => 2,
        _ => 0,
    }
}

/// The segments of `line` of `text`: its runs of non-blank characters.
pub fn segments(text: &str, line: Span) -> Vec<Segment> {
    let raw = line.slice(text);
    let mut out = Vec::new();
    let mut gap = 0;
    let mut column = 0;
    let mut start: Option<(usize, usize, usize)> = None;
    for (i, c) in raw.char_indices() {
        let blank = blank_width(c);
        match (blank, start) {
            (0, None) => start = Some((i, column, gap)),
            (0, Some(_)) => {}
            (_, Some((from, first, gap_before))) => {
                out.push(segment(line.offset, from, i, first, column, gap_before));
                start = None;
                gap = blank;
            }
            (_, None) => gap += blank,
        }
        column += 1;
    }
    if let Some((from, first, gap_before)) = start {
        out.push(segment(
            line.offset,
            from,
            raw.len(),
            first,
            column,
            gap_before,
        ));
    }
    out
}

fn segment(base: usize, from: usize, to: usize, column: usize, end: usize, gap: usize) -> Segment {
    Segment {
        span: Span::from_range(base + from, base + to),
        column,
        width: end - column,
        gap,
    }
}

/// Whether a segment reads as a table value: a number of any length
/// (`12`, `29.3`, `-1`, full-width digits too), a blank mark (`/`, `-`,
/// `—`, `无`), or a short cell that starts with a digit and is no
/// numbering (`5件`, `251000元`; not `1.属于国家秘密`).
pub fn is_value(raw: &str) -> bool {
    if matches!(raw, "/" | "-" | "—" | "–" | "——" | "－" | "／" | "无") || is_number(raw)
    {
        return true;
    }
    let mut chars = raw.chars().map(crate::normalize::fold_char);
    let first = chars.next();
    let first = match first {
        Some('+' | '-') => chars.next(),
        other => other,
    };
    if !first.is_some_and(|c| c.is_ascii_digit()) || raw.chars().count() > 12 {
        return false;
    }
    // `1.属于…`, `2、重复申请`: a numbering, then text.
    let mut rest = chars.skip_while(char::is_ascii_digit);
    match rest.next() {
        Some('.') => rest.next().is_some_and(|c| c.is_ascii_digit()),
        _ => true,
    }
}

/// Digits, with a sign or one decimal point (full-width forms too).
fn is_number(raw: &str) -> bool {
    let folded: String = raw.chars().map(crate::normalize::fold_char).collect();
    let unsigned = folded.strip_prefix(['+', '-']).unwrap_or(&folded);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// Whether the line has cells set apart by a run of at least two blank
/// columns (indentation does not count).
pub fn has_column_gap(segments: &[Segment]) -> bool {
    segments.iter().skip(1).any(|s| s.gap >= 2)
}

/// Whether the segments make a row with values: it ends in a value, and a
/// run of two or more blanks sets cells apart.
fn is_value_row(text: &str, segments: &[Segment]) -> bool {
    has_column_gap(segments)
        && segments
            .last()
            .is_some_and(|last| is_value(last.span.slice(text)))
}

/// How many lines away (blank lines not counted) a header row may stand
/// from a row with values.
const HEADER_REACH: usize = 2;

/// Reclassifies the rows of space-aligned tables among `lines` (see the
/// module documentation). Pipe and tab rows and blank lines are left alone.
pub fn mark(text: &str, lines: &mut [Line]) {
    #[derive(Clone, Copy, PartialEq)]
    enum Shape {
        Other,
        Values,
        Cells,
    }
    let shapes: Vec<Shape> = lines
        .iter()
        .map(|line| {
            if matches!(line.kind, LineKind::Blank | LineKind::Table) {
                return Shape::Other;
            }
            let segments = segments(text, line.span);
            if is_value_row(text, &segments) {
                Shape::Values
            } else if has_column_gap(&segments) {
                Shape::Cells
            } else {
                Shape::Other
            }
        })
        .collect();
    // Non-blank lines, by index, to look for neighbours across blank lines.
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind != LineKind::Blank)
        .collect();
    for (at, &index) in filled.iter().enumerate() {
        let near_values = || {
            let from = at.saturating_sub(HEADER_REACH);
            let to = (at + HEADER_REACH + 1).min(filled.len());
            filled[from..to]
                .iter()
                .any(|&other| shapes[other] == Shape::Values)
        };
        let aligned = match shapes[index] {
            Shape::Values => true,
            // A heading with a double space stays a heading, a sentence
            // (with a full stop) a paragraph.
            Shape::Cells => {
                lines[index].kind == LineKind::Text
                    && !lines[index].span.slice(text).contains('。')
                    && near_values()
            }
            Shape::Other => false,
        };
        if aligned {
            let line = &mut lines[index];
            line.kind = LineKind::Aligned;
            line.text = line.span;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_lines;

    fn texts(line: &str) -> Vec<(&str, usize, usize)> {
        segments(line, Span::new(0, line.len()))
            .into_iter()
            .map(|s| (s.span.slice(line), s.column, s.gap))
            .collect()
    }

    #[test]
    fn segments_know_their_columns_and_gaps() {
        assert_eq!(
            texts("  规章       3 0"),
            [("规章", 2, 2), ("3", 11, 7), ("0", 13, 1)]
        );
        assert_eq!(texts("　　本年度"), [("本年度", 2, 4)]);
        assert_eq!(texts(""), []);
        assert_eq!(texts("a  "), [("a", 0, 0)]);
    }

    #[test]
    fn values_are_numbers_blank_marks_and_short_numeric_cells() {
        for raw in [
            "0",
            "12",
            "29.3",
            "-1",
            "１２",
            "/",
            "—",
            "无",
            "5件",
            "251000元",
        ] {
            assert!(is_value(raw), "{raw}");
        }
        for raw in [
            "1.属于国家秘密",
            "2、重复申请",
            "1.",
            "规章",
            "",
            "(一)",
            "1234567890123件",
        ] {
            assert!(!is_value(raw), "{raw}");
        }
    }

    fn kinds(text: &str) -> Vec<LineKind> {
        let mut lines = parse_lines(text);
        mark(text, &mut lines);
        lines.into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn rows_and_their_headers_are_aligned_and_prose_is_not() {
        use LineKind::*;
        let table = "信息内容     本年处理决定数量\n\n行政许可     28\n一、本年新收政府信息公开申请数量   10   2\n";
        assert_eq!(kinds(table), [Aligned, Blank, Aligned, Aligned, Blank]);
        // A sentence with a double space, an indented paragraph, a heading.
        let prose = "本年度共收到申请  12 件，均已答复。\n　　本年度主动公开信息186条\n一、总体情况\n（一）主动公开  情况\n";
        assert_eq!(
            kinds(prose),
            [Text, Text, SectionHeading(1), SubsectionHeading(1), Blank]
        );
        // Cells without values far from any row stay what they were.
        assert_eq!(
            kinds("信息内容     本年处理决定数量\n正文\n正文\n正文"),
            [Text, Text, Text, Text]
        );
        // Pipe rows are not touched.
        assert_eq!(kinds("| 规章 |  3 |"), [Table]);
    }
}
