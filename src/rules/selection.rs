//! Which rules run and at what severity: `--select`, `--ignore`,
//! `--extend-select` and per-rule severities.

use std::collections::BTreeMap;

use super::RuleMeta;
use crate::diagnostic::Severity;

/// A rule selector: `ALL`, a family letter (`S`), a code prefix (`S00`), a code
/// (`S001`) or a rule name (`missing-section`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector(String);

impl Selector {
    /// Parses a selector (case-insensitive for codes).
    pub fn new(text: &str) -> Self {
        Self(text.trim().to_owned())
    }

    /// Whether the selector picks this rule.
    pub fn matches(&self, meta: &RuleMeta) -> bool {
        let s = self.0.as_str();
        s.eq_ignore_ascii_case("ALL")
            || meta.name == s
            || meta
                .code
                .to_ascii_uppercase()
                .starts_with(&s.to_ascii_uppercase())
    }

    /// How specific the selector is: longer code prefixes and names are more specific.
    fn specificity(&self) -> usize {
        if self.0.eq_ignore_ascii_case("ALL") {
            0
        } else if self.0.contains('-') {
            usize::MAX
        } else {
            self.0.len()
        }
    }

    /// Whether the selector picks any rule in `metas` (to catch typos).
    pub fn matches_any<'m>(&self, mut metas: impl Iterator<Item = &'m RuleMeta>) -> bool {
        metas.any(|meta| self.matches(meta))
    }

    /// The selector as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The effective choice of rules for a run.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// If set, only these rules (instead of the default set).
    pub select: Option<Vec<Selector>>,
    /// Added to the default or selected set.
    pub extend_select: Vec<Selector>,
    /// Removed from the set; a more specific `select` wins over a broader `ignore`.
    pub ignore: Vec<Selector>,
    /// Severity overrides by selector (code, prefix, family letter or name).
    pub severity: BTreeMap<String, Severity>,
}

impl Selection {
    /// Whether the rule runs.
    pub fn is_enabled(&self, meta: &RuleMeta) -> bool {
        let best = |list: &[Selector]| {
            list.iter()
                .filter(|s| s.matches(meta))
                .map(Selector::specificity)
                .max()
        };
        let selected = match &self.select {
            Some(select) => best(select),
            None => meta.default_enabled.then_some(0),
        };
        let selected = selected.max(best(&self.extend_select));
        match (selected, best(&self.ignore)) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(sel), Some(ign)) => sel > ign,
        }
    }

    /// Whether the rule is switched off by an `ignore` selector (one more
    /// specific than any `select` or `extend-select` that names it). The
    /// input rules are kept unless ignored: a selection that does not name
    /// them narrows what is checked in a report, and must not hide that a
    /// file could not be read.
    pub fn ignores(&self, meta: &RuleMeta) -> bool {
        let best = |list: &[Selector]| {
            list.iter()
                .filter(|s| s.matches(meta))
                .map(Selector::specificity)
                .max()
        };
        let selected = self
            .select
            .as_deref()
            .and_then(best)
            .max(best(&self.extend_select));
        match (selected, best(&self.ignore)) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(sel), Some(ign)) => ign >= sel,
        }
    }

    /// The rule's effective severity: the override of the most specific
    /// selector that matches it (`C006` over `C`), else its own.
    pub fn severity_of(&self, meta: &RuleMeta) -> Severity {
        self.severity
            .iter()
            .map(|(key, severity)| (Selector::new(key), *severity))
            .filter(|(selector, _)| selector.matches(meta))
            .max_by_key(|(selector, _)| selector.specificity())
            .map_or(meta.severity, |(_, severity)| severity)
    }
}
