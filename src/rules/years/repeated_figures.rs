//! Y004 `repeated-figures`.

use super::{CrossRule, CrossSink};
use crate::pack::ids::{self, Need};
use crate::rules::declare_rule;
use crate::tr;
use crate::years::Batch;

/// 表三 (or 表二) of year Y holds the same figures as year Y − 1, cell by cell.
pub struct RepeatedFigures;

/// The fewest non-zero figures of the year (neither stocks nor totals) two
/// equal tables must have to be reported: a quiet agency may well have
/// the same one or two applications two years running.
pub const MIN_EVENTS: u32 = 4;

impl CrossRule for RepeatedFigures {
    declare_rule! {
        code: "Y004",
        name: "repeated-figures",
        family: Years,
        severity: Warning,
        summary_zh: "统计表的数字与上一年度报告完全相同",
        summary_en: "A table repeats last year's report's figures cell by cell",
        explanation_zh: "表三（收到和处理政府信息公开申请情况）或表二（主动公开政府信息情况）与同一机关上一年度报告的同一张表\
            逐格相同，通常说明沿用了上一年度的报告而没有更新数字。只有当表中至少有4个非零的本年度数字\
            （不算“现行有效件数”这类跨年累计的存量，也不算总计）时才报告：\
            申请很少的机关，连续两年数字相同是可能的。两个年度的报告格式版本不同时不比较。\
            只有同时检查同一机关相邻两个年度的报告时才会检查。",
        explanation_en: "Table 三 (applications) or table 二 (active disclosure) equal, cell by cell, to the \
            same table of the agency's report of the year before usually means last year's report was \
            reused without updating its figures. Reported only when the table has at least 4 non-zero \
            figures of the year (stocks carried from year to year such as 现行有效件数, and totals, do \
            not count): an agency with few applications may well have the same figures two years \
            running. Reports in different format editions are not compared. Checked only when the \
            agency's reports of two consecutive years are checked together.",
        basis: "国办公开办函〔2021〕30号（年度报告应反映本年度数据）",
        bad: YearRows "上一年度：\n| 行政许可 | 36 |\n| 行政处罚 | 12 |\n| 行政强制 | 3 |\n| 行政事业性收费 | 1.5 |\n本年度：\n| 行政许可 | 36 |\n| 行政处罚 | 12 |\n| 行政强制 | 3 |\n| 行政事业性收费 | 1.5 |",
        good: YearRows "上一年度：\n| 行政许可 | 36 |\n| 行政处罚 | 12 |\n| 行政强制 | 3 |\n| 行政事业性收费 | 1.5 |\n本年度：\n| 行政许可 | 41 |\n| 行政处罚 | 9 |\n| 行政强制 | 3 |\n| 行政事业性收费 | 1.2 |",
    }

    fn requires(&self) -> &'static [Need] {
        &[
            Need::Table(ids::ACTIVE_DISCLOSURE),
            Need::Table(ids::APPLICATIONS),
        ]
    }

    fn check_batch(&self, batch: &Batch<'_>, sink: &mut CrossSink<'_>) {
        let lang = batch.lang;
        for pair in batch.year_pairs() {
            let (this, last) = (&batch.members[pair.current], &batch.members[pair.previous]);
            if this.facts.edition != last.facts.edition {
                continue;
            }
            let year = last.facts.year.unwrap_or_default();
            for grid in &this.facts.grids {
                let Some(before) = last.facts.grid(grid.table) else {
                    continue;
                };
                if grid.hash != before.hash || grid.events < MIN_EVENTS {
                    continue;
                }
                let (Some(first), Some(first_before)) = (&grid.first, &before.first) else {
                    continue;
                };
                let table = batch.table_name(this.facts.edition, grid.table);
                let count = grid.nonzero;
                let related = batch.related(
                    pair.previous,
                    &first_before.point,
                    tr!(
                        lang,
                        "{year}年度报告的同一张表",
                        "the same table in the {year} report"
                    ),
                );
                sink.report(
                    pair.current,
                    first.span,
                    tr!(
                        lang,
                        "“{table}”的数字与{year}年度报告逐格相同（{count} 个非零数字）",
                        "“{table}” has the figures of the {year} report, cell by cell ({count} non-zero figures)"
                    ),
                )
                .label(
                    first.span,
                    tr!(lang, "从这一格起与上一年度相同", "the same as last year from here on"),
                )
                .related(related)
                .help(tr!(
                    lang,
                    "请按本年度的统计重新填写这张表；确实与上一年度相同的，请核对后在“六、其他需要报告的事项”中说明",
                    "fill in the table from this year's statistics; if the figures really are the same, check them and say so in 六、其他需要报告的事项"
                ));
            }
        }
    }
}
