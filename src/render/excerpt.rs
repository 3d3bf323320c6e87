//! The part of a report that one diagnostic shows in the human format.
//!
//! miette is not given the report but an excerpt of it: the lines of the
//! diagnostic's labels with one line of context around them, each cut to a
//! window of the output width around its labelled text (`…` marks a side
//! that was cut), control characters escaped. So miette never sees a long
//! line (its column arithmetic fails past 65,535 columns, and a line wider
//! than the terminal wraps and puts the underline after its last row), a
//! terminal never obeys an escape sequence from a report, and the work per
//! diagnostic is bounded by the width: the lines are found with the line
//! index instead of being counted from the start of the text.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use unicode_width::UnicodeWidthChar;

use super::escape::is_escaped;
use crate::line_index::Position;
use crate::source::SourceFile;
use crate::span::Span;

/// Marks a side of a line cut off by its window.
const CUT: &str = "…";
/// The columns a tab may take (miette expands it to the next multiple of 4).
const TAB: usize = 4;
/// The narrowest window, however narrow the output.
const MIN_WINDOW: usize = 20;
/// The widest window, however wide the output: miette formats columns with
/// `{:width$}`, which fails past 65,535.
const MAX_WINDOW: usize = 4096;
/// The narrowest part of a window given to one group of labels.
const MIN_SHARE: usize = 12;

/// One line of the report as the excerpt shows it.
#[derive(Debug)]
struct Row {
    /// Excerpt offset where the row starts.
    start: usize,
    /// Excerpt offset after its `\n` (none on the report's last line).
    end: usize,
    /// 0-based line in the report.
    line: usize,
    /// The first and last row of the run of consecutive lines it is in.
    run: (usize, usize),
}

/// A label placed in the excerpt, with the true position of its start.
#[derive(Debug)]
struct Placed {
    span: SourceSpan,
    start: Position,
}

/// The rows one diagnostic shows, as miette reads them.
#[derive(Debug)]
pub(super) struct Excerpt {
    /// The rows, windowed and escaped, each ending in `\n`.
    text: String,
    rows: Vec<Row>,
    /// One per span given to [`Excerpt::new`], in the same order.
    placed: Vec<Placed>,
    /// The path shown in the snippet header.
    name: String,
}

