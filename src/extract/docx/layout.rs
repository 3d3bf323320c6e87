//! From the blocks of a document to the text the grammar reads, the
//! original positions point into, and the regions that name places.
//!
//! The **original** of a Word document is its text one paragraph per line:
//! every paragraph in document order (those in table cells and text boxes
//! included), each with the numeral its list numbering shows, a tab as a
//! tab and a line break as a space. JSON `line` is then the paragraph's
//! number and `column` the character in it.
//!
//! The **text** the rules read has paragraphs one per line (a line break
//! inside one starts a new line) and tables as Markdown pipe rows, one
//! table row per line, each merged cell once where it starts on the grid.
//! A cell's paragraphs are joined into the cell (with a space between
//! Latin text, nothing between Chinese), and a `|` in a cell is written
//! `｜`. Every run of document text and every numeral is a verbatim
//! [`Piece`] of the original; tabs, breaks and the table's pipes are
//! generated.

use crate::location::{Location, Region};
use crate::source_map::Piece;

use super::body::{Block, Merge, Origin, Paragraph, SegmentKind, Table};

/// A segment of a paragraph placed in the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placed {
    /// Byte offset of the segment in the original.
    pub(crate) start: usize,
    /// Its length in bytes there.
    pub(crate) len: usize,
    /// Where it came from in the document part (document text only).
    pub(crate) origin: Option<Origin>,
}

/// One paragraph's line of the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Line {
    /// Byte offset where the line starts in the original.
    pub(crate) start: usize,
    /// Its segments.
    pub(crate) segments: Vec<Placed>,
    /// Where run content may be inserted in the part (see
    /// [`Paragraph::content_start`]).
    pub(crate) content_start: Option<usize>,
}

/// The laid-out document.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    /// The text the rules read.
    pub(crate) text: String,
    /// The original: one paragraph per line.
    pub(crate) original: String,
    /// Runs of the text copied from the original.
    pub(crate) pieces: Vec<Piece>,
    /// Paragraphs and cells of the text.
    pub(crate) regions: Vec<Region>,
    /// The paragraphs' lines of the original, in order.
    pub(crate) lines: Vec<Line>,
    tables: usize,
}

/// At most this many characters of a paragraph name it in a location.
const EXCERPT_CHARS: usize = 12;

/// Lays out the blocks of a body.
pub(crate) fn lay_out(blocks: &[Block]) -> Layout {
    let mut layout = Layout::default();
    // An explicit stack of the blocks still to lay out: a one-cell table
    // (a layout frame around the report) is read as its content.
    let mut pending: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(block) = pending.pop() {
        match block {
            Block::Paragraph(paragraph) => layout.paragraph(paragraph),
            Block::Table(table) => match single_cell(table) {
                Some(content) => pending.extend(content.iter().rev()),
                None => layout.table(table),
            },
        }
    }
    layout
}

/// The content of a table of one row and one cell.
fn single_cell(table: &Table) -> Option<&[Block]> {
    match table.rows.as_slice() {
        [row] => match row.cells.as_slice() {
            [cell] => Some(&cell.blocks),
            _ => None,
        },
        _ => None,
    }
}

/// A piece of a cell's text before it is written.
#[derive(Debug, Clone)]
enum Chunk {
    /// Text, at this offset of the original when it is verbatim.
    Text(String, Option<usize>),
    /// Where two paragraphs (or lines) of a cell meet.
    Join,
}

impl Layout {
    /// Adds a paragraph's line to the original; returns its index.
    fn original_line(&mut self, paragraph: &Paragraph) -> usize {
        let start = self.original.len();
        let mut segments = Vec::with_capacity(paragraph.segments.len());
        for segment in &paragraph.segments {
            let text = segment.original_text();
            segments.push(Placed {
                start: self.original.len(),
                len: text.len(),
                origin: segment.origin,
            });
            self.original.push_str(text);
        }
        self.original.push('\n');
        self.lines.push(Line {
            start,
            segments,
            content_start: paragraph.content_start,
        });
        self.lines.len() - 1
    }

