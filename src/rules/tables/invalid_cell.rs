//! T003 `invalid-cell`.

use crate::model::{out_of_range, Number, Value};
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// A value that is not a non-negative integer (or, for 万元 fees, decimal),
/// or one too large to read exactly.
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
            读者也会产生歧义。件数按精确整数读取，上限为18446744073709551615，收费金额最多19位数字、\
            18位小数；更大的数也会提示，因为没有哪项件数会这么大，舍入又会让勾稽关系算错。用到无效单元格的勾稽关系不再检查，所以一个无效单元格只有一条提示。\
            空白单元格以及“/”“-”“无”由 T004 处理。不含数字、\
            含有汉字的文字被视为误读的标签而不是数值，不作提示。",
        explanation_en: "Table counts are non-negative integers written in Arabic digits; only \
            the fee column (本年收费金额, 万元) may hold a decimal, and only 2019's 本年增/减 \
            may be negative. Text such as `abc`, a unit (`5件`), a sign (`-1`) or a thousands \
            separator (`1,2`) makes the cell unreadable by machines and ambiguous to people. \
            Counts are read exactly up to 18446744073709551615 and the fee up to 19 digits and \
            18 decimals; a larger figure is reported too, since no count is that large and \
            rounding it would make the identities wrong. Identities that use an invalid cell are not checked, so one bad cell gives one \
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
                    // A figure at the very end of a text cut short (`30.` of
                    // `30.5`) is not the writer's mistake.
                    if !looks_like_a_figure(raw) || ctx.cut_off_at(cell.span.end()) {
                        continue;
                    }
                    let Some(column_spec) = spec.columns.iter().find(|c| c.id == cell.column)
                    else {
                        continue;
                    };
                    let row_title = super::row_title(spec, row, ctx.lang);
                    let column = super::column_name(spec, row, &cell.column);
                    let shown = excerpt(raw.trim());
                    if out_of_range(raw, column_spec) {
                        let (message, help) = if column_spec.decimal {
                            (
                                tr!(
                                    ctx.lang,
                                    "{}“{}”列的“{}”位数过多，无法精确计算（最多{}位数字、{}位小数）",
                                    "“{2}” in {0}, column “{1}”, has too many digits to compute exactly (at most {3} digits and {4} decimals)",
                                    row_title,
                                    column,
                                    shown,
                                    Number::MAX_DIGITS,
                                    Number::MAX_SCALE
                                ),
                                tr!(
                                    ctx.lang,
                                    "核对该数值，按“万元”填写，保留必要的小数位",
                                    "check the figure: write it in 万元 with the decimals it needs"
                                ),
                            )
                        } else {
                            (
                                tr!(
                                    ctx.lang,
                                    "{}“{}”列的“{}”过大，超出可处理的范围（最大为{}）",
                                    "“{2}” in {0}, column “{1}”, is too large to be read (at most {3})",
                                    row_title,
                                    column,
                                    shown,
                                    u64::MAX
                                ),
                                tr!(
                                    ctx.lang,
                                    "核对该数值：表中的件数不会如此之大",
                                    "check the figure: no count in the table is this large"
                                ),
                            )
                        };
                        sink.report(cell.span, message).help(help);
                        continue;
                    }
                    let kind = if column_spec.decimal {
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
                            shown,
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

/// Cells longer than this (in characters) are shown cut short in messages.
const MAX_SHOWN_CHARS: usize = 40;

/// A cell's text for a message: the text, or for a very long one its
/// beginning and its length (the span shows the rest).
fn excerpt(raw: &str) -> String {
    let length = raw.chars().count();
    if length <= MAX_SHOWN_CHARS {
        return raw.to_owned();
    }
    let start: String = raw.chars().take(MAX_SHOWN_CHARS / 2).collect();
    format!("{start}…({length})")
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
