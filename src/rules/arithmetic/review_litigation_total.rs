//! A004 `review-litigation-total`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};

/// A group's 总计 in the review/litigation table ≠ the sum of its four results.
pub struct ReviewLitigationTotal;

impl Rule for ReviewLitigationTotal {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "A004".into(),
            name: "review-litigation-total".into(),
            family: Family::Arithmetic,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "行政复议、行政诉讼情况表的总计不等于各项结果之和".into(),
            summary_en: "Review/litigation table: a total ≠ the sum of its results".into(),
            explanation:
                "The table of section 四 has three groups (行政复议; 行政诉讼 未经复议直接起诉; \
行政诉讼 复议后起诉), each with 结果维持, 结果纠正, 其他结果, 尚未审结 and 总计. Each group's 总计 \
is the sum of its four results. The diagnostic points at the group's 总计 cell and labels the four \
result cells with their values."
                    .into(),
            basis: "国办公开办函〔2021〕30号 年度报告格式 表四".into(),
            bad_example: "| 0 | 2 | 2 | 0 | 5 | …".into(),
            good_example: "| 0 | 2 | 2 | 0 | 4 | …".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        super::identity::check(ctx, sink, "A004");
    }
}
