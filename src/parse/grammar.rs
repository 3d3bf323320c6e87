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
    /// A row of a space-aligned table (set by [`super::aligned::mark`]
    /// after the grammar, never by it).
    Aligned,
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

/// Classifies every line of `text`. Never fails: if the grammar ever gave up
/// on a line, the line would be returned as text.
///
/// Lines are split at `\n`, `\r\n` and `\r` (the grammar's `NEWLINE`) and
/// each is classified on its own, which the grammar allows: no rule looks past
/// a line break. Lines whose class the grammar's first alternatives settle
/// without looking (a `|` anywhere makes a `pipe_line`; blank lines; lines
/// that cannot start a heading and have no tab are text) are classified
/// directly; the others go through the grammar. A test checks that this
/// gives exactly what the grammar gives on the whole document.
pub fn parse_lines(text: &str) -> Vec<Line> {
    // The limit is global in pest; set it once, not per (parallel) parse.
    SET_CALL_LIMIT.call_once(|| pest::set_call_limit(std::num::NonZeroUsize::new(CALL_LIMIT)));
    let mut lines = Vec::with_capacity(text.len() / 32 + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    loop {
        let end = line_end(bytes, start);
        lines.push(classify(text, Span::from_range(start, end)));
        if end == bytes.len() {
            break;
        }
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
    }
    lines
}

/// The offset of the next `\n` or `\r` from `from`, or the end of the text.
fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|b| matches!(b, b'\n' | b'\r'))
        .map_or(bytes.len(), |i| from + i)
}

/// Characters a heading line can start with (after white space), in any of
/// the grammar's heading rules.
fn may_start_heading(c: char) -> bool {
    matches!(
        c,
        '#' | '('
            | '（'
            | '-'
            | '•'
            | '·'
            | '●'
            | '■'
            | '◆'
            | '*'
            | '十'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
    )
}

/// The grammar's `hspace` without the tab.
fn is_hspace_not_tab(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}')
}

/// Classifies one line (without its line break), or a piece of one as if
/// it stood on a line of its own.
pub(super) fn classify(text: &str, span: Span) -> Line {
    let raw = span.slice(text);
    let plain = |kind| Line {
        kind,
        span,
        text: span,
    };
    // `pipe_line` is the first alternative and matches any line with a `|`.
    if raw.contains('|') {
        return plain(LineKind::Table);
    }
    if !raw.contains('\t') {
        let lead = raw.trim_start_matches(is_hspace_not_tab);
        match lead.chars().next() {
            None => return plain(LineKind::Blank),
            Some(c) if !may_start_heading(c) => return plain(LineKind::Text),
            Some(_) => {}
        }
        if let Some((kind, text)) = numbered_heading(lead, raw.len() - lead.len()) {
            return Line {
                kind,
                span,
                text: Span::new(span.offset + text.offset, text.len),
            };
        }
    }
    match ReportGrammar::parse(Rule::document, raw) {
        Ok(mut pairs) => pairs
            .next()
            .and_then(|document| document.into_inner().find_map(line_of))
            .map(|line| Line {
                kind: line.kind,
                span,
                text: Span::new(span.offset + line.text.offset, line.text.len),
            })
            .unwrap_or_else(|| plain(LineKind::Text)),
        Err(_) => plain(if raw.trim().is_empty() {
            LineKind::Blank
        } else {
            LineKind::Text
        }),
    }
}

