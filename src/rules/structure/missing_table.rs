//! S007 `missing-table`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// Section 二, 三 or 四 is present but its table cannot be found.
pub struct MissingTable;

impl Rule for MissingTable {
    declare_rule! {
        code: "S007",
        name: "missing-table",
        family: Structure,
        severity: Error,
        summary_zh: "章节中缺少规定的统计表",
        summary_en: "A section lacks its table",
        explanation_zh: "第二、三、四部分由格式规定的统计表构成。标题下什么也没有（或只有文字），\
            是已公开报告中常见的缺陷：把报告粘贴到网站时表格丢了。统计表按行标签识别，\
            各种排版（竖线分隔、Markdown 表格、制表符分隔、每格一行）都能识别。",
        explanation_en: "Sections 二, 三 and 四 consist of the format's tables. A heading with \
            nothing (or only prose) under it is a published defect: the table was lost when the \
            report was pasted into the website. Tables are found by their row labels in any \
            rendering (pipes, Markdown, tabs, one cell per line).",
        basis: "国办公开办函〔2021〕30号",
        bad: Sections(4, 4) "四、政府信息公开行政复议、行政诉讼情况\n\
            本年度未发生政府信息公开行政复议、行政诉讼。",
        good: Sections(4, 4) "四、政府信息公开行政复议、行政诉讼情况\n\
            | 行政复议 | 行政诉讼 |\n\
            | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n\
            | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 \
            | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n\
            | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        // A report in an outline before the format gets S010 instead.
        if ctx.report.outdated_outline.is_some() {
            return;
        }
        for table in &ctx.format.tables {
            let spec = &table.spec;
            let Some(section) = ctx.report.section(&spec.section) else {
                continue;
            };
            if ctx.report.table(&spec.kind).is_some() {
                continue;
            }
            sink.report(
                section.heading.span,
                tr!(
                    ctx.lang,
                    "“{}”下没有找到“{}”",
                    "no “{1}” found under “{0}”",
                    section.heading.value,
                    spec.name
                ),
            )
            .help(tr!(
                ctx.lang,
                "按格式填写“{}”，没有发生的事项填0",
                "fill in the format's “{}”, writing 0 where nothing happened",
                spec.name
            ));
        }
    }
}
