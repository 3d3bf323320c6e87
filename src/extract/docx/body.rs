//! The body of a Word document (`word/document.xml`) as Word shows it:
//! paragraphs of text segments and tables of cells.
//!
//! Read as after accepting every tracked change (`w:ins` and `w:moveTo`
//! kept, `w:del` and `w:moveFrom` dropped, deleted rows and cells dropped),
//! hidden text (`w:vanish`) left out, field codes (`w:instrText`) left out
//! and their results kept, phonetic guides (`w:rt`) left out. Content
//! controls (`w:sdt`), hyperlinks, smart tags and custom XML are read
//! through, except a table of contents, whose entries repeat the headings.
//! A text box (`w:txbxContent`) is read once — from the first branch of an
//! `mc:AlternateContent` — and its paragraphs follow the paragraph that
//! anchors it. List numbering puts the numeral Word shows before a
//! numbered paragraph ([`Counters`]).
//!
//! The reader is a loop over the part's events with an explicit stack, so
//! nesting costs no recursion; each text segment keeps where it came from
//! in the part ([`Origin`]), for the annotations.

use super::error::DocxError;
use super::numbering::{Counters, Numbering};
use super::properties;
use super::styles::Styles;
use super::xml::{attribute, Node, Ns, XmlReader};

/// Where the text of a segment is in the part: its `w:t` and run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    /// Byte offset of the run's `<w:r`.
    pub(crate) run_start: usize,
    /// Byte offset just past the run's `</w:r>` (0 for a self-closing run).
    pub(crate) run_end: usize,
    /// Byte range of the run's `w:rPr` element, if it has one.
    pub(crate) properties: Option<(usize, usize)>,
    /// Byte range of the `w:t` element's escaped content.
    pub(crate) content: (usize, usize),
    /// Whether the `w:t` is the run's first content element.
    pub(crate) first_in_run: bool,
    /// Whether it is the run's last content element.
    pub(crate) last_in_run: bool,
    /// Whether a comment can be anchored here (not inside a text box).
    pub(crate) annotatable: bool,
}

/// What a segment of a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SegmentKind {
    /// Text of the document.
    Text,
    /// A numeral Word generates for list numbering.
    Numeral,
    /// A tab.
    Tab,
    /// A line break inside the paragraph.
    Break,
}

/// A piece of a paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment {
    /// What it is.
    pub(crate) kind: SegmentKind,
    /// Its text (for tabs and breaks, one space).
    pub(crate) text: String,
    /// Where a text segment stands in the part.
    pub(crate) origin: Option<Origin>,
}

impl Segment {
    /// The segment as it stands in the paragraph's line of the original.
    pub(crate) fn original_text(&self) -> &str {
        match self.kind {
            SegmentKind::Text | SegmentKind::Numeral => &self.text,
            SegmentKind::Tab => "\t",
            SegmentKind::Break => " ",
        }
    }
}

/// A paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// Its segments, in order.
    pub(crate) segments: Vec<Segment>,
    /// Byte offset in the part where run content may be inserted (after
    /// `w:pPr`, or after `<w:p>`); for a paragraph in a text box, that of
    /// the paragraph holding the box (`None` until it is known).
    pub(crate) content_start: Option<usize>,
}

/// How a cell takes part in a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Merge {
    /// Not merged.
    #[default]
    None,
    /// The first cell of a merge.
    Restart,
    /// A cell covered by the one before (left or above).
    Continue,
}

/// A table cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Cell {
    /// Grid columns it spans (`w:gridSpan`).
    pub(crate) span: usize,
    /// Vertical merge (`w:vMerge`).
    pub(crate) vertical: Merge,
    /// Legacy horizontal merge (`w:hMerge`).
    pub(crate) horizontal: Merge,
    /// Its content.
    pub(crate) blocks: Vec<Block>,
}

/// A table row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Row {
    /// Grid columns skipped before the first cell (`w:gridBefore`).
    pub(crate) grid_before: usize,
    /// Its cells.
    pub(crate) cells: Vec<Cell>,
}

