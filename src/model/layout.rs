//! Space-aligned tables read by position: the rows `pdftotext -layout`
//! gives a PDF's tables (see `parse::aligned`).
//!
//! In that rendering a row is not one line. A label too long for its column
//! wraps onto the lines below (`5.要求行政机关确认或重新出具已获取` / `信息`),
//! the values stand on the line of the label's middle, a label merged over
//! several rows (`三、本年度` / `办理结果`) sits beside the rows' own labels,
//! and a blank cell is nothing at all. The table reader takes cells in order
//! (a row's label, then its values), so a run of such lines is put in that
//! order here: the table's labels are found among the fragments, a
//! fragment continued by the nearest one below it in the same column, and
//! each row gets the line of values nearest its label; values missing from a
//! row are placed by the columns of a full row near it, the gaps becoming
//! blank cells. Fragments that are neither a label nor a header of the table
//! are left out, and so are values no label claims (except in a table with
//! an unlabelled row, whose values are nobody's label's).

use std::collections::HashMap;
use std::ops::Range;

use super::format::{Format, TableFormat};
use super::tables::{classify, Token, MAX_LABEL_CELLS as MAX_LABEL_FRAGMENTS};
use crate::normalize::canon;
use crate::parse::{is_value, segments, Block, BlockKind, Cell, Document, LineKind, Segment};
use crate::span::Span;

/// A paragraph or heading line this short, without a full stop, may be a
/// piece of a table's label or header (in characters).
const MAX_FRAGMENT_CHARS: usize = 40;

/// At most this many such lines stand together between two rows of a
/// table (a label wrapped onto many lines beside another).
const MAX_FRAGMENT_RUN: usize = 16;

/// At most this many stand before a table's first row or after its last
/// (half of a label whose values stand on its middle line).
const MAX_FRAGMENT_EDGE: usize = 6;

/// Rows of a table are at most this many lines apart (blank lines between).
const MAX_LINE_GAP: usize = 3;

/// A label continues at most this many lines below.
const CONTINUATION_REACH: usize = 3;

/// A continuation overlaps the columns of the fragment above, give or take this many.
const COLUMN_SLACK: usize = 2;

/// Give or take this many, for the fragments left when no label was found
/// with [`COLUMN_SLACK`] (`pdftotext` shifts a cell's later lines when a
/// new block of text starts beside them).
const RESCUE_SLACK: usize = 8;

/// The cells of `blocks` for reading `table`: as the document gives them,
/// except that runs of space-aligned rows (with the short lines among and
/// around them) are put in reading order by position.
pub(super) fn table_cells(
    text: &str,
    doc: &Document,
    blocks: Range<usize>,
    table: &TableFormat,
    format: &Format,
) -> Vec<Cell> {
    let blocks = &doc.blocks[blocks];
    let runs = aligned_runs(text, doc, blocks);
    let last_line = doc
        .lines
        .iter()
        .rposition(|line| line.kind != LineKind::Blank)
        .unwrap_or(0);
    let mut cells = Vec::new();
    let mut index = 0;
    for run in runs {
        for block in &blocks[index..run.start] {
            cells.extend(doc.cells(text, block));
        }
        let lines = blocks[run.start].first_line..blocks[run.end - 1].end_line;
        let layout = Layout::read(text, doc, lines, table, last_line);
        cells.extend(layout.cells(text, table, format));
        index = run.end;
    }
    for block in &blocks[index..] {
        cells.extend(doc.cells(text, block));
    }
    cells
}

fn is_aligned(doc: &Document, block: &Block) -> bool {
    block.kind == BlockKind::Table && doc.lines[block.first_line].kind == LineKind::Aligned
}

fn is_fragment(text: &str, block: &Block) -> bool {
    let raw = block.span.slice(text).trim();
    block.kind != BlockKind::Table
        && block.end_line - block.first_line == 1
        && raw.chars().count() <= MAX_FRAGMENT_CHARS
        && !raw.contains('。')
}