impl Excerpt {
    /// The excerpt showing `labels` of `source` (each a span and the columns
    /// its label text takes; the primary first), for output `width` columns
    /// wide, headed by `name`.
    pub(super) fn new(
        source: &SourceFile,
        labels: &[(Span, usize)],
        width: usize,
        name: String,
    ) -> Self {
        let text = source.text.as_str();
        let last_line = source.lines.line_count().saturating_sub(1);
        let spans: Vec<(usize, usize)> = labels.iter().map(|l| clamp(text, l.0)).collect();
        let lines: Vec<(usize, usize)> = spans
            .iter()
            .map(|&(start, end)| {
                let first = source.lines.line_of(start);
                let last = source
                    .lines
                    .line_of(if end > start { end - 1 } else { start });
                (first, last.max(first))
            })
            .collect();
        // Runs of consecutive lines: every label's lines and one line around them.
        let mut runs: Vec<(usize, usize)> = lines
            .iter()
            .map(|&(first, last)| (first.saturating_sub(1), (last + 1).min(last_line)))
            .collect();
        runs.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(runs.len());
        for run in runs {
            match merged.last_mut() {
                Some(last) if run.0 <= last.1 + 1 => last.1 = last.1.max(run.1),
                _ => merged.push(run),
            }
        }
        // What miette puts left of a row: the line number, ` │ `, and the
        // gutter of labels that span lines.
        let digits = merged.last().map_or(1, |run| (run.1 + 1).to_string().len());
        let multiline = lines.iter().filter(|(first, last)| first != last).count();
        let gutter = if multiline > 0 { multiline + 3 } else { 0 };
        let budget = width
            .saturating_sub(digits + 4 + gutter)
            .clamp(MIN_WINDOW, MAX_WINDOW);

        let mut excerpt = Excerpt {
            text: String::new(),
            rows: Vec::new(),
            placed: Vec::new(),
            name,
        };
        let mut starts = vec![0; spans.len()];
        let mut ends = vec![0; spans.len()];
        // The labels by first line, and those on the current line.
        let mut waiting: Vec<usize> = (0..spans.len()).collect();
        waiting.sort_by_key(|&i| std::cmp::Reverse(lines[i].0));
        let mut active: Vec<usize> = Vec::new();
        for (first, last) in merged {
            let first_row = excerpt.rows.len();
            for line in first..=last {
                let (line_start, line_end, has_break) = bounds(source, line);
                let shown = &text[line_start..line_end];
                while let Some(&i) = waiting.last().filter(|&&i| lines[i].0 <= line) {
                    waiting.pop();
                    active.push(i);
                }
                active.retain(|&i| lines[i].1 >= line);
                active.sort_unstable();
                // The labelled part of this line, per label, the primary first.
                let marks: Vec<(usize, Mark)> = active
                    .iter()
                    .map(|&i| {
                        let ((start, end), lines) = (spans[i], lines[i]);
                        let from = start.clamp(line_start, line_end) - line_start;
                        let to = end.clamp(line_start, line_end) - line_start;
                        // miette writes a label under a span on one line only.
                        let room = if lines.0 == lines.1 { labels[i].1 } else { 0 };
                        (
                            i,
                            Mark {
                                from,
                                to: to.max(from),
                                room,
                            },
                        )
                    })
                    .collect();
                let on_line: Vec<Mark> = marks.iter().map(|m| m.1).collect();
                let segments = window(shown, &on_line, budget);
                let row_start = excerpt.text.len();
                let views = show(shown, &segments, &mut excerpt.text);
                let row_len = excerpt.text.len() - row_start;
                let place = |at: usize, is_end: bool| {
                    if at > line_end {
                        row_start + row_len + usize::from(is_end && has_break)
                    } else {
                        let at = at.max(line_start) - line_start;
                        row_start + map(shown, &segments, &views, row_len, at, is_end)
                    }
                };
                for (i, _) in &marks {
                    let (start, end) = spans[*i];
                    if lines[*i].0 == line {
                        starts[*i] = place(start, false);
                    }
                    if lines[*i].1 == line {
                        ends[*i] = place(end, true);
                    }
                }
                if has_break {
                    excerpt.text.push('\n');
                }
                excerpt.rows.push(Row {
                    start: row_start,
                    end: excerpt.text.len(),
                    line,
                    run: (0, 0),
                });
            }
            let run = (first_row, excerpt.rows.len() - 1);
            for row in &mut excerpt.rows[first_row..] {
                row.run = run;
            }
        }
        excerpt.placed = spans
            .iter()
            .zip(starts.iter().zip(&ends))
            .map(|(&(start, _), (&from, &to))| Placed {
                span: (from, to.max(from) - from).into(),
                start: source.position(start),
            })
            .collect();
        excerpt
    }

    /// Where the `i`-th span given to [`Excerpt::new`] is in the excerpt.
    pub(super) fn span(&self, i: usize) -> SourceSpan {
        self.placed
            .get(i)
            .map_or_else(|| (0, 0).into(), |placed| placed.span)
    }

    /// The row containing excerpt offset `at`.
    fn row_of(&self, at: usize) -> usize {
        self.rows
            .partition_point(|row| row.start <= at)
            .saturating_sub(1)
    }
}

