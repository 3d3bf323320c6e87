//! A rule's failing and passing examples, and the place each stands in.
//!
//! Examples are mostly fragments of a report. So that they can be run (the
//! example test asserts that every built-in rule fires on its failing example
//! and not on its passing one), each names its [`Place`]: the example is put
//! there in a complete, clean host report ([`host_report`]), and the check
//! sees that report. `disclint explain` says where each example stands.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::normalize::canon;
use crate::span::Span;
use crate::synth::{Prose, Rendering, Rng, SynthReport};
use crate::{tr, Lang};

/// The report year of the host report text examples are placed in.
pub const EXAMPLE_YEAR: i32 = 2024;

/// The section numerals of the host report, in order.
const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

/// Where an example stands. A pack writes it in lower case (`rows`,
/// `opening`, `{ sections = [2, 3] }`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    /// The example is the whole text.
    Whole,
    /// The example replaces the host report's title and opening paragraph
    /// (everything before section 一).
    Head,
    /// The example replaces the host report's opening paragraph (between the
    /// title and section 一); the title stays.
    Opening,
    /// The example replaces sections `from` to `to` (1–6) of the host
    /// report, headings and all.
    Sections(u8, u8),
    /// The example is rows of the host report's tables, written as Markdown
    /// (`| label | 0 | … |`). Each run of rows replaces the host's rows from
    /// the first one whose first cell is that of the run's first row to the
    /// one whose first cell is that of its last row; a line `……` between
    /// runs keeps the host's rows in between.
    Rows,
    /// The bytes of a file, read as the reader reads a file; `\xNN` stands
    /// for the byte `NN`.
    File,
    /// A command line. Not run: it names files and folders that only exist
    /// on the user's machine (a missing path, a pattern that matches
    /// nothing, a file over a size limit); the raw fixtures in
    /// `tests/fixtures/rules/` cover these rules.
    Command,
    /// An excerpt of a report, shown as written: the examples of pack rules,
    /// which do not say where they stand. Not run.
    Excerpt,
    /// Two reports of one agency, last year's and this year's (the rules
    /// across years): the example's part after the line `上一年度：` stands
    /// in last year's host report ([`previous_host_report`]), the part
    /// after `本年度：` in this year's ([`host_report`]), each as
    /// [`Place::Rows`].
    YearRows,
    /// Two reports of one agency as [`Place::YearRows`], each part in place
    /// of sections `from` to `to`.
    YearSections(u8, u8),
    /// Two agencies' reports of the same year (the rules across agencies):
    /// the part after the line `甲：` stands in another agency's host report
    /// ([`other_agency_host_report`]), the part after `乙：` in this one's,
    /// each in place of sections `from` to `to`.
    AgencySections(u8, u8),
}

/// The lines that open the two parts of an example of two reports.
const PAIR_MARKS: [(&str, &str); 2] = [("上一年度：", "本年度："), ("甲：", "乙：")];

/// An example text and its place.
#[derive(Debug, Clone, Serialize)]
pub struct Example {
    /// Where the text stands.
    pub place: Place,
    /// The text as `disclint explain` shows it.
    pub text: Cow<'static, str>,
}

/// What a check is given for an example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trial {
    /// A report text, and the span the example occupies in it.
    Text {
        /// The whole text.
        text: String,
        /// Where the example is in it.
        span: Span,
    },
    /// The bytes of a file.
    Bytes(Vec<u8>),
    /// Two report texts, checked together: the first is last year's (or the
    /// other agency's); the span is where the example is in the second.
    Pair {
        /// The first report's text.
        first: String,
        /// The second report's text.
        second: String,
        /// Where the example is in the second.
        span: Span,
    },
}

impl Example {
    /// An excerpt shown as written (see [`Place::Excerpt`]).
    pub fn excerpt(text: impl Into<Cow<'static, str>>) -> Self {
        Self {
            place: Place::Excerpt,
            text: text.into(),
        }
    }