/// The runs of `blocks` (index ranges) holding space-aligned rows: aligned
/// blocks, at most [`MAX_FRAGMENT_RUN`] fragment lines between them and
/// [`MAX_FRAGMENT_EDGE`] before and after, each block at most
/// [`MAX_LINE_GAP`] lines from the last.
fn aligned_runs(text: &str, doc: &Document, blocks: &[Block]) -> Vec<Range<usize>> {
    let near = |a: &Block, b: &Block| b.first_line.saturating_sub(a.end_line) < MAX_LINE_GAP;
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut index = 0;
    while index < blocks.len() {
        if !is_aligned(doc, &blocks[index]) {
            index += 1;
            continue;
        }
        let floor = runs.last().map_or(0, |run| run.end);
        let mut start = index;
        while start > floor
            && index - (start - 1) <= MAX_FRAGMENT_EDGE
            && is_fragment(text, &blocks[start - 1])
            && near(&blocks[start - 1], &blocks[start])
        {
            start -= 1;
        }
        let mut end = index + 1;
        let mut last_row = index;
        while end < blocks.len()
            && near(&blocks[end - 1], &blocks[end])
            && end - last_row <= MAX_FRAGMENT_RUN
        {
            if is_aligned(doc, &blocks[end]) {
                last_row = end;
            } else if !is_fragment(text, &blocks[end]) {
                break;
            }
            end += 1;
        }
        // After the last row, only the first few fragments.
        let end = end.min(last_row + 1 + MAX_FRAGMENT_EDGE);
        runs.push(start..end);
        index = end;
    }
    runs
}

/// A piece of text of a run that is not a value.
#[derive(Debug, Clone, Copy)]
struct Fragment {
    /// Line index in the document.
    line: usize,
    segment: Segment,
    /// The bytes of the numbering it opens with (`(二)`, `1.`), 0 if none:
    /// a continuation opens with none, unless `pdftotext` ran a merged
    /// label's numbering into it (`(三)法权益`: `(三)` of `(三)不予公开`
    /// beside `法权益`, the end of `4.保护第三方合法权益`).
    numbering: usize,
}

impl Fragment {
    fn numbered(&self) -> bool {
        self.numbering > 0
    }
}

/// A line's trailing values.
#[derive(Debug, Clone)]
struct ValueLine {
    line: usize,
    values: Vec<Segment>,
}

/// A table row label found among the fragments.
#[derive(Debug, Clone)]
struct Label {
    row: usize,
    /// Indices of its fragments, top to bottom.
    fragments: Vec<usize>,
    /// Whether the last fragment is only its text after its numbering.
    tail: bool,
    top: usize,
    bottom: usize,
}

/// A run of lines cut into fragments and values, with the labels found.
struct Layout {
    fragments: Vec<Fragment>,
    value_lines: Vec<ValueLine>,
    labels: Vec<Label>,
    /// For each label, the value line it reads (index into `value_lines`).
    assigned: Vec<Option<usize>>,
    /// The document's last line with text: a row there may be cut off
    /// (an excerpt ends mid-table), so cells missing from it are not blank.
    last_line: usize,
}

impl Layout {
    fn read(
        text: &str,
        doc: &Document,
        lines: Range<usize>,
        table: &TableFormat,
        last_line: usize,
    ) -> Layout {
        let mut fragments = Vec::new();
        let mut value_lines = Vec::new();
        for line in lines {
            let segments = segments(text, doc.lines[line].span);
            let values = segments
                .iter()
                .rev()
                .take_while(|s| is_value(s.span.slice(text)))
                .count();
            let (words, values) = segments.split_at(segments.len() - values);
            for &segment in words {
                fragments.push(Fragment {
                    line,
                    segment,
                    numbering: numbering_len(segment.span.slice(text)),
                });
            }
            if !values.is_empty() {
                value_lines.push(ValueLine {
                    line,
                    values: values.to_vec(),
                });
            }
        }
        let labels = find_labels(text, &fragments, table);
        let mut layout = Layout {
            fragments,
            value_lines,
            assigned: vec![None; labels.len()],
            labels,
            last_line,
        };
        layout.assign(table);
        layout
    }

