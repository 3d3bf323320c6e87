//! The contents sentence of the preamble: `本报告由总体情况、…等六部分组成`,
//! `全文包括总体情况、…、其他需要报告的事项`. It names the report's parts, and
//! may state their number.

use serde::Serialize;

use super::format::Format;
use crate::normalize::{canon, cjk_count};
use crate::pack::SectionSpec;
use crate::span::{Span, Spanned};

/// The sentence that lists the report's parts.
#[derive(Debug, Clone, Serialize)]
pub struct Contents {
    /// The sentence, from the word that opens the list (`由`, `包括`) to its end.
    pub span: Span,
    /// The number of parts it states (`六部分`, `6个部分`), if it states one.
    pub stated: Option<Spanned<usize>>,
    /// The parts it names, in order. Items that name one section together
    /// (`行政复议、行政诉讼情况`) are one part.
    pub parts: Vec<ContentsPart>,
    /// The list ends with `等` and states no number: it need not be complete.
    pub open: bool,
    /// Some item names no section of the format (a part disclint does not
    /// know, or an outline of another edition): the parts are not all read.
    pub unread: bool,
}

/// One part the contents sentence names.
#[derive(Debug, Clone, Serialize)]
pub struct ContentsPart {
    /// The section it names.
    pub kind: String,
    /// Where it is written.
    pub span: Span,
}

/// The words that open the list of parts (`本报告由…组成`, `全文包括…`,
/// `主要从…等六个方面汇报`).
const OPENERS: [&str; 3] = ["由", "包括", "从"];

/// Bytes after an opener in which the sentence must end (a long paragraph
/// without a full stop is not looked through once per opener).
const MAX_SENTENCE: usize = 1200;

/// Separators between the items of the list.
const SEPARATORS: [char; 5] = ['、', ',', '，', ';', '；'];

/// The words a count of parts is written with: `六部分`, `五项`, `六个方面`.
const MEASURES: [&str; 3] = ["部分", "项", "方面"];

/// Ideographs an item may have beyond the names of the sections it names
/// (`因政府信息公开工作被申请行政复议和提起行政诉讼情况`); an item longer than
/// that says more than disclint reads in it
/// (`主动公开政府信息详情和政府信息公开申请接收与办理情况`).
const ITEM_SLACK: usize = 10;

/// Words joining the last item to the list, dropped from its start.
const JOINERS: [&str; 4] = ["以及", "还有", "和", "及"];

/// The first contents sentence in `scope`: an opener followed by a list
/// whose first item names the first section of `format` (`总体情况`).
pub fn find_contents(text: &str, scope: Span, format: &Format) -> Option<Contents> {
    let within = scope.slice(text);
    OPENERS
        .iter()
        .flat_map(|opener| {
            within
                .match_indices(opener)
                .map(|(at, opener)| Span::new(scope.offset + at, opener.len()))
        })
        .filter_map(|opener| read_contents(text, opener, format))
        .min_by_key(|contents| contents.span.offset)
}

/// Reads the contents sentence whose list follows `opener`, if it is one.
fn read_contents(text: &str, opener: Span, format: &Format) -> Option<Contents> {
    let start = opener.end();
    let rest = text.get(start..)?;
    let mut end = rest.len().min(MAX_SENTENCE);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let sentence_end = rest[..end].find(['。', '\n', '\r']).unwrap_or(end);
    let mut list = &rest[..sentence_end];
    // `…六部分组成,内容涵盖…`: the list ends at `组成`.
    if let Some(at) = list.find("组成") {
        list = &list[..at];
    }
    let (list_end, stated) = count_of(list, start);
    let list = &list[..list_end];
    let lead = list.len() - list.trim_start_matches([' ', '\u{3000}', ':', '：']).len();
    let items = split_items(list, start, lead);
    let (_, first) = items.first()?;
    let first_kind = &format.sections.first()?.kind;
    if sections_in(first, format).first().map(|(kind, _)| kind) != Some(first_kind) {
        return None;
    }
    let open = stated.is_none() && list.trim_end().ends_with('等');
    let mut parts: Vec<(ContentsPart, Vec<usize>)> = Vec::new();
    let mut unread = false;
    for (span, item) in &items {
        let found = sections_in(item, format);
        let named: usize = found
            .iter()
            .filter_map(|(kind, _)| format.section(kind))
            .map(|section| cjk_count(section.name()))
            .sum();
        unread |= found.is_empty() || cjk_count(item) > named + ITEM_SLACK;
        for (kind, keys) in found {
            match parts.last_mut() {
                // `政府信息公开行政复议、行政诉讼情况`: the second item goes on with the part.
                Some((last, last_keys))
                    if last.kind == kind && keys.iter().all(|k| !last_keys.contains(k)) =>
                {
                    last.span = last.span.cover(*span);
                    last_keys.extend(keys);
                }
                _ => parts.push((ContentsPart { kind, span: *span }, keys)),
            }
        }
    }
    Some(Contents {
        span: Span::from_range(opener.offset, start + sentence_end),
        stated,
        parts: parts.into_iter().map(|(part, _)| part).collect(),
        open,
        unread,
    })
}