    /// What a check is given for this example: `Ok(None)` for the places
    /// that are not run, `Err` when the example does not fit its place (a row
    /// or section the host report does not have).
    pub fn trial(&self) -> Result<Option<Trial>, String> {
        let text = self.text.as_ref();
        let Some((marks, single)) = pair_of(self.place) else {
            return trial_in(self.place, &host_report(), text);
        };
        let first_host = if marks == PAIR_MARKS[0] {
            previous_host_report()
        } else {
            other_agency_host_report()
        };
        let (first, second) = pair_parts(text, marks)?;
        match (
            trial_in(single, &first_host, first)?,
            trial_in(single, &host_report(), second)?,
        ) {
            (Some(Trial::Text { text: first, .. }), Some(Trial::Text { text: second, span })) => {
                Ok(Some(Trial::Pair {
                    first,
                    second,
                    span,
                }))
            }
            _ => Err(format!("`{text}` is not two parts of reports")),
        }
    }

    /// Where the example stands, as `disclint explain` says it.
    pub fn note(&self, lang: Lang) -> String {
        let y = EXAMPLE_YEAR;
        let Some(((first, second), single)) = pair_of(self.place) else {
            return match place_note(self.place, lang) {
                Some(place) => host_note(lang) + &place,
                None => whole_note(self.place, lang),
            };
        };
        let reports = if first == PAIR_MARKS[0].0 {
            tr!(
                lang,
                "同一机关{}年度和{y}年度的两份完整报告（各统计表数字均为0），一同检查：",
                "Two complete reports of one agency, for {} and {y} (every table cell 0), checked together: ",
                y - 1
            )
        } else {
            tr!(
                lang,
                "两个机关{y}年度的两份完整报告（各统计表数字均为0），一同检查：",
                "Two agencies' complete reports for {y} (every table cell 0), checked together: "
            )
        };
        let place = place_note(single, lang).unwrap_or_default();
        reports
            + &tr!(
                lang,
                "“{first}”之后的部分放入前一份、“{second}”之后的部分放入后一份，各自{place}",
                "the part after {first} in the first, the part after {second} in the second, each {place}"
            )
    }
}

/// For a place of two reports, the lines that open its parts and where
/// each part stands in its report.
fn pair_of(place: Place) -> Option<((&'static str, &'static str), Place)> {
    match place {
        Place::YearRows => Some((PAIR_MARKS[0], Place::Rows)),
        Place::YearSections(from, to) => Some((PAIR_MARKS[0], Place::Sections(from, to))),
        Place::AgencySections(from, to) => Some((PAIR_MARKS[1], Place::Sections(from, to))),
        _ => None,
    }
}

/// The two parts of an example of two reports: after the line `marks.0`,
/// and after the line `marks.1`.
fn pair_parts<'t>(text: &'t str, marks: (&str, &str)) -> Result<(&'t str, &'t str), String> {
    let first = text
        .strip_prefix(marks.0)
        .and_then(|rest| rest.strip_prefix('\n'))
        .ok_or_else(|| format!("`{text}` does not open with the line `{}`", marks.0))?;
    let split = format!("\n{}\n", marks.1);
    first
        .split_once(split.as_str())
        .ok_or_else(|| format!("`{text}` has no line `{}`", marks.1))
}

/// The note of a place that is the whole of what is checked.
fn whole_note(place: Place, lang: Lang) -> String {
    match place {
        Place::File => tr!(
            lang,
            "文件的字节内容（\\xNN 表示一个字节）。",
            "The bytes of a file (\\xNN stands for one byte)."
        ),
        Place::Command => tr!(lang, "命令行。", "A command line."),
        Place::Excerpt => tr!(lang, "报告摘录。", "An excerpt of a report."),
        _ => tr!(lang, "全文。", "The whole text."),
    }
}

/// The opening of the note of an example placed in the host report.
fn host_note(lang: Lang) -> String {
    tr!(
        lang,
        "放入一份完整的{}年度报告（各统计表数字均为0），",
        "In a complete report for {} (every table cell 0), ",
        EXAMPLE_YEAR
    )
}

