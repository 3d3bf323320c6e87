//! Document numbers (发文字号): `国办公开办函〔2021〕30号`, `国务院令第711号`.
//!
//! GB/T 9704-2012 §7.2.5 writes a number as `代字〔YYYY〕N号`; reports also
//! write `[2021]`, `【2021】`, `(2021)`, `〔21〕`, `〕030号` or `〕第30号`. These
//! are read here as they are written, so rules can say what is wrong with them.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::normalize::canon;
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

static CODED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<prefix>[\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}]{1,12})[ \t]*(?P<open>[〔\[［【(（﹝])[ \t]*(?P<year>[0-9]{2,4})[ \t]*",
        r"(?P<close>[〕\]］】)）﹞])[ \t]*(?P<di>第)?[ \t]*(?P<serial>[0-9]{1,6})(?:[ \t]*(?P<hao>号))?"
    ))
    .expect("valid regex")
});

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
    CODED_RE
        .captures_iter(scope)
        .filter_map(|caps| {
            let at = |name: &str| {
                caps.name(name)
                    .map(|m| Span::new(base + m.start(), m.len()))
            };
            let whole = caps.get(0)?;
            let prefix = caps.name("prefix")?;
            let open = caps.name("open")?;
            let close = caps.name("close")?;
            let number = CodedNumber {
                span: Span::new(base + whole.start(), whole.len()),
                prefix: Spanned::new(prefix.as_str().to_owned(), at("prefix")?),
                open: Spanned::new(open.as_str().chars().next()?, at("open")?),
                year: Spanned::new(caps["year"].to_owned(), at("year")?),
                close: Spanned::new(close.as_str().chars().next()?, at("close")?),
                di: at("di"),
                serial: Spanned::new(caps["serial"].to_owned(), at("serial")?),
                hao: caps.name("hao").is_some(),
            };
            number.is_plausible().then_some(number)
        })
        .collect()
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
}
