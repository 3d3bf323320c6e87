//! The comments part (`word/comments.xml`): the review comments disclint
//! adds, after any already there.

use crate::diagnostic::Diagnostic;
use crate::extract::docx::xml::{attribute, Node, Ns, XmlReader};
use crate::extract::docx::DocxError;
use crate::{tr, Lang};

/// The author of disclint's comments.
pub(crate) const AUTHOR: &str = "disclint";

/// The namespace declaration the inserted markup relies on.
pub(crate) const W_DECLARATION: &str =
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A new comments part holding `comments` (`w:comment` elements).
pub(crate) fn new_part(comments: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{}<w:comments {W_DECLARATION}>{comments}</w:comments>"#,
        "\r\n"
    )
}

/// What an existing comments part holds: the highest comment id, and where
/// new comments go (before the root's end tag, or replacing the `/>` of an
/// empty root).
pub(crate) struct Existing {
    /// The highest `w:id` of a comment.
    pub(crate) max_id: Option<u64>,
    /// Byte range to replace with the new comments (and, for an empty
    /// root, its end tag).
    pub(crate) insert: (usize, usize),
    /// Whether the root was empty (`<w:comments/>`).
    pub(crate) empty_root: bool,
    /// Whether the root binds the `w` prefix to WordprocessingML.
    pub(crate) binds_w: bool,
}

/// Reads an existing comments part.
pub(crate) fn existing(xml: &str, part: &str) -> Result<Existing, DocxError> {
    let mut reader = XmlReader::new(xml, part);
    let mut max_id: Option<u64> = None;
    let mut root: Option<(usize, usize, bool)> = None;
    let mut binds_w = false;
    loop {
        match reader.next()? {
            Node::Open {
                ns,
                element,
                empty,
                start,
                end,
            } => {
                if root.is_none() {
                    binds_w = xml[start..end].contains(W_DECLARATION);
                    root = Some((start, end, empty));
                    if empty {
                        continue;
                    }
                }
                if ns == Ns::W && element.local_name().as_ref() == b"comment" {
                    let id = attribute(&element, b"id").and_then(|id| id.trim().parse().ok());
                    max_id = max_id.max(id);
                }
            }
            Node::Close { start, .. } if reader.depth() == 0 => {
                return Ok(Existing {
                    max_id,
                    insert: (start, start),
                    empty_root: false,
                    binds_w,
                })
            }
            Node::Eof => break,
            _ => {}
        }
    }
    match root {
        Some((_, end, true)) => Ok(Existing {
            max_id,
            insert: (end - 2, end),
            empty_root: true,
            binds_w,
        }),
        _ => Err(DocxError::MalformedXml {
            part: part.to_owned(),
            offset: 0,
            reason: "no root element".into(),
        }),
    }
}

/// The XML of one comment on `diagnostic`, with id `id`, in `lang`.
pub(crate) fn comment(id: u64, diagnostic: &Diagnostic, lang: Lang) -> String {
    let heading = tr!(
        lang,
        "{}（{}）：{}",
        "{} ({}): {}",
        diagnostic.code,
        diagnostic.name,
        diagnostic.message
    );
    let mut xml = format!(
        r#"<w:comment w:id="{id}" w:author="{AUTHOR}" w:initials="DL"><w:p><w:r><w:annotationRef/></w:r>{}</w:p>"#,
        text_run(&heading)
    );
    if let Some(help) = &diagnostic.help {
        let help = tr!(lang, "修改建议：{}", "Help: {}", help);
        xml.push_str(&format!("<w:p>{}</w:p>", text_run(&help)));
    }
    xml.push_str("</w:comment>");
    xml
}

/// A run of text, escaped; lines of the text become line breaks.
fn text_run(text: &str) -> String {
    let mut xml = String::from("<w:r>");
    for (index, line) in text.lines().enumerate() {
        if index > 0 {
            xml.push_str("<w:br/>");
        }
        xml.push_str(r#"<w:t xml:space="preserve">"#);
        xml.push_str(&escape(line));
        xml.push_str("</w:t>");
    }
    xml.push_str("</w:r>");
    xml
}

/// Escapes text for XML content and drops characters XML 1.0 forbids.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn existing_comments_give_their_highest_id_and_the_end_tag() {
        let xml = format!(
            r#"<?xml version="1.0"?><w:comments {W_DECLARATION}><w:comment w:id="3"/><w:comment w:id="11"><w:p/></w:comment></w:comments>"#
        );
        let existing = existing(&xml, "word/comments.xml").unwrap();
        assert_eq!(existing.max_id, Some(11));
        assert!(existing.binds_w);
        assert_eq!(&xml[existing.insert.0..], "</w:comments>");
        let empty = format!(r#"<w:comments {W_DECLARATION}/>"#);
        let existing = existing_of(&empty);
        assert!(existing.empty_root);
        assert_eq!(&empty[existing.insert.0..existing.insert.1], "/>");
    }

    fn existing_of(xml: &str) -> Existing {
        existing(xml, "word/comments.xml").unwrap()
    }

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(escape("a<b>&\"c\u{1}"), "a&lt;b&gt;&amp;&quot;c");
    }
}
