//! The text `pdftotext -layout` writes, made into report text: pages (ended
//! by form feeds) joined, page numbers at the top or foot of a page
//! (`— 3 —`, `第 3 页 共 9 页`) dropped, a paragraph's lines wrapped at the
//! margin joined into one line, the single spaces `pdftotext` puts around
//! figures in Chinese text (`申请 12 件`) dropped. Rows of space-aligned
//! tables are kept as they are, indentation included: their columns are
//! how they are read. Every run of the text is a verbatim run of the
//! output ([`Piece`]) and knows its page and line ([`Region`]), so that
//! positions stay true.

use std::sync::LazyLock;

use regex::Regex;
use unicode_width::UnicodeWidthStr;

use crate::location::{Location, Region};
use crate::parse::{has_column_gap, segments};
use crate::source_map::Piece;
use crate::span::Span;

/// The report text made of a `pdftotext` output.
#[derive(Debug, Default)]
pub(super) struct PageText {
    /// The text the grammar reads.
    pub text: String,
    /// Its runs in the output.
    pub pieces: Vec<Piece>,
    /// The page and line of each run.
    pub regions: Vec<Region>,
}

/// One line of the output.
#[derive(Debug, Clone, Copy)]
struct OutputLine<'o> {
    /// 1-based page.
    page: usize,
    /// 1-based line on the page.
    line: usize,
    /// Byte offset in the output.
    offset: usize,
    /// The line without its line break, form feed or carriage return.
    raw: &'o str,
}

impl OutputLine<'_> {
    fn is_blank(&self) -> bool {
        self.raw.trim().is_empty()
    }

    /// Whether it is a row of a space-aligned table (cells set apart by
    /// two blanks or more): kept as it is.
    fn is_layout(&self) -> bool {
        has_column_gap(&segments(self.raw, Span::new(0, self.raw.len())))
    }

    fn indent(&self) -> usize {
        self.raw.len() - self.raw.trim_start().len()
    }

    fn width(&self) -> usize {
        self.raw.trim_end().width()
    }
}

/// The lines of each page of `output`.
fn pages(output: &str) -> Vec<Vec<OutputLine<'_>>> {
    let mut pages = Vec::new();
    let mut offset = 0;
    for (index, page) in output.split('\u{c}').enumerate() {
        let mut lines = Vec::new();
        let mut start = offset;
        for (number, raw) in page.split('\n').enumerate() {
            lines.push(OutputLine {
                page: index + 1,
                line: number + 1,
                offset: start,
                raw: raw.strip_suffix('\r').unwrap_or(raw),
            });
            start += raw.len() + 1;
        }
        // The part after a page's last line break is no line.
        if lines.last().is_some_and(|line| line.raw.is_empty()) {
            lines.pop();
        }
        pages.push(lines);
        offset += page.len() + 1;
    }
    pages
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[-—–－‒―]+\s*\d{1,4}\s*[-—–－‒―]+",
        r"|第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?",
        r"|\d{1,4}\s*/\s*\d{1,4}",
        r"|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?)$"
    ))
    .expect("valid regex")
});

/// A bare page number (`3`) is taken only this far from the left margin
/// (centred or set right), and only as large as the page count allows.
const BARE_NUMBER_INDENT: usize = 8;

/// Whether `line` is a page number of a document of `pages` pages.
fn is_page_number(line: &OutputLine<'_>, pages: usize) -> bool {
    let trimmed = line.raw.trim();
    if PAGE_NUMBER.is_match(trimmed) {
        return true;
    }
    line.indent() >= BARE_NUMBER_INDENT
        && trimmed.len() <= 4
        && trimmed
            .parse::<usize>()
            .is_ok_and(|number| number <= pages + 5)
}

/// The lines of all pages in order, without each page's page numbers (its
/// first or last line) and the blank lines at the top and foot of pages.
fn body_lines<'o>(pages: &[Vec<OutputLine<'o>>]) -> Vec<OutputLine<'o>> {
    let count = pages.len();
    let mut lines = Vec::new();
    for page in pages {
        let filled: Vec<usize> = (0..page.len()).filter(|&i| !page[i].is_blank()).collect();
        let (Some(&first), Some(&last)) = (filled.first(), filled.last()) else {
            continue;
        };
        let mut range = first..last + 1;
        if is_page_number(&page[last], count) {
            range.end = filled
                .iter()
                .rev()
                .nth(1)
                .map_or(range.start, |&i| i + 1)
                .max(range.start);
        }
        if range.start < range.end && is_page_number(&page[first], count) {
            range.start = filled.get(1).copied().unwrap_or(range.end).min(range.end);
        }
        lines.extend_from_slice(&page[range]);
    }
    lines
}

/// A line shorter than this (in characters) is no full line of prose:
/// a heading, a signature, a piece of a table.
const MIN_PROSE_CHARS: usize = 20;

