//! T003 `invalid-cell`.

use crate::model::Value;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// A value that is not a non-negative integer (or, for 万元 fees, decimal).
pub struct InvalidCell;

impl Rule for InvalidCell {
    declare_rule! {
        code: "T003",
        name: "invalid-cell",
        family: Tables,
        severity: Error,
        summary_zh: "表格单元格不是有效的数值",
        summary_en: "A table cell is not a valid number",
        explanation_zh: "表中的件数是用阿拉伯数字书写的非负整数；只有收费金额一栏（本年收费金额，\
            单位万元）可以有小数，只有2019年格式的“本年增/减”可以为负数。写成“abc”这样的文字、\
            带单位（“5件”）、带符号（“-1”）或带千分位逗号（“1,2”），机器无法读取，\
            读者也会产生歧义。用到无效单元格的勾稽关系不再检查，所以一个无效单元格只有一条提示。\
            空白单元格以及“/”“-”“无”由 T004 处理。不含数字、\
            含有汉字的文字被视为误读的标签而不是数值，不作提示。",
        explanation_en: "Table counts are non-negative integers written in Arabic digits; only \
            the fee column (本年收费金额, 万元) may hold a decimal, and only 2019's 本年增/减 \
            may be negative. Text such as `abc`, a unit (`5件`), a sign (`-1`) or a thousands \
            separator (`1,2`) makes the cell unreadable by machines and ambiguous to people. \
            Identities that use an invalid cell are not checked, so one bad cell gives one \
            diagnostic. Empty cells, `/`, `-` and `无` are T004's. Text without digits that \
            contains Chinese characters is taken for a misread label, not a value, and is not reported.",
        basis: "国办公开办函〔2021〕30号 年度报告格式",
        bad: Rows "| （一）予以公开 | 5件 | 0 | 0 | 0 | 0 | 0 | 5 |",
        good: Rows "| （一）予以公开 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        for (spec, table) in super::present(ctx) {
            for row in &table.rows {
                for cell in &row.values {
                    let Value::Invalid(raw) = &cell.value else {
                        continue;
                    };
                    if !looks_like_a_figure(raw) {
                        continue;
                    }
                    let decimal = spec
                        .columns
                        .iter()
                        .any(|c| c.id == cell.column && c.decimal);
                    let row_title = super::row_title(spec, row, ctx.lang);
                    let column = super::column_name(spec, row, &cell.column);
                    let kind = if decimal {
                        tr!(ctx.lang, "非负数", "a non-negative number")
                    } else {
                        tr!(ctx.lang, "非负整数", "a non-negative integer")
                    };
                    sink.report(
                        cell.span,
                        tr!(
                            ctx.lang,
                            "{}“{}”列的“{}”不是{}",
                            "“{2}” in {0}, column “{1}”, is not {3}",
                            row_title,
                            column,
                            raw.trim(),
                            kind
                        ),
                    )
                    .help(tr!(
                        ctx.lang,
                        "只填写阿拉伯数字（如 5），不带单位、正负号或千分位逗号；没有发生的填0",
                        "write Arabic digits only (e.g. 5), without units, signs or thousands separators; 0 if nothing happened"
                    ));
                }
            }
        }
    }
}

/// Whether an unreadable cell was meant as a figure: it has a digit, or it
/// is a short code (`abc`, `N/A`). A longer text without digits (`五、…`) is
/// a label or heading the table reader took for a cell, not a bad value.
fn looks_like_a_figure(raw: &str) -> bool {
    let raw = raw.trim();
    raw.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        || (crate::normalize::cjk_count(raw) == 0 && raw.chars().count() <= 8)
}
