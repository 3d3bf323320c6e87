//! JSON output, schema version 1 (`docs/json-output.md`).

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Fix};
use crate::run::{FileResult, Summary};
use crate::source::SourceFile;

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
    /// Byte offset in the decoded text.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
    /// Secondary spans.
    pub labels: Vec<JsonLabel<'a>>,
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
        offset: diagnostic.span.offset,
        length: diagnostic.span.len,
        labels: diagnostic
            .labels
            .iter()
            .map(|label| {
                let (line, column) = position(label.span.offset);
                JsonLabel {
                    message: &label.message,
                    line,
                    column,
                    offset: label.span.offset,
                    length: label.span.len,
                }
            })
            .collect(),
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
struct JsonOutput<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: Summary,
}

/// The whole batch as one JSON document.
pub fn render_json(results: &[FileResult], summary: &Summary) -> String {
    let output = JsonOutput {
        version: JSON_VERSION,
        files: results
            .iter()
            .map(|result| JsonFile {
                path: &result.path,
                encoding: result.source.as_ref().map(|s| s.encoding.as_str()),
                diagnostics: result
                    .diagnostics
                    .iter()
                    .map(|d| json_diagnostic(d, result.source.as_ref()))
                    .collect(),
            })
            .collect(),
        summary: *summary,
    };
    let mut text = serde_json::to_string_pretty(&output).expect("JSON of plain data");
    text.push('\n');
    text
}
