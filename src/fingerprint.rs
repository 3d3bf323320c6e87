//! Stable fingerprints of diagnostics: what was flagged and its neighbourhood,
//! not where. Used by suppressions and by the GitLab Code Quality report.

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// FNV-1a, 128 bits: stable across runs, platforms and versions.
fn fnv1a_128(parts: &[&str]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash = OFFSET;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0xff)) {
            hash ^= u128::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// Bytes of a long line kept on each side of the span in its neighbourhood.
const LONG_LINE_REACH: usize = 2048;

/// The lines around a span: the line(s) it is on, whitespace trimmed; on a
/// line longer than twice [`LONG_LINE_REACH`] (a whole report on one line),
/// only that many bytes on each side of the span, so that fingerprinting many
/// findings on one line stays linear.
///
/// Line numbers do not enter the fingerprint, so edits elsewhere in the
/// report do not change it; editing the flagged line itself does.
pub fn neighbourhood<'t>(source: &'t SourceFile, diagnostic: &Diagnostic) -> &'t str {
    let text = source.text.as_str();
    let start = diagnostic.span.offset.min(text.len());
    let end = diagnostic.span.end().clamp(start, text.len());
    let line_start = source
        .lines
        .line_start(source.lines.line_of(start))
        .min(start);
    let line_end = source
        .lines
        .line_start(source.lines.line_of(end) + 1)
        .min(text.len());
    let mut around = (line_start, line_end);
    if line_end - line_start > 2 * LONG_LINE_REACH + (end - start) {
        let mut from = start.saturating_sub(LONG_LINE_REACH).max(line_start);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = end.saturating_add(LONG_LINE_REACH).min(line_end);
        while !text.is_char_boundary(to) {
            to += 1;
        }
        around = (from, to);
    }
    text.get(around.0..around.1)
        .unwrap_or("")
        .trim_end_matches(['\n', '\r'])
        .trim()
}

/// The fingerprint of a diagnostic: rule code, path key, flagged text and its
/// neighbourhood, hashed to 32 hexadecimal digits.
pub fn fingerprint(path_key: &str, diagnostic: &Diagnostic, source: Option<&SourceFile>) -> String {
    let (flagged, around) = match source {
        Some(source) => (
            source.slice(diagnostic.span),
            neighbourhood(source, diagnostic),
        ),
        None => ("", ""),
    };
    format!(
        "{:032x}",
        fnv1a_128(&[&diagnostic.code, path_key, flagged, around])
    )
}

/// A path as a fingerprint key: forward slashes, without a leading `./`.
pub fn path_key(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut key = path.as_str();
    while let Some(rest) = key.strip_prefix("./") {
        key = rest;
    }
    key.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::span::Span;

    fn diagnostic(offset: usize, len: usize) -> Diagnostic {
        Diagnostic {
            code: "X001".into(),
            name: "x".into(),
            severity: Severity::Error,
            message: "m".into(),
            help: None,
            span: Span::new(offset, len),
            labels: Vec::new(),
            related: Vec::new(),
            fix: None,
        }
    }

    #[test]
    fn survives_edits_on_other_lines() {
        let before = SourceFile::from_text("a", "标题\n期限为2023年\n");
        let after = SourceFile::from_text("a", "标题\n\n新增一行\n期限为2023年\n");
        let at = |s: &SourceFile| s.text.find("2023").unwrap();
        let a = fingerprint("a", &diagnostic(at(&before), 4), Some(&before));
        let b = fingerprint("a", &diagnostic(at(&after), 4), Some(&after));
        assert_eq!(a, b);
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn changes_with_the_flagged_line_rule_or_path() {
        let s = SourceFile::from_text("a", "期限为2023年\n");
        let t = SourceFile::from_text("a", "期限为2022年\n");
        let d = diagnostic(9, 4);
        let base = fingerprint("a", &d, Some(&s));
        assert_ne!(base, fingerprint("a", &d, Some(&t)));
        assert_ne!(base, fingerprint("b", &d, Some(&s)));
        let mut other = d.clone();
        other.code = "X002".into();
        assert_ne!(base, fingerprint("a", &other, Some(&s)));
    }

    #[test]
    fn a_long_line_contributes_only_the_reach_around_the_span() {
        let line = format!("{}期限为2023年{}", "甲".repeat(3000), "乙".repeat(3000));
        let s = SourceFile::from_text("a", format!("标题\n{line}\n"));
        let at = s.text.find("2023").unwrap();
        let around = neighbourhood(&s, &diagnostic(at, 4));
        assert!(around.contains("2023") && around.len() <= 2 * LONG_LINE_REACH + 8);
        // A short line is taken whole, without its line break.
        let short = SourceFile::from_text("a", "标题\r\n期限为2023年\r\n");
        let at = short.text.find("2023").unwrap();
        assert_eq!(neighbourhood(&short, &diagnostic(at, 4)), "期限为2023年");
    }

    #[test]
    fn path_keys_are_normalised() {
        assert_eq!(path_key("./a\\b.txt"), "a/b.txt");
    }
}
