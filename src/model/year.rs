//! The report year: from the title, else the period, else the text.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::span::{Span, Spanned};

/// Where the report year came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum YearSource {
    /// The title.
    Title,
    /// The statistics period's start.
    Period,
    /// The opening text: `现公布某局2023年政府信息公开工作年度报告`, or a paragraph
    /// that opens with `2022年,`.
    Text,
}

static NAMED_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2})\s*年度?(?:政府)?信息公开(?:工作(?:情况)?[。；;]|(?:工作)?(?:年度)?(?:情况)?报告)")
        .expect("valid regex")
});

static OPENING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^\s*(?:\([一二三四五六七八九十]\)\S{0,16}\s*)?((?:19|20)[0-9]{2})\s*年度?(?:\s*[,，]|[^0-9月\s,，])",
    )
    .expect("valid regex")
});

/// A report year the text states, in `scope`: a named report (`2023年政府信息公开
/// 工作年度报告`) first, else the first paragraph that opens with `YYYY年,`.
/// A year inside the title of a document the report cites (`《…2021年…年度
/// 报告》`, `《关于做好2023年政府信息公开工作年度报告…的通知》`) is that
/// document's, not the report's.
pub fn year_in_text(text: &str, scope: Span) -> Option<Spanned<i32>> {
    let haystack = scope.slice(text);
    let found = outside_titles(&NAMED_REPORT, haystack)
        .or_else(|| outside_titles(&OPENING_YEAR, haystack))?;
    let year = found.get(1)?;
    let value = year.as_str().parse().ok()?;
    Some(Spanned::new(
        value,
        Span::new(scope.offset + year.start(), year.len()),
    ))
}

/// The first match of `regex` in `haystack` whose year is outside title marks.
fn outside_titles<'h>(regex: &Regex, haystack: &'h str) -> Option<regex::Captures<'h>> {
    let mut marks = TitleMarks::default();
    regex.captures_iter(haystack).find(|found| {
        found
            .get(1)
            .is_some_and(|year| !marks.inside(haystack, year.start()))
    })
}

/// How deep in `《…》` the text is, read forward once.
#[derive(Default)]
struct TitleMarks {
    read: usize,
    depth: usize,
}

impl TitleMarks {
    /// Whether offset `at` (not before any offset asked before) of
    /// `haystack` is inside title marks.
    fn inside(&mut self, haystack: &str, at: usize) -> bool {
        if let Some(part) = haystack.get(self.read..at) {
            for c in part.chars() {
                match c {
                    '《' => self.depth += 1,
                    '》' => self.depth = self.depth.saturating_sub(1),
                    _ => {}
                }
            }
            self.read = at;
        }
        self.depth > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(text: &str) -> Option<i32> {
        year_in_text(text, Span::new(0, text.len())).map(|y| y.value)
    }

    #[test]
    fn named_report_and_opening_year() {
        assert_eq!(
            year("现公布区统计局2023年政府信息公开工作年度报告。"),
            Some(2023)
        );
        assert_eq!(
            year("现将我办2022年度政府信息公开情况报告如下:"),
            Some(2022)
        );
        assert_eq!(year("一、总体情况\n2024年,我县认真贯彻"), Some(2024));
        assert_eq!(
            year("(一)公开的主要内容\n2009年,水利部主动公开"),
            Some(2009)
        );
        assert_eq!(year("汇报我镇2023年政府信息公开工作。"), Some(2023));
        assert_eq!(
            year("一、总体情况\n 2021年城中区政务公开工作在区委领导下"),
            Some(2021)
        );
        assert_eq!(year("较2023年增长10%。"), None);
        assert_eq!(
            year("根据《关于做好2023年政府信息公开工作年度报告编制工作的通知》要求编制。"),
            None
        );
        assert_eq!(
            year("参照《某市2021年政府信息公开工作年度报告》,现公布本局2022年政府信息公开工作年度报告。"),
            Some(2022)
        );
        assert_eq!(year("截至\n2023年12月31日"), None);
    }
}