impl SourceCode for Excerpt {
    /// Reads whole rows (and context rows within the same run of lines),
    /// numbered with their lines in the report; with no context, the span
    /// itself, with the true character column of a label's start.
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let (offset, end) = (span.offset(), span.offset() + span.len());
        if end > self.text.len() || self.rows.is_empty() {
            return Err(MietteError::OutOfBounds);
        }
        let first = self.row_of(offset);
        let last = self
            .row_of(if end > offset { end - 1 } else { offset })
            .max(first);
        let run = self.rows[first].run;
        if self.rows[last].run != run {
            return Err(MietteError::OutOfBounds);
        }
        let (data, line, column, count) = if before == 0 && after == 0 {
            let placed = self.placed.iter().find(|p| p.span.offset() == offset);
            let line = placed.map_or(self.rows[first].line, |p| p.start.line - 1);
            let column = placed.map_or(0, |p| p.start.column - 1);
            (*span, line, column, last - first + 1)
        } else {
            let top = first.saturating_sub(before).max(run.0);
            let bottom = last.saturating_add(after).min(run.1);
            let (from, to) = (self.rows[top].start, self.rows[bottom].end);
            (
                (from, to - from).into(),
                self.rows[top].line,
                0,
                bottom - top + 1,
            )
        };
        let bytes = self
            .text
            .as_bytes()
            .get(data.offset()..data.offset() + data.len())
            .ok_or(MietteError::OutOfBounds)?;
        walked(bytes.len());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            bytes,
            data,
            line,
            column,
            count,
        )))
    }
}

/// A span as a byte range of `text` on character boundaries.
fn clamp(text: &str, span: Span) -> (usize, usize) {
    let mut start = span.offset.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end().clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

/// Where 0-based `line` starts and its text ends (before the line break),
/// and whether a line break follows.
fn bounds(source: &SourceFile, line: usize) -> (usize, usize, bool) {
    let (text, lines) = (source.text.as_bytes(), &source.lines);
    let start = lines.line_start(line).min(text.len());
    if line + 1 >= lines.line_count() {
        return (start, text.len(), false);
    }
    let mut end = lines.line_start(line + 1).min(text.len()).max(start);
    if end > start && text[end - 1] == b'\n' {
        end -= 1;
    }
    if end > start && text[end - 1] == b'\r' {
        end -= 1;
    }
    (start, end, true)
}

/// The columns `c` takes as the excerpt shows it.
fn cells(c: char) -> usize {
    if c == '\t' {
        TAB
    } else if is_escaped(c) {
        c.escape_debug().len()
    } else {
        c.width().unwrap_or(0)
    }
}

/// The bytes `text` takes as the excerpt shows it.
fn shown_len(text: &str) -> usize {
    walked(text.len());
    text.chars()
        .map(|c| {
            if is_escaped(c) {
                c.escape_debug().len()
            } else {
                c.len_utf8()
            }
        })
        .sum()
}

/// Whether `line[from..to]` takes at most `columns` columns (reading at most
/// that many characters).
fn fits(line: &str, from: usize, to: usize, columns: usize) -> bool {
    let mut used = 0;
    for c in line[from..to].chars() {
        walked(c.len_utf8());
        used += cells(c);
        if used > columns {
            return false;
        }
    }
    true
}

/// The columns `line[from..to]` takes, when it fits in `columns`.
fn width(line: &str, from: usize, to: usize) -> usize {
    walked(to - from);
    line[from..to].chars().map(cells).sum()
}

/// The start of the widest piece of at most `columns` columns ending at
/// `from`, not before `low`.
fn back(line: &str, from: usize, low: usize, columns: usize) -> usize {
    let (mut at, mut used) = (from, 0);
    for c in line[low..from].chars().rev() {
        walked(c.len_utf8());
        used += cells(c);
        if used > columns {
            break;
        }
        at -= c.len_utf8();
    }
    at
}

/// The end of the widest piece of at most `columns` columns starting at
/// `from`, not after `high`.
fn forward(line: &str, from: usize, high: usize, columns: usize) -> usize {
    let (mut at, mut used) = (from, 0);
    for c in line[from..high].chars() {
        walked(c.len_utf8());
        used += cells(c);
        if used > columns {
            break;
        }
        at += c.len_utf8();
    }
    at
}

/// `line[from..to]` widened by whole characters on both sides in turn, to
/// at most `columns` columns, within `low..high` and with at most `before`
/// columns added on the left: the labelled text centred.
fn widen(
    line: &str,
    (from, to): (usize, usize),
    (low, high): (usize, usize),
    columns: usize,
    before: usize,
) -> (usize, usize) {
    let (mut from, mut to) = (from, to);
    let mut left = columns.saturating_sub(width(line, from, to));
    let mut before = before;
    loop {
        let mut grew = false;
        if let Some(c) = line[low..from].chars().next_back() {
            walked(c.len_utf8());
            if cells(c) <= left.min(before) {
                left -= cells(c);
                before -= cells(c);
                from -= c.len_utf8();
                grew = true;
            }
        }
        if let Some(c) = line[to..high].chars().next() {
            walked(c.len_utf8());
            if cells(c) <= left {
                left -= cells(c);
                to += c.len_utf8();
                grew = true;
            }
        }
        if !grew {
            return (from, to);
        }
    }
}

/// A labelled byte range of a line, and the columns its label text takes
/// right of the middle of its underline (0 without a label).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Mark {
    from: usize,
    to: usize,
    room: usize,
}

