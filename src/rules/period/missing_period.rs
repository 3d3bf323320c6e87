//! P001 `missing-period`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::span::Span;
use crate::tr;

/// The report never states its statistics period.
pub struct MissingPeriod;

impl Rule for MissingPeriod {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "P001".into(),
            name: "missing-period".into(),
            family: Family::Period,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "未写明数据统计期限".into(),
            summary_en: "The statistics period is not stated".into(),
            explanation: "The opening paragraph states the period the figures cover, e.g. \
`本年度报告中所列数据统计期限为2024年1月1日至2024年12月31日`. Without it a reader cannot tell \
which year the tables describe. The period is looked for in the preamble and in section 一."
                .into(),
            basis: "国办公开办函〔2021〕30号".into(),
            bad_example: "本年度报告根据《中华人民共和国政府信息公开条例》编制。".into(),
            good_example: "本年度报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限为2024年1月1日至2024年12月31日。".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        if ctx.report.period.is_some() {
            return;
        }
        let report = ctx.report;
        let text = ctx.text();
        let preamble = report.preamble.slice(text);
        let span = match preamble.find(|c: char| !c.is_whitespace()) {
            Some(at) => ctx.line_span(report.preamble.offset + at),
            None => report
                .title
                .as_ref()
                .map(|t| t.span)
                .or_else(|| report.sections.first().map(|s| s.heading.span))
                .unwrap_or(Span::new(0, 0)),
        };
        let year = report
            .year_value()
            .map_or_else(|| "YYYY".to_owned(), |y| y.to_string());
        sink.report(
            span,
            tr!(
                ctx.lang,
                "未写明数据统计期限",
                "the statistics period is not stated"
            ),
        )
        .help(tr!(
            ctx.lang,
            "在开头段写明“本年度报告中所列数据统计期限为{0}年1月1日至{0}年12月31日”",
            "state in the opening paragraph “本年度报告中所列数据统计期限为{0}年1月1日至{0}年12月31日”",
            year
        ));
    }
}
