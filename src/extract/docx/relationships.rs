//! Relationship parts (`_rels/*.rels`): which part plays which role.

use super::error::DocxError;
use super::xml::{attribute, Node, XmlReader};

/// One relationship of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Relationship {
    /// Its id (`rId3`).
    pub(crate) id: String,
    /// Its type URI.
    pub(crate) kind: String,
    /// Its target, as written.
    pub(crate) target: String,
    /// Whether the target is outside the package.
    pub(crate) external: bool,
}

/// The relationships in a `.rels` part.
pub(crate) fn parse(xml: &str, part: &str) -> Result<Vec<Relationship>, DocxError> {
    let mut reader = XmlReader::new(xml, part);
    let mut relationships = Vec::new();
    loop {
        match reader.next()? {
            Node::Open { element, .. } if element.local_name().as_ref() == b"Relationship" => {
                relationships.push(Relationship {
                    id: attribute(&element, b"Id").unwrap_or_default(),
                    kind: attribute(&element, b"Type").unwrap_or_default(),
                    target: attribute(&element, b"Target").unwrap_or_default(),
                    external: attribute(&element, b"TargetMode").as_deref() == Some("External"),
                });
            }
            Node::Eof => return Ok(relationships),
            _ => {}
        }
    }
}

/// The part name a relationship of the part in folder `base` points to
/// (`word` + `numbering.xml` → `word/numbering.xml`; `/word/x.xml` is
/// absolute; `..` steps out of a folder).
pub(crate) fn resolve(base: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// The target of the package's `officeDocument` relationship (`_rels/.rels`).
pub(crate) fn office_document(rels: &str) -> Result<Option<String>, DocxError> {
    Ok(parse(rels, "_rels/.rels")?
        .into_iter()
        .find(|r| r.kind.ends_with("/officeDocument") && !r.external)
        .map(|r| resolve("", &r.target)))
}

/// The name of the relationships part of part `name`
/// (`word/document.xml` → `word/_rels/document.xml.rels`).
pub(crate) fn rels_part_of(name: &str) -> String {
    match name.rsplit_once('/') {
        Some((folder, file)) => format!("{folder}/_rels/{file}.rels"),
        None => format!("_rels/{name}.rels"),
    }
}

/// The folder of part `name` (`word/document.xml` → `word`).
pub(crate) fn folder_of(name: &str) -> &str {
    name.rsplit_once('/').map_or("", |(folder, _)| folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_folder() {
        assert_eq!(resolve("word", "numbering.xml"), "word/numbering.xml");
        assert_eq!(resolve("word", "/word/styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word/sub", "../media/a.png"), "word/media/a.png");
        assert_eq!(
            rels_part_of("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
    }
}
