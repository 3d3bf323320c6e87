//! A005 `prose-sum`.

use super::prose::{self, Count};
use crate::byte_search::contains;
use crate::pack::ids::{self, Need};
use crate::rules::sentences::sentences;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// A sentence states a whole and its exhaustive parts, and they do not add up.
pub struct ProseSum;

impl Rule for ProseSum {
    declare_rule! {
        code: "A005",
        name: "prose-sum",
        family: Arithmetic,
        severity: Warning,
        summary_zh: "正文中的总数与分项之和不符",
        summary_en: "A sentence's parts do not add up to its whole",
        explanation_zh: "一句话先说总数（“共157件”“共计3437条”）再分项列举（“其中……77件，……80件”，\
            “包括：……”“……分别为20件、15件”，或紧跟总数、单位相同的几项办理结果），\
            各项之和应等于总数。本规则有意从严掌握：总数须以“共”“共计”“合计”“总计”“累计”标明，\
            或紧接在“其中”“包括”之前；同一句中其后至少有两个分项，每个分项恰好有一个与总数单位\
            相同的数字（数字与单位间有空格也照读，如“225 条”），分项一直列到句末，\
            且没有约数或比较的说法（约、余、同比、上年、%……）。明说列举不全的\
            （分项后的“等”“主要有”“包括但不限于”）、某一分项就等于总数的（“已办结60条”是复述总数，\
            不是分项）、分项下再分项的，都跳过；“其中”后的分项比总数少一成以上时，\
            视为只列了一部分。把正确的报告误报为有错，比漏报一处更糟。",
        explanation_en: "A sentence that states a whole (`共157件`, `共计3437条`) and then breaks it \
            down (`其中…77件,…80件`, `包括:…`, `…分别为20件、15件`, or outcomes right after the \
            whole with the same unit) should add up. The rule is deliberately narrow: the whole \
            must be marked by 共/共计/合计/总计/累计 or stand right before 其中/包括, at least two \
            parts must follow in the same sentence, every part must carry exactly one number with \
            the whole's unit (a space before the unit is read too: `225 条`), the parts must run \
            to the end of the sentence, and no figure may be approximate or comparative (约, 余, \
            同比, 上年, % …). Lists that say they are partial (`等` after the parts, `主要有`, \
            `包括但不限于`), a part as large as the whole (`已办结60条` restates it), and parts \
            broken down again are skipped; a `其中` list more than a tenth short of its whole is \
            taken to name only some parts. A false alarm on a correct report is worse than a \
            missed one.",
        basis: "《中华人民共和国政府信息公开条例》第六条（公开的政府信息应当准确）",
        bad: Opening "全年主动公开政府信息279条,其中通过网站公开50条,通过政务新媒体公开219条。",
        good: Opening "全年主动公开政府信息279条,其中通过网站公开50条,通过政务新媒体公开229条。",
    }

    fn requires(&self) -> &'static [Need] {
        &[
            Need::Row(ids::APPLICATIONS, ids::CARRIED_OVER),
            Need::Column(ids::APPLICATIONS, ids::TOTAL),
        ]
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        for (span, sentence) in sentences(ctx) {
            let Some(found) = breakdown(sentence) else {
                continue;
            };
            let sum: u64 = found.parts.iter().map(|p| p.value).sum();
            if sum == found.whole.value {
                continue;
            }
            // Applications handled and carried forward balance the new ones
            // *plus* last year's: only the table knows those.
            if contains(sentence, "结转") {
                match super::stated_counts::total(ctx, ids::CARRIED_OVER) {
                    Some((carried, _)) if sum == found.whole.value + carried => continue,
                    Some(_) => {}
                    None => continue,
                }
            }
            let at = |n: &Count<'_>| Span::new(span.offset + n.start, n.len);
            let parts: Vec<String> = found.parts.iter().map(|p| p.value.to_string()).collect();
            let diagnostic = sink.report(
                at(&found.whole),
                tr!(
                    ctx.lang,
                    "总数{}{}与分项之和不符：{} = {}{}",
                    "the whole {}{} differs from its parts: {} = {}{}",
                    found.whole.value,
                    found.whole.unit,
                    parts.join(" + "),
                    sum,
                    found.whole.unit
                ),
            );
            for part in &found.parts {
                diagnostic.label(at(part), tr!(ctx.lang, "分项", "part"));
            }
            diagnostic.help(tr!(
                ctx.lang,
                "核对总数和各分项；分项不完整时可写明“其他…N{}”",
                "check the whole and its parts; if the parts are not exhaustive, state the rest (其他…N{})",
                found.whole.unit
            ));
        }
    }
}

