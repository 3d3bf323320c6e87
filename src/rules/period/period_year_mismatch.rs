//! P002 `period-year-mismatch`.

use crate::diagnostic::{Applicability, Edit, Fix, Severity};
use crate::model::YearSource;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::tr;

/// The period's year is not the report year.
pub struct PeriodYearMismatch;

impl Rule for PeriodYearMismatch {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "P002".into(),
            name: "period-year-mismatch".into(),
            family: Family::Period,
            severity: Severity::Error,
            default_enabled: true,
            fixable: true,
            summary_zh: "统计期限的年份与报告年度不一致".into(),
            summary_en: "The period's year is not the report year".into(),
            explanation: "A 2024 report covers 2024-01-01 to 2024-12-31. A period in another year \
almost always means last year's report was copied and the period was not updated, so every figure \
is suspect. The fix (unsafe: check the figures too) rewrites the period's years to the report year."
                .into(),
            basis: "《中华人民共和国政府信息公开条例》第四十九条、第五十条".into(),
            bad_example: "某某镇2024年政府信息公开工作年度报告\n所列数据统计期限为2023年1月1日至2023年12月31日。".into(),
            good_example: "某某镇2024年政府信息公开工作年度报告\n所列数据统计期限为2024年1月1日至2024年12月31日。".into(),
        }
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
