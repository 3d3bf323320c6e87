//! Searches for characters by their UTF-8 bytes (`memchr`), for the hot
//! prefilters that would otherwise decode every character of a report.

/// The byte offset of the first space in `text`: an ASCII space, an
/// ideographic space (U+3000) or a no-break space (U+00A0).
pub fn find_space(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // The first byte of each: ' ', 0xE3 (U+3000 is E3 80 80), 0xC2 (U+00A0
    // is C2 A0); 0xE3 and 0xC2 lead other characters too, so check on.
    memchr::memchr3_iter(b' ', 0xE3, 0xC2, bytes).find(|&at| match bytes[at] {
        b' ' => true,
        0xE3 => bytes.get(at + 1..at + 3) == Some(&[0x80, 0x80]),
        _ => bytes.get(at + 1) == Some(&0xA0),
    })
}

/// Texts at least this long are searched with a SIMD searcher, which
/// costs more to set up than a short text (a sentence) takes to scan.
const LONG_TEXT: usize = 512;

/// Whether `text` holds `needle`. A long text is searched for the needle's
/// rarest bytes (`memmem`); a short one at each place its last byte is,
/// which in CJK text is a continuation byte, one byte in sixty or so.
pub fn contains(text: &str, needle: &str) -> bool {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&last) = needle.last() else {
        return true;
    };
    if hay.len() >= LONG_TEXT {
        return memchr::memmem::find(hay, needle).is_some();
    }
    let before = needle.len() - 1;
    memchr::memchr_iter(last, hay).any(|end| end >= before && &hay[end - before..=end] == needle)
}

/// Words looked for together in long texts (a rule's prefilter), each with
/// a SIMD searcher built once: faster than one automaton reading every
/// byte, as CJK words' first bytes are too common to skip on.
pub struct Words(Vec<memchr::memmem::Finder<'static>>);

impl Words {
    /// The searchers of `words`.
    pub fn new(words: &[&str]) -> Words {
        Words(
            words
                .iter()
                .map(|word| memchr::memmem::Finder::new(word).into_owned())
                .collect(),
        )
    }

    /// Whether `text` holds one of the words.
    pub fn any_in(&self, text: &str) -> bool {
        self.0
            .iter()
            .any(|finder| finder.find(text.as_bytes()).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn is_space(c: char) -> bool {
        matches!(c, ' ' | '\u{3000}' | '\u{a0}')
    }

    #[test]
    fn finds_each_space() {
        assert_eq!(find_space("共12 件"), Some(5));
        assert_eq!(find_space("共12\u{3000}件"), Some(5));
        assert_eq!(find_space("共12\u{a0}件"), Some(5));
        assert_eq!(find_space("、。《》Â"), None);
        assert!(contains("依申请公开", "申请"));
        assert!(!contains("依申请公开", "申报"));
        assert!(contains("申请", "申请"));
        assert!(contains("申请", ""));
        let long = "公开".repeat(200) + "申请";
        assert!(contains(&long, "申请") && !contains(&long, "申报"));
        let words = Words::new(&["某某", "X"]);
        assert!(words.any_in("于X月前") && words.any_in("某某县") && !words.any_in("某县"));
    }

    proptest! {
        #[test]
        fn finds_what_a_character_search_finds(text in "[ a\u{3000}\u{a0}\u{3001}\u{3002}Â中]{0,12}") {
            prop_assert_eq!(find_space(&text), text.find(is_space));
        }

        #[test]
        fn contains_what_str_contains(text in "[申请公开a ]{0,300}", needle in "[申请公a]{0,3}") {
            prop_assert_eq!(contains(&text, &needle), text.contains(needle.as_str()));
        }
    }
}
