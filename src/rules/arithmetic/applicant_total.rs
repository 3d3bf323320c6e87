//! A003 `applicant-total`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// 总计 ≠ the sum of the applicant columns in some row.
pub struct ApplicantTotal;

impl Rule for ApplicantTotal {
    declare_rule! {
        code: "A003",
        name: "applicant-total",
        family: Arithmetic,
        severity: Error,
        summary_zh: "申请情况表某行的总计不等于各类申请人之和",
        summary_en: "A row's 总计 ≠ the sum of the applicant columns",
        explanation_zh: "在第三部分表格的每一行中，\
            “总计”一列等于自然人与五类法人或其他组织（商业企业、科研机构、社会公益组织、\
            法律服务机构、其他）之和；格式中没有法人或其他组织的小计列。\
            提示指向该行的“总计”单元格，并标注各类申请人单元格的数值。",
        explanation_en: "In every row of the table of section 三, the 总计 column is the sum of \
            自然人 and the five kinds of 法人或其他组织 (商业企业, 科研机构, 社会公益组织, \
            法律服务机构, 其他); the format has no subtotal column for organisations. The \
            diagnostic points at the row's 总计 cell and labels each applicant cell with its value.",
        basis: "国办公开办函〔2021〕30号 年度报告格式 表三",
        bad: Rows "| 一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 3 |",
        good: Rows "| 一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        super::identity::check(ctx, sink, "A003");
    }
}
