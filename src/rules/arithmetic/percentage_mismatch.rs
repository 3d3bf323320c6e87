//! A007 `percentage-mismatch`.

use std::sync::LazyLock;

use regex::Regex;

use super::prose::{self, Count};
use crate::rules::sentences::sentences;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// A stated share that the stated part and whole do not give.
pub struct PercentageMismatch;

/// `占18.8%`, `占比16.4%`, `占全年总数的18.8%`, `占发布总数257条的18.8%`.
/// `of` is what the share is of, when the sentence says so.
static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"占(?:比例?|比重)?(?:为|达)?(?P<of>[^0-9,，、。;；:：%％()（）]*?)",
        r"(?:(?P<whole>[0-9]+)[ \u{3000}\u{a0}]?(?P<unit>人次|件|条|篇|期|次|项|个|份|场)(?:的|之)?)?",
        r"(?P<percent>[0-9]{1,3}(?:\.[0-9]{1,3})?)[ \u{3000}\u{a0}]?[%％]",
    ))
    .expect("valid regex")
});

/// Longest description, in characters, of what a share is of (`全年发布信息总数的`).
const MAX_OF_CHARS: usize = 12;

/// Words in what a share is of that name another whole than the sentence's
/// (`占全市的2.1%`): another body, another year.
const OTHER_WHOLE: &[&str] = &[
    "全国", "全省", "全市", "全区", "全县", "全州", "全盟", "全旗", "上年", "去年", "同期",
];

/// Words that make the part no plain count of the whole's items.
const NOT_A_PART: &[&str] = &[
    "增", "减", "较", "同比", "上年", "去年", "约", "近", "超过", "以上",
];

impl Rule for PercentageMismatch {
    declare_rule! {
        code: "A007",
        name: "percentage-mismatch",
        family: Arithmetic,
        severity: Warning,
        summary_zh: "正文所述百分比与所述数字不符",
        summary_en: "A stated share does not match the stated counts",
        explanation_zh: "“共发布信息257条，其中政策解读48条，占18.8%”：48/257是18.68%，\
            按所写的位数四舍五入为18.7%，写成18.8%就是算错了或数字改过而比例没改。\
            本规则只在部分和总数都明确时比对：部分是“占”前紧挨着的数字，总数是同一句中\
            以“共”“共计”“合计”“总计”“累计”标明（或紧接“其中”“包括”之前）的唯一一个同单位数字，\
            或者写在“占…的”之中（“占全年发布信息总数257条的18.7%”）。按所写位数四舍五入\
            或直接舍去都算相符；“约占”、其他层级或年度的总数（“占全市的”“占上年的”）不比对。",
        explanation_en: "`共发布信息257条,其中政策解读48条,占18.8%`: 48/257 is 18.68 %, 18.7 % \
            to the digits written; 18.8 % is a slip, or the counts were changed and the share \
            was not. The rule compares only where part and whole are unambiguous: the part is \
            the count right before `占`, the whole the one count of the same unit the sentence \
            marks as its whole (共, 共计, 合计, 总计, 累计, or the count right before 其中/包括), \
            or the count inside the share (`占全年发布信息总数257条的18.7%`). A share rounded or \
            truncated to the digits written matches; `约占` and shares of another whole \
            (`占全市的`, `占上年的`) are not compared.",
        basis: "《中华人民共和国政府信息公开条例》第六条（公开的政府信息应当准确）",
        bad: Opening "全年共发布信息257条,其中政策解读48条,占18.8%。",
        good: Opening "全年共发布信息257条,其中政策解读48条,占18.7%。",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        for (span, sentence) in sentences(ctx) {
            if !sentence.contains('占') || !sentence.contains(['%', '％']) {
                continue;
            }
            let clauses = prose::clauses(sentence);
            let wholes = prose::wholes(sentence, &clauses);
            for caps in SHARE.captures_iter(sentence) {
                let (Some(share), Some(percent)) = (caps.get(0), caps.name("percent")) else {
                    continue;
                };
                let of = caps.name("of").map_or("", |m| m.as_str());
                if of.chars().count() > MAX_OF_CHARS || OTHER_WHOLE.iter().any(|w| of.contains(w)) {
                    continue;
                }
                let Some(part) = part_before(sentence, &clauses, share.start()) else {
                    continue;
                };
                let whole = match (caps.name("whole"), caps.name("unit")) {
                    (Some(digits), Some(unit)) => {
                        let Ok(value) = digits.as_str().parse::<u64>() else {
                            continue;
                        };
                        Count {
                            value,
                            unit: unit.as_str(),
                            start: digits.start(),
                            len: digits.len(),
                            end: unit.end(),
                        }
                    }
                    // Without one, the share is of the sentence's whole.
                    _ => {
                        let mut same_unit = wholes
                            .iter()
                            .filter(|(_, w)| w.unit == part.unit && w.start < part.start);
                        let (Some(&(_, whole)), None) = (same_unit.next(), same_unit.next()) else {
                            continue;
                        };
                        whole
                    }
                };
                if whole.unit != part.unit || whole.value == 0 || part.value > whole.value {
                    continue;
                }
                let Some(stated) = Percent::parse(percent.as_str()) else {
                    continue;
                };
                if stated.fits(part.value, whole.value) {
                    continue;
                }
                let at = |start: usize, len: usize| Span::new(span.offset + start, len);
                let actual = part.value as f64 * 100.0 / whole.value as f64;
                sink.report(
                    at(percent.start(), percent.end() - percent.start()),
                    tr!(
                        ctx.lang,
                        "比例{}%与所述数字不符：{} / {} = {:.*}%",
                        "the share {}% does not match the counts: {} / {} = {:.*}%",
                        percent.as_str(),
                        part.value,
                        whole.value,
                        stated.decimals as usize + 1,
                        actual
                    ),
                )
                .label(at(part.start, part.len), tr!(ctx.lang, "部分", "part"))
                .label(at(whole.start, whole.len), tr!(ctx.lang, "总数", "whole"))
                .help(tr!(
                    ctx.lang,
                    "核对数字与比例：按所写位数应为{:.*}%",
                    "check the counts and the share: to the digits written it is {:.*}%",
                    stated.decimals as usize,
                    actual
                ));
            }
        }
    }
}

