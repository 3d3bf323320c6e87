//! The kind of an agency (a township, a county, a city, a province, a
//! department), told from its name by the vocabulary in
//! `rules/agency-kinds.toml`.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::normalize::canon;
use crate::Lang;

/// The vocabulary's file name and text.
const VOCABULARY: (&str, &str) = (
    "rules/agency-kinds.toml",
    include_str!("../../rules/agency-kinds.toml"),
);

/// One kind of agency.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyKind {
    /// Stable id: `township`, `county`, `city`, `province`, `department`.
    pub id: String,
    /// The name in Chinese.
    pub zh: String,
    /// The name in English.
    pub en: String,
    /// Endings of the agency names of this kind.
    pub suffixes: Vec<String>,
}

impl AgencyKind {
    /// The kind's name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Vocabulary {
    kinds: Vec<AgencyKind>,
}

static KINDS: LazyLock<Vec<AgencyKind>> = LazyLock::new(|| {
    let (file, text) = VOCABULARY;
    toml::from_str::<Vocabulary>(text)
        .unwrap_or_else(|error| panic!("{file} is built in and valid: {error}"))
        .kinds
});

/// Every kind, in the vocabulary's order (the order tables list them in).
pub fn kinds() -> &'static [AgencyKind] {
    &KINDS
}

/// The kind of the agency named `agency`: the first kind of the vocabulary
/// one of whose suffixes ends the name (white space and bracket widths
/// folded), if any.
pub fn kind_of(agency: &str) -> Option<&'static AgencyKind> {
    let name = canon(agency);
    kinds().iter().find(|kind| {
        kind.suffixes
            .iter()
            .any(|suffix| name.len() > suffix.len() && name.ends_with(suffix.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(agency: &str) -> Option<&'static str> {
        kind_of(agency).map(|kind| kind.id.as_str())
    }

    #[test]
    fn names_tell_their_kind() {
        for (agency, kind) in [
            ("青禾县白石镇人民政府", Some("township")),
            ("示例县第12乡人民政府", Some("township")),
            ("东城区和平街道办事处", Some("township")),
            ("青禾县人民政府", Some("county")),
            ("示例市西区人民政府", Some("county")),
            ("示例市人民政府", Some("city")),
            ("示例自治州人民政府", Some("city")),
            ("某某省人民政府", Some("province")),
            ("青禾县人民政府办公室", Some("department")),
            ("示例市统计局", Some("department")),
            ("青禾县 教育局", Some("department")),
            ("示例市发展和改革委员会", Some("department")),
            ("某某", None),
            ("局", None),
        ] {
            assert_eq!(id(agency), kind, "{agency}");
        }
    }

    #[test]
    fn every_kind_is_named_in_both_languages() {
        assert!(kinds().len() >= 5);
        for kind in kinds() {
            assert!(!kind.zh.is_empty() && !kind.en.is_empty() && !kind.suffixes.is_empty());
        }
    }
}
