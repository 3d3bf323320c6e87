//! What each HTML element is to the extractor: a block that ends a line,
//! inline text, a table part, or content a reader never sees.

/// The role of an element in the text a reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    /// `<html>`.
    Html,
    /// `<head>`: nothing in it is shown.
    Head,
    /// `<body>`.
    Body,
    /// `<p>`.
    Paragraph,
    /// `<h1>`–`<h6>`.
    Heading,
    /// `<li>`.
    ListItem,
    /// `<ul>`, `<ol>`, `<dl>`, `<menu>`.
    List,
    /// `<dd>`, `<dt>`.
    Definition,
    /// `<pre>`, `<listing>`: white space kept.
    Pre,
    /// `<br>`.
    Break,
    /// `<table>`.
    Table,
    /// `<caption>`.
    Caption,
    /// `<thead>`, `<tbody>`, `<tfoot>`.
    RowGroup,
    /// `<tr>`.
    Row,
    /// `<td>`, `<th>`.
    Cell,
    /// `<a>`.
    Link,
    /// `<option>`.
    Option,
    /// Any other element that ends a line (`<div>`, `<section>`, `<hr>`…).
    Block,
    /// Content a reader of the page does not see as text: scripts,
    /// styles, forms' widgets, embedded objects, navigation.
    Hidden,
    /// Any other element: text flows through it (`<span>`, `<strong>`,
    /// `<font>`, Word's `<o:p>`…).
    Inline,
}

impl Tag {
    /// The role of the element named `name` (lower case).
    pub(super) fn of(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "body" => Tag::Body,
            "p" => Tag::Paragraph,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Tag::Heading,
            "li" => Tag::ListItem,
            "ul" | "ol" | "dl" | "menu" | "dir" => Tag::List,
            "dd" | "dt" => Tag::Definition,
            "pre" | "listing" => Tag::Pre,
            "br" => Tag::Break,
            "table" => Tag::Table,
            "caption" => Tag::Caption,
            "thead" | "tbody" | "tfoot" => Tag::RowGroup,
            "tr" => Tag::Row,
            "td" | "th" => Tag::Cell,
            "a" => Tag::Link,
            "option" => Tag::Option,
            "script" | "style" | "noscript" | "template" | "title" | "textarea" | "select"
            | "button" | "input" | "iframe" | "frame" | "frameset" | "object" | "embed"
            | "applet" | "svg" | "math" | "canvas" | "audio" | "video" | "map" | "nav"
            | "datalist" | "noframes" | "noembed" | "xmp" | "plaintext" => Tag::Hidden,
            "address" | "article" | "aside" | "blockquote" | "center" | "details" | "dialog"
            | "div" | "fieldset" | "figcaption" | "figure" | "footer" | "form" | "header"
            | "hgroup" | "hr" | "main" | "section" | "summary" | "legend" | "colgroup" | "col" => {
                Tag::Block
            }
            _ => Tag::Inline,
        }
    }

    /// Whether the element begins and ends a line of its own.
    pub(super) fn is_block(self) -> bool {
        !matches!(self, Tag::Inline | Tag::Link | Tag::Break | Tag::Hidden)
    }

    /// Whether an open `<p>` ends where this element starts.
    pub(super) fn closes_paragraph(self) -> bool {
        matches!(
            self,
            Tag::Paragraph
                | Tag::Heading
                | Tag::ListItem
                | Tag::List
                | Tag::Definition
                | Tag::Pre
                | Tag::Table
                | Tag::Block
        )
    }

    /// How many roles there are (for tables indexed by role).
    pub(super) const COUNT: usize = Tag::Inline as usize + 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        assert_eq!(Tag::of("td"), Tag::Cell);
        assert_eq!(Tag::of("o:p"), Tag::Inline);
        assert_eq!(Tag::of("script"), Tag::Hidden);
        assert!(Tag::of("div").is_block());
        assert!(!Tag::of("span").is_block());
        assert!(Tag::of("table").closes_paragraph());
        assert!(!Tag::of("strong").closes_paragraph());
    }
}
