//! Pattern rules declared in a pack, in the style of Vale: `existence` (these
//! phrases must not appear), `substitution` (write B instead of A) and
//! `required` (this phrase must appear, optionally within a section).

use regex::{Captures, Regex};
use serde::Deserialize;

use super::{PackStr, Problem};
use crate::bilingual;
use crate::diagnostic::Severity;
use crate::lang::Bilingual;
use crate::Edition;

/// What a pattern rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PatternKind {
    /// Any of `tokens` appearing is a finding.
    Existence,
    /// Each `swap.from` appearing is a finding, fixed by `swap.to`.
    Substitution,
    /// None of `tokens` appearing (in `section`, if given) is a finding.
    Required,
}

impl PatternKind {
    /// The kind's name as written in TOML.
    pub fn as_str(self) -> &'static str {
        match self {
            PatternKind::Existence => "existence",
            PatternKind::Substitution => "substitution",
            PatternKind::Required => "required",
        }
    }
}

/// One `[[rules]]` entry of a pack.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternRuleSpec {
    /// Stable code: two or more capital letters and digits (`GD001`), so it
    /// never collides with a built-in code.
    pub code: PackStr,
    /// Stable kebab-case name.
    pub name: PackStr,
    /// What the rule checks.
    pub kind: PatternKind,
    /// Severity unless configured otherwise (default: warning).
    #[serde(default = "default_severity")]
    pub severity: Severity,
    /// The message, in Chinese; `{match}` stands for the text found,
    /// `{replacement}` for a substitution's replacement, `{section}` for the
    /// section heading.
    pub message: String,
    /// The message in English (the Chinese one is used when absent).
    #[serde(default)]
    pub message_en: Option<String>,
    /// One line for `disclint rules`, in Chinese (default: the message);
    /// also accepted as `summary_zh`.
    #[serde(default, alias = "summary_zh")]
    pub summary: Option<String>,
    /// One line in English (default: the English message).
    #[serde(default)]
    pub summary_en: Option<String>,
    /// Whether the rule runs without being selected (default: yes).
    #[serde(default = "default_true")]
    pub enabled: bool,
    /// Phrases (or regular expressions with `regex = true`) for `existence` and `required`.
    #[serde(default)]
    pub tokens: Vec<PackStr>,
    /// Replacements for `substitution`.
    #[serde(default)]
    pub swap: Vec<SwapSpec>,
    /// Treat `tokens` and `swap.from` as regular expressions.
    #[serde(default)]
    pub regex: bool,
    /// For `required`: the section kind (`other`, `problems`, …) the phrase must appear in.
    #[serde(default)]
    pub section: Option<PackStr>,
    /// What the rule checks and why (Markdown), for `disclint explain`, in
    /// either language: used where `explanation_zh` or `explanation_en` is absent.
    #[serde(default)]
    pub explanation: Option<String>,
    /// The explanation in Chinese.
    #[serde(default)]
    pub explanation_zh: Option<String>,
    /// The explanation in English.
    #[serde(default)]
    pub explanation_en: Option<String>,
    /// The regulation or notice the rule rests on.
    #[serde(default)]
    pub basis: Option<String>,
    /// An excerpt that triggers the rule.
    #[serde(default)]
    pub bad_example: Option<String>,
    /// The excerpt, corrected.
    #[serde(default)]
    pub good_example: Option<String>,
}

/// One substitution: write `to` instead of `from`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SwapSpec {
    /// The phrase (or regular expression) to replace.
    pub from: PackStr,
    /// What to write instead (`$1` refers to a group when `regex = true`).
    pub to: String,
}

fn default_severity() -> Severity {
    Severity::Warning
}

fn default_true() -> bool {
    true
}

