//! A001 `application-balance`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// 一 + 二 ≠ 三(七)总计 + 四 in some column of the applications table.
pub struct ApplicationBalance;

impl Rule for ApplicationBalance {
    declare_rule! {
        code: "A001",
        name: "application-balance",
        family: Arithmetic,
        severity: Error,
        summary_zh: "申请情况表某列不平衡：一 + 二 ≠ 三(七)总计 + 四",
        summary_en: "Applications table: new + carried over ≠ total handled + carried forward",
        explanation_zh: "第三部分的表格在行标签上方印有本表的勾稽关系：（本列数据的勾稽关系为：\
            第一项加第二项之和，等于第三项加第四项之和）。在每一列（自然人、各类法人或其他组织、\
            总计）中，本年新收的申请（一）加上年结转的申请（二），\
            应等于本年办理结果总计（三（七）总计）加结转下年度继续办理的申请（四）。\
            提示指向该列的“（七）总计”单元格，并标注一、二、四各格的数值。\
            空白单元格按0计算（T004 会就此提示）；某列有无效单元格（T003）时，该列不检查。\
            这一勾稽关系作为数据写在格式规则包（`rules/format-2021.toml`）中。",
        explanation_en: "The table of section 三 prints its own check over the row labels: \
            (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和). In every column \
            (自然人, each kind of organisation, 总计) the applications received this year (一) \
            plus those carried over from last year (二) must equal the applications handled \
            (三(七)总计) plus those carried forward (四). The diagnostic points at the (七)总计 \
            cell of the column and labels the 一, 二 and 四 cells with their values. Blank cells \
            count as 0 (T004 warns about them); an invalid cell (T003) skips the check for its \
            column. The identity is data in the format pack (`rules/format-2021.toml`).",
        basis: "国办公开办函〔2021〕30号 年度报告格式 表三 勾稽关系说明",
        bad: Rows "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n\
            | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n\
            ……\n\
            | （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n\
            ……\n\
            | （七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n\
            | 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        good: Rows "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n\
            | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n\
            ……\n\
            | （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n\
            ……\n\
            | （七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n\
            | 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        super::identity::check(ctx, sink, "A001");
    }
}
