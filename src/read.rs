//! Bytes → text: byte-order marks, UTF-8, UTF-16 and GB18030.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use crate::line_index::LineIndex;
use crate::source::{SourceFile, TextEncoding};

/// Why bytes could not be turned into report text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// No supported encoding decodes the bytes; `offset` is the first bad byte
    /// under the encoding that was forced, or that decodes furthest.
    Undecodable {
        /// The encoding that was tried.
        encoding: TextEncoding,
        /// Offset in the input bytes (a byte-order mark included) of the
        /// first byte that does not decode.
        offset: usize,
    },
    /// The bytes are not text: NUL bytes or mostly control characters.
    Binary {
        /// Offset in the input bytes (a byte-order mark included) of the
        /// first NUL or control character (a 2-byte unit in UTF-16).
        offset: usize,
    },
}

/// Decodes report bytes.
///
/// With `forced`, only that encoding is tried. Otherwise: a BOM decides; then
/// UTF-8 if the bytes are valid UTF-8; then GB18030, the default of Chinese
/// Windows tools, when it decodes without errors. Offsets in errors are
/// offsets in `bytes`, whatever the encoding.
pub fn decode(
    path: &str,
    bytes: &[u8],
    forced: Option<TextEncoding>,
) -> Result<SourceFile, ReadError> {
    // UTF-8 text already validated while sniffing, so as not to validate twice.
    let mut validated = None;
    let (encoding, had_bom, body) = match forced {
        Some(enc) => {
            let bom_len = bom(bytes).filter(|(e, _)| *e == enc).map_or(0, |(_, n)| n);
            (enc, bom_len > 0, &bytes[bom_len..])
        }
        None => match bom(bytes) {
            Some((enc, n)) => (enc, true, &bytes[n..]),
            None => match (utf16_without_bom(bytes), std::str::from_utf8(bytes)) {
                (Some(utf16), _) => (utf16, false, bytes),
                (None, Ok(text)) => {
                    validated = Some(text);
                    (TextEncoding::Utf8, false, bytes)
                }
                (None, Err(err)) => (sniff_not_utf8(bytes, err.valid_up_to()), false, bytes),
            },
        },
    };
    let shift = bytes.len() - body.len();
    if let Some(offset) = binary_offset(body, encoding) {
        return Err(ReadError::Binary {
            offset: offset + shift,
        });
    }
    let text = match encoding {
        TextEncoding::Utf8 => match validated.map_or_else(|| std::str::from_utf8(body), Ok) {
            Ok(text) => text.to_owned(),
            Err(err) => {
                return Err(ReadError::Undecodable {
                    encoding,
                    offset: err.valid_up_to() + shift,
                })
            }
        },
        other => {
            decode_with(encoding_of(other), body).map_err(|offset| ReadError::Undecodable {
                encoding: other,
                offset: offset + shift,
            })?
        }
    };
    let lines = LineIndex::new(&text);
    Ok(SourceFile {
        path: path.to_owned(),
        text,
        encoding,
        had_bom,
        lines,
        kind: crate::extract::SourceKind::Text,
        map: crate::source_map::SourceMap::Identity,
        regions: crate::location::Regions::default(),
    })
}

/// Decodes `body` (no BOM) strictly, or returns the offset in `body` of the
/// first byte of the first sequence that does not decode.
fn decode_with(encoding: &'static Encoding, body: &[u8]) -> Result<String, usize> {
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(body) {
        return Ok(text.into_owned());
    }
    Err(first_bad_byte(encoding, body))
}

/// The offset of the first byte of the first malformed sequence in `body`
/// (`body.len()` if there is none, e.g. a sequence cut short at the end).
fn first_bad_byte(encoding: &'static Encoding, body: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(body.len().saturating_mul(2).min(1 << 20));
    let mut read = 0;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&body[read..], &mut out, true);
        read += n;
        match result {
            // The malformed sequence ends `after` bytes before what was read.
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                return read.saturating_sub(usize::from(bad) + usize::from(after));
            }
            encoding_rs::DecoderResult::InputEmpty => return body.len(),
            encoding_rs::DecoderResult::OutputFull => {
                out.clear();
                out.reserve(4096);
            }
        }
    }
}

