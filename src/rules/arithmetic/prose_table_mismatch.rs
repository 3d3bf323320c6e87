//! A006 `prose-table-mismatch`.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Number, Value};
use crate::pack::ids::{self, Need};
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
            “共收到政府信息公开申请N件”与“一、本年新收”的总计（N也可以包含“二、上年结转”）；\
            “结转下年度……N件”与“四、结转下年度继续办理”的总计；\
            “未收到政府信息公开申请”“无书面申请”与“一”的总计大于0；“未发生……行政复议、\
            行政诉讼”与第四部分表格的各项总计。只读取用这些说法写明数字的句子，\
            也只比对能读成整数的单元格。",
        explanation_en: "Section 一 usually restates the tables' key figures. The rule compares: \
            `共收到政府信息公开申请N件` with 一、本年新收 总计 (N may also include 二、上年结转); \
            `结转下年度…N件` with 四、结转下年度 总计; `未收到政府信息公开申请` / `无书面申请` \
            with 一 总计 > 0; and `未发生…行政复议、行政诉讼` with the totals of the table of \
            section 四. Only sentences that state the figure in these words are read, and only \
            table cells read as integers are compared.",
        basis: "《中华人民共和国政府信息公开条例》第六条（公开的政府信息应当准确）",
        bad: Opening "全年共收到政府信息公开申请3件，均在法定期限内答复。",
        good: Opening "全年未收到政府信息公开申请。",
    }

    fn requires(&self) -> &'static [Need] {
        &[
            Need::Row(ids::APPLICATIONS, ids::NEW),
            Need::Row(ids::APPLICATIONS, ids::CARRIED_OVER),
            Need::Row(ids::APPLICATIONS, ids::CARRIED_FORWARD),
            Need::Column(ids::APPLICATIONS, ids::TOTAL),
            Need::Column(ids::REVIEW_LITIGATION, ids::REVIEW_TOTAL),
            Need::Column(ids::REVIEW_LITIGATION, ids::DIRECT_TOTAL),
            Need::Column(ids::REVIEW_LITIGATION, ids::AFTER_REVIEW_TOTAL),
        ]
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let new = total(ctx, ids::NEW);
        let carried_over = total(ctx, ids::CARRIED_OVER);
        let forward = total(ctx, ids::CARRIED_FORWARD);
        let year = ctx.report.year_value();
        for (span, sentence) in super::prose::sentences(ctx) {
            let relevant = ["申请", "结转", "复议", "诉讼"]
                .iter()
                .any(|w| sentence.contains(w));
            if !relevant || !about_this_year(sentence, year) {
                continue;
            }
            let at = |range: std::ops::Range<usize>| {
                Span::from_range(span.offset + range.start, span.offset + range.end)
            };
            if let Some((n, cell)) = new.filter(|(n, _)| *n > 0) {
                let found = NO_REQUESTS
                    .find(sentence)
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
            if let (Some((n, cell)), Some(c)) = (new, RECEIVED.captures(sentence)) {
                let stated = c.get(1).expect("group 1");
                let value: u64 = stated.as_str().parse().unwrap_or(u64::MAX);
                let with_carried = carried_over.map(|(o, _)| n + o);
                if value != n && Some(value) != with_carried {
                    sink.report(
                        at(stated.range()),
                        tr!(
                            ctx.lang,
                            "正文称收到申请{}件，但表中本年新收申请总计为{}",
                            "the text says {} requests were received but the table counts {} new ones",
                            value,
                            n
                        ),
                    )
                    .label(cell, tr!(ctx.lang, "本年新收总计 = {}", "new requests = {}", n))
                    .help(tr!(
                        ctx.lang,
                        "使正文与“一、本年新收政府信息公开申请数量”的总计一致",
                        "make the text agree with the 总计 of 一、本年新收政府信息公开申请数量"
                    ));
                }
            }
            if let (Some((n, cell)), Some(c)) = (forward, CARRIED_FORWARD.captures(sentence)) {
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
        if !sentence.contains("行政复议") && !sentence.contains("行政诉讼") {
            return;
        }
        let Some(m) = find_no_review(sentence) else {
            return;
        };
        if sentence.chars().any(|c| c.is_ascii_digit())
            || ["纠", "败诉", "撤销", "维持", "确认违法"]
                .iter()
                .any(|w| sentence.contains(w))
        {
            return;
        }
        let Some(table) = ctx.report.table(ids::REVIEW_LITIGATION) else {
            return;
        };
        let Some(row) = table.rows.first() else {
            return;
        };
        let value = |column: &str| {
            row.values
                .iter()
                .find(|v| v.column == column)
                .and_then(|v| match v.value {
                    Value::Integer(n) => Some((n, v.span)),
                    _ => None,
                })
        };
        let tail = &sentence[m.start()..];
        let mut totals = Vec::new();
        if tail.contains("复议") {
            totals.push(value(ids::REVIEW_TOTAL));
        }
        if tail.contains("诉讼") {
            totals.push(value(ids::DIRECT_TOTAL));
            totals.push(value(ids::AFTER_REVIEW_TOTAL));
        }
        let found: Vec<(Number, Span)> = totals
            .into_iter()
            .flatten()
            .filter(|(n, _)| !n.is_zero() && !n.is_negative())
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
    if OTHER_TIME.iter().any(|w| sentence.contains(w)) {
        return false;
    }
    YEARS.find_iter(sentence).all(|m| {
        let digits = m.as_str().trim_end_matches('年');
        digits.parse::<i32>().ok() == year
    })
}

static YEARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(19|20)[0-9]{2}年").expect("valid regex"));

/// The 总计 of an applications row, if the table holds it as an integer.
pub(crate) fn total(ctx: &Context<'_>, row: &str) -> Option<(u64, Span)> {
    let table = ctx.report.table(ids::APPLICATIONS)?;
    let cell = table
        .rows
        .iter()
        .find(|r| r.id == row)?
        .values
        .iter()
        .find(|v| v.column == ids::TOTAL)?;
    match cell.value {
        Value::Integer(n) if !ctx.cut_off_at(cell.span.end()) => Some((n.to_u64()?, cell.span)),
        _ => None,
    }
}

static NO_REQUESTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(未收到|没有收到|未接到|无)(书面)?(的)?(政府信息公开|信息公开|依申请公开)?申请")
        .expect("valid regex")
});

static RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:收到|接到)(?:各类|书面)?(?:政府信息公开|信息公开|依申请公开)?申请(?:共|合计|总计)?([0-9]+)件")
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
            n(&RECEIVED, "全年共收到政府信息公开申请24件"),
            Some("24".into())
        );
        assert_eq!(n(&RECEIVED, "本年度收到申请共9件"), Some("9".into()));
        assert_eq!(n(&RECEIVED, "收到行政复议申请2件"), None);
        assert_eq!(n(&RECEIVED, "收到网上申请10件"), None);
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
}
