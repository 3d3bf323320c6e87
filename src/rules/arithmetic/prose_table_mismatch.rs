//! A006 `prose-table-mismatch`.

use crate::byte_search::contains;
use std::sync::LazyLock;

use regex::Regex;

use super::stated_counts::{review_total, stated_counts, total, StatedCount};
use crate::pack::ids::{self, Need};
use crate::rules::sentences::sentences;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// The prose states a figure the table also holds, and they differ.
pub struct ProseTableMismatch;

impl Rule for ProseTableMismatch {
    declare_rule! {
        code: "A006",
        name: "prose-table-mismatch",
        family: Arithmetic,
        severity: Warning,
        summary_zh: "正文所述数字与统计表不一致",
        summary_en: "The prose and the table state different figures",
        explanation_zh: "第一部分通常会复述统计表中的主要数字。本规则比对：\
            “收到”“接到”“受理”“接收”政府信息公开申请（或依申请公开事项）N件与\
            “一、本年新收”的总计（N也可以包含“二、上年结转”）；“新收”N件与“一”；\
            “办理”N件与“（七）总计”、“一”或“一”加“二”；“答复”“办结”N件与“（七）总计”或“一”；\
            “结转下年度……N件”与“四、结转下年度继续办理”的总计；\
            “被申请行政复议N件”与第四部分表格的行政复议总计，“被提起行政诉讼N件”与\
            两类行政诉讼总计之和（或其中一类）；“未收到政府信息公开申请”“无书面申请”与“一”的\
            总计大于0；“未发生……行政复议、行政诉讼”与第四部分表格的各项总计。\
            只读取用这些说法写明数字的句子，只比对能读成整数的单元格；“不予受理”“未办结”\
            这类结果不读，本机关作为复议机关“办理行政复议案件”也不读，\
            复议、诉讼的数字只在句中说到“信息公开”时才读。动词与表中各行的对应关系集中在 \
            `src/rules/arithmetic/stated_counts.rs` 的一张表中。",
        explanation_en: "Section 一 usually restates the tables' key figures. The rule compares: \
            requests (or 依申请公开 items) `收到`/`接到`/`受理`/`接收` N件 with 一、本年新收 总计 \
            (N may also include 二、上年结转); `新收` N件 with 一; `办理` N件 with （七）总计, 一, or \
            一 plus 二; `答复`/`办结` N件 with （七）总计 or 一; `结转下年度…N件` with 四、结转下年度 \
            总计; `被申请行政复议N件` with the review total of the table of section 四, \
            `被提起行政诉讼N件` with the sum of the two litigation totals (or either); \
            `未收到政府信息公开申请` / `无书面申请` with 一 总计 > 0; and `未发生…行政复议、行政诉讼` \
            with the totals of the table of section 四. Only sentences that state the figure in \
            these words are read, and only table cells read as integers are compared; results \
            such as `不予受理` or `未办结` are not read, nor is the agency reviewing others' cases \
            (`办理行政复议案件`), and review and suit counts only in a sentence that speaks of \
            信息公开. The verb → row mapping is one table in \
            `src/rules/arithmetic/stated_counts.rs`.",
        basis: "《中华人民共和国政府信息公开条例》第六条（公开的政府信息应当准确）",
        bad: Opening "全年共收到政府信息公开申请3件，均在法定期限内答复。",
        good: Opening "全年未收到政府信息公开申请。",
    }

