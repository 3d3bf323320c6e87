//! Headings that do not stand alone on their line. Web pages and
//! document-sharing sites run a heading into its text (`一、总体情况 2021年,
//! 我局…`), or deliver the whole report on a handful of lines (`…编制。
//! 一、总体情况 …。 二、主动公开政府信息情况`); pandoc closes a bold heading
//! and may go on (`**一、总体情况** 2021年…`). Where a heading of the
//! format stands so, the line is split before and after it, and the
//! sections are read as if each heading stood on its own line.
//!
//! Precision first: inside a line only a heading of the format, with its
//! own numeral (`二、` for 主动公开政府信息情况), set apart by white space
//! after the end of a sentence (or a closing bracket, or the title), and
//! not followed by another numbered heading (a contents list), counts. A
//! sentence that mentions `一、…` does not.

use super::format::Format;
use crate::normalize::{canon, is_numeral_char as is_numeral};
use crate::parse::{numeral_value, Document, LineKind};

/// A heading run into a line is at most this long, in characters, without
/// its numeral (the format's longest is 19).
const MAX_HEADING_CHARS: usize = 24;

/// A line with a heading at its start is left whole when the text after the
/// heading is no sentence and the line is at most this long (in characters):
/// `二、主动公开政府信息 情况` is one heading with a space in it.
const MAX_WHOLE_HEADING_CHARS: usize = 40;

/// Splits the lines of `doc` where a heading of `format` starts or ends inside one.
pub(super) fn split_run_in_headings(text: &str, doc: &mut Document, format: &Format) {
    let mut cuts = Vec::new();
    for line in &doc.lines {
        if matches!(
            line.kind,
            LineKind::Blank | LineKind::Table | LineKind::Aligned
        ) {
            continue;
        }
        let raw = line.span.slice(text);
        let indent = raw.len() - raw.trim_start_matches(is_blank).len();
        let starts = matches!(line.kind, LineKind::SectionHeading(_))
            .then_some(indent)
            .into_iter()
            .chain(inner_starts(raw));
        let mut scanned = 0;
        for start in starts {
            if start < scanned {
                continue;
            }
            let Some(heading) = heading_at(raw, start, format) else {
                continue;
            };
            let inner = start > indent;
            if inner && starts_numbered(&raw[heading.next..]) {
                continue;
            }
            let rest = &raw[heading.next..];
            let whole_line = !inner
                && !heading.bold
                && !is_sentence(rest)
                && raw.chars().count() <= MAX_WHOLE_HEADING_CHARS;
            if inner {
                cuts.push(line.span.offset + start);
            }
            if !rest.is_empty() && !whole_line {
                cuts.push(line.span.offset + heading.next);
            }
            scanned = heading.next;
        }
    }
    doc.split_lines(text, &cuts);
}

/// A heading found in a line.
struct Heading {
    /// Where the text after it starts (past its closing `**` and white space).
    next: usize,
    /// Whether it is set in `**…**`.
    bold: bool,
}

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

/// Where a heading may start inside `raw`: a numeral (or `**` before one)
/// after white space that follows the end of a sentence, a closing
/// bracket, or a title (`…年度报告`).
fn inner_starts(raw: &str) -> impl Iterator<Item = usize> + '_ {
    raw.char_indices().filter_map(move |(i, c)| {
        let start = match c {
            '*' if raw[i..].starts_with("**") && raw[i + 2..].starts_with(is_numeral) => i,
            c if is_numeral(c) && !raw[..i].ends_with("**") => i,
            _ => return None,
        };
        let before = &raw[..start];
        let text = before.trim_end_matches(is_blank);
        let spaced = text.len() < before.len();
        let after_sentence = text.ends_with([
            '。', '！', '？', '!', '?', '；', ';', ')', '）', '】', ']', '》', '”', '"',
        ]) || text.ends_with("报告");
        (spaced && after_sentence).then_some(start)
    })
}

/// Whether `rest` opens with a numbered heading (`三、…`): the next item of
/// a contents list.
fn starts_numbered(rest: &str) -> bool {
    let rest = rest.trim_start_matches('*');
    let numerals = rest.len() - rest.trim_start_matches(is_numeral).len();
    numerals > 0 && rest[numerals..].starts_with(['、', '.', '．'])
}