    /// Copies `text` (at `original` in the original) into the text.
    fn push_piece(&mut self, text: &str, original: usize) {
        if text.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            text: self.text.len(),
            original,
            len: text.len(),
        });
        self.text.push_str(text);
    }

    fn paragraph(&mut self, paragraph: &Paragraph) {
        let index = self.original_line(paragraph);
        let start = self.text.len();
        for (segment, placed) in paragraph
            .segments
            .iter()
            .zip(&self.lines[index].segments.clone())
        {
            match segment.kind {
                SegmentKind::Text | SegmentKind::Numeral => {
                    self.push_piece(&segment.text, placed.start)
                }
                SegmentKind::Tab => self.text.push(' '),
                SegmentKind::Break => self.text.push('\n'),
            }
        }
        let line = &self.lines[index];
        let excerpt: String = self.original[line.start..]
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .chars()
            .take(EXCERPT_CHARS)
            .collect();
        self.regions.push(Region {
            start,
            end: self.text.len(),
            location: Location::Paragraph {
                paragraph: index + 1,
                excerpt,
            },
        });
        self.text.push('\n');
    }

    fn table(&mut self, table: &Table) {
        self.tables += 1;
        let number = self.tables;
        for (row_index, row) in table.rows.iter().enumerate() {
            let mut column = row.grid_before;
            let mut cells: Vec<(usize, Vec<Chunk>)> = Vec::new();
            for cell in &row.cells {
                let at = column;
                column += cell.span;
                let covered =
                    cell.vertical == Merge::Continue || cell.horizontal == Merge::Continue;
                let chunks = self.cell_chunks(&cell.blocks);
                if !covered {
                    cells.push((at, chunks));
                }
            }
            if cells.is_empty() {
                continue;
            }
            self.text.push_str("| ");
            for (index, (at, chunks)) in cells.into_iter().enumerate() {
                if index > 0 {
                    self.text.push_str(" | ");
                }
                let start = self.text.len();
                self.write_chunks(chunks);
                self.regions.push(Region {
                    start,
                    end: self.text.len(),
                    location: Location::Cell {
                        table: number,
                        row: row_index + 1,
                        column: at + 1,
                    },
                });
            }
            self.text.push_str(" |\n");
        }
    }

    /// The text of a cell as chunks, its paragraphs' lines added to the
    /// original (a nested table's cells are read into the cell, row by row).
    fn cell_chunks(&mut self, blocks: &[Block]) -> Vec<Chunk> {
        let mut chunks = Vec::new();
        let mut pending: Vec<&Block> = blocks.iter().rev().collect();
        while let Some(block) = pending.pop() {
            let paragraph = match block {
                Block::Paragraph(paragraph) => paragraph,
                Block::Table(table) => {
                    for row in table.rows.iter().rev() {
                        for cell in row.cells.iter().rev() {
                            pending.extend(cell.blocks.iter().rev());
                        }
                    }
                    continue;
                }
            };
            let index = self.original_line(paragraph);
            if !chunks.is_empty() {
                chunks.push(Chunk::Join);
            }
            for (segment, placed) in paragraph.segments.iter().zip(&self.lines[index].segments) {
                match segment.kind {
                    SegmentKind::Text | SegmentKind::Numeral => {
                        let mut offset = 0;
                        for part in segment.text.split_inclusive('|') {
                            let (text, pipe) = match part.strip_suffix('|') {
                                Some(text) => (text, true),
                                None => (part, false),
                            };
                            chunks.push(Chunk::Text(text.to_owned(), Some(placed.start + offset)));
                            if pipe {
                                chunks.push(Chunk::Text("｜".to_owned(), None));
                            }
                            offset += part.len();
                        }
                    }
                    SegmentKind::Tab => chunks.push(Chunk::Text(" ".to_owned(), None)),
                    SegmentKind::Break => chunks.push(Chunk::Join),
                }
            }
        }
        chunks
    }

    /// Writes a cell's chunks: joins resolved, blank space at either end
    /// trimmed.
    fn write_chunks(&mut self, chunks: Vec<Chunk>) {
        let mut resolved: Vec<(String, Option<usize>)> = Vec::with_capacity(chunks.len());
        for (index, chunk) in chunks.iter().enumerate() {
            match chunk {
                Chunk::Text(text, original) => {
                    if !text.is_empty() {
                        resolved.push((text.clone(), *original));
                    }
                }
                Chunk::Join => {
                    let before = resolved.last().and_then(|(t, _)| t.chars().last());
                    let after = chunks[index + 1..].iter().find_map(|c| match c {
                        Chunk::Text(t, _) => t.chars().next(),
                        Chunk::Join => None,
                    });
                    if let (Some(before), Some(after)) = (before, after) {
                        if !is_wide(before)
                            && !is_wide(after)
                            && !before.is_whitespace()
                            && !after.is_whitespace()
                        {
                            resolved.push((" ".to_owned(), None));
                        }
                    }
                }
            }
        }
        // Trim blank space at the start and the end of the cell.
        while let Some((text, original)) = resolved.first_mut() {
            let trimmed = text.trim_start();
            let cut = text.len() - trimmed.len();
            if trimmed.is_empty() {
                resolved.remove(0);
                continue;
            }
            *original = original.map(|o| o + cut);
            *text = trimmed.to_owned();
            break;
        }
        while let Some((text, _)) = resolved.last_mut() {
            let trimmed = text.trim_end();
            if trimmed.is_empty() {
                resolved.pop();
                continue;
            }
            text.truncate(trimmed.len());
            break;
        }
        for (text, original) in resolved {
            match original {
                Some(original) => self.push_piece(&text, original),
                None => self.text.push_str(&text),
            }
        }
    }
}

/// Whether a character is Chinese (or other wide) text or punctuation,
/// between which lines join without a space.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}
