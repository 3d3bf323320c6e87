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
        let mut starts = vec![0];
        let mut chars = Vec::with_capacity(bytes.len() / STEP + 1);
        let mut count = 0;
        for (k, chunk) in bytes.chunks(STEP).enumerate() {
            chars.push(count);
            count += chunk.iter().filter(|&&b| starts_char(b)).count();
            for (j, &byte) in chunk.iter().enumerate() {
                let i = k * STEP + j;
                match byte {
                    b'\n' => starts.push(i + 1),
                    b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                    _ => {}
                }
            }
        }
        if bytes.len() % STEP == 0 {
            // The count before the end, which is a checkpoint too.
            chars.push(count);
        }
        Self { starts, chars }
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

    /// The number of characters that start before byte `offset` of `bytes`
    /// (the indexed text): the checkpoint below it plus at most `STEP` bytes.
    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        // `chars` holds every checkpoint up to the end of the indexed text.
        let checkpoint = (offset / STEP).min(self.chars.len() - 1);
        let base = self.chars[checkpoint];
        let tail = bytes.get(checkpoint * STEP..offset).unwrap_or(&[]);
        scanned(tail.len());
        base + tail.iter().filter(|&&b| starts_char(b)).count()
    }
}

/// Whether a UTF-8 byte starts a character (is not a continuation byte).
fn starts_char(byte: u8) -> bool {
    byte & 0xC0 != 0x80
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
    fn columns_agree_with_counting_across_checkpoints() {
        // Lines of mixed widths crossing the 256-byte checkpoints, and texts
        // whose length is a multiple of 256.
        for text in [
            "a正\r\n".repeat(100),
            "x".repeat(512),
            format!("{}\n{}", "正".repeat(200), "b".repeat(300)),
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
            }
        }
    }
}