    fn requires(&self) -> &'static [Need] {
        &[
            Need::Row(ids::APPLICATIONS, ids::NEW),
            Need::Row(ids::APPLICATIONS, ids::CARRIED_OVER),
            Need::Row(ids::APPLICATIONS, ids::CARRIED_FORWARD),
            Need::Row(ids::APPLICATIONS, ids::RESULTS_TOTAL),
            Need::Column(ids::APPLICATIONS, ids::TOTAL),
            Need::Column(ids::REVIEW_LITIGATION, ids::REVIEW_TOTAL),
            Need::Column(ids::REVIEW_LITIGATION, ids::DIRECT_TOTAL),
            Need::Column(ids::REVIEW_LITIGATION, ids::AFTER_REVIEW_TOTAL),
        ]
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let new = total(ctx, ids::NEW);
        let forward = total(ctx, ids::CARRIED_FORWARD);
        let year = ctx.report.year_value();
        for (span, sentence) in sentences(ctx) {
            let relevant = ["申请", "结转", "复议", "诉讼"]
                .iter()
                .any(|w| contains(sentence, w));
            if !relevant || !about_this_year(sentence, year) {
                continue;
            }
            let at = |range: std::ops::Range<usize>| {
                Span::from_range(span.offset + range.start, span.offset + range.end)
            };
            if let Some((n, cell)) = new.filter(|(n, _)| *n > 0) {
                // The pattern's words, looked for first: most sentences have
                // none, and then the pattern is never compiled.
                let found = ["未收到", "没有收到", "未接到", "无"]
                    .iter()
                    .any(|w| contains(sentence, w))
                    .then(|| NO_REQUESTS.find(sentence))
                    .flatten()
                    .filter(|m| !sentence[m.end()..].starts_with('人'));
                if let Some(m) = found {
                    sink.report(
                        at(m.range()),
                        tr!(
                            ctx.lang,
                            "正文称“{}”，但表中本年新收申请总计为{}",
                            "the text says “{}” but the table counts {} new requests",
                            m.as_str(),
                            n
                        ),
                    )
                    .label(
                        cell,
                        tr!(ctx.lang, "本年新收总计 = {}", "new requests = {}", n),
                    )
                    .help(tr!(
                        ctx.lang,
                        "使正文与表格一致",
                        "make the text and the table agree"
                    ));
                }
            }
            for stated in stated_counts(sentence) {
                check_count(ctx, sink, span, &stated);
            }
            let carried = contains(sentence, "结转")
                .then(|| CARRIED_FORWARD.captures(sentence))
                .flatten();
            if let (Some((n, cell)), Some(c)) = (forward, carried) {
                let stated = c.get(1).expect("group 1");
                let value: u64 = stated.as_str().parse().unwrap_or(u64::MAX);
                if value != n {
                    sink.report(
                        at(stated.range()),
                        tr!(
                            ctx.lang,
                            "正文称结转下年度{}件，但表中结转下年度总计为{}",
                            "the text says {} requests are carried forward but the table says {}",
                            value,
                            n
                        ),
                    )
                    .label(
                        cell,
                        tr!(ctx.lang, "结转下年度总计 = {}", "carried forward = {}", n),
                    )
                    .help(tr!(
                        ctx.lang,
                        "使正文与“四、结转下年度继续办理”的总计一致",
                        "make the text agree with the 总计 of 四、结转下年度继续办理"
                    ));
                }
            }
            self.check_review(ctx, sink, span, sentence);
        }
    }
}

impl ProseTableMismatch {
    /// `未发生…行政复议、行政诉讼` against the totals of the table of section 四.
    fn check_review(&self, ctx: &Context<'_>, sink: &mut Sink<'_>, span: Span, sentence: &str) {
        if !contains(sentence, "行政复议") && !contains(sentence, "行政诉讼")
            || !["无", "未发生", "未收到", "没有", "未有"]
                .iter()
                .any(|w| contains(sentence, w))
        {
            return;
        }
        let Some(m) = find_no_review(sentence) else {
            return;
        };
        if sentence.chars().any(|c| c.is_ascii_digit())
            || ["纠", "败诉", "撤销", "维持", "确认违法"]
                .iter()
                .any(|w| contains(sentence, w))
        {
            return;
        }
        let tail = &sentence[m.start()..];
        let mut totals = Vec::new();
        if contains(tail, "复议") {
            totals.push(review_total(ctx, ids::REVIEW_TOTAL));
        }
        if contains(tail, "诉讼") {
            totals.push(review_total(ctx, ids::DIRECT_TOTAL));
            totals.push(review_total(ctx, ids::AFTER_REVIEW_TOTAL));
        }
        let found: Vec<(u64, Span)> = totals
            .into_iter()
            .flatten()
            .filter(|(n, _)| *n > 0)
            .collect();
        let Some(&(first, _)) = found.first() else {
            return;
        };
        let diagnostic = sink.report(
            Span::from_range(span.offset + m.start(), span.end()),
            tr!(
                ctx.lang,
                "正文称未发生行政复议或行政诉讼，但表中总计为{}",
                "the text says there was no review or litigation but the table counts {}",
                first
            ),
        );
        for (n, span) in &found {
            diagnostic.label(*span, tr!(ctx.lang, "总计 = {}", "total = {}", n));
        }
        diagnostic.help(tr!(
            ctx.lang,
            "使正文与“政府信息公开行政复议、行政诉讼情况”表一致",
            "make the text agree with the review/litigation table"
        ));
    }
}

/// A count of requests, reviews or suits the sentence at `span` states,
/// against the table totals it may mean: silent when it is one of them, or
/// when the tables do not hold them all.
fn check_count(ctx: &Context<'_>, sink: &mut Sink<'_>, span: Span, stated: &StatedCount<'_>) {
    let mut totals = Vec::with_capacity(stated.tallies.len());
    for tally in stated.tallies {
        let Some(total) = tally.value(ctx) else {
            return;
        };
        totals.push((*tally, total));
    }
    let Some(&(likeliest, (expected, _))) = totals.first() else {
        return;
    };
    if totals.iter().any(|(_, (n, _))| *n == stated.value) {
        return;
    }
    let at = Span::from_range(
        span.offset + stated.digits.start,
        span.offset + stated.digits.end,
    );
    let diagnostic = sink.report(
        at,
        tr!(
            ctx.lang,
            "正文称“{}”，但表中{}为{}",
            "the text says “{}”, but the table's {} is {}",
            stated.what,
            likeliest.name(ctx.lang),
            expected
        ),
    );
    for (i, (tally, (n, cell))) in totals.iter().enumerate() {
        // A sum points at the cell of its first term, which may be labelled already.
        if totals[..i].iter().all(|(_, (_, other))| other != cell) {
            diagnostic.label(*cell, format!("{} = {}", tally.name(ctx.lang), n));
        }
    }
    diagnostic.help(tr!(
        ctx.lang,
        "使正文与表中的“{}”一致",
        "make the text agree with the table's {}",
        likeliest.name(ctx.lang)
    ));
}

