//! The list of rules and how a run picks from it.

use super::{arithmetic, citations, input, period, structure, tables, text, years, Rule, RuleMeta};
use crate::pack::{Pack, PackSet};

/// The rules available to a run, with their metadata.
pub struct Registry {
    rules: Vec<Box<dyn Rule>>,
}

impl Registry {
    /// Every built-in rule: those written in Rust and those the built-in
    /// packs declare, by family, then code.
    pub fn builtin() -> Self {
        Self::with_packs(PackSet::builtin().packs())
    }

    /// The rules written in Rust and the rules `packs` declare (built-in
    /// and user packs, in load order). A pack rule whose code is already
    /// taken is skipped ([`PackSet`] refuses such packs; this keeps a
    /// registry of unchecked packs sound).
    pub fn with_packs(packs: &[Pack]) -> Self {
        let mut registry = Self::native();
        let mut pack_rules = super::pack::rules(packs);
        pack_rules.extend(arithmetic::pack_rules(packs));
        let mut taken: Vec<String> = registry.metas().map(|m| m.code.to_string()).collect();
        pack_rules.retain(|rule| {
            let code = rule.meta().code.to_string();
            let fresh = !taken.contains(&code);
            taken.push(code);
            fresh
        });
        registry.extend(pack_rules);
        registry
    }

    /// The rules written in Rust, by family, then code.
    pub fn native() -> Self {
        let mut all: Vec<Box<dyn Rule>> = Vec::new();
        all.extend(structure::rules());
        all.extend(period::rules());
        all.extend(tables::rules());
        all.extend(arithmetic::rules());
        all.extend(citations::rules());
        all.extend(text::rules());
        all.extend(years::rules());
        all.extend(input::rules());
        Self::from_rules(all)
    }

    /// A registry of the given rules, by family, then code.
    pub fn from_rules(rules: Vec<Box<dyn Rule>>) -> Self {
        let mut registry = Self { rules: Vec::new() };
        registry.extend(rules);
        registry
    }

    /// Adds more rules (from packs), keeping the order by family, then code.
    pub fn extend(&mut self, rules: Vec<Box<dyn Rule>>) {
        self.rules.extend(rules);
        self.rules.sort_by(|a, b| {
            let (a, b) = (a.meta(), b.meta());
            (a.family, &a.code).cmp(&(b.family, &b.code))
        });
    }

    /// Every rule with its metadata, by family, then code.
    pub fn iter(&self) -> impl Iterator<Item = (&RuleMeta, &dyn Rule)> {
        self.rules.iter().map(|rule| (rule.meta(), rule.as_ref()))
    }

    /// The metadata of every rule, by family, then code.
    pub fn metas(&self) -> impl Iterator<Item = &RuleMeta> {
        self.rules.iter().map(|rule| rule.meta())
    }

    /// The metadata of the rule with this code or name (case-insensitive).
    pub fn find(&self, code_or_name: &str) -> Option<&RuleMeta> {
        self.metas()
            .find(|meta| meta.code.eq_ignore_ascii_case(code_or_name) || meta.name == code_or_name)
    }
}
