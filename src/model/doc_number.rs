//! Document numbers (发文字号): `国办公开办函〔2021〕30号`, `国务院令第711号`.
//!
//! GB/T 9704-2012 §7.2.5 writes a number as `代字〔YYYY〕N号`; reports also
//! write `[2021]`, `【2021】`, `(2021)`, `〔21〕`, `〕030号` or `〕第30号`. These
//! are read here as they are written, so rules can say what is wrong with them.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::normalize::{canon, is_cjk};
use crate::span::{Span, Spanned};

/// A document number as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum DocNumber {
    /// `代字〔YYYY〕N号`, however bracketed.
    Coded(CodedNumber),
    /// A State Council decree, `国务院令第711号` (no year, with 第).
    Decree(DecreeNumber),
}

/// A `代字〔YYYY〕N号` number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodedNumber {
    /// From the 代字 to `号` (or the serial when `号` is missing).
    pub span: Span,
    /// The 代字 (issuer code) as written, e.g. `国办公开办函`.
    pub prefix: Spanned<String>,
    /// The opening bracket of the year.
    pub open: Spanned<char>,
    /// The year's digits as written (`2021`, or `21`).
    pub year: Spanned<String>,
    /// The closing bracket of the year.
    pub close: Spanned<char>,
    /// A `第` before the serial, which the standard does not use.
    pub di: Option<Span>,
    /// The serial's digits as written (`30`, or `030`).
    pub serial: Spanned<String>,
    /// Whether `号` follows.
    pub hao: bool,
}

/// A decree number: `国务院令第711号`, `国令第711号`, `国务院第492号令`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecreeNumber {
    /// The whole number.
    pub span: Span,
    /// The decree's serial.
    pub serial: u32,
}

/// What identifies a document by its number, whatever the brackets, zeros or `第`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberKey {
    /// A decree serial.
    Decree(u32),
    /// Folded 代字, year and serial.
    Coded {
        /// The 代字, folded.
        prefix: String,
        /// The year as a number (two-digit years are taken as written).
        year: u32,
        /// The serial.
        serial: u32,
    },
}

impl NumberKey {
    /// Whether two numbers name the same document: decrees by serial, coded
    /// numbers by year and serial (a 代字 typo is still the same document).
    pub fn same_document(&self, other: &NumberKey) -> bool {
        match (self, other) {
            (NumberKey::Decree(a), NumberKey::Decree(b)) => a == b,
            (
                NumberKey::Coded { year, serial, .. },
                NumberKey::Coded {
                    year: y2,
                    serial: s2,
                    ..
                },
            ) => year == y2 && serial == s2,
            _ => false,
        }
    }
}

static DECREE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:国务院|国)令[ \t]*第?[ \t]*(?P<a>[0-9]{1,5})[ \t]*号|国务院[ \t]*第[ \t]*(?P<b>[0-9]{1,5})[ \t]*号令")
        .expect("valid regex")
});

impl CodedNumber {
    /// Whether the match is clearly a document number: right brackets, or any
    /// brackets with a four-digit year and `号`.
    fn is_plausible(&self) -> bool {
        (self.open.value == '〔' && self.close.value == '〕')
            || (self.hao && self.year.value.len() == 4)
    }

    /// Year and serial as numbers.
    pub fn key(&self) -> Option<NumberKey> {
        Some(NumberKey::Coded {
            prefix: canon(&self.prefix.value),
            year: self.year.value.parse().ok()?,
            serial: self.serial.value.parse().ok()?,
        })
    }
}

impl DocNumber {
    /// The span of the whole number.
    pub fn span(&self) -> Span {
        match self {
            DocNumber::Coded(c) => c.span,
            DocNumber::Decree(d) => d.span,
        }
    }

    /// What identifies the document.
    pub fn key(&self) -> Option<NumberKey> {
        match self {
            DocNumber::Coded(c) => c.key(),
            DocNumber::Decree(d) => Some(NumberKey::Decree(d.serial)),
        }
    }
}

/// Every coded number in `text[span]` (offsets are into `text`).
pub fn find_coded_numbers(text: &str, span: Span) -> Vec<CodedNumber> {
    let scope = span.slice(text);
    let base = span.offset;
    let mut found = Vec::new();
    // Where the last number ended: the next one's 代字 starts after it.
    let mut floor = 0;
    for open in opening_brackets(scope) {
        if open < floor {
            continue;
        }
        let Some(raw) = coded_at(scope, open, floor) else {
            continue;
        };
        floor = raw.end;
        let at =
            |range: &std::ops::Range<usize>| Span::from_range(base + range.start, base + range.end);
        let char_at = |range: &std::ops::Range<usize>| scope[range.clone()].chars().next();
        let (Some(open), Some(close)) = (char_at(&raw.open), char_at(&raw.close)) else {
            continue;
        };
        let number = CodedNumber {
            span: Span::from_range(base + raw.prefix.start, base + raw.end),
            prefix: Spanned::new(scope[raw.prefix.clone()].to_owned(), at(&raw.prefix)),
            open: Spanned::new(open, at(&raw.open)),
            year: Spanned::new(scope[raw.year.clone()].to_owned(), at(&raw.year)),
            close: Spanned::new(close, at(&raw.close)),
            di: raw.di.as_ref().map(at),
            serial: Spanned::new(scope[raw.serial.clone()].to_owned(), at(&raw.serial)),
            hao: raw.hao,
        };
        if number.is_plausible() {
            found.push(number);
        }
    }
    found
}

