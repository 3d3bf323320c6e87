//! T004 `blank-cell`.

use crate::diagnostic::{Applicability, Edit, Fix, Severity};
use crate::model::Value;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::tr;

/// Empty cells (or `/`, `-`, `无`) in a row: counted as 0, but a reader cannot
/// tell 0 from "not filled in".
pub struct BlankCell;

impl Rule for BlankCell {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "T004".into(),
            name: "blank-cell".into(),
            family: Family::Tables,
            severity: Severity::Warning,
            default_enabled: true,
            fixable: true,
            summary_zh: "表格中有空白单元格".into(),
            summary_en: "A table row has blank cells".into(),
            explanation: "The format asks for a number in every cell, 0 where nothing happened. \
Published reports leave cells empty or write `/`, `-` or `无`; a reader cannot tell whether that \
means 0 or a figure left out. disclint counts such cells as 0 in the identities (A001–A004) and \
warns once per row, pointing at the first blank cell and labelling each. The fix (unsafe: \
only the author knows the figure) writes 0 over `/`, `-` and `无`."
                .into(),
            basis: "国办公开办函〔2021〕30号 年度报告格式".into(),
            bad_example: "规章 | / | / | / |".into(),
            good_example: "规章 | 0 | 0 | 0 |".into(),
        }
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
