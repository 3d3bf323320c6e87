//! Kinds of agencies, told by how an agency's name ends, and whether an
//! agency of the kind can make 规章 (`rules/agencies.toml`).

use serde::Deserialize;

use super::{PackStr, Problem};
use crate::bilingual;

/// The built-in kinds of agencies, as (file name, TOML text).
pub const BUILTIN_AGENCIES: (&str, &str) = (
    "rules/agencies.toml",
    include_str!("../../rules/agencies.toml"),
);

/// A kind of agency.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencySpec {
    /// Stable identifier: `township`, `county`, `local_department`, …
    pub kind: PackStr,
    /// The kind's name in Chinese, for messages.
    pub name_zh: String,
    /// The kind's name in English, for messages.
    pub name_en: String,
    /// The name of an agency of the kind ends with one of these.
    pub endings: Vec<PackStr>,
    /// The name before the ending holds one of these (none: no condition).
    #[serde(default)]
    pub within: Vec<String>,
    /// A name starting with one of these is not of the kind.
    #[serde(default)]
    pub unless_starting: Vec<String>,
    /// Whether an agency of the kind can make 规章; `None` where it depends.
    #[serde(default)]
    pub regulations: Option<bool>,
}

impl AgencySpec {
    /// Checks that the kind has endings and none is empty (an empty ending
    /// would fit every name).
    pub(crate) fn validate(&self, problems: &mut Vec<Problem>) {
        for ending in &self.endings {
            if ending.trim().is_empty() {
                problems.push(Problem::at(
                    ending.span(),
                    bilingual!(
                        "机关类别“{}”有一个空的结尾",
                        "agency kind `{}` has an empty ending",
                        self.kind
                    ),
                ));
            }
        }
        if self.endings.is_empty() {
            problems.push(Problem::at(
                self.kind.span(),
                bilingual!(
                    "机关类别“{}”没有结尾",
                    "agency kind `{}` has no endings",
                    self.kind
                ),
            ));
        }
    }
}