/// Where the list of items ends in `list` (before `等六部分`, `六个部分`,
/// `等五项`, `等部分`, `六个方面`), and the number of parts it states, if any
/// (`list` starts at byte `start` of the text). `项` counts only after a
/// numeral (`其他需要报告的事项` ends with one too).
fn count_of(list: &str, start: usize) -> (usize, Option<Spanned<usize>>) {
    let found = MEASURES
        .iter()
        .filter_map(|measure| {
            let at = list.rfind(measure)?;
            let before = list[..at].trim_end_matches(['个', '大']);
            let digits_start = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| numeral_value(*c).is_some())
                .last()
                .map_or(before.len(), |(i, _)| i);
            let stated = number_of(&before[digits_start..]).map(|n| {
                Spanned::new(
                    n,
                    Span::from_range(start + digits_start, start + at + measure.len()),
                )
            });
            (stated.is_some() || *measure != "项").then_some((digits_start, stated))
        })
        .max_by_key(|(digits_start, _)| *digits_start);
    let Some((digits_start, stated)) = found else {
        return (list.len(), None);
    };
    let end = list[..digits_start]
        .strip_suffix('等')
        .map_or(digits_start, str::len);
    (end, stated)
}

/// The value of one digit: `一`…`九`, `十`, `0`…`9`.
fn numeral_value(c: char) -> Option<usize> {
    "〇一二三四五六七八九十"
        .chars()
        .position(|n| n == c)
        .or_else(|| c.to_digit(10).map(|d| d as usize))
}

/// The number `numeral` writes: `六`, `十二`, `6`.
fn number_of(numeral: &str) -> Option<usize> {
    if numeral.is_empty() {
        return None;
    }
    if numeral.chars().all(|c| c.is_ascii_digit()) {
        return numeral.parse().ok();
    }
    match numeral.chars().collect::<Vec<_>>().as_slice() {
        ['十'] => Some(10),
        ['十', unit] => Some(10 + numeral_value(*unit)?),
        [digit] => numeral_value(*digit),
        _ => None,
    }
}

/// The items of `list` (which starts at byte `start` of the text), each
/// with its span, without joining words, a closing `等` or white space;
/// the first `lead` bytes are skipped.
fn split_items(list: &str, start: usize, lead: usize) -> Vec<(Span, &str)> {
    let mut items = Vec::new();
    let mut from = lead;
    for (at, separator) in list
        .match_indices(SEPARATORS.as_slice())
        .chain([(list.len(), "")])
    {
        if at < from {
            continue;
        }
        // The item's start moves past white space and a joining word.
        let mut offset = from;
        let mut item = &list[from..at];
        for joiner in JOINERS {
            let trimmed = item.trim_start();
            let rest = trimmed.strip_prefix(joiner).unwrap_or(trimmed);
            offset += item.len() - rest.len();
            item = rest;
        }
        let trimmed = item.trim_start();
        offset += item.len() - trimmed.len();
        let item = trimmed.trim_end_matches('等').trim_end();
        if !item.is_empty() {
            items.push((Span::new(start + offset, item.len()), item));
        }
        from = at + separator.len();
    }
    items
}

/// The sections `item` names, in the order it names them, each with the
/// indices of its keys the item contains.
fn sections_in(item: &str, format: &Format) -> Vec<(String, Vec<usize>)> {
    let folded = canon(item);
    let mut found: Vec<(usize, String, Vec<usize>)> = format
        .sections
        .iter()
        .filter_map(|section| {
            let (at, keys) = keys_in(section, &folded)?;
            Some((at, section.kind.clone(), keys))
        })
        .collect();
    found.sort_by_key(|(at, _, _)| *at);
    found
        .into_iter()
        .map(|(_, kind, keys)| (kind, keys))
        .collect()
}

