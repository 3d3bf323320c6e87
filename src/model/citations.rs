//! Documents the report cites: `《title》(number)`.
//!
//! Title marks are matched as pairs, so a title inside a title (`《关于印发
//! 《…》的通知》`, `《关于印发<…>的通知》`) stays part of the outer citation
//! and is recorded as an inner title. Marks left open at the end of a sentence,
//! and closing marks with no opening one, are recorded as stray.

use serde::Serialize;

use super::doc_number::{find_numbers, DocNumber};
use crate::normalize::canon;
use crate::span::{Span, Spanned};

/// One citation of a document by title, with the number that follows it.
#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    /// The title inside the outer `《》`, as written (inner marks included).
    pub title: Spanned<String>,
    /// The first document number in the parentheses right after the title.
    pub number: Option<Spanned<String>>,
    /// Every document number in those parentheses, parsed.
    #[serde(skip)]
    pub numbers: Vec<DocNumber>,
    /// The text inside the parentheses right after the title, if any.
    pub note: Option<Spanned<String>>,
    /// Titles nested inside this one.
    pub inner: Vec<InnerTitle>,
    /// From `《` to the closing parenthesis (or `》`).
    pub span: Span,
}

/// A title inside a title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InnerTitle {
    /// The opening mark.
    pub open: Span,
    /// The closing mark.
    pub close: Span,
    /// Which marks it is written with.
    pub marks: InnerMarks,
}

/// The marks of an inner title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InnerMarks {
    /// `〈〉` (or U+2329/U+232A): right.
    Single,
    /// `《》` again.
    Double,
    /// ASCII `<>`.
    Ascii,
    /// Full-width `＜＞`.
    Fullwidth,
}

impl InnerMarks {
    fn of_open(c: char) -> Option<InnerMarks> {
        match c {
            '〈' | '\u{2329}' => Some(InnerMarks::Single),
            '<' => Some(InnerMarks::Ascii),
            '＜' => Some(InnerMarks::Fullwidth),
            _ => None,
        }
    }

    fn of_close(c: char) -> Option<InnerMarks> {
        match c {
            '〉' | '\u{232A}' => Some(InnerMarks::Single),
            '>' => Some(InnerMarks::Ascii),
            '＞' => Some(InnerMarks::Fullwidth),
            _ => None,
        }
    }
}

/// A title mark without its partner within the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StrayMark {
    /// The mark.
    pub span: Span,
    /// `true` for `《` left open, `false` for `》` never opened.
    pub opening: bool,
}

/// The citations and stray title marks of a text.
#[derive(Debug, Clone, Default)]
pub struct TitleMarks {
    /// Complete citations, in text order.
    pub citations: Vec<Citation>,
    /// Marks without partners.
    pub stray: Vec<StrayMark>,
}

/// Longest parenthetical (in bytes) read after a title.
const MAX_NOTE_BYTES: usize = 600;

