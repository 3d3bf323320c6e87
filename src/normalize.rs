//! Loose matching of labels and headings across renderings.
//!
//! Real reports differ in white space (`商业 企业`), bracket width (`（一）` vs
//! `(一)`), numbering marks (`1.`, `1、`, `1．`) and quotes. Both sides of a
//! comparison are folded the same way by [`canon`].

/// Folds text for comparison: drops white space, `|` and quotes, maps
/// full-width ASCII to ASCII and `、`/`．` to `.`.
pub fn canon(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Letters, digits and CJK ideographs (most of a report) are neither
    // dropped nor folded: they are copied a run at a time, from `kept` on.
    let mut kept = 0;
    for (at, c) in text.char_indices() {
        if c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            continue;
        }
        out.push_str(&text[kept..at]);
        kept = at + c.len_utf8();
        if c.is_whitespace() || matches!(c, '\u{3000}' | '\u{a0}' | '|') {
            continue;
        }
        if matches!(
            c,
            '“' | '”' | '"' | '\'' | '‘' | '’' | '「' | '」' | '『' | '』'
        ) {
            continue;
        }
        out.push(fold_char(c));
    }
    out.push_str(&text[kept..]);
    out
}

/// Maps one character to its folded form (full-width ASCII → ASCII, `、`/`．` → `.`).
pub fn fold_char(c: char) -> char {
    match c {
        '、' | '．' | '。' => '.',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Whether `c` is a CJK ideograph.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Counts the CJK ideographs in `text`.
pub fn cjk_count(text: &str) -> usize {
    text.chars().filter(|c| is_cjk(*c)).count()
}

/// Whether `c` is a Chinese numeral of a heading's numbering (`一` to `十`).
pub fn is_numeral_char(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The canonical text without its leading numbering: `(一)`, `一.`, `1.`.
pub fn strip_numbering(canon: &str) -> &str {
    if let Some(rest) = canon.strip_prefix('(') {
        if let Some(close) = rest.find(')') {
            if close > 0 && rest[..close].chars().all(is_numeral_char) {
                return &rest[close + 1..];
            }
        }
        return canon;
    }
    let digits = canon
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || is_numeral_char(*c)))
        .map_or(canon.len(), |(i, _)| i);
    if digits > 0 && canon[digits..].starts_with('.') {
        &canon[digits + 1..]
    } else {
        canon
    }
}

/// Whether the canonical text is nothing but a numbering mark: `(三)`, `三.`, `1.`.
pub fn is_bare_numbering(canon: &str) -> bool {
    !canon.is_empty() && strip_numbering(canon).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `canon` without its fast path.
    fn canon_reference(text: &str) -> String {
        text.chars()
            .filter(|c| !(c.is_whitespace() || matches!(c, '\u{3000}' | '\u{a0}' | '|')))
            .filter(|c| {
                !matches!(
                    c,
                    '“' | '”' | '"' | '\'' | '‘' | '’' | '「' | '」' | '『' | '』'
                )
            })
            .map(fold_char)
            .collect()
    }

    proptest! {
        #[test]
        fn fast_path_folds_like_the_reference(text in "\\PC{0,40}|[ -~\u{3000}-\u{303F}\u{4E00}-\u{4E10}\u{FF00}-\u{FF65}“”‘’]{0,40}") {
            prop_assert_eq!(canon(&text), canon_reference(&text));
        }
    }

    #[test]
    fn folds_renderings_together() {
        assert_eq!(canon("（二）部分公开"), canon("(二) 部分公开"));
        assert_eq!(canon("1、属于国家秘密"), canon("1．属于 国家秘密"));
        assert_eq!(canon("3.危及“三安全一稳定”"), "3.危及三安全一稳定");
        assert_eq!(canon("商业 企业"), "商业企业");
    }

    #[test]
    fn strips_numbering() {
        assert_eq!(strip_numbering("(一)予以公开"), "予以公开");
        assert_eq!(strip_numbering("12.其他"), "其他");
        assert_eq!(strip_numbering("一.本年新收"), "本年新收");
        assert_eq!(strip_numbering("规章"), "规章");
        assert!(is_bare_numbering("(三)"));
        assert!(!is_bare_numbering("(三)不予公开"));
    }
}