/// Whether the text after a heading reads as a sentence, not as the rest
/// of the heading.
fn is_sentence(rest: &str) -> bool {
    rest.contains(['。', ',', '，', ';', '；', ':', '：', '!', '！', '?', '？'])
        || rest.starts_with(['(', '（'])
}

/// The heading of `format` at `start` of `raw`, if one stands there: an
/// optional `**`, its own numeral, `、` (or `.`), and its text up to white
/// space, a closing `**` or the line's end.
fn heading_at(raw: &str, start: usize, format: &Format) -> Option<Heading> {
    let mut at = start;
    at += raw[at..].len() - raw[at..].trim_start_matches('#').len();
    at += raw[at..].len() - raw[at..].trim_start_matches(is_blank).len();
    let bold = raw[at..].starts_with("**");
    if bold {
        at += 2;
    }
    let numbering = at;
    let numeral_len = raw[at..].len() - raw[at..].trim_start_matches(is_numeral).len();
    let numeral = numeral_value(&raw[at..at + numeral_len]);
    at += numeral_len;
    at += raw[at..].len() - raw[at..].trim_start_matches(is_blank).len();
    let separator = raw[at..].chars().next().filter(|c| "、.．".contains(*c))?;
    at += separator.len_utf8();
    at += raw[at..].len() - raw[at..].trim_start_matches(is_blank).len();
    let head_len = raw[at..]
        .find(|c: char| is_blank(c) || c == '*')
        .unwrap_or(raw.len() - at);
    let head = &raw[at..at + head_len];
    let folded = canon(head);
    let chars = folded.chars().count();
    let numbered_inside = head
        .char_indices()
        .any(|(i, c)| is_numeral(c) && head[i + c.len_utf8()..].starts_with(['、', '.', '．']));
    if numeral == 0
        || chars == 0
        || chars > MAX_HEADING_CHARS
        || numbered_inside
        || is_sentence(head)
    {
        return None;
    }
    let spec = format.section_for_heading(&folded)?;
    if spec.number != numeral || format.is_table_label(&canon(&raw[numbering..at + head_len])) {
        return None;
    }
    let mut next = at + head_len;
    if raw[next..].starts_with("**") {
        next += 2;
    }
    next += raw[next..].len() - raw[next..].trim_start_matches(is_blank).len();
    Some(Heading { next, bold })
}

#[cfg(test)]
mod tests {
    use crate::{LintOptions, Linter, SourceFile};

    /// The section headings read from `text`, as they stand.
    fn headings(text: &str) -> Vec<String> {
        let linter = Linter::new(LintOptions::default());
        let analysis = linter.analyze(&SourceFile::from_text("t.txt", text));
        analysis
            .report
            .sections
            .iter()
            .map(|s| s.heading.value.clone())
            .collect()
    }

    #[test]
    fn a_heading_run_into_its_text_is_a_heading() {
        assert_eq!(
            headings("一、总体情况 2024年,本局认真落实条例,主动公开政府信息。\n"),
            ["一、总体情况"]
        );
        assert_eq!(
            headings("**一、总体情况** 2024年,本局认真落实条例。\n"),
            ["一、总体情况"]
        );
        assert_eq!(
            headings("五、存在的主要问题及改进情况 一是公开不够及时。 六、其他需要报告的事项 无。"),
            ["五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
        );
    }

    #[test]
    fn a_heading_inside_a_flattened_line_is_a_heading() {
        let text = "某局2024年政府信息公开工作年度报告 本报告依据条例编制。 一、总体情况 (一)主动公开情况 本局公开信息12条。 二、主动公开政府信息情况\n";
        assert_eq!(headings(text), ["一、总体情况", "二、主动公开政府信息情况"]);
    }

    #[test]
    fn a_mention_in_prose_is_no_heading() {
        for text in [
            "一、总体情况\n按照 二、主动公开政府信息情况 的要求公开。\n",
            "一、总体情况\n全文包括 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况。\n",
            "一、总体情况\n本年度。 一、主动公开 本局公开信息12条。\n",
            "一、总体情况\n本年度。 三、主动公开政府信息情况 见下表。\n",
        ] {
            assert_eq!(headings(text), ["一、总体情况"], "{text}");
        }
    }

    #[test]
    fn a_heading_with_a_space_inside_stays_whole() {
        assert_eq!(
            headings("二、主动公开政府信息 情况\n"),
            ["二、主动公开政府信息 情况"]
        );
    }
}
