//! The Pest grammar (`grammar/report.pest`) and its lines.

use pest::Parser;
use pest_derive::Parser;

use crate::span::Span;

#[derive(Parser)]
#[grammar = "../grammar/report.pest"]
struct ReportGrammar;

/// The shape of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Only white space.
    Blank,
    /// Cells separated by `|` or tabs.
    Table,
    /// `一、…` with its numeral.
    SectionHeading(u8),
    /// `(一)…` with its numeral.
    SubsectionHeading(u8),
    /// `- …`.
    BulletHeading,
    /// Anything else.
    Text,
}

/// One line of the document.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// Its shape.
    pub kind: LineKind,
    /// The line without its line break.
    pub span: Span,
    /// For headings, the text after the numeral; otherwise the whole line.
    pub text: Span,
}

/// Upper bound on grammar rule calls for one document: a safety net against
/// pathological backtracking. The grammar makes a few dozen calls per byte, so
/// this is reached only far beyond the largest accepted input.
const CALL_LIMIT: usize = u32::MAX as usize;

static SET_CALL_LIMIT: std::sync::Once = std::sync::Once::new();

/// Classifies every line of `text`. Never fails: if the grammar ever gave up,
/// every line would be returned as text.
pub fn parse_lines(text: &str) -> Vec<Line> {
    // The limit is global in pest; set it once, not per (parallel) parse.
    SET_CALL_LIMIT.call_once(|| pest::set_call_limit(std::num::NonZeroUsize::new(CALL_LIMIT)));
    let parsed = ReportGrammar::parse(Rule::document, text);
    match parsed {
        Ok(mut pairs) => {
            let document = pairs
                .next()
                .expect("the document rule always yields one pair");
            document
                .into_inner()
                .filter_map(|pair| line_of(pair))
                .collect()
        }
        Err(_) => fallback_lines(text),
    }
}

fn line_of(pair: pest::iterators::Pair<'_, Rule>) -> Option<Line> {
    let span = Span::from_range(pair.as_span().start(), pair.as_span().end());
    let heading = |pair: pest::iterators::Pair<'_, Rule>| {
        let mut numeral = 0;
        let mut text = span;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::numeral => numeral = numeral_value(inner.as_str()),
                Rule::heading_text => {
                    text = Span::from_range(inner.as_span().start(), inner.as_span().end())
                }
                _ => {}
            }
        }
        (numeral, text)
    };
    let (kind, text) = match pair.as_rule() {
        Rule::blank_line => (LineKind::Blank, span),
        Rule::pipe_line | Rule::tab_line => (LineKind::Table, span),
        Rule::text_line => (LineKind::Text, span),
        Rule::section_heading => {
            let (n, text) = heading(pair);
            (LineKind::SectionHeading(n), text)
        }
        Rule::subsection_heading => {
            let (n, text) = heading(pair);
            (LineKind::SubsectionHeading(n), text)
        }
        Rule::bullet_heading => {
            let (_, text) = heading(pair);
            (LineKind::BulletHeading, text)
        }
        _ => return None,
    };
    Some(Line { kind, span, text })
}

/// The value of a Chinese numeral from one to nineteen.
pub fn numeral_value(numeral: &str) -> u8 {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u8 + 1)
    };
    let mut chars = numeral.chars();
    match (chars.next(), chars.next()) {
        (Some('十'), None) => 10,
        (Some('十'), Some(c)) => 10 + digit(c).unwrap_or(0),
        (Some(c), _) => digit(c).unwrap_or(0),
        _ => 0,
    }
}

/// Every line as plain text: used only if the grammar ever rejects input.
fn fallback_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i <= bytes.len() {
        if i == bytes.len() || bytes[i] == b'\n' || bytes[i] == b'\r' {
            let span = Span::from_range(start, i);
            let kind = if span.slice(text).trim().is_empty() {
                LineKind::Blank
            } else {
                LineKind::Text
            };
            lines.push(Line {
                kind,
                span,
                text: span,
            });
            if i + 1 < bytes.len() && bytes[i] == b'\r' && bytes[i + 1] == b'\n' {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<LineKind> {
        parse_lines(text).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn classifies_each_shape() {
        use LineKind::*;
        assert_eq!(
            kinds("一、总体情况\r\n（二） 依申请\n- 总体情况\n| a |\na\tb\n\n正文\n十二. x"),
            vec![
                SectionHeading(1),
                SubsectionHeading(2),
                BulletHeading,
                Table,
                Table,
                Blank,
                Text,
                SectionHeading(12)
            ]
        );
    }

    #[test]
    fn leading_tab_is_indentation() {
        assert_eq!(kinds("\t一、总体情况\t"), vec![LineKind::SectionHeading(1)]);
    }

    #[test]
    fn lone_carriage_returns_are_line_breaks() {
        assert_eq!(parse_lines("\r\r\r").len(), 4);
    }
}
