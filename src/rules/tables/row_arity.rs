//! T002 `row-arity`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// A row has more or fewer values than its schema says.
pub struct RowArity;

impl Rule for RowArity {
    declare_rule! {
        code: "T002",
        name: "row-arity",
        family: Tables,
        severity: Error,
        summary_zh: "表格某行的数值个数与格式不符",
        summary_en: "A row has more or fewer values than the format",
        explanation_zh: "格式中每一行的数值个数是固定的：申请情况表每行7个（自然人、\
            五类法人或其他组织、总计），行政复议、行政诉讼情况表15个，\
            主动公开情况表各栏分别为3个、1个或1个。数值少了，\
            说明丢了单元格（常见于合并单元格粘贴出错）；多了，说明有不属于任何一列的单元格。\
            无论哪种情况，数值都无法再按列读取。空白单元格也算一个数值（T004 会就此提示）。\
            报告在某部分中途结束时，最后读到的一行不因数值过少而提示。",
        explanation_en: "Each row of the format's tables has a fixed number of values: 7 in the \
            applications table (自然人, five kinds of organisation, 总计), 15 in the \
            review/litigation table, 3, 1 or 1 in the blocks of the active-disclosure table. A \
            row with fewer values has lost cells (often a merged cell pasted badly); one with \
            more has cells that belong nowhere. Either way the values can no longer be read by \
            column. Empty cells count as values (T004 warns about them). The last row read is \
            not checked for too few values when the report ends inside its section.",
        basis: "国办公开办函〔2021〕30号 年度报告格式",
        bad: Rows "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 3 |",
        good: Rows "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        for (spec, table) in super::present(ctx) {
            let open = super::open_ended(ctx, spec);
            for (index, row) in table.rows.iter().enumerate() {
                let name = super::row_title(spec, row, ctx.lang);
                // Only figures count as extra values: a trailing date or
                // page chrome read after the last row is no cell of it.
                let extra: Vec<_> = row
                    .extra
                    .iter()
                    .filter(|span| is_figure(span.slice(ctx.text())))
                    .copied()
                    .collect();
                // The last cells of a text cut inside the table may be a
                // label cut in half (`3.`).
                let last = index + 1 == table.rows.len();
                if let Some(first) = extra.first().filter(|_| !(open && last)) {
                    let diagnostic = sink.report(
                        *first,
                        tr!(
                            ctx.lang,
                            "{}应有{}个数值，但多出{}个",
                            "{} should have {} values but has {} more",
                            name,
                            row.expected,
                            extra.len()
                        ),
                    );
                    for extra in &extra[1..] {
                        diagnostic.label(*extra, tr!(ctx.lang, "多出的单元格", "extra cell"));
                    }
                    diagnostic.help(tr!(
                        ctx.lang,
                        "删除多余的单元格，或把数值移到对应的列",
                        "remove the extra cells or move the values to their columns"
                    ));
                    continue;
                }
                let unplaced = row.label.is_empty() && row.values.is_empty();
                if row.values.len() >= row.expected || (open && last) || unplaced {
                    continue;
                }
                let span = row.values.last().map_or(row.label_span, |v| v.span);
                let missing: Vec<String> = spec
                    .rows
                    .iter()
                    .find(|r| r.id == row.id)
                    .map(|r| spec.row_columns(r))
                    .unwrap_or_default()
                    .iter()
                    .skip(row.values.len())
                    .map(|c| super::column_name(spec, row, &c.id))
                    .collect();
                sink.report(
                    span,
                    tr!(
                        ctx.lang,
                        "{}应有{}个数值，只读到{}个（缺“{}”）",
                        "{} should have {} values but has {} (missing “{}”)",
                        name,
                        row.expected,
                        row.values.len(),
                        missing.join("、")
                    ),
                )
                .label(row.label_span, tr!(ctx.lang, "此行", "this row"))
                .help(tr!(
                    ctx.lang,
                    "按格式补齐该行的每一列，没有发生的事项填0",
                    "fill every column of the row, writing 0 where nothing happened"
                ));
            }
        }
    }
}

/// Whether a cell reads as a number (`12`, `3.5`) or a blank mark (`/`, `-`).
fn is_figure(raw: &str) -> bool {
    let raw = raw.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match raw.split_once('.') {
        _ if matches!(raw, "/" | "-") => true,
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(raw),
    }
}