/// Every `《…》` citation of `text` (with its number if one follows) and
/// every mark without a partner: title marks matched pairwise within sentences.
pub fn scan_title_marks(text: &str) -> TitleMarks {
    let mut out = TitleMarks::default();
    // Open marks: `《` (None) or an inner mark inside a title (Some(kind)).
    let mut stack: Vec<(usize, Option<InnerMarks>)> = Vec::new();
    let mut inner: Vec<InnerTitle> = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if stack.is_empty() {
            // Outside a title only `《` and `》` matter, and both, like all
            // CJK punctuation, start with the byte 0xE3.
            match memchr::memchr(0xE3, &bytes[at..]) {
                Some(next) => at += next,
                None => break,
            }
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let here = at;
        at += c.len_utf8();
        let at = here;
        match c {
            '《' => stack.push((at, None)),
            '》' => match stack.iter().rposition(|(_, kind)| kind.is_none()) {
                Some(pos) => {
                    let open = stack[pos].0;
                    stack.truncate(pos);
                    let close = Span::new(at, c.len_utf8());
                    if stack.is_empty() {
                        out.citations
                            .push(citation(text, open, close, std::mem::take(&mut inner)));
                    } else if !stack
                        .iter()
                        .any(|(_, kind)| *kind == Some(InnerMarks::Single))
                    {
                        // `《》` inside `〈〉` is the third level, which is right.
                        inner.push(InnerTitle {
                            open: Span::new(open, '《'.len_utf8()),
                            close,
                            marks: InnerMarks::Double,
                        });
                    }
                }
                None => out.stray.push(StrayMark {
                    span: Span::new(at, c.len_utf8()),
                    opening: false,
                }),
            },
            '\n' | '\r' | '。' => {
                if let Some(&(open, _)) = stack.iter().find(|(_, kind)| kind.is_none()) {
                    out.stray.push(StrayMark {
                        span: Span::new(open, '《'.len_utf8()),
                        opening: true,
                    });
                }
                stack.clear();
                inner.clear();
            }
            _ if !stack.is_empty() => {
                if let Some(kind) = InnerMarks::of_open(c) {
                    stack.push((at, Some(kind)));
                } else if let Some(kind) = InnerMarks::of_close(c) {
                    if let Some(&(open, Some(top))) = stack.last() {
                        if top == kind {
                            stack.pop();
                            inner.push(InnerTitle {
                                open: Span::new(
                                    open,
                                    text[open..].chars().next().map_or(1, char::len_utf8),
                                ),
                                close: Span::new(at, c.len_utf8()),
                                marks: kind,
                            });
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // A text that ends inside a title was cut off: not a defect of the report.
    out.stray.sort_by_key(|m| m.span.offset);
    out
}

fn citation(text: &str, open: usize, close: Span, mut inner: Vec<InnerTitle>) -> Citation {
    inner.sort_by_key(|t| t.open.offset);
    let title_span = Span::from_range(open + '《'.len_utf8(), close.offset);
    let note = note_after(text, close.end());
    let numbers = note
        .as_ref()
        .map(|n| find_numbers(text, n.span))
        .unwrap_or_default();
    let number = numbers.first().map(|n| {
        let span = n.span();
        Spanned::new(span.slice(text).to_owned(), span)
    });
    let end = note.as_ref().map_or(close.end(), |n| {
        n.span.end()
            + text[n.span.end()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8)
    });
    Citation {
        title: Spanned::new(title_span.slice(text).to_owned(), title_span),
        number,
        numbers,
        note,
        inner,
        span: Span::from_range(open, end),
    }
}

/// The text inside the parentheses that follow `from` (after spaces), if any.
fn note_after(text: &str, from: usize) -> Option<Spanned<String>> {
    let rest = &text[from..];
    let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '\u{3000}']).len();
    let start = from + skipped;
    let mut chars = text[start..].char_indices();
    let (_, first) = chars.next()?;
    if !matches!(first, '(' | '（') {
        return None;
    }
    let inner_start = start + first.len_utf8();
    let mut depth = 1;
    for (i, c) in chars {
        if i > MAX_NOTE_BYTES || matches!(c, '\n' | '\r') {
            return None;
        }
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => {
                depth -= 1;
                if depth == 0 {
                    let span = Span::from_range(inner_start, start + i);
                    return Some(Spanned::new(span.slice(text).to_owned(), span));
                }
            }
            _ => {}
        }
    }
    None
}

/// A title folded for matching: no white space, no inner title marks, ASCII
/// punctuation.
pub fn fold_title(title: &str) -> String {
    let stripped: String = title
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '《' | '》' | '〈' | '〉' | '<' | '>' | '＜' | '＞' | '\u{2329}' | '\u{232A}'
            )
        })
        .collect();
    canon(&stripped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_number() {
        let text = "根据《中华人民共和国政府信息公开条例》(国务院令第711号)和《条例》制作";
        let cites = scan_title_marks(text).citations;
        assert_eq!(cites.len(), 2);
        assert_eq!(cites[0].title.value, "中华人民共和国政府信息公开条例");
        assert_eq!(cites[0].number.as_ref().unwrap().value, "国务院令第711号");
        assert!(cites[1].number.is_none());
    }

    #[test]
    fn nested_titles_stay_inside_the_outer_one() {
        let text = "《关于印发 <格式> 的通知》(国办公开办函〔2021〕30号,以下简称《通知》)和《关于印发《办法》的通知》";
        let marks = scan_title_marks(text);
        assert!(marks.stray.is_empty());
        let cites = &marks.citations;
        assert_eq!(cites.len(), 3, "{cites:?}");
        assert_eq!(cites[0].title.value, "关于印发 <格式> 的通知");
        assert_eq!(cites[0].inner.len(), 1);
        assert_eq!(cites[0].inner[0].marks, InnerMarks::Ascii);
        assert_eq!(
            cites[0].number.as_ref().unwrap().value,
            "国办公开办函〔2021〕30号"
        );
        assert_eq!(cites[1].title.value, "通知");
        assert_eq!(cites[2].title.value, "关于印发《办法》的通知");
        assert_eq!(cites[2].inner[0].marks, InnerMarks::Double);
        assert_eq!(fold_title(&cites[0].title.value), "关于印发格式的通知");
    }

    #[test]
    fn numbers_in_nested_parentheses() {
        let text = "《条例》(国办公开办函(2021)30号)";
        let cites = scan_title_marks(text).citations;
        assert_eq!(
            cites[0].number.as_ref().unwrap().value,
            "国办公开办函(2021)30号"
        );
        assert_eq!(cites[0].span.slice(text), text);
    }

    #[test]
    fn stray_marks() {
        let text = "根据《条例规定。\n见条例》要求。\n末尾《未完";
        let marks = scan_title_marks(text);
        let strays: Vec<_> = marks
            .stray
            .iter()
            .map(|m| (m.span.slice(text), m.opening))
            .collect();
        assert_eq!(strays, [("《", true), ("》", false)]);
    }
}
