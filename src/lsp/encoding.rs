//! Positions: the encoding negotiated with the client (`positionEncoding`:
//! UTF-8 when the client offers it, else UTF-16, which every client
//! understands) and the conversion of both ends of every range through one
//! [`LineIndex`].

use lsp_types::{ClientCapabilities, Position, PositionEncodingKind, Range};

use crate::line_index::{ColumnUnit, LineIndex};

/// The encoding to use with a client of these capabilities: UTF-8 when it
/// offers it (no conversion of columns), else UTF-16 (the protocol's
/// default).
pub(super) fn negotiate(capabilities: &ClientCapabilities) -> ColumnUnit {
    let offered = capabilities
        .general
        .as_ref()
        .and_then(|general| general.position_encodings.as_ref());
    match offered {
        Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => ColumnUnit::Utf8,
        _ => ColumnUnit::Utf16,
    }
}

/// The protocol's name of an encoding, for the server's capabilities.
pub(super) fn kind(unit: ColumnUnit) -> PositionEncodingKind {
    match unit {
        ColumnUnit::Utf8 => PositionEncodingKind::UTF8,
        ColumnUnit::Utf16 => PositionEncodingKind::UTF16,
    }
}

/// A text with its line index, positions counted in the negotiated unit.
#[derive(Clone, Copy)]
pub(super) struct Lines<'a> {
    /// The text.
    pub text: &'a str,
    /// Its line index.
    pub index: &'a LineIndex,
    /// What columns count.
    pub unit: ColumnUnit,
}

impl Lines<'_> {
    /// The protocol position of byte `offset`.
    pub(super) fn position(&self, offset: usize) -> Position {
        let (line, column) = self.index.column(self.text, offset, self.unit);
        Position::new(saturate(line), saturate(column))
    }

    /// The protocol range of bytes `start..end`.
    pub(super) fn range(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end.max(start)))
    }

    /// The byte offset of a protocol position (clamped to the text).
    pub(super) fn offset(&self, position: Position) -> usize {
        self.index.offset(
            self.text,
            position.line as usize,
            position.character as usize,
            self.unit,
        )
    }
}

/// A line or column as the protocol's `u32` (a text of 4 GiB is not read).
fn saturate(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
