//! Y005 `copied-from-agency`.

use std::collections::HashMap;

use super::{CrossRule, CrossSink};
use crate::pack::ids::{self, Need};
use crate::rules::declare_rule;
use crate::tr;
use crate::years::facts::{Prose, PROSE};
use crate::years::index::{candidate_pairs, fingerprints_in, Entry};
use crate::years::passages::{passages, Passage};
use crate::years::Batch;

/// A long passage of one agency's report that stands in another agency's
/// report of the same year.
pub struct CopiedFromAgency;

/// The longest passage two reports share, in sections of the same kind.
struct Common<'f> {
    ours: &'f Prose,
    theirs: &'f Prose,
    passage: Passage,
}

impl CrossRule for CopiedFromAgency {
    declare_rule! {
        code: "Y005",
        name: "copied-from-agency",
        family: Years,
        severity: Warning,
        summary_zh: "一段较长的文字与另一机关同年度报告中的文字相同",
        summary_en: "A long passage is the same as in another agency's report of the same year",
        explanation_zh: "年度报告应当由本机关根据本机关的工作撰写。一段较长的文字（机关名称、年份和数字遮去后\
            默认至少60个字，可在 `disclint.toml` 的 `[copies]` 中用 `passage` 调整）与另一机关同年度报告中的文字相同，\
            往往是照搬了别人的报告，常见的破绽是乡镇的报告里写着“我县”，或留下“根据贵办……”这样写给上级的话。\
            同一段文字出现在同年度4份以上报告中时视为共用的模板（如上级的统一要求），不报告。\
            比较的是“一、总体情况”和“五、存在的主要问题及改进情况”。\
            两份报告都会被报告，各自指向另一份。只有一次检查多个机关的报告时才会检查。",
        explanation_en: "An annual report is written by the agency about its own work. A long passage \
            (60 characters at least once names, years and figures are masked, unless `passage` in \
            `[copies]` of `disclint.toml` says otherwise) that stands in another agency's report of the \
            same year was usually taken from that report; the tell-tale signs are `我县` in a township's \
            report, or `根据贵办……` left from a letter to a superior. A passage found in 4 or more reports \
            of the year is a shared template (a superior's common wording) and is not reported. Sections \
            一 and 五 are compared. Both reports are reported, each pointing at the other. Checked \
            only when several agencies' reports are checked together.",
        basis: "《政府信息公开条例》第五十条（年度报告由各机关编制）",
        bad: AgencySections(5, 5) "甲：\n五、存在的主要问题及改进情况\n我县政务公开工作仍存在一些薄弱环节：部分乡镇公开栏更新不及时，政策解读以转载为主、原创解读偏少，依申请公开答复的规范性有待提升。下一步，我县将组织专题培训，建立解读材料与政策文件同步起草、同步审签、同步发布的机制。\n乙：\n五、存在的主要问题及改进情况\n我县政务公开工作仍存在一些薄弱环节：部分乡镇公开栏更新不及时，政策解读以转载为主、原创解读偏少，依申请公开答复的规范性有待提升。下一步，我县将组织专题培训，建立解读材料与政策文件同步起草、同步审签、同步发布的机制。",
        good: AgencySections(5, 5) "甲：\n五、存在的主要问题及改进情况\n我县政务公开工作仍存在一些薄弱环节：部分乡镇公开栏更新不及时，政策解读以转载为主、原创解读偏少，依申请公开答复的规范性有待提升。下一步，我县将组织专题培训，建立解读材料与政策文件同步起草、同步审签、同步发布的机制。\n乙：\n五、存在的主要问题及改进情况\n本镇的问题主要在村级公开：六个行政村中有两个村的公开栏内容停留在上半年。明年将把村务公开纳入驻村干部的月度检查内容，并由镇党政办每季度抽查一次。",
    }

