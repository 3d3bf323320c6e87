//! A check's findings as protocol diagnostics: the rule's code, linked to
//! its section of docs/rules.md; the severity; the extra labels (each term
//! of a broken identity) as related information; and, in `data`, the version checked and the finding's own
//! fix as text edits, which code actions hand back.

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Range, TextEdit, Url,
};
use serde::{Deserialize, Serialize};

use super::encoding::Lines;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::line_index::{ColumnUnit, LineIndex};
use crate::rules::Registry;
use crate::run::FileResult;
use crate::source::SourceFile;
use crate::{tr, Lang};

/// The diagnostics' `source`.
pub(super) const SOURCE: &str = "disclint";

/// What a diagnostic carries in `data`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(super) struct Data {
    /// The version of the document the finding is about: its edits apply
    /// to that version only.
    pub version: i32,
    /// The finding's fix, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<FixData>,
}

/// A finding's fix, as edits of the document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(super) struct FixData {
    /// What the code action is called.
    pub title: String,
    /// Whether it keeps the meaning (`--fix` applies it); an unsafe fix is
    /// offered too, marked, and never preferred.
    pub safe: bool,
    /// The edits, in order.
    pub edits: Vec<TextEdit>,
}

/// How findings are converted for one client and document.
pub(super) struct Convert<'a> {
    /// The document.
    pub uri: &'a Url,
    /// The negotiated position encoding.
    pub unit: ColumnUnit,
    /// Whether the client shows related information.
    pub related: bool,
    /// Where docs/rules.md is published.
    pub rules_url: &'a str,
    /// The rules (for their documentation's anchors).
    pub registry: &'a Registry,
    /// The language of fix titles.
    pub lang: Lang,
}

/// The text positions are counted in: the original (a web page's source, a
/// Word document's paragraphs) when the text was extracted from it.
fn lines(source: &SourceFile, unit: ColumnUnit) -> Lines<'_> {
    match source.map.original() {
        Some(original) => Lines {
            text: &original.text,
            index: &original.lines,
            unit,
        },
        None => Lines {
            text: &source.text,
            index: &source.lines,
            unit,
        },
    }
}

impl Convert<'_> {
    /// The diagnostics of a check of `version`.
    pub(super) fn all(&self, result: &FileResult, version: i32) -> Vec<lsp_types::Diagnostic> {
        let empty = LineIndex::new("");
        let lines = match &result.source {
            Some(source) => lines(source, self.unit),
            None => Lines {
                text: "",
                index: &empty,
                unit: self.unit,
            },
        };
        let at = |offset: usize| {
            result
                .source
                .as_ref()
                .map_or(0, |source| source.original_offset(offset))
        };
        let range = |start: usize, end: usize| lines.range(at(start), at(end));
        result
            .diagnostics
            .iter()
            .map(|d| self.one(d, version, &range))
            .collect()
    }

    /// One finding.
    fn one(
        &self,
        diagnostic: &Diagnostic,
        version: i32,
        range: &dyn Fn(usize, usize) -> Range,
    ) -> lsp_types::Diagnostic {
        let span = diagnostic.span;
        let mut message = diagnostic.message.clone();
        if let Some(help) = &diagnostic.help {
            message.push('\n');
            message.push_str(help);
        }
        let code_description = self.registry.find(&diagnostic.code).and_then(|meta| {
            let href = format!("{}#{}", self.rules_url, crate::cli::rule_anchor(meta));
            Some(CodeDescription {
                href: Url::parse(&href).ok()?,
            })
        });
        let fix = diagnostic.fix.as_ref().map(|fix| {
            let safe = fix.applicability == Applicability::Safe;
            FixData {
                title: self.title(diagnostic, safe),
                safe,
                edits: fix
                    .edits
                    .iter()
                    .map(|edit| TextEdit {
                        range: range(edit.offset, edit.offset + edit.length),
                        new_text: edit.replacement.clone(),
                    })
                    .collect(),
            }
        });
        lsp_types::Diagnostic {
            range: range(span.offset, span.end()),
            severity: Some(severity(diagnostic.severity)),
            code: Some(NumberOrString::String(diagnostic.code.clone())),
            code_description,
            source: Some(SOURCE.to_owned()),
            message,
            related_information: self
                .related
                .then(|| self.related_information(diagnostic, range))
                .filter(|related| !related.is_empty()),
            tags: None,
            data: serde_json::to_value(Data { version, fix }).ok(),
        }
    }

    /// The title of a finding's fix: its help (what to do), else its message.
    fn title(&self, diagnostic: &Diagnostic, safe: bool) -> String {
        let what = diagnostic.help.as_deref().unwrap_or(&diagnostic.message);
        let mut title = tr!(
            self.lang,
            "disclint（{}）：{}",
            "disclint ({}): {}",
            diagnostic.code,
            what
        );
        if !safe {
            title.push_str(
                self.lang
                    .pick("（不安全的修复，请核对）", " (unsafe fix: review it)"),
            );
        }
        title
    }

    /// A finding's labels: the other places in the document that explain
    /// it. (The cross-year rules, whose findings point into other reports,
    /// need a batch and do not run here.)
    fn related_information(
        &self,
        diagnostic: &Diagnostic,
        range: &dyn Fn(usize, usize) -> Range,
    ) -> Vec<DiagnosticRelatedInformation> {
        diagnostic
            .labels
            .iter()
            .map(|label| DiagnosticRelatedInformation {
                location: Location::new(
                    self.uri.clone(),
                    range(label.span.offset, label.span.end()),
                ),
                message: label.message.clone(),
            })
            .collect()
    }
}

/// The protocol's severity of a finding's.
fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