    /// Gives each (non-group) label the value line nearest it: on its
    /// lines, else the line just above or below; rows keep their order.
    fn assign(&mut self, table: &TableFormat) {
        let mut order: Vec<usize> = (0..self.labels.len())
            .filter(|&l| !table.spec.rows[self.labels[l].row].group)
            .collect();
        order.sort_by_key(|&l| (self.labels[l].top, self.first_column(l)));
        // Value lines before `after` are taken or passed over.
        let mut after = 0;
        for l in order {
            let label = &self.labels[l];
            let (low, high) = (label.top.saturating_sub(1), label.bottom + 1);
            let first = self
                .value_lines
                .partition_point(|v| v.line < low)
                .max(after);
            let best = (first..self.value_lines.len())
                .take_while(|&v| self.value_lines[v].line <= high)
                .min_by_key(|&v| {
                    let line = self.value_lines[v].line;
                    let outside = usize::from(line < label.top || line > label.bottom);
                    (outside, (2 * line).abs_diff(label.top + label.bottom), line)
                });
            if let Some(v) = best {
                self.assigned[l] = Some(v);
                after = v + 1;
            }
        }
    }

    fn first_column(&self, label: usize) -> usize {
        self.fragments[self.labels[label].fragments[0]]
            .segment
            .column
    }

    /// The run's cells in reading order: each row's label fragments and
    /// then its values, header and group labels where they stand.
    fn cells(&self, text: &str, table: &TableFormat, format: &Format) -> Vec<Cell> {
        let spec = &table.spec;
        let has_unlabelled = spec.rows.iter().any(|row| row.label.is_empty());
        let full = self.full_rows(table);
        // (line, column, cells): sorted, they are the reading order.
        let mut items: Vec<(usize, usize, Vec<Cell>)> = Vec::new();
        let mut in_label = vec![false; self.fragments.len()];
        let mut heads = Vec::new();
        for (l, label) in self.labels.iter().enumerate() {
            let mut cells: Vec<Cell> = label
                .fragments
                .iter()
                .map(|&f| cell(self.fragments[f].segment.span))
                .collect();
            for &f in &label.fragments {
                in_label[f] = true;
            }
            if let (true, Some(&last), Some(tail)) =
                (label.tail, label.fragments.last(), cells.last_mut())
            {
                // The numbering before the tail is another label's: it
                // stays where it stands, as the other fragments do.
                let fragment = self.fragments[last];
                let (span, head) = (fragment.segment.span, fragment.numbering);
                *tail = cell(Span::new(span.offset + head, span.len - head));
                heads.push((
                    fragment.line,
                    fragment.segment.column,
                    Span::new(span.offset, head),
                ));
            }
            let row = &spec.rows[label.row];
            let mut top = label.top;
            if !row.group {
                let expected = spec.row_columns(row).len();
                match self.assigned[l] {
                    Some(v) => {
                        top = top.min(self.value_lines[v].line);
                        cells.extend(self.row_values(v, expected, &full));
                    }
                    // Its cells are all blank: nothing stands beside it.
                    None if label.bottom < self.last_line => {
                        let end = cells.last().map_or(0, |c| c.span.end());
                        cells.extend((0..expected).map(|_| cell(Span::new(end, 0))));
                    }
                    None => {}
                }
            }
            items.push((top, self.first_column(l), cells));
        }
        let others = self
            .fragments
            .iter()
            .zip(&in_label)
            .filter(|(_, &taken)| !taken)
            .map(|(f, _)| (f.line, f.segment.column, f.segment.span));
        for (line, column, span) in others.chain(heads) {
            // A fragment that reads as a value is none: values are the ends of lines.
            if matches!(
                classify(text, table, format, span),
                Token::Label | Token::Prose
            ) {
                items.push((line, column, vec![cell(span)]));
            }
        }
        if has_unlabelled {
            let mut claimed = vec![false; self.value_lines.len()];
            for &v in self.assigned.iter().flatten() {
                claimed[v] = true;
            }
            for (v, line) in self.value_lines.iter().enumerate() {
                if claimed[v] {
                    continue;
                }
                let mut cells: Vec<Cell> = line.values.iter().map(|s| cell(s.span)).collect();
                cells[0].row_start = true;
                items.push((line.line, line.values[0].column, cells));
            }
        }
        items.sort_by_key(|(line, column, _)| (*line, *column));
        items.into_iter().flat_map(|(_, _, cells)| cells).collect()
    }

