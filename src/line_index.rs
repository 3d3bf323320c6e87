//! Converting byte offsets into 1-based lines and character columns.

/// Bytes between two checkpoints of the character count.
const STEP: usize = 256;

/// Start offsets of every line of a text, for offset → (line, column) lookups.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`. Columns count Unicode scalar values,
/// not bytes, so a Chinese character is one column.
///
/// A lookup costs a binary search for the line and a scan of at most
/// 2 × 256 bytes: the index also keeps the number of characters before every
/// 256th byte, so a column is never counted from the start of a long line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars[k]`: the number of characters that start before byte `k * STEP`.
    chars: Vec<usize>,
    /// `astral[k]`: the number of characters outside the Basic Multilingual
    /// Plane (4 bytes in UTF-8, 2 units in UTF-16) that start before byte
    /// `k * STEP`.
    astral: Vec<usize>,
}

/// What a column counts, for [`LineIndex::column`] and [`LineIndex::offset`]
/// (the position encodings of the Language Server Protocol).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    /// UTF-8 bytes: a Chinese character is 3.
    Utf8,
    /// UTF-16 code units: a Chinese character is 1, a character outside the
    /// Basic Multilingual Plane (𠀀, an emoji) 2.
    Utf16,
}

/// A 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 64 + 1);
        starts.push(0);
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        let mut chars = Vec::with_capacity(bytes.len() / STEP + 1);
        let mut astral = Vec::with_capacity(bytes.len() / STEP + 1);
        let (mut count, mut astral_count) = (0, 0);
        for chunk in bytes.chunks(STEP) {
            chars.push(count);
            astral.push(astral_count);
            let (chunk_chars, chunk_astral) = count_starts(chunk);
            count += chunk_chars;
            astral_count += chunk_astral;
        }
        if bytes.len() % STEP == 0 {
            // The count before the end, which is a checkpoint too.
            chars.push(count);
            astral.push(astral_count);
        }
        Self {
            starts,
            chars,
            astral,
        }
    }

    /// Number of lines (a trailing newline opens one more, empty line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line containing byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(usize::MAX)
    }

    /// The 1-based position of byte `offset` in `text`.
    ///
    /// An offset inside a multi-byte character counts as that character.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line].min(offset);
        let bytes = text.as_bytes();
        let column = self.chars_before(bytes, offset) - self.chars_before(bytes, start);
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// The 0-based line of byte `offset` of `text` and its column counted in
    /// `unit` from the line's start: one end of a Language Server Protocol
    /// range. An offset inside a character counts as that character's start.
    pub fn column(&self, text: &str, offset: usize, unit: ColumnUnit) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line].min(offset);
        let column = match unit {
            ColumnUnit::Utf8 => offset - start,
            ColumnUnit::Utf16 => {
                let bytes = text.as_bytes();
                let units = |at| self.chars_before(bytes, at) + self.astral_before(bytes, at);
                units(offset) - units(start)
            }
        };
        (line, column)
    }

    /// The byte offset of 0-based `line` and `column` (counted in `unit`) in
    /// `text`, the inverse of [`LineIndex::column`]. As the protocol asks, a
    /// column past the line's end means its end (before the line break), a
    /// line past the last the end of the text, and a column inside a
    /// character (half of a UTF-16 pair, a byte inside a UTF-8 sequence) that
    /// character's start.
    pub fn offset(&self, text: &str, line: usize, column: usize, unit: ColumnUnit) -> usize {
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let content = text[start..end].trim_end_matches(['\n', '\r']);
        let mut counted = 0;
        for (at, character) in content.char_indices() {
            let width = match unit {
                ColumnUnit::Utf8 => character.len_utf8(),
                ColumnUnit::Utf16 => character.len_utf16(),
            };
            if counted + width > column {
                return start + at;
            }
            counted += width;
        }
        start + content.len()
    }

    /// The number of characters that start before byte `offset` of `bytes`
    /// (the indexed text): the checkpoint below it plus at most `STEP` bytes.
    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        count_before(&self.chars, bytes, offset, starts_char)
    }

    /// The number of characters outside the Basic Multilingual Plane that
    /// start before byte `offset` of `bytes`, as [`LineIndex::chars_before`].
    fn astral_before(&self, bytes: &[u8], offset: usize) -> usize {
        count_before(&self.astral, bytes, offset, starts_astral)
    }
}

/// The number of bytes of `bytes` before `offset` that `counts`, from
/// `checkpoints` (the count before every `STEP`th byte, up to the end of the
/// text) and a scan of at most `STEP` bytes.
fn count_before(
    checkpoints: &[usize],
    bytes: &[u8],
    offset: usize,
    counts: fn(u8) -> bool,
) -> usize {
    let checkpoint = (offset / STEP).min(checkpoints.len() - 1);
    let tail = bytes.get(checkpoint * STEP..offset).unwrap_or(&[]);
    scanned(tail.len());
    checkpoints[checkpoint] + tail.iter().filter(|&&b| counts(b)).count()
}

/// Whether a UTF-8 byte starts a character (is not a continuation byte).
fn starts_char(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// The bytes of `bytes` that start a character, and those that start a
/// 4-byte one: eight bytes at a time, by their high bits.
fn count_starts(bytes: &[u8]) -> (usize, usize) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let words = bytes.chunks_exact(8);
    let rest = words.remainder();
    let (mut continuing, mut astral) = (0, 0);
    for word in words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
        // Bit 7 of each byte: set in the byte (`10xxxxxx` continues a
        // character; `11110xxx` starts a 4-byte one) when the bits below,
        // shifted up into it, say so. A shift carries bit 7 of a byte into
        // bit 0 of the next, which the mask drops.
        continuing += (w & !(w << 1) & HIGH).count_ones() as usize;
        astral += (w & (w << 1) & (w << 2) & (w << 3) & HIGH).count_ones() as usize;
    }
    let starting = bytes.len() - continuing - rest.iter().filter(|&&b| !starts_char(b)).count();
    (
        starting,
        astral + rest.iter().filter(|&&b| starts_astral(b)).count(),
    )
}

