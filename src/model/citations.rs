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

fn citation_re() -> &'static Regex {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"《(?P<title>[^《》\n]{1,200})》(?:\s*[(（]\s*(?P<number>[^()（）\n]{1,60}?)\s*[)）])?")
            .expect("valid regex")
    })
}

/// Every `《…》` citation in `text`, with its number if one follows.
pub fn find_citations(text: &str) -> Vec<Citation> {
    citation_re()
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let title = caps.name("title")?;
            let number = caps
                .name("number")
                .map(|m| Spanned::new(m.as_str().to_owned(), Span::new(m.start(), m.len())));
            Some(Citation {
                title: Spanned::new(
                    title.as_str().to_owned(),
                    Span::new(title.start(), title.len()),
                ),
                number,
                span: Span::new(whole.start(), whole.len()),
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
