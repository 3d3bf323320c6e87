//! The one model every machine format is built from: a diagnostic with its
//! path and every position resolved (lines, character and byte columns),
//! plus the places of its fix's edits.

use serde::Serialize;

use super::json::{json_diagnostic, JsonDiagnostic};
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// A position in the decoded text, in every unit some format wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters (Unicode scalar values).
    pub column: usize,
    /// 1-based column in UTF-8 bytes.
    pub byte_column: usize,
}

impl Place {
    /// Resolves byte `offset` in `source` (line 1, column 1 without a source).
    pub fn at(source: Option<&SourceFile>, offset: usize) -> Place {
        let Some(source) = source else {
            return Place {
                line: 1,
                column: 1,
                byte_column: 1,
            };
        };
        let text = source.text.as_str();
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let position = source.position(offset);
        let original = source.original_offset(offset);
        let line_start = source.original_line_start(position.line - 1).min(original);
        Place {
            line: position.line,
            column: position.column,
            byte_column: original - line_start + 1,
        }
    }
}

/// Where one edit of a fix applies, and what it inserts.
#[derive(Debug, Clone)]
pub struct EditPlace<'a> {
    /// Start of the replaced range.
    pub start: Place,
    /// End of the replaced range (exclusive).
    pub end: Place,
    /// The replacement text.
    pub replacement: &'a str,
}

/// One diagnostic, ready for any output format. Serialises as the v1 JSON
/// diagnostic plus `path` (the `jsonl` line).
#[derive(Debug, Clone, Serialize)]
pub struct Record<'a> {
    /// The path shown in output.
    pub path: &'a str,
    /// The v1 JSON fields.
    #[serde(flatten)]
    pub json: JsonDiagnostic<'a>,
    /// Start of the primary span.
    #[serde(skip)]
    pub start: Place,
    /// End of the primary span (exclusive).
    #[serde(skip)]
    pub end: Place,
    /// Where the fix's edits apply.
    #[serde(skip)]
    pub edits: Vec<EditPlace<'a>>,
    /// The diagnostic itself.
    #[serde(skip)]
    pub diagnostic: &'a Diagnostic,
}

impl<'a> Record<'a> {
    /// Resolves every position of `diagnostic` in `source`.
    pub fn new(path: &'a str, diagnostic: &'a Diagnostic, source: Option<&SourceFile>) -> Self {
        let edits = diagnostic
            .fix
            .iter()
            .flat_map(|fix| &fix.edits)
            .map(|edit| EditPlace {
                start: Place::at(source, edit.offset),
                end: Place::at(source, edit.offset + edit.length),
                replacement: &edit.replacement,
            })
            .collect();
        Record {
            path,
            json: json_diagnostic(diagnostic, source),
            start: Place::at(source, diagnostic.span.offset),
            end: Place::at(source, diagnostic.span.end()),
            edits,
            diagnostic,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_count_characters_and_bytes() {
        let source = SourceFile::from_text("a", "标题\r\n期限为2023年\n");
        let offset = source.text.find("2023").unwrap();
        let place = Place::at(Some(&source), offset);
        assert_eq!(place.line, 2);
        assert_eq!(place.column, 4);
        assert_eq!(place.byte_column, 10);
    }
}