    /// For each row width, the lines of the rows of that width that have
    /// all their values, and their value lines, by line.
    fn full_rows(&self, table: &TableFormat) -> HashMap<usize, Vec<(usize, usize)>> {
        let mut full: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
        for (l, label) in self.labels.iter().enumerate() {
            let Some(v) = self.assigned[l] else {
                continue;
            };
            let row = &table.spec.rows[label.row];
            let expected = table.spec.row_columns(row).len();
            if self.value_lines[v].values.len() == expected {
                full.entry(expected)
                    .or_default()
                    .push((self.value_lines[v].line, v));
            }
        }
        for lines in full.values_mut() {
            lines.sort_unstable();
        }
        full
    }

    /// The values of value line `v` for a row of `expected` columns: as
    /// they stand when the count is right (or too high: the table reader
    /// says so) or the line is the text's last (it may be cut off); when
    /// some are missing, placed by the columns of the full row of that
    /// width nearest it (`full`), blank cells filling the gaps.
    fn row_values(
        &self,
        v: usize,
        expected: usize,
        full: &HashMap<usize, Vec<(usize, usize)>>,
    ) -> Vec<Cell> {
        let values = &self.value_lines[v].values;
        let as_written = || values.iter().map(|s| cell(s.span)).collect();
        let line = self.value_lines[v].line;
        if values.len() >= expected || line == self.last_line {
            return as_written();
        }
        let Some(reference) = full.get(&expected).and_then(|rows| nearest(rows, line)) else {
            return as_written();
        };
        let centres: Vec<usize> = self.value_lines[reference]
            .values
            .iter()
            .map(centre)
            .collect();
        let Some(columns) = place(&values.iter().map(centre).collect::<Vec<_>>(), &centres) else {
            return as_written();
        };
        let mut cells: Vec<Cell> = Vec::with_capacity(expected);
        let mut next = values.iter().zip(columns).peekable();
        for column in 0..expected {
            match next.peek() {
                Some((segment, at)) if *at == column => {
                    cells.push(cell(segment.span));
                    next.next();
                }
                _ => {
                    let end = cells.last().map_or(values[0].span.offset, |c| c.span.end());
                    cells.push(cell(Span::new(end, 0)));
                }
            }
        }
        cells
    }
}

/// The value line of the row in `rows` (sorted by line) nearest `line`.
fn nearest(rows: &[(usize, usize)], line: usize) -> Option<usize> {
    let at = rows.partition_point(|(l, _)| *l < line);
    [at.checked_sub(1), Some(at)]
        .into_iter()
        .flatten()
        .filter_map(|i| rows.get(i))
        .min_by_key(|(l, _)| l.abs_diff(line))
        .map(|(_, v)| *v)
}

fn cell(span: Span) -> Cell {
    Cell {
        span,
        row_start: false,
        place: None,
    }
}

/// Twice the column of a segment's middle.
fn centre(segment: &Segment) -> usize {
    2 * segment.column + segment.width
}

/// The columns (indices into `columns`, increasing) the values at `centres`
/// stand in, if each is nearer its column than half the narrowest spacing
/// of the columns; `None` when they cannot be placed that surely.
fn place(centres: &[usize], columns: &[usize]) -> Option<Vec<usize>> {
    let (m, n) = (centres.len(), columns.len());
    if m == 0 || m > n {
        return None;
    }
    let spacing = columns
        .windows(2)
        .map(|w| w[1].saturating_sub(w[0]))
        .min()?;
    // cost[j][i]: the least total distance placing values ..=j with value j in column i.
    let mut cost = vec![vec![usize::MAX; n]; m];
    let mut from = vec![vec![0; n]; m];
    for i in 0..n {
        cost[0][i] = centres[0].abs_diff(columns[i]);
    }
    for j in 1..m {
        let mut best = (usize::MAX, 0);
        for i in j..n {
            if cost[j - 1][i - 1] < best.0 {
                best = (cost[j - 1][i - 1], i - 1);
            }
            if best.0 != usize::MAX {
                cost[j][i] = best.0 + centres[j].abs_diff(columns[i]);
                from[j][i] = best.1;
            }
        }
    }
    let mut i = (m - 1..n).min_by_key(|&i| cost[m - 1][i])?;
    let mut placed = vec![0; m];
    for j in (0..m).rev() {
        placed[j] = i;
        if centres[j].abs_diff(columns[i]) * 2 >= spacing {
            return None;
        }
        i = from[j][i];
    }
    Some(placed)
}

