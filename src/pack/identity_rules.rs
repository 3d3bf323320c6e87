//! Identity rules (`[[identity_rules]]`): the codes identities report
//! under, with their documentation. The built-in ones (A001–A004) are
//! declared in `rules/identities.toml`; their identities stand with their
//! tables in the format packs.

use serde::Deserialize;

use super::identity::IdentitySpec;
use super::{Pack, PackStr, Problem};
use crate::bilingual;
use crate::diagnostic::Severity;
use crate::rules::Place;

/// The first number of an identity code a user pack may declare (`A100`);
/// lower ones are reserved for the built-in packs.
pub const FIRST_USER_CODE: u32 = 100;

/// One `[[identity_rules]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityRuleSpec {
    /// The code: `A` and a number (from [`FIRST_USER_CODE`] on in a user pack).
    pub code: PackStr,
    /// The kebab-case name.
    pub name: PackStr,
    /// Severity unless configured otherwise (default: error).
    #[serde(default = "default_severity")]
    pub severity: Severity,
    /// One line for `disclint rules`, in Chinese (also accepted as `summary`).
    #[serde(alias = "summary")]
    pub summary_zh: String,
    /// The same line in English (the Chinese one when absent).
    #[serde(default)]
    pub summary_en: Option<String>,
    /// What the rule checks and why (Markdown), in Chinese, for `disclint explain`.
    #[serde(default)]
    pub explanation_zh: Option<String>,
    /// The same in English.
    #[serde(default)]
    pub explanation_en: Option<String>,
    /// The regulation or notice the rule rests on.
    #[serde(default)]
    pub basis: Option<String>,
    /// A text the rule fires on.
    #[serde(default)]
    pub bad_example: Option<ExampleSpec>,
    /// The same text, corrected.
    #[serde(default)]
    pub good_example: Option<ExampleSpec>,
}

/// An example as a pack writes it: its text and where it stands in a
/// report (see [`Place`]; `excerpt`, shown and not run, when absent).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleSpec {
    /// Where the example stands: `rows`, `opening`, `{ sections = [2, 3] }`, ….
    #[serde(default = "excerpt")]
    pub place: Place,
    /// The text.
    pub text: String,
}

fn default_severity() -> Severity {
    Severity::Error
}

fn excerpt() -> Place {
    Place::Excerpt
}

/// The number of an identity code (`A101` → 101), if it is one.
fn code_number(code: &str) -> Option<u32> {
    code.strip_prefix('A')
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse().ok())
}

fn is_kebab(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl Pack {
    /// Whether this pack or one of `earlier` declares the identity rule `code`.
    fn declares_identity_rule(&self, earlier: &[Pack], code: &str) -> bool {
        earlier
            .iter()
            .chain(std::iter::once(self))
            .flat_map(|p| &p.identity_rules)
            .any(|r| r.code == code)
    }

    /// Checks the pack's `[[identity_rules]]`: codes of the form `A` and a
    /// number (below [`FIRST_USER_CODE`] only in a built-in pack), names in
    /// kebab-case, neither declared twice in the pack (an earlier pack's
    /// rule with the code or name is found with the other rules' ids).
    pub(super) fn validate_identity_rules(&self, problems: &mut Vec<Problem>) {
        for (index, rule) in self.identity_rules.iter().enumerate() {
            let allowed =
                code_number(&rule.code).is_some_and(|n| n >= FIRST_USER_CODE || self.builtin);
            if !allowed {
                problems.push(Problem::at(
                    rule.code.span(),
                    bilingual!(
                        "等式规则代码“{}”应为 A 加不小于 {} 的数字",
                        "identity rule code `{}` must be `A` followed by a number from {} on",
                        rule.code,
                        FIRST_USER_CODE
                    ),
                ));
            }
            if !is_kebab(&rule.name) {
                problems.push(Problem::at(
                    rule.name.span(),
                    bilingual!(
                        "等式规则名称“{}”应为小写字母和连字符（kebab-case）",
                        "identity rule name `{}` must be kebab-case",
                        rule.name
                    ),
                ));
            }
            for other in &self.identity_rules[..index] {
                if other.code == rule.code.as_str() {
                    problems.push(Problem::at(
                        rule.code.span(),
                        bilingual!(
                            "等式规则“{}”重复声明",
                            "identity rule `{}` is declared twice",
                            rule.code
                        ),
                    ));
                } else if other.name == rule.name.as_str() {
                    problems.push(Problem::at(
                        rule.name.span(),
                        bilingual!(
                            "等式规则名称“{}”已被“{}”使用",
                            "identity rule name `{}` is taken by `{}`",
                            rule.name,
                            other.code
                        ),
                    ));
                }
            }
        }
    }

    /// Checks the code and name of an identity: a code declared by an
    /// identity rule (whose name and documentation it reports under; its
    /// own `name`, if any, is not used), or a user code from
    /// [`FIRST_USER_CODE`] on with a kebab-case name of its own.
    pub(super) fn validate_identity_code(
        &self,
        earlier: &[Pack],
        identity: &IdentitySpec,
        problems: &mut Vec<Problem>,
    ) {
        let code = &identity.code;
        if self.declares_identity_rule(earlier, code) {
            return;
        }
        if code_number(code).is_none_or(|n| n < FIRST_USER_CODE) {
            problems.push(Problem::at(
                code.span(),
                bilingual!(
                    "等式代码“{}”须由 `[[identity_rules]]` 条目声明，或为 A 加不小于 {} 的数字",
                    "identity code `{}` must be declared by an `[[identity_rules]]` entry or be `A` followed by a number from {} on",
                    code,
                    FIRST_USER_CODE
                ),
            ));
            return;
        }
        match &identity.name {
            Some(name) if is_kebab(name) => {}
            Some(name) => problems.push(Problem::at(
                name.span(),
                bilingual!(
                    "等式名称“{}”应为小写字母和连字符（kebab-case）",
                    "identity name `{}` must be kebab-case",
                    name
                ),
            )),
            None => problems.push(Problem::at(
                code.span(),
                bilingual!(
                    "等式代码“{}”不属于任何规则：请为等式写明 `name`",
                    "identity code `{}` is no rule's: give the identity a `name`",
                    code
                ),
            )),
        }
    }
}