/// Marks of a line close enough together to share a window.
struct Group {
    from: usize,
    to: usize,
    /// The marks, each with its rank (0: the most important).
    marks: Vec<(usize, Mark)>,
}

/// The pieces of `line` to show in `budget` columns (counting a `…` for
/// every cut): the whole line when it fits; otherwise a window around each
/// group of `marks` (the first one the most important) that lie close
/// together, as many groups as fit, leaving room for their labels.
fn window(line: &str, marks: &[Mark], budget: usize) -> Vec<(usize, usize)> {
    if fits(line, 0, line.len(), budget) {
        return vec![(0, line.len())];
    }
    let mut sorted: Vec<(usize, Mark)> = marks.iter().copied().enumerate().collect();
    sorted.sort_unstable_by_key(|(_, m)| (m.from, m.to));
    let mut groups: Vec<Group> = Vec::new();
    for (rank, mark) in sorted {
        match groups.last_mut() {
            // Overlapping marks cannot be apart; others are when far apart.
            Some(group)
                if mark.from <= group.to
                    || fits(line, group.from, mark.to.max(group.to), budget / 2) =>
            {
                group.to = group.to.max(mark.to);
                group.marks.push((rank, mark));
            }
            _ => groups.push(Group {
                from: mark.from,
                to: mark.to,
                marks: vec![(rank, mark)],
            }),
        }
    }
    if groups.is_empty() {
        groups.push(Group {
            from: 0,
            to: 0,
            marks: Vec::new(),
        });
    }
    let most = (budget / MIN_SHARE).max(1);
    if groups.len() > most {
        let at = groups
            .iter()
            .position(|g| g.marks.iter().any(|(rank, _)| *rank == 0))
            .unwrap_or(0);
        let from = at.saturating_sub(most / 2).min(groups.len() - most);
        groups.drain(..from);
        groups.truncate(most);
    }
    let share = budget.saturating_sub(groups.len() + 1) / groups.len();
    let starts: Vec<usize> = groups.iter().map(|g| g.from).collect();
    let mut segments: Vec<(usize, usize)> = Vec::with_capacity(groups.len());
    for (i, group) in groups.iter_mut().enumerate() {
        let low = segments.last().map_or(0, |s| s.1);
        let high = starts.get(i + 1).map_or(line.len(), |&next| next.max(low));
        group.marks.sort_unstable_by_key(|(rank, _)| *rank);
        let marks: Vec<Mark> = group.marks.iter().map(|(_, m)| *m).collect();
        let segment = piece(line, (group.from, group.to), &marks, (low, high), share);
        match segments.last_mut() {
            Some(last) if last.1 >= segment.0 => last.1 = last.1.max(segment.1),
            _ => segments.push(segment),
        }
    }
    segments
}

