//! The page as a tree of elements and text, built from `lol_html`'s
//! tokens with their byte ranges in the source.
//!
//! `lol_html` tokenizes like a browser (it knows where a `<script>` or a
//! `<style>` ends, and what a comment is) and gives every tag and text
//! chunk its place in the source, but it builds no tree and closes no
//! element a page leaves open. This builder does: it closes an open `<p>`
//! where a block starts, a `<td>` where the next cell starts, a `<tr>`
//! where the next row starts, as browsers do, so that pages written with
//! omitted end tags read right. Nodes live in one vector in document
//! order (a parent before its children, a subtree a contiguous range), so
//! every later pass is a loop, never a recursion: nesting depth cannot
//! overflow the stack.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use lol_html::errors::RewritingError;
use lol_html::html_content::{Element as LolElement, EndTag, TextChunk, TextType};
use lol_html::{doc_text, element, HtmlRewriter, Settings};

use super::tags::Tag;

/// No node (the root's parent, a missing child or sibling).
pub(super) const NONE: usize = usize::MAX;

/// Largest `colspan` read (the HTML standard's limit).
const MAX_COLSPAN: u32 = 1000;
/// Largest `rowspan` read (the HTML standard's limit); `rowspan="0"`
/// (to the end of the table) reads as this.
const MAX_ROWSPAN: u32 = 65534;

/// An element of the page.
#[derive(Debug, Clone)]
pub(super) struct Element {
    /// Its role.
    pub tag: Tag,
    /// Byte offset of its start tag in the source.
    pub start: usize,
    /// Columns it spans (a cell's `colspan`), 1 to [`MAX_COLSPAN`].
    pub colspan: u32,
    /// Rows it spans (a cell's `rowspan`), 1 to [`MAX_ROWSPAN`].
    pub rowspan: u32,
    /// Hidden by its markup (`hidden`, `display:none`, `visibility:hidden`).
    pub hidden: bool,
    /// Its class or id names it an article body (`content`, `article`,
    /// `TRS_Editor`, `zoom`, `Custom_UnionStyle`…).
    pub hint: bool,
    /// It is a link (an `<a href>`; an `<a name>` is an anchor, which Word
    /// puts around headings).
    pub links: bool,
}

/// What a node is.
#[derive(Debug, Clone)]
pub(super) enum NodeData {
    /// The document itself.
    Root,
    /// An element.
    Element(Element),
    /// Text as it stands in the source (character references not decoded),
    /// `source[start..end]`.
    Text {
        /// Byte offset of the text in the source.
        start: usize,
        /// Byte offset just past it.
        end: usize,
    },
}

/// A node of the tree.
#[derive(Debug, Clone)]
pub(super) struct Node {
    /// Its parent ([`NONE`] for the root).
    pub parent: usize,
    /// Its first child, or [`NONE`].
    pub first_child: usize,
    /// Its next sibling, or [`NONE`].
    pub next_sibling: usize,
    /// Its last child, or [`NONE`] (to append in constant time).
    last_child: usize,
    /// What it is.
    pub data: NodeData,
}

impl Node {
    /// The element, if the node is one.
    pub(super) fn element(&self) -> Option<&Element> {
        match &self.data {
            NodeData::Element(element) => Some(element),
            _ => None,
        }
    }

    /// The node's role, if it is an element.
    pub(super) fn tag(&self) -> Option<Tag> {
        self.element().map(|e| e.tag)
    }
}

/// The page: node 0 is the root; nodes are in document order.
#[derive(Debug, Clone)]
pub(super) struct Tree {
    /// The nodes, a parent before its children.
    pub nodes: Vec<Node>,
}

impl Tree {
    /// The children of `node`, in order.
    pub(super) fn children(&self, node: usize) -> Children<'_> {
        Children {
            tree: self,
            next: self.nodes[node].first_child,
        }
    }
}

/// An iterator over a node's children.
pub(super) struct Children<'a> {
    tree: &'a Tree,
    next: usize,
}

