//! P004 `invalid-date`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// A date of the period that does not exist or lacks its month or day.
pub struct InvalidDate;

impl Rule for InvalidDate {
    declare_rule! {
        code: "P004",
        name: "invalid-date",
        family: Period,
        severity: Error,
        summary_zh: "统计期限中的日期无效",
        summary_en: "A date of the period is impossible or incomplete",
        explanation_zh: "“2月30日”“13月1日”这样的日期，或者“2022年11日”（编辑时丢了月份）\
            这样的日期，无法与报告年度核对，在公众看来也是工作粗疏。",
        explanation_en: "A date such as `2月30日`, `13月1日`, or `2022年11日` (the month lost in \
            editing) cannot be checked against the report year and reads as careless to the public.",
        basis: "GB/T 7408 (dates); 国办公开办函〔2021〕30号",
        bad: Opening "所列数据统计期限为2024年11日至1231日。",
        good: Opening "所列数据统计期限为2024年1月1日至12月31日。",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let Some(period) = &ctx.report.period else {
            return;
        };
        let text = ctx.text();
        for (date, default_year) in [(&period.start, None), (&period.end, period.start.year)] {
            if date.iso(default_year).is_some() {
                continue;
            }
            let written = date.span.slice(text);
            sink.report(
                date.span,
                tr!(
                    ctx.lang,
                    "日期“{}”无效",
                    "the date “{}” is not a valid date",
                    written
                ),
            )
            .help(tr!(
                ctx.lang,
                "写成完整的“YYYY年M月D日”，如“2024年1月1日”",
                "write a full date “YYYY年M月D日”, e.g. “2024年1月1日”"
            ));
        }
    }
}
