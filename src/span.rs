//! Byte spans into the decoded text of a report.

use serde::Serialize;

/// A half-open byte range `[offset, offset + len)` in the decoded UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub offset: usize,
    /// Length in bytes.
    pub len: usize,
}

impl Span {
    /// A span from `offset` covering `len` bytes.
    pub const fn new(offset: usize, len: usize) -> Self {
        Self { offset, len }
    }

    /// The span from `start` to `end` (exclusive), both byte offsets.
    pub fn from_range(start: usize, end: usize) -> Self {
        Self::new(start, end.saturating_sub(start))
    }

    /// One past the last byte.
    pub const fn end(&self) -> usize {
        self.offset + self.len
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::from_range(self.offset.min(other.offset), self.end().max(other.end()))
    }

    /// The text this span covers in `text` (empty if out of range).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.offset..self.end()).unwrap_or("")
    }

    /// Whether `offset` falls inside the span.
    pub fn contains(&self, offset: usize) -> bool {
        offset >= self.offset && offset < self.end()
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        (span.offset, span.len).into()
    }
}

/// A value together with the span of the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was read from.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Pairs a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}
