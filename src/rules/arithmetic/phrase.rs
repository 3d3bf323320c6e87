//! Phrases made of literal alternatives and a number (`收到` `了`? …
//! `申请` `24` `件`), matched as a regular expression of them would match
//! (leftmost first, each part's alternatives tried in order, backtracking)
//! without compiling one: the phrases of A006 and A007 are read in every
//! report, and compiling their patterns was a tenth of a one-report run.

use std::ops::Range;

/// One part of a phrase.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Part {
    /// One of these words, tried in order; `""` (last) makes the part optional.
    Words(&'static [&'static str]),
    /// A run of ASCII digits, the whole run (what follows a number in a
    /// phrase is never a digit).
    Digits,
}

/// A match: the byte range of each part, in order, in the text.
pub(crate) type Parts = Vec<Range<usize>>;

/// The matches of `phrase` in `text`, leftmost first, not overlapping.
pub(crate) fn find_iter<'t>(text: &'t str, phrase: &'t [Part]) -> impl Iterator<Item = Parts> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < text.len() {
            let at = from;
            from += text[at..].chars().next().map_or(1, char::len_utf8);
            let mut parts = Vec::with_capacity(phrase.len());
            if match_at(text, at, phrase, &mut parts) {
                from = parts.last().map_or(from, |last| last.end.max(from));
                return Some(parts);
            }
        }
        None
    })
}

/// Whether `phrase` matches `text` at `at`; the parts' ranges are pushed
/// onto `parts`.
fn match_at(text: &str, at: usize, phrase: &[Part], parts: &mut Parts) -> bool {
    let Some((part, rest)) = phrase.split_first() else {
        return true;
    };
    match *part {
        Part::Digits => {
            let run = text.as_bytes()[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if run == 0 {
                return false;
            }
            parts.push(at..at + run);
            if match_at(text, at + run, rest, parts) {
                return true;
            }
            parts.pop();
            false
        }
        Part::Words(words) => {
            for word in words {
                if text[at..].starts_with(word) {
                    parts.push(at..at + word.len());
                    if match_at(text, at + word.len(), rest, parts) {
                        return true;
                    }
                    parts.pop();
                }
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHRASE: &[Part] = &[
        Part::Words(&["收到", "受理"]),
        Part::Words(&["了", ""]),
        Part::Words(&["依申请公开申请", "申请", "依申请公开"]),
        Part::Words(&["共", ""]),
        Part::Digits,
        Part::Words(&["件"]),
    ];

    fn found(text: &str) -> Vec<&str> {
        find_iter(text, PHRASE)
            .map(|parts| &text[parts[0].start..parts[parts.len() - 1].end])
            .collect()
    }

    #[test]
    fn matches_leftmost_first_with_backtracking() {
        assert_eq!(
            found("共收到申请24件,受理了依申请公开3件"),
            ["收到申请24件", "受理了依申请公开3件"]
        );
        // `依申请公开申请` is tried first, then the shorter words.
        assert_eq!(found("收到依申请公开申请2件"), ["收到依申请公开申请2件"]);
        assert_eq!(found("收到依申请公开2件"), ["收到依申请公开2件"]);
        assert_eq!(found("收到申请件,收到申请 2件"), Vec::<&str>::new());
    }
}