/// Where in a report an example placed in one stands; `None` for the
/// places that are the whole of what is checked.
fn place_note(place: Place, lang: Lang) -> Option<String> {
    Some(match place {
        Place::Head => tr!(
            lang,
            "替换其标题和开头段落。",
            "in place of its title and opening paragraph."
        ),
        Place::Opening => tr!(
            lang,
            "替换其开头段落（标题与“一、总体情况”之间）。",
            "in place of its opening paragraph (between the title and section 一)."
        ),
        Place::Sections(from, to) if from == to => tr!(
            lang,
            "替换其第{}部分。",
            "in place of its section {}.",
            numeral(from)
        ),
        Place::Sections(from, to) => tr!(
            lang,
            "替换其第{}至第{}部分。",
            "in place of its sections {} to {}.",
            numeral(from),
            numeral(to)
        ),
        Place::Rows => tr!(
            lang,
            "替换其统计表中首列相同的行；单独一行“……”表示其间各行照旧。",
            "in place of the table rows with the same first cells; a line …… keeps the rows in between."
        ),
        _ => return None,
    })
}

/// What a check is given for `text` standing at `place` of `host` (a place
/// in one report).
fn trial_in(place: Place, host: &str, text: &str) -> Result<Option<Trial>, String> {
    let (start, end) = match place {
        Place::Command | Place::Excerpt => return Ok(None),
        Place::File => return unescape(text).map(|bytes| Some(Trial::Bytes(bytes))),
        Place::Rows => return rows_in(host, text).map(Some),
        Place::Whole => {
            return Ok(Some(Trial::Text {
                text: text.to_owned(),
                span: Span::new(0, text.len()),
            }))
        }
        Place::Head => (0, section_start(host, 1)?),
        Place::Opening => (
            host.find('\n').map_or(0, |i| i + 1),
            section_start(host, 1)?,
        ),
        Place::Sections(from, to) => {
            let end = if to == 6 {
                host.len()
            } else {
                section_start(host, to + 1)?
            };
            (section_start(host, from)?, end)
        }
        Place::YearRows | Place::YearSections(..) | Place::AgencySections(..) => {
            return Err("a place of two reports in one".to_owned())
        }
    };
    let mut out = String::with_capacity(host.len() + text.len());
    out.push_str(&host[..start]);
    let span = Span::new(out.len(), text.len());
    out.push_str(text);
    out.push('\n');
    out.push_str(&host[end..]);
    Ok(Some(Trial::Text { text: out, span }))
}

impl fmt::Display for Example {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The report text examples are placed in: a complete report for
/// [`EXAMPLE_YEAR`] with Markdown tables, every table cell 0 and full-width
/// punctuation, which no rule reports anything in.
pub fn host_report() -> String {
    full_width(&SynthReport::quiet(HOST_AGENCY, EXAMPLE_YEAR))
}

/// The agency of the host report.
const HOST_AGENCY: &str = "示例县城关镇人民政府";

/// The host agency's report of the year before [`EXAMPLE_YEAR`], in words
/// of its own (its prose shares no passage with [`host_report`]'s).
pub fn previous_host_report() -> String {
    let mut report = SynthReport::quiet(HOST_AGENCY, EXAMPLE_YEAR - 1);
    report.prose = Some(Prose::varied(&mut Rng::new(1), HOST_AGENCY));
    full_width(&report)
}

/// Another agency's report of [`EXAMPLE_YEAR`], in words of its own.
pub fn other_agency_host_report() -> String {
    let agency = "示例县东河乡人民政府";
    let mut report = SynthReport::quiet(agency, EXAMPLE_YEAR);
    report.prose = Some(Prose::varied(&mut Rng::new(2), agency));
    full_width(&report)
}

/// A report in Markdown with full-width punctuation.
fn full_width(report: &SynthReport) -> String {
    report
        .render(Rendering::Markdown)
        .chars()
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            other => other,
        })
        .collect()
}

