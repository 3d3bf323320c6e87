//! The statistics period: `所列数据统计期限为2024年1月1日至2024年12月31日` and its
//! thirty-odd variants.

use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde::Serialize;

use crate::span::Span;

/// One end of the period, as written (parts may be missing or impossible).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PeriodDate {
    /// The year, if written.
    pub year: Option<i32>,
    /// The month, if written.
    pub month: Option<u32>,
    /// The day, if written.
    pub day: Option<u32>,
    /// Where the date is written.
    pub span: Span,
}

/// The statistics period the report states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// The period as written, e.g. `2024年1月1日至2024年12月31日`.
    pub text: String,
    /// Where it is written.
    pub span: Span,
    /// The first day.
    pub start: PeriodDate,
    /// The last day (its year defaults to the start's).
    pub end: PeriodDate,
}

impl PeriodDate {
    /// The date as `YYYY-MM-DD`, if it is a real calendar date. `year` fills a missing year.
    pub fn iso(&self, default_year: Option<i32>) -> Option<String> {
        let year = self.year.or(default_year)?;
        let (month, day) = (self.month?, self.day?);
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day))
            .then(|| format!("{year:04}-{month:02}-{day:02}"))
    }
}

impl Period {
    /// The year of the end date (the start's when the end has none).
    pub fn end_year(&self) -> Option<i32> {
        self.end.year.or(self.start.year)
    }

    /// The start as `YYYY-MM-DD`, if valid.
    pub fn start_iso(&self) -> Option<String> {
        self.start.iso(None)
    }

    /// The end as `YYYY-MM-DD`, if valid.
    pub fn end_iso(&self) -> Option<String> {
        self.end.iso(self.start.year)
    }
}

/// Days in `month` of `year` (Gregorian).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

const DATE: &str = r"[0-9０-９]{4}\s*年\s*(?:[0-9０-９]{1,2}\s*月\s*)?(?:[0-9０-９]{1,4}\s*日?)?";
const END_DATE: &str =
    r"(?:[0-9０-９]{4}\s*年\s*)?(?:[0-9０-９]{1,2}\s*月\s*)?[0-9０-９]{1,4}\s*日?";
const CONNECTOR: &str = r"\s*(?:起|始)?\s*[,，]?\s*(?:至|到|-|—|–|~|～|－|起至)\s*";

static KEYED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:统计(?:数据)?(?:期限|时限|时间段|时间|区间|范围|周期|时段|期间)|数据统计期|统计数据)[^。\n]{{0,12}}?(?P<start>{DATE}){CONNECTOR}(?P<end>{END_DATE})(?:\s*止)?"
    ))
    .expect("valid regex")
});

static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<start>[0-9０-９]{{4}}\s*年\s*1\s*月\s*1\s*日){CONNECTOR}(?P<end>(?:[0-9０-９]{{4}}\s*年\s*)?12\s*月\s*31\s*日)(?:\s*止)?"
    ))
    .expect("valid regex")
});

static DATE_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<y>[0-9０-９]{4})\s*年\s*)?(?:(?P<m>[0-9０-９]{1,2})\s*月\s*)?(?:(?P<d>[0-9０-９]{1,4})\s*日?)?",
    )
    .expect("valid regex")
});

/// Finds the statistics period in `scope` of `text` (usually the preamble and section 一).
///
/// A period after a keyword (统计期限, 统计时限, …) wins; otherwise a bare
/// `YYYY年1月1日至12月31日` range.
pub fn find_period(text: &str, scope: Span) -> Option<Period> {
    let haystack = scope.slice(text);
    let caps = KEYED
        .captures(haystack)
        .or_else(|| BARE.captures(haystack))?;
    Some(period_from(haystack, scope.offset, &caps))
}

fn period_from(haystack: &str, base: usize, caps: &Captures<'_>) -> Period {
    let start = caps.name("start").expect("group start");
    let end = caps.name("end").expect("group end");
    let whole_end = caps.get(0).expect("whole match").end();
    let span = Span::from_range(base + start.start(), base + whole_end);
    Period {
        text: haystack[start.start()..whole_end].to_owned(),
        span,
        start: parse_date(start.as_str(), base + start.start()),
        end: parse_date(end.as_str(), base + end.start()),
    }
}

fn parse_date(written: &str, offset: usize) -> PeriodDate {
    let trimmed = written.trim_end();
    let caps = DATE_PARTS.captures(trimmed);
    let number = |name: &str| -> Option<u32> {
        caps.as_ref()
            .and_then(|c| c.name(name))
            .and_then(|m| m.as_str().parse().ok())
    };
    PeriodDate {
        year: number("y").map(|y| y as i32),
        month: number("m"),
        day: number("d"),
        span: Span::new(offset, trimmed.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> Period {
        find_period(text, Span::new(0, text.len())).expect(text)
    }

    #[test]
    fn phrasings() {
        for (text, start, end) in [
            (
                "所列数据统计期限为2024年1月1日至2024年12月31日。",
                "2024-01-01",
                "2024-12-31",
            ),
            (
                "本年度报告中所列数据统计期限为2022年1月1日至12月31日",
                "2022-01-01",
                "2022-12-31",
            ),
            (
                "统计时限自2012年1月1日至2012年12月31日",
                "2012-01-01",
                "2012-12-31",
            ),
            (
                "所列数据统计期限从2019年1月1日到12月31日止",
                "2019-01-01",
                "2019-12-31",
            ),
            (
                "统计期限自2023年1月1日起至2023年12月31日止",
                "2023-01-01",
                "2023-12-31",
            ),
            (
                "统计时间段为2025年1月1日-12月31日",
                "2025-01-01",
                "2025-12-31",
            ),
            (
                "数据统计期限2018年1月1日—12月31日",
                "2018-01-01",
                "2018-12-31",
            ),
            (
                "统计期限自 2023年 1 月 1 日起至 2023 年 12 月 31 日止",
                "2023-01-01",
                "2023-12-31",
            ),
            (
                "统计期限从2023年1月1日至12月31止",
                "2023-01-01",
                "2023-12-31",
            ),
            (
                "2022年1月1日到2022年12月31日止,我镇",
                "2022-01-01",
                "2022-12-31",
            ),
            (
                "统计期限自2023年1月1日起,至2023年12月31日止",
                "2023-01-01",
                "2023-12-31",
            ),
        ] {
            let p = period(text);
            assert_eq!(p.start_iso().as_deref(), Some(start), "{text}");
            assert_eq!(p.end_iso().as_deref(), Some(end), "{text}");
        }
    }

    #[test]
    fn impossible_dates_are_kept_invalid() {
        let p = period("统计期限为2024年2月30日至2024年12月31日");
        assert_eq!(p.start.month, Some(2));
        assert_eq!(p.start_iso(), None);
        let p = period("统计期限为2022年11日至1231日");
        assert_eq!(p.start_iso(), None);
        assert_eq!(p.end_iso(), None);
    }

    #[test]
    fn spans_point_at_the_dates() {
        let text = "统计期限为2024年1月1日至2024年12月31日";
        let p = period(text);
        assert_eq!(p.span.slice(text), "2024年1月1日至2024年12月31日");
        assert_eq!(p.start.span.slice(text), "2024年1月1日");
        assert_eq!(p.end.span.slice(text), "2024年12月31日");
    }
}