/// The count a share right after it (`…48条,占18.8%`) is the share of:
/// the count in the share's clause before `占`, or, when that clause has
/// none, the count ending the clause before it.
fn part_before<'s>(sentence: &'s str, clauses: &[(usize, usize)], at: usize) -> Option<Count<'s>> {
    let index = clauses.iter().rposition(|&(s, _)| s <= at)?;
    let (start, _) = clauses[index];
    let head = &sentence[start..at];
    let clause = if head.bytes().any(|b| b.is_ascii_digit()) {
        (start, at)
    } else {
        if !head.trim().is_empty() {
            return None; // `…48条,其中政策解读占18.8%`: which count?
        }
        *clauses.get(index.checked_sub(1)?)?
    };
    let count = prose::sole_count(sentence, clause)?;
    let text = &sentence[clause.0..clause.1];
    let trailing = &sentence[count.end..clause.1.min(at)];
    if !trailing.trim().is_empty() || NOT_A_PART.iter().any(|w| text.contains(w)) {
        return None;
    }
    Some(count)
}

/// A percentage as written: its digits without the point, and how many
/// decimals it has.
#[derive(Debug, Clone, Copy)]
struct Percent {
    scaled: u128,
    decimals: u32,
}

impl Percent {
    fn parse(written: &str) -> Option<Percent> {
        let (int, frac) = written.split_once('.').unwrap_or((written, ""));
        let decimals = u32::try_from(frac.len()).ok()?;
        let scaled = format!("{int}{frac}").parse().ok()?;
        Some(Percent { scaled, decimals })
    }

    /// Whether `part / whole` gives this percentage, rounded or truncated to
    /// its decimals: `scaled − ½ ≤ part·100·10^d / whole < scaled + 1`.
    fn fits(self, part: u64, whole: u64) -> bool {
        let (part, whole) = (u128::from(part), u128::from(whole));
        let exact = 2 * part * 100 * 10u128.pow(self.decimals);
        let low = (2 * self.scaled).saturating_sub(1) * whole;
        let high = 2 * (self.scaled + 1) * whole;
        low <= exact && exact < high
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fits(written: &str, part: u64, whole: u64) -> bool {
        Percent::parse(written).unwrap().fits(part, whole)
    }

    #[test]
    fn shares_fit_to_the_digits_written() {
        // 48 / 257 = 18.677…%
        assert!(fits("18.7", 48, 257));
        assert!(fits("18.6", 48, 257)); // truncated
        assert!(!fits("18.8", 48, 257));
        assert!(fits("19", 48, 257));
        assert!(!fits("20", 48, 257));
        assert!(fits("100", 24, 24));
        assert!(!fits("90", 24, 24));
        assert!(fits("15.6", 5, 32)); // 15.625
        assert!(fits("0", 0, 7));
        assert!(fits("33.33", 1, 3));
        assert!(!fits("33.34", 1, 3));
    }

    #[test]
    fn finds_the_part_before_the_share() {
        let part = |s: &str| {
            let clauses = prose::clauses(s);
            let at = s.find('占').unwrap();
            part_before(s, &clauses, at).map(|c| c.value)
        };
        assert_eq!(part("其中政策解读48条,占18.8%"), Some(48));
        assert_eq!(part("其中政策解读48条占18.8%"), Some(48));
        assert_eq!(part("其中政策解读48条,政策解读占18.8%"), None);
        assert_eq!(part("较上年增加48条,占18.8%"), None);
    }
}
