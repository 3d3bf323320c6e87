//! S005 `missing-title`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// No title naming the agency, the year and 政府信息公开工作年度报告.
pub struct MissingTitle;

impl Rule for MissingTitle {
    declare_rule! {
        code: "S005",
        name: "missing-title",
        family: Structure,
        severity: Error,
        summary_zh: "缺少标题，或标题未写明机关名称和年份",
        summary_en: "No title naming the agency, the year and the report",
        explanation_zh: "报告以标题开头：\
            “<机关名称><YYYY>年政府信息公开工作年度报告”（也可写作“<YYYY>年<机关名称>政府信息公开\
            工作年度报告”）。标题没有机关名称和年份，公开后就无法与同一平台上的其他报告区分；\
            而年份正是检查统计期限和各统计表的依据。",
        explanation_en: "The report opens with its title, \
            `<机关名称><YYYY>年政府信息公开工作年度报告` (or `<YYYY>年<机关名称>…`). Without the \
            agency and the year a published report cannot be told apart from the others of its \
            portal, and the year is what every period and table check is measured against.",
        basis: "国办公开办函〔2021〕30号",
        bad: Head "政府信息公开工作年度报告\n\
            本年度报告根据……",
        good: Head "城关镇人民政府2024年政府信息公开工作年度报告\n\
            本年度报告根据……",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let help = tr!(
            ctx.lang,
            "第一行写标题，如“某某镇人民政府2024年政府信息公开工作年度报告”",
            "put the title on the first line, e.g. “某某镇人民政府2024年政府信息公开工作年度报告”"
        );
        let Some(title) = &ctx.report.title else {
            let first = ctx.text().find(|c: char| !c.is_whitespace()).unwrap_or(0);
            sink.report(
                ctx.line_span(first),
                tr!(
                    ctx.lang,
                    "未找到报告标题（应写明机关名称、年份和“政府信息公开工作年度报告”）",
                    "no report title found (it names the agency, the year and “政府信息公开工作年度报告”)"
                ),
            )
            .help(help);
            return;
        };
        let missing: Vec<String> = [
            title
                .agency
                .is_none()
                .then(|| tr!(ctx.lang, "机关名称", "the agency")),
            title
                .year
                .is_none()
                .then(|| tr!(ctx.lang, "年份", "the year")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !missing.is_empty() {
            sink.report(
                title.span,
                tr!(
                    ctx.lang,
                    "标题未写明{}",
                    "the title does not name {}",
                    missing.join(ctx.lang.pick("和", " and "))
                ),
            )
            .help(help);
        }
    }
}
