//! P001 `missing-period`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// The report never states its statistics period.
pub struct MissingPeriod;

impl Rule for MissingPeriod {
    declare_rule! {
        code: "P001",
        name: "missing-period",
        family: Period,
        severity: Error,
        summary_zh: "未写明数据统计期限",
        summary_en: "The statistics period is not stated",
        explanation_zh: "开头一段写明数字所涵盖的期限，\
            例如“本年度报告中所列数据统计期限为2024年1月1日至2024年12月31日”。没有这句话，\
            读者就不知道各统计表说的是哪一年。统计期限在开头一段和第一部分中查找。",
        explanation_en: "The opening paragraph states the period the figures cover, e.g. \
            `本年度报告中所列数据统计期限为2024年1月1日至2024年12月31日`. Without it a reader \
            cannot tell which year the tables describe. The period is looked for in the preamble \
            and in section 一.",
        basis: "国办公开办函〔2021〕30号",
        bad: Opening "本年度报告根据《中华人民共和国政府信息公开条例》编制。",
        good: Opening "本年度报告根据《中华人民共和国政府信息公开条例》编制，\
            所列数据统计期限为2024年1月1日至2024年12月31日。",
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
