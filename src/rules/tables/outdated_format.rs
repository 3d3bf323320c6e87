//! T005 `outdated-format`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::normalize::canon;
use crate::pack::{PackSet, TableSpec};
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::{tr, Edition};

/// A 2021+ report whose tables use the 2019 edition's rows or columns, or the converse.
pub struct OutdatedFormat;

/// Labels shorter than this (in characters) are too common to tell editions apart.
const MIN_LABEL_CHARS: usize = 4;

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
        let expected = Edition::for_year(Some(year));
        let other = other_edition(expected);
        for table in &ctx.format.tables {
            let found = foreign_labels(ctx, &table.spec);
            let Some((first, label)) = found.first() else {
                continue;
            };
            let diagnostic = sink.report(
                *first,
                tr!(
                    ctx.lang,
                    "{}年度报告的“{}”使用了{}年版格式的“{}”，应使用{}年版格式",
                    "the {} report's “{}” uses “{3}” of the {2} edition; use the {4} edition",
                    year,
                    table.spec.name,
                    other,
                    label,
                    expected
                ),
            );
            for (span, label) in found.iter().skip(1).take(MAX_LABELS) {
                diagnostic.label(
                    *span,
                    tr!(ctx.lang, "{}年版：“{}”", "{} edition: “{}”", other, label),
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

/// Cells of the table's section that carry labels only the other edition has
/// (the edition the report year does not call for), with their text.
pub(crate) fn foreign_labels(ctx: &Context<'_>, spec: &TableSpec) -> Vec<(Span, String)> {
    let Some(year) = ctx.report.year_value() else {
        return Vec::new();
    };
    let Some(section) = ctx.report.section(&spec.section) else {
        return Vec::new();
    };
    let other = other_edition(Edition::for_year(Some(year)));
    let Some(foreign) = foreign_vocabulary(other).get(spec.kind.as_str()) else {
        return Vec::new();
    };
    if foreign.is_empty() {
        return Vec::new();
    }
    let text = ctx.text();
    let mut found = Vec::new();
    for block in &ctx.doc.blocks[section.blocks.clone()] {
        for cell in ctx.doc.cells(text, block) {
            let folded = canon(cell.span.slice(text));
            if foreign.iter().any(|l| folded.starts_with(l.as_str())) {
                found.push((cell.span, cell.span.slice(text).to_owned()));
            }
        }
    }
    found
}

/// Per table kind, the folded labels only edition `other` has (long enough
/// to tell the editions apart), computed once from the built-in packs.
fn foreign_vocabulary(other: Edition) -> &'static HashMap<String, Vec<String>> {
    static CACHE: OnceLock<[HashMap<String, Vec<String>>; 2]> = OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        let tables = |edition: Edition| {
            PackSet::builtin()
                .packs()
                .iter()
                .filter(move |p| p.applies_to(edition))
                .flat_map(|p| &p.tables)
        };
        Edition::ALL.map(|other| {
            let own = other_edition(other);
            let own_labels: Vec<String> = tables(own).flat_map(labels).collect();
            tables(other)
                .map(|table| {
                    let foreign = labels(table)
                        .into_iter()
                        .filter(|l| l.chars().count() >= MIN_LABEL_CHARS)
                        .filter(|l| !own_labels.iter().any(|own| own.contains(l.as_str())))
                        .collect();
                    (table.kind.to_string(), foreign)
                })
                .collect()
        })
    });
    &cache[other.index()]
}

/// The edition a report of `edition` may have been copied from.
fn other_edition(edition: Edition) -> Edition {
    edition.others().next().unwrap_or(edition)
}

/// Every folded row, column and header label of a table.
fn labels(table: &TableSpec) -> Vec<String> {
    table
        .columns
        .iter()
        .map(|c| canon(&c.label))
        .chain(table.rows.iter().flat_map(|r| {
            std::iter::once(canon(&r.label)).chain(r.aliases.iter().map(|a| canon(a)))
        }))
        .chain(table.headers.iter().map(|h| canon(h)))
        .filter(|l| !l.is_empty())
        .collect()
}