/// Whether a sentence speaks of the report year: it names no other year and
/// makes no comparison with the last one.
fn about_this_year(sentence: &str, year: Option<i32>) -> bool {
    const OTHER_TIME: &[&str] = &[
        "上年",
        "去年",
        "上一年",
        "同比",
        "较",
        "相比",
        "以来",
        "累计",
    ];
    if OTHER_TIME.iter().any(|w| contains(sentence, w)) {
        return false;
    }
    years_named(sentence).all(|named| Some(named) == year)
}

/// The years a sentence names (`2023年`: `19` or `20` and two digits before
/// `年`), found by their `年`.
fn years_named(sentence: &str) -> impl Iterator<Item = i32> + '_ {
    let bytes = sentence.as_bytes();
    memchr::memmem::find_iter(bytes, "年").filter_map(move |at| {
        let digits = bytes.get(at.checked_sub(4)?..at)?;
        let century = matches!(digits, [b'1', b'9', ..] | [b'2', b'0', ..]);
        (century && digits.iter().all(u8::is_ascii_digit))
            .then(|| digits.iter().fold(0, |n, d| n * 10 + i32::from(d - b'0')))
    })
}

static NO_REQUESTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(未收到|没有收到|未接到|无)(书面)?(的)?(政府信息公开|信息公开|依申请公开)?申请")
        .expect("valid regex")
});

static CARRIED_FORWARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"结转(?:至|到)?下(?:一)?年(?:度)?(?:继续)?(?:办理)?(?:的)?(?:申请)?(?:共)?([0-9]+)件",
    )
    .expect("valid regex")
});

static NO_REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    // The gap is bounded after matching: `{0,20}` of a negated class would
    // compile into twenty copies of it.
    Regex::new(r"(全年|本年度?)?(无|未发生|未收到|没有|未有)(?P<gap>[^,，。]*?)(行政复议|行政诉讼)")
        .expect("valid regex")
});

/// Longest gap, in characters, between `未发生` and `行政复议` in one statement.
const MAX_REVIEW_GAP: usize = 20;

/// The first `未发生…行政复议` statement whose gap is short enough.
fn find_no_review(sentence: &str) -> Option<regex::Match<'_>> {
    NO_REVIEW
        .captures_iter(sentence)
        .find(|caps| {
            caps.name("gap")
                .is_some_and(|g| g.as_str().chars().count() <= MAX_REVIEW_GAP)
        })
        .and_then(|caps| caps.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_stated_figures() {
        let n = |re: &Regex, s: &str| {
            re.captures(s)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_owned())
        };
        assert_eq!(
            n(&CARRIED_FORWARD, "结转下年度继续办理1件"),
            Some("1".into())
        );
        assert_eq!(n(&CARRIED_FORWARD, "上年结转1件"), None);
        assert!(NO_REQUESTS.is_match("全年未收到政府信息公开申请"));
        assert!(NO_REQUESTS.is_match("本年度无书面申请"));
        assert!(!NO_REQUESTS.is_match("无正当理由大量反复申请"));
        assert!(
            find_no_review("全年未发生因政府信息公开被申请行政复议、提起行政诉讼的情况").is_some()
        );
        assert!(find_no_review(
            "未发生一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十行政复议"
        )
        .is_none());
    }

    #[test]
    fn other_years_and_comparisons_are_not_this_years_figures() {
        assert!(about_this_year("2024年共收到申请24件", Some(2024)));
        assert!(!about_this_year("2023年共收到申请20件", Some(2024)));
        assert!(!about_this_year("较上年收到申请30件有所下降", Some(2024)));
        assert!(about_this_year("全年共收到申请24件", None));
    }

    #[test]
    fn the_years_named_are_those_the_pattern_finds() {
        let pattern = regex::Regex::new(r"(19|20)[0-9]{2}年").unwrap();
        for sentence in [
            "2023年和2024年",
            "12023年",
            "3024年,1999年度",
            "年2023",
            "20年,2a23年,二〇二三年",
            "19992023年",
        ] {
            let expected: Vec<i32> = pattern
                .find_iter(sentence)
                .map(|m| m.as_str().trim_end_matches('年').parse().unwrap())
                .collect();
            assert_eq!(
                years_named(sentence).collect::<Vec<_>>(),
                expected,
                "{sentence}"
            );
        }
    }
}
