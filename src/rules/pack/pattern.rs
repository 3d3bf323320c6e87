//! A pack's pattern rule (`existence`, `substitution`, `required`) as a [`Rule`].

use regex::Regex;

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::pack::{already_replaced, Pack, PackStr, PatternKind, PatternRuleSpec};
use crate::rules::{Context, Example, Family, Rule, RuleMeta, Sink};
use crate::span::Span;
use crate::{tr, Edition, Lang};

/// A pattern rule from a pack, with its patterns compiled.
pub struct PatternRule {
    meta: RuleMeta,
    spec: PatternRuleSpec,
    patterns: Vec<Regex>,
    edition: Option<Edition>,
}

/// Strips the `{…}` placeholders of a message for use as a summary.
fn summary_of(message: &str) -> String {
    message
        .replace("{match}", "…")
        .replace("{replacement}", "…")
        .replace("{section}", "…")
}

/// The explanation of `spec` in `lang`: the pack's text (in `lang` if it
/// has one), then where the rule comes from and what it looks for.
fn explanation(pack: &Pack, spec: &PatternRuleSpec, lang: Lang) -> String {
    let listed = match spec.kind {
        PatternKind::Substitution => spec
            .swap
            .iter()
            .map(|s| format!("`{}` → `{}`", s.from, s.to))
            .collect::<Vec<_>>(),
        _ => spec.tokens.iter().map(|t| format!("`{t}`")).collect(),
    };
    let listed = listed.join(lang.pick("、", ", "));
    let (kind, name, path) = (spec.kind.as_str(), &pack.pack.name, &pack.source.path);
    let origin = tr!(
        lang,
        "规则包 `{1}`（{2}）中的 `{0}` 规则。",
        "A `{}` rule from the pack `{}` ({}).",
        kind,
        name,
        path
    );
    let what = match (spec.kind, &spec.section) {
        (PatternKind::Existence, _) => tr!(
            lang,
            "出现下列任一用语即报告：{}。",
            "Reports any of: {}.",
            listed
        ),
        (PatternKind::Substitution, _) => tr!(
            lang,
            "逐处报告应改写的用语，并给出修复：{}。",
            "Reports each phrase to replace, with a fix: {}.",
            listed
        ),
        (PatternKind::Required, None) => tr!(
            lang,
            "报告中没有下列任何一项时报告：{}。",
            "Reports a report that mentions none of: {}.",
            listed
        ),
        (PatternKind::Required, Some(section)) => tr!(
            lang,
            "`{}` 部分中没有下列任何一项时报告：{}。",
            "Reports a report that mentions none of: {1} (in section `{0}`).",
            section,
            listed
        ),
    };
    let own = match lang {
        Lang::Zh => spec.explanation_zh.as_ref(),
        Lang::En => spec.explanation_en.as_ref(),
    }
    .or(spec.explanation.as_ref())
    .or(spec.explanation_zh.as_ref())
    .or(spec.explanation_en.as_ref());
    match own {
        Some(text) => format!("{text}\n\n{origin}{}{what}", lang.pick("", " ")),
        None => format!("{origin}{}{what}", lang.pick("", " ")),
    }
}

impl PatternRule {
    /// The rule for `spec` of `pack`; `None` if a pattern does not compile
    /// (a validated pack never has one).
    pub fn new(pack: &Pack, spec: &PatternRuleSpec) -> Option<Self> {
        let patterns = spec
            .pattern_sources()
            .iter()
            .map(|source| Regex::new(source).ok())
            .collect::<Option<Vec<_>>>()?;
        let first_token = spec
            .tokens
            .first()
            .map(|t| t.to_string())
            .unwrap_or_default();
        let (bad, good) = match spec.kind {
            PatternKind::Existence => (first_token, "（不出现上述用语）".to_owned()),
            PatternKind::Substitution => spec
                .swap
                .first()
                .map(|s| (s.from.to_string(), s.to.clone()))
                .unwrap_or_default(),
            PatternKind::Required => ("（未写明所要求的内容）".to_owned(), first_token),
        };
        let summary_zh = spec
            .summary
            .clone()
            .unwrap_or_else(|| summary_of(&spec.message));
        let meta = RuleMeta {
            code: spec.code.to_string().into(),
            name: spec.name.to_string().into(),
            family: Family::Text,
            severity: spec.severity,
            default_enabled: spec.enabled,
            fixable: spec.kind == PatternKind::Substitution,
            summary_en: spec
                .summary_en
                .clone()
                .or_else(|| spec.message_en.as_deref().map(summary_of))
                .unwrap_or_else(|| summary_zh.clone())
                .into(),
            summary_zh: summary_zh.into(),
            explanation_zh: explanation(pack, spec, Lang::Zh).into(),
            explanation_en: explanation(pack, spec, Lang::En).into(),
            basis: spec
                .basis
                .clone()
                .unwrap_or_else(|| format!("规则包 {}", pack.pack.name))
                .into(),
            bad_example: Example::excerpt(spec.bad_example.clone().unwrap_or(bad)),
            good_example: Example::excerpt(spec.good_example.clone().unwrap_or(good)),
        };
        Some(Self {
            meta,
            spec: spec.clone(),
            patterns,
            edition: pack.pack.edition,
        })
    }