/// The encoding of a byte-order mark at the start of `bytes`, and its length.
fn bom(bytes: &[u8]) -> Option<(TextEncoding, usize)> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some((TextEncoding::Utf8, 3)),
        [0xFF, 0xFE, ..] => Some((TextEncoding::Utf16Le, 2)),
        [0xFE, 0xFF, ..] => Some((TextEncoding::Utf16Be, 2)),
        _ => None,
    }
}

/// For bytes that are not UTF-8 (valid up to `utf8_valid_up_to`): GB18030
/// if they decode as GB18030; else whichever of the two decodes further, so
/// that the error names the first bad byte of the likelier encoding (a
/// GB18030 file with one bad byte is not reported as bad UTF-8 at byte 0).
fn sniff_not_utf8(bytes: &[u8], utf8_valid_up_to: usize) -> TextEncoding {
    if GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
        || first_bad_byte(GB18030, bytes) > utf8_valid_up_to
    {
        TextEncoding::Gb18030
    } else {
        TextEncoding::Utf8
    }
}

/// UTF-16 without a byte-order mark (Windows tools write it): bytes of even
/// length with NULs in them whose first 8 KiB decode, in one byte order, to
/// lines of text (a line break, at least 8 characters) nearly all Chinese,
/// ASCII and line breaks (at least 95%).
/// Text in one byte order is noise in the other, so at most one matches.
fn utf16_without_bom(bytes: &[u8]) -> Option<TextEncoding> {
    let head = &bytes[..bytes.len().min(8192)];
    if bytes.len() % 2 != 0 || bytes.len() < 4 || !head.contains(&0) {
        return None;
    }
    let plausible = |encoding: &'static Encoding| {
        let (text, _) = encoding.decode_without_bom_handling(head);
        let (mut good, mut all) = (0usize, 0usize);
        for c in text.chars() {
            all += 1;
            good += usize::from(matches!(c,
                '\n' | '\r' | '\t' | ' '..='~'
                | '\u{3000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}'
                | '\u{2010}'..='\u{2027}' | '\u{3400}'..='\u{4DBF}'));
        }
        all >= 8 && text.contains('\n') && good * 100 >= all * 95
    };
    [TextEncoding::Utf16Le, TextEncoding::Utf16Be]
        .into_iter()
        .find(|&encoding| plausible(encoding_of(encoding)))
}

fn encoding_of(encoding: TextEncoding) -> &'static Encoding {
    match encoding {
        TextEncoding::Utf8 => encoding_rs::UTF_8,
        TextEncoding::Gb18030 => GB18030,
        TextEncoding::Utf16Le => UTF_16LE,
        TextEncoding::Utf16Be => UTF_16BE,
    }
}

