//! Identity rules that user packs define with codes of their own.

use std::collections::BTreeMap;

use crate::diagnostic::Severity;

use crate::pack::{IdentitySpec, Pack};
use crate::rules::{Context, Example, Family, Registry, Rule, RuleMeta, Sink};

/// An identity code defined by a pack rather than built in.
pub struct PackIdentity {
    meta: RuleMeta,
}

impl PackIdentity {
    fn new(identity: &IdentitySpec) -> Self {
        let summary = identity
            .summary
            .clone()
            .unwrap_or_else(|| identity.check.clone());
        // One text for both languages until packs can give each.
        let explanation = format!(
            "An identity from a user pack: `{}`, checked in each {}.",
            identity.check,
            match identity.each {
                crate::pack::Each::Column => "column",
                crate::pack::Each::Row => "row",
            }
        );
        Self {
            meta: RuleMeta {
                code: identity.code.clone().into(),
                name: identity.name.clone().into(),
                family: Family::Arithmetic,
                severity: identity.severity.unwrap_or(Severity::Error),
                default_enabled: true,
                fixable: false,
                summary_zh: summary.clone().into(),
                summary_en: summary.into(),
                explanation_zh: explanation.clone().into(),
                explanation_en: explanation.into(),
                basis: "user pack".into(),
                bad_example: Example::excerpt(""),
                good_example: Example::excerpt(""),
            },
        }
    }
}

impl Rule for PackIdentity {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        super::identity::check(ctx, sink, &self.meta.code);
    }
}

/// One rule per identity code in the user `packs` that `registry` does not know
/// yet (the built-in packs only use the codes of the built-in rules).
pub fn pack_rules(packs: &[Pack], registry: &Registry) -> Vec<Box<dyn Rule>> {
    let mut codes: BTreeMap<&str, &IdentitySpec> = BTreeMap::new();
    let identities = packs.iter().flat_map(|pack| {
        pack.identities
            .iter()
            .chain(pack.tables.iter().flat_map(|t| &t.identities))
    });
    for identity in identities {
        if registry.find(&identity.code).is_none() {
            codes.entry(identity.code.as_str()).or_insert(identity);
        }
    }
    codes
        .into_values()
        .map(|identity| Box::new(PackIdentity::new(identity)) as Box<dyn Rule>)
        .collect()
}
