//! Whether a text is the HTML source of a web page rather than report text.

/// How far into the text the page markers are looked for.
const HEAD_BYTES: usize = 4096;

/// This many closing tags make a text page source even without `<html>`
/// (a fragment of `<p>…</p><table>…` as content systems store it).
const PAGE_CLOSING_TAGS: usize = 30;

/// Whether the text is the source of a web page: `<!DOCTYPE html>`, `<html`
/// or `<body` near its start, or markup throughout (many closing tags).
pub fn is_html_page(text: &str) -> bool {
    has_page_markers(text)
        || memchr::memmem::find_iter(text.as_bytes(), "</")
            .take(PAGE_CLOSING_TAGS)
            .count()
            == PAGE_CLOSING_TAGS
}

fn has_page_markers(text: &str) -> bool {
    let mut end = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].to_ascii_lowercase();
    head.contains("<!doctype html") || head.contains("<html") || head.contains("<body")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_markers() {
        assert!(is_html_page("<!DOCTYPE html><html><body><p>报告</p>"));
        assert!(is_html_page("  <BODY>正文"));
        assert!(!is_html_page("一、总体情况\n<p>残留</p>"));
        assert!(is_html_page(&"<p>段落</p>".repeat(30)));
    }
}
