//! What a rule says about itself: the data behind `disclint rules`,
//! `disclint explain` and `docs/rules.md`, and `declare_rule!`, the form
//! built-in rules declare it in.

use std::borrow::Cow;

use serde::Serialize;

use super::Example;
use crate::diagnostic::Severity;
use crate::Lang;

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
    /// `Y`: across reports — an agency's other years, other agencies of a batch.
    Years,
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
            Family::Years => 'Y',
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
            Family::Years => "years",
            Family::Input => "input",
        }
    }

    /// The family's name in Chinese.
    pub fn name_zh(self) -> &'static str {
        match self {
            Family::Structure => "结构",
            Family::Tables => "表格",
            Family::Arithmetic => "数字勾稽",
            Family::Citations => "引用",
            Family::Period => "统计期限",
            Family::Text => "文字",
            Family::Years => "跨年度与跨机关",
            Family::Input => "输入",
        }
    }
}

/// A rule's metadata. Built-in rules declare theirs as a `static` with
/// `declare_rule!` (borrowed text); pack rules own theirs.
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
    /// What it checks and why it matters (Markdown), in Chinese.
    pub explanation_zh: Cow<'static, str>,
    /// What it checks and why it matters (Markdown), in English.
    pub explanation_en: Cow<'static, str>,
    /// The regulation, notice or standard the rule rests on.
    pub basis: Cow<'static, str>,
    /// A text the rule fires on.
    pub bad_example: Example,
    /// The same text, corrected: the rule does not fire on it.
    pub good_example: Example,
}

impl RuleMeta {
    /// The summary in `lang`.
    pub fn summary(&self, lang: Lang) -> &str {
        lang.pick(&self.summary_zh, &self.summary_en)
    }

    /// The explanation in `lang`.
    pub fn explanation(&self, lang: Lang) -> &str {
        lang.pick(&self.explanation_zh, &self.explanation_en)
    }

    /// Whether every documentation field is filled in.
    pub fn is_documented(&self) -> bool {
        [
            &self.summary_zh,
            &self.summary_en,
            &self.explanation_zh,
            &self.explanation_en,
            &self.basis,
            &self.bad_example.text,
            &self.good_example.text,
        ]
        .iter()
        .all(|field| !field.trim().is_empty())
    }
}

/// Declares a built-in rule's metadata. Written inside `impl Rule for …`, it
/// expands to `fn meta(&self) -> &RuleMeta` returning a `static`, so that
/// asking for the metadata never allocates. Chinese and English stand side by
/// side; each example names the [`Place`](super::Place) it stands in, which
/// is where the example test runs it.
///
/// ```ignore
/// impl Rule for SectionOrder {
///     declare_rule! {
///         code: "S002",
///         name: "section-order",
///         family: Structure,
///         severity: Error,
///         summary_zh: "章节顺序与格式不符",
///         summary_en: "Sections are out of the prescribed order",
///         explanation_zh: "六个部分应按格式规定的顺序排列……",
///         explanation_en: "The six sections must appear in the order of the format…",
///         basis: "国办公开办函〔2021〕30号",
///         bad: Sections(2, 3) "三、收到和处理政府信息公开申请情况\n二、主动公开政府信息情况",
///         good: Sections(2, 3) "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况",
///     }
///
///     fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) { … }
/// }
/// ```
///
/// `default_enabled: false` and `fixable: true` may follow `severity`; they
/// default to `true` and `false`.
macro_rules! declare_rule {
    (
        code: $code:literal,
        name: $name:literal,
        family: $family:ident,
        severity: $severity:ident,
        $(default_enabled: $enabled:literal,)?
        $(fixable: $fixable:literal,)?
        summary_zh: $summary_zh:literal,
        summary_en: $summary_en:literal,
        explanation_zh: $explanation_zh:literal,
        explanation_en: $explanation_en:literal,
        basis: $basis:literal,
        bad: $bad_place:ident $(($($bad_arg:literal),*))? $bad:literal,
        good: $good_place:ident $(($($good_arg:literal),*))? $good:literal $(,)?
    ) => {
        fn meta(&self) -> &$crate::rules::RuleMeta {
            use ::std::borrow::Cow::Borrowed;
            use $crate::rules::{Example, Family, Place, RuleMeta};
            static META: RuleMeta = RuleMeta {
                code: Borrowed($code),
                name: Borrowed($name),
                family: Family::$family,
                severity: $crate::Severity::$severity,
                default_enabled: $crate::rules::declare_rule!(@or $($enabled)? true),
                fixable: $crate::rules::declare_rule!(@or $($fixable)? false),
                summary_zh: Borrowed($summary_zh),
                summary_en: Borrowed($summary_en),
                explanation_zh: Borrowed($explanation_zh),
                explanation_en: Borrowed($explanation_en),
                basis: Borrowed($basis),
                bad_example: Example {
                    place: Place::$bad_place $(($($bad_arg),*))?,
                    text: Borrowed($bad),
                },
                good_example: Example {
                    place: Place::$good_place $(($($good_arg),*))?,
                    text: Borrowed($good),
                },
            };
            &META
        }
    };
    (@or $value:literal $default:literal) => {
        $value
    };
    (@or $default:literal) => {
        $default
    };
}

pub(crate) use declare_rule;
