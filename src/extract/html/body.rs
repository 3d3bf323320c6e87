//! Where the report is on the page: the article body, without the
//! navigation, breadcrumbs, tool bars and footer around it.
//!
//! Text is weighed, not markup trusted: every element gets the number of
//! characters a reader sees in it outside links (menus, breadcrumbs and
//! lists of related pages are links). From the page down, the body is
//! the innermost element that still holds three quarters of that text
//! (half, when its class or id names an article body, as content systems
//! do: `content`, `TRS_Editor`, `zoom`…). A report's title often stands
//! outside that element, in a header of its own just before it: the body
//! then widens to the nearest ancestor that also holds the title (a short
//! text, before the body, that names a report).

use super::tags::Tag;
use super::tree::{NodeData, Tree, NONE};

/// What the passes over the tree know of each node.
#[derive(Debug, Clone)]
pub(super) struct Weights {
    /// Characters a reader sees in the node (white space not counted).
    pub chars: Vec<u32>,
    /// The same, outside links.
    content: Vec<u32>,
    /// Characters inside links.
    pub link_chars: Vec<u32>,
    /// The node is not shown (a script, a style, a hidden element, the head).
    pub hidden: Vec<bool>,
    /// The node is inside a link.
    pub in_link: Vec<bool>,
    /// Tables inside the node (itself not counted).
    tables_inside: Vec<u32>,
    /// For a table: the most characters in one of its cells.
    largest_cell: Vec<u32>,
    /// Some text in the node, outside links, says “报告” and is no sentence
    /// (has no “。”).
    names_report: Vec<bool>,
    /// The last node of the node's subtree (subtrees are contiguous).
    pub last: Vec<usize>,
}

/// A table with a cell longer than this is a layout table (a page laid out
/// in a table, the article in one cell), whatever its shape.
const LAYOUT_CELL_CHARS: u32 = 1000;

/// Characters a title has at most (and at least).
const TITLE_CHARS: std::ops::RangeInclusive<u32> = 6..=150;

/// How far up from the body a title is looked for, and among how many of
/// the siblings before it.
const TITLE_LEVELS: usize = 8;
const TITLE_SIBLINGS: usize = 16;

impl Weights {
    /// Weighs every node: parents before children for what is inherited,
    /// children before parents for what is summed.
    pub(super) fn new(tree: &Tree, source: &str) -> Weights {
        let n = tree.nodes.len();
        let mut w = Weights {
            chars: vec![0; n],
            content: vec![0; n],
            link_chars: vec![0; n],
            hidden: vec![false; n],
            in_link: vec![false; n],
            tables_inside: vec![0; n],
            largest_cell: vec![0; n],
            names_report: vec![false; n],
            last: (0..n).collect(),
        };
        for id in 1..n {
            let node = &tree.nodes[id];
            let parent = node.parent;
            let element = node.element();
            w.hidden[id] = w.hidden[parent]
                || element.is_some_and(|e| e.hidden || matches!(e.tag, Tag::Hidden | Tag::Head));
            w.in_link[id] = w.in_link[parent] || element.is_some_and(|e| e.links);
            if let NodeData::Text { start, end } = node.data {
                let text = &source[start..end];
                let chars = visible_chars(text);
                w.chars[id] = chars;
                if w.in_link[id] {
                    w.link_chars[id] = chars;
                } else {
                    w.content[id] = chars;
                    // A title names the report and is no sentence.
                    w.names_report[id] = text.contains("报告") && !text.contains('。');
                }
            }
        }
        for id in (1..n).rev() {
            let parent = tree.nodes[id].parent;
            w.last[parent] = w.last[parent].max(w.last[id]);
            if w.hidden[id] {
                continue;
            }
            w.chars[parent] = w.chars[parent].saturating_add(w.chars[id]);
            w.content[parent] = w.content[parent].saturating_add(w.content[id]);
            w.link_chars[parent] = w.link_chars[parent].saturating_add(w.link_chars[id]);
            w.names_report[parent] |= w.names_report[id];
            let tag = tree.nodes[id].tag();
            let below = w.tables_inside[id] + u32::from(tag == Some(Tag::Table));
            w.tables_inside[parent] = w.tables_inside[parent].saturating_add(below);
            if tag == Some(Tag::Cell) {
                if let Some(table) = enclosing_table(tree, id) {
                    w.largest_cell[table] = w.largest_cell[table].max(w.chars[id]);
                }
            }
        }
        w
    }

    /// Whether `table` holds data in rows and columns, to be read as a
    /// grid: no table inside it, and no cell long enough to be a page's
    /// column of text.
    pub(super) fn is_data_table(&self, table: usize) -> bool {
        self.tables_inside[table] == 0 && self.largest_cell[table] <= LAYOUT_CELL_CHARS
    }
}

/// The table a cell belongs to (its row's, a row group's or its own parent).
pub(super) fn enclosing_table(tree: &Tree, cell: usize) -> Option<usize> {
    let mut node = tree.nodes[cell].parent;
    for _ in 0..3 {
        match tree.nodes.get(node)?.tag() {
            Some(Tag::Table) => return Some(node),
            Some(Tag::Row | Tag::RowGroup) => node = tree.nodes[node].parent,
            _ => return None,
        }
    }
    None
}

