//! The counts of requests, reviews and suits a sentence states
//! (`共受理政府信息公开申请2件`, `被申请行政复议3件`), and the table totals each
//! may mean: the verb → row mapping of A006, in one table.

use super::phrase::{find_iter, Part};
use crate::model::{TableRow, Value};
use crate::pack::ids;
use crate::rules::Context;
use crate::span::Span;

/// A total of the tables a stated count may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tally {
    /// `一、本年新收政府信息公开申请数量` 总计.
    New,
    /// 一 plus `二、上年结转政府信息公开申请数量` 总计.
    NewAndCarriedOver,
    /// `（七）总计`: the requests handled in the year.
    Handled,
    /// 行政复议 总计.
    Reviews,
    /// 行政诉讼: 未经复议直接起诉 总计 plus 复议后起诉 总计.
    Suits,
    /// 未经复议直接起诉 总计.
    DirectSuits,
    /// 复议后起诉 总计.
    SuitsAfterReview,
}

/// What a verb before `…申请N件` may count, the likeliest first (spec §7:
/// 收到申请N件 is 一; 答复/办结 is （七）). A count is right when it is any of
/// them.
const REQUEST_VERBS: &[(&str, &[Tally])] = &[
    ("收到", &[Tally::New, Tally::NewAndCarriedOver]),
    ("接到", &[Tally::New, Tally::NewAndCarriedOver]),
    ("受理", &[Tally::New, Tally::NewAndCarriedOver]),
    ("接收", &[Tally::New, Tally::NewAndCarriedOver]),
    ("新收", &[Tally::New]),
    (
        "办理",
        &[Tally::Handled, Tally::New, Tally::NewAndCarriedOver],
    ),
    ("答复", &[Tally::Handled, Tally::New]),
    ("办结", &[Tally::Handled, Tally::New]),
];

/// What `行政复议N件` and `行政诉讼N件` may count.
const REVIEW_KINDS: &[(&str, &[Tally])] = &[
    ("行政复议", &[Tally::Reviews]),
    (
        "行政诉讼",
        &[Tally::Suits, Tally::DirectSuits, Tally::SuitsAfterReview],
    ),
];

/// Words right before a verb that turn the count into another one
/// (`不予受理申请3件` is a result, `未办结申请1件` carried forward).
const NEGATIONS: &[&str] = &["不予", "未", "不", "无法", "逾期", "没有"];

/// The verbs of [`REQUEST_VERBS`], for [`REQUESTS`].
const VERBS: &[&str] = &[
    "收到", "接到", "受理", "接收", "新收", "办理", "答复", "办结",
];

/// The part of [`REQUESTS`] and [`REVIEWS`] that says what they count.
const WORD: usize = 0;
/// The part of [`REVIEWS`] that names the kind of case.
const KIND: usize = 2;
/// The part of both that holds the number.
const NUMBER: usize = 6;

/// `受理政府信息公开申请2件`, `收到依申请公开事项46件`, `办结申请共24件`.
const REQUESTS: &[Part] = &[
    Part::Words(VERBS),
    Part::Words(&["了", ""]),
    Part::Words(&["各类", "书面", ""]),
    Part::Words(&[
        "政府信息公开申请",
        "信息公开申请",
        "依申请公开申请",
        "申请",
        "政府信息依申请公开事项",
        "政府信息依申请公开",
        "依申请公开事项",
        "依申请公开",
    ]),
    Part::Words(&["共计", "共", "合计", "总计", ""]),
    Part::Words(&[" ", "\u{3000}", ""]),
    Part::Digits,
    Part::Words(&[" ", "\u{3000}", ""]),
    Part::Words(&["件"]),
];

/// `被申请行政复议3件`, `被提起行政诉讼1起`: the agency as the party
/// reviewed or sued (not `办理行政复议案件`, where it reviews others).
const REVIEWS: &[Part] = &[
    Part::Words(&[
        "被申请",
        "被提起",
        "被",
        "申请",
        "提起",
        "发生",
        "引发",
        "引起",
        "产生",
    ]),
    Part::Words(&["的", ""]),
    Part::Words(&["行政复议", "行政诉讼"]),
    Part::Words(&["案件", "申请", ""]),
    Part::Words(&["共计", "共", "合计", ""]),
    Part::Words(&[" ", "\u{3000}", ""]),
    Part::Digits,
    Part::Words(&[" ", "\u{3000}", ""]),
    Part::Words(&["件", "起", "宗"]),
];

