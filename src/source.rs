//! A report as the rules read it: its name, its text, the encoding and kind
//! of input it came in, a line index, and the map back to the original.

use crate::extract::SourceKind;
use crate::line_index::{LineIndex, Position};
use crate::location::{Location, Regions};
use crate::source_map::SourceMap;
use crate::span::Span;

/// The text encodings disclint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    #[serde(rename = "utf-8")]
    #[value(name = "utf-8")]
    Utf8,
    /// GB18030, which covers GBK and GB2312.
    #[serde(rename = "gb18030")]
    #[value(name = "gb18030")]
    Gb18030,
    /// UTF-16, little-endian.
    #[serde(rename = "utf-16le")]
    #[value(name = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian.
    #[serde(rename = "utf-16be")]
    #[value(name = "utf-16be")]
    Utf16Be,
}

impl TextEncoding {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Gb18030 => "gb18030",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
        }
    }
}

/// One report, decoded to UTF-8.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path (or name) shown in output.
    pub path: String,
    /// The decoded text, line endings untouched.
    pub text: String,
    /// The encoding the bytes were in.
    pub encoding: TextEncoding,
    /// Whether the bytes began with a byte-order mark.
    pub had_bom: bool,
    /// Line starts of `text`.
    pub lines: LineIndex,
    /// The kind of input, whose extractor produced `text`.
    pub kind: SourceKind,
    /// From `text` back to the original file.
    pub map: SourceMap,
    /// Paragraphs, cells or pages of a structured original, where the
    /// extractor knows them (empty for plain text).
    pub regions: Regions,
}

impl SourceFile {
    /// Wraps already-decoded UTF-8 text.
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let lines = LineIndex::new(&text);
        Self {
            path: path.into(),
            text,
            encoding: TextEncoding::Utf8,
            had_bom: false,
            lines,
            kind: SourceKind::Text,
            map: SourceMap::Identity,
            regions: Regions::default(),
        }
    }

    /// The 1-based line and character column, in the original file, of byte
    /// `offset` of the text.
    pub fn position(&self, offset: usize) -> Position {
        self.map
            .original_position(offset)
            .unwrap_or_else(|| self.lines.position(&self.text, offset))
    }

    /// The byte offset in the original file of byte `offset` of the text.
    pub fn original_offset(&self, offset: usize) -> usize {
        self.map.to_original(offset)
    }

    /// The byte offset in the original file where 0-based `line` of the
    /// original starts.
    pub fn original_line_start(&self, line: usize) -> usize {
        match self.map.original() {
            Some(original) => original.lines.line_start(line),
            None => self.lines.line_start(line),
        }
    }

    /// Where byte `offset` of the text is in a structured original (a
    /// paragraph, a table cell, a page), when the extractor recorded it.
    pub fn location(&self, offset: usize) -> Option<&Location> {
        self.regions.at(offset)
    }

    /// Whether an edit of the text can be written back as the file: plain
    /// text read as it is. A web page, a Word document or a PDF is not (its
    /// text was extracted), so no fix is offered on it and `--fix` leaves it
    /// alone, even where its map happens to be the identity.
    pub fn is_editable(&self) -> bool {
        self.kind == SourceKind::Text && self.map.is_identity()
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }
}
