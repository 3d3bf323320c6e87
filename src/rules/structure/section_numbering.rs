//! S004 `section-numbering`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::tr;

/// A section heading whose numeral is wrong or missing.
pub struct SectionNumbering;

impl Rule for SectionNumbering {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "S004".into(),
            name: "section-numbering".into(),
            family: Family::Structure,
            severity: Severity::Warning,
            default_enabled: true,
            fixable: false,
            summary_zh: "章节序号不是“一”至“六”或缺少序号".into(),
            summary_en: "A section numeral is not 一…六 in sequence, or is missing".into(),
            explanation: "Section headings carry the numerals 一 to 六 of the format. A wrong numeral \
(two sections numbered 二) or a lost one (`- 总体情况`, left by some text extractions) makes the report \
hard to cite and often hides a missing or merged section."
                .into(),
            basis: "国办公开办函〔2021〕30号".into(),
            bad_example: "- 总体情况\n……\n三、主动公开政府信息情况".into(),
            good_example: "一、总体情况\n……\n二、主动公开政府信息情况".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        for section in &ctx.report.sections {
            let Some(spec) = ctx.format.section(&section.kind) else {
                continue;
            };
            let expected = super::numeral(spec.number);
            let message = match section.number {
                None => tr!(
                    ctx.lang,
                    "章节标题缺少序号，应为“{}、”",
                    "the section heading has no numeral; expected “{}、”",
                    expected
                ),
                Some(n) if n != spec.number => tr!(
                    ctx.lang,
                    "章节序号为“{}”，按格式应为“{}”",
                    "section numeral is “{}”; the format has “{}”",
                    super::numeral(n),
                    expected
                ),
                Some(_) => continue,
            };
            sink.report(section.heading.span, message).help(tr!(
                ctx.lang,
                "改为“{}”",
                "write “{}”",
                spec.heading
            ));
        }
    }
}
