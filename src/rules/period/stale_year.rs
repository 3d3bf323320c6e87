//! P005 `stale-year`.

use std::sync::LazyLock;

use regex::Regex;

use crate::pack::ids::{self, Need};
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// A sentence or heading that opens with last year as if it were the report year.
pub struct StaleYear;

/// `2023年,` / `2023年度,` / `2023年度` + heading text, at a sentence start,
/// or after a heading run into its text (`(三) 政府信息管理情况 2023年,`).
static OPENING_YEAR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)(?:^|[。！？；;!?])[ \t\u{3000}]*",
        r"(?:(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[0-9]{1,2}[、.．])[ \t\u{3000}]*",
        r"(?:(?P<run_in>\p{Han}{2,})(?:[ \t\u{3000}]+|[:：][ \t\u{3000}]*))?)?",
        r"(?P<year>(?P<digits>(?:19|20)[0-9]{2})年度?)(?P<comma>[,，])?",
    ))
    .expect("valid regex")
});

/// Whether `c` ends a sentence, as [`OPENING_YEAR_RE`] reads it (a line
/// break too).
fn ends_sentence(c: char) -> bool {
    matches!(c, '\n' | '。' | '！' | '？' | '；' | ';' | '!' | '?')
}

/// The matches of [`OPENING_YEAR_RE`] in `text` that may open with the year
/// `digits`, each with the offset of the piece of text it was found in.
/// A match lies between two sentence ends (it starts at one or at a line
/// start, and holds none), so the pattern is run only on the pieces where
/// `{digits}年` is, instead of every byte of the text.
fn openings_with<'t>(
    text: &'t str,
    digits: &str,
) -> impl Iterator<Item = (usize, regex::Captures<'t>)> + 't {
    let needle = format!("{digits}年");
    let mut last_start = None;
    let found: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()).collect();
    found.into_iter().filter_map(move |at| {
        let start = match text[..at].rfind(ends_sentence) {
            Some(end) if text[end..].starts_with('\n') => end + 1,
            Some(end) => end,
            None => 0,
        };
        if last_start == Some(start) {
            return None;
        }
        last_start = Some(start);
        let rest = &text[at..];
        let end = at + rest.find(ends_sentence).unwrap_or(rest.len());
        OPENING_YEAR_RE
            .captures(&text[start..end])
            .map(|caps| (start, caps))
    })
}

/// Longest heading, in characters, taken for one run into its text.
const MAX_RUN_IN_CHARS: usize = 24;

/// Whether the sentence from `from` on compares with the report year
/// (`2023年,收到20件;2024年,收到24件`) or says it compares (`同比`, `较`).
fn is_comparison(text: &str, from: usize, year: i32) -> bool {
    let rest = &text[from..];
    let sentence = &rest[..rest.find(['。', '\n']).unwrap_or(rest.len())];
    sentence.contains(&format!("{year}年"))
        || ["同比", "相比", "较", "上年", "上一年"]
            .iter()
            .any(|w| sentence.contains(w))
}

/// Whether the line holding `span` is a short heading opening with `YYYY年度`.
fn is_heading(ctx: &Context<'_>, span: Span, found: &str) -> bool {
    let line = ctx.line_span(span.offset).slice(ctx.text());
    found.ends_with('度') && !line.contains('。') && line.chars().count() <= 30
}