/// What the grammar makes of a line that starts (after white space, at
/// byte `at`) with a numeral or a parenthesis and has no tab, `|` or `**`
/// in it: its `section_heading` (`一、总体情况`), its `subsection_heading`
/// (`（一）主动公开情况`) or, when neither shape is complete, a `text_line`;
/// read by hand, as these lines are most of what the shortcuts above leave
/// to the grammar. The kind and the heading text (the whole line for text),
/// in the line; `None` leaves the line to the grammar: Markdown or bullet
/// marks, bold marks, nothing after the numeral. The property tests below
/// hold it to the grammar.
fn numbered_heading(lead: &str, at: usize) -> Option<(LineKind, Span)> {
    if lead.contains("**") {
        return None;
    }
    let whole = Span::new(0, at + lead.len());
    let text = || Some((LineKind::Text, whole));
    let skip_space = |s: &'_ str| s.trim_start_matches(is_hspace_not_tab).len();
    let (subsection, after_open) = match lead.chars().next()? {
        c @ ('(' | '（') => (true, &lead[c.len_utf8()..]),
        '十' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' => {
            (false, lead)
        }
        _ => return None,
    };
    let after_open = &after_open[after_open.len() - skip_space(after_open)..];
    let Some((numeral, after_numeral)) = numeral_prefix(after_open) else {
        return text();
    };
    let after_numeral = &after_numeral[after_numeral.len() - skip_space(after_numeral)..];
    let mark = after_numeral.chars().next();
    let fits = if subsection {
        matches!(mark, Some(')' | '）'))
    } else {
        matches!(mark, Some('、' | '.' | '．' | ',' | '，'))
    };
    let Some(mark) = mark.filter(|_| fits) else {
        return text();
    };
    let heading = &after_numeral[mark.len_utf8()..];
    let heading = &heading[heading.len() - skip_space(heading)..];
    if heading.is_empty() {
        return None;
    }
    let kind = if subsection {
        LineKind::SubsectionHeading(numeral)
    } else {
        LineKind::SectionHeading(numeral)
    };
    Some((kind, Span::new(whole.len - heading.len(), heading.len())))
}

/// The grammar's `numeral` at the start of `text` (`十`? then a digit, or
/// `十` alone): its value and the text after it.
fn numeral_prefix(text: &str) -> Option<(u8, &str)> {
    let first = text.chars().next()?;
    let after_first = &text[first.len_utf8()..];
    if first != '十' {
        return digit_value(first).map(|d| (d, after_first));
    }
    match after_first.chars().next().and_then(digit_value) {
        Some(d) => Some((10 + d, &after_first['一'.len_utf8()..])),
        None => Some((10, after_first)),
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
    let mut chars = numeral.chars();
    match (chars.next(), chars.next()) {
        (Some('十'), None) => 10,
        (Some('十'), Some(c)) => 10 + digit_value(c).unwrap_or(0),
        (Some(c), _) => digit_value(c).unwrap_or(0),
        _ => 0,
    }
}

/// The value of a Chinese digit from one to nine.
fn digit_value(c: char) -> Option<u8> {
    "一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The grammar alone over the whole document: what `parse_lines` must equal.
    fn reference(text: &str) -> Vec<(LineKind, Span, Span)> {
        let mut pairs = ReportGrammar::parse(Rule::document, text).expect("total grammar");
        pairs
            .next()
            .unwrap()
            .into_inner()
            .filter_map(line_of)
            .map(|l| (l.kind, l.span, l.text))
            .collect()
    }

    fn fast(text: &str) -> Vec<(LineKind, Span, Span)> {
        parse_lines(text)
            .into_iter()
            .map(|l| (l.kind, l.span, l.text))
            .collect()
    }

    const PIECES: &[&str] = &[
        "一",
        "十",
        "十二",
        "、",
        ".",
        "．",
        "，",
        "(",
        "（",
        ")",
        "）",
        "#",
        "**",
        "## ",
        "-",
        "•",
        "*",
        " ",
        "\t",
        "\u{3000}",
        "\u{a0}",
        "|",
        "\n",
        "\r",
        "\r\n",
        "总体情况",
        "十一",
        "九",
        "a",
        "0",
        "规章",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn line_by_line_equals_the_grammar_on_the_whole_text(
            parts in prop::collection::vec(prop::sample::select(PIECES), 0..40)
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(fast(&text), reference(&text), "{:?}", text);
        }

        #[test]
        fn line_by_line_equals_the_grammar_on_any_text(text in "\\PC{0,60}") {
            prop_assert_eq!(fast(&text), reference(&text));
        }
    }

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
