//! P004 `invalid-date`.

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// A date of the period that does not exist, lacks its month or day, or
/// its `日`.
pub struct InvalidDate;

impl Rule for InvalidDate {
    declare_rule! {
        code: "P004",
        name: "invalid-date",
        family: Period,
        severity: Error,
        fixable: true,
        summary_zh: "统计期限中的日期无效",
        summary_en: "A date of the period is impossible or incomplete",
        explanation_zh: "“2月30日”“13月1日”这样的日期，或者“2022年11日”（编辑时丢了月份）\
            这样的日期，无法与报告年度核对，在公众看来也是工作粗疏。“至12月31止”丢了“日”，\
            也是残缺的日期；这种情形有安全修复（补上“日”）。",
        explanation_en: "A date such as `2月30日`, `13月1日`, or `2022年11日` (the month lost in \
            editing) cannot be checked against the report year and reads as careless to the \
            public. `至12月31止` has lost its `日` and is malformed too; that case has a safe fix \
            (the `日` put back).",
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
            let written = date.span.slice(text);
            if date.iso(default_year).is_some() {
                // `12月31号` is another wording, not a lost `日`.
                let after = &text[date.span.end()..];
                if date.day.is_some() && !written.ends_with('日') && !after.starts_with('号') {
                    report_missing_day(ctx, sink, date.span, written);
                }
                continue;
            }
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

/// `12月31` without its `日`.
fn report_missing_day(
    ctx: &Context<'_>,
    sink: &mut Sink<'_>,
    span: crate::span::Span,
    written: &str,
) {
    sink.report(
        span,
        tr!(
            ctx.lang,
            "日期“{}”缺少“日”",
            "the date “{}” lacks its 日",
            written
        ),
    )
    .help(tr!(ctx.lang, "写成“{}日”", "write “{}日”", written))
    .fix(Fix {
        applicability: Applicability::Safe,
        edits: vec![Edit {
            offset: span.end(),
            length: 0,
            replacement: "日".to_owned(),
        }],
    });
}
