//! P002 `period-year-mismatch`.

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::model::YearSource;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// The period's year is not the report year.
pub struct PeriodYearMismatch;

impl Rule for PeriodYearMismatch {
    declare_rule! {
        code: "P002",
        name: "period-year-mismatch",
        family: Period,
        severity: Error,
        fixable: true,
        summary_zh: "统计期限的年份与报告年度不一致",
        summary_en: "The period's year is not the report year",
        explanation_zh: "2024年度报告的统计期限是2024年1月1日至2024年12月31日。\
            统计期限写成了别的年份，几乎总是照抄了上一年的报告而没有改期限，所有数字都值得怀疑。\
            修复（不安全修复：还须核对数字）把统计期限中的年份改为报告年度。",
        explanation_en: "A 2024 report covers 2024-01-01 to 2024-12-31. A period in another year \
            almost always means last year's report was copied and the period was not updated, so \
            every figure is suspect. The fix (unsafe: check the figures too) rewrites the \
            period's years to the report year.",
        basis: "《中华人民共和国政府信息公开条例》第四十九条、第五十条",
        bad: Head "城关镇人民政府2024年政府信息公开工作年度报告\n\
            所列数据统计期限为2023年1月1日至2023年12月31日。",
        good: Head "城关镇人民政府2024年政府信息公开工作年度报告\n\
            所列数据统计期限为2024年1月1日至2024年12月31日。",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let report = ctx.report;
        let (Some(period), Some(year)) = (&report.period, &report.year) else {
            return;
        };
        if report.year_source != Some(YearSource::Title) {
            return;
        }
        let text = ctx.text();
        let mut edits = Vec::new();
        let mut first_wrong = None;
        for date in [&period.start, &period.end] {
            let Some(written) = date.year else { continue };
            if written == year.value {
                continue;
            }
            let year_text = date.span.slice(text);
            let at = year_text.find(&format!("{written:04}")).unwrap_or(0);
            let span = crate::span::Span::new(date.span.offset + at, 4);
            first_wrong.get_or_insert((span, written));
            edits.push(Edit {
                offset: span.offset,
                length: span.len,
                replacement: year.value.to_string(),
            });
        }
        let Some((span, written)) = first_wrong else {
            return;
        };
        sink.report(
            span,
            tr!(
                ctx.lang,
                "统计期限的年份为{}年，但这是{}年度的报告",
                "the period is in {}, but this is the report for {}",
                written,
                year.value
            ),
        )
        .label(year.span, tr!(ctx.lang, "报告年度", "report year"))
        .help(tr!(
            ctx.lang,
            "统计期限应为{0}年1月1日至{0}年12月31日；同时核对表中数据是否为本年度数据",
            "the period should be 1 January to 31 December {0}; check that the figures are this year's too",
            year.value
        ))
        .fix(Fix {
            applicability: Applicability::Unsafe,
            edits,
        });
    }
}