impl Iterator for Children<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let current = self.next;
        if current == NONE {
            return None;
        }
        self.next = self.tree.nodes[current].next_sibling;
        Some(current)
    }
}

/// An open element on the builder's stack.
struct Open {
    node: usize,
    name: u32,
    tag: Tag,
}

/// Builds the tree from tokens in document order.
struct Builder {
    nodes: Vec<Node>,
    stack: Vec<Open>,
    /// Element names, interned, so that end tags match in constant time.
    names: HashMap<String, u32>,
    /// Per interned name, the stack positions where it is open.
    open_names: Vec<Vec<usize>>,
    /// Per role, the stack positions where one is open.
    open_tags: [Vec<usize>; Tag::COUNT],
    /// Where the last end tag handled starts: `lol_html` reports an end
    /// tag once for every element it closes.
    last_end: usize,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            nodes: vec![Node {
                parent: NONE,
                first_child: NONE,
                next_sibling: NONE,
                last_child: NONE,
                data: NodeData::Root,
            }],
            stack: Vec::new(),
            names: HashMap::new(),
            open_names: Vec::new(),
            open_tags: std::array::from_fn(|_| Vec::new()),
            last_end: NONE,
        }
    }
}

impl Builder {
    fn intern(&mut self, name: String) -> u32 {
        if let Some(id) = self.names.get(&name) {
            return *id;
        }
        let id = u32::try_from(self.open_names.len()).unwrap_or(u32::MAX);
        self.open_names.push(Vec::new());
        self.names.insert(name, id);
        id
    }

    fn current(&self) -> usize {
        self.stack.last().map_or(0, |open| open.node)
    }

    fn append(&mut self, data: NodeData) -> usize {
        let parent = self.current();
        let id = self.nodes.len();
        self.nodes.push(Node {
            parent,
            first_child: NONE,
            next_sibling: NONE,
            last_child: NONE,
            data,
        });
        let previous = self.nodes[parent].last_child;
        if previous == NONE {
            self.nodes[parent].first_child = id;
        } else {
            self.nodes[previous].next_sibling = id;
        }
        self.nodes[parent].last_child = id;
        id
    }

    /// The stack position of the innermost open element of role `tag`.
    fn top(&self, tag: Tag) -> Option<usize> {
        self.open_tags[tag as usize].last().copied()
    }

    /// The innermost open table, cell or caption: the scope beyond which
    /// a `<p>` or a list item is not closed.
    fn scope(&self) -> Option<usize> {
        [Tag::Table, Tag::Cell, Tag::Caption]
            .into_iter()
            .filter_map(|tag| self.top(tag))
            .max()
    }

    /// Closes the element at stack position `at` and all inside it.
    fn pop_to(&mut self, at: usize) {
        while self.stack.len() > at {
            let Some(open) = self.stack.pop() else { break };
            self.open_tags[open.tag as usize].pop();
            if let Some(positions) = self.open_names.get_mut(open.name as usize) {
                positions.pop();
            }
        }
    }

    /// Closes the open elements among `tags` that are inside the scope
    /// `within` (so a cell closes the cell before it, a row the row before
    /// it with its cells, but neither one of an outer table).
    fn close_within(&mut self, tags: &[Tag], within: Option<usize>) {
        let outermost = tags
            .iter()
            .filter_map(|tag| self.top(*tag))
            .filter(|at| Some(*at) > within)
            .min();
        if let Some(at) = outermost {
            self.pop_to(at);
        }
    }

