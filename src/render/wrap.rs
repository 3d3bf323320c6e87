//! Where human output may break a line: at spaces, and after Chinese
//! punctuation, never inside a run of Chinese characters (a word, a term
//! such as `社会公益组织(0)`, a number). A run wider than the line is still
//! broken at the width by the wrapper.

use textwrap::core::Word;
use textwrap::WordSeparator;

/// Punctuation after which a Chinese line may break.
const BREAK_AFTER: &[char] = &[
    '，', '、', '；', '：', '。', '！', '？', '）', '」', '』', '】', '”',
];

/// The separator the human renderer wraps with.
pub(super) const SEPARATOR: WordSeparator = WordSeparator::Custom(words);

/// `line` as words: each ends after its spaces, or after a breaking
/// punctuation mark that no space follows.
fn words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in line.char_indices() {
        let end = at + c.len_utf8();
        let next = line[end..].chars().next();
        // No break before a space, nor before punctuation, which must not
        // open a line (`）、` stays together).
        let held = next.is_some_and(|n| n == ' ' || BREAK_AFTER.contains(&n));
        if (c == ' ' || BREAK_AFTER.contains(&c)) && !held {
            out.push(Word::from(&line[start..end]));
            start = end;
        }
    }
    if start < line.len() {
        out.push(Word::from(&line[start..]));
    }
    Box::new(out.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> Vec<String> {
        words(line)
            .map(|w| format!("{}{}", w.word, w.whitespace))
            .collect()
    }

    #[test]
    fn lines_break_at_spaces_and_after_chinese_punctuation_only() {
        assert_eq!(
            split("自然人(0) + 社会公益组织(0)；把141改为142，请核对"),
            [
                "自然人(0) ",
                "+ ",
                "社会公益组织(0)；",
                "把141改为142，",
                "请核对"
            ]
        );
        assert_eq!(split("a  b"), ["a  ", "b"]);
        assert_eq!(split("（.md）、网页"), ["（.md）、", "网页"]);
        assert_eq!(split(""), Vec::<String>::new());
    }
}