/// A table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Table {
    /// Its rows (deleted rows left out).
    pub(crate) rows: Vec<Row>,
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// A paragraph.
    Paragraph(Paragraph),
    /// A table.
    Table(Table),
}

/// A paragraph being read.
struct OpenParagraph {
    paragraph: Paragraph,
    style: Option<String>,
    num_id: Option<String>,
    level: Option<usize>,
    /// Text boxes anchored in it, emitted after it.
    boxes: Vec<Block>,
}

/// A run being read.
struct OpenRun {
    start: usize,
    properties: Option<(usize, usize)>,
    hidden: bool,
    /// Content elements seen so far.
    children: usize,
    /// Indexes, in the paragraph, of the segments it gave, with the
    /// ordinal of the content element each came from.
    segments: Vec<(usize, usize)>,
}

/// An element the reader is inside, with the depth it was opened at.
enum Frame {
    Container(Vec<Block>),
    TextBox(Vec<Block>),
    Table(Table),
    Row {
        row: Row,
        deleted: bool,
    },
    Cell {
        cell: Cell,
        deleted: bool,
    },
    Paragraph(Box<OpenParagraph>),
    Run(OpenRun),
    /// `mc:AlternateContent`: whether a branch was read.
    Alternate(bool),
    /// A content control: whether it is a table of contents (not read:
    /// its entries repeat the headings).
    ContentControl(bool),
    /// An element read through.
    Through,
}

/// The part's list numbering and styles, and the counters so far.
pub(crate) struct Lists<'a> {
    /// Numbering definitions.
    pub(crate) numbering: &'a Numbering,
    /// Paragraph styles.
    pub(crate) styles: &'a Styles,
    /// The counters, in document order.
    pub(crate) counters: Counters,
}