/// Where in `folded` the first key of `section` stands that it contains
/// (every `+` part of it), and the indices of all such keys.
fn keys_in(section: &SectionSpec, folded: &str) -> Option<(usize, Vec<usize>)> {
    let mut first = None;
    let mut keys = Vec::new();
    for (index, key) in section.keys.iter().enumerate() {
        let at: Option<Vec<usize>> = key
            .split('+')
            .map(|part| folded.find(canon(part).as_str()))
            .collect();
        if let Some(at) = at.and_then(|at| at.into_iter().min()) {
            first = Some(first.map_or(at, |f: usize| f.min(at)));
            keys.push(index);
        }
    }
    Some((first?, keys))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Formats;
    use crate::pack::PackSet;
    use crate::Edition;

    fn contents(text: &str) -> Option<Contents> {
        let formats = Formats::new(PackSet::builtin().packs());
        find_contents(text, Span::new(0, text.len()), formats.get(Edition::E2021))
    }

    fn kinds(contents: &Contents) -> Vec<&str> {
        contents.parts.iter().map(|p| p.kind.as_str()).collect()
    }

    const SIX: [&str; 6] = [
        "overview",
        "active_disclosure",
        "applications",
        "review_litigation",
        "problems",
        "other",
    ];

    #[test]
    fn a_stated_count_and_six_parts() {
        let text = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况和其他需要报告的事项等六部分组成,内容涵盖全年工作。";
        let c = contents(text).unwrap();
        assert_eq!(kinds(&c), SIX);
        assert_eq!(c.stated.as_ref().map(|s| s.value), Some(6));
        assert_eq!(c.stated.unwrap().span.slice(text), "六部分");
        assert!(!c.open && !c.unread);
        let (from, to) = (text.find('由').unwrap(), text.find('。').unwrap());
        assert_eq!(c.span.slice(text), &text[from..to]);
    }

    #[test]
    fn arabic_and_measure_words() {
        let text = "全文由总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,政府信息公开行政复议和行政诉讼情况,存在的主要问题及改进情况,其他需要报告的事项6个部分组成。";
        let c = contents(text).unwrap();
        assert_eq!(kinds(&c), SIX);
        assert_eq!(c.stated.map(|s| s.value), Some(6));
    }

    #[test]
    fn a_repeated_part_is_two_parts() {
        let text = "全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议、因政府信息公开工作被申请行政复议和提起行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。";
        let c = contents(text).unwrap();
        assert_eq!(c.parts.len(), 7);
        assert_eq!(c.parts[3].kind, "review_litigation");
        assert_eq!(c.parts[4].kind, "review_litigation");
    }

    #[test]
    fn an_open_list_and_an_unknown_item() {
        let c = contents("全文包括总体情况、主动公开政府信息情况、存在的主要问题及改进情况等。")
            .unwrap();
        assert!(c.open && !c.unread);
        assert_eq!(c.stated.map(|s| s.value), None);
        let c = contents("全文包括总体情况、收费及减免情况。").unwrap();
        assert!(c.unread);
    }

    #[test]
    fn items_and_counts_in_other_words() {
        // Two parts run together in words disclint does not read.
        let c = contents("内容包括:总体情况、主动公开政府信息详情和政府信息公开申请接收与办理情况、政府信息公开相关行政复议及行政诉讼情况、现存问题与改进举措等五项内容。").unwrap();
        assert!(c.unread);
        assert_eq!(c.stated.map(|s| s.value), Some(5));
        let c = contents("主要从总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,政府信息公开行政复议、行政诉讼情况,存在的主要问题及改进情况及其他需要报告的事项等六个方面汇报全年工作。").unwrap();
        assert_eq!(kinds(&c), SIX);
        assert_eq!(c.stated.map(|s| s.value), Some(6));
        // `事项` is no count.
        let c = contents("全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。").unwrap();
        assert_eq!(kinds(&c), SIX);
        assert!(c.stated.is_none() && !c.unread);
    }

    #[test]
    fn not_a_contents_sentence() {
        assert!(contents("本报告由区统计局编制。").is_none());
        // A list in the text that does not start with the first part.
        assert!(contents("工作包括主动公开、依申请公开等。").is_none());
        assert!(contents("包括").is_none());
        assert!(contents("").is_none());
    }
}
