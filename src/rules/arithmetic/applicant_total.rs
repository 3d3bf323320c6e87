//! A003 `applicant-total`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};

/// 总计 ≠ the sum of the applicant columns in some row.
pub struct ApplicantTotal;

impl Rule for ApplicantTotal {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "A003".into(),
            name: "applicant-total".into(),
            family: Family::Arithmetic,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "申请情况表某行的总计不等于各类申请人之和".into(),
            summary_en: "A row's 总计 ≠ the sum of the applicant columns".into(),
            explanation: "In every row of the table of section 三, the 总计 column is the sum of \
自然人 and the five kinds of 法人或其他组织 (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他); \
the format has no subtotal column for organisations. The diagnostic points at the row's 总计 cell \
and labels each applicant cell with its value."
                .into(),
            basis: "国办公开办函〔2021〕30号 年度报告格式 表三".into(),
            bad_example: "一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 3".into(),
            good_example: "一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        super::identity::check(ctx, sink, "A003");
    }
}