    fn message(&self, lang: Lang, found: &str, replacement: &str, section: &str) -> String {
        let template = match lang {
            Lang::En => self
                .spec
                .message_en
                .as_deref()
                .unwrap_or(&self.spec.message),
            Lang::Zh => &self.spec.message,
        };
        template
            .replace("{match}", found)
            .replace("{replacement}", replacement)
            .replace("{section}", section)
    }

    fn existence(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let text = ctx.text();
        let mut found: Vec<Span> = self
            .patterns
            .iter()
            .flat_map(|re| re.find_iter(text))
            .filter(|m| !m.is_empty())
            .map(|m| Span::new(m.start(), m.len()))
            .collect();
        found.sort();
        let mut last_end = 0;
        for span in found {
            if span.offset < last_end {
                continue; // overlaps a reported match
            }
            last_end = span.end();
            let what = span.slice(text);
            sink.report(span, self.message(ctx.lang, what, "", ""))
                .help(tr!(
                    ctx.lang,
                    "删去或改写“{}”",
                    "remove or rephrase “{}”",
                    what
                ));
        }
    }

    fn substitution(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let text = ctx.text();
        for (re, swap) in self.patterns.iter().zip(&self.spec.swap) {
            for caps in re.captures_iter(text) {
                let Some(whole) = caps.get(0).filter(|m| !m.is_empty()) else {
                    continue;
                };
                let mut replacement = String::new();
                if self.spec.regex {
                    caps.expand(&swap.to, &mut replacement);
                } else {
                    replacement.clone_from(&swap.to);
                }
                if already_replaced(text, whole.start(), whole.as_str(), &replacement) {
                    continue;
                }
                let span = Span::new(whole.start(), whole.len());
                sink.report(
                    span,
                    self.message(ctx.lang, whole.as_str(), &replacement, ""),
                )
                .help(tr!(ctx.lang, "改为“{}”", "write “{}” instead", replacement))
                .fix(Fix {
                    applicability: Applicability::Safe,
                    edits: vec![Edit {
                        offset: span.offset,
                        length: span.len,
                        replacement,
                    }],
                });
            }
        }
    }

    fn required(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let text = ctx.text();
        let (scope, at, heading) = match &self.spec.section {
            Some(kind) => {
                let Some(section) = ctx.report.section(kind) else {
                    return; // the missing section is S001's finding
                };
                (
                    section.span,
                    section.heading.span,
                    section.heading.value.clone(),
                )
            }
            None => {
                let at = ctx
                    .report
                    .title
                    .as_ref()
                    .map_or(Span::new(0, 0), |t| t.span);
                (Span::new(0, text.len()), at, String::new())
            }
        };
        let body = scope.slice(text);
        if self.patterns.iter().any(|re| re.is_match(body)) {
            return;
        }
        let wanted = self.spec.tokens.first().map_or("", PackStr::as_str);
        sink.report(at, self.message(ctx.lang, wanted, "", &heading))
            .help(tr!(
                ctx.lang,
                "补写“{}”的有关内容",
                "add a passage on “{}”",
                wanted
            ));
    }
}

impl Rule for PatternRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        if self.edition.is_some_and(|e| e != ctx.format.edition) {
            return;
        }
        match self.spec.kind {
            PatternKind::Existence => self.existence(ctx, sink),
            PatternKind::Substitution => self.substitution(ctx, sink),
            PatternKind::Required => self.required(ctx, sink),
        }
    }
}
