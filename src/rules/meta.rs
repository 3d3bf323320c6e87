//! What a rule says about itself: the data behind `disclint rules`,
//! `disclint explain` and `docs/rules.md`.

use std::borrow::Cow;

use serde::Serialize;

use crate::diagnostic::Severity;

/// The rule families; the first letter of every code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Family {
    /// `S`: sections, title and document structure.
    Structure,
    /// `T`: table shape and cells.
    Tables,
    /// `A`: arithmetic identities.
    Arithmetic,
    /// `C`: citations of documents.
    Citations,
    /// `P`: the statistics period and years.
    Period,
    /// `X`: text patterns.
    Text,
    /// `I`: reading the input.
    Input,
}

impl Family {
    /// The letter codes of this family start with.
    pub fn letter(self) -> char {
        match self {
            Family::Structure => 'S',
            Family::Tables => 'T',
            Family::Arithmetic => 'A',
            Family::Citations => 'C',
            Family::Period => 'P',
            Family::Text => 'X',
            Family::Input => 'I',
        }
    }

    /// The family's name in English.
    pub fn name(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::Tables => "tables",
            Family::Arithmetic => "arithmetic",
            Family::Citations => "citations",
            Family::Period => "period",
            Family::Text => "text",
            Family::Input => "input",
        }
    }
}

/// A rule's metadata. Built-in rules borrow static text; pack rules own theirs.
#[derive(Debug, Clone, Serialize)]
pub struct RuleMeta {
    /// Stable code, e.g. `S001`.
    pub code: Cow<'static, str>,
    /// Stable kebab-case name, e.g. `missing-section`.
    pub name: Cow<'static, str>,
    /// The family.
    pub family: Family,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// Whether the rule runs without being selected.
    pub default_enabled: bool,
    /// Whether the rule offers fixes.
    pub fixable: bool,
    /// One line, in Chinese.
    pub summary_zh: Cow<'static, str>,
    /// One line, in English.
    pub summary_en: Cow<'static, str>,
    /// What it checks and why it matters (Markdown).
    pub explanation: Cow<'static, str>,
    /// The regulation, notice or standard the rule rests on.
    pub basis: Cow<'static, str>,
    /// A short excerpt that triggers the rule.
    pub bad_example: Cow<'static, str>,
    /// The same excerpt, corrected.
    pub good_example: Cow<'static, str>,
}

impl RuleMeta {
    /// The summary in `lang`.
    pub fn summary(&self, lang: crate::Lang) -> &str {
        lang.pick(&self.summary_zh, &self.summary_en)
    }

    /// Whether every documentation field is filled in.
    pub fn is_documented(&self) -> bool {
        [
            &self.summary_zh,
            &self.summary_en,
            &self.explanation,
            &self.basis,
            &self.bad_example,
            &self.good_example,
        ]
        .iter()
        .all(|field| !field.trim().is_empty())
    }
}