fn numeral(n: u8) -> &'static str {
    NUMERALS
        .get(usize::from(n).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// The offset of the heading of section `n` (1–6) in the host report.
fn section_start(host: &str, n: u8) -> Result<usize, String> {
    let heading = format!("\n{}、", numeral(n));
    host.find(&heading)
        .map(|i| i + 1)
        .ok_or_else(|| format!("the host report has no section {n}"))
}

/// The first cell of a Markdown table row.
fn first_cell(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix('|')?;
    rest.split('|').next().map(str::trim)
}

/// The first cell of an example row.
fn row_key(row: &str) -> Result<&str, String> {
    first_cell(row).ok_or_else(|| format!("`{row}` is not a table row"))
}

/// The host report with the rows of `example` in place of its own (see
/// [`Place::Rows`]).
fn rows_in(host: &str, example: &str) -> Result<Trial, String> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in host.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        lines.push((start, start + body.len(), first_cell(body)));
        start += line.len();
    }
    let mut out = String::with_capacity(host.len() + example.len());
    let (mut done, mut cursor) = (0, 0);
    let mut span: Option<Span> = None;
    let runs: Vec<&str> = example.split("\n……\n").collect();
    for run in runs {
        let rows: Vec<&str> = run.lines().collect();
        if rows.is_empty() {
            return Err(format!("an empty run of rows in `{example}`"));
        }
        let (first, last) = (row_key(rows[0])?, row_key(rows[rows.len() - 1])?);
        let find = |from: usize, key: &str| {
            let key = canon(key);
            (from..lines.len())
                .find(|&i| lines[i].2.is_some_and(|cell| canon(cell) == key))
                .ok_or_else(|| format!("the host report has no row `{key}` after line {from}"))
        };
        let i = find(cursor, first)?;
        let j = find(i, last)?;
        out.push_str(&host[done..lines[i].0]);
        let here = Span::new(out.len(), run.len());
        out.push_str(run);
        span = Some(span.map_or(here, |s| s.cover(here)));
        done = lines[j].1;
        cursor = j + 1;
    }
    out.push_str(&host[done..]);
    Ok(Trial::Text {
        text: out,
        span: span.unwrap_or_default(),
    })
}

/// The bytes of `text`, with `\xNN` standing for one byte.
fn unescape(text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\\x") {
        out.extend_from_slice(&rest.as_bytes()[..at]);
        let hex = rest
            .get(at + 2..at + 4)
            .ok_or_else(|| format!("`\\x` needs two hex digits in `{text}`"))?;
        let byte = u8::from_str_radix(hex, 16).map_err(|_| format!("`\\x{hex}` is not a byte"))?;
        out.push(byte);
        rest = &rest[at + 4..];
    }
    out.extend_from_slice(rest.as_bytes());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(example: &Example) -> (String, Span) {
        match example.trial().unwrap().unwrap() {
            Trial::Text { text, span } => (text, span),
            Trial::Bytes(_) | Trial::Pair { .. } => panic!("not one text"),
        }
    }

    #[test]
    fn sections_replace_headings_and_bodies() {
        let example = Example {
            place: Place::Sections(3, 5),
            text: "三、甲\n五、乙".into(),
        };
        let (text, span) = text_of(&example);
        assert_eq!(span.slice(&text), "三、甲\n五、乙");
        assert!(text.contains("二、主动公开政府信息情况"));
        assert!(!text.contains("四、政府信息公开行政复议"));
        assert!(text.contains("五、乙\n六、其他需要报告的事项"));
    }

    #[test]
    fn rows_replace_from_first_to_last_and_dots_keep_the_rest() {
        let example = Example {
            place: Place::Rows,
            text: "| (一)予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n……\n| (七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |".into(),
        };
        let (text, span) = text_of(&example);
        assert!(!text.contains("(二)部分公开"));
        assert!(text.contains("2.其他法律行政法规禁止公开"));
        assert!(text.contains("| (七)总计 | 1 |"));
        assert!(span.slice(&text).starts_with("| (一)予以公开 | 1 |"));
        assert!(span
            .slice(&text)
            .ends_with("| (七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"));
        let unknown = Example {
            place: Place::Rows,
            text: "| 没有这一行 | 0 |".into(),
        };
        assert!(unknown.trial().is_err());
    }

    #[test]
    fn file_examples_unescape_bytes() {
        let example = Example {
            place: Place::File,
            text: "PK\\x03\\x04报".into(),
        };
        let Some(Trial::Bytes(bytes)) = example.trial().unwrap() else {
            panic!("not bytes");
        };
        assert_eq!(bytes, [b"PK\x03\x04", "报".as_bytes()].concat());
        assert!(Example {
            place: Place::File,
            text: "\\xZZ".into()
        }
        .trial()
        .is_err());
    }

    #[test]
    fn commands_and_excerpts_are_not_run() {
        assert_eq!(Example::excerpt("……").trial(), Ok(None));
    }
}