    fn requires(&self) -> &'static [Need] {
        &[Need::Section(ids::OVERVIEW), Need::Section(ids::PROBLEMS)]
    }

    fn check_batch(&self, batch: &Batch<'_>, sink: &mut CrossSink<'_>) {
        let lang = batch.lang;
        let minimum = batch.options.passage;
        // Checked reports with a year and an agency, the agencies numbered.
        let mut agencies: HashMap<&str, usize> = HashMap::new();
        let mut members = Vec::new();
        let mut entries = Vec::new();
        for (index, member) in batch.members.iter().enumerate() {
            let (true, Some(year), Some(agency)) = (
                member.checked,
                member.facts.year,
                batch.agencies[index].as_deref(),
            ) else {
                continue;
            };
            let next = agencies.len();
            let number = *agencies.entry(agency).or_insert(next);
            members.push(index);
            entries.push(Entry {
                year,
                agency: number,
                fingerprints: member
                    .facts
                    .prose
                    .iter()
                    .map(|p| p.fingerprints.as_slice())
                    .collect(),
            });
        }
        let candidates = candidate_pairs(&entries, fingerprints_in(minimum));
        for &(x, y) in &candidates.pairs {
            let (a, b) = (members[x], members[y]);
            let template = candidates.common.get(&entries[x].year);
            let rare = |hash: u32| template.is_none_or(|common| !common.contains(&hash));
            let Some(common) = longest_copy(batch, a, b, rare) else {
                continue;
            };
            let (Some(here_a), Some(here_b)) = (
                common.ours.shared(common.theirs, &common.passage),
                common
                    .theirs
                    .shared(common.ours, &common.passage.mirrored()),
            ) else {
                continue;
            };
            if (here_a.chars as usize) < minimum {
                continue;
            }
            let chars = here_a.chars;
            for (here, there, theirs, found) in
                [(a, b, common.theirs, here_a), (b, a, common.ours, here_b)]
            {
                let Some(place) = theirs.paragraph(found.other) else {
                    continue;
                };
                let span = found.span;
                let other = batch.members[there]
                    .facts
                    .agency
                    .as_deref()
                    .unwrap_or_default();
                let related = batch.related(
                    there,
                    &place.point,
                    tr!(
                        lang,
                        "{other}的报告中相同的文字",
                        "the same text in {other}'s report"
                    ),
                );
                sink.report(
                    here,
                    span,
                    tr!(
                        lang,
                        "这一段文字与{other}同年度报告中的文字相同（约 {chars} 字，不计机关名称、年份和数字）",
                        "this passage is the same as in {other}'s report of the same year (about {chars} characters, names, years and figures aside)"
                    ),
                )
                .label(
                    span,
                    tr!(lang, "与另一机关报告相同的一段文字", "a passage the other agency's report has too"),
                )
                .related(related)
                .help(tr!(
                    lang,
                    "年度报告应当写本机关自己的工作：请核对这段文字是否取自其他机关的报告\
                     （如乡镇报告中的“我县”、写给上级的“贵办”），并按本机关的实际情况重写",
                    "the report describes the agency's own work: check whether the passage came from another \
                     agency's report (`我县` in a township's report, `贵办` written to a superior) and rewrite it \
                     from the agency's own facts"
                ));
            }
        }
    }
}

/// The longest passage that reports `a` and `b` share in sections of one
/// kind, without the common wording (fingerprints that are not `rare`) at
/// either end: a copied passage is the text few reports have, not the
/// template sentence it may follow.
fn longest_copy<'f>(
    batch: &'f Batch<'_>,
    a: usize,
    b: usize,
    rare: impl Fn(u32) -> bool,
) -> Option<Common<'f>> {
    let (this, that) = (&batch.members[a].facts, &batch.members[b].facts);
    PROSE
        .iter()
        .filter_map(|kind| {
            let (ours, theirs) = (this.prose(kind)?, that.prose(kind)?);
            let passage = passages(&ours.fingerprints, &theirs.fingerprints)
                .iter()
                .filter_map(|p| p.trimmed(&ours.fingerprints, &rare))
                .max_by_key(|p| p.chars)?;
            Some(Common {
                ours,
                theirs,
                passage,
            })
        })
        .max_by_key(|common| common.passage.chars)
}
