//! Bytes → text: byte-order marks, UTF-8, UTF-16 and GB18030.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use crate::line_index::LineIndex;
use crate::source::{SourceFile, TextEncoding};

/// Why bytes could not be turned into report text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// No supported encoding decodes the bytes; `offset` is the first bad byte
    /// under the encoding that was tried (or forced).
    Undecodable {
        /// The encoding that was tried.
        encoding: TextEncoding,
        /// Byte offset of the first byte that does not decode.
        offset: usize,
    },
    /// The bytes are not text: NUL bytes or mostly control characters.
    Binary {
        /// Byte offset of the first NUL or control byte.
        offset: usize,
    },
}

/// Decodes report bytes.
///
/// With `forced`, only that encoding is tried. Otherwise: a BOM decides; then
/// UTF-8 if the bytes are valid UTF-8; then GB18030, the default of Chinese
/// Windows tools, when it decodes without errors.
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
            None => match std::str::from_utf8(bytes) {
                Ok(text) => {
                    validated = Some(text);
                    (TextEncoding::Utf8, false, bytes)
                }
                Err(_) => (sniff_not_utf8(bytes), false, bytes),
            },
        },
    };
    if matches!(encoding, TextEncoding::Utf8 | TextEncoding::Gb18030) {
        if let Some(offset) = binary_offset(body) {
            return Err(ReadError::Binary {
                offset: offset + (bytes.len() - body.len()),
            });
        }
    }
    let text = match encoding {
        TextEncoding::Utf8 => match validated.map_or_else(|| std::str::from_utf8(body), Ok) {
            Ok(text) => text.to_owned(),
            Err(err) => {
                return Err(ReadError::Undecodable {
                    encoding,
                    offset: err.valid_up_to() + (bytes.len() - body.len()),
                })
            }
        },
        other => decode_with(other, encoding_of(other), body, bytes.len() - body.len())?,
    };
    if encoding != TextEncoding::Utf8 {
        if let Some(offset) = binary_offset(text.as_bytes()) {
            return Err(ReadError::Binary { offset });
        }
    }
    let lines = LineIndex::new(&text);
    Ok(SourceFile {
        path: path.to_owned(),
        text,
        encoding,
        had_bom,
        lines,
    })
}

fn decode_with(
    label: TextEncoding,
    encoding: &'static Encoding,
    body: &[u8],
    shift: usize,
) -> Result<String, ReadError> {
    match encoding.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => Ok(text.into_owned()),
        None => {
            let mut decoder = encoding.new_decoder_without_bom_handling();
            let mut out = String::with_capacity(body.len() * 2);
            let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
            let offset = match result {
                encoding_rs::DecoderResult::Malformed(bad, _) => read.saturating_sub(bad as usize),
                _ => read,
            };
            Err(ReadError::Undecodable {
                encoding: label,
                offset: offset + shift,
            })
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

/// For bytes that are not UTF-8: GB18030 if they decode as GB18030, else
/// UTF-8 (so that the error names the first byte that is not UTF-8).
fn sniff_not_utf8(bytes: &[u8]) -> TextEncoding {
    if GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
    {
        TextEncoding::Gb18030
    } else {
        TextEncoding::Utf8
    }
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

/// The offset of the first NUL byte, or of the first control byte when more
/// than a tenth of the first 8 KiB are control bytes.
fn binary_offset(bytes: &[u8]) -> Option<usize> {
    if let Some(nul) = memchr_nul(bytes) {
        return Some(nul);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let is_control = |b: &u8| *b < 0x20 && !matches!(*b, b'\n' | b'\r' | b'\t' | 0x0C);
    let controls = head.iter().filter(|b| is_control(b)).count();
    if !head.is_empty() && controls * 10 > head.len() {
        head.iter().position(is_control)
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
    fn rejects_nul_bytes() {
        assert_eq!(
            decode("x", b"ab\0c", None).unwrap_err(),
            ReadError::Binary { offset: 2 }
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