/// The width of the text column: what most full lines of prose reach (the
/// 90th percentile of the widths of prose lines of [`MIN_PROSE_CHARS`] or
/// more); 0 when there are none.
fn column_width(lines: &[OutputLine<'_>]) -> usize {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|line| !line.is_layout() && line.raw.trim().chars().count() >= MIN_PROSE_CHARS)
        .map(OutputLine::width)
        .collect();
    widths.sort_unstable();
    widths
        .get(widths.len().saturating_sub(1) * 9 / 10)
        .copied()
        .unwrap_or(0)
}

/// Whether `next` continues the paragraph of `line`: both prose, `line` a
/// full line of a sentence (punctuated: a title or a heading as wide as
/// the column has no comma) reaching the margin (four fifths of the column
/// at least) without ending its sentence, `next` not indented.
fn continues(line: &OutputLine<'_>, next: &OutputLine<'_>, column: usize) -> bool {
    column > 0
        && line.raw.trim().chars().count() >= MIN_PROSE_CHARS
        && line.raw.contains([
            '，', '、', '；', '：', ',', ';', ':', '《', '》', '〈', '〉', '（', '）', '(', ')',
            '“', '”',
        ])
        && !line.is_blank()
        && !next.is_blank()
        && !line.is_layout()
        && !next.is_layout()
        && next.indent() < 2
        && !next.raw.starts_with('\u{3000}')
        && line.width() * 5 >= column * 4
        && !line.raw.trim_end().ends_with(['。', '！', '？', '!', '?'])
}

/// Makes report text of `pdftotext`'s `output`.
pub(super) fn page_text(output: &str) -> PageText {
    let pages = pages(output);
    let lines = body_lines(&pages);
    let column = column_width(&lines);
    let mut out = PageText::default();
    let mut index = 0;
    while index < lines.len() {
        let mut paragraph = vec![lines[index]];
        while index + 1 < lines.len() && continues(&lines[index], &lines[index + 1], column) {
            index += 1;
            paragraph.push(lines[index]);
        }
        if paragraph[0].is_layout() {
            push_verbatim(&mut out, &paragraph[0]);
        } else {
            push_prose(&mut out, &paragraph);
        }
        out.text.push('\n');
        index += 1;
    }
    out
}

/// A table row, as it is (without trailing blanks).
fn push_verbatim(out: &mut PageText, line: &OutputLine<'_>) {
    push_run(out, line, 0, line.raw.trim_end().len());
}

/// Appends `line.raw[from..to]` as a run of the output.
fn push_run(out: &mut PageText, line: &OutputLine<'_>, from: usize, to: usize) {
    if from >= to {
        return;
    }
    let start = out.text.len();
    out.text.push_str(&line.raw[from..to]);
    out.pieces.push(Piece {
        text: start,
        original: line.offset + from,
        len: to - from,
    });
    out.regions.push(Region {
        start,
        end: start + (to - from),
        location: Location::Page {
            page: line.page,
            line: line.line,
        },
    });
}

/// The lines of one paragraph as one line: each line's text (the first's
/// indentation kept, the others' dropped), a space between two lines only
/// where Latin letters or digits meet, and without the single spaces that
/// set a figure or a Latin word apart from Chinese on both sides.
fn push_prose(out: &mut PageText, paragraph: &[OutputLine<'_>]) {
    // (line, byte range in its raw text) of every kept run.
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    let mut chars: Vec<(usize, usize, char)> = Vec::new();
    for (number, line) in paragraph.iter().enumerate() {
        let raw = line.raw.trim_end();
        let from = if number == 0 { 0 } else { line.indent() };
        if let (Some(&(_, _, last)), Some(first)) = (chars.last(), raw[from..].chars().next()) {
            if last.is_ascii_alphanumeric() && first.is_ascii_alphanumeric() {
                // A generated space: no line, no offset.
                chars.push((usize::MAX, 0, ' '));
            }
        }
        chars.extend(
            raw[from..]
                .char_indices()
                .map(|(i, c)| (number, from + i, c)),
        );
    }
    let removable = removable_spaces(&chars);
    let mut at = 0;
    while at < chars.len() {
        let (line, offset, c) = chars[at];
        if removable[at] {
            at += 1;
            continue;
        }
        if line == usize::MAX {
            flush(out, paragraph, &mut runs);
            out.text.push(c);
            at += 1;
            continue;
        }
        match runs.last_mut() {
            Some((run_line, _, end)) if *run_line == line && *end == offset => {
                *end += c.len_utf8();
            }
            _ => runs.push((line, offset, offset + c.len_utf8())),
        }
        at += 1;
        if at == chars.len() || chars[at].0 != line || removable[at] {
            flush(out, paragraph, &mut runs);
        }
    }
    flush(out, paragraph, &mut runs);
}

fn flush(out: &mut PageText, paragraph: &[OutputLine<'_>], runs: &mut Vec<(usize, usize, usize)>) {
    for (line, from, to) in runs.drain(..) {
        push_run(out, &paragraph[line], from, to);
    }
}

/// Characters a Chinese text is set in: ideographs, CJK and full-width punctuation.
fn is_wide(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ffef}' | '“' | '”' | '‘' | '’' | '—' | '…')
}

/// Which of `chars` are single spaces between Chinese text and a figure or
/// a Latin word (ASCII letters and digits, with `.` `%` `/` `:` `-` `,`
/// inside) that has Chinese on both sides, across at most one space each
/// (`申请 12 件`, `第 711 号`, `2024 年 1 月`). A numbering (`4.无正当…`)
/// is no such word: a dot, not Chinese, follows it.
fn removable_spaces(chars: &[(usize, usize, char)]) -> Vec<bool> {
    let mut removable = vec![false; chars.len()];
    let c = |i: usize| chars[i].2;
    let inner =
        |ch: char| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '%' | '/' | ':' | '-' | ',');
    let mut i = 0;
    while i < chars.len() {
        if !inner(c(i)) {
            i += 1;
            continue;
        }
        let run = i;
        while i < chars.len() && inner(c(i)) {
            i += 1;
        }
        // The word: from its first letter or digit to its last (or `%`).
        let Some(start) = (run..i).find(|&j| c(j).is_ascii_alphanumeric()) else {
            continue;
        };
        let end = (start..i)
            .rev()
            .find(|&j| c(j).is_ascii_alphanumeric() || c(j) == '%')
            .map_or(start + 1, |j| j + 1);
        // The Chinese character on each side, across one space at most.
        let left = match start.checked_sub(1) {
            Some(l) if c(l) == ' ' => l
                .checked_sub(1)
                .filter(|&ll| is_wide(c(ll)))
                .map(|_| Some(l)),
            Some(l) if is_wide(c(l)) => Some(None),
            _ => None,
        };
        let right = match chars.get(end).map(|ch| ch.2) {
            Some(' ') => chars
                .get(end + 1)
                .filter(|ch| is_wide(ch.2))
                .map(|_| Some(end)),
            Some(ch) if is_wide(ch) => Some(None),
            _ => None,
        };
        if let (Some(left), Some(right)) = (left, right) {
            for space in [left, right].into_iter().flatten() {
                removable[space] = true;
            }
        }
    }
    removable
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(output: &str) -> String {
        page_text(output).text
    }

    #[test]
    fn pages_join_without_their_numbers() {
        let output = "一、总体情况\n\n        — 1 —\n\u{c}第 2 页 共 3 页\n二、主动公开\n\n\n            2\n\u{c}三、收到\n\u{c}";
        assert_eq!(text(output), "一、总体情况\n二、主动公开\n三、收到\n");
    }

    #[test]
    fn a_paragraph_wrapped_at_the_margin_is_one_line() {
        let output = concat!(
            "  本单位通过门户网站及时发布政策文件和工作动态，主动公开政府信息。本年度共收\n",
            "到政府信息公开申请 12 件，均在法定期限内答复，所列数据统计期限为 2024 年 1\n",
            "月 1 日至 2024 年 12 月 31 日。\n",
            "  第二段。\n",
        );
        assert_eq!(
            text(output),
            "  本单位通过门户网站及时发布政策文件和工作动态，主动公开政府信息。本年度共收到政府信息公开申请12件，均在法定期限内答复，所列数据统计期限为2024年1月1日至2024年12月31日。\n  第二段。\n"
        );
    }

    #[test]
    fn a_title_as_wide_as_the_text_is_not_joined_to_it() {
        let output = concat!(
            "青溪县兰桥镇人民政府二〇二四年度政府信息公开工作年度报告\n",
            "本年度报告根据《中华人民共和国政府信息公开条例》编制，全文包括\n",
            "总体情况等六个部分。\n",
        );
        assert_eq!(
            text(output),
            "青溪县兰桥镇人民政府二〇二四年度政府信息公开工作年度报告\n本年度报告根据《中华人民共和国政府信息公开条例》编制，全文包括总体情况等六个部分。\n"
        );
    }

    #[test]
    fn table_rows_stay_as_they_are() {
        let output = "规章       3        0       12\n行政事业性收费 0\n  他处理 用、行政机关不再处理其政府信息公 0      0\n     予处 4.无正当理由大量反复申\n  办理结果 (二)部分公开\n规章 3 0 12\n";
        assert_eq!(text(output), output);
    }

    #[test]
    fn every_run_maps_to_its_page_and_line() {
        let output = "标题\n\u{c}\n  正文 12 件\n";
        let page = page_text(output);
        assert_eq!(page.text, "标题\n  正文12件\n");
        let runs: Vec<(&str, &str, Location)> = page
            .pieces
            .iter()
            .zip(&page.regions)
            .map(|(piece, region)| {
                (
                    &page.text[piece.text..piece.text + piece.len],
                    &output[piece.original..piece.original + piece.len],
                    region.location.clone(),
                )
            })
            .collect();
        let at = |line| Location::Page { page: 2, line };
        assert_eq!(
            runs,
            [
                ("标题", "标题", Location::Page { page: 1, line: 1 }),
                ("  正文", "  正文", at(2)),
                ("12", "12", at(2)),
                ("件", "件", at(2)),
            ]
        );
    }

    #[test]
    fn latin_words_broken_at_the_margin_keep_a_space() {
        let wide = "这是一段很长的文字，".repeat(4);
        let output = format!("{wide}见 www\nexample.org 网站。\n");
        assert_eq!(text(&output), format!("{wide}见 www example.org 网站。\n"));
    }
}
