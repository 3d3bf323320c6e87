//! Character references in page text: `&nbsp;`, `&lt;`, `&#12288;`, `&#x3000;`.
//!
//! `lol_html` hands text over as it stands in the source, references and
//! all; a reader sees the characters they stand for, so the extractor
//! decodes them here. Named references outside the table below are left as
//! they are (a reader of the page sees those too, and `X002` reports them).

/// The named references decoded, with the character each stands for. The
/// HTML standard has two thousand; these are the ones government pages
/// use (spaces, marks, quotes, dashes, signs).
const NAMED: &[(&str, char)] = &[
    ("nbsp", '\u{a0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwsp", '\u{200b}'),
    ("lt", '<'),
    ("gt", '>'),
    ("amp", '&'),
    ("quot", '"'),
    ("apos", '\''),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("middot", '·'),
    ("bull", '•'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("deg", '°'),
    ("permil", '‰'),
    ("percnt", '%'),
    ("yen", '¥'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("sect", '§'),
    ("para", '¶'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("radic", '√'),
    ("check", '✓'),
    ("cir", '○'),
    ("squ", '□'),
    ("star", '☆'),
    ("starf", '★'),
];

/// Names a browser also decodes without the closing `;` (legacy references).
const LEGACY: &[&str] = &["nbsp", "lt", "gt", "amp", "quot", "copy", "reg"];

/// The longest reference looked at (`&#x10FFFF;` and the names above fit).
const MAX_REFERENCE: usize = 12;

/// A reference at the start of `text` (which starts with `&`): the
/// character it stands for and its length in bytes, or `None` when `text`
/// does not start with a reference this module decodes.
pub(super) fn decode_at(text: &str) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    debug_assert_eq!(bytes.first(), Some(&b'&'));
    if bytes.get(1) == Some(&b'#') {
        return numeric(bytes);
    }
    let name_len = bytes[1..]
        .iter()
        .take(MAX_REFERENCE)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &text[1..1 + name_len];
    if bytes.get(1 + name_len) == Some(&b';') {
        if let Some((_, c)) = NAMED.iter().find(|(n, _)| *n == name) {
            return Some((*c, name_len + 2));
        }
    }
    // Without the `;`, browsers still read the legacy names, the longest
    // that begins the text.
    LEGACY
        .iter()
        .filter(|legacy| name.starts_with(**legacy))
        .max_by_key(|legacy| legacy.len())
        .and_then(|legacy| NAMED.iter().find(|(n, _)| n == legacy))
        .map(|(n, c)| (*c, n.len() + 1))
}

/// `text` with its references decoded.
pub(super) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match decode_at(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `&#NNN;` or `&#xHHH;` (the `;` may be missing, as browsers allow).
fn numeric(bytes: &[u8]) -> Option<(char, usize)> {
    let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
    let digits_start = if hex { 3 } else { 2 };
    let radix = if hex { 16 } else { 10 };
    let mut value: u32 = 0;
    let mut end = digits_start;
    while let Some(digit) = bytes.get(end).and_then(|b| char::from(*b).to_digit(radix)) {
        // Saturates: an absurdly long number is simply out of range.
        value = value.saturating_mul(radix).saturating_add(digit);
        end += 1;
    }
    if end == digits_start {
        return None;
    }
    if bytes.get(end) == Some(&b';') {
        end += 1;
    }
    Some((code_point(value), end))
}

/// The character a numeric reference stands for, as the HTML standard
/// reads it: C1 controls are the Windows-1252 characters a page meant, and
/// what is not a character becomes U+FFFD.
fn code_point(value: u32) -> char {
    const WINDOWS_1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match value {
        0 => '\u{fffd}',
        0x80..=0x9f => WINDOWS_1252[(value - 0x80) as usize],
        _ => char::from_u32(value).unwrap_or('\u{fffd}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric_references_decode() {
        assert_eq!(decode_at("&nbsp;x"), Some(('\u{a0}', 6)));
        assert_eq!(decode_at("&lt;长江"), Some(('<', 4)));
        assert_eq!(decode_at("&#12288;"), Some(('\u{3000}', 8)));
        assert_eq!(decode_at("&#x3000;"), Some(('\u{3000}', 8)));
        assert_eq!(decode_at("&#X3000;"), Some(('\u{3000}', 8)));
        assert_eq!(decode_at("&ensp;&emsp;"), Some(('\u{2002}', 6)));
        assert_eq!(decode_at("&quot;"), Some(('"', 6)));
        assert_eq!(decode("a&nbsp;&amp;&x;b"), "a\u{a0}&&x;b");
    }

    #[test]
    fn browsers_leniencies_and_bad_references() {
        // Legacy names and numbers without `;`.
        assert_eq!(decode_at("&nbsp1"), Some(('\u{a0}', 5)));
        assert_eq!(decode_at("&#65 "), Some(('A', 4)));
        // Unknown names and a bare ampersand stay text.
        assert_eq!(decode_at("&foo;"), None);
        assert_eq!(decode_at("&hellipx"), None);
        assert_eq!(decode_at("& "), None);
        assert_eq!(decode_at("&#;"), None);
        // Not characters: U+FFFD; C1 controls as Windows-1252.
        assert_eq!(decode_at("&#0;"), Some(('\u{fffd}', 4)));
        assert_eq!(decode_at("&#xD800;"), Some(('\u{fffd}', 8)));
        assert_eq!(
            decode_at("&#99999999999999999999;").map(|r| r.0),
            Some('\u{fffd}')
        );
        assert_eq!(decode_at("&#150;"), Some(('–', 6)));
    }
}
