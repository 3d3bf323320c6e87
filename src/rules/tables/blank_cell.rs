//! T004 `blank-cell`.

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::model::Value;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// Empty cells (or `/`, `-`, `无`) in a row: counted as 0, but a reader cannot
/// tell 0 from "not filled in".
pub struct BlankCell;

impl Rule for BlankCell {
    declare_rule! {
        code: "T004",
        name: "blank-cell",
        family: Tables,
        severity: Warning,
        fixable: true,
        summary_zh: "表格中有空白单元格",
        summary_en: "A table row has blank cells",
        explanation_zh: "格式要求每个单元格都填写数字，没有发生的填0。\
            已公开的报告常把单元格留空，或写“/”“-”“无”，读者无法判断这表示0还是漏填了数字。\
            disclint 在勾稽关系（A001–A004）中把这类单元格按0计算，每行提示一次，\
            指向第一个空白单元格并逐一标注。修复（不安全修复：只有编写者知道实际数字）\
            把“/”“-”“无”改写为0。",
        explanation_en: "The format asks for a number in every cell, 0 where nothing happened. \
            Published reports leave cells empty or write `/`, `-` or `无`; a reader cannot tell \
            whether that means 0 or a figure left out. disclint counts such cells as 0 in the \
            identities (A001–A004) and warns once per row, pointing at the first blank cell and \
            labelling each. The fix (unsafe: only the author knows the figure) writes 0 over `/`, \
            `-` and `无`.",
        basis: "国办公开办函〔2021〕30号 年度报告格式",
        bad: Rows "| 规章 | / | / | / |",
        good: Rows "| 规章 | 0 | 0 | 0 |",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        for (spec, table) in super::present(ctx) {
            for row in &table.rows {
                let blanks: Vec<_> = row
                    .values
                    .iter()
                    .filter(|v| v.value == Value::Blank)
                    .collect();
                let Some(first) = blanks.first() else {
                    continue;
                };
                let columns: Vec<String> = blanks
                    .iter()
                    .map(|v| super::column_name(spec, row, &v.column))
                    .collect();
                let row_title = super::row_title(spec, row, ctx.lang);
                let diagnostic = sink.report(
                    first.span,
                    tr!(
                        ctx.lang,
                        "{}有{}个空白单元格（{}），按0计算",
                        "{} has {} blank cells ({}), counted as 0",
                        row_title,
                        blanks.len(),
                        columns.join("、")
                    ),
                );
                for blank in &blanks {
                    diagnostic.label(
                        blank.span,
                        tr!(
                            ctx.lang,
                            "“{}”空白",
                            "“{}” blank",
                            super::column_name(spec, row, &blank.column)
                        ),
                    );
                }
                diagnostic.help(tr!(
                    ctx.lang,
                    "没有发生的事项填0，不要留空或填“/”",
                    "write 0 where nothing happened instead of leaving the cell blank or writing “/”"
                ));
                let edits: Vec<Edit> = blanks
                    .iter()
                    .filter(|v| v.span.len > 0)
                    .map(|v| Edit {
                        offset: v.span.offset,
                        length: v.span.len,
                        replacement: "0".to_owned(),
                    })
                    .collect();
                if edits.len() == blanks.len() {
                    diagnostic.fix(Fix {
                        applicability: Applicability::Unsafe,
                        edits,
                    });
                }
            }
        }
    }
}
