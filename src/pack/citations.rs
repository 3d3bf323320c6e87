//! Citation registry entries: a document's title, short forms and numbers.
//!
//! The built-in registry is `rules/citations.toml`; packs add entries with
//! `[[citations]]`.

use serde::Deserialize;

use super::{PackStr, Problem};
use crate::bilingual;
use crate::model::parse_number;

/// The built-in registry of documents, as (file name, TOML text).
pub const BUILTIN_CITATIONS: (&str, &str) = (
    "rules/citations.toml",
    include_str!("../../rules/citations.toml"),
);

/// A document reports cite.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitationSpec {
    /// Stable identifier.
    pub id: String,
    /// The full title, without the outer `《》`.
    pub title: String,
    /// Accepted short forms of the title.
    #[serde(default)]
    pub short: Vec<String>,
    /// The current number.
    pub number: PackStr,
    /// The first report year the document applies to.
    #[serde(default)]
    pub since: Option<i32>,
    /// The last report year the document applies to, if it was replaced.
    #[serde(default)]
    pub until: Option<i32>,
    /// Numbers of texts this one replaced.
    #[serde(default)]
    pub superseded: Vec<SupersededSpec>,
}

/// A number that was right until some year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupersededSpec {
    /// The old number.
    pub number: PackStr,
    /// The last report year it was right for.
    pub until: i32,
    /// What happened to it.
    #[serde(default)]
    pub note: Option<String>,
}

impl CitationSpec {
    /// Whether the document applies to reports for `year`.
    pub fn applies_to(&self, year: i32) -> bool {
        self.since.is_none_or(|since| since <= year) && self.until.is_none_or(|until| year <= until)
    }

    /// Checks that every number parses.
    pub(crate) fn validate(&self, problems: &mut Vec<Problem>) {
        let numbers =
            std::iter::once(&self.number).chain(self.superseded.iter().map(|s| &s.number));
        for number in numbers {
            if parse_number(number).is_none() {
                problems.push(Problem::at(
                    number.span(),
                    bilingual!(
                        "引用文件“{}”：“{}”不是文号（应写作“代字〔YYYY〕N号”或“国务院令第N号”）",
                        "citation `{}`: `{}` is not a document number (write `代字〔YYYY〕N号` or `国务院令第N号`)",
                        self.id,
                        number
                    ),
                ));
            }
        }
    }
}
