//! Pattern rules declared in a pack, in the style of Vale: `existence` (these
//! phrases must not appear), `substitution` (write B instead of A) and
//! `required` (this phrase must appear, optionally within a section).

use regex::{Captures, Regex};
use serde::Deserialize;

use crate::diagnostic::Severity;

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
    pub code: String,
    /// Stable kebab-case name.
    pub name: String,
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
    pub tokens: Vec<String>,
    /// Replacements for `substitution`.
    #[serde(default)]
    pub swap: Vec<SwapSpec>,
    /// Treat `tokens` and `swap.from` as regular expressions.
    #[serde(default)]
    pub regex: bool,
    /// For `required`: the section kind (`other`, `problems`, …) the phrase must appear in.
    #[serde(default)]
    pub section: Option<String>,
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
    pub from: String,
    /// What to write instead (`$1` refers to a group when `regex = true`).
    pub to: String,
}

fn default_severity() -> Severity {
    Severity::Warning
}

fn default_true() -> bool {
    true
}

/// Where a pack is wrong: the `occurrence`-th (0-based) appearance of
/// `needle` in the pack text, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Text of the pack to point at.
    pub needle: String,
    /// Which appearance of it.
    pub occurrence: usize,
    /// The message.
    pub message: String,
}

impl Problem {
    fn at(needle: impl Into<String>, message: String) -> Self {
        Self {
            needle: needle.into(),
            occurrence: 0,
            message,
        }
    }
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
        let raw: Vec<&String> = match self.kind {
            PatternKind::Substitution => self.swap.iter().map(|s| &s.from).collect(),
            _ => self.tokens.iter().collect(),
        };
        raw.into_iter()
            .map(|t| {
                if self.regex {
                    t.clone()
                } else {
                    regex::escape(t)
                }
            })
            .collect()
    }

    /// Checks the rule on its own; `sections` are the section kinds it may name.
    pub(crate) fn validate(&self, sections: &[String]) -> Result<(), Problem> {
        let quoted = |s: &str| format!("\"{s}\"");
        if !is_pack_code(&self.code) {
            return Err(Problem::at(
                quoted(&self.code),
                format!(
                    "rule code `{}`: pack rule codes are two to eight capital letters and one to four digits (`GD001`), so they never collide with built-in codes",
                    self.code
                ),
            ));
        }
        if !is_kebab(&self.name) {
            return Err(Problem::at(
                quoted(&self.name),
                format!(
                    "rule `{}`: the name `{}` is not kebab-case",
                    self.code, self.name
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
            return Err(Problem::at(
                quoted(&self.code),
                format!(
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
                return Err(Problem::at(
                    quoted(section),
                    format!(
                        "rule `{}`: only `required` rules take a `section`",
                        self.code
                    ),
                ));
            }
            if !sections.contains(section) {
                return Err(Problem::at(
                    quoted(section),
                    format!(
                        "rule `{}`: unknown section `{section}` (known: {})",
                        self.code,
                        sections.join(", ")
                    ),
                ));
            }
        }
        if let Some(empty) = self
            .tokens
            .iter()
            .chain(self.swap.iter().map(|s| &s.from))
            .find(|t| t.is_empty())
        {
            return Err(Problem::at(
                quoted(empty),
                format!("rule `{}`: empty pattern", self.code),
            ));
        }
        if self.regex {
            for (source, written) in self
                .pattern_sources()
                .iter()
                .zip(self.tokens.iter().chain(self.swap.iter().map(|s| &s.from)))
            {
                if let Err(err) = regex::Regex::new(source) {
                    let detail = err.to_string();
                    let last = detail.lines().last().unwrap_or("invalid").trim().to_owned();
                    return Err(Problem::at(
                        written.clone(),
                        format!("rule `{}`: bad regular expression: {last}", self.code),
                    ));
                }
            }
        }
        Ok(())
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
    pub edition: Option<u16>,
    /// Where it comes from, for messages about another pack's rule (` (pack …)`), or empty.
    pub origin: String,
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

/// The first substitution whose replacement a substitution of the set (itself
/// included) would rewrite again — `--fix` would then rewrite its own
/// output, and for a pair like `0` → `1111`, `1` → `0000` never stop: the
/// index of the rule in `rules` and the message. Each replacement is searched
/// as a substitution would search the report, leaving alone a match that
/// stands inside the other's replacement; a regular expression's `$1` is
/// searched as empty, its text being unknown until a report matches.
pub(crate) fn find_feeding(rules: &[Substitution<'_>]) -> Option<(usize, String)> {
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
    // Captures with no groups: expanding a template with them leaves every `$1` empty.
    let none = Regex::new("").ok()?;
    let none = none.captures("")?;
    for (index, swap, _) in &swaps {
        let fed = &rules[*index];
        let written = replacement(fed.rule, swap, &none);
        for (other, other_swap, pattern) in &swaps {
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
                let consequence = if other == index && std::ptr::eq(*other_swap, *swap) {
                    "the same substitution replaces again: --fix would rewrite its own output again and again".to_owned()
                } else {
                    format!(
                        "`{}` → `{}` of rule `{}`{} replaces in turn: --fix would rewrite its own output; write the final text in one substitution",
                        other_swap.from, other_swap.to, by.rule.code, by.origin
                    )
                };
                let message = format!(
                    "rule `{}`: its replacement `{}` (for `{}`) holds `{}`, which {consequence}",
                    fed.rule.code,
                    swap.to,
                    swap.from,
                    found.as_str()
                );
                return Some((*index, message));
            }
        }
    }
    None
}

/// Checks a pack's rules together: each on its own, then codes and names
/// unique, then no substitution rewriting another's replacement.
pub(crate) fn validate_rules(
    rules: &[PatternRuleSpec],
    sections: &[String],
) -> Result<(), Problem> {
    for rule in rules {
        rule.validate(sections)?;
    }
    for (index, rule) in rules.iter().enumerate() {
        let earlier = &rules[..index];
        if earlier.iter().any(|r| r.code == rule.code) {
            return Err(Problem {
                needle: format!("\"{}\"", rule.code),
                occurrence: earlier.iter().filter(|r| r.code == rule.code).count(),
                message: format!("duplicate rule code `{}`", rule.code),
            });
        }
        if earlier.iter().any(|r| r.name == rule.name) {
            return Err(Problem {
                needle: format!("\"{}\"", rule.name),
                occurrence: earlier.iter().filter(|r| r.name == rule.name).count(),
                message: format!("duplicate rule name `{}`", rule.name),
            });
        }
    }
    let substitutions: Vec<Substitution<'_>> = rules
        .iter()
        .map(|rule| Substitution {
            rule,
            edition: None,
            origin: String::new(),
        })
        .collect();
    if let Some((index, message)) = find_feeding(&substitutions) {
        return Err(Problem::at(format!("\"{}\"", rules[index].code), message));
    }
    Ok(())
}
