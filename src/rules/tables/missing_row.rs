//! T001 `missing-row`.

use crate::model::TableRow;
use crate::pack::RowSpec;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// Rows named in one diagnostic; more are counted.
const MAX_NAMED: usize = 4;

/// A row the table's schema requires is absent.
pub struct MissingRow;

impl Rule for MissingRow {
    declare_rule! {
        code: "T001",
        name: "missing-row",
        family: Tables,
        severity: Error,
        summary_zh: "统计表缺少规定的行",
        summary_en: "A table lacks a required row",
        explanation_zh: "格式规定的各统计表，每一行都必须保留，没有发生的事项填0：\
            申请情况表25行（其中办理结果21行），主动公开情况表6行，行政复议、\
            行政诉讼情况表一行15个数值。提示列出缺少的行，\
            并指向它们本应所在的位置（其后第一个现有的行）；连续缺少的几行合为一条提示。\
            以下情况不提示：该部分缺失（S001）或表格缺失（S007）；\
            表格用的是另一版格式的行（T005）；报告在表格所在部分中途结束（文本被截断）时，\
            最后读到的一行之后的各行。",
        explanation_en: "Every row of the format's tables must be present, with 0 where nothing \
            happened: the 25 rows of the applications table (21 of them result rows), the six \
            rows of the active-disclosure table, the one row of fifteen values of the \
            review/litigation table. The diagnostic names the rows and points where they were \
            expected (the next row present); consecutive missing rows make one diagnostic. It \
            does not fire when the section is missing (S001) or the table is absent (S007), when \
            the table uses the other edition's rows (T005), nor for rows after the last one read \
            when the report ends inside the table's section (a text cut off mid-table).",
        basis: "国办公开办函〔2021〕30号 年度报告格式",
        bad: Rows "| （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n\
            | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        good: Rows "| （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n\
            | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n\
            | （三）不予公开 |\n\
            | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        for (spec, table) in super::present(ctx) {
            let position = |id: &str| spec.rows.iter().position(|r| r.id == id);
            let last_found = table.rows.iter().filter_map(|r| position(&r.id)).max();
            let open = super::open_ended(ctx, spec);
            // Missing rows, grouped by the row present after them: one
            // diagnostic per gap, at the place the rows belong.
            let mut gaps: Vec<(Option<&TableRow>, Vec<&RowSpec>)> = Vec::new();
            for (index, row) in spec.rows.iter().enumerate() {
                if row.group || table.rows.iter().any(|r| r.id == row.id) {
                    continue;
                }
                if open && last_found.is_none_or(|last| index > last) {
                    continue;
                }
                let next = table
                    .rows
                    .iter()
                    .find(|r| position(&r.id).is_some_and(|p| p > index));
                match gaps.last_mut() {
                    Some((gap_next, rows)) if gap_next.map(|r| &r.id) == next.map(|r| &r.id) => {
                        rows.push(row)
                    }
                    _ => gaps.push((next, vec![row])),
                }
            }
            for (next, rows) in gaps {
                let (span, place) = match next {
                    Some(next) => (
                        next.label_span,
                        tr!(ctx.lang, "应在“{}”之前", "expected before “{}”", next.label),
                    ),
                    None => (
                        Span::new(table.span.end(), 0),
                        tr!(ctx.lang, "应在表末", "expected at the end of the table"),
                    ),
                };
                let names: Vec<String> = rows
                    .iter()
                    .take(MAX_NAMED)
                    .map(|row| {
                        if row.label.is_empty() {
                            tr!(ctx.lang, "数值行", "the row of values")
                        } else {
                            format!("“{}”", row.label)
                        }
                    })
                    .collect();
                let more = if rows.len() > MAX_NAMED {
                    tr!(ctx.lang, "等{}行", " and more ({} rows)", rows.len())
                } else {
                    String::new()
                };
                sink.report(
                    span,
                    tr!(
                        ctx.lang,
                        "“{}”缺少{}{}",
                        "“{}” lacks {}{}",
                        spec.name,
                        names.join("、"),
                        more
                    ),
                )
                .label(span, place)
                .help(tr!(
                    ctx.lang,
                    "按格式补上缺少的行，没有发生的事项填0",
                    "add the missing rows as the format has them, writing 0 where nothing happened"
                ));
            }
        }
    }
}
