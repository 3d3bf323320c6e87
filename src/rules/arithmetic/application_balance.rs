//! A001 `application-balance`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};

/// 一 + 二 ≠ 三(七)总计 + 四 in some column of the applications table.
pub struct ApplicationBalance;

impl Rule for ApplicationBalance {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "A001".into(),
            name: "application-balance".into(),
            family: Family::Arithmetic,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "申请情况表某列不平衡：一 + 二 ≠ 三(七)总计 + 四".into(),
            summary_en: "Applications table: new + carried over ≠ total handled + carried forward".into(),
            explanation: "The table of section 三 prints its own check over the row labels: \
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和). In every column (自然人, each \
kind of organisation, 总计) the applications received this year (一) plus those carried over from \
last year (二) must equal the applications handled (三(七)总计) plus those carried forward (四). \
The diagnostic points at the (七)总计 cell of the column and labels the 一, 二 and 四 cells with \
their values. Blank cells count as 0 (T004 warns about them); an invalid cell (T003) skips the \
check for its column. The identity is data in the format pack (`rules/format-2021.toml`)."
                .into(),
            basis: "国办公开办函〔2021〕30号 年度报告格式 表三 勾稽关系说明".into(),
            bad_example: "一、本年新收政府信息公开申请数量 | 3 | … \n二、上年结转政府信息公开申请数量 | 0 | …\n(七)总计 | 2 | …\n四、结转下年度继续办理 | 0 | …".into(),
            good_example: "一、本年新收政府信息公开申请数量 | 3 | … \n二、上年结转政府信息公开申请数量 | 0 | …\n(七)总计 | 3 | …\n四、结转下年度继续办理 | 0 | …".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        super::identity::check(ctx, sink, "A001");
    }
}
