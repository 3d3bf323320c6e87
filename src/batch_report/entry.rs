//! One report of a batch as the batch report shows it: whose it is, for
//! which year, its indicators, and its findings with their places and the
//! text they point at.

use super::agency_kind::{kind_of, AgencyKind};
use super::indicators::Indicators;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Report;
use crate::render::json_diagnostic;
use crate::run::FileResult;
use crate::source::SourceFile;
use crate::{tr, Lang};

/// What the model says about a report: its agency, year and indicators.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// The agency named in the title.
    pub agency: Option<String>,
    /// The report year.
    pub year: Option<i32>,
    /// Its indicators.
    pub indicators: Indicators,
}

impl Facts {
    /// The facts of `report`, whose text is `text`.
    pub fn read(report: &Report, text: &str) -> Facts {
        Facts {
            agency: report
                .title
                .as_ref()
                .and_then(|t| t.agency.as_ref())
                .map(|a| a.value.clone()),
            year: report.year_value(),
            indicators: Indicators::read(report, text),
        }
    }
}

/// One report of the batch.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The path shown in output.
    pub path: String,
    /// What its model says (nothing for a file that could not be read).
    pub facts: Facts,
    /// The agency's kind, when its name tells it.
    pub kind: Option<&'static AgencyKind>,
    /// Its findings, in text order.
    pub findings: Vec<Finding>,
    /// Whether the file was read (and so checked).
    pub readable: bool,
}

impl Entry {
    /// The entry of one file's result: its facts from its model (none for a
    /// file that could not be read, or whose text fixes changed).
    pub fn new(result: &FileResult, lang: Lang) -> Entry {
        let source = result.source.as_ref();
        let facts = match (&result.report, source) {
            (Some(report), Some(source)) => Facts::read(report, &source.text),
            _ => Facts::default(),
        };
        Entry {
            path: result.path.clone(),
            kind: facts.agency.as_deref().and_then(kind_of),
            facts,
            findings: result
                .diagnostics
                .iter()
                .map(|d| Finding::new(d, source, lang))
                .collect(),
            readable: source.is_some(),
        }
    }

    /// How many findings are of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// One finding, its positions resolved as JSON output has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's code.
    pub code: String,
    /// The rule's name.
    pub name: String,
    /// Its severity.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// 1-based line in the original file (as JSON's `line`).
    pub line: usize,
    /// 1-based character column in the original file.
    pub column: usize,
    /// Where it is as a reader of the original finds it: a cell, a
    /// paragraph, a page and line, else the line.
    pub place: String,
    /// The text it points at, with a little of its line around it.
    pub snippet: Option<Snippet>,
    /// What its labels say.
    pub labels: Vec<String>,
}

impl Finding {
    /// The finding of `diagnostic` in `source` (none for a file that could
    /// not be read), described in `lang`.
    pub fn new(diagnostic: &Diagnostic, source: Option<&SourceFile>, lang: Lang) -> Finding {
        let json = json_diagnostic(diagnostic, source);
        let place = match &json.location {
            Some(location) => location.describe(lang),
            None => tr!(
                lang,
                "第 {} 行第 {} 列",
                "line {}, column {}",
                json.line,
                json.column
            ),
        };
        Finding {
            code: diagnostic.code.clone(),
            name: diagnostic.name.clone(),
            severity: diagnostic.severity,
            message: diagnostic.message.clone(),
            help: diagnostic.help.clone(),
            line: json.line,
            column: json.column,
            place,
            snippet: source
                .and_then(|s| Snippet::of(&s.text, diagnostic.span.offset, diagnostic.span.end())),
            labels: diagnostic
                .labels
                .iter()
                .map(|l| l.message.clone())
                .collect(),
        }
    }
}

/// The text a finding points at, in its line: what comes before (at most
/// [`Snippet::CONTEXT`] characters), the flagged text (at most
/// [`Snippet::FLAGGED`], to the end of its line), what comes after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The line before the flagged text (`…` where it was cut).
    pub before: String,
    /// The flagged text (`…` where it was cut).
    pub flagged: String,
    /// The line after the flagged text (`…` where it was cut).
    pub after: String,
}

