//! The article body → the text the grammar reads: a line per block, a
//! Markdown pipe row per table row, and where each part of it stands in
//! the source.
//!
//! Blocks (`<p>`, `<div>`, `<h1>`–`<h6>`, list items…) and `<br>` end
//! lines; inline elements (`<span>`, `<strong>`, `<font>`) do not. A data
//! table is read as a grid ([`super::grid`]): each row becomes one line
//! `| a | b |`, a merged cell written once where it starts, the text of a
//! cell's paragraphs and `<br>` lines joined. A layout table (one holding
//! a table, or a page's column of text) is read as blocks.

use crate::location::{Location, Region};
use crate::source_map::Piece;

use super::body::Weights;
use super::chrome::{is_chrome, only_tools};
use super::entities::decode;
use super::grid::Grid;
use super::run::{anchor, Flow, Run};
use super::tags::Tag;
use super::tree::{Element, NodeData, Tree};

/// The extracted text of a page, with its map and its cells.
#[derive(Debug, Default)]
pub(super) struct Extracted {
    /// The text the grammar reads.
    pub text: String,
    /// Runs of `text` copied from the source.
    pub pieces: Vec<Piece>,
    /// The table cells of `text`.
    pub regions: Vec<Region>,
}

/// An element with more characters than this is no tool bar.
const TOOL_BAR_CHARS: u32 = 32;
/// An element of more nodes than this is no tool bar.
const TOOL_BAR_NODES: usize = 64;

/// What a walk over a subtree meets.
enum Visit<'t> {
    /// Text `source[start..end]`; `link` when inside a link.
    Text {
        start: usize,
        end: usize,
        link: bool,
    },
    /// An element starts; the callback says whether to go into it.
    Enter(usize, &'t Element),
    /// An element (that was gone into) ends.
    Exit(&'t Element),
}

/// Walks the visible nodes under `root` in document order, without
/// recursion.
fn walk<'t>(
    tree: &'t Tree,
    weights: &Weights,
    root: usize,
    mut visit: impl FnMut(Visit<'t>) -> bool,
) {
    let mut stack = vec![(root, false)];
    while let Some((id, exiting)) = stack.pop() {
        let node = &tree.nodes[id];
        if exiting {
            if let NodeData::Element(element) = &node.data {
                visit(Visit::Exit(element));
            }
            continue;
        }
        if weights.hidden[id] {
            continue;
        }
        match &node.data {
            NodeData::Text { start, end } => {
                visit(Visit::Text {
                    start: *start,
                    end: *end,
                    link: weights.in_link[id],
                });
                continue;
            }
            NodeData::Element(element) => {
                if !visit(Visit::Enter(id, element)) {
                    continue;
                }
                stack.push((id, true));
            }
            NodeData::Root => {}
        }
        let first = stack.len();
        stack.extend(tree.children(id).map(|child| (child, false)));
        stack[first..].reverse();
    }
}

/// Writes the text of the page's body.
struct Emitter<'a> {
    tree: &'a Tree,
    source: &'a str,
    weights: &'a Weights,
    out: Extracted,
    line: Run,
    /// Open `<pre>` elements.
    pre: usize,
    /// Data tables written so far.
    tables: usize,
}

/// Extracts the text under the `body` nodes.
pub(super) fn emit(tree: &Tree, source: &str, weights: &Weights, body: &[usize]) -> Extracted {
    let mut emitter = Emitter {
        tree,
        source,
        weights,
        out: Extracted::default(),
        line: Run::default(),
        pre: 0,
        tables: 0,
    };
    for node in body {
        walk(tree, weights, *node, |visit| emitter.visit(visit));
        emitter.end_line();
    }
    emitter.out
}

