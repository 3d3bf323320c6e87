//! The counts a sentence states (`48条`, `225 条`), its clauses, and the
//! count it states as a whole (`共计3437条`, `…411条,其中…`), for the rules
//! that compare figures in prose (A005, A007).

/// A count a clause states: its value and where its digits stand in the sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Count<'s> {
    /// The number.
    pub value: u64,
    /// What it counts: `件`, `条`, ….
    pub unit: &'s str,
    /// Byte offset of the digits in the sentence.
    pub start: usize,
    /// Byte length of the digits.
    pub len: usize,
    /// Byte offset in the sentence just after the unit.
    pub end: usize,
}

/// What a count counts.
const UNITS: [&str; 10] = ["人次", "件", "条", "篇", "期", "次", "项", "个", "份", "场"];

/// A number followed by a unit, in a clause: byte ranges of its digits and its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Counted {
    digits: std::ops::Range<usize>,
    unit: std::ops::Range<usize>,
}

/// The numbers of `clause` with their units, in order; a space may stand
/// between them (`225 条`). A number is a whole run of digits.
fn counted(clause: &str) -> impl Iterator<Item = Counted> + '_ {
    let bytes = clause.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let start = at + bytes[at..].iter().position(u8::is_ascii_digit)?;
            let end = start
                + bytes[start..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
            at = end;
            let rest = &clause[end..];
            let units = [' ', '\u{3000}', '\u{a0}']
                .iter()
                .find_map(|space| rest.strip_prefix(*space))
                .unwrap_or(rest);
            if let Some(unit) = UNITS.iter().find(|unit| units.starts_with(**unit)) {
                let unit_start = clause.len() - units.len();
                at = unit_start + unit.len();
                return Some(Counted {
                    digits: start..end,
                    unit: unit_start..at,
                });
            }
        }
        None
    })
}

/// Words that make the count after them a whole (`共` alone too, but not in `公共`).
const WHOLE_MARKERS: [&str; 5] = ["总共", "共计", "合计", "总计", "累计"];

/// Characters at most between a whole's marker and its number.
const MAX_MARKER_GAP: usize = 16;

/// Whether the text before a count makes it a whole: it ends in a marker
/// (`共`, `共计`, `合计`, `总计`, `累计`, not `公共`) and at most a few
/// characters that are no digit and no clause break (`共收到申请`).
fn marks_whole(before: &str) -> bool {
    let mut head = before;
    for _ in 0..=MAX_MARKER_GAP {
        if WHOLE_MARKERS.iter().any(|m| head.ends_with(m))
            || head
                .strip_suffix('共')
                .is_some_and(|rest| !rest.ends_with('公'))
        {
            return true;
        }
        match head.chars().next_back() {
            Some(c) if !matches!(c, '0'..='9' | ',' | '，' | '、' | ':' | '：') => {
                head = &head[..head.len() - c.len_utf8()];
            }
            _ => return false,
        }
    }
    false
}

/// Words that open the parts of the whole before them.
pub(crate) const OPENERS: [&str; 2] = ["其中", "包括"];

/// The clauses of a sentence: byte ranges between `,` `，` `、` `:` `：`.
pub(crate) fn clauses(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in sentence.char_indices() {
        if matches!(c, ',' | '，' | '、' | ':' | '：') {
            out.push((start, i));
            start = i + c.len_utf8();
        }
    }
    out.push((start, sentence.len()));
    out
}

/// The one count of a clause that states a single figure and no other
/// number (no year, date or second count).
pub(crate) fn sole_count(sentence: &str, (start, end): (usize, usize)) -> Option<Count<'_>> {
    let clause = &sentence[start..end];
    let mut found = counted(clause);
    let Counted { digits, unit } = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let digit_count = clause.bytes().filter(u8::is_ascii_digit).count();
    if digit_count != digits.len() {
        return None;
    }
    Some(Count {
        value: clause[digits.clone()].parse().ok()?,
        unit: &clause[unit.clone()],
        start: start + digits.start,
        len: digits.len(),
        end: start + unit.end,
    })
}

/// Whether clause `index` of the sentence opens with one of [`OPENERS`].
pub(crate) fn opens_parts(sentence: &str, clause: (usize, usize)) -> bool {
    let text = sentence[clause.0..clause.1].trim_start();
    OPENERS.iter().any(|w| text.starts_with(w))
}

/// The wholes a sentence states, with the index of their clause: a count
/// marked by `共`/`共计`/`合计`/`总计`/`累计`, or the count of the clause
/// right before `其中`/`包括`; the count must end its clause.
pub(crate) fn wholes<'s>(sentence: &'s str, clauses: &[(usize, usize)]) -> Vec<(usize, Count<'s>)> {
    clauses
        .iter()
        .enumerate()
        .filter_map(|(i, &clause)| {
            let count = sole_count(sentence, clause)?;
            if !sentence[count.end..clause.1].trim().is_empty() {
                return None;
            }
            let marked = marks_whole(&sentence[clause.0..count.start]);
            let opened = clauses
                .get(i + 1)
                .is_some_and(|&next| opens_parts(sentence, next));
            (marked || opened).then_some((i, count))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn whole_values(sentence: &str) -> Vec<u64> {
        wholes(sentence, &clauses(sentence))
            .into_iter()
            .map(|(_, c)| c.value)
            .collect()
    }

    #[test]
    fn reads_counts_with_a_space_before_the_unit() {
        let s = "公告公示225 条";
        let count = sole_count(s, (0, s.len())).unwrap();
        assert_eq!((count.value, count.unit, count.end), (225, "条", s.len()));
        assert!(sole_count("2023年发布12条", (0, "2023年发布12条".len())).is_none());
    }

    #[test]
    fn finds_the_wholes() {
        assert_eq!(
            whole_values("公开信息共计3437条,包括:人事信息12条"),
            vec![3437]
        );
        assert_eq!(
            whole_values("主动公开信息411条,其中工作动态307条"),
            vec![411]
        );
        assert_eq!(whole_values("累计推送612篇,政策解读120篇"), vec![612]);
        assert_eq!(whole_values("公共服务1条,财政信息62条"), Vec::<u64>::new());
        assert_eq!(
            whole_values("共发布信息300条以上,网站120条"),
            Vec::<u64>::new()
        );
    }

    proptest::proptest! {
        #[test]
        fn counts_are_what_the_pattern_finds(clause in "[0-9 \u{3000}\u{a0}人次件条个份场年a]{0,16}") {
            let pattern =
                Regex::new(r"([0-9]+)[ \u{3000}\u{a0}]?(人次|件|条|篇|期|次|项|个|份|场)").unwrap();
            let expected: Vec<Counted> = pattern
                .captures_iter(&clause)
                .map(|c| Counted {
                    digits: c.get(1).unwrap().range(),
                    unit: c.get(2).unwrap().range(),
                })
                .collect();
            proptest::prop_assert_eq!(counted(&clause).collect::<Vec<_>>(), expected);
        }

        #[test]
        fn wholes_are_marked_as_the_pattern_says(before in "[共计合总累公收到申请的0-9,，、:：a]{0,20}") {
            let pattern =
                Regex::new(r"(?:总共|共计|合计|总计|累计|(?:^|[^公])共)[^0-9,，、:：]{0,16}$").unwrap();
            proptest::prop_assert_eq!(marks_whole(&before), pattern.is_match(&before), "{:?}", before);
        }
    }
}
