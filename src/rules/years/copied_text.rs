//! Y003 `copied-text`.

use super::{CrossRule, CrossSink};
use crate::pack::ids::{self, Need};
use crate::rules::declare_rule;
use crate::tr;
use crate::years::facts::PROSE;
use crate::years::passages::{containment, longest_passage};
use crate::years::Batch;

/// A prose section of year Y that is near-identical to the same section of
/// year Y − 1 once years, figures and the agency's name are masked.
pub struct CopiedText;

/// Sections shorter than this, in masked characters, are not compared: a
/// line such as `无。` or `问题是公开不够及时。` may well stay the same every year.
pub const MIN_SECTION_CHARS: u32 = 60;

impl CrossRule for CopiedText {
    declare_rule! {
        code: "Y003",
        name: "copied-text",
        family: Years,
        severity: Warning,
        summary_zh: "某一部分与上一年度报告的同一部分几乎相同（内容雷同）",
        summary_en: "A section is nearly the same as the same section of last year's report",
        explanation_zh: "把上一年度的报告改几个数字、换个年份就发布，是年度报告最常被点名的问题之一\
            （“内容雷同”）。本规则比较同一机关相邻两个年度报告的“一、总体情况”和“五、存在的主要问题及改进情况”\
            （“六、其他需要报告的事项”大多每年都是同一句话，不比较）：先把年份、数字和本机关的名称遮去，再看本年度这一部分有多大比例的文字\
            在上一年度的同一部分中原样出现。比例达到阈值（默认70%，可在 `disclint.toml` 的 `[copies]` 中用\
            `similarity` 调整）即报告，并指出最长的一段相同文字。少于60个字的部分不比较。\
            只有同时检查同一机关相邻两个年度的报告时才会检查。",
        explanation_en: "Publishing last year's report with new figures and a new year is one of the faults \
            reviewers name most often (内容雷同, copied content). This rule compares sections 一 \
            (总体情况) and 五 (存在的主要问题及改进情况) of an agency's reports of two consecutive years \
            (section 六 is mostly the same line every year, and is left out): with years, figures and the agency's own name masked, it measures how much of this \
            year's section appears word for word in last year's. At the threshold (70% unless \
            `similarity` in `[copies]` of `disclint.toml` says otherwise) the section is reported with \
            its longest shared passage. Sections under 60 characters are not compared. Checked only \
            when the agency's reports of two consecutive years are checked together.",
        basis: "国办公开办函〔2021〕30号（年度报告应反映本年度工作）；《政府信息公开条例》第五十条",
        bad: YearSections(5, 5) "上一年度：\n五、存在的主要问题及改进情况\n存在的主要问题：一是政策解读的形式还不够丰富，图表、视频等解读较少；二是部分栏目更新不够及时。下一步，将加强业务培训，完善公开目录，丰富解读形式，推动政务公开工作提质增效。\n本年度：\n五、存在的主要问题及改进情况\n存在的主要问题：一是政策解读的形式还不够丰富，图表、视频等解读较少；二是部分栏目更新不够及时。下一步，将加强业务培训，完善公开目录，丰富解读形式，推动政务公开工作提质增效。",
        good: YearSections(5, 5) "上一年度：\n五、存在的主要问题及改进情况\n存在的主要问题：一是政策解读的形式还不够丰富，图表、视频等解读较少；二是部分栏目更新不够及时。下一步，将加强业务培训，完善公开目录，丰富解读形式，推动政务公开工作提质增效。\n本年度：\n五、存在的主要问题及改进情况\n去年提出的解读形式单一问题已有改善，全年制作图解和短视频解读十余期。仍存在的问题是依申请公开答复文书不够规范，个别答复引用条款不准确。明年将制定答复文书范本，并组织一次专题培训。",
    }

    fn requires(&self) -> &'static [Need] {
        &[Need::Section(ids::OVERVIEW), Need::Section(ids::PROBLEMS)]
    }

    fn check_batch(&self, batch: &Batch<'_>, sink: &mut CrossSink<'_>) {
        let lang = batch.lang;
        for pair in batch.year_pairs() {
            let (this, last) = (&batch.members[pair.current], &batch.members[pair.previous]);
            let year = last.facts.year.unwrap_or_default();
            for kind in PROSE {
                let (Some(ours), Some(theirs)) = (this.facts.prose(kind), last.facts.prose(kind))
                else {
                    continue;
                };
                if ours.chars < MIN_SECTION_CHARS {
                    continue;
                }
                let similarity = containment(&ours.fingerprints, &theirs.fingerprints);
                if similarity < batch.options.similarity {
                    continue;
                }
                let Some(passage) = longest_passage(&ours.fingerprints, &theirs.fingerprints)
                else {
                    continue;
                };
                let Some(shared) = ours.shared(theirs, &passage) else {
                    continue;
                };
                let Some(there) = theirs.paragraph(shared.other) else {
                    continue;
                };
                let heading = batch.section_heading(this.facts.edition, kind);
                let percent = (similarity * 100.0).floor();
                let (span, chars) = (shared.span, shared.chars);
                let related = batch.related(
                    pair.previous,
                    &there.point,
                    tr!(
                        lang,
                        "{year}年度报告中相同的文字",
                        "the same text in the {year} report"
                    ),
                );
                sink.report(
                    pair.current,
                    span,
                    tr!(
                        lang,
                        "“{heading}”与{year}年度报告的同一部分相似度为 {percent}%（不计年份、数字和机关名称），最长的一段相同文字约 {chars} 字",
                        "“{heading}” is {percent}% the same as in the {year} report (years, figures and the agency's name aside); the longest shared passage is about {chars} characters"
                    ),
                )
                .label(
                    span,
                    tr!(
                        lang,
                        "与上一年度相同的一段文字",
                        "a passage that last year's report has too"
                    ),
                )
                .related(related)
                .help(tr!(
                    lang,
                    "年度报告应当写本年度的工作、问题和改进：请根据本年度的实际情况重写这一部分，\
                     上一年度提出的问题，写明本年度改进了什么、还存在什么",
                    "the annual report describes this year's work, problems and improvements: rewrite the section \
                     from this year's facts, and for last year's problems say what was improved and what remains"
                ));
            }
        }
    }
}
