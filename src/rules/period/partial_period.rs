//! P003 `partial-period`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::tr;

/// The period is not 1 January to 31 December of one year.
pub struct PartialPeriod;

impl Rule for PartialPeriod {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "P003".into(),
            name: "partial-period".into(),
            family: Family::Period,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "统计期限不是完整的自然年度".into(),
            summary_en: "The period is not a whole calendar year".into(),
            explanation:
                "The annual report covers the whole calendar year, 1 January to 31 December. \
A period that starts later, ends earlier (a report drafted in November with `至11月30日`), or \
spans two years leaves figures out or counts them twice."
                    .into(),
            basis: "《中华人民共和国政府信息公开条例》第五十条".into(),
            bad_example: "所列数据统计期限为2024年1月1日至2024年11月30日。".into(),
            good_example: "所列数据统计期限为2024年1月1日至2024年12月31日。".into(),
        }
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
