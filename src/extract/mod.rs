//! Stage 1: an input's bytes → the [`SourceFile`] the grammar and rules read.
//!
//! Each kind of input has an extractor ([`SourceKind`]). An extractor yields
//! the text the grammar reads and a [`SourceMap`](crate::source_map::SourceMap)
//! back to the original, so that renderers report positions in the file the
//! user has and fixes are written back (or refused) through it. Rules never
//! know which kind of input they run on. Plain text (`.txt`, `.md`) is the
//! only kind so far; its text is the decoded file and its map the identity.
//! A new kind is a variant here, a file beside `text.rs`, and its detection
//! in [`SourceKind::detect`].

mod text;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::input::InputOptions;
use crate::source::SourceFile;

/// The kinds of input disclint reads, each with its extractor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// Plain text or Markdown, in any supported encoding.
    #[default]
    Text,
}

impl SourceKind {
    /// The kind of an input named `name` with these bytes.
    pub fn detect(_name: &str, _bytes: &[u8]) -> SourceKind {
        SourceKind::Text
    }

    /// Runs this kind's extractor.
    pub fn extract(
        self,
        name: &str,
        bytes: &[u8],
        options: &InputOptions,
    ) -> Result<SourceFile, Box<Diagnostic>> {
        match self {
            SourceKind::Text => text::extract(name, bytes, options),
        }
    }
}

/// Reads an input already in memory (a file's bytes or standard input) with
/// the extractor for its kind; an input that cannot be read is an `I`
/// diagnostic.
pub fn extract(
    name: &str,
    bytes: &[u8],
    options: &InputOptions,
) -> Result<SourceFile, Box<Diagnostic>> {
    SourceKind::detect(name, bytes).extract(name, bytes, options)
}