/// Reads the body of document part `part` (`xml`).
pub(crate) fn read(xml: &str, part: &str, lists: &mut Lists<'_>) -> Result<Vec<Block>, DocxError> {
    let mut reader = XmlReader::new(xml, part);
    let mut stack: Vec<(usize, Frame)> = vec![(0, Frame::Container(Vec::new()))];
    loop {
        match reader.next()? {
            Node::Open {
                ns,
                element,
                empty,
                start,
                end,
            } => {
                let depth = reader.depth();
                let local = element.local_name();
                let local = local.as_ref();
                let top = &mut stack.last_mut().expect("the body frame stays").1;
                if ns == Ns::Mc {
                    match (local, &mut *top) {
                        (b"AlternateContent", _) if !empty => {
                            stack.push((depth, Frame::Alternate(false)))
                        }
                        (b"Choice" | b"Fallback", Frame::Alternate(read)) if !empty => {
                            if *read {
                                reader.skip()?;
                            } else {
                                *read = true;
                                stack.push((depth, Frame::Through));
                            }
                        }
                        _ if !empty => stack.push((depth, Frame::Through)),
                        _ => {}
                    }
                    continue;
                }
                if ns != Ns::W {
                    if !empty {
                        stack.push((depth, Frame::Through));
                    }
                    continue;
                }
                match local {
                    b"del" | b"moveFrom" | b"delText" | b"instrText" | b"sdtEndPr" | b"rt"
                    | b"tblPr" | b"tblGrid" | b"sectPr" | b"footnoteReference"
                    | b"endnoteReference" | b"commentReference" | b"object" | b"tblPrEx"
                    | b"delInstrText" | b"fldData"
                        if !empty =>
                    {
                        reader.skip()?
                    }
                    b"sdt" if !empty => stack.push((depth, Frame::ContentControl(false))),
                    b"sdtPr" if !empty => {
                        let contents = properties::content_control(&mut reader)?;
                        if let Frame::ContentControl(toc) = top {
                            *toc = contents;
                        }
                    }
                    b"sdtContent" if !empty && matches!(top, Frame::ContentControl(true)) => {
                        reader.skip()?
                    }
                    b"tbl" if !empty => stack.push((depth, Frame::Table(Table::default()))),
                    b"tr" if !empty => stack.push((
                        depth,
                        Frame::Row {
                            row: Row::default(),
                            deleted: false,
                        },
                    )),
                    b"tc" if !empty => stack.push((
                        depth,
                        Frame::Cell {
                            cell: Cell {
                                span: 1,
                                ..Cell::default()
                            },
                            deleted: false,
                        },
                    )),
                    b"trPr" if !empty => {
                        let read = properties::row(&mut reader)?;
                        if let Frame::Row { row, deleted } = top {
                            row.grid_before = read.grid_before;
                            *deleted = read.deleted;
                        }
                    }
                    b"tcPr" if !empty => {
                        let read = properties::cell(&mut reader)?;
                        if let Frame::Cell { cell, deleted } = top {
                            cell.span = read.span;
                            cell.vertical = read.vertical;
                            cell.horizontal = read.horizontal;
                            *deleted = read.deleted;
                        }
                    }
                    b"txbxContent" if !empty => stack.push((depth, Frame::TextBox(Vec::new()))),
                    b"p" => {
                        let in_box = stack
                            .iter()
                            .any(|(_, frame)| matches!(frame, Frame::TextBox(_)));
                        let paragraph = OpenParagraph {
                            paragraph: Paragraph {
                                segments: Vec::new(),
                                content_start: (!in_box).then_some(end),
                            },
                            style: None,
                            num_id: None,
                            level: None,
                            boxes: Vec::new(),
                        };
                        if empty {
                            finish_paragraph(paragraph, &mut stack, lists);
                        } else {
                            stack.push((depth, Frame::Paragraph(Box::new(paragraph))));
                        }
                    }
                    b"pPr" if !empty => {
                        if let Frame::Paragraph(paragraph) = top {
                            let read = properties::paragraph(&mut reader)?;
                            paragraph.style = read.style;
                            paragraph.num_id = read.num_id;
                            paragraph.level = read.level;
                            paragraph.paragraph.content_start =
                                paragraph.paragraph.content_start.map(|_| reader.position());
                        } else {
                            reader.skip()?;
                        }
                    }
                    b"r" if !empty => stack.push((
                        depth,
                        Frame::Run(OpenRun {
                            start,
                            properties: None,
                            hidden: false,
                            children: 0,
                            segments: Vec::new(),
                        }),
                    )),
                    b"rPr" if !empty => {
                        if let Frame::Run(run) = top {
                            run.hidden = properties::run_hidden(&mut reader)?;
                            run.properties = Some((start, reader.position()));
                        } else {
                            reader.skip()?;
                        }
                    }
                    b"t" => {
                        let (text, content_end) = if empty {
                            (String::new(), end)
                        } else {
                            read_text(&mut reader)?
                        };
                        push_run_segment(
                            &mut stack,
                            SegmentKind::Text,
                            text,
                            Some((end, content_end)),
                        );
                    }
                    b"tab" | b"ptab" => {
                        if !empty {
                            reader.skip()?;
                        }
                        push_run_segment(&mut stack, SegmentKind::Tab, " ".into(), None);
                    }
                    b"br" | b"cr" => {
                        if !empty {
                            reader.skip()?;
                        }
                        push_run_segment(&mut stack, SegmentKind::Break, " ".into(), None);
                    }
                    b"noBreakHyphen" => {
                        push_run_segment(&mut stack, SegmentKind::Text, "-".into(), None)
                    }
                    b"sym" => {
                        let symbol = attribute(&element, b"char")
                            .and_then(|code| u32::from_str_radix(code.trim(), 16).ok())
                            .and_then(char::from_u32)
                            .filter(|c| !is_private_use(*c) && !c.is_control());
                        if !empty {
                            reader.skip()?;
                        }
                        if let Some(symbol) = symbol {
                            push_run_segment(
                                &mut stack,
                                SegmentKind::Text,
                                symbol.to_string(),
                                None,
                            );
                        }
                    }
                    _ if !empty => stack.push((depth, Frame::Through)),
                    _ => {}
                }
            }
            Node::Close { .. } => {
                let depth = reader.depth() + 1;
                if stack.len() > 1 && stack.last().is_some_and(|(d, _)| *d == depth) {
                    let (_, frame) = stack.pop().expect("checked above");
                    close_frame(frame, &mut stack, lists, reader.position());
                }
            }
            Node::Text(_) => {}
            Node::Eof => break,
        }
    }
    Ok(match stack.into_iter().next() {
        Some((_, Frame::Container(blocks))) => blocks,
        _ => Vec::new(),
    })
}

fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF)
}

/// Reads the content of a `w:t` just opened, up to its end: the text and
/// the byte offset where the content ends.
fn read_text(reader: &mut XmlReader<'_>) -> Result<(String, usize), DocxError> {
    let mut text = String::new();
    let end = loop {
        match reader.next()? {
            Node::Text(part) => text.push_str(&part),
            Node::Open { empty: false, .. } => reader.skip()?,
            Node::Close { start, .. } => break start,
            Node::Eof => break reader.position(),
            Node::Open { .. } => {}
        }
    };
    // Word reads line breaks and tabs inside w:t as spaces.
    if text.contains(['\n', '\r', '\t']) {
        text = text.replace(['\n', '\r', '\t'], " ");
    }
    Ok((text, end))
}

/// Adds a segment to the paragraph of the run on top of the stack (a
/// hidden run gives none; outside a run, none).
fn push_run_segment(
    stack: &mut [(usize, Frame)],
    kind: SegmentKind,
    text: String,
    content: Option<(usize, usize)>,
) {
    let Some(run_index) = stack
        .iter()
        .rposition(|(_, frame)| matches!(frame, Frame::Run(_)))
    else {
        return;
    };
    // The run must belong to the innermost paragraph.
    let Some(paragraph_index) = stack[..run_index]
        .iter()
        .rposition(|(_, frame)| matches!(frame, Frame::Paragraph(_)))
    else {
        return;
    };
    if stack[run_index + 1..]
        .iter()
        .any(|(_, frame)| matches!(frame, Frame::Paragraph(_)))
    {
        return;
    }
    let in_box = stack[..paragraph_index]
        .iter()
        .any(|(_, frame)| matches!(frame, Frame::TextBox(_)));
    let (before, after) = stack.split_at_mut(run_index);
    let Frame::Run(run) = &mut after[0].1 else {
        return;
    };
    let Frame::Paragraph(paragraph) = &mut before[paragraph_index].1 else {
        return;
    };
    run.children += 1;
    if run.hidden {
        return;
    }
    let origin = content.map(|content| Origin {
        run_start: run.start,
        run_end: 0,
        properties: run.properties,
        content,
        first_in_run: run.children == 1,
        last_in_run: false,
        annotatable: !in_box,
    });
    run.segments
        .push((paragraph.paragraph.segments.len(), run.children));
    paragraph
        .paragraph
        .segments
        .push(Segment { kind, text, origin });
}

