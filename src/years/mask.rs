//! Masked text: a paragraph as the copy checks compare it. What changes from
//! one copy to the next without the text being rewritten — years, figures,
//! the agency's own name, spacing, the width of punctuation — is folded away.

use crate::normalize::{fold_char, is_cjk};
use crate::span::Span;

/// What a run of digits (a year, a figure, `12.5`, `1,234`) becomes.
pub const NUMBER: char = '#';
/// What the agency's own name (any of its forms) becomes.
pub const NAME: char = '@';

/// One character of masked text and the bytes of the text it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaskedChar {
    /// The character compared.
    pub c: char,
    /// Byte offset of the first byte it stands for.
    pub start: u32,
    /// Byte offset just past the last.
    pub end: u32,
}

/// The forms of an agency's name that are masked in its own report: the name
/// as its title gives it, with `人民政府` shortened to `政府`, without the
/// trailing `人民政府`/`政府`/`办事处`, and the last place in it on its own
/// (`青禾县白石镇人民政府` → `白石镇人民政府`, `白石镇政府`, `白石镇`).
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// The forms, longest first.
    forms: Vec<String>,
    /// The first character of each form.
    firsts: Vec<char>,
    /// Bit `c mod 64` set for every first character `c`: most characters
    /// are told to start no form by one test ([`Names::may_start`]).
    first_bits: u64,
}

/// The bit of `c` in [`Names::first_bits`].
fn first_bit(c: char) -> u64 {
    1 << (u32::from(c) % 64)
}

/// Characters that end the name of a place above the last one in a name.
const PLACE_ENDS: [char; 7] = ['省', '市', '州', '盟', '区', '县', '旗'];
/// Suffixes of a government's name that are dropped to get its place.
const GOVERNMENT: [&str; 3] = ["人民政府", "政府", "办事处"];

impl Names {
    /// The forms of `name` (none for an empty name).
    pub fn of(name: &str) -> Names {
        let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
        let mut forms = Vec::new();
        let mut add = |form: &str| {
            if form.chars().count() >= 2 && !forms.iter().any(|f| f == form) {
                forms.push(form.to_owned());
            }
        };
        for whole in [name.clone(), name.replace("人民政府", "政府")] {
            add(&whole);
            let place = GOVERNMENT
                .iter()
                .find_map(|suffix| whole.strip_suffix(suffix))
                .unwrap_or(&whole);
            add(place);
            // The last place: after the last place ending that is not the end.
            let inner = place.trim_end_matches(PLACE_ENDS);
            if let Some(at) = inner.rfind(PLACE_ENDS) {
                let cut = at + inner[at..].chars().next().map_or(0, char::len_utf8);
                add(&whole[cut..]);
                add(&place[cut..]);
            }
        }
        forms.sort_by_key(|form| std::cmp::Reverse(form.len()));
        let firsts: Vec<char> = forms
            .iter()
            .filter_map(|form| form.chars().next())
            .collect();
        let first_bits = firsts.iter().fold(0, |bits, &c| bits | first_bit(c));
        Names {
            forms,
            firsts,
            first_bits,
        }
    }

    /// Whether some form of the name starts with `c`.
    fn may_start(&self, c: char) -> bool {
        self.first_bits & first_bit(c) != 0 && self.firsts.contains(&c)
    }

    /// The length in bytes of the form of the name `text` starts with, if
    /// any; `first` is `text`'s first character.
    fn at_start(&self, first: char, text: &str) -> Option<usize> {
        // Most characters start no form: tell so without comparing strings.
        if !self.may_start(first) {
            return None;
        }
        self.forms
            .iter()
            .find(|form| text.starts_with(form.as_str()))
            .map(String::len)
    }
}

/// Whether `c` is dropped from masked text: white space, zero-width
/// characters and quotes (extractions add, drop and change them).
fn dropped(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}'
                | '\u{feff}'
                | '“'
                | '”'
                | '"'
                | '\''
                | '‘'
                | '’'
                | '「'
                | '」'
                | '『'
                | '』'
                | '|'
        )
}

