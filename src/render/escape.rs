//! Text from a report or a file name made safe for a terminal and for
//! line-oriented formats: control characters are shown, not obeyed.
//!
//! A report can hold a title-setting `ESC ] 0 ; … BEL`, a clear-screen
//! `ESC [ 2 J` or a C1 control; a file name can hold a newline. Written as
//! they are, the first reach the terminal even with `--color never`, and the
//! second splits a `path:line:column:` diagnostic over two lines.

use std::borrow::Cow;

/// Whether `c` is shown as an escape in text: the C0 and C1 controls and DEL,
/// except tab and newline (which text may hold: miette expands tabs, and
/// messages may have several lines).
pub fn is_escaped(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// `text` with every control character but tab and newline written as its
/// Rust escape (`\u{1b}`, `\r`, `\0`), so that a terminal shows it instead
/// of obeying it.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_escaped(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path as line-oriented output shows it: as it is, or, when it holds a
/// control character (a newline, an escape) or a line or paragraph
/// separator, in double quotes with Rust escapes (`"a\nb.txt"`), so that it
/// stays on one line and cannot act on the terminal.
pub fn quote_path(path: &str) -> Cow<'_, str> {
    if path
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        Cow::Owned(format!("{path:?}"))
    } else {
        Cow::Borrowed(path)
    }
}

/// Escapes text for XML and HTML attributes and content (JUnit XML, the
/// batch report's HTML and SVG); characters XML 1.0 cannot carry become
/// U+FFFD.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(
            visible("a\x1b]0;t\x07\x1b[2J\u{9b}b\tc\nd\re\u{7f}"),
            r"a\u{1b}]0;t\u{7}\u{1b}[2J\u{9b}b".to_owned() + "\tc\nd" + r"\re\u{7f}"
        );
        assert!(matches!(visible("一、总体情况\t1\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn paths_are_quoted_only_when_needed() {
        assert_eq!(quote_path("报告/白石镇.txt"), "报告/白石镇.txt");
        assert_eq!(quote_path("a b\"c.txt"), "a b\"c.txt");
        assert_eq!(quote_path("a\nb\x1b.txt"), r#""a\nb\u{1b}.txt""#);
        assert_eq!(quote_path("a\tb"), r#""a\tb""#);
        assert_eq!(quote_path("a\u{2028}b"), r#""a\u{2028}b""#);
    }
}
