//! Y002 `in-force-rollforward`.

use super::{CrossRule, CrossSink};
use crate::model::Number;
use crate::pack::ids::{self, Need};
use crate::rules::declare_rule;
use crate::years::facts::{Cell, Row};
use crate::years::Batch;
use crate::{tr, Edition};

/// 现行有效件数(Y) ≠ 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y).
pub struct InForceRollforward;

/// The columns of a document row, per edition: the stock, what adds to it
/// in the year, and what takes from it (2019's table has no repeals).
struct Columns {
    stock: &'static str,
    added: &'static str,
    removed: Option<&'static str>,
}

/// The cells and figures of one row's roll-forward.
struct Rollforward<'f> {
    stock: &'f Cell,
    added: &'f Cell,
    removed: Option<&'f Cell>,
    previous: &'f Cell,
    now: Number,
    plus: Number,
    minus: Option<Number>,
    then: Number,
    expected: Number,
}

/// This year's `row` against last year's `before`, when every figure is read.
fn rollforward<'f>(row: &'f Row, before: &'f Row, columns: &Columns) -> Option<Rollforward<'f>> {
    let stock = row.cell(columns.stock)?;
    let added = row.cell(columns.added)?;
    let previous = before.cell(columns.stock)?;
    let removed = match columns.removed {
        Some(id) => Some(row.cell(id)?),
        None => None,
    };
    let minus = match removed {
        Some(cell) => Some(cell.value?),
        None => None,
    };
    let (now, plus, then) = (stock.value?, added.value?, previous.value?);
    let sum = then.checked_add(plus)?;
    let expected = match minus {
        Some(minus) => sum.checked_sub(minus)?,
        None => sum,
    };
    Some(Rollforward {
        stock,
        added,
        removed,
        previous,
        now,
        plus,
        minus,
        then,
        expected,
    })
}

fn columns(edition: Edition) -> Columns {
    match edition {
        Edition::E2021 => Columns {
            stock: ids::IN_FORCE,
            added: ids::ISSUED,
            removed: Some("repealed"),
        },
        Edition::E2019 => Columns {
            stock: "total_published",
            added: "published",
            removed: None,
        },
    }
}

impl CrossRule for InForceRollforward {
    declare_rule! {
        code: "Y002",
        name: "in-force-rollforward",
        family: Years,
        severity: Warning,
        summary_zh: "现行有效件数与上一年度的件数加减本年制发、废止件数不符",
        summary_en: "Documents in force do not roll forward from last year's report",
        explanation_zh: "表二中规章和行政规范性文件的“现行有效件数”，应当等于上一年度报告的现行有效件数，\
            加上本年制发件数，减去本年废止件数。不相等时，要么某一年的数字有误，\
            要么有文件因其他原因失效（如到期自动失效）而未计入废止件数。\
            2019年版格式没有废止件数，比较的是“对外公开总数量”与上一年度的总数量加“本年新公开数量”。\
            两个年度的报告格式版本不同（2020年与2021年）时不检查。\
            这是一个经验性的检查，因此只是警告；只有同时检查同一机关相邻两个年度的报告时才会检查。",
        explanation_en: "In table 二, the documents in force (现行有效件数) of 规章 and 行政规范性文件 should \
            equal last year's report's figure, plus the documents issued this year (本年制发件数), minus \
            those repealed this year (本年废止件数). When they differ, one year's figure is wrong, or \
            documents lapsed for another reason (they expired) without being counted as repealed. \
            The 2019 format has no repeals: there 对外公开总数量 is compared with last year's plus \
            本年新公开数量. Reports in different format editions (2020 and 2021) are not compared. \
            A heuristic, so a warning; checked only when the agency's reports of two consecutive \
            years are checked together.",
        basis: "国办公开办函〔2021〕30号（表二）",
        bad: YearRows "上一年度：\n| 行政规范性文件 | 1 | 0 | 12 |\n本年度：\n| 行政规范性文件 | 3 | 1 | 12 |",
        good: YearRows "上一年度：\n| 行政规范性文件 | 1 | 0 | 12 |\n本年度：\n| 行政规范性文件 | 3 | 1 | 14 |",
    }

    fn requires(&self) -> &'static [Need] {
        &[
            Need::Row(ids::ACTIVE_DISCLOSURE, ids::REGULATIONS),
            Need::Row(ids::ACTIVE_DISCLOSURE, ids::NORMATIVE_DOCUMENTS),
        ]
    }

    fn check_batch(&self, batch: &Batch<'_>, sink: &mut CrossSink<'_>) {
        let lang = batch.lang;
        for pair in batch.year_pairs() {
            let (this, last) = (&batch.members[pair.current], &batch.members[pair.previous]);
            let edition = this.facts.edition;
            if last.facts.edition != edition {
                continue;
            }
            let columns = columns(edition);
            let year = last.facts.year.unwrap_or_default();
            for row_id in [ids::REGULATIONS, ids::NORMATIVE_DOCUMENTS] {
                let (Some(row), Some(before)) = (
                    this.facts.row(ids::ACTIVE_DISCLOSURE, row_id),
                    last.facts.row(ids::ACTIVE_DISCLOSURE, row_id),
                ) else {
                    continue;
                };
                let Some(Rollforward {
                    stock,
                    added,
                    removed,
                    previous,
                    now,
                    plus,
                    minus,
                    then,
                    expected,
                }) = rollforward(row, before, &columns)
                else {
                    continue;
                };
                if now.checked_sub(expected).is_none_or(|d| d.is_zero()) {
                    continue;
                }
                let name = if row_id == ids::REGULATIONS {
                    "规章"
                } else {
                    lang.pick("行政规范性文件", "行政规范性文件 (normative documents)")
                };
                let stock_name = batch.column_name(edition, ids::ACTIVE_DISCLOSURE, columns.stock);
                let message = match minus {
                    Some(minus) => tr!(
                        lang,
                        "{name}的{stock_name}为 {now}，而{year}年度报告的 {then} 件加本年制发 {plus} 件、减本年废止 {minus} 件应为 {expected}",
                        "{name}: {now} in force, but the {year} report's {then} plus {plus} issued minus {minus} repealed make {expected}"
                    ),
                    None => tr!(
                        lang,
                        "{name}的{stock_name}为 {now}，而{year}年度报告的 {then} 件加本年新公开 {plus} 件应为 {expected}",
                        "{name}: {now} published in all, but the {year} report's {then} plus {plus} published this year make {expected}"
                    ),
                };
                let related = batch.related(
                    pair.previous,
                    &previous.point,
                    tr!(
                        lang,
                        "{year}年度报告：{name}{stock_name} {then}",
                        "the {year} report: {name} {stock_name} {then}"
                    ),
                );
                let diagnostic = sink.report(pair.current, stock.span, message);
                diagnostic
                    .label(stock.span, tr!(lang, "本年度 {now}", "this year {now}"))
                    .label(added.span, tr!(lang, "增加 {plus}", "added {plus}"));
                if let (Some(cell), Some(minus)) = (removed, minus) {
                    diagnostic.label(cell.span, tr!(lang, "废止 {minus}", "repealed {minus}"));
                }
                diagnostic.related(related).help(tr!(
                    lang,
                    "核对两个年度表二的数字；有文件到期自动失效等未计入废止件数的，请在“六、其他需要报告的事项”中说明",
                    "check table 二 of both years; where documents lapsed without being repealed (they expired), say so in 六、其他需要报告的事项"
                ));
            }
        }
    }
}
