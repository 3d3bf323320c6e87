//! P003 `partial-period`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// The period is not 1 January to 31 December of one year.
pub struct PartialPeriod;

impl Rule for PartialPeriod {
    declare_rule! {
        code: "P003",
        name: "partial-period",
        family: Period,
        severity: Error,
        summary_zh: "统计期限不是完整的自然年度",
        summary_en: "The period is not a whole calendar year",
        explanation_zh: "年度报告涵盖整个自然年度，即1月1日至12月31日。统计期限开始得晚、\
            结束得早（11月起草报告时写成“至11月30日”），或者跨了两个年度，就会漏计或重复计算数字。",
        explanation_en: "The annual report covers the whole calendar year, 1 January to 31 \
            December. A period that starts later, ends earlier (a report drafted in November \
            with `至11月30日`), or spans two years leaves figures out or counts them twice.",
        basis: "《中华人民共和国政府信息公开条例》第五十条",
        bad: Opening "所列数据统计期限为2024年1月1日至2024年11月30日。",
        good: Opening "所列数据统计期限为2024年1月1日至2024年12月31日。",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let Some(period) = &ctx.report.period else {
            return;
        };
        let (Some(start), Some(end)) = (period.start_iso(), period.end_iso()) else {
            return; // invalid dates are P004's
        };
        let start_year = period.start.year;
        let whole_year =
            start.ends_with("-01-01") && end.ends_with("-12-31") && period.end_year() == start_year;
        if whole_year {
            return;
        }
        let year = ctx.report.year_value().or(start_year).unwrap_or(0);
        sink.report(
            period.span,
            tr!(
                ctx.lang,
                "统计期限为{}至{}，不是完整的自然年度",
                "the period runs from {} to {}, not a whole calendar year",
                start,
                end
            ),
        )
        .help(tr!(
            ctx.lang,
            "统计期限应为{0}年1月1日至{0}年12月31日",
            "the period should be 1 January to 31 December {0}",
            year
        ));
    }
}
