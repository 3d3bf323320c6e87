//! S007 `missing-table`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::tr;

/// Section 二, 三 or 四 is present but its table cannot be found.
pub struct MissingTable;

impl Rule for MissingTable {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "S007".into(),
            name: "missing-table".into(),
            family: Family::Structure,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "章节中缺少规定的统计表".into(),
            summary_en: "A section lacks its table".into(),
            explanation: "Sections 二, 三 and 四 consist of the format's tables. A heading with \
nothing (or only prose) under it is a published defect: the table was lost when the report was \
pasted into the website. Tables are found by their row labels in any rendering (pipes, Markdown, \
tabs, one cell per line)."
                .into(),
            basis: "国办公开办函〔2021〕30号".into(),
            bad_example: "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况".into(),
            good_example: "四、政府信息公开行政复议、行政诉讼情况\n| 行政复议 | … |\n| 0 | 0 | … |\n五、存在的主要问题及改进情况".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
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
