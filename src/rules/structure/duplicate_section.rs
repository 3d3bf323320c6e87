//! S003 `duplicate-section`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::tr;

/// The same section appears twice.
pub struct DuplicateSection;

impl Rule for DuplicateSection {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "S003".into(),
            name: "duplicate-section".into(),
            family: Family::Structure,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "章节重复".into(),
            summary_en: "A section appears more than once".into(),
            explanation:
                "Each of the six sections appears once. A second heading of the same section \
usually means two drafts were pasted together, or a subsection was numbered as a section."
                    .into(),
            basis: "国办公开办函〔2021〕30号".into(),
            bad_example: "一、总体情况\n……\n一、总体情况".into(),
            good_example: "一、总体情况\n……\n二、主动公开政府信息情况".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let sections = &ctx.report.sections;
        for (index, section) in sections.iter().enumerate() {
            let Some(first) = sections[..index].iter().find(|s| s.kind == section.kind) else {
                continue;
            };
            sink.report(
                section.heading.span,
                tr!(
                    ctx.lang,
                    "“{}”重复出现",
                    "“{}” appears again",
                    section.heading.value
                ),
            )
            .label(
                first.heading.span,
                tr!(ctx.lang, "第一次出现在这里", "first here"),
            )
            .help(tr!(
                ctx.lang,
                "合并两处内容，只保留一个标题；若是小标题，改用“(一)”式编号",
                "merge the two and keep one heading; a subsection takes “(一)” numbering"
            ));
        }
    }
}
