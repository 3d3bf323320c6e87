//! S002 `section-order`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::tr;

/// Sections that stand out of the prescribed order.
pub struct SectionOrder;

impl Rule for SectionOrder {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "S002".into(),
            name: "section-order".into(),
            family: Family::Structure,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "章节顺序与格式不符".into(),
            summary_en: "Sections are out of the prescribed order".into(),
            explanation: "The six sections must appear in the order of the format, so that readers and \
assessors find each part where they expect it. The diagnostic points at each section that comes after \
a section that should follow it."
                .into(),
            basis: "国办公开办函〔2021〕30号".into(),
            bad_example: "三、收到和处理政府信息公开申请情况\n……\n二、主动公开政府信息情况".into(),
            good_example: "二、主动公开政府信息情况\n……\n三、收到和处理政府信息公开申请情况".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let order = |kind: &str| ctx.format.sections.iter().position(|s| s.kind == kind);
        let mut seen: Vec<&str> = Vec::new();
        let mut furthest: Option<(usize, &crate::model::Section)> = None;
        for section in &ctx.report.sections {
            if seen.contains(&section.kind.as_str()) {
                continue;
            }
            seen.push(&section.kind);
            let Some(position) = order(&section.kind) else {
                continue;
            };
            match furthest {
                Some((max, before)) if position < max => {
                    sink.report(
                        section.heading.span,
                        tr!(
                            ctx.lang,
                            "“{}”应在“{}”之前",
                            "“{}” should come before “{}”",
                            section.heading.value,
                            before.heading.value
                        ),
                    )
                    .label(
                        before.heading.span,
                        tr!(ctx.lang, "这一节应在后面", "this section belongs later"),
                    )
                    .help(tr!(
                        ctx.lang,
                        "按“一”至“六”的顺序排列各节",
                        "put the sections in the order 一 to 六"
                    ));
                }
                _ => furthest = Some((position, section)),
            }
        }
    }
}
