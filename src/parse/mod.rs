//! Stage 2: text → document tree (lines, then blocks), with byte spans.

mod aligned;
mod cells;
mod grammar;

pub use aligned::{has_column_gap, is_value, segments, Segment};
pub use cells::{split_cells, Cell, RowPlace};
pub use grammar::{numeral_value, parse_lines, Line, LineKind};

use crate::span::Span;

/// A parsed document: every line of the text, classified, and the blocks they form.
#[derive(Debug, Clone)]
pub struct Document {
    /// Every line, in order.
    pub lines: Vec<Line>,
    /// Consecutive lines grouped into blocks.
    pub blocks: Vec<Block>,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A numbered heading `一、…` (its numeral, 1-based).
    SectionHeading(u8),
    /// A parenthesised heading `(一)…` (its numeral).
    SubsectionHeading(u8),
    /// A heading without numeral: `- 总体情况`.
    BulletHeading,
    /// One paragraph line.
    Paragraph,
    /// Consecutive rows with `|` or tab separators, or consecutive rows of
    /// a space-aligned table.
    Table,
}

/// A run of lines of one kind.
#[derive(Debug, Clone)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text, from the first line's start to the last line's end.
    pub span: Span,
    /// For headings, the span of the text after the numeral.
    pub text: Span,
    /// Index of its first line in [`Document::lines`].
    pub first_line: usize,
    /// Index one past its last line.
    pub end_line: usize,
}

/// Parses report text into lines and blocks. Never fails.
pub fn parse(text: &str) -> Document {
    let mut lines = parse_lines(text);
    aligned::mark(text, &mut lines);
    let blocks = group_blocks(&lines);
    Document { lines, blocks }
}

fn group_blocks(lines: &[Line]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len() / 2 + 1);
    for (index, line) in lines.iter().enumerate() {
        let kind = match line.kind {
            LineKind::Blank => continue,
            LineKind::Table | LineKind::Aligned => BlockKind::Table,
            LineKind::SectionHeading(n) => BlockKind::SectionHeading(n),
            LineKind::SubsectionHeading(n) => BlockKind::SubsectionHeading(n),
            LineKind::BulletHeading => BlockKind::BulletHeading,
            LineKind::Text => BlockKind::Paragraph,
        };
        if kind == BlockKind::Table {
            if let Some(last) = blocks.last_mut() {
                // Pipe or tab rows and space-aligned rows make separate tables.
                if last.kind == BlockKind::Table
                    && last.end_line == index
                    && lines[index - 1].kind == line.kind
                {
                    last.span = last.span.cover(line.span);
                    last.end_line = index + 1;
                    continue;
                }
            }
        }
        blocks.push(Block {
            kind,
            span: line.span,
            text: line.text,
            first_line: index,
            end_line: index + 1,
        });
    }
    blocks
}

impl Document {
    /// Splits lines at `offsets` (in increasing order): each piece of a
    /// line is classified on its own, as it would be on a line of its own,
    /// and the blocks are grouped anew. The model splits a line where a
    /// heading of the format starts or ends inside it (a heading run into
    /// its text, a report flattened onto a few lines). An offset at a
    /// line's start, at its end or outside the text splits nothing.
    pub fn split_lines(&mut self, text: &str, offsets: &[usize]) {
        if offsets.is_empty() {
            return;
        }
        let mut lines = Vec::with_capacity(self.lines.len() + offsets.len());
        let mut cuts = offsets.iter().copied().peekable();
        for line in &self.lines {
            let mut start = line.span.offset;
            while let Some(cut) = cuts.next_if(|&cut| cut < line.span.end()) {
                if cut > start && text.is_char_boundary(cut) {
                    lines.push(grammar::classify(text, Span::from_range(start, cut)));
                    start = cut;
                }
            }
            lines.push(if start == line.span.offset {
                *line
            } else {
                grammar::classify(text, Span::from_range(start, line.span.end()))
            });
        }
        self.lines = lines;
        self.blocks = group_blocks(&self.lines);
    }

    /// The cells of the lines of `block`: a table row's cells, or the whole
    /// trimmed line for any other block (a cell of the one-cell-per-line rendering).
    ///
    /// A lone `|` line right after a line without pipes divides two cells of
    /// the one-cell-per-line rendering (`0\n|\n0`); it is not an empty cell.
    pub fn cells<'d>(&'d self, text: &'d str, block: &'d Block) -> impl Iterator<Item = Cell> + 'd {
        (block.first_line..block.end_line)
            .filter(move |&index| !self.is_divider(text, index))
            .flat_map(move |index| line_cells(text, &self.lines[index]))
    }

    fn is_divider(&self, text: &str, index: usize) -> bool {
        let line = &self.lines[index];
        if line.kind != LineKind::Table || line.span.slice(text).trim() != "|" {
            return false;
        }
        self.lines[..index]
            .iter()
            .rev()
            .find(|l| l.kind != LineKind::Blank)
            .is_some_and(|previous| previous.kind != LineKind::Table)
    }
}

fn line_cells(text: &str, line: &Line) -> Vec<Cell> {
    match line.kind {
        LineKind::Blank => Vec::new(),
        LineKind::Table => split_cells(text, line.span),
        LineKind::Aligned => cells::aligned(text, line.span),
        _ => cells::trimmed(text, line.span).into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_table_rows_and_keeps_headings() {
        let text = "标题\n一、总体情况\n(一)主动公开\n| a |\nb |\n\n正文";
        let doc = parse(text);
        let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Paragraph,
                BlockKind::SectionHeading(1),
                BlockKind::SubsectionHeading(1),
                BlockKind::Table,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(doc.blocks[1].text.slice(text), "总体情况");
        let cells: Vec<_> = doc
            .cells(text, &doc.blocks[3])
            .map(|c| c.span.slice(text).to_owned())
            .collect();
        assert_eq!(cells, vec!["a", "b"]);
    }

    #[test]
    fn split_lines_are_classified_as_lines_of_their_own() {
        let text = "标题 一、总体情况 (一)主动公开 正文。\n二、主动公开";
        let mut doc = parse(text);
        let at = |piece: &str| text.find(piece).unwrap();
        doc.split_lines(text, &[0, at("一、"), at("(一)"), at("正文"), text.len()]);
        let kinds: Vec<_> = doc.lines.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            vec![
                LineKind::Text,
                LineKind::SectionHeading(1),
                LineKind::SubsectionHeading(1),
                LineKind::Text,
                LineKind::SectionHeading(2)
            ]
        );
        assert_eq!(doc.lines[1].text.slice(text), "总体情况 ");
        assert_eq!(doc.blocks.len(), 5);
        assert_eq!(doc.blocks[4].first_line, 4);
    }

    #[test]
    fn lone_pipes_between_cell_lines_divide_them() {
        let text = "规章\n|\n0\n|\n\n|\n1\n| a |\n|";
        let doc = parse(text);
        let cells: Vec<_> = doc
            .blocks
            .iter()
            .flat_map(|b| doc.cells(text, b))
            .map(|c| c.span.slice(text).to_owned())
            .collect();
        assert_eq!(cells, vec!["规章", "0", "", "1", "a", ""]);
    }
}
