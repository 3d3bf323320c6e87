//! A005 `prose-sum`.

use std::sync::LazyLock;

use regex::Regex;

use crate::pack::ids::{self, Need};
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// A sentence states a whole and its exhaustive parts, and they do not add up.
pub struct ProseSum;

/// Without `其中`, a clause after the whole is one of its parts only when it
/// states an outcome (a request handled, a work order rated).
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

/// Words that make a part (or the whole) approximate, comparative or
/// overlapping: the sentence is then no exact breakdown.
const NOT_EXACT: &[&str] = &[
    "上年", "去年", "同比", "较", "增", "减", "%", "％", "占", "累计", "约", "余", "多", "以上",
    "以下", "超过", "不足", "近", "等", "平均", "均", "每", "其余", "另",
];

impl Rule for ProseSum {
    declare_rule! {
        code: "A005",
        name: "prose-sum",
        family: Arithmetic,
        severity: Warning,
        summary_zh: "正文中的总数与分项之和不符",
        summary_en: "A sentence's parts do not add up to its whole",
        explanation_zh: "一句话先说总数（“共157件”）再分项列举（“其中……77件，……80件”，\
            或紧跟总数、单位相同的几项），各项之和应等于总数。本规则有意从严掌握：\
            总数须以“共”“总计”“合计”标明，同一句中其后至少有两个分项，\
            每个分项恰好有一个与总数单位相同的数字，分项一直列到句末，\
            且没有约数或比较的说法（约、余、同比、上年、累计、%、等……）。这样，\
            本身就不求穷尽的列举会被跳过；把正确的报告误报为有错，比漏报一处更糟。",
        explanation_en: "A sentence that states a whole (`共157件`) and then breaks it down \
            (`其中…77件,…80件`, or the parts right after the whole with the same unit) should \
            add up. The rule is deliberately narrow: the whole must be marked by 共/总计/合计, \
            at least two parts must follow in the same sentence, every part must carry exactly \
            one number with the whole's unit, the parts must run to the end of the sentence, and \
            no figure may be approximate or comparative (约, 余, 同比, 上年, 累计, %, 等 …). \
            Breakdowns that are not exhaustive by nature are thereby skipped; a false alarm on a \
            correct report is worse than a missed one.",
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
        for (span, sentence) in super::prose::sentences(ctx) {
            let Some(found) = breakdown(sentence) else {
                continue;
            };
            let sum: u64 = found.parts.iter().map(|p| p.value).sum();
            if sum == found.whole.value {
                continue;
            }
            // Applications handled and carried forward balance the new ones
            // *plus* last year's: only the table knows those.
            if sentence.contains("结转") {
                match super::prose_table_mismatch::total(ctx, ids::CARRIED_OVER) {
                    Some((carried, _)) if sum == found.whole.value + carried => continue,
                    Some(_) => {}
                    None => continue,
                }
            }
            let at = |n: &Number| Span::new(span.offset + n.start, n.len);
            let parts: Vec<String> = found.parts.iter().map(|p| p.value.to_string()).collect();
            let diagnostic = sink.report(
                at(&found.whole),
                tr!(
                    ctx.lang,
                    "总数{}{}与分项之和不符：{} = {}{}",
                    "the whole {}{} differs from its parts: {} = {}{}",
                    found.whole.value,
                    found.unit,
                    parts.join(" + "),
                    sum,
                    found.unit
                ),
            );
            for part in &found.parts {
                diagnostic.label(at(part), tr!(ctx.lang, "分项", "part"));
            }
            diagnostic.help(tr!(
                ctx.lang,
                "核对总数和各分项；分项不完整时可写明“其他…N{}”",
                "check the whole and its parts; if the parts are not exhaustive, state the rest (其他…N{})",
                found.unit
            ));
        }
    }
}

/// A number in a sentence: value and byte range.
#[derive(Debug)]
struct Number {
    value: u64,
    start: usize,
    len: usize,
}

#[derive(Debug)]
struct Breakdown {
    whole: Number,
    parts: Vec<Number>,
    unit: String,
}

static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]+)(件|条|篇|期|次|项|个|份|场|人次)").expect("valid regex")
});

static WHOLE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:总共|共计|合计|总计|(?:^|[^公])共)[^0-9,，、:：]{0,16}$").expect("valid regex")
});

/// The whole and its parts, if the sentence is an exact breakdown.
fn breakdown(sentence: &str) -> Option<Breakdown> {
    // Cheap tests first: most sentences state no whole at all.
    let marked = ["共", "总计", "合计", "其中"]
        .iter()
        .any(|w| sentence.contains(w));
    if !marked
        || !sentence.bytes().any(|b| b.is_ascii_digit())
        || NOT_EXACT.iter().any(|w| sentence.contains(w))
    {
        return None;
    }
    // Clauses: byte ranges between , ， 、 : ：.
    let mut clauses = Vec::new();
    let mut start = 0;
    for (i, c) in sentence.char_indices() {
        if matches!(c, ',' | '，' | '、' | ':' | '：') {
            clauses.push((start, i));
            start = i + c.len_utf8();
        }
    }
    clauses.push((start, sentence.len()));
    let numbers_in = |(s, e): (usize, usize)| -> Option<(Number, String)> {
        let clause = &sentence[s..e];
        if clause.chars().filter(|c| c.is_ascii_digit()).count() == 0 {
            return None;
        }
        let mut found = COUNTED.captures_iter(clause);
        let first = found.next()?;
        if found.next().is_some() {
            return None;
        }
        let digits = first.get(1)?;
        // No other digits in the clause (a year, a date).
        let digit_count = clause.chars().filter(|c| c.is_ascii_digit()).count();
        if digit_count != digits.as_str().len() {
            return None;
        }
        Some((
            Number {
                value: digits.as_str().parse().ok()?,
                start: s + digits.start(),
                len: digits.len(),
            },
            first.get(2)?.as_str().to_owned(),
        ))
    };
    let opens_parts = |i: usize| {
        clauses
            .get(i + 1)
            .is_some_and(|&(s, e)| sentence[s..e].trim_start().starts_with("其中"))
    };
    // The whole: marked by 共/总计/合计, or the clause right before `其中`.
    let (index, (whole, unit)) = clauses.iter().enumerate().find_map(|(i, &(s, e))| {
        let (number, unit) = numbers_in((s, e))?;
        (WHOLE_MARKER.is_match(&sentence[s..number.start]) || opens_parts(i))
            .then_some((i, (number, unit)))
    })?;
    let explicit = opens_parts(index);
    let rest = &clauses[index + 1..];
    let mut parts = Vec::new();
    let mut rest_named = false;
    for (k, &(s, e)) in rest.iter().enumerate() {
        let clause = &sentence[s..e];
        match numbers_in((s, e)) {
            Some((number, u))
                if u == unit && (explicit || OUTCOMES.iter().any(|w| clause.contains(w))) =>
            {
                rest_named |= clause.contains("其他") || clause.contains("其它");
                parts.push(number)
            }
            // `其中:` alone opens the parts.
            None if k == 0 && clause.trim() == "其中" => {}
            _ => return None,
        }
    }
    if parts.len() < 2 {
        return None;
    }
    // A `其中` list may name only some parts: it is taken for exhaustive when
    // its last part is the rest (其他…), when the parts exceed the whole, or
    // when they fall short by at most a tenth (a slip, not an omission).
    let sum: u64 = parts.iter().map(|p| p.value).sum();
    let short = whole.value.saturating_sub(sum);
    if explicit && sum < whole.value && !rest_named && short * 10 > whole.value {
        return None;
    }
    Some(Breakdown { whole, parts, unit })
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
    }
}
