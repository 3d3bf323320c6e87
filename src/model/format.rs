//! The effective format of one edition: built-in pack plus user packs, with
//! labels folded for matching.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::agencies::AgencyKinds;
use super::documents::Documents;
use crate::normalize::{canon, strip_numbering};
use crate::pack::{CitationSpec, OutlineSpec, Pack, Resolved, SectionSpec, TableSpec};
use crate::Edition;

/// Everything the model needs to know about one format edition.
#[derive(Debug, Clone)]
pub struct Format {
    /// The edition.
    pub edition: Edition,
    /// Required sections, in order.
    pub sections: Vec<SectionSpec>,
    /// Tables with their matching keys.
    pub tables: Vec<TableFormat>,
    /// Outlines that preceded the format (S010).
    pub outdated_outlines: Vec<OutlineSpec>,
    /// Folded labels of every table (rows, columns, headers, captions),
    /// each followed by [`VOCABULARY_SEPARATOR`]: one text, so that a cell
    /// is looked up in all of them by one substring search.
    vocabulary: String,
    /// The registry of cited documents.
    pub documents: Documents,
    /// The kinds of agencies, told by their names.
    pub agencies: AgencyKinds,
    /// The number of the document that issued the edition (its pack's
    /// `document`), as the registry writes it: `国办公开办函〔2021〕30号`.
    pub basis: Option<String>,
    /// Per section (same order as `sections`): its keys, each split on `+`
    /// and folded once here rather than for every block of every report.
    section_keys: Vec<Vec<Vec<String>>>,
    /// Per section (same order as `sections`): its heading folded and
    /// without its numbering (`一、总体情况` → `总体情况`), the only text a
    /// paragraph may be to stand for the heading.
    bare_headings: Vec<String>,
}

/// What ends each label in [`Format`]'s vocabulary text: no folded label
/// holds a line break (folding drops white space).
const VOCABULARY_SEPARATOR: &str = "\n";

/// A table schema with folded row keys.
#[derive(Debug, Clone)]
pub struct TableFormat {
    /// The schema as written.
    pub spec: TableSpec,
    /// Per row: folded label and aliases.
    pub row_keys: Vec<Vec<String>>,
    /// Every folded label and alias, with the first row it names.
    rows_by_key: FxHashMap<String, usize>,
    /// The same keys without their numbering (`(一)予以公开` → `予以公开`),
    /// with the first row whose key it is.
    rows_by_bare_key: FxHashMap<String, usize>,
    /// Whether some row key, without its numbering, is pure ASCII (so that an
    /// ASCII cell such as a number could be a row label).
    ascii_key: bool,
    /// Per identity of the schema: the identity resolved against it (`None`
    /// for one that does not resolve; the pack check reports those).
    pub resolved: Vec<Option<Resolved>>,
}

/// Labels shorter than this (in characters) are too common to tell editions apart.
const MIN_LABEL_CHARS: usize = 4;

/// Per table kind, folded labels.
type LabelsByTable = HashMap<String, Vec<String>>;

/// The formats of every edition, each built on first use (a run over 2024
/// reports never builds the 2019 one unless a report has its labels to check).
#[derive(Debug, Clone)]
pub struct Formats {
    packs: Vec<Pack>,
    /// Per edition, in the order of [`Edition::ALL`].
    editions: [OnceLock<Format>; Edition::ALL.len()],
    /// Per pair of editions, [`Formats::only_in`].
    only_in: [[OnceLock<LabelsByTable>; Edition::ALL.len()]; Edition::ALL.len()],
}

impl Formats {
    /// The formats `packs` describe, the built-in ones and the user's in
    /// load order (a pack with an edition applies to that one only).
    pub fn new(packs: &[Pack]) -> Self {
        Self {
            packs: packs.to_vec(),
            editions: [const { OnceLock::new() }; Edition::ALL.len()],
            only_in: [const { [const { OnceLock::new() }; Edition::ALL.len()] };
                Edition::ALL.len()],
        }
    }

    /// The format of `edition`.
    pub fn get(&self, edition: Edition) -> &Format {
        self.editions[edition.index()].get_or_init(|| Format::new(edition, &self.packs))
    }

    /// Per table kind of `edition`, its folded labels (rows, columns,
    /// headers) that no label of `than` contains and that are long enough
    /// to tell the editions apart: what a table filled in on `edition`'s
    /// template shows and one of `than` does not.
    pub fn only_in(&self, edition: Edition, than: Edition) -> &HashMap<String, Vec<String>> {
        self.only_in[edition.index()][than.index()].get_or_init(|| {
            let own: Vec<String> = self
                .get(than)
                .tables
                .iter()
                .flat_map(|t| labels(&t.spec))
                .collect();
            self.get(edition)
                .tables
                .iter()
                .map(|table| {
                    let only = labels(&table.spec)
                        .into_iter()
                        .filter(|l| l.chars().count() >= MIN_LABEL_CHARS)
                        .filter(|l| !own.iter().any(|o| o.contains(l.as_str())))
                        .collect();
                    (table.spec.kind.to_string(), only)
                })
                .collect()
        })
    }
}