/// Whether a UTF-8 byte starts a 4-byte character (one outside the Basic
/// Multilingual Plane).
fn starts_astral(byte: u8) -> bool {
    byte >= 0xF0
}

/// Counts the bytes a lookup scans, so that tests can measure work.
#[cfg(test)]
fn scanned(bytes: usize) {
    tests::SCANNED.with(|n| n.set(n.get() + bytes));
}

#[cfg(not(test))]
fn scanned(_bytes: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn counts_starts_as_byte_by_byte(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            let expected = (
                bytes.iter().filter(|&&b| starts_char(b)).count(),
                bytes.iter().filter(|&&b| starts_astral(b)).count(),
            );
            proptest::prop_assert_eq!(count_starts(&bytes), expected);
        }
    }

    thread_local! {
        pub(super) static SCANNED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// The bytes scanned to look up every offset in `offsets`.
    fn work(text: &str, offsets: impl Iterator<Item = usize>) -> usize {
        let index = LineIndex::new(text);
        let before = SCANNED.with(|n| n.get());
        for offset in offsets {
            index.position(text, offset);
        }
        SCANNED.with(|n| n.get()) - before
    }

    #[test]
    fn many_lookups_on_one_line_scan_linearly() {
        // 20,000 findings on one line (a paragraph of placeholders): a
        // lookup must not count from the start of the line every time.
        let text = "某某镇，".repeat(20_000);
        let offsets = || (0..text.len()).step_by("某某镇，".len());
        let work = work(&text, offsets());
        assert!(
            work <= 64 * (text.len() + offsets().count()),
            "{work} bytes scanned for {} lookups in {} bytes",
            offsets().count(),
            text.len()
        );
        // Offsets in any order, and the same column as counting from the start.
        let index = LineIndex::new(&text);
        for offset in [text.len(), 7, 0, 40_000, 3, text.len() - 1] {
            let counted = text.char_indices().take_while(|(i, _)| *i < offset).count();
            assert_eq!(
                index.position(&text, offset).column,
                counted + 1,
                "{offset}"
            );
        }
    }

    #[test]
    fn counts_characters_not_bytes() {
        let text = "一、总体情况\r\n(一)主动\n\rX";
        assert_eq!(
            LineIndex::new("").position("", 0),
            Position { line: 1, column: 1 }
        );
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        let offset = text.find("总").unwrap();
        assert_eq!(
            index.position(text, offset),
            Position { line: 1, column: 3 }
        );
        let offset = text.find("主").unwrap();
        assert_eq!(
            index.position(text, offset),
            Position { line: 2, column: 4 }
        );
        assert_eq!(index.position(text, text.len() - 1).line, 4);
    }

    #[test]
    fn protocol_columns_count_utf8_bytes_or_utf16_units_both_ways() {
        // 𠀀 (U+20000) is 4 bytes and 2 UTF-16 units; 年 3 bytes and 1 unit.
        let text = "一、总体情况\r\n𠀀年度a报告\n";
        let index = LineIndex::new(text);
        let at = text.find('a').unwrap();
        assert_eq!(index.column(text, at, ColumnUnit::Utf8), (1, 10));
        assert_eq!(index.column(text, at, ColumnUnit::Utf16), (1, 4));
        let after = text.find("报告").unwrap() + "报告".len();
        assert_eq!(index.column(text, after, ColumnUnit::Utf16), (1, 7));
        for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16] {
            // Every offset but the middle of the \r\n (the line's end).
            let middle = text.find("\r\n").unwrap() + 1;
            for (offset, _) in text.char_indices().filter(|&(i, _)| i != middle) {
                let (line, column) = index.column(text, offset, unit);
                assert_eq!(index.offset(text, line, column, unit), offset, "{unit:?}");
            }
        }
        // Inside 𠀀's surrogate pair: its start; past a line's end: before the
        // break; past the last line: the end of the text.
        let astral = text.find('𠀀').unwrap();
        assert_eq!(index.offset(text, 1, 1, ColumnUnit::Utf16), astral);
        assert_eq!(
            index.offset(text, 0, 99, ColumnUnit::Utf16),
            text.find('\r').unwrap()
        );
        assert_eq!(index.offset(text, 9, 0, ColumnUnit::Utf8), text.len());
        // Inside a character's bytes: that character.
        assert_eq!(index.column(text, 1, ColumnUnit::Utf8), (0, 0));
    }

    #[test]
    fn columns_agree_with_counting_across_checkpoints() {
        // Lines of mixed widths crossing the 256-byte checkpoints, and texts
        // whose length is a multiple of 256.
        for text in [
            "a正\r\n".repeat(100),
            "x".repeat(512),
            format!("{}\n{}", "正".repeat(200), "b".repeat(300)),
            "𠀀一".repeat(90),
        ] {
            let index = LineIndex::new(&text);
            for offset in 0..=text.len() {
                let line = index.line_of(offset);
                let start = index.line_start(line);
                let counted = text[start..]
                    .char_indices()
                    .take_while(|(i, _)| start + i < offset)
                    .count();
                assert_eq!(index.position(&text, offset).column, counted + 1);
                if text.is_char_boundary(offset) {
                    let units: usize = text[start..offset].chars().map(char::len_utf16).sum();
                    let column = index.column(&text, offset, ColumnUnit::Utf16);
                    assert_eq!(column, (line, units));
                }
            }
        }
    }
}