/// Ends a frame and hands what it read to the frame around it.
fn close_frame(frame: Frame, stack: &mut [(usize, Frame)], lists: &mut Lists<'_>, end: usize) {
    match frame {
        Frame::Paragraph(paragraph) => finish_paragraph(*paragraph, stack, lists),
        Frame::Run(run) => {
            let paragraph = stack.iter_mut().rev().find_map(|(_, frame)| match frame {
                Frame::Paragraph(paragraph) => Some(paragraph),
                _ => None,
            });
            if let Some(paragraph) = paragraph {
                for (index, ordinal) in run.segments {
                    if let Some(origin) = paragraph
                        .paragraph
                        .segments
                        .get_mut(index)
                        .and_then(|s| s.origin.as_mut())
                    {
                        origin.run_end = end;
                        origin.last_in_run = ordinal == run.children;
                    }
                }
            }
        }
        Frame::TextBox(blocks) => {
            let paragraph = stack.iter_mut().rev().find_map(|(_, frame)| match frame {
                Frame::Paragraph(paragraph) => Some(paragraph),
                _ => None,
            });
            match paragraph {
                Some(paragraph) => paragraph.boxes.extend(blocks),
                None => push_blocks(stack, blocks),
            }
        }
        Frame::Table(table) => push_blocks(stack, vec![Block::Table(table)]),
        Frame::Row { row, deleted } => {
            let table = stack.iter_mut().rev().find_map(|(_, frame)| match frame {
                Frame::Table(table) => Some(table),
                _ => None,
            });
            if let (Some(table), false) = (table, deleted) {
                table.rows.push(row);
            }
        }
        Frame::Cell { cell, deleted } => {
            let row = stack.iter_mut().rev().find_map(|(_, frame)| match frame {
                Frame::Row { row, .. } => Some(row),
                _ => None,
            });
            if let (Some(row), false) = (row, deleted) {
                row.cells.push(cell);
            }
        }
        Frame::Container(blocks) => push_blocks(stack, blocks),
        Frame::Alternate(_) | Frame::ContentControl(_) | Frame::Through => {}
    }
}

/// Adds blocks to the nearest frame that holds blocks.
fn push_blocks(stack: &mut [(usize, Frame)], blocks: Vec<Block>) {
    for (_, frame) in stack.iter_mut().rev() {
        match frame {
            Frame::Container(held) | Frame::TextBox(held) => {
                held.extend(blocks);
                return;
            }
            Frame::Cell { cell, .. } => {
                cell.blocks.extend(blocks);
                return;
            }
            _ => {}
        }
    }
}

/// Numbers a paragraph that ended and adds it (then its text boxes) to the
/// frame that holds it.
fn finish_paragraph(paragraph: OpenParagraph, stack: &mut [(usize, Frame)], lists: &mut Lists<'_>) {
    let OpenParagraph {
        mut paragraph,
        style,
        num_id,
        level,
        boxes,
    } = paragraph;
    let style = style.or_else(|| lists.styles.default_paragraph().map(str::to_owned));
    let from_style = style.as_deref().and_then(|s| lists.styles.numbering(s));
    let (num_id, level) = match (num_id, from_style) {
        (Some(num), _) => (Some(num), level),
        (None, Some((num, style_level))) => (Some(num), level.or(style_level)),
        (None, None) => (None, level),
    };
    if let Some(num_id) = num_id.filter(|n| n.trim() != "0") {
        let level = level.unwrap_or_else(|| match style.as_deref() {
            Some(style) => lists.numbering.level_of_style(&num_id, style, lists.styles),
            None => 0,
        });
        if let Some(numeral) = lists
            .counters
            .next(lists.numbering, lists.styles, &num_id, level)
        {
            paragraph.segments.insert(
                0,
                Segment {
                    kind: SegmentKind::Numeral,
                    text: numeral,
                    origin: None,
                },
            );
        }
    }
    let mut boxes = boxes;
    if let Some(start) = paragraph.content_start {
        anchor_in(&mut boxes, start);
    }
    let mut blocks = vec![Block::Paragraph(paragraph)];
    blocks.extend(boxes);
    push_blocks(stack, blocks);
}

/// Gives the paragraphs of text boxes, where comments cannot go, the place
/// in the paragraph holding the box where their comments go instead.
fn anchor_in(blocks: &mut [Block], start: usize) {
    let mut pending: Vec<&mut Block> = blocks.iter_mut().collect();
    while let Some(block) = pending.pop() {
        match block {
            Block::Paragraph(paragraph) => {
                paragraph.content_start.get_or_insert(start);
            }
            Block::Table(table) => pending.extend(
                table
                    .rows
                    .iter_mut()
                    .flat_map(|row| row.cells.iter_mut())
                    .flat_map(|cell| cell.blocks.iter_mut()),
            ),
        }
    }
}