impl Format {
    /// Whether folded text `folded` is part of some table label.
    pub fn in_vocabulary(&self, folded: &str) -> bool {
        !folded.contains(VOCABULARY_SEPARATOR) && self.vocabulary.contains(folded)
    }

    fn new(edition: Edition, packs: &[Pack]) -> Self {
        let mut sections: Vec<SectionSpec> = Vec::new();
        let mut citations: Vec<CitationSpec> = Vec::new();
        let mut tables: Vec<TableSpec> = Vec::new();
        let mut outdated_outlines: Vec<OutlineSpec> = Vec::new();
        let mut document = None;
        let mut agencies = Vec::new();
        for pack in packs.iter().filter(|p| p.applies_to(edition)) {
            agencies.extend(&pack.agencies);
            if pack.pack.edition == Some(edition) {
                document = pack.pack.document.as_ref().or(document);
            }
            for section in &pack.sections {
                match sections.iter_mut().find(|s| s.kind == section.kind) {
                    Some(existing) => *existing = section.clone(),
                    None => sections.push(section.clone()),
                }
            }
            for table in &pack.tables {
                match tables.iter_mut().find(|t| t.kind == table.kind) {
                    Some(existing) => *existing = table.clone(),
                    None => tables.push(table.clone()),
                }
            }
            outdated_outlines.extend(pack.outdated_outlines.iter().cloned());
            for citation in &pack.citations {
                match citations.iter_mut().find(|c| c.id == citation.id) {
                    Some(existing) => *existing = citation.clone(),
                    None => citations.push(citation.clone()),
                }
            }
            for identity in &pack.identities {
                let kind = identity.table.as_ref().map_or("", |t| t.as_str());
                if let Some(table) = tables.iter_mut().find(|t| t.kind == kind) {
                    table.identities.push(identity.clone());
                }
            }
        }
        let mut vocabulary = Vec::new();
        for table in &tables {
            vocabulary.extend(table.headers.iter().map(|h| canon(h)));
            vocabulary.extend(table.columns.iter().map(|c| canon(&c.label)));
            for row in &table.rows {
                vocabulary.push(canon(&row.label));
                vocabulary.extend(row.aliases.iter().map(|a| canon(a)));
                vocabulary.extend(row.caption.iter().map(|c| canon(c)));
            }
        }
        vocabulary.retain(|v| !v.is_empty());
        vocabulary.sort();
        vocabulary.dedup();
        let vocabulary: String = vocabulary
            .iter()
            .flat_map(|label| [label.as_str(), VOCABULARY_SEPARATOR])
            .collect();
        let tables = tables
            .into_iter()
            .map(|spec| {
                let row_keys: Vec<Vec<String>> = spec
                    .rows
                    .iter()
                    .map(|row| {
                        std::iter::once(&row.label)
                            .chain(&row.aliases)
                            .map(|l| canon(l))
                            .filter(|k| !k.is_empty())
                            .collect()
                    })
                    .collect();
                let ascii_key = row_keys
                    .iter()
                    .flatten()
                    .any(|key| strip_numbering(key).is_ascii());
                let mut rows_by_key = FxHashMap::default();
                let mut rows_by_bare_key = FxHashMap::default();
                for (row, keys) in row_keys.iter().enumerate() {
                    for key in keys {
                        rows_by_key.entry(key.clone()).or_insert(row);
                        rows_by_bare_key
                            .entry(strip_numbering(key).to_owned())
                            .or_insert(row);
                    }
                }
                let resolved = spec
                    .identities
                    .iter()
                    .map(|identity| identity.resolve(&spec).ok())
                    .collect();
                TableFormat {
                    row_keys,
                    rows_by_key,
                    rows_by_bare_key,
                    ascii_key,
                    resolved,
                    spec,
                }
            })
            .collect();
        let section_keys = sections
            .iter()
            .map(|section| {
                section
                    .keys
                    .iter()
                    .map(|key| key.split('+').map(canon).collect())
                    .collect()
            })
            .collect();
        let bare_headings = sections
            .iter()
            .map(|section| strip_numbering(&canon(&section.heading)).to_owned())
            .collect();
        let basis = document.and_then(|id| {
            let cited = citations.iter().find(|c| c.id == id.as_str())?;
            Some(cited.number.to_string())
        });
        Self {
            edition,
            sections,
            tables,
            outdated_outlines,
            vocabulary,
            basis,
            documents: Documents::new(citations),
            agencies: AgencyKinds::new(&agencies),
            section_keys,
            bare_headings,
        }
    }

