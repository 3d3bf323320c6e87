//! C007 `article-item-mismatch`.

use crate::normalize::canon;
use crate::pack::ids::{self, Need};
use crate::parse::Cell;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// In the 主动公开 table, a `第二十条第(X)项` caption over rows of another item.
pub struct ArticleItemMismatch;

/// The item numeral of a folded caption (`第二十条第(一)项` → `一`): the
/// whole caption is `第二十条第`, the numeral (parentheses optional) and `项`.
fn item_of(folded: &str) -> Option<String> {
    let rest = folded.strip_prefix("第二十条第")?.strip_suffix('项')?;
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    let numeral = rest.strip_suffix(')').unwrap_or(rest);
    let is_numeral = |c: char| "一二三四五六七八九十".contains(c);
    (!numeral.is_empty() && numeral.chars().all(is_numeral)).then(|| numeral.to_owned())
}

impl Rule for ArticleItemMismatch {
    declare_rule! {
        code: "C007",
        name: "article-item-mismatch",
        family: Citations,
        severity: Error,
        summary_zh: "主动公开表格中“第二十条第(X)项”与其下各行不符",
        summary_en: "A 第二十条第(X)项 caption of the proactive-disclosure table does not match its rows",
        explanation_zh: "第二部分的表格按条例第二十条所列的事项分栏：\
            规章和行政规范性文件在第二十条第（一）项下，行政许可在第（五）项下，\
            行政处罚和行政强制在第（六）项下，行政事业性收费在第（八）项下（2019年格式：\
            政府集中采购在第（九）项下）。栏目标题写成了别的项，引用的条款就错了，\
            通常是复制表格后没有改标题。每一行应在哪一项下，由格式规则包中该行的 `caption` 规定。",
        explanation_en: "The table of section 二 groups its rows under the items of 第二十条 of \
            the regulation they disclose: 规章 and 行政规范性文件 under 第二十条第(一)项, \
            行政许可 under (五), 行政处罚 and 行政强制 under (六), 行政事业性收费 under (八) \
            (2019 format: 政府集中采购 under (九)). A caption that names another item cites the \
            wrong provision and usually means blocks were copied and not relabelled. The \
            expected item of each row comes from the format pack (`caption` of the row).",
        basis: "《中华人民共和国政府信息公开条例》第二十条；国办公开办函〔2021〕30号",
        bad: Rows "| 第二十条第（五）项 |\n\
            | 信息内容 | 本年处理决定数量 |\n\
            | 行政处罚 | 18 |\n\
            | 行政强制 | 11 |",
        good: Rows "| 第二十条第（六）项 |\n\
            | 信息内容 | 本年处理决定数量 |\n\
            | 行政处罚 | 18 |\n\
            | 行政强制 | 11 |",
    }

    fn requires(&self) -> &'static [Need] {
        &[
            Need::Section(ids::ACTIVE_DISCLOSURE),
            Need::Table(ids::ACTIVE_DISCLOSURE),
        ]
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let (Some(section), Some(table)) = (
            ctx.report.section(ids::ACTIVE_DISCLOSURE),
            ctx.report.table(ids::ACTIVE_DISCLOSURE),
        ) else {
            return;
        };
        let Some(spec) = ctx
            .format
            .tables
            .iter()
            .find(|t| t.spec.kind == ids::ACTIVE_DISCLOSURE)
        else {
            return;
        };
        let text = ctx.text();
        let captions: Vec<(Cell, String)> = ctx.doc.blocks[section.blocks.clone()]
            .iter()
            .flat_map(|block| ctx.doc.cells(text, block))
            .filter_map(|cell| item_of(&canon(cell.span.slice(text))).map(|item| (cell, item)))
            .collect();
        for (index, (cell, item)) in captions.iter().enumerate() {
            let end = captions
                .get(index + 1)
                .map_or(usize::MAX, |(next, _)| next.span.offset);
            let wrong = table.rows.iter().find_map(|row| {
                if row.label.is_empty()
                    || row.label_span.offset < cell.span.end()
                    || row.label_span.offset >= end
                {
                    return None;
                }
                let row_spec = spec.spec.rows.iter().find(|r| r.id == row.id)?;
                let expected = item_of(&canon(row_spec.caption.as_deref()?))?;
                (expected != *item).then_some((row, expected))
            });
            let Some((row, expected)) = wrong else {
                continue;
            };
            sink.report(
                cell.span,
                tr!(
                    ctx.lang,
                    "“{}”对应第二十条第({})项，而非第({})项",
                    "“{}” is disclosed under 第二十条第({})项, not 第({})项",
                    row.label,
                    expected,
                    item
                ),
            )
            .label(row.label_span, tr!(ctx.lang, "此行", "this row"))
            .help(tr!(
                ctx.lang,
                "将标题改为“第二十条第({})项”",
                "label the block “第二十条第({})项”",
                expected
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_item_of_a_caption() {
        assert_eq!(item_of("第二十条第(一)项").as_deref(), Some("一"));
        assert_eq!(item_of("第二十条第十一项").as_deref(), Some("十一"));
        assert_eq!(item_of("第二十条第(五项").as_deref(), Some("五"));
        assert_eq!(item_of("第二十条第()项"), None);
        assert_eq!(item_of("第二十条第((一)项"), None);
        assert_eq!(item_of("第二十一条第(一)项"), None);
    }
}
