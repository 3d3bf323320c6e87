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
        let summary_zh = identity
            .summary
            .clone()
            .unwrap_or_else(|| identity.check.to_string());
        let (each_zh, each_en) = match identity.each {
            crate::pack::Each::Column => ("逐列", "column"),
            crate::pack::Each::Row => ("逐行", "row"),
        };
        let check = &identity.check;
        let generated_zh = format!("用户规则包中的恒等式 `{check}`，在表中{each_zh}检查。");
        let generated_en =
            format!("An identity from a user pack: `{check}`, checked in each {each_en}.");
        let explanation = |own: &Option<String>, generated: String| match own {
            Some(text) => format!("{text}\n\n{generated}"),
            None => generated,
        };
        Self {
            meta: RuleMeta {
                code: identity.code.to_string().into(),
                name: identity.name.to_string().into(),
                family: Family::Arithmetic,
                severity: identity.severity.unwrap_or(Severity::Error),
                default_enabled: true,
                fixable: false,
                summary_en: identity
                    .summary_en
                    .clone()
                    .unwrap_or_else(|| summary_zh.clone())
                    .into(),
                summary_zh: summary_zh.into(),
                explanation_zh: explanation(&identity.explanation_zh, generated_zh).into(),
                explanation_en: explanation(&identity.explanation_en, generated_en).into(),
                basis: "用户规则包".into(),
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
