//! A002 `results-total`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// (七)总计 ≠ the sum of the result sub-rows in some column.
pub struct ResultsTotal;

impl Rule for ResultsTotal {
    declare_rule! {
        code: "A002",
        name: "results-total",
        family: Arithmetic,
        severity: Error,
        summary_zh: "办理结果(七)总计不等于各项办理结果之和",
        summary_en: "Results total ≠ the sum of the result rows",
        explanation_zh: "在第三部分表格的每一列中，“（七）总计”等于各项办理结果之和：（一）\
            予以公开、（二）部分公开、（三）1–8、（四）1–3、（五）1–5和（六）\
            1–3（2019年版中“（六）其他处理”只有一行）。分组标签（三）至（六）本身不填数值。\
            提示指向“（七）总计”单元格，并标注该列中不为0的各项办理结果。空白单元格按0计算；\
            有无效单元格（T003）或缺行（T001）的列不检查。",
        explanation_en: "In every column of the table of section 三, (七)总计 is the sum of the \
            result sub-rows: (一)予以公开, (二)部分公开, (三)1–8, (四)1–3, (五)1–5 and (六)1–3 \
            (in the 2019 edition (六)其他处理 is one row). The group labels (三)…(六) carry no \
            values. The diagnostic points at the (七)总计 cell and labels the non-zero result \
            cells of the column. Blank cells count as 0; a column with an invalid cell (T003) or \
            a missing row (T001) is not checked.",
        basis: "国办公开办函〔2021〕30号 年度报告格式 表三",
        bad: Rows "| （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n\
            | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n\
            ……\n\
            | （七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        good: Rows "| （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n\
            | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n\
            ……\n\
            | （七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        super::identity::check(ctx, sink, "A002");
    }
}
