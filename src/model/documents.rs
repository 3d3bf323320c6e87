//! The registry of cited documents, ready for lookups by title and number.

use super::citations::fold_title;
use super::doc_number::{parse_number, NumberKey};
use crate::pack::CitationSpec;

/// A registered document with its titles folded and numbers parsed.
#[derive(Debug, Clone)]
pub struct CitedDocument {
    /// The entry as written.
    pub spec: CitationSpec,
    /// Folded title and short forms.
    titles: Vec<String>,
    /// The current number.
    pub key: Option<NumberKey>,
    /// Superseded numbers, parallel to `spec.superseded`.
    pub superseded: Vec<Option<NumberKey>>,
}

/// Every registered document.
#[derive(Debug, Clone, Default)]
pub struct Documents {
    documents: Vec<CitedDocument>,
}

fn key_of(number: &str) -> Option<NumberKey> {
    parse_number(number).and_then(|n| n.key())
}

impl Documents {
    /// The registry of these entries.
    pub fn new(specs: Vec<CitationSpec>) -> Self {
        let documents = specs
            .into_iter()
            .map(|spec| CitedDocument {
                titles: std::iter::once(&spec.title)
                    .chain(&spec.short)
                    .map(|t| fold_title(t))
                    .collect(),
                key: key_of(&spec.number),
                superseded: spec.superseded.iter().map(|s| key_of(&s.number)).collect(),
                spec,
            })
            .collect();
        Self { documents }
    }

    /// The document a citation title names: its title or a short form, or the
    /// title without its issuer (`关于印发…的通知`). Inner marks and spaces do
    /// not matter.
    pub fn by_title(&self, title: &str) -> Option<&CitedDocument> {
        let folded = fold_title(title);
        if folded.is_empty() {
            return None;
        }
        self.documents
            .iter()
            .find(|d| d.titles.contains(&folded))
            .or_else(|| {
                folded.starts_with("关于").then(|| {
                    self.documents
                        .iter()
                        .find(|d| d.titles[0].ends_with(folded.as_str()))
                })?
            })
    }

    /// Every document a citation title may name (a short form can be shared).
    pub fn all_by_title(&self, title: &str) -> Vec<&CitedDocument> {
        let folded = fold_title(title);
        let exact: Vec<&CitedDocument> = self
            .documents
            .iter()
            .filter(|d| d.titles.contains(&folded))
            .collect();
        if exact.is_empty() {
            self.by_title(title).into_iter().collect()
        } else {
            exact
        }
    }

    /// Every registered document, in registry order.
    pub fn iter(&self) -> impl Iterator<Item = &CitedDocument> {
        self.documents.iter()
    }

    /// The document whose current number this is.
    pub fn by_number(&self, key: &NumberKey) -> Option<&CitedDocument> {
        self.documents
            .iter()
            .find(|d| d.key.as_ref().is_some_and(|k| k.same_document(key)))
    }
}

#[cfg(test)]
mod tests {
    use crate::pack::PackSet;

    use super::*;

    fn builtin() -> Documents {
        let packs = PackSet::builtin().packs();
        Documents::new(packs.iter().flat_map(|p| p.citations.clone()).collect())
    }

    #[test]
    fn finds_titles_in_their_variants() {
        let docs = builtin();
        for title in [
            "国务院办公厅政府信息与政务公开办公室关于印发 <中华人民共和国政府信息公开工作年度报告格式> 的通知",
            "关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知",
            "国务院办公厅政府信息与政务公开办公室关于印发中华人民共和国政府信息公开工作年度报告格式的通知",
            "中华人民共和国政府信息公开工作年度报告格式",
        ] {
            assert_eq!(docs.by_title(title).map(|d| d.spec.id.as_str()), Some("format-2021"), "{title}");
        }
        assert!(docs.by_title("关于").is_none());
        assert!(docs.by_title("条例").is_none());
    }

    #[test]
    fn finds_numbers() {
        let docs = builtin();
        let key = key_of("国办公开办函[2019]60号").unwrap();
        assert_eq!(
            docs.by_number(&key).map(|d| d.spec.id.as_str()),
            Some("format-2019")
        );
    }
}