    /// The heading of `section`, folded and without its numbering.
    pub fn bare_heading(&self, section: &SectionSpec) -> Option<&str> {
        let index = self.sections.iter().position(|s| s.kind == section.kind)?;
        self.bare_headings.get(index).map(String::as_str)
    }

    /// Whether `bare` (folded, without numbering) is some section's heading.
    pub fn is_bare_heading(&self, bare: &str) -> bool {
        self.bare_headings.iter().any(|heading| heading == bare)
    }

    /// The first section whose heading `folded_heading` matches (see [`heading_matches`]).
    pub fn section_for_heading(&self, folded_heading: &str) -> Option<&SectionSpec> {
        let index = self.section_keys.iter().position(|keys| {
            keys.iter().any(|parts| {
                parts
                    .iter()
                    .all(|part| folded_heading.contains(part.as_str()))
            })
        })?;
        self.sections.get(index)
    }

    /// The section spec of `kind`.
    pub fn section(&self, kind: &str) -> Option<&SectionSpec> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// Whether folded `text` is one of the table labels (a row label that
    /// happens to look like a section heading: `一、本年新收…`).
    pub fn is_table_label(&self, folded: &str) -> bool {
        self.tables
            .iter()
            .flat_map(|t| t.row_keys.iter().flatten())
            .any(|key| {
                key == folded || (folded.starts_with(key.as_str()) && key.chars().count() >= 4)
            })
    }
}

impl TableFormat {
    /// Whether a cell of ASCII text only (a number, `/`, `-`) could match a row label.
    pub fn has_ascii_key(&self) -> bool {
        self.ascii_key
    }

    /// The row whose label `folded` is, if any: the first row with a key
    /// that `folded` is, or that `folded` continues with a parenthesis
    /// (`予以公开(含不予公开)`), else the first whose key without its
    /// numbering `folded` is without its own (three characters at least).
    pub fn match_row(&self, folded: &str) -> Option<usize> {
        let exact = folded
            .match_indices('(')
            .map(|(at, _)| &folded[..at])
            .chain(std::iter::once(folded))
            .filter_map(|key| self.rows_by_key.get(key).copied())
            .min();
        exact.or_else(|| {
            let bare = strip_numbering(folded);
            if bare.chars().count() < 3 {
                return None;
            }
            self.rows_by_bare_key.get(bare).copied()
        })
    }

    /// The row whose label or alias `folded` is exactly (not followed by a
    /// parenthesis, not without its numbering), if any.
    pub fn match_row_exactly(&self, folded: &str) -> Option<usize> {
        self.rows_by_key.get(folded).copied()
    }
}

/// Every folded row, column and header label of a table.
fn labels(table: &TableSpec) -> Vec<String> {
    table
        .columns
        .iter()
        .map(|c| canon(&c.label))
        .chain(table.rows.iter().flat_map(|r| {
            std::iter::once(canon(&r.label)).chain(r.aliases.iter().map(|a| canon(a)))
        }))
        .chain(table.headers.iter().map(|h| canon(h)))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Whether a heading matches a section spec: it contains every `+` part of one key.
pub fn heading_matches(section: &SectionSpec, folded_heading: &str) -> bool {
    keys_match(&section.keys, folded_heading)
}

/// Whether a folded heading contains every `+` part of one of `keys`.
pub(super) fn keys_match(keys: &[String], folded_heading: &str) -> bool {
    keys.iter().any(|key| {
        key.split('+')
            .all(|part| folded_heading.contains(canon(part).as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::PackSet;

    #[test]
    fn each_edition_takes_its_basis_from_its_pack() {
        let formats = Formats::new(PackSet::builtin().packs());
        let basis = |edition| formats.get(edition).basis.clone();
        assert_eq!(
            basis(Edition::E2021).as_deref(),
            Some("国办公开办函〔2021〕30号")
        );
        assert_eq!(
            basis(Edition::E2019).as_deref(),
            Some("国办公开办函〔2019〕60号")
        );
        // A pack of an edition that names another document changes it.
        let text = "[pack]\nname = \"t\"\nedition = 2019\ndocument = \"ogi-regulation\"\n";
        let pack = Pack::from_toml("t.toml", text).unwrap();
        let err = Pack::from_toml("t.toml", &text.replace("ogi-regulation", "nope")).unwrap_err();
        assert_eq!(err.span_text(), Some("\"nope\""), "{err}");
        let packs: Vec<Pack> = PackSet::builtin()
            .with_user(vec![pack])
            .unwrap()
            .packs()
            .to_vec();
        let formats = Formats::new(&packs);
        assert_eq!(
            formats.get(Edition::E2019).basis.as_deref(),
            Some("国务院令第711号")
        );
        assert_eq!(
            formats.get(Edition::E2021).basis.as_deref(),
            Some("国办公开办函〔2021〕30号")
        );
    }
}