impl Emitter<'_> {
    fn visit(&mut self, visit: Visit<'_>) -> bool {
        match visit {
            Visit::Text { start, end, link } => {
                let flow = Flow {
                    pre: self.pre > 0,
                    cell: false,
                    link,
                };
                let mut from = start;
                while let Some(next) = self.line.text(self.source, from, end, flow) {
                    self.end_line();
                    from = next;
                }
                true
            }
            Visit::Enter(id, element) => match element.tag {
                Tag::Break => {
                    self.end_line();
                    false
                }
                Tag::Table if self.weights.is_data_table(id) => {
                    self.end_line();
                    self.table(id);
                    false
                }
                _ if self.is_tool_bar(id) => false,
                tag => {
                    if tag.is_block() {
                        self.end_line();
                    }
                    if tag == Tag::Pre {
                        self.pre += 1;
                    }
                    true
                }
            },
            Visit::Exit(element) => {
                if element.tag == Tag::Pre {
                    self.pre = self.pre.saturating_sub(1);
                }
                if element.tag.is_block() {
                    self.end_line();
                }
                true
            }
        }
    }

    /// Whether the element is a page tool alone (`字号：大 中 小`,
    /// `【打印】`), inside a line of other text or not.
    fn is_tool_bar(&self, id: usize) -> bool {
        let chars = self.weights.chars[id];
        let last = self.weights.last[id];
        if chars == 0 || chars > TOOL_BAR_CHARS || last - id > TOOL_BAR_NODES {
            return false;
        }
        let mut text = String::new();
        for node in id..=last {
            if let NodeData::Text { start, end } = self.tree.nodes[node].data {
                if !self.weights.hidden[node] {
                    text.push_str(&decode(&self.source[start..end]));
                    text.push(' ');
                }
            }
        }
        only_tools(&text)
    }

    /// Ends the current line: writes it, unless it is blank or page
    /// furniture.
    fn end_line(&mut self) {
        if self.line.is_empty() {
            return;
        }
        let (chars, link_chars) = (self.line.chars, self.line.link_chars);
        let pieces = self.out.pieces.len();
        let range = self
            .line
            .write(self.source, &mut self.out.text, &mut self.out.pieces);
        if range.is_empty() {
            return;
        }
        if is_chrome(&self.out.text[range.clone()], chars, link_chars) {
            self.out.text.truncate(range.start);
            self.out.pieces.truncate(pieces);
            return;
        }
        self.out.text.push('\n');
    }

    /// Writes a data table, one line per row.
    fn table(&mut self, table: usize) {
        self.tables += 1;
        let number = self.tables;
        let grid = Grid::new(self.tree, self.weights, table);
        for node in grid.strays.iter().chain(&grid.captions) {
            let (tree, weights) = (self.tree, self.weights);
            walk(tree, weights, *node, |visit| self.visit(visit));
            self.end_line();
        }
        for row in &grid.rows {
            let text = &mut self.out.text;
            let (row_start, pieces, regions) =
                (text.len(), self.out.pieces.len(), self.out.regions.len());
            anchor(text, &mut self.out.pieces, row.start);
            text.push('|');
            let mut any = false;
            for cell in &row.cells {
                // The space after the pipe maps to the cell's `<td>`: an
                // empty cell is reported there.
                let start = self.out.text.len();
                anchor(&self.out.text, &mut self.out.pieces, cell.start);
                self.out.text.push(' ');
                let range = self.cell(cell.node);
                any |= !range.is_empty();
                self.out.regions.push(Region {
                    start,
                    end: range.end,
                    location: Location::Cell {
                        table: number,
                        row: row.number,
                        column: cell.column,
                    },
                });
                self.out.text.push_str(" |");
            }
            if any {
                self.out.text.push('\n');
            } else {
                // A row of blank cells (a spacer) is not a row of the report.
                self.out.text.truncate(row_start);
                self.out.pieces.truncate(pieces);
                self.out.regions.truncate(regions);
            }
        }
    }

    /// Writes the text of a cell: its paragraphs and lines joined.
    fn cell(&mut self, cell: usize) -> std::ops::Range<usize> {
        let mut run = Run::default();
        let source = self.source;
        walk(self.tree, self.weights, cell, |visit| {
            match visit {
                Visit::Text { start, end, link } => {
                    let flow = Flow {
                        pre: false,
                        cell: true,
                        link,
                    };
                    let mut from = start;
                    while let Some(next) = run.text(source, from, end, flow) {
                        run.join(next);
                        from = next;
                    }
                }
                Visit::Enter(_, element) | Visit::Exit(element) => {
                    if element.tag.is_block() || element.tag == Tag::Break {
                        run.join(element.start);
                    }
                }
            }
            true
        });
        run.write(source, &mut self.out.text, &mut self.out.pieces)
    }
}