/// The table's row labels among `fragments` (in reading order): from each
/// fragment not yet taken, the chain of it and the fragments continuing it
/// below (at most [`MAX_LABEL_FRAGMENTS`]) that is a label: the longest that
/// is one exactly, else the shortest that is one as the table reader takes
/// labels (`(二)部分公开(…` is one however it goes on, so a longer chain
/// would take the next row's fragments). A chain may end in the text after
/// the numbering of a fragment below (see [`Fragment::numbering`]) when
/// that makes it a label exactly. Continuations are looked for close to
/// the columns above first ([`COLUMN_SLACK`]), then, among the fragments
/// left, farther ([`RESCUE_SLACK`]).
fn find_labels(text: &str, fragments: &[Fragment], table: &TableFormat) -> Vec<Label> {
    let mut used = vec![false; fragments.len()];
    let mut labels = Vec::new();
    for slack in [COLUMN_SLACK, RESCUE_SLACK] {
        for start in 0..fragments.len() {
            if used[start] {
                continue;
            }
            if let Some(label) = chain(text, fragments, table, &used, start, slack) {
                for &f in &label.fragments {
                    used[f] = true;
                }
                labels.push(label);
            }
        }
    }
    labels
}

/// The label that fragment `start` opens, if any (see [`find_labels`]).
fn chain(
    text: &str,
    fragments: &[Fragment],
    table: &TableFormat,
    used: &[bool],
    start: usize,
    slack: usize,
) -> Option<Label> {
    let tail_of = |f: usize| {
        let fragment = &fragments[f];
        canon(&fragment.segment.span.slice(text)[fragment.numbering..])
    };
    let mut chain = vec![start];
    let mut joined = canon(fragments[start].segment.span.slice(text));
    // (row, fragments, whether the last is a tail)
    let mut exact = table.match_row_exactly(&joined).map(|row| (row, 1, false));
    let mut loose = table.match_row(&joined).map(|row| (row, 1, false));
    while chain.len() < MAX_LABEL_FRAGMENTS {
        let last = chain[chain.len() - 1];
        let numbered = continuation(fragments, used, last, true, slack)
            .filter(|&f| fragments[f].numbering < fragments[f].segment.span.len);
        if let Some(numbered) = numbered {
            let with_tail = format!("{joined}{}", tail_of(numbered));
            if let Some(row) = table.match_row_exactly(&with_tail) {
                exact = Some((row, chain.len() + 1, true));
                chain.push(numbered);
                break;
            }
        }
        let Some(next) = continuation(fragments, used, last, false, slack) else {
            break;
        };
        chain.push(next);
        joined.push_str(&canon(fragments[next].segment.span.slice(text)));
        if let Some(row) = table.match_row_exactly(&joined) {
            exact = Some((row, chain.len(), false));
        }
        if loose.is_none() {
            loose = table
                .match_row(&joined)
                .map(|row| (row, chain.len(), false));
        }
    }
    let (row, len, tail) = exact.or(loose)?;
    chain.truncate(len);
    Some(Label {
        row,
        top: fragments[chain[0]].line,
        bottom: fragments[chain[len - 1]].line,
        fragments: chain,
        tail,
    })
}

/// The bytes of the numbering `raw` opens with: `(三)`, `（三）`, `三、`,
/// `1.`, `1、` (0 when none).
fn numbering_len(raw: &str) -> usize {
    let numeral = |c: char| c.is_ascii_digit() || crate::normalize::is_numeral_char(c);
    let mut chars = raw.char_indices();
    let end = match chars.next() {
        Some((_, '(' | '（')) => chars
            .take_while(|(_, c)| numeral(*c) || matches!(c, ')' | '）'))
            .find(|(_, c)| matches!(c, ')' | '）'))
            .map(|(i, c)| i + c.len_utf8()),
        Some((_, c)) if numeral(c) => raw
            .char_indices()
            .find(|(_, c)| !numeral(*c))
            .filter(|(_, c)| matches!(c, '.' | '、' | '．'))
            .map(|(i, c)| i + c.len_utf8()),
        _ => None,
    };
    end.filter(|&end| end > 1).unwrap_or(0)
}

