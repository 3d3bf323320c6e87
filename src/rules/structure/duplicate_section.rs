//! S003 `duplicate-section`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// The same section appears twice.
pub struct DuplicateSection;

impl Rule for DuplicateSection {
    declare_rule! {
        code: "S003",
        name: "duplicate-section",
        family: Structure,
        severity: Error,
        summary_zh: "章节重复",
        summary_en: "A section appears more than once",
        explanation_zh: "六个部分各出现一次。同一部分的标题出现两次，通常是两稿拼在了一起，\
            或是把下一级标题编成了部分标题。",
        explanation_en: "Each of the six sections appears once. A second heading of the same \
            section usually means two drafts were pasted together, or a subsection was numbered \
            as a section.",
        basis: "国办公开办函〔2021〕30号",
        bad: Sections(1, 2) "一、总体情况\n\
            ……\n\
            一、总体情况",
        good: Sections(1, 2) "一、总体情况\n\
            ……\n\
            二、主动公开政府信息情况",
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