fn is_pack_code(code: &str) -> bool {
    let letters = code.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = &code[letters..];
    (2..=8).contains(&letters)
        && (1..=4).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

fn is_kebab(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl PatternRuleSpec {
    /// The patterns this rule searches for, as regular-expression sources.
    pub fn pattern_sources(&self) -> Vec<String> {
        let raw: Vec<&PackStr> = match self.kind {
            PatternKind::Substitution => self.swap.iter().map(|s| &s.from).collect(),
            _ => self.tokens.iter().collect(),
        };
        raw.into_iter()
            .map(|t| {
                if self.regex {
                    t.to_string()
                } else {
                    regex::escape(t)
                }
            })
            .collect()
    }

    /// Checks the rule on its own; `sections` are the section kinds it may
    /// name, `text` the pack text (a pattern is pointed at inside its quotes).
    pub(crate) fn validate(&self, sections: &[String], text: &str, problems: &mut Vec<Problem>) {
        if !is_pack_code(&self.code) {
            problems.push(Problem::at(
                self.code.span(),
                bilingual!(
                    "规则代码“{}”：规则包的规则代码为 2 至 8 个大写字母加 1 至 4 位数字（如 GD001），以免与内置规则的代码冲突",
                    "rule code `{}`: pack rule codes are two to eight capital letters and one to four digits (`GD001`), so they never collide with built-in codes",
                    self.code
                ),
            ));
        }
        if !is_kebab(&self.name) {
            problems.push(Problem::at(
                self.name.span(),
                bilingual!(
                    "规则“{}”：名称“{}”应为小写字母和连字符（kebab-case）",
                    "rule `{}`: the name `{}` is not kebab-case",
                    self.code,
                    self.name
                ),
            ));
        }
        let fields = match self.kind {
            PatternKind::Existence | PatternKind::Required => (
                !self.tokens.is_empty(),
                self.swap.is_empty(),
                "tokens",
                "swap",
            ),
            PatternKind::Substitution => (
                !self.swap.is_empty(),
                self.tokens.is_empty(),
                "swap",
                "tokens",
            ),
        };
        if !fields.0 || !fields.1 {
            problems.push(Problem::at(
                self.code.span(),
                bilingual!(
                    "规则“{}”：`{}` 规则须有非空的 `{}`，且不能有 `{}`",
                    "rule `{}`: a `{}` rule needs a non-empty `{}` and no `{}`",
                    self.code,
                    self.kind.as_str(),
                    fields.2,
                    fields.3
                ),
            ));
        }
        if let Some(section) = &self.section {
            if self.kind != PatternKind::Required {
                problems.push(Problem::at(
                    section.span(),
                    bilingual!(
                        "规则“{}”：只有 `required` 规则可以写 `section`",
                        "rule `{}`: only `required` rules take a `section`",
                        self.code
                    ),
                ));
            } else if !sections.iter().any(|s| s == section.as_str()) {
                problems.push(Problem::at(
                    section.span(),
                    bilingual!(
                        "规则“{}”：没有部分“{}”（已知的部分：{}）",
                        "rule `{}`: unknown section `{}` (known: {})",
                        self.code,
                        section,
                        sections.join(", ")
                    ),
                ));
            }
        }
        let written = || self.tokens.iter().chain(self.swap.iter().map(|s| &s.from));
        for empty in written().filter(|t| t.is_empty()) {
            problems.push(Problem::at(
                empty.span(),
                bilingual!(
                    "规则“{}”：匹配文本为空",
                    "rule `{}`: empty pattern",
                    self.code
                ),
            ));
        }
        if self.regex {
            for (source, written) in self.pattern_sources().iter().zip(written()) {
                if let Err(err) = regex::Regex::new(source) {
                    let detail = err.to_string();
                    let last = detail.lines().last().unwrap_or("invalid").trim();
                    let last = last
                        .strip_prefix("error:")
                        .unwrap_or(last)
                        .trim()
                        .to_owned();
                    problems.push(Problem::at(
                        written.inner_span(text),
                        bilingual!(
                            "规则“{}”：正则表达式有误：{}",
                            "rule `{}`: bad regular expression: {}",
                            self.code,
                            last
                        ),
                    ));
                }
            }
        }
    }
}

/// Whether the match at `start` already stands inside its replacement
/// (`政府信息公开` when replacing `信息公开` by `政府信息公开`): a
/// substitution leaves such a match alone.
pub(crate) fn already_replaced(text: &str, start: usize, found: &str, replacement: &str) -> bool {
    if found == replacement {
        return true;
    }
    replacement.match_indices(found).any(|(inner, _)| {
        start
            .checked_sub(inner)
            .and_then(|from| text.get(from..))
            .is_some_and(|rest| rest.starts_with(replacement))
    })
}

/// A substitution rule of a loaded set, for [`find_feeding`].
pub(crate) struct Substitution<'a> {
    /// The rule.
    pub rule: &'a PatternRuleSpec,
    /// The edition of its pack: rules of different editions never run together.
    pub edition: Option<Edition>,
    /// Which pack of the set it comes from.
    pub pack: usize,
    /// Where it comes from, for messages about another pack's rule (` (pack …)`), or empty.
    pub origin: Bilingual,
}

/// What `rule` writes for `swap` at a match with `caps`.
fn replacement(rule: &PatternRuleSpec, swap: &SwapSpec, caps: &Captures<'_>) -> String {
    let mut text = String::new();
    if rule.regex {
        caps.expand(&swap.to, &mut text);
    } else {
        text.clone_from(&swap.to);
    }
    text
}

/// The substitutions whose replacement a substitution of the set (itself
/// included) would rewrite again — `--fix` would then rewrite its own
/// output, and for a pair like `0` → `1111`, `1` → `0000` never stop: for
/// each such rule (once), its index in `rules` and the message. Each
/// replacement is searched as a substitution would search the report,
/// leaving alone a match that stands inside the other's replacement; a
/// regular expression's `$1` is searched as empty, its text being unknown
/// until a report matches.
pub(crate) fn find_feeding(rules: &[Substitution<'_>]) -> Vec<(usize, Bilingual)> {
    let swaps: Vec<(usize, &SwapSpec, Regex)> =
        rules
            .iter()
            .enumerate()
            .filter(|(_, s)| s.rule.kind == PatternKind::Substitution)
            .flat_map(|(index, s)| {
                s.rule.swap.iter().zip(s.rule.pattern_sources()).filter_map(
                    move |(swap, source)| Some((index, swap, Regex::new(&source).ok()?)),
                )
            })
            .collect();
    let mut found: Vec<(usize, Bilingual)> = Vec::new();
    for (index, swap, _) in &swaps {
        if found.iter().any(|(fed, _)| fed == index) {
            continue;
        }
        if let Some(message) = fed_by(rules, &swaps, *index, swap) {
            found.push((*index, message));
        }
    }
    found
}

/// Why the replacement of `swap` (of rule `index`) would be rewritten by a
/// swap of `swaps`, if it would.
fn fed_by(
    rules: &[Substitution<'_>],
    swaps: &[(usize, &SwapSpec, Regex)],
    index: usize,
    swap: &SwapSpec,
) -> Option<Bilingual> {
    // Captures with no groups: expanding a template with them leaves every `$1` empty.
    let none = Regex::new("").ok()?;
    let none = none.captures("")?;
    let fed = &rules[index];
    let written = replacement(fed.rule, swap, &none);
    for (other, other_swap, pattern) in swaps {
        let by = &rules[*other];
        if fed.edition.is_some() && by.edition.is_some() && fed.edition != by.edition {
            continue;
        }
        for caps in pattern.captures_iter(&written) {
            let Some(found) = caps.get(0).filter(|m| !m.is_empty()) else {
                continue;
            };
            let again = replacement(by.rule, other_swap, &caps);
            if already_replaced(&written, found.start(), found.as_str(), &again) {
                continue;
            }
            let consequence = if *other == index && std::ptr::eq(*other_swap, swap) {
                bilingual!(
                    "同一替换会再次替换它：--fix 会一遍又一遍地改写自己的输出",
                    "the same substitution replaces again: --fix would rewrite its own output again and again"
                )
            } else {
                let empty = Bilingual::default();
                let origin = if by.pack == fed.pack {
                    &empty
                } else {
                    &by.origin
                };
                Bilingual {
                    zh: format!(
                        "规则“{}”{}的“{}”→“{}”会再次替换它：--fix 会改写自己的输出；请在一个替换中写出最终文本",
                        by.rule.code, origin.zh, other_swap.from, other_swap.to
                    ),
                    en: format!(
                        "`{}` → `{}` of rule `{}`{} replaces in turn: --fix would rewrite its own output; write the final text in one substitution",
                        other_swap.from, other_swap.to, by.rule.code, origin.en
                    ),
                }
            };
            return Some(Bilingual {
                zh: format!(
                    "规则“{}”：替换文本“{}”（替换“{}”）中含有“{}”，{}",
                    fed.rule.code,
                    swap.to,
                    swap.from,
                    found.as_str(),
                    consequence.zh
                ),
                en: format!(
                    "rule `{}`: its replacement `{}` (for `{}`) holds `{}`, which {}",
                    fed.rule.code,
                    swap.to,
                    swap.from,
                    found.as_str(),
                    consequence.en
                ),
            });
        }
    }
    None
}

/// Checks a pack's rules together: each on its own, then codes and names
/// unique (a duplicate is pointed at, not the first). Substitutions that
/// feed each other are found with those of the other packs
/// ([`find_feeding`]).
pub(crate) fn validate_rules(
    rules: &[PatternRuleSpec],
    sections: &[String],
    text: &str,
    problems: &mut Vec<Problem>,
) {
    for rule in rules {
        rule.validate(sections, text, problems);
    }
    for (index, rule) in rules.iter().enumerate() {
        let earlier = &rules[..index];
        if earlier.iter().any(|r| r.code == rule.code) {
            problems.push(Problem::at(
                rule.code.span(),
                bilingual!("规则代码“{}”重复", "duplicate rule code `{}`", rule.code),
            ));
        }
        if earlier.iter().any(|r| r.name == rule.name) {
            problems.push(Problem::at(
                rule.name.span(),
                bilingual!("规则名称“{}”重复", "duplicate rule name `{}`", rule.name),
            ));
        }
    }
}
