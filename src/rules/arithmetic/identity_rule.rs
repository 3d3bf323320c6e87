//! The one rule behind every identity code: A001–A004 of the built-in packs
//! and the codes of user packs alike. Its metadata comes from the pack: an
//! `[[identity_rules]]` entry, or for a user code that none declares, the
//! fields of its first identity.

use crate::diagnostic::Severity;
use crate::pack::{Each, ExampleSpec, IdentityRuleSpec, IdentitySpec, Pack};
use crate::rules::{Context, Example, Family, Rule, RuleMeta, Sink};

/// Evaluates the identities of one code over the report's tables.
pub struct IdentityRule {
    meta: RuleMeta,
}

/// An example of a pack, or an empty excerpt.
fn example(spec: Option<&ExampleSpec>) -> Example {
    spec.map_or_else(
        || Example::excerpt(""),
        |spec| Example {
            place: spec.place,
            text: spec.text.clone().into(),
        },
    )
}

impl IdentityRule {
    /// The rule an `[[identity_rules]]` entry of `pack` declares.
    fn declared(pack: &Pack, spec: &IdentityRuleSpec) -> Self {
        let origin_zh = format!("规则包 `{}` 中的恒等式规则。", pack.pack.name);
        let origin_en = format!("An identity rule from the pack `{}`.", pack.pack.name);
        let summary_en = spec.summary_en.as_ref().unwrap_or(&spec.summary_zh);
        Self {
            meta: RuleMeta {
                code: spec.code.to_string().into(),
                name: spec.name.to_string().into(),
                family: Family::Arithmetic,
                severity: spec.severity,
                default_enabled: true,
                fixable: false,
                summary_zh: spec.summary_zh.clone().into(),
                summary_en: summary_en.clone().into(),
                explanation_zh: spec.explanation_zh.clone().unwrap_or(origin_zh).into(),
                explanation_en: spec.explanation_en.clone().unwrap_or(origin_en).into(),
                basis: spec
                    .basis
                    .clone()
                    .unwrap_or_else(|| format!("规则包 {}", pack.pack.name))
                    .into(),
                bad_example: example(spec.bad_example.as_ref()),
                good_example: example(spec.good_example.as_ref()),
            },
        }
    }

    /// The rule of a user code no identity rule declares, documented by
    /// the fields of its (first) identity.
    fn inline(identity: &IdentitySpec) -> Self {
        let summary_zh = identity
            .summary
            .clone()
            .unwrap_or_else(|| identity.check.to_string());
        let (each_zh, each_en) = match identity.each {
            Each::Column => ("逐列", "column"),
            Each::Row => ("逐行", "row"),
        };
        let check = &identity.check;
        let generated_zh = format!("用户规则包中的恒等式 `{check}`，在表中{each_zh}检查。");
        let generated_en =
            format!("An identity from a user pack: `{check}`, checked in each {each_en}.");
        let explanation = |own: &Option<String>, generated: String| match own {
            Some(text) => format!("{text}\n\n{generated}"),
            None => generated,
        };
        let name = identity.name.as_ref().map_or("", |n| n.as_str());
        Self {
            meta: RuleMeta {
                code: identity.code.to_string().into(),
                name: name.to_owned().into(),
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

impl Rule for IdentityRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        super::identity::check(ctx, sink, &self.meta.code);
    }
}

/// One rule per identity code of `packs` (built-in and user, in load
/// order): each `[[identity_rules]]` entry, then each code of an identity
/// that no entry declares (documented by its first identity).
pub fn pack_rules(packs: &[Pack]) -> Vec<Box<dyn Rule>> {
    let mut codes: Vec<&str> = Vec::new();
    let mut rules: Vec<Box<dyn Rule>> = Vec::new();
    for pack in packs {
        for spec in &pack.identity_rules {
            if !codes.contains(&spec.code.as_str()) {
                codes.push(&spec.code);
                rules.push(Box::new(IdentityRule::declared(pack, spec)));
            }
        }
    }
    let identities = packs.iter().flat_map(|pack| {
        pack.identities
            .iter()
            .chain(pack.tables.iter().flat_map(|t| &t.identities))
    });
    for identity in identities {
        if !codes.contains(&identity.code.as_str()) {
            codes.push(&identity.code);
            rules.push(Box::new(IdentityRule::inline(identity)));
        }
    }
    rules
}