/// The brackets a number's year may open with.
const OPEN: [char; 7] = ['〔', '[', '［', '【', '(', '（', '﹝'];
/// The brackets it may close with.
const CLOSE: [char; 7] = ['〕', ']', '］', '】', ')', '）', '﹞'];
/// The most characters of a 代字.
const MAX_PREFIX_CHARS: usize = 12;
/// The most digits of a serial.
const MAX_SERIAL_DIGITS: usize = 6;

/// The byte offsets of the opening brackets in `text`, in order: found by
/// their first bytes (`[`, `(`, and 0xE3 or 0xEF for the full-width ones).
fn opening_brackets(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut candidates: Vec<usize> = memchr::memchr3_iter(b'[', b'(', 0xE3, bytes)
        .chain(memchr::memchr_iter(0xEF, bytes))
        .collect();
    candidates.sort_unstable();
    candidates
        .into_iter()
        .filter(move |&at| text[at..].starts_with(OPEN))
}

/// A coded number's parts, as byte ranges of the text it was found in.
struct RawCoded {
    prefix: std::ops::Range<usize>,
    open: std::ops::Range<usize>,
    year: std::ops::Range<usize>,
    close: std::ops::Range<usize>,
    di: Option<std::ops::Range<usize>>,
    serial: std::ops::Range<usize>,
    hao: bool,
    end: usize,
}