    /// The end tags a start tag implies, as browsers apply them.
    fn close_implied(&mut self, tag: Tag) {
        let table = self.top(Tag::Table);
        match tag {
            Tag::Cell => self.close_within(&[Tag::Cell], table),
            Tag::Row => self.close_within(&[Tag::Cell, Tag::Row], table),
            Tag::RowGroup => self.close_within(&[Tag::Cell, Tag::Row, Tag::RowGroup], table),
            Tag::ListItem => {
                let scope = self.scope().max(self.top(Tag::List));
                self.close_within(&[Tag::ListItem], scope);
            }
            Tag::Definition => {
                let scope = self.scope().max(self.top(Tag::List));
                self.close_within(&[Tag::Definition], scope);
            }
            Tag::Option => self.close_within(&[Tag::Option], self.stack.len().checked_sub(2)),
            Tag::Body => {
                if let Some(head) = self.top(Tag::Head) {
                    self.pop_to(head);
                }
            }
            _ => {}
        }
        if tag.closes_paragraph() {
            self.close_within(&[Tag::Paragraph], self.scope());
        }
    }

    fn start(&mut self, name: String, element: Element, void: bool) {
        let tag = element.tag;
        self.close_implied(tag);
        let name = self.intern(name);
        let node = self.append(NodeData::Element(element));
        if !void {
            let position = self.stack.len();
            self.stack.push(Open { node, name, tag });
            self.open_tags[tag as usize].push(position);
            if let Some(positions) = self.open_names.get_mut(name as usize) {
                positions.push(position);
            }
        }
    }

    fn end(&mut self, name: &str, at: usize) {
        // Browsers keep what follows `</body>` or `</html>` in the body.
        if at == self.last_end || matches!(Tag::of(name), Tag::Body | Tag::Html) {
            return;
        }
        self.last_end = at;
        let Some(&name) = self.names.get(name) else {
            return;
        };
        let open = self
            .open_names
            .get(name as usize)
            .and_then(|positions| positions.last().copied());
        if let Some(open) = open {
            self.pop_to(open);
        }
    }

    fn text(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let previous = self.nodes[self.current()].last_child;
        if let Some(Node {
            data: NodeData::Text { end: last_end, .. },
            ..
        }) = self.nodes.get_mut(previous)
        {
            if *last_end == start {
                *last_end = end;
                return;
            }
        }
        self.append(NodeData::Text { start, end });
    }
}

/// Reads what the extractor needs of a start tag.
fn element_of(el: &LolElement<'_, '_>, tag: Tag) -> Element {
    let mut element = Element {
        tag,
        start: el.source_location().bytes().start,
        colspan: 1,
        rowspan: 1,
        hidden: false,
        hint: false,
        links: false,
    };
    for attribute in el.attributes() {
        match attribute.name().as_str() {
            "colspan" => element.colspan = span_value(&attribute.value()).clamp(1, MAX_COLSPAN),
            "rowspan" => {
                element.rowspan = match span_value(&attribute.value()) {
                    0 => MAX_ROWSPAN,
                    n => n.min(MAX_ROWSPAN),
                }
            }
            "hidden" => element.hidden = true,
            "href" if tag == Tag::Link => element.links = true,
            "style" => element.hidden |= hides(&attribute.value()),
            "class" | "id" => element.hint |= names_article(&attribute.value()),
            _ => {}
        }
    }
    element
}

/// The number a `colspan` or `rowspan` value starts with (1 when none).
fn span_value(value: &str) -> u32 {
    let digits = value.trim_start().bytes().take_while(u8::is_ascii_digit);
    let mut seen = false;
    let mut n: u32 = 0;
    for digit in digits {
        seen = true;
        n = n.saturating_mul(10).saturating_add(u32::from(digit - b'0'));
    }
    if seen {
        n
    } else {
        1
    }
}

/// Whether an inline style hides the element.
fn hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// Whether a class or id names the article body, as content systems name it.
fn names_article(names: &str) -> bool {
    const HINTS: [&str; 7] = [
        "content",
        "article",
        "trs_editor",
        "custom_unionstyle",
        "zoom",
        "detail",
        "zhengwen",
    ];
    names.split_ascii_whitespace().any(|name| {
        let name = name.to_ascii_lowercase();
        name == "zw" || HINTS.iter().any(|hint| name.contains(hint))
    })
}