/// Characters a reader sees in source text: white space and space-like
/// references (`&nbsp;`) not counted, another reference counted once.
fn visible_chars(text: &str) -> u32 {
    let mut count: u32 = 0;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '&' {
            if let Some((decoded, len)) = super::entities::decode_at(rest) {
                count = count.saturating_add(u32::from(!decoded.is_whitespace()));
                rest = &rest[len..];
                continue;
            }
        }
        count = count.saturating_add(u32::from(!c.is_whitespace()));
        rest = &rest[c.len_utf8()..];
    }
    count
}

/// The nodes whose text is the report, in document order: the article
/// body, or the siblings from its title to it (see the module
/// documentation).
pub(super) fn find(tree: &Tree, weights: &Weights) -> Vec<usize> {
    let page = page_body(tree, weights);
    let total = weights.content[page];
    let mut core = page;
    loop {
        let best = tree
            .children(core)
            .filter(|child| !weights.hidden[*child])
            .max_by_key(|child| weights.content[*child]);
        let Some(best) = best else { break };
        let held = u64::from(weights.content[best]);
        let hinted = tree.nodes[best].element().is_some_and(|e| e.hint);
        let enough = 4 * held >= 3 * u64::from(total) || (hinted && 2 * held >= u64::from(total));
        if total == 0 || !enough {
            break;
        }
        core = best;
    }
    match inside_data_table(tree, weights, core) {
        Some(table) => vec![table],
        None => with_title(tree, weights, core),
    }
}

/// The `<body>` element, or the root when the page has none or shows text
/// outside it (before a late `<body>` tag).
fn page_body(tree: &Tree, weights: &Weights) -> usize {
    tree.nodes
        .iter()
        .position(|node| node.tag() == Some(Tag::Body))
        .filter(|body| weights.chars[*body] == weights.chars[0])
        .unwrap_or(0)
}

/// Whether the node is short text that names a report (a title).
fn is_title(weights: &Weights, node: usize) -> bool {
    weights.names_report[node] && TITLE_CHARS.contains(&weights.content[node])
}

/// `core`, when it begins with a title; else, from the nearest ancestor
/// that holds a title before `core`, its children from the title to the
/// one holding `core` (what stands before the title in that ancestor,
/// a breadcrumb or a page's details, and what follows the body, a tool
/// bar or related links, is not the report).
fn with_title(tree: &Tree, weights: &Weights, core: usize) -> Vec<usize> {
    let begins_with_title = (core + 1..=weights.last[core])
        .filter(|id| weights.content[*id] > 0 && !weights.hidden[*id])
        .filter(|id| matches!(tree.nodes[*id].data, NodeData::Text { .. }))
        .take(3)
        .any(|id| is_title(weights, id));
    if begins_with_title {
        return vec![core];
    }
    let mut child = core;
    for _ in 0..TITLE_LEVELS {
        let parent = tree.nodes[child].parent;
        if parent == NONE {
            break;
        }
        let before: Vec<usize> = tree
            .children(parent)
            .take_while(|sibling| *sibling != child)
            .filter(|sibling| !weights.hidden[*sibling])
            .collect();
        let title = before
            .iter()
            .rev()
            .take(TITLE_SIBLINGS)
            .position(|sibling| is_title(weights, *sibling));
        if let Some(back) = title {
            let mut nodes = before[before.len() - 1 - back..].to_vec();
            nodes.push(child);
            return nodes;
        }
        child = parent;
    }
    vec![core]
}

/// The outermost data table holding `node`: a body found inside one (a
/// page that is one table) is the whole table, whose grid is read from
/// the table element.
fn inside_data_table(tree: &Tree, weights: &Weights, node: usize) -> Option<usize> {
    let mut table = None;
    let mut node = node;
    while node != NONE {
        if tree.nodes[node].tag() == Some(Tag::Table) && weights.is_data_table(node) {
            table = Some(node);
        }
        node = tree.nodes[node].parent;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::html::tree::parse;

    fn body_text(source: &str) -> String {
        let tree = parse(source).unwrap();
        let weights = Weights::new(&tree, source);
        let body = find(&tree, &weights);
        let start = tree.nodes[body[0]].element().map_or(0, |e| e.start);
        source[start..].chars().take(30).collect()
    }

    #[test]
    fn the_article_not_the_chrome() {
        let article = "<p>一、总体情况</p><p>本机关全年主动公开政府信息一百二十条，依申请公开办理及时规范。</p>".repeat(5);
        let page = format!(
            "<body><div class=nav><a>首页</a><a>政务公开</a></div>\
             <div id=main><div class=hd><h1>某县2024年政府信息公开工作年度报告</h1><span>发布时间：2025-01-20</span></div>\
             <div class=bd>{article}</div></div><div class=footer>主办单位：某县人民政府办公室</div></body>"
        );
        assert!(body_text(&page).starts_with("<div class=hd>"));
        // Without the title outside it, the article's own element.
        let page = format!("<body><div class=nav><a>首页</a></div><div class=bd>{article}</div><div>联系电话：0000-1234567</div></body>");
        assert!(body_text(&page).starts_with("<div class=bd>"));
    }

    #[test]
    fn nested_tables_are_layout() {
        let source = "<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>";
        let tree = parse(source).unwrap();
        let weights = Weights::new(&tree, source);
        let tables: Vec<usize> = (0..tree.nodes.len())
            .filter(|id| tree.nodes[*id].tag() == Some(Tag::Table))
            .collect();
        assert!(!weights.is_data_table(tables[0]));
        assert!(weights.is_data_table(tables[1]));
    }

    #[test]
    fn references_count_as_one_character() {
        assert_eq!(visible_chars("a&nbsp;b &lt; c"), 4);
    }
}