impl Rule for StaleYear {
    declare_rule! {
        code: "P005",
        name: "stale-year",
        family: Period,
        severity: Warning,
        summary_zh: "正文把上一年当作本年度叙述（疑似沿用上年报告）",
        summary_en: "The text speaks of the previous year as the current one",
        explanation_zh: "2024年度的报告中，以“2023年，”或“2023年度，”开头的句子\
            （也包括紧跟在同一行小标题之后的，如“（三）政府信息管理情况 2023年，”），\
            是把2023年当作报告年度来叙述。上一年的报告正是这样写的；照抄上一年的报告（内容雷同，\
            评估中常被指出的问题）而没有改年份，后面的数字多半也是上一年的。\
            比较的说法（“较2023年”“同比”“上年”，或同一句接着说到报告年度）和句中的日期不作提示；\
            第五部分也不提示，那里本来就要回顾上一年的问题。",
        explanation_en: "A sentence that opens with `2023年,` or `2023年度,` in a report for \
            2024 (also right after a heading run into its text, `(三) 政府信息管理情况 2023年,`) \
            speaks of 2023 as the year under report. That is how last year's report reads; \
            when the text was copied over (内容雷同, a defect reviewers report) and the year not \
            updated, the figures that follow are probably last year's too. Comparisons \
            (`较2023年`, `同比`, `上年`, or a sentence that goes on to the report year) and \
            dates inside sentences are not reported; neither is section 五, where reports \
            rightly look back at last year's problems.",
        basis: "《中华人民共和国政府信息公开条例》第四十九条、第五十条",
        bad: Opening "2023年，我局共主动公开政府信息186条。",
        good: Opening "2024年，我局共主动公开政府信息186条，较2023年增加12条。",
    }

    fn requires(&self) -> &'static [Need] {
        &[Need::Section(ids::PROBLEMS)]
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let Some(year) = ctx.report.year_value() else {
            return;
        };
        let text = ctx.text();
        let stale = (year - 1).to_string();
        let body_start = ctx.report.title.as_ref().map_or(0, |t| t.span.end());
        let problems = ctx.report.section(ids::PROBLEMS).map(|s| s.span);
        let body = &text[body_start..];
        for (segment, caps) in openings_with(body, &stale) {
            let body_start = body_start + segment;
            let (Some(found), Some(digits)) = (caps.name("year"), caps.name("digits")) else {
                continue;
            };
            if digits.as_str() != stale
                || caps
                    .name("run_in")
                    .is_some_and(|h| h.as_str().chars().count() > MAX_RUN_IN_CHARS)
            {
                continue;
            }
            let end = caps.name("comma").map_or(found.end(), |c| c.end());
            let span = Span::from_range(body_start + found.start(), body_start + end);
            if problems.is_some_and(|p| p.contains(span.offset)) {
                continue;
            }
            if is_comparison(text, span.end(), year) {
                continue;
            }
            // Without a comma, only a heading that opens with `2023年度` counts
            // (`2023年度结转的申请…` is a sentence about last year's carry-over).
            if caps.name("comma").is_none() && !is_heading(ctx, span, found.as_str()) {
                continue;
            }
            sink.report(
                span,
                tr!(
                    ctx.lang,
                    "本报告是{}年度报告，此句却以“{}”开头，像是沿用了上年报告",
                    "this is the report for {}, but the sentence opens with “{}”, as last year's report would",
                    year,
                    span.slice(text)
                ),
            )
            .help(tr!(
                ctx.lang,
                "核对本段内容与数字是否为{}年的；若确指上一年，请写明“上年”或作对比表述（如“较{}年”）",
                "check that the paragraph and its figures are for {}; if it really means the previous year, say so (“上年”, “较{}年”)",
                year,
                year - 1
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_openings_are_those_a_scan_of_the_whole_text_finds(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "2023年", "2024年", "2023年度", ",", "，", "。", "；", "!", "\n", "\r\n", " ",
                "\u{3000}", "(三)", "三、", "1.", "政府信息管理情况", "我局", "较", "2", "0", "年",
            ][..]), 0..16)
        ) {
            let text = parts.concat();
            let whole: Vec<(usize, usize)> = OPENING_YEAR_RE
                .captures_iter(&text)
                .filter(|c| &c["digits"] == "2023")
                .map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().end()))
                .collect();
            let pieces: Vec<(usize, usize)> = openings_with(&text, "2023")
                .filter(|(_, c)| &c["digits"] == "2023")
                .map(|(at, c)| (at + c.get(0).unwrap().start(), at + c.get(0).unwrap().end()))
                .collect();
            proptest::prop_assert_eq!(pieces, whole, "{:?}", text);
        }
    }
}