/// A count a sentence states, with what it may mean.
#[derive(Debug)]
pub(crate) struct StatedCount<'s> {
    /// The statement as written (`受理政府信息公开申请23件`, `被申请行政复议3件`).
    pub what: &'s str,
    /// The number.
    pub value: u64,
    /// The number's byte range in the sentence.
    pub digits: std::ops::Range<usize>,
    /// The totals it may be, the likeliest first.
    pub tallies: &'static [Tally],
}

/// The counts of requests, reviews and suits `sentence` states.
pub(crate) fn stated_counts(sentence: &str) -> Vec<StatedCount<'_>> {
    let mut out = Vec::new();
    if sentence.contains("申请") {
        read(sentence, REQUESTS, WORD, REQUEST_VERBS, &mut out);
    }
    // Only the agency's own cases: the sentence says they concern disclosure.
    if sentence.contains("信息公开") && (sentence.contains("复议") || sentence.contains("诉讼"))
    {
        read(sentence, REVIEWS, KIND, REVIEW_KINDS, &mut out);
    }
    out
}

/// The counts `phrase` finds in `sentence`: its part `word` is one of
/// `words`, which says what the count in its part [`NUMBER`] may be.
fn read<'s>(
    sentence: &'s str,
    phrase: &'static [Part],
    word: usize,
    words: &[(&str, &'static [Tally])],
    out: &mut Vec<StatedCount<'s>>,
) {
    for parts in find_iter(sentence, phrase) {
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            continue;
        };
        let whole = first.start..last.end;
        let named = &sentence[parts[word].clone()];
        let n = parts[NUMBER].clone();
        let tallies = words.iter().find(|(w, _)| *w == named);
        let (Some(&(_, tallies)), Ok(value)) = (tallies, sentence[n.clone()].parse()) else {
            continue;
        };
        if !NEGATIONS
            .iter()
            .any(|w| sentence[..whole.start].ends_with(w))
        {
            out.push(StatedCount {
                what: &sentence[whole],
                value,
                digits: n,
                tallies,
            });
        }
    }
}

impl Tally {
    /// The total in the report's tables, with the cell to point at, if the
    /// tables hold it as a whole number.
    pub(crate) fn value(self, ctx: &Context<'_>) -> Option<(u64, Span)> {
        let sum = |a: Option<(u64, Span)>, b: Option<(u64, Span)>| {
            let ((a, at), (b, _)) = (a?, b?);
            Some((a.checked_add(b)?, at))
        };
        match self {
            Tally::New => total(ctx, ids::NEW),
            Tally::NewAndCarriedOver => sum(total(ctx, ids::NEW), total(ctx, ids::CARRIED_OVER)),
            Tally::Handled => total(ctx, ids::RESULTS_TOTAL),
            Tally::Reviews => review_total(ctx, ids::REVIEW_TOTAL),
            Tally::Suits => sum(
                review_total(ctx, ids::DIRECT_TOTAL),
                review_total(ctx, ids::AFTER_REVIEW_TOTAL),
            ),
            Tally::DirectSuits => review_total(ctx, ids::DIRECT_TOTAL),
            Tally::SuitsAfterReview => review_total(ctx, ids::AFTER_REVIEW_TOTAL),
        }
    }

    /// What the total is, for messages.
    pub(crate) fn name(self, lang: crate::Lang) -> &'static str {
        let (zh, en) = match self {
            Tally::New => ("本年新收申请总计", "new requests"),
            Tally::NewAndCarriedOver => (
                "本年新收与上年结转申请之和",
                "new and carried-over requests",
            ),
            Tally::Handled => ("本年度办理结果总计", "requests handled"),
            Tally::Reviews => ("行政复议总计", "reviews"),
            Tally::Suits => ("行政诉讼总计", "suits"),
            Tally::DirectSuits => ("未经复议直接起诉总计", "suits without review"),
            Tally::SuitsAfterReview => ("复议后起诉总计", "suits after review"),
        };
        lang.pick(zh, en)
    }
}

/// The 总计 of an applications row, if the table holds it as an integer.
pub(crate) fn total(ctx: &Context<'_>, row: &str) -> Option<(u64, Span)> {
    let table = ctx.report.table(ids::APPLICATIONS)?;
    let row = table.rows.iter().find(|r| r.id == row)?;
    whole_number(ctx, row, ids::TOTAL)
}

/// A 总计 of the review/litigation table, if the table holds it as an integer.
pub(crate) fn review_total(ctx: &Context<'_>, column: &str) -> Option<(u64, Span)> {
    let row = ctx.report.table(ids::REVIEW_LITIGATION)?.rows.first()?;
    whole_number(ctx, row, column)
}

