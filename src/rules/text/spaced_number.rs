//! X004 `spaced-number`.

use crate::byte_search::find_space;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::extract::SourceKind;
use crate::rules::sentences::sentences;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// A space inside a number, between a number and its unit, or inside a date.
pub struct SpacedNumber;

/// Units a number is written against, longest first.
const UNITS: &[&str] = &[
    "人次", "万元", "年", "月", "日", "条", "件", "项", "篇", "个", "次", "期", "份", "场", "万",
    "元", "%", "％",
];

/// Words that begin with a unit's character but are no unit (`1 条例` is
/// a numbering before a word).
const NOT_UNITS: &[&str] = &[
    "条例", "条件", "条款", "条目", "项目", "个人", "个体", "个性", "个别", "期间", "期限", "场所",
    "场景", "场合", "元素", "日期",
];

/// The spaces the rule looks at: ASCII, ideographic, no-break.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}')
}

impl Rule for SpacedNumber {
    declare_rule! {
        code: "X004",
        name: "spaced-number",
        family: Text,
        severity: Warning,
        fixable: true,
        summary_zh: "数字中、数字与单位之间或日期中有空格",
        summary_en: "A space inside a number, before its unit or inside a date",
        explanation_zh: "按 GB/T 9704-2012 排版的公文，数字和单位、日期的年月日之间不留空格：\
            “225 条”“2023 年”“1 月 1 日”“12 345次”多是从表格、网页或排版软件复制时带进来的，\
            读起来像是漏了字，检索时也找不到。统计表中、网址中和电话号码中的空格不提示；\
            PDF 的文字是按版面位置重新拼出的，其中的空格未必在原文中，也不提示。\
            修复删去这些空格（安全）。",
        explanation_en: "Documents set to GB/T 9704-2012 carry no space between a number and its \
            unit or inside a date: `225 条`, `2023 年`, `1 月 1 日`, `12 345次` mostly come in \
            when text is copied from a table, a web page or layout software; they read as if \
            something were missing and defeat searches. Spaces in tables, web addresses and \
            telephone numbers are not reported, nor are those of a PDF, whose text is rebuilt \
            from positions on the page and may have spaces the document has not. The fix \
            deletes the spaces (safe).",
        basis: "GB/T 9704-2012《党政机关公文格式》",
        bad: Opening "全年共发布信息225 条,统计期限为2024 年 1 月 1 日至2024年12月31日。",
        good: Opening "全年共发布信息225条,统计期限为2024年1月1日至2024年12月31日。",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        if ctx.source.kind == SourceKind::Pdf {
            return;
        }
        let text = ctx.text();
        if find_space(text).is_none() {
            return;
        }
        for (span, sentence) in sentences(ctx) {
            if find_space(sentence).is_none() {
                continue;
            }
            for group in groups(gaps(sentence)) {
                let at = Span::from_range(span.offset + group.start, span.offset + group.end);
                let written = at.slice(text);
                let mut corrected = String::with_capacity(written.len());
                let mut from = group.start;
                for gap in &group.gaps {
                    corrected.push_str(&sentence[from..gap.start]);
                    from = gap.end;
                }
                corrected.push_str(&sentence[from..group.end]);
                sink.report(
                    at,
                    tr!(
                        ctx.lang,
                        "“{}”中有多余的空格",
                        "“{}” has a space that does not belong there",
                        written
                    ),
                )
                .help(tr!(
                    ctx.lang,
                    "删去空格，写作“{}”",
                    "delete the space: “{}”",
                    corrected
                ))
                .fix(Fix {
                    applicability: Applicability::Safe,
                    edits: group
                        .gaps
                        .iter()
                        .map(|gap| Edit {
                            offset: span.offset + gap.start,
                            length: gap.end - gap.start,
                            replacement: String::new(),
                        })
                        .collect(),
                });
            }
        }
    }
}

/// A run of spaces that does not belong, within the expression around it
/// (byte offsets in the sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Gap {
    /// Where the number, date or count around the spaces starts.
    expression_start: usize,
    /// The spaces.
    start: usize,
    end: usize,
    /// Where the expression ends.
    expression_end: usize,
}

/// Gaps of one expression (`2024 年 1 月 1 日`), reported together.
#[derive(Debug, Default)]
struct Group {
    start: usize,
    end: usize,
    gaps: Vec<Gap>,
}

/// The start of the run of digits (and decimal points) ending at `end`, if
/// it is a number of the prose: not the tail of a web address, code,
/// telephone number or other ASCII token.
fn number_before(sentence: &str, end: usize) -> Option<usize> {
    let head = &sentence[..end];
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let token = head[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || "/-_:@#=+.&?~".contains(c));
    let digits = &head[start..];
    (!token && digits.starts_with(|c: char| c.is_ascii_digit())).then_some(start)
}