/// The piece of `line` within `low..high` shown in `columns` columns for
/// the labelled range `from..to` holding `marks` (the most important first):
/// the range centred, room left for the label texts, which miette writes
/// from the middle of each underline; when the range is too wide, the piece
/// around its most important mark; when that is too wide too, its start.
fn piece(
    line: &str,
    (from, to): (usize, usize),
    marks: &[Mark],
    (low, high): (usize, usize),
    columns: usize,
) -> (usize, usize) {
    let from = from.clamp(low, high);
    let to = to.clamp(from, high);
    if fits(line, from, to, columns) {
        let wide = width(line, from, to);
        let beyond = marks
            .iter()
            .filter(|m| from <= m.from && m.to <= to)
            .map(|m| {
                let middle = width(line, from, m.from) + width(line, m.from, m.to) / 2;
                (middle + m.room).saturating_sub(wide)
            })
            .max()
            .unwrap_or(0);
        let left = columns.saturating_sub(wide + beyond);
        return widen(line, (from, to), (low, high), columns, left);
    }
    match marks.first() {
        Some(focus) if (focus.from, focus.to) != (from, to) => piece(
            line,
            (focus.from, focus.to),
            std::slice::from_ref(focus),
            (low, high),
            columns,
        ),
        _ => {
            let start = back(line, from, low, columns / 4);
            let used = width(line, start, from);
            (start, forward(line, from, high, columns - used))
        }
    }
}

/// Appends the `segments` of `line` to `out`, escaped, with a `…` for every
/// cut; returns where each segment starts, from the start of the row.
fn show(line: &str, segments: &[(usize, usize)], out: &mut String) -> Vec<usize> {
    let row_start = out.len();
    let mut views = Vec::with_capacity(segments.len());
    for &(from, to) in segments {
        if from > 0 {
            out.push_str(CUT);
        }
        views.push(out.len() - row_start);
        walked(to - from);
        for c in line[from..to].chars() {
            if is_escaped(c) {
                out.extend(c.escape_debug());
            } else {
                out.push(c);
            }
        }
    }
    if segments.last().is_some_and(|s| s.1 < line.len()) {
        out.push_str(CUT);
    }
    views
}

/// Where byte `at` of `line` is in its row (`row_len` bytes, showing
/// `segments` starting at `views`). A place that was cut off is the `…`
/// standing for it: its start for a label's start, its end for a label's end.
fn map(
    line: &str,
    segments: &[(usize, usize)],
    views: &[usize],
    row_len: usize,
    at: usize,
    is_end: bool,
) -> usize {
    for (&(from, to), &view) in segments.iter().zip(views) {
        if at < from {
            return if is_end {
                view
            } else {
                view.saturating_sub(CUT.len())
            };
        }
        if at <= to {
            return view + shown_len(&line[from..at]);
        }
    }
    if is_end {
        row_len
    } else {
        row_len.saturating_sub(CUT.len())
    }
}

/// Counts the report bytes read to render, so that tests can measure work.
#[cfg(test)]
fn walked(bytes: usize) {
    WALKED.with(|n| n.set(n.get() + bytes));
}

#[cfg(not(test))]
fn walked(_bytes: usize) {}