/// The fragment that continues fragment `at` on a line below: on the
/// nearest of the next [`CONTINUATION_REACH`] lines that has one, the
/// fragment not taken, opening with a numbering or not (`numbered`), whose
/// columns overlap `at`'s (give or take `slack`), nearest `at`'s first
/// column. Fragments are in reading order, so each line's are found by
/// halving.
fn continuation(
    fragments: &[Fragment],
    used: &[bool],
    at: usize,
    numbered: bool,
    slack: usize,
) -> Option<usize> {
    let above = fragments[at];
    let low = above.segment.column.saturating_sub(slack);
    let high = above.segment.end_column() + slack;
    for line in above.line + 1..=above.line + CONTINUATION_REACH {
        let start = fragments.partition_point(|f| f.line < line);
        let end = fragments.partition_point(|f| f.line <= line);
        let on_line = &fragments[start..end];
        let first = on_line.partition_point(|f| f.segment.end_column() <= low);
        let best = (start + first..end)
            .take_while(|&f| fragments[f].segment.column < high)
            .filter(|&f| !used[f] && fragments[f].numbered() == numbered)
            .min_by_key(|&f| fragments[f].segment.column.abs_diff(above.segment.column));
        if best.is_some() {
            return best;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Value;
    use crate::{LintOptions, Linter, SourceFile};

    /// The applications table's rows read from `rows` (space-aligned lines
    /// under the heading of section 三): id and values.
    fn rows(rows: &str) -> Vec<(String, Vec<String>)> {
        let text = format!("三、收到和处理政府信息公开申请情况\n{rows}");
        let linter = Linter::new(LintOptions::default());
        let analysis = linter.analyze(&SourceFile::from_text("t.txt", text.as_str()));
        let Some(table) = analysis.report.table("applications") else {
            return Vec::new();
        };
        table
            .rows
            .iter()
            .map(|row| {
                let values = row.values.iter().map(|v| match &v.value {
                    Value::Integer(n) => n.to_string(),
                    other => format!("{other:?}"),
                });
                (row.id.clone(), values.collect())
            })
            .collect()
    }

    fn row(id: &str, values: &str) -> (String, Vec<String>) {
        (
            id.to_owned(),
            values.split(' ').map(str::to_owned).collect(),
        )
    }

    #[test]
    fn a_label_ends_in_the_text_pdftotext_ran_a_numbering_into() {
        let found = rows(concat!(
            "        4.保护第三方合\n",
            "                   0    2    3    0   0    0   5\n",
            "    (三)法权益\n",
            "    不予 5.属于三类内部事务信息 2  2  2  0  0  0  6\n",
        ));
        assert_eq!(
            found,
            [
                row("results.withheld.third_party", "0 2 3 0 0 0 5"),
                row("results.withheld.internal", "2 2 2 0 0 0 6"),
            ]
        );
    }

    #[test]
    fn a_label_whose_later_lines_are_shifted_is_found_farther_aside() {
        let found = rows(concat!(
            "       5.要求行政 1   3      3    0   0   0   7\n",
            "       机关确认\n",
            "             或重新出\n",
            "             具已获取\n",
            "             信息\n",
        ));
        assert_eq!(
            found,
            [row("results.not_processed.confirmation", "1 3 3 0 0 0 7")]
        );
    }

    #[test]
    fn a_label_wrapped_onto_ten_lines_is_one_label() {
        let label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
        let chars: Vec<char> = label.chars().collect();
        let mut lines: Vec<String> = chars
            .chunks(4)
            .map(|c| format!("    {}", c.iter().collect::<String>()))
            .collect();
        lines[5].push_str("   0   0   0   0   0   0   0");
        assert_eq!(lines.len(), 10);
        let found = rows(&(lines.join("\n") + "\n"));
        assert_eq!(found, [row("results.other.fee_unpaid", "0 0 0 0 0 0 0")]);
    }

    #[test]
    fn values_are_placed_in_the_nearest_columns_or_not_at_all() {
        // Columns at 10, 20, 30, 40 (doubled centres).
        let columns = [10, 20, 30, 40];
        assert_eq!(place(&[10, 30, 40], &columns), Some(vec![0, 2, 3]));
        assert_eq!(place(&[21, 39], &columns), Some(vec![1, 3]));
        assert_eq!(place(&[15], &columns), None, "halfway between two");
        assert_eq!(place(&[10, 10], &columns), None);
        assert_eq!(place(&[], &columns), None);
        assert_eq!(place(&[1, 2, 3, 4, 5], &columns), None);
    }
}
