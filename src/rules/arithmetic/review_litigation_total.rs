//! A004 `review-litigation-total`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// A group's 总计 in the review/litigation table ≠ the sum of its four results.
pub struct ReviewLitigationTotal;

impl Rule for ReviewLitigationTotal {
    declare_rule! {
        code: "A004",
        name: "review-litigation-total",
        family: Arithmetic,
        severity: Error,
        summary_zh: "行政复议、行政诉讼情况表的总计不等于各项结果之和",
        summary_en: "Review/litigation table: a total ≠ the sum of its results",
        explanation_zh: "第四部分的表格分三组（行政复议；行政诉讼中的未经复议直接起诉；\
            行政诉讼中的复议后起诉），每组有结果维持、结果纠正、其他结果、尚未审结和总计五栏。\
            每组的总计等于前四栏之和。提示指向该组的“总计”单元格，并标注四栏结果的数值。",
        explanation_en: "The table of section 四 has three groups (行政复议; 行政诉讼 \
            未经复议直接起诉; 行政诉讼 复议后起诉), each with 结果维持, 结果纠正, 其他结果, \
            尚未审结 and 总计. Each group's 总计 is the sum of its four results. The diagnostic \
            points at the group's 总计 cell and labels the four result cells with their values.",
        basis: "国办公开办函〔2021〕30号 年度报告格式 表四",
        bad: Rows "| 0 | 2 | 2 | 0 | 5 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        good: Rows "| 0 | 2 | 2 | 0 | 4 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        super::identity::check(ctx, sink, "A004");
    }
}
