//! S005 `missing-title`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::tr;

/// No title naming the agency, the year and 政府信息公开工作年度报告.
pub struct MissingTitle;

impl Rule for MissingTitle {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "S005".into(),
            name: "missing-title".into(),
            family: Family::Structure,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "缺少标题，或标题未写明机关名称和年份".into(),
            summary_en: "No title naming the agency, the year and the report".into(),
            explanation: "The report opens with its title, `<机关名称><YYYY>年政府信息公开工作年度报告` \
(or `<YYYY>年<机关名称>…`). Without the agency and the year a published report cannot be told apart \
from the others of its portal, and the year is what every period and table check is measured against."
                .into(),
            basis: "国办公开办函〔2021〕30号".into(),
            bad_example: "政府信息公开工作年度报告\n本年度报告根据……".into(),
            good_example: "某某镇人民政府2024年政府信息公开工作年度报告\n本年度报告根据……".into(),
        }
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
