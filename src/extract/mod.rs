//! Stage 1: an input's bytes → the [`SourceFile`] the grammar and rules read.
//!
//! Each kind of input has an extractor ([`SourceKind`]). An extractor yields
//! the text the grammar reads, a [`SourceMap`](crate::source_map::SourceMap)
//! back to the original and, for documents whose places are paragraphs,
//! cells or pages, the [`Regions`](crate::location::Regions) that name them,
//! so that renderers report positions in the file the user has and fixes are
//! written back (or refused) through it. Rules never know which kind of
//! input they run on. A new kind is a variant here, a file beside `text.rs`,
//! and its detection in [`SourceKind::detect`].

pub mod docx;
mod html;
mod legacy_office;
mod pdf;
mod text;

pub use pdf::{from_output as pdf_from_output, PdfToText, PDFTOTEXT_VARIABLE};

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::input::InputOptions;
use crate::source::SourceFile;
use crate::Lang;

/// The kinds of input disclint reads, each with its extractor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// Plain text or Markdown, in any supported encoding.
    #[default]
    Text,
    /// A web page (`.html`, `.htm`, `.shtml`, or HTML by its content).
    Html,
    /// A Word document (`.docx`, or any zip package by its content).
    Docx,
    /// A PDF, read through its text layer.
    Pdf,
    /// A binary Word or WPS document (`.doc`, `.wps`), which is not read.
    LegacyOffice,
}

/// The first bytes of an OLE compound file (`.doc`, `.wps`, `.xls`).
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

impl SourceKind {
    /// The kind of an input named `name` with these bytes: by content where
    /// the content is unmistakable (a zip package, a PDF, an OLE file, an
    /// HTML page), else by the extension.
    pub fn detect(name: &str, bytes: &[u8]) -> SourceKind {
        if bytes.starts_with(b"PK\x03\x04") {
            return SourceKind::Docx;
        }
        if bytes.starts_with(b"%PDF-") {
            return SourceKind::Pdf;
        }
        if bytes.starts_with(OLE_MAGIC) {
            return SourceKind::LegacyOffice;
        }
        let extension = name
            .rsplit_once('.')
            .map(|(_, extension)| extension.to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "html" | "htm" | "shtml" | "xhtml" => SourceKind::Html,
            "docx" => SourceKind::Docx,
            "pdf" => SourceKind::Pdf,
            "doc" | "wps" => SourceKind::LegacyOffice,
            _ if looks_like_html(bytes) => SourceKind::Html,
            _ => SourceKind::Text,
        }
    }

    /// What a reader calls a document of this kind, in `lang`.
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SourceKind::Text, Lang::Zh) => "文本文件",
            (SourceKind::Text, Lang::En) => "text file",
            (SourceKind::Html, Lang::Zh) => "网页",
            (SourceKind::Html, Lang::En) => "web page",
            (SourceKind::Docx, Lang::Zh) => "Word 文档",
            (SourceKind::Docx, Lang::En) => "Word document",
            (SourceKind::Pdf, Lang::Zh) => "PDF 文件",
            (SourceKind::Pdf, Lang::En) => "PDF",
            (SourceKind::LegacyOffice, Lang::Zh) => "旧版 Word/WPS 文档",
            (SourceKind::LegacyOffice, Lang::En) => "old Word/WPS document",
        }
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
            SourceKind::Html => html::extract(name, bytes, options),
            SourceKind::Docx => docx::extract(name, bytes, options),
            SourceKind::Pdf => pdf::extract(name, bytes, options),
            SourceKind::LegacyOffice => Err(legacy_office::refuse(bytes, options)),
        }
    }
}

/// Whether text bytes are an HTML page: after a byte-order mark and blank
/// space, a doctype or an `<html>`, `<head>` or `<body>` tag opens it (a
/// comment or XML declaration may come first).
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let Some(head) = start.map(|start| &head[start..]) else {
        return false;
    };
    if !head.starts_with(b"<") {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    [&b"<!doctype html"[..], b"<html", b"<head", b"<body"]
        .iter()
        .any(|tag| lower.windows(tag.len()).any(|window| window == *tag))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_where_the_extension_lies() {
        assert_eq!(
            SourceKind::detect("a.txt", b"PK\x03\x04rest"),
            SourceKind::Docx
        );
        assert_eq!(SourceKind::detect("a.txt", b"%PDF-1.7\n"), SourceKind::Pdf);
        assert_eq!(
            SourceKind::detect("a.docx", OLE_MAGIC),
            SourceKind::LegacyOffice
        );
        assert_eq!(
            SourceKind::detect("a.txt", b"\xEF\xBB\xBF\n <!DOCTYPE html><html>"),
            SourceKind::Html
        );
        assert_eq!(
            SourceKind::detect("a.md", b"<?xml version=\"1.0\"?>\n<html>"),
            SourceKind::Html
        );
    }

    #[test]
    fn the_extension_decides_otherwise() {
        assert_eq!(SourceKind::detect("a.HTM", b"plain"), SourceKind::Html);
        assert_eq!(SourceKind::detect("a.wps", b""), SourceKind::LegacyOffice);
        assert_eq!(
            SourceKind::detect("report.txt", "<报告>".as_bytes()),
            SourceKind::Text
        );
        assert_eq!(
            SourceKind::detect("notes.md", b"<br> a line break\n"),
            SourceKind::Text
        );
        assert_eq!(SourceKind::detect("-", b""), SourceKind::Text);
    }
}
