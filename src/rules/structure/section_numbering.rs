//! S004 `section-numbering`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// A section heading whose numeral is wrong or missing.
pub struct SectionNumbering;

impl Rule for SectionNumbering {
    declare_rule! {
        code: "S004",
        name: "section-numbering",
        family: Structure,
        severity: Warning,
        summary_zh: "章节序号不是“一”至“六”或缺少序号",
        summary_en: "A section numeral is not 一…六 in sequence, or is missing",
        explanation_zh: "各部分标题使用格式规定的序号“一”至“六”。序号写错（两个部分都编为“二”，\
            或用了下一级标题的阿拉伯数字序号“1、总体情况”）或丢失（有些文本提取工具会留下“- 总体情况”），\
            报告就难以引用，还常常掩盖了缺少或合并的部分。",
        explanation_en: "Section headings carry the numerals 一 to 六 of the format. A wrong \
            numeral (two sections numbered 二, or the Arabic numbering of a lower level, \
            `1、总体情况`) or a lost one (`- 总体情况`, left by some text extractions) makes the \
            report hard to cite and often hides a missing or merged section.",
        basis: "国办公开办函〔2021〕30号",
        bad: Sections(1, 2) "- 总体情况\n\
            ……\n\
            三、主动公开政府信息情况",
        good: Sections(1, 2) "一、总体情况\n\
            ……\n\
            二、主动公开政府信息情况",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        // A report in an outline before the format gets S010 instead.
        if ctx.report.outdated_outline.is_some() {
            return;
        }
        for section in &ctx.report.sections {
            let Some(spec) = ctx.format.section(&section.kind) else {
                continue;
            };
            let expected = super::numeral(spec.number);
            let message = match section.number {
                Some(n) if section.arabic => tr!(
                    ctx.lang,
                    "章节序号写作“{}、”，这是下一级标题的序号，按格式应为“{}、”",
                    "the section numeral is written “{}、”, the numbering of a lower level; the format has “{}、”",
                    n,
                    expected
                ),
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