/// Parses the (decoded) page into a tree.
pub(super) fn parse(source: &str) -> Result<Tree, RewritingError> {
    let builder = Rc::new(RefCell::new(Builder::default()));
    {
        let on_element = Rc::clone(&builder);
        let on_text = Rc::clone(&builder);
        let settings = Settings::new()
            .append_element_content_handler(element!("*", move |el| {
                let name = el.tag_name();
                let tag = Tag::of(&name);
                let element = element_of(el, tag);
                let void = !el.can_have_content();
                on_element.borrow_mut().start(name, element, void);
                if let Some(handlers) = el.end_tag_handlers() {
                    let on_end = Rc::clone(&on_element);
                    handlers.push(Box::new(move |end: &mut EndTag<'_>| {
                        on_end
                            .borrow_mut()
                            .end(&end.name(), end.source_location().bytes().start);
                        Ok(())
                    }));
                }
                Ok(())
            }))
            .append_document_content_handler(doc_text!(move |chunk: &mut TextChunk<'_>| {
                if matches!(
                    chunk.text_type(),
                    TextType::Data | TextType::CDataSection | TextType::PlainText
                ) {
                    let range = chunk.source_location().bytes();
                    on_text.borrow_mut().text(range.start, range.end);
                }
                Ok(())
            }));
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        rewriter.write(source.as_bytes())?;
        rewriter.end()?;
    }
    let nodes = std::mem::take(&mut builder.borrow_mut().nodes);
    Ok(Tree { nodes })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as `tag(children)` and `"text"`, for assertions.
    fn shape(tree: &Tree, source: &str, node: usize) -> String {
        let mut out = String::new();
        let mut stack = vec![(node, false)];
        while let Some((id, done)) = stack.pop() {
            if done {
                out.push(')');
                continue;
            }
            match &tree.nodes[id].data {
                NodeData::Root => {}
                NodeData::Text { start, end } => {
                    out.push_str(&format!("{:?}", &source[*start..*end]))
                }
                NodeData::Element(e) => out.push_str(&format!("{:?}(", e.tag)),
            }
            if tree.nodes[id].element().is_some() {
                stack.push((id, true));
            }
            let children: Vec<usize> = tree.children(id).collect();
            for child in children.into_iter().rev() {
                stack.push((child, false));
            }
        }
        out
    }

    fn parsed(source: &str) -> String {
        shape(&parse(source).unwrap(), source, 0)
    }

    #[test]
    fn omitted_end_tags_close_as_in_a_browser() {
        assert_eq!(
            parsed("<table><tr><td>a<td>b<tr><td>c</table>d"),
            r#"Table(Row(Cell("a")Cell("b"))Row(Cell("c")))"d""#
        );
        assert_eq!(
            parsed("<p>a<p>b<div>c</div>"),
            r#"Paragraph("a")Paragraph("b")Block("c")"#
        );
        // A `<p>` inside a cell is closed by the next cell, not the cell by it.
        assert_eq!(
            parsed("<table><tr><td><p>a<td>b</table>"),
            r#"Table(Row(Cell(Paragraph("a"))Cell("b")))"#
        );
    }

    #[test]
    fn scripts_comments_and_attributes() {
        let source = "<script>if (a</b) {}</script><!-- <p>x</p> --><td colspan=\"100000\" rowspan=0 class=\"TRS_Editor\" style=\"DISPLAY: none\">t";
        let tree = parse(source).unwrap();
        assert_eq!(shape(&tree, source, 0), r#"Hidden()Cell("t")"#);
        let cell = tree
            .nodes
            .iter()
            .find_map(|n| n.element().filter(|e| e.tag == Tag::Cell))
            .unwrap();
        assert_eq!((cell.colspan, cell.rowspan), (MAX_COLSPAN, MAX_ROWSPAN));
        assert!(cell.hidden && cell.hint);
        assert_eq!(&source[cell.start..cell.start + 3], "<td");
    }

    #[test]
    fn deep_nesting_builds_without_recursion() {
        let depth = 100_000;
        let source = format!("{}x{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let tree = parse(&source).unwrap();
        assert_eq!(tree.nodes.len(), depth + 2);
    }
}