/// The value of a row's cell in `column`, if it is a whole number and not
/// where the text is cut off (a number there may be cut in half).
fn whole_number(ctx: &Context<'_>, row: &TableRow, column: &str) -> Option<(u64, Span)> {
    let cell = row.values.iter().find(|v| v.column == column)?;
    match cell.value {
        Value::Integer(n) if !ctx.cut_off_at(cell.span.end()) => Some((n.to_u64()?, cell.span)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str) -> Vec<(&str, u64)> {
        stated_counts(sentence)
            .iter()
            .map(|c| (c.what, c.value))
            .collect()
    }

    #[test]
    fn reads_each_verb() {
        let verb = |s: &str| -> Vec<(String, u64)> {
            stated_counts(s)
                .iter()
                .map(|c| (c.what.chars().take(2).collect(), c.value))
                .collect()
        };
        let one = |v: &str, n: u64| vec![(v.to_owned(), n)];
        assert_eq!(verb("全年共收到政府信息公开申请24件"), one("收到", 24));
        assert_eq!(verb("本年度,共受理政府信息公开申请2件"), one("受理", 2));
        assert_eq!(verb("受理政府信息依申请公开事项46件"), one("受理", 46));
        assert_eq!(verb("2023年受理依申请公开0件"), one("受理", 0));
        assert_eq!(verb("办结政府信息公开申请共23件"), one("办结", 23));
        assert_eq!(verb("本年度收到申请共9件"), one("收到", 9));
        assert_eq!(
            read("接收政府信息公开申请25件"),
            vec![("接收政府信息公开申请25件", 25)]
        );
    }

    #[test]
    fn skips_other_counts() {
        assert!(read("收到行政复议申请2件").is_empty());
        assert!(read("收到网上申请10件").is_empty());
        assert!(read("不予受理申请3件").is_empty());
        assert!(read("未办结申请1件").is_empty());
        // The agency reviewing others' cases, and cases not about disclosure.
        assert!(read("办理涉及政府信息公开的行政复议案件35件").is_empty());
        assert!(read("被申请行政复议3件").is_empty());
    }

    #[test]
    fn reads_reviews_and_suits() {
        assert_eq!(
            read("因政府信息公开工作被申请行政复议3件,被提起行政诉讼1起"),
            vec![("被申请行政复议3件", 3), ("被提起行政诉讼1起", 1)]
        );
    }

    proptest::proptest! {
        #[test]
        fn phrases_match_what_their_patterns_matched(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "收到政府信息公开申请", "被申请行政复议", "受理依申请公开事项", "24件", "收到", "受理", "办结", "了", "书面", "政府信息", "公开", "依", "申请", "事项", "共",
                "计", "总计", " ", "\u{3000}", "2", "4", "件", "被", "提起", "的", "行政复议",
                "行政诉讼", "案件", "起", "信息公开",
            ][..]), 0..12)
        ) {
            let sentence = parts.concat();
            let requests = regex::Regex::new(&format!(
                concat!(
                    r"(?P<word>{})了?(?:各类|书面)?",
                    r"(?:(?:政府信息公开|信息公开|依申请公开)?申请|(?:政府信息)?依申请公开(?:事项)?)",
                    r"(?:共计|共|合计|总计)?[ \u{{3000}}]?(?P<n>[0-9]+)[ \u{{3000}}]?件"
                ),
                VERBS.join("|")
            ))
            .unwrap();
            let reviews = regex::Regex::new(concat!(
                r"(?:被申请|被提起|被|申请|提起|发生|引发|引起|产生)的?(?P<word>行政复议|行政诉讼)",
                r"(?:案件|申请)?(?:共计|共|合计)?[ \u{3000}]?(?P<n>[0-9]+)[ \u{3000}]?(?:件|起|宗)",
            ))
            .unwrap();
            for (pattern, phrase, word) in [(&requests, REQUESTS, WORD), (&reviews, REVIEWS, KIND)] {
                let expected: Vec<_> = pattern
                    .captures_iter(&sentence)
                    .map(|c| (c.get(0).unwrap().range(), c["word"].to_owned(), c.name("n").unwrap().range()))
                    .collect();
                let found: Vec<_> = find_iter(&sentence, phrase)
                    .map(|p| (p[0].start..p[p.len() - 1].end, sentence[p[word].clone()].to_owned(), p[NUMBER].clone()))
                    .collect();
                proptest::prop_assert_eq!(found, expected, "{:?}", sentence);
            }
        }
    }

    #[test]
    fn the_verbs_are_those_of_the_tallies() {
        let verbs: Vec<&str> = REQUEST_VERBS.iter().map(|(verb, _)| *verb).collect();
        assert_eq!(verbs, VERBS);
    }
}
