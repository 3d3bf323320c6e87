//! The encoding a page declares: `<meta charset="gbk">` or
//! `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`.

use std::sync::LazyLock;

use encoding_rs::{Encoding, GB18030, GBK, UTF_8};
use regex::bytes::Regex;

use crate::source::TextEncoding;

/// How far into the page the declaration is looked for. The standard says
/// 1024 bytes; pages with long scripts or comments before it are common.
const PRESCAN_BYTES: usize = 8192;

/// A `<meta …>` tag (or an XML declaration) with a `charset=` in it.
static DECLARATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i-u)<(?:meta|\?xml)\b[^>]*?\b(?:charset|encoding)\s*=\s*["']?\s*([a-z0-9_.:\-]+)"#,
    )
    .expect("valid regex")
});

/// The supported encoding the page's head declares, if it declares one.
/// GBK and GB2312 are read as GB18030, which covers both; a declaration of
/// UTF-16 in a page whose bytes are ASCII-compatible is wrong by
/// definition and ignored (as browsers do), and so are encodings disclint
/// does not read.
pub(super) fn declared(bytes: &[u8]) -> Option<TextEncoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let label = DECLARATION.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    if encoding == UTF_8 {
        Some(TextEncoding::Utf8)
    } else if encoding == GBK || encoding == GB18030 {
        Some(TextEncoding::Gb18030)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_of_the_declaration() {
        assert_eq!(
            declared(b"<html><head><meta charset=\"GBK\"></head>"),
            Some(TextEncoding::Gb18030)
        );
        assert_eq!(
            declared(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />"),
            Some(TextEncoding::Gb18030)
        );
        assert_eq!(
            declared(b"<META CHARSET='utf-8'>"),
            Some(TextEncoding::Utf8)
        );
        assert_eq!(
            declared(b"<?xml version=\"1.0\" encoding=\"gb18030\"?>"),
            Some(TextEncoding::Gb18030)
        );
    }

    #[test]
    fn no_usable_declaration() {
        assert_eq!(declared(b"<p>charset=gbk</p>"), None);
        assert_eq!(declared(b"<meta charset=\"utf-16\">"), None);
        assert_eq!(declared(b"<meta charset=\"big5\">"), None);
        assert_eq!(declared(b"<meta name=\"x\">"), None);
        assert_eq!(declared(b""), None);
    }
}