/// Re-encodes text into the encoding it was read in (for writing fixes back).
pub fn encode(text: &str, encoding: TextEncoding, with_bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 3);
    match encoding {
        TextEncoding::Utf8 => {
            if with_bom {
                out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
            }
            out.extend_from_slice(text.as_bytes());
        }
        TextEncoding::Gb18030 => out.extend_from_slice(&GB18030.encode(text).0),
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let little = encoding == TextEncoding::Utf16Le;
            if with_bom {
                out.extend_from_slice(if little { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
            }
            for unit in text.encode_utf16() {
                let bytes = if little {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                out.extend_from_slice(&bytes);
            }
        }
    }
    out
}

/// How many bytes at the start of a file the control-byte ratio is taken over.
const BINARY_HEAD: usize = 8192;

/// The offset in `body` of the first NUL, or of the first control character
/// when more than a tenth of the first 8 KiB are control characters. The
/// file's own units are inspected, before decoding, so that the offset is a
/// file offset: bytes in UTF-8 and GB18030 (whose multibyte sequences never
/// contain a byte below 0x30), 2-byte code units in UTF-16.
fn binary_offset(body: &[u8], encoding: TextEncoding) -> Option<usize> {
    match encoding {
        TextEncoding::Utf8 | TextEncoding::Gb18030 => {
            if let Some(nul) = memchr_nul(body) {
                return Some(nul);
            }
            control_offset(body.iter().map(|b| u16::from(*b)), BINARY_HEAD)
        }
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let little = encoding == TextEncoding::Utf16Le;
            let units = body.chunks_exact(2).map(move |pair| {
                let pair = [pair[0], pair[1]];
                if little {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            });
            if let Some(nul) = units.clone().position(|unit| unit == 0) {
                return Some(2 * nul);
            }
            control_offset(units, BINARY_HEAD / 2).map(|unit| 2 * unit)
        }
    }
}

/// The index of the first control unit among the first `head` units, when
/// more than a tenth of them are control units (tab, line feed, form feed
/// and carriage return are text).
fn control_offset(units: impl Iterator<Item = u16> + Clone, head: usize) -> Option<usize> {
    let is_control = |unit: &u16| *unit < 0x20 && !matches!(*unit, 0x09 | 0x0A | 0x0C | 0x0D);
    let (count, controls) = units.clone().take(head).fold((0, 0), |(n, c), unit| {
        (n + 1, c + usize::from(is_control(&unit)))
    });
    if count > 0 && controls * 10 > count {
        units.take(head).position(|unit| is_control(&unit))
    } else {
        None
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    // `contains` on bytes is a vectorised memchr; find the position only if there is one.
    if bytes.contains(&0) {
        bytes.iter().position(|b| *b == 0)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_supported_encoding() {
        let text = "一、总体情况\r\n";
        for (enc, bom) in [
            (TextEncoding::Utf8, false),
            (TextEncoding::Utf8, true),
            (TextEncoding::Gb18030, false),
            (TextEncoding::Utf16Le, true),
            (TextEncoding::Utf16Be, true),
        ] {
            let bytes = encode(text, enc, bom);
            let source = decode("x", &bytes, None).unwrap();
            assert_eq!(source.text, text, "{enc:?}");
            assert_eq!(source.encoding, enc);
            assert_eq!(source.had_bom, bom);
        }
    }

    #[test]
    fn reads_utf16_without_a_byte_order_mark() {
        let text =
            "城关镇2024年政府信息公开工作年度报告\r\n一、总体情况\r\n本年度公开信息120条。\r\n";
        for enc in [TextEncoding::Utf16Le, TextEncoding::Utf16Be] {
            let bytes = encode(text, enc, false);
            let source = decode("x", &bytes, None).unwrap();
            assert_eq!((source.text.as_str(), source.encoding), (text, enc));
            assert!(!source.had_bom);
            assert_eq!(
                encode(&source.text, enc, false),
                bytes,
                "written back as read"
            );
        }
        // Binary data with NULs is still binary.
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
        assert!(matches!(
            decode("x", png, None),
            Err(ReadError::Binary { .. })
        ));
    }

    #[test]
    fn rejects_nul_bytes() {
        assert_eq!(
            decode("x", b"ab\0c", None).unwrap_err(),
            ReadError::Binary { offset: 2 }
        );
    }

    /// Encodes `head`, appends `tail` as raw bytes; returns the bytes and where `tail` starts.
    fn with_tail(head: &str, encoding: TextEncoding, bom: bool, tail: &[u8]) -> (Vec<u8>, usize) {
        let mut bytes = encode(head, encoding, bom);
        let at = bytes.len();
        bytes.extend_from_slice(tail);
        (bytes, at)
    }

    const CHINESE: &str = "总体情况：某某镇人民政府2024年政府信息公开工作年度报告\n";

    #[test]
    fn binary_offsets_are_file_offsets_in_every_encoding() {
        for (encoding, bom, nul) in [
            (TextEncoding::Utf8, true, &b"\0"[..]),
            (TextEncoding::Gb18030, false, b"\0"),
            (TextEncoding::Utf16Le, true, b"\0\0"),
            (TextEncoding::Utf16Be, true, b"\0\0"),
        ] {
            let (bytes, at) = with_tail(CHINESE, encoding, bom, nul);
            assert_eq!(
                decode("x", &bytes, None).unwrap_err(),
                ReadError::Binary { offset: at },
                "{encoding:?}"
            );
        }
        // Control characters: UTF-16 units, counted over the file's first 8 KiB.
        let controls = encode(&"\x01a".repeat(100), TextEncoding::Utf16Le, false);
        let (bytes, at) = with_tail(CHINESE, TextEncoding::Utf16Le, true, &controls);
        assert_eq!(
            decode("x", &bytes, None).unwrap_err(),
            ReadError::Binary { offset: at }
        );
        // A UTF-16 NUL is a whole unit: the zero bytes of ASCII text are not NULs.
        let ascii = encode("ab\ncd\n", TextEncoding::Utf16Le, true);
        assert_eq!(decode("x", &ascii, None).unwrap().text, "ab\ncd\n");
    }

    #[test]
    fn the_binary_verdict_is_taken_on_the_file_bytes() {
        // 4-byte GB18030 characters (2 bytes in UTF-8), then text with control
        // characters: a tenth of the decoded text's first 8 KiB, not of the file's.
        let head = "À".repeat(2000);
        let controls = "\x01a".repeat(3000);
        let (bytes, _) = with_tail(&head, TextEncoding::Gb18030, false, controls.as_bytes());
        let source = decode("x", &bytes, None).unwrap();
        assert_eq!(source.encoding, TextEncoding::Gb18030);
        // With the controls inside the file's first 8 KiB, the offset is the file's.
        let head = "À".repeat(1000);
        let (bytes, at) = with_tail(&head, TextEncoding::Gb18030, false, controls.as_bytes());
        assert_eq!(at, 4000);
        assert_eq!(
            decode("x", &bytes, None).unwrap_err(),
            ReadError::Binary { offset: at }
        );
    }

    #[test]
    fn undecodable_offsets_are_the_first_bad_byte_of_the_likelier_encoding() {
        // GB18030 with one bad byte: not "bad UTF-8 at byte 0".
        let (bytes, at) = with_tail(CHINESE, TextEncoding::Gb18030, false, b"\x81\x20abc");
        let expected = ReadError::Undecodable {
            encoding: TextEncoding::Gb18030,
            offset: at,
        };
        assert_eq!(decode("x", &bytes, None).unwrap_err(), expected);
        assert_eq!(
            decode("x", &bytes, Some(TextEncoding::Gb18030)).unwrap_err(),
            expected
        );
        // A 4-byte sequence that breaks on its last byte: the sequence's first byte.
        let (bytes, at) = with_tail(CHINESE, TextEncoding::Gb18030, false, b"\x81\x30\x81\x20z");
        assert_eq!(
            decode("x", &bytes, Some(TextEncoding::Gb18030)).unwrap_err(),
            ReadError::Undecodable {
                encoding: TextEncoding::Gb18030,
                offset: at
            }
        );
        // UTF-16 with a byte-order mark and a lone surrogate.
        let (bytes, at) = with_tail(CHINESE, TextEncoding::Utf16Le, true, b"\x00\xd8A\x00");
        assert_eq!(
            decode("x", &bytes, None).unwrap_err(),
            ReadError::Undecodable {
                encoding: TextEncoding::Utf16Le,
                offset: at
            }
        );
        // UTF-8 text with a stray byte stays a UTF-8 error.
        let (bytes, at) = with_tail(CHINESE, TextEncoding::Utf8, false, b"\xff");
        assert_eq!(
            decode("x", &bytes, None).unwrap_err(),
            ReadError::Undecodable {
                encoding: TextEncoding::Utf8,
                offset: at
            }
        );
    }

    #[test]
    fn forced_utf8_reports_first_bad_byte() {
        let bytes = encode("总体", TextEncoding::Gb18030, false);
        let err = decode("x", &bytes, Some(TextEncoding::Utf8)).unwrap_err();
        assert_eq!(
            err,
            ReadError::Undecodable {
                encoding: TextEncoding::Utf8,
                offset: 0
            }
        );
    }
}
