//! Documents the report cites: `《title》(number)`.

use regex::Regex;
use serde::Serialize;

use crate::span::{Span, Spanned};

/// One citation of a document by title, with the number that follows it.
#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    /// The title inside `《》`.
    pub title: Spanned<String>,
    /// The document number in the parentheses right after it, e.g. `国办公开办函〔2021〕30号`.
    pub number: Option<Spanned<String>>,
    /// From `《` to the closing parenthesis (or `》`).
    pub span: Span,
}

/// Longest title (in characters) taken for a citation.
const MAX_TITLE_CHARS: usize = 200;

/// Longest document number (in characters) taken for a citation's number.
const MAX_NUMBER_CHARS: usize = 60;

fn citation_re() -> &'static Regex {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        // Unbounded repetitions, with the length limits applied after the
        // match: `{1,200}` of a Unicode class compiles to a 200-fold automaton,
        // most of the start-up time of a one-file run.
        Regex::new(r"《(?P<title>[^《》\n]+)》(?:\s*[(（]\s*(?P<number>[^()（）\n]+?)\s*[)）])?")
            .expect("valid regex")
    })
}

/// Every `《…》` citation in `text`, with its number if one follows.
pub fn find_citations(text: &str) -> Vec<Citation> {
    citation_re()
        .captures_iter(text)
        .filter_map(|caps| {
            let title = caps.name("title")?;
            if title.as_str().chars().count() > MAX_TITLE_CHARS {
                return None;
            }
            let number = caps
                .name("number")
                .filter(|m| m.as_str().chars().count() <= MAX_NUMBER_CHARS);
            // Without its number, the citation ends at `》`.
            let end = match number {
                Some(_) => caps.get(0)?.end(),
                None => title.end() + '》'.len_utf8(),
            };
            let whole = Span::from_range(title.start() - '《'.len_utf8(), end);
            let number =
                number.map(|m| Spanned::new(m.as_str().to_owned(), Span::new(m.start(), m.len())));
            Some(Citation {
                title: Spanned::new(
                    title.as_str().to_owned(),
                    Span::new(title.start(), title.len()),
                ),
                number,
                span: whole,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_number() {
        let text = "根据《中华人民共和国政府信息公开条例》(国务院令第711号)和《条例》制作";
        let cites = find_citations(text);
        assert_eq!(cites.len(), 2);
        assert_eq!(cites[0].title.value, "中华人民共和国政府信息公开条例");
        assert_eq!(cites[0].number.as_ref().unwrap().value, "国务院令第711号");
        assert!(cites[1].number.is_none());
    }
}