/// The coded number whose year's bracket opens at `open`, if there is one,
/// its 代字 not before `floor`: one to twelve ideographs (the last twelve of
/// a longer run), blanks, the bracket, blanks, two to four digits, blanks,
/// the closing bracket, blanks, `第`?, blanks, up to six digits, then
/// blanks and `号` if they follow. (What the pattern
/// `[CJK]{1,12}[ \t]*[〔…][ \t]*[0-9]{2,4}[ \t]*[〕…][ \t]*第?[ \t]*[0-9]{1,6}(?:[ \t]*号)?`
/// matches, leftmost first; a test holds the two together.)
fn coded_at(text: &str, open: usize, floor: usize) -> Option<RawCoded> {
    let blanks = |from: usize| {
        from + text.as_bytes()[from..]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count()
    };
    let digits = |from: usize| {
        from + text.as_bytes()[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    // Backwards: blanks, then the ideographs of the 代字.
    let prefix_end = open
        - text.as_bytes()[floor..open]
            .iter()
            .rev()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
    let prefix_start = text[floor..prefix_end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_cjk(c))
        .take(MAX_PREFIX_CHARS)
        .last()
        .map(|(at, _)| floor + at)?;
    // Forwards: the year in its brackets.
    let open_len = text[open..].chars().next()?.len_utf8();
    let year_start = blanks(open + open_len);
    let year_end = digits(year_start);
    if !(2..=4).contains(&(year_end - year_start)) {
        return None;
    }
    let close_start = blanks(year_end);
    let close_char = text[close_start..]
        .chars()
        .next()
        .filter(|c| CLOSE.contains(c))?;
    let close_end = close_start + close_char.len_utf8();
    // `第` is taken only if digits follow it.
    let after_close = blanks(close_end);
    let (di, serial_start) = match text[after_close..].strip_prefix('第') {
        Some(_) => {
            let di = after_close..after_close + '第'.len_utf8();
            (Some(di.clone()), blanks(di.end))
        }
        None => (None, after_close),
    };
    let run_end = digits(serial_start);
    if run_end == serial_start {
        return None;
    }
    let serial_end = serial_start + (run_end - serial_start).min(MAX_SERIAL_DIGITS);
    let hao_at = blanks(serial_end);
    let hao = text[hao_at..].starts_with('号');
    Some(RawCoded {
        prefix: prefix_start..prefix_end,
        open: open..open + open_len,
        year: year_start..year_end,
        close: close_start..close_end,
        di,
        serial: serial_start..serial_end,
        hao,
        end: if hao {
            hao_at + '号'.len_utf8()
        } else {
            serial_end
        },
    })
}

/// Every document number (coded or decree) in `text[span]`, in text order.
pub fn find_numbers(text: &str, span: Span) -> Vec<DocNumber> {
    let scope = span.slice(text);
    let mut numbers: Vec<DocNumber> = find_coded_numbers(text, span)
        .into_iter()
        .map(DocNumber::Coded)
        .collect();
    numbers.extend(DECREE_RE.captures_iter(scope).filter_map(|caps| {
        let whole = caps.get(0)?;
        let serial = caps.name("a").or_else(|| caps.name("b"))?;
        Some(DocNumber::Decree(DecreeNumber {
            span: Span::new(span.offset + whole.start(), whole.len()),
            serial: serial.as_str().parse().ok()?,
        }))
    }));
    numbers.sort_by_key(|n| n.span().offset);
    numbers
}

/// Parses a number written in a registry (`国办公开办函〔2021〕30号`).
pub fn parse_number(text: &str) -> Option<DocNumber> {
    let numbers = find_numbers(text, Span::new(0, text.len()));
    numbers
        .into_iter()
        .next()
        .filter(|n| n.span() == Span::new(0, text.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_coded_numbers_in_any_brackets() {
        let text = "国办公开办函[2019]61号和国办函〔2020〕109号、国办发(2022)8号,某文〔21〕030";
        let numbers = find_coded_numbers(text, Span::new(0, text.len()));
        let years: Vec<_> = numbers.iter().map(|n| n.year.value.as_str()).collect();
        assert_eq!(years, ["2019", "2020", "2022", "21"]);
        assert_eq!(numbers[0].open.value, '[');
        assert_eq!(numbers[0].prefix.value, "国办公开办函");
        assert!(!numbers[3].hao);
        assert_eq!(numbers[3].serial.value, "030");
    }

    #[test]
    fn a_year_in_parentheses_needs_hao() {
        let text = "统计表(2021)30";
        assert!(find_coded_numbers(text, Span::new(0, text.len())).is_empty());
    }

    #[test]
    fn reads_decrees() {
        for (text, serial) in [
            ("国务院令第711号", 711),
            ("国令第711号", 711),
            ("国务院令711号", 711),
            ("中华人民共和国国务院令第492号", 492),
            ("国务院第492号令", 492),
        ] {
            let numbers = find_numbers(text, Span::new(0, text.len()));
            assert_eq!(
                numbers.first().and_then(DocNumber::key),
                Some(NumberKey::Decree(serial)),
                "{text}"
            );
        }
    }

    #[test]
    fn same_document_ignores_prefix_and_zeros() {
        let a = parse_number("国办公开办函〔2021〕30号")
            .unwrap()
            .key()
            .unwrap();
        let b = parse_number("国办公开函[2021]030号")
            .unwrap()
            .key()
            .unwrap();
        assert!(a.same_document(&b));
        assert_ne!(a, b);
    }

    /// The pattern the scanner replaced, as the oracle of the test below.
    fn coded_by_pattern(text: &str) -> Vec<(usize, usize, String, String, bool)> {
        let pattern = Regex::new(concat!(
            r"(?P<prefix>[\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}]{1,12})[ \t]*(?P<open>[〔\[［【(（﹝])[ \t]*(?P<year>[0-9]{2,4})[ \t]*",
            r"(?P<close>[〕\]］】)）﹞])[ \t]*(?P<di>第)?[ \t]*(?P<serial>[0-9]{1,6})(?:[ \t]*(?P<hao>号))?"
        ))
        .unwrap();
        pattern
            .captures_iter(text)
            .filter(|c| {
                (&c["open"] == "〔" && &c["close"] == "〕")
                    || (c.name("hao").is_some() && c["year"].len() == 4)
            })
            .map(|c| {
                let whole = c.get(0).unwrap();
                let hao = c.name("hao").is_some();
                (
                    whole.start(),
                    whole.end(),
                    c["prefix"].to_owned(),
                    c["serial"].to_owned(),
                    hao,
                )
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn the_scanner_finds_what_the_pattern_found(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "国办公开办函〔2021〕", "〕30号", "国发(2019)", "]第12号", "国办公开办函", "发", "函", "文", "〔", "〕", "[", "]", "（", "）", "【", "】", "(", ")",
                "2021", "21", "20215", "30", "030", "1234567", "第", "号", " ", "\t", "。", "a", "令",
                "一二三四五六七八九十一二三",
            ][..]), 0..10)
        ) {
            let text = parts.concat();
            let found: Vec<_> = find_coded_numbers(&text, Span::new(0, text.len()))
                .into_iter()
                .map(|n| (n.span.offset, n.span.end(), n.prefix.value, n.serial.value, n.hao))
                .collect();
            proptest::prop_assert_eq!(found, coded_by_pattern(&text), "{:?}", text);
        }

        #[test]
        fn the_pattern_oracle_sees_numbers(tail in "[0-9号 ]{0,4}") {
            // The generator above must reach numbers, or the comparison is empty.
            let text = format!("依据国办公开办函〔2021〕30{tail}");
            proptest::prop_assert!(!coded_by_pattern(&text).is_empty());
            proptest::prop_assert_eq!(
                find_coded_numbers(&text, Span::new(0, text.len())).len(),
                coded_by_pattern(&text).len()
            );
        }
    }
}