/// A whole and the parts a sentence breaks it into.
#[derive(Debug)]
struct Breakdown<'s> {
    whole: Count<'s>,
    parts: Vec<Count<'s>>,
}

/// Without `其中`/`包括`/`分别`, a clause after the whole is one of its parts
/// only when it states an outcome (a request handled, a work order rated).
const OUTCOMES: &[&str] = &[
    "办结",
    "答复",
    "结转",
    "满意",
    "办理中",
    "在办",
    "不予受理",
    "受理范围",
    "已处理",
    "未办结",
];

/// Words that make the whole or a part approximate, comparative or
/// overlapping: the sentence is then no exact breakdown.
const NOT_EXACT: &[&str] = &[
    "上年", "去年", "同比", "较", "增", "减", "%", "％", "占", "约", "余", "以上", "以下", "超过",
    "不足", "近", "平均", "均", "每", "其余", "另",
];

/// Words that say a list of parts names only some of them.
const PARTIAL: &[&str] = &["主要", "但不限于", "例如", "比如", "如:", "如：", "诸如"];

/// The whole and its parts, if the sentence is an exact breakdown.
fn breakdown(sentence: &str) -> Option<Breakdown<'_>> {
    // Cheap tests first: most sentences state no whole at all.
    let marked = ["共", "总计", "合计", "累计", "其中", "包括"]
        .iter()
        .any(|w| contains(sentence, w));
    if !marked || !sentence.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let clauses = prose::clauses(sentence);
    let &(index, whole) = prose::wholes(sentence, &clauses).first()?;
    let whole_clause = &sentence[clauses[index].0..clauses[index].1];
    if NOT_EXACT.iter().any(|w| contains(whole_clause, w)) || contains(whole_clause, "分别") {
        return None;
    }
    let mut parts = Vec::new();
    let mut explicit = false;
    // A part's description may run over clauses without a number
    // (`其中发布政务要闻、通知公告、工作动态等信息307条`).
    let mut describing = false;
    // Whether the last part is the rest (`其他…`).
    let mut rest_named = false;
    for &(s, e) in &clauses[index + 1..] {
        let clause = &sentence[s..e];
        let opening = parts.is_empty() && !describing;
        if opening && prose::opens_parts(sentence, (s, e)) {
            explicit = true;
        } else if prose::OPENERS.iter().any(|w| contains(clause, w)) {
            return None; // a breakdown of a part, or a whole of its own
        }
        if PARTIAL.iter().any(|w| contains(clause, w)) {
            return None;
        }
        explicit |= contains(clause, "分别");
        if !clause.bytes().any(|b| b.is_ascii_digit()) {
            describing = true;
            continue;
        }
        let count = prose::sole_count(sentence, (s, e)).filter(|c| c.unit == whole.unit)?;
        // `等` in a description lists kinds of the part; after its number it
        // says the list goes on. Nothing else may follow the number.
        let before = &sentence[s..count.start];
        if !sentence[count.end..e].trim().is_empty()
            || NOT_EXACT.iter().any(|w| contains(before, w))
        {
            return None;
        }
        if !explicit && !OUTCOMES.iter().any(|w| contains(before, w)) {
            return None;
        }
        rest_named = contains(before, "其他") || contains(before, "其它");
        parts.push(count);
        describing = false;
    }
    if describing || parts.len() < 2 {
        return None;
    }
    // A part as large as the whole restates it (`…已办结60条`).
    if parts.iter().any(|p| p.value == whole.value) {
        return None;
    }
    // A list may name only some parts: it is taken for exhaustive when its
    // last part is the rest (其他…), when the parts exceed the whole, or
    // when they fall short by at most a tenth (a slip, not an omission).
    let sum: u64 = parts.iter().map(|p| p.value).sum();
    let short = whole.value.saturating_sub(sum);
    if explicit && sum < whole.value && !rest_named && short * 10 > whole.value {
        return None;
    }
    Some(Breakdown { whole, parts })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sums(sentence: &str) -> Option<(u64, Vec<u64>)> {
        breakdown(sentence).map(|b| (b.whole.value, b.parts.iter().map(|p| p.value).collect()))
    }

    #[test]
    fn reads_exact_breakdowns() {
        assert_eq!(
            sums("热线工单共157件,满意77件,不在受理范围认定80件"),
            Some((157, vec![77, 80]))
        );
        assert_eq!(
            sums("全年主动公开政府信息279条,其中通过网站公开50条,通过政务新媒体公开229条"),
            Some((279, vec![50, 229]))
        );
        assert_eq!(
            sums("共收到申请9件,共办结8件,结转1件"),
            Some((9, vec![8, 1]))
        );
        // 包括, a space before the unit, a part that is a subtotal.
        assert_eq!(
            sums(
                "公开信息共计520条,包括:职能信息36条,工作动态310条,通知公告 84 条,解读信息共计45条"
            ),
            Some((520, vec![36, 310, 84, 45]))
        );
        // A part described over several clauses, with 等 before its number.
        assert_eq!(
            sums(
                "主动公开信息366条,其中发布工作动态、通知公告,政策解读等信息280条,专栏发布信息80条"
            ),
            Some((366, vec![280, 80]))
        );
        assert_eq!(
            sums("共收到来信45件,其中咨询、建议、投诉分别为20件、15件、12件"),
            Some((45, vec![20, 15, 12]))
        );
        assert_eq!(
            sums("累计推送信息612篇,其中政策解读120篇,工作动态480篇"),
            Some((612, vec![120, 480]))
        );
    }

    #[test]
    fn skips_what_is_no_exact_breakdown() {
        // One part only; parts in another unit; a trailing clause; approximate; a year.
        assert_eq!(sums("共发布信息279条,其中网站50条"), None);
        assert_eq!(sums("共发布信息279条,开展培训3次,印发文件2件"), None);
        assert_eq!(sums("共发布信息279条,网站50条,微信20条,群众满意"), None);
        assert_eq!(sums("共发布信息约279条,网站50条,微信20条"), None);
        assert_eq!(sums("共收到申请9件,2023年办结8件,结转1件"), None);
        assert_eq!(sums("共发布政策文件12件,解读材料8件等"), None);
        // Items listed after a whole are no parts of it without 其中 or outcomes.
        assert_eq!(sums("共发布信息78条,发布资源交易159条,清单13条"), None);
        // 公共 is no 共.
        assert_eq!(sums("公共服务1条,财政信息62条,规划2条"), None);
        // A 其中 list far short of the whole names only some parts.
        assert_eq!(sums("共发布信息500条,其中政策文件50条,人事信息30条"), None);
        assert_eq!(
            sums("共发布信息500条,其中政策文件50条,其他信息30条"),
            Some((500, vec![50, 30]))
        );
        // Lists that say they are partial; a part that restates the whole;
        // parts of a part.
        assert_eq!(
            sums("共发布信息300条,其中政策文件120条,工作动态150条等"),
            None
        );
        assert_eq!(
            sums("共发布信息300条,主要有政策文件120条,工作动态150条"),
            None
        );
        assert_eq!(
            sums("共发布信息300条,包括但不限于政策文件120条,工作动态150条"),
            None
        );
        assert_eq!(
            sums("共受理留言60条,公开答复28条,电话答复15条,已办结60条"),
            None
        );
        assert_eq!(
            sums("共收到来信20件,其中咨询12件,建议6件,其中涉及交通5件"),
            None
        );
    }
}