#[cfg(test)]
thread_local! {
    /// The bytes read by [`walked`] so far on this thread.
    pub(super) static WALKED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, spans: &[Span], width: usize) -> (Excerpt, Vec<String>) {
        let source = SourceFile::from_text("x.txt", text);
        let labels: Vec<(Span, usize)> = spans.iter().map(|s| (*s, 0)).collect();
        let excerpt = Excerpt::new(&source, &labels, width, "x.txt".into());
        let rows = excerpt.text.lines().map(str::to_owned).collect();
        (excerpt, rows)
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let text = "标题\r\n一、总体情况\n正文\n";
        let span = Span::new(text.find("一").unwrap(), "一、总体情况".len());
        let (excerpt, rows) = rows(text, &[span], 100);
        assert_eq!(rows, ["标题", "一、总体情况", "正文"]);
        assert_eq!(
            &excerpt.text[excerpt.span(0).offset()..][..span.len],
            "一、总体情况"
        );
    }

    #[test]
    fn a_long_line_is_cut_around_the_label() {
        let text = format!("{}某某镇{}\n", "正".repeat(1000), "文".repeat(1000));
        let span = Span::new(text.find("某").unwrap(), "某某镇".len());
        let (excerpt, rows) = rows(&text, &[span], 60);
        let row = &rows[0];
        assert!(row.starts_with(CUT) && row.ends_with(CUT), "{row}");
        let placed = excerpt.span(0);
        assert_eq!(&excerpt.text[placed.offset()..][..placed.len()], "某某镇");
        let left = excerpt.text[..placed.offset()].chars().count();
        let right = row.chars().count() - left - 3;
        assert!(left.abs_diff(right) <= 2, "centred: {row}");
        assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= 60 - 5);
    }

    #[test]
    fn far_apart_labels_on_one_line_get_a_window_each() {
        let text = format!("甲{}乙{}丙", "正".repeat(1000), "文".repeat(1000));
        let spans = [
            Span::new(text.find("乙").unwrap(), 3),
            Span::new(0, 3),
            Span::new(text.find("丙").unwrap(), 3),
        ];
        let (excerpt, rows) = rows(&text, &spans, 100);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].matches(CUT).count(), 2, "{}", rows[0]);
        for (i, name) in ["乙", "甲", "丙"].iter().enumerate() {
            let placed = excerpt.span(i);
            assert_eq!(&excerpt.text[placed.offset()..][..placed.len()], *name);
        }
    }

    #[test]
    fn a_huge_width_still_gives_short_rows() {
        let text = "正".repeat(70_000);
        let (_, rows) = rows(&text, &[Span::new(3 * 69_000, 3)], usize::MAX);
        let width = unicode_width::UnicodeWidthStr::width(rows[0].as_str());
        assert!((MAX_WINDOW - 10..=MAX_WINDOW).contains(&width), "{width}");
    }

    #[test]
    fn positions_in_the_header_are_true_ones() {
        let text = format!("标题\n{}某某镇\n", "正".repeat(70_000));
        let offset = text.find("某").unwrap();
        let (excerpt, _) = rows(&text, &[Span::new(offset, 9)], 100);
        let contents = excerpt.read_span(&excerpt.span(0), 0, 0).unwrap();
        assert_eq!((contents.line(), contents.column()), (1, 70_000));
        let context = excerpt.read_span(&excerpt.span(0), 1, 1).unwrap();
        assert_eq!((context.line(), context.line_count()), (0, 3));
    }

    #[test]
    fn controls_are_escaped_and_labels_follow() {
        let text = "a\x1b[2Jb\u{9b}c";
        let span = Span::new(text.find('b').unwrap(), 1);
        let (excerpt, rows) = rows(text, &[span, Span::new(text.find('c').unwrap(), 1)], 100);
        assert_eq!(rows, [r"a\u{1b}[2Jb\u{9b}c"]);
        let placed = excerpt.span(0);
        assert_eq!(&excerpt.text[placed.offset()..][..placed.len()], "b");
        let placed = excerpt.span(1);
        assert_eq!(&excerpt.text[placed.offset()..][..placed.len()], "c");
    }

    #[test]
    fn separate_runs_are_not_read_as_one() {
        let text = "一\n二\n三\n四\n五\n六\n七\n";
        let spans = [
            Span::new(text.find('二').unwrap(), 3),
            Span::new(text.find('六').unwrap(), 3),
        ];
        let (excerpt, rows) = rows(text, &spans, 100);
        assert_eq!(rows, ["一", "二", "三", "五", "六", "七"]);
        let both: SourceSpan = (0, excerpt.text.len() - 1).into();
        assert!(excerpt.read_span(&both, 1, 1).is_err());
        let second = excerpt.read_span(&excerpt.span(1), 1, 1).unwrap();
        assert_eq!(second.line(), 4);
    }
}
