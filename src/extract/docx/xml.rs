//! Reading the XML parts of a package: namespaces by URI, attributes by
//! local name, predefined entities only, no DTD, a cap on depth.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use super::error::DocxError;

/// Elements may nest at most this deep (a real document nests a few dozen
/// levels; a deeper one is refused rather than walked).
pub(crate) const MAX_DEPTH: usize = 512;

/// The namespaces the reader tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML (transitional or strict).
    W,
    /// Markup compatibility (`mc:AlternateContent`).
    Mc,
    /// Any other namespace, or none.
    Other,
}

fn namespace(result: ResolveResult<'_>) -> Ns {
    match result {
        ResolveResult::Bound(ns) => match ns.0 {
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            | b"http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
            b"http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
            _ => Ns::Other,
        },
        _ => Ns::Other,
    }
}

/// One event of a part, with its namespace resolved and its byte range.
pub(crate) enum Node<'a> {
    /// An opening tag (`empty` for `<x/>`).
    Open {
        /// Namespace of the element.
        ns: Ns,
        /// The element.
        element: BytesStart<'a>,
        /// Whether it is self-closing.
        empty: bool,
        /// Byte offset of `<`.
        start: usize,
        /// Byte offset just past `>`.
        end: usize,
    },
    /// A closing tag.
    Close {
        /// Namespace of the element.
        ns: Ns,
        /// Local name of the element.
        local: Vec<u8>,
        /// Byte offset of `<`.
        start: usize,
    },
    /// Character data, decoded (entities resolved).
    Text(String),
    /// The end of the part.
    Eof,
}

/// A pull reader over one part.
pub(crate) struct XmlReader<'a> {
    reader: NsReader<&'a [u8]>,
    part: &'a str,
    depth: usize,
}

impl<'a> XmlReader<'a> {
    /// A reader over `xml`, part `part` of the package (named in errors).
    pub(crate) fn new(xml: &'a str, part: &'a str) -> XmlReader<'a> {
        let mut reader = NsReader::from_str(xml);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        XmlReader {
            reader,
            part,
            depth: 0,
        }
    }

    fn malformed(&self, reason: impl ToString) -> DocxError {
        DocxError::MalformedXml {
            part: self.part.to_owned(),
            offset: self.reader.error_position() as usize,
            reason: reason.to_string(),
        }
    }

    /// The next node; a DTD, an unknown entity, a nesting past
    /// [`MAX_DEPTH`] or malformed XML is an error.
    pub(crate) fn next(&mut self) -> Result<Node<'a>, DocxError> {
        loop {
            let start = self.reader.buffer_position() as usize;
            let (ns, event) = match self.reader.read_resolved_event() {
                Ok((resolved, event)) => (namespace(resolved), event),
                Err(error) => return Err(self.malformed(error)),
            };
            let end = self.reader.buffer_position() as usize;
            return Ok(match event {
                Event::Start(element) => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(DocxError::TooDeep(self.part.to_owned()));
                    }
                    Node::Open {
                        ns,
                        element,
                        empty: false,
                        start,
                        end,
                    }
                }
                Event::Empty(element) => Node::Open {
                    ns,
                    element,
                    empty: true,
                    start,
                    end,
                },
                Event::End(element) => {
                    self.depth = self.depth.saturating_sub(1);
                    Node::Close {
                        ns,
                        local: element.local_name().as_ref().to_vec(),
                        start,
                    }
                }
                Event::Text(text) => Node::Text(
                    text.decode()
                        .map_err(|error| self.malformed(error))?
                        .into_owned(),
                ),
                Event::CData(data) => Node::Text(
                    data.decode()
                        .map_err(|error| self.malformed(error))?
                        .into_owned(),
                ),
                Event::GeneralRef(reference) => {
                    let resolved = if reference.is_char_ref() {
                        reference
                            .resolve_char_ref()
                            .map_err(|error| self.malformed(error))?
                    } else {
                        predefined_entity(&reference)
                    };
                    match resolved {
                        Some(c) => Node::Text(c.to_string()),
                        None => {
                            return Err(self.malformed(format!(
                                "unknown entity &{};",
                                String::from_utf8_lossy(&reference)
                            )))
                        }
                    }
                }
                Event::DocType(_) => return Err(DocxError::Dtd(self.part.to_owned())),
                Event::Eof => {
                    if self.depth > 0 {
                        return Err(self.malformed("unexpected end of the part"));
                    }
                    Node::Eof
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => continue,
            });
        }
    }

    /// The byte offset the reader is at (just past the last node read).
    pub(crate) fn position(&self) -> usize {
        self.reader.buffer_position() as usize
    }

    /// How many elements are open (the one just opened included).
    pub(crate) fn depth(&self) -> usize {
        self.depth
    }

    /// Skips to the end of the element just opened (not self-closing).
    pub(crate) fn skip(&mut self) -> Result<(), DocxError> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Node::Open { empty: false, .. } => depth += 1,
                Node::Close { .. } => depth -= 1,
                Node::Eof => return Err(self.malformed("unexpected end of the part")),
                _ => {}
            }
        }
        Ok(())
    }
}

fn predefined_entity(name: &[u8]) -> Option<char> {
    Some(match name {
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"quot" => '"',
        b"apos" => '\'',
        _ => return None,
    })
}

/// The value of the attribute of `element` with local name `local` (any
/// prefix), with predefined entities and character references resolved.
pub(crate) fn attribute(element: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|attribute| attribute.key.local_name().as_ref() == local)
        .map(|attribute| unescape(&String::from_utf8_lossy(&attribute.value)))
}

/// Resolves the predefined entities and character references of raw text;
/// anything else is kept as written.
pub(crate) fn unescape(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(semicolon) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semicolon];
        let resolved = match name.strip_prefix('#') {
            Some(number) => match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse().ok(),
            }
            .and_then(char::from_u32),
            None => predefined_entity(name.as_bytes()),
        };
        match resolved {
            Some(c) => {
                out.push(c);
                rest = &rest[semicolon + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a WordprocessingML on/off property is on: present, and not
/// `w:val="false"`, `"0"` or `"off"`.
pub(crate) fn is_on(element: &BytesStart<'_>) -> bool {
    !matches!(
        attribute(element, b"val").as_deref(),
        Some("false" | "0" | "off")
    )
}

/// The number in attribute `w:val` of `element`, if any.
pub(crate) fn val_number(element: &BytesStart<'_>) -> Option<i64> {
    attribute(element, b"val")?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_resolve_and_others_stay() {
        assert_eq!(unescape("a&amp;b&#x4E00;&#20108;&foo;&"), "a&b一二&foo;&");
    }

    #[test]
    fn a_dtd_is_refused() {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>";
        let mut reader = XmlReader::new(xml, "word/document.xml");
        let error = loop {
            match reader.next() {
                Err(error) => break error,
                Ok(Node::Eof) => panic!("read to the end"),
                Ok(_) => {}
            }
        };
        assert!(matches!(error, DocxError::Dtd(_)));
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let xml = "<a>".repeat(MAX_DEPTH + 1);
        let mut reader = XmlReader::new(&xml, "p");
        let error = loop {
            match reader.next() {
                Err(error) => break error,
                Ok(Node::Eof) => panic!("read to the end"),
                Ok(_) => {}
            }
        };
        assert!(matches!(error, DocxError::TooDeep(_)));
    }
}
