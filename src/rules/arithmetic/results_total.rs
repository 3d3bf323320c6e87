//! A002 `results-total`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};

/// (七)总计 ≠ the sum of the result sub-rows in some column.
pub struct ResultsTotal;

impl Rule for ResultsTotal {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "A002".into(),
            name: "results-total".into(),
            family: Family::Arithmetic,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "办理结果(七)总计不等于各项办理结果之和".into(),
            summary_en: "Results total ≠ the sum of the result rows".into(),
            explanation: "In every column of the table of section 三, (七)总计 is the sum of the \
result sub-rows: (一)予以公开, (二)部分公开, (三)1–8, (四)1–3, (五)1–5 and (六)1–3 (in the 2019 \
edition (六)其他处理 is one row). The group labels (三)…(六) carry no values. The diagnostic points \
at the (七)总计 cell and labels the non-zero result cells of the column. Blank cells count as 0; a \
column with an invalid cell (T003) or a missing row (T001) is not checked."
                .into(),
            basis: "国办公开办函〔2021〕30号 年度报告格式 表三".into(),
            bad_example: "(一)予以公开 | 2 | …\n(二)部分公开 | 1 | …\n(其余各项均为0)\n(七)总计 | 2 | …".into(),
            good_example: "(一)予以公开 | 2 | …\n(二)部分公开 | 1 | …\n(其余各项均为0)\n(七)总计 | 3 | …".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        super::identity::check(ctx, sink, "A002");
    }
}
