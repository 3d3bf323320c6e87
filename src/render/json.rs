//! JSON output, schema version 1 (`docs/json-output.md`).

use std::io::{self, Write};

use serde::Serialize;

use super::stream::{indented, ArrayWriter};
use super::{Renderer, Totals};
use crate::diagnostic::{Diagnostic, Fix, Related};
use crate::location::Location;
use crate::run::{FileResult, Summary};
use crate::source::SourceFile;
use crate::span::Span;
use crate::stats::RuleCount;

/// The schema version of the JSON output.
pub const JSON_VERSION: u32 = 1;

/// A diagnostic as machines see it: 1-based lines, character columns, byte offsets.
#[derive(Debug, Clone, Serialize)]
pub struct JsonDiagnostic<'a> {
    /// Stable code.
    pub code: &'a str,
    /// Stable name.
    pub name: &'a str,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// The message.
    pub message: &'a str,
    /// How to fix it.
    pub help: Option<&'a str>,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based character column of the start.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based character column just past the end.
    pub end_column: usize,
    /// Byte offset in the decoded original file (for plain text, the text).
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
    /// Where the start is in a structured original (a `.docx` paragraph or
    /// table cell, a PDF page), when the extractor knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Secondary spans.
    pub labels: Vec<JsonLabel<'a>>,
    /// Places in other files (last year's report, another agency's), with
    /// their path; omitted when there are none.
    #[serde(skip_serializing_if = "<[Related]>::is_empty")]
    pub related: &'a [Related],
    /// The fix, if the rule offers one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<&'a Fix>,
}

/// A secondary span in JSON.
#[derive(Debug, Clone, Serialize)]
pub struct JsonLabel<'a> {
    /// What it says.
    pub message: &'a str,
    /// 1-based line.
    pub line: usize,
    /// 1-based character column.
    pub column: usize,
    /// Byte offset.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
}

/// Converts a diagnostic, resolving positions in `source` (line 1, column 1 without one).
pub fn json_diagnostic<'a>(
    diagnostic: &'a Diagnostic,
    source: Option<&SourceFile>,
) -> JsonDiagnostic<'a> {
    let position = |offset: usize| {
        source.map_or((1, 1), |s| {
            let p = s.position(offset);
            (p.line, p.column)
        })
    };
    // The bytes of the original the span covers (from its first to past its
    // last byte, through the source map).
    let original = |span: Span| {
        source.map_or(span, |s| {
            Span::from_range(
                s.original_offset(span.offset),
                s.original_offset(span.end()),
            )
        })
    };
    let (line, column) = position(diagnostic.span.offset);
    let (end_line, end_column) = position(diagnostic.span.end());
    JsonDiagnostic {
        code: &diagnostic.code,
        name: &diagnostic.name,
        severity: diagnostic.severity.as_str(),
        message: &diagnostic.message,
        help: diagnostic.help.as_deref(),
        line,
        column,
        end_line,
        end_column,
        offset: original(diagnostic.span).offset,
        length: original(diagnostic.span).len,
        location: source.and_then(|s| s.location(diagnostic.span.offset).cloned()),
        labels: diagnostic
            .labels
            .iter()
            .map(|label| {
                let (line, column) = position(label.span.offset);
                JsonLabel {
                    message: &label.message,
                    line,
                    column,
                    offset: original(label.span).offset,
                    length: original(label.span).len,
                }
            })
            .collect(),
        related: &diagnostic.related,
        fix: diagnostic.fix.as_ref(),
    }
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'static str>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    #[serde(flatten)]
    summary: &'a Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    by_rule: Option<&'a [RuleCount]>,
}

/// The whole batch as one JSON document, written file by file.
#[derive(Debug, Default)]
pub struct Json {
    files: ArrayWriter,
}

impl Renderer for Json {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "{{\n  \"version\": {JSON_VERSION},\n  \"files\": [")
    }

    fn file(&mut self, out: &mut dyn Write, result: &FileResult) -> io::Result<()> {
        let file = JsonFile {
            path: &result.path,
            encoding: result.source.as_ref().map(|s| s.encoding.as_str()),
            diagnostics: result
                .diagnostics
                .iter()
                .map(|d| json_diagnostic(d, result.source.as_ref()))
                .collect(),
        };
        self.files.item(out, &file, 4)
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals<'_>) -> io::Result<()> {
        self.files.close(out, 2)?;
        let summary = JsonSummary {
            summary: totals.summary,
            by_rule: totals.by_rule,
        };
        writeln!(out, ",\n  \"summary\": {}\n}}", indented(&summary, 2))
    }
}
