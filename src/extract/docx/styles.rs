//! Paragraph styles (`word/styles.xml`), for the list numbering a style
//! gives its paragraphs (`w:style/w:pPr/w:numPr`, inherited through
//! `w:basedOn`).

use std::collections::HashMap;

use super::error::DocxError;
use super::xml::{attribute, val_number, Node, Ns, XmlReader};

/// The numbering of one style, as written in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct StyleNumbering {
    num_id: Option<String>,
    level: Option<usize>,
}

#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    numbering: StyleNumbering,
}

/// The paragraph styles of a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Styles {
    styles: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

/// Styles inherit through at most this many `w:basedOn` steps (Word allows
/// no loops; a hostile file might have one).
const MAX_BASED_ON: usize = 32;

impl Styles {
    /// Reads `word/styles.xml`.
    pub(crate) fn parse(xml: &str, part: &str) -> Result<Styles, DocxError> {
        let mut reader = XmlReader::new(xml, part);
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        let mut in_ppr = false;
        loop {
            match reader.next()? {
                Node::Open {
                    ns: Ns::W,
                    element,
                    empty,
                    ..
                } => match element.local_name().as_ref() {
                    b"style" => {
                        let paragraph =
                            attribute(&element, b"type").as_deref() == Some("paragraph");
                        let id = attribute(&element, b"styleId").unwrap_or_default();
                        if paragraph
                            && attribute(&element, b"default")
                                .is_some_and(|d| d == "1" || d == "true")
                        {
                            styles.default_paragraph = Some(id.clone());
                        }
                        if paragraph && !empty {
                            current = Some((id, Style::default()));
                        } else if !empty {
                            reader.skip()?;
                        }
                    }
                    b"pPr" if current.is_some() && !empty => in_ppr = true,
                    b"basedOn" => {
                        if let Some((_, style)) = &mut current {
                            style.based_on = attribute(&element, b"val");
                        }
                    }
                    b"numId" if in_ppr => {
                        if let Some((_, style)) = &mut current {
                            style.numbering.num_id = attribute(&element, b"val");
                        }
                    }
                    b"ilvl" if in_ppr => {
                        if let Some((_, style)) = &mut current {
                            style.numbering.level =
                                val_number(&element).and_then(|l| usize::try_from(l).ok());
                        }
                    }
                    b"rPr" | b"tblPr" | b"trPr" | b"tcPr" | b"tblStylePr" if !empty => {
                        reader.skip()?
                    }
                    _ => {}
                },
                Node::Close {
                    ns: Ns::W, local, ..
                } => match local.as_slice() {
                    b"pPr" => in_ppr = false,
                    b"style" => {
                        if let Some((id, style)) = current.take() {
                            styles.styles.insert(id, style);
                        }
                    }
                    _ => {}
                },
                Node::Eof => return Ok(styles),
                _ => {}
            }
        }
    }

    /// The style a paragraph without `w:pStyle` has.
    pub(crate) fn default_paragraph(&self) -> Option<&str> {
        self.default_paragraph.as_deref()
    }

    /// The numbering instance and level (if the style names one) of
    /// paragraph style `id`, through its `w:basedOn` chain.
    pub(crate) fn numbering(&self, id: &str) -> Option<(String, Option<usize>)> {
        let mut id = id;
        let mut level = None;
        for _ in 0..MAX_BASED_ON {
            let style = self.styles.get(id)?;
            level = level.or(style.numbering.level);
            if let Some(num_id) = &style.numbering.num_id {
                return Some((num_id.clone(), level));
            }
            id = style.based_on.as_deref()?;
        }
        None
    }
}
