//! The documents the client has open: text buffers (`.txt`, `.md`, `.html`)
//! kept in step with its incremental edits, and Word documents (`.docx`),
//! which are read from disk, never edited.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::{TextDocumentContentChangeEvent, Url};

use super::encoding::Lines;
use crate::line_index::{ColumnUnit, LineIndex};

/// The extensions of the text buffers checked (those `check` searches
/// folders for, and `.markdown`).
const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "shtml", "xhtml"];

/// The language identifiers of buffers checked when their name says nothing
/// (an untitled buffer).
const LANGUAGES: &[&str] = &["plaintext", "markdown", "html"];

/// Where a document's content comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Content {
    /// The client's buffer.
    Buffer,
    /// The file on disk (a Word document): read when opened or saved.
    Disk(PathBuf),
}

/// One open document, as its latest version stands.
#[derive(Debug, Clone)]
pub(super) struct Document {
    /// The version the client gave it.
    pub version: i32,
    /// The name checks show and match per-file ignores and suppressions
    /// against: the path as `check` would show it, else the URI.
    pub name: String,
    /// The file's path, for a `file:` URI.
    pub path: Option<PathBuf>,
    /// Where the content comes from.
    pub content: Content,
    /// The buffer's text (empty for a document read from disk).
    pub text: String,
    /// Its line index.
    pub index: LineIndex,
}

impl Document {
    /// A document the client opened, or `None` when it is not a kind
    /// disclint reads.
    pub(super) fn open(
        uri: &Url,
        language: &str,
        version: i32,
        text: String,
        cwd: &Path,
    ) -> Option<Document> {
        let path = uri.to_file_path().ok();
        let extension = Path::new(uri.path())
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let content = match (&path, extension.as_str()) {
            (Some(path), "docx") => Content::Disk(path.clone()),
            _ if TEXT_EXTENSIONS.contains(&extension.as_str()) => Content::Buffer,
            _ if extension.is_empty() && LANGUAGES.contains(&language) => Content::Buffer,
            _ => return None,
        };
        let name = match &path {
            Some(path) => path.strip_prefix(cwd).unwrap_or(path).display().to_string(),
            None => uri.to_string(),
        };
        let text = match content {
            Content::Buffer => text,
            Content::Disk(_) => String::new(),
        };
        Some(Document {
            version,
            name,
            path,
            content,
            index: LineIndex::new(&text),
            text,
        })
    }

    /// Applies the client's changes, in order, each range counted in `unit`
    /// on the text as the changes before it left it; a change without a
    /// range replaces the whole text. A document read from disk takes no
    /// edits (only its version).
    pub(super) fn change(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        unit: ColumnUnit,
    ) {
        self.version = version;
        if self.content != Content::Buffer {
            return;
        }
        for change in changes {
            match change.range {
                Some(range) => {
                    let lines = Lines {
                        text: &self.text,
                        index: &self.index,
                        unit,
                    };
                    let start = lines.offset(range.start);
                    let end = lines.offset(range.end).max(start);
                    self.text.replace_range(start..end, &change.text);
                }
                None => self.text = change.text,
            }
            self.index = LineIndex::new(&self.text);
        }
    }

    /// What a check of this version reads.
    pub(super) fn snapshot(&self) -> Arc<Snapshot> {
        Arc::new(Snapshot {
            version: self.version,
            name: self.name.clone(),
            content: self.content.clone(),
            text: self.text.clone(),
        })
    }
}

/// One version of a document, as a check reads it.
#[derive(Debug)]
pub(super) struct Snapshot {
    /// The version.
    pub version: i32,
    /// The name shown ([`Document::name`]).
    pub name: String,
    /// Where the content comes from.
    pub content: Content,
    /// The buffer's text.
    pub text: String,
}

/// The open documents, by URI.
#[derive(Default)]
pub(super) struct Documents {
    open: HashMap<Url, Document>,
}

impl Documents {
    /// Adds (or replaces) an open document.
    pub(super) fn insert(&mut self, uri: Url, document: Document) {
        self.open.insert(uri, document);
    }

    /// The open document at `uri`.
    pub(super) fn get(&self, uri: &Url) -> Option<&Document> {
        self.open.get(uri)
    }

    /// The open document at `uri`, to change it.
    pub(super) fn get_mut(&mut self, uri: &Url) -> Option<&mut Document> {
        self.open.get_mut(uri)
    }

    /// Closes the document at `uri`.
    pub(super) fn remove(&mut self, uri: &Url) -> Option<Document> {
        self.open.remove(uri)
    }

    /// The URIs of every open document.
    pub(super) fn uris(&self) -> Vec<Url> {
        self.open.keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn edit(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(start.0, start.1),
                Position::new(end.0, end.1),
            )),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn incremental_edits_apply_in_order_in_either_unit() {
        let uri = Url::parse("file:///tmp/r.txt").unwrap();
        let text = "𠀀年度报告\n第二行";
        // After 𠀀年, and after 第二: in UTF-16 units, then in bytes.
        for (unit, at, second) in [(ColumnUnit::Utf16, 3, 2), (ColumnUnit::Utf8, 7, 6)] {
            let mut document =
                Document::open(&uri, "plaintext", 1, text.to_owned(), Path::new("/")).unwrap();
            // Insert; then, on the text that left, replace 第二.
            document.change(
                2,
                vec![
                    edit((0, at), (0, at), "〔"),
                    edit((1, 0), (1, second), "三"),
                ],
                unit,
            );
            assert_eq!(document.text, "𠀀年〔度报告\n三行", "{unit:?}");
            assert_eq!(document.version, 2);
            assert_eq!(document.index.line_count(), 2);
        }
    }

    #[test]
    fn only_the_kinds_disclint_reads_open_and_word_documents_are_read_from_disk() {
        let cwd = Path::new("/work");
        let open = |uri: &str, language: &str| {
            Document::open(&Url::parse(uri).unwrap(), language, 1, "x".into(), cwd)
        };
        let report = open("file:///work/a/r.md", "markdown").unwrap();
        assert_eq!(
            (report.name.as_str(), report.text.as_str()),
            ("a/r.md", "x")
        );
        let word = open("file:///work/r.docx", "").unwrap();
        assert_eq!(word.content, Content::Disk(PathBuf::from("/work/r.docx")));
        assert_eq!(word.text, "");
        assert!(open("file:///work/main.rs", "rust").is_none());
        assert!(open("untitled:Untitled-1", "plaintext").is_some());
        assert!(open("untitled:Untitled-1", "rust").is_none());
    }
}