/// The unit `rest` opens with, as a byte length, unless it begins a word.
fn unit_at(rest: &str) -> Option<usize> {
    if NOT_UNITS.iter().any(|w| rest.starts_with(w)) {
        return None;
    }
    UNITS.iter().find(|u| rest.starts_with(*u)).map(|u| u.len())
}

/// The length of `rest`'s leading ASCII digits.
fn digits_at(rest: &str) -> usize {
    rest.bytes().take_while(u8::is_ascii_digit).count()
}

/// The length of the spaces `rest` opens with.
fn spaces_at(rest: &str) -> usize {
    rest.chars()
        .take_while(|c| is_space(*c))
        .map(char::len_utf8)
        .sum()
}

/// Every run of spaces in `sentence` that stands inside a number, between a
/// number and its unit, or inside a date, in text order.
fn gaps(sentence: &str) -> Vec<Gap> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = find_space(&sentence[at..]) {
        let start = at + found;
        let end = start + spaces_at(&sentence[start..]);
        at = end;
        let (head, rest) = (&sentence[..start], &sentence[end..]);
        let Some(before) = head.chars().next_back() else {
            continue;
        };
        if before.is_ascii_digit() {
            let Some(number) = number_before(sentence, start) else {
                continue;
            };
            // `225 条`: a number and its unit.
            if let Some(unit) = unit_at(rest) {
                out.push(Gap {
                    expression_start: number,
                    start,
                    end,
                    expression_end: end + unit,
                });
                continue;
            }
            // `12 345次`: groups of three digits ending in a unit.
            if start - number <= 3 {
                if let Some(length) = thousands_to_unit(rest) {
                    out.push(Gap {
                        expression_start: number,
                        start,
                        end,
                        expression_end: end + length,
                    });
                }
            }
        } else if before == '年' || before == '月' {
            // `2024年 1月`, `1 月 1 日`: inside a date.
            let mark = start - before.len_utf8();
            let digits_end =
                mark - (head[..mark].len() - head[..mark].trim_end_matches(is_space).len());
            let Some(number) = number_before(sentence, digits_end) else {
                continue;
            };
            let day = digits_at(rest);
            let after = &rest[day..];
            let after = &after[spaces_at(after)..];
            let next = if before == '年' { "月" } else { "日" };
            if (1..=2).contains(&day) && after.starts_with(next) {
                out.push(Gap {
                    expression_start: number,
                    start,
                    end,
                    expression_end: sentence.len() - after.len() + next.len(),
                });
            }
        }
    }
    out
}

/// If `rest` is groups of three digits, each but the last followed by one
/// space, then a unit (after at most one space): the length up to the end
/// of the unit.
fn thousands_to_unit(rest: &str) -> Option<usize> {
    let mut at = 0;
    loop {
        if digits_at(&rest[at..]) != 3 {
            return None;
        }
        at += 3;
        let spaces = spaces_at(&rest[at..]);
        if spaces == 1 && digits_at(&rest[at + 1..]) == 3 {
            at += 1;
            continue;
        }
        if spaces > 1 {
            return None;
        }
        return unit_at(&rest[at + spaces..]).map(|unit| at + spaces + unit);
    }
}

/// The gaps joined into the expressions they belong to.
fn groups(gaps: Vec<Gap>) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for gap in gaps {
        match out.last_mut() {
            Some(group) if gap.expression_start <= group.end => {
                group.end = group.end.max(gap.expression_end);
                group.gaps.push(gap);
            }
            _ => out.push(Group {
                start: gap.expression_start,
                end: gap.expression_end,
                gaps: vec![gap],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The expressions reported in `sentence`, as written.
    fn found(sentence: &str) -> Vec<&str> {
        groups(gaps(sentence))
            .iter()
            .map(|g| &sentence[g.start..g.end])
            .collect()
    }

    #[test]
    fn finds_spaces_in_numbers_and_dates() {
        assert_eq!(found("公告公示225 条"), vec!["225 条"]);
        assert_eq!(
            found("统计期限为2024 年 1 月 1 日至"),
            vec!["2024 年 1 月 1 日"]
        );
        assert_eq!(found("自2023年 1月1日起"), vec!["2023年 1月"]);
        assert_eq!(found("访问量12 345次"), vec!["12 345次"]);
        assert_eq!(found("访问量1 234 567 次"), vec!["1 234 567 次"]);
        assert_eq!(found("占比18.8 %"), vec!["18.8 %"]);
        assert_eq!(found("收费29.3\u{a0}万元"), vec!["29.3\u{a0}万元"]);
    }

    #[test]
    fn leaves_other_spaces_alone() {
        assert!(found("电话 0571 8512 3456,邮编 311 300").is_empty());
        assert!(found("网址 http://www.example.gov.cn/2024 年报").is_empty());
        assert!(found("参训 Windows 10 用户").is_empty());
        assert!(found("第1 条例规定").is_empty());
        assert!(found("2024年 工作").is_empty());
        assert!(found(" 12条").is_empty());
    }
}
