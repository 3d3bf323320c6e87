//! Y001 `carry-over-mismatch`.

use super::{CrossRule, CrossSink};
use crate::pack::ids::{self, Need};
use crate::rules::declare_rule;
use crate::tr;
use crate::years::Batch;

/// 表三 二、上年结转 of year Y differs from 四、结转下年度继续办理 of year Y − 1.
pub struct CarryOverMismatch;

impl CrossRule for CarryOverMismatch {
    declare_rule! {
        code: "Y001",
        name: "carry-over-mismatch",
        family: Years,
        severity: Warning,
        summary_zh: "上年结转的申请数与上一年度报告的结转下年度数不一致",
        summary_en: "Applications carried over differ from last year's report's carried forward",
        explanation_zh: "本年度报告表三“二、上年结转政府信息公开申请数量”的每一列，\
            应当等于同一机关上一年度报告表三“四、结转下年度继续办理”的同一列：\
            上一年度末尚未办结的申请，就是本年度接着办理的申请。两者不一致，\
            说明其中一份报告的数字有误，或者上一年度的数字事后作了更正。\
            这是警告而非错误：年度之间的更正确有发生，但应当说明。\
            只有同时检查同一机关相邻两个年度的报告时才会检查\
            （`disclint check 2023/ 2024/`，或 `--previous` 指定上一年度报告所在目录）。",
        explanation_en: "Each column of row 二、上年结转政府信息公开申请数量 of table 三 must equal the \
            same column of row 四、结转下年度继续办理 in the same agency's report of the year \
            before: the applications still open at the end of last year are the ones carried into \
            this year. A difference means one of the two reports has a wrong figure, or last \
            year's figure was corrected afterwards. A warning, not an error: corrections between \
            years happen, but they should be explained. Checked only when the agency's reports \
            of two consecutive years are checked together (`disclint check 2023/ 2024/`, or \
            `--previous` naming the folder of last year's reports).",
        basis: "国办公开办函〔2021〕30号（表三的勾稽关系）",
        bad: YearRows "上一年度：\n| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n本年度：\n| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        good: YearRows "上一年度：\n| 四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n本年度：\n| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
    }

    fn requires(&self) -> &'static [Need] {
        &[
            Need::Row(ids::APPLICATIONS, ids::CARRIED_OVER),
            Need::Row(ids::APPLICATIONS, ids::CARRIED_FORWARD),
        ]
    }

    fn check_batch(&self, batch: &Batch<'_>, sink: &mut CrossSink<'_>) {
        let lang = batch.lang;
        for pair in batch.year_pairs() {
            let (this, last) = (&batch.members[pair.current], &batch.members[pair.previous]);
            let (Some(over), Some(forward)) = (
                this.facts.row(ids::APPLICATIONS, ids::CARRIED_OVER),
                last.facts.row(ids::APPLICATIONS, ids::CARRIED_FORWARD),
            ) else {
                continue;
            };
            let year = last.facts.year.unwrap_or_default();
            for cell in &over.cells {
                let Some(before) = forward.cell(&cell.column) else {
                    continue;
                };
                let (Some(now), Some(then)) = (cell.value, before.value) else {
                    continue;
                };
                if now.checked_sub(then).is_none_or(|d| d.is_zero()) {
                    continue;
                }
                let column = batch.column_name(this.facts.edition, ids::APPLICATIONS, &cell.column);
                let message = tr!(
                    lang,
                    "上年结转的申请（{column}）为 {now}，与{year}年度报告的结转下年度继续办理（{column}）{then} 不一致",
                    "applications carried over ({column}): {now}, but the {year} report carried forward {then} ({column})"
                );
                let related = batch.related(
                    pair.previous,
                    &before.point,
                    tr!(
                        lang,
                        "{year}年度报告：结转下年度继续办理（{column}）{then}",
                        "the {year} report: carried forward ({column}) {then}"
                    ),
                );
                sink.report(pair.current, cell.span, message)
                    .label(
                        cell.span,
                        tr!(lang, "本年度：上年结转 {now}", "this year: carried over {now}"),
                    )
                    .related(related)
                    .help(tr!(
                        lang,
                        "上一年度末尚未办结、结转下年度继续办理的申请，就是本年度的上年结转，两者应当相等；\
                         请核对两份报告的表三。确属上一年度数字的更正，请在“六、其他需要报告的事项”中说明更正的原因",
                        "the applications left open at the end of last year are this year's carried over: the two must be equal. \
                         Check table 三 of both reports; if last year's figure was corrected, explain the correction in 六、其他需要报告的事项"
                    ));
            }
        }
    }
}
