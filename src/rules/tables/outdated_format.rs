//! T005 `outdated-format`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// A 2021+ report whose tables use the 2019 edition's rows or columns, or the converse.
pub struct OutdatedFormat;

/// More spans than this are not labelled.
const MAX_LABELS: usize = 4;

impl Rule for OutdatedFormat {
    declare_rule! {
        code: "T005",
        name: "outdated-format",
        family: Tables,
        severity: Error,
        summary_zh: "统计表使用了与报告年度不符的格式版本",
        summary_en: "The tables use the other edition of the format",
        explanation_zh: "2021年及以后的报告使用2021年格式（国办公开办函〔2021〕30号），2019年、\
            2020年的报告使用2019年试行格式（国办公开办函〔2019〕60号）。\
            两版的区别在第二部分的表格（2019年版：本年新制作数量、本年新公开数量、\
            对外公开总数量、上一年项目数量、本年增/减、其他对外管理服务事项、第二十条第（九）\
            项政府集中采购；2021年版：本年制发件数、本年废止件数、现行有效件数、本年收费金额）\
            和第三部分的“（六）其他处理”（2021年版分为三行）。表格带有另一版格式的标签，\
            说明是照旧模板填写的。按标题或统计期限所示的年度检查；每张表提示一次。",
        explanation_en: "Reports for 2021 and later use the 2021 format \
            (国办公开办函〔2021〕30号); reports for 2019 and 2020 the 2019 trial format \
            (国办公开办函〔2019〕60号). The editions differ in the table of section 二 (2019: \
            本年新制作数量, 本年新公开数量, 对外公开总数量, 上一年项目数量, 本年增/减, \
            其他对外管理服务事项, 第二十条第(九)项 政府集中采购; 2021: 本年制发件数, \
            本年废止件数, 现行有效件数, 本年收费金额) and in (六)其他处理 of section 三 (2021 \
            splits it into three rows). A table carrying the other edition's labels was copied \
            from an old template. The check runs on the year the title or statistics period \
            gives; one diagnostic per table.",
        basis: "国办公开办函〔2021〕30号；国办公开办函〔2019〕60号",
        bad: Rows "| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
        good: Rows "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let Some(year) = ctx.report.year_value() else {
            return;
        };
        for foreign in &ctx.report.foreign_tables {
            let Some(table) = ctx
                .format
                .tables
                .iter()
                .find(|t| t.spec.kind == foreign.table)
            else {
                continue;
            };
            let Some(first) = foreign.labels.first() else {
                continue;
            };
            let (expected, other) = (foreign.expected, foreign.edition);
            let diagnostic = sink.report(
                first.span,
                tr!(
                    ctx.lang,
                    "{}年度报告的“{}”使用了{}年版格式的“{}”，应使用{}年版格式",
                    "the {} report's “{}” uses “{3}” of the {2} edition; use the {4} edition",
                    year,
                    table.spec.name,
                    other,
                    first.value,
                    expected
                ),
            );
            for label in foreign.labels.iter().skip(1).take(MAX_LABELS) {
                diagnostic.label(
                    label.span,
                    tr!(
                        ctx.lang,
                        "{}年版：“{}”",
                        "{} edition: “{}”",
                        other,
                        label.value
                    ),
                );
            }
            let help = match &ctx.formats.get(expected).basis {
                Some(basis) => tr!(
                    ctx.lang,
                    "按{}年版格式（{}）重新填写该表",
                    "fill in the table of the {} edition ({})",
                    expected,
                    basis
                ),
                None => tr!(
                    ctx.lang,
                    "按{}年版格式重新填写该表",
                    "fill in the table of the {} edition",
                    expected
                ),
            };
            diagnostic.help(help);
        }
    }
}