impl Snippet {
    /// Characters of the line shown on either side of the flagged text.
    pub const CONTEXT: usize = 24;
    /// Characters of the flagged text shown.
    pub const FLAGGED: usize = 60;

    /// The snippet of `start..end` in `text`; `None` when the line is blank
    /// there (a finding at the end of the text). Only a few bytes on either
    /// side are looked at: a line of megabytes costs what a short one does.
    pub fn of(text: &str, start: usize, end: usize) -> Option<Snippet> {
        let start = floor_boundary(text, start.min(text.len()));
        let end = floor_boundary(text, end.clamp(start, text.len()));
        // Enough bytes for one character more than is shown.
        let reach = |chars: usize| 4 * (chars + 1);
        let before =
            &text[floor_boundary(text, start.saturating_sub(reach(Snippet::CONTEXT)))..start];
        let before = before.rfind(NEWLINES).map_or(before, |i| &before[i + 1..]);
        let flagged = &text[start..floor_boundary(text, end.min(start + reach(Snippet::FLAGGED)))];
        let (flagged, after) = match flagged.find(NEWLINES) {
            // A span over several lines: its first line, nothing after it.
            Some(i) => (&flagged[..i], ""),
            None => {
                let after = &text
                    [end..floor_boundary(text, (end + reach(Snippet::CONTEXT)).min(text.len()))];
                (flagged, after.find(NEWLINES).map_or(after, |i| &after[..i]))
            }
        };
        let snippet = Snippet {
            before: tail(before, Snippet::CONTEXT).trim_start().to_owned(),
            flagged: head(flagged, Snippet::FLAGGED),
            after: head(after, Snippet::CONTEXT).trim_end().to_owned(),
        };
        let blank = |s: &str| s.trim().is_empty();
        (!(blank(&snippet.before) && blank(&snippet.flagged) && blank(&snippet.after)))
            .then_some(snippet)
    }
}

/// The characters that end a line.
const NEWLINES: [char; 2] = ['\n', '\r'];

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The first `limit` characters of `text`, `…` after them if more followed.
fn head(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// The last `limit` characters of `text`, `…` before them if more preceded.
fn tail(text: &str, limit: usize) -> String {
    match text.char_indices().rev().nth(limit.saturating_sub(1)) {
        Some((0, _)) | None => text.to_owned(),
        Some((at, _)) => format!("…{}", &text[at..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_keep_to_their_line_and_cut_long_text() {
        let text = "标题\n所列数据统计期限为2023年1月1日至2023年12月31日。\n下一行";
        let start = text.find("2023").unwrap();
        let snippet = Snippet::of(text, start, start + "2023年1月1日".len()).unwrap();
        assert_eq!(snippet.before, "所列数据统计期限为");
        assert_eq!(snippet.flagged, "2023年1月1日");
        assert_eq!(snippet.after, "至2023年12月31日。");

        let long = "甲".repeat(300);
        let snippet = Snippet::of(&long, 150, 600).unwrap();
        let run = |n| "甲".repeat(n);
        assert_eq!(snippet.before, format!("…{}", run(Snippet::CONTEXT)));
        assert_eq!(snippet.flagged, format!("{}…", run(Snippet::FLAGGED)));
        assert_eq!(snippet.after, format!("{}…", run(Snippet::CONTEXT)));
        // A span over two lines: its first line.
        let snippet = Snippet::of("甲乙\n丙", 0, 7).unwrap();
        assert_eq!(
            (snippet.flagged.as_str(), snippet.after.as_str()),
            ("甲乙", "")
        );
    }

    #[test]
    fn snippets_never_split_a_character() {
        let text = "一二三\n四五";
        for start in 0..=text.len() + 2 {
            for end in 0..=text.len() + 2 {
                let _ = Snippet::of(text, start, end);
            }
        }
        let snippet = Snippet::of(text, 4, 8).unwrap();
        assert_eq!(
            (snippet.before.as_str(), snippet.flagged.as_str()),
            ("一", "二")
        );
        assert_eq!(Snippet::of("a\n\n", 2, 2), None);
    }
}