/// Whether `c` is a Chinese digit, as years are sometimes written (`二〇二三年`).
fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
    )
}

/// The byte length of a year in Chinese digits at the start of `text`
/// (four of them and `年`, the `年` not included).
fn chinese_year(text: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for _ in 0..4 {
        let (_, c) = chars.next()?;
        if !is_chinese_digit(c) {
            return None;
        }
    }
    let (at, c) = chars.next()?;
    (c == '年').then_some(at)
}

/// The byte length of the number at the start of `text` (it starts with a
/// digit): digits, and `.` or `,` between digits, in either width.
fn number_len(text: &str) -> usize {
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let folded = fold_char(c);
        if folded.is_ascii_digit() {
            end = at + c.len_utf8();
            continue;
        }
        let joins = matches!(folded, '.' | ',')
            && chars
                .peek()
                .is_some_and(|&(_, next)| fold_char(next).is_ascii_digit());
        if !joins || c == '、' || c == '。' {
            break;
        }
    }
    end
}

/// Appends the masked text of `span` of `text` to `out`.
pub fn mask(text: &str, span: Span, names: &Names, out: &mut Vec<MaskedChar>) {
    let body = span.slice(text);
    let base = span.offset;
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        let at = body.len() - rest.len();
        let (masked, len) = if is_cjk(c) && !is_chinese_digit(c) && !names.may_start(c) {
            // Most of a report: an ideograph that is kept as it is.
            (Some(c), c.len_utf8())
        } else if dropped(c) {
            (None, c.len_utf8())
        } else if fold_char(c).is_ascii_digit() {
            (Some(NUMBER), number_len(rest))
        } else if let Some(len) = chinese_year(rest) {
            (Some(NUMBER), len)
        } else if let Some(len) = names.at_start(c, rest) {
            (Some(NAME), len)
        } else {
            (Some(fold_char(c)), c.len_utf8())
        };
        if let Some(c) = masked {
            out.push(MaskedChar {
                c,
                start: offset(base + at),
                end: offset(base + at + len),
            });
        }
        // Every length above ends on a char boundary and covers `c` at least.
        rest = rest.get(len.max(c.len_utf8())..).unwrap_or("");
    }
}

/// A byte offset as facts store it (reports larger than 4 GiB are not read).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str, agency: &str) -> String {
        let mut out = Vec::new();
        mask(text, Span::new(0, text.len()), &Names::of(agency), &mut out);
        out.iter().map(|m| m.c).collect()
    }

    #[test]
    fn years_figures_names_and_spacing_are_masked() {
        assert_eq!(
            masked(
                "2024年，白石镇共收到申请12件，办结率 99.5%。",
                "青禾县白石镇人民政府"
            ),
            "#年,@共收到申请#件,办结率#%."
        );
        assert_eq!(
            masked(
                "二〇二三年，“青禾县白石镇政府”公开1,234条",
                "青禾县白石镇人民政府"
            ),
            "#年,@公开#条"
        );
        // A list of figures keeps its separators.
        assert_eq!(masked("1、2、3。", ""), "#.#.#.");
    }

    #[test]
    fn the_forms_of_a_name_are_its_full_short_and_place_names() {
        let names = Names::of("青禾县白石镇人民政府");
        for form in [
            "青禾县白石镇人民政府",
            "青禾县白石镇政府",
            "青禾县白石镇",
            "白石镇人民政府",
            "白石镇政府",
            "白石镇",
        ] {
            assert!(names.forms.iter().any(|f| f == form), "{form}");
        }
        assert_eq!(Names::of("某某市财政局").forms, ["某某市财政局", "财政局"]);
        assert!(Names::of("").forms.is_empty());
    }

    #[test]
    fn masked_characters_keep_their_bytes() {
        let text = "共12件";
        let mut out = Vec::new();
        mask(text, Span::new(0, text.len()), &Names::default(), &mut out);
        let spans: Vec<&str> = out
            .iter()
            .map(|m| &text[m.start as usize..m.end as usize])
            .collect();
        assert_eq!(spans, ["共", "12", "件"]);
    }
}
