//! The diagnostic a rule reports: code, severity, message, spans, help and fix.

use serde::{Deserialize, Serialize};

use crate::location::Location;
use crate::span::Span;

/// How serious a diagnostic is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Probably wrong; fails a run only with `--deny-warnings`.
    Warning,
    /// Wrong; fails the run (exit code 1).
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

/// A secondary span with its own message, e.g. one term of a broken identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// What the label points at.
    pub span: Span,
    /// What it says about it.
    pub message: String,
}

/// A place in another file that explains a finding: last year's cell, the
/// other agency's passage. Its position is resolved when it is found, since
/// the other file's text is not at hand when the finding is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// The other file's path, as shown in output.
    pub path: String,
    /// 1-based line in the other file's original.
    pub line: usize,
    /// 1-based character column in the other file's original.
    pub column: usize,
    /// The paragraph, cell or page of a structured original, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// What is there (`2023年度报告：结转下年度 3`).
    pub message: String,
}

/// Whether a fix can be applied without a human checking it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// The fix keeps the meaning; `--fix` applies it.
    Safe,
    /// The fix may change the meaning; only `--unsafe-fixes` applies it.
    Unsafe,
}

/// One replacement of a byte range of the decoded text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Byte offset of the replaced range.
    pub offset: usize,
    /// Length in bytes of the replaced range.
    pub length: usize,
    /// The new text.
    pub replacement: String,
}

/// A set of edits that together fix one diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// Non-overlapping edits, in offset order.
    pub edits: Vec<Edit>,
}

/// One finding in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code, e.g. `S001`.
    pub code: String,
    /// Stable kebab-case name, e.g. `missing-section`.
    pub name: String,
    /// Effective severity (after configuration).
    pub severity: Severity,
    /// What is wrong, in the requested language.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The exact text at fault.
    pub span: Span,
    /// Further spans that explain the finding.
    pub labels: Vec<Label>,
    /// Places in other files that explain the finding (the cross-file
    /// rules: last year's report, another agency's).
    pub related: Vec<Related>,
    /// An automatic fix, if the rule offers one.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A finding of rule `code`/`name` at `span`, with nothing attached yet.
    pub fn new(
        code: &str,
        name: &str,
        severity: Severity,
        message: impl Into<String>,
        span: Span,
    ) -> Self {
        Diagnostic {
            code: code.to_owned(),
            name: name.to_owned(),
            severity,
            message: message.into(),
            help: None,
            span,
            labels: Vec::new(),
            related: Vec::new(),
            fix: None,
        }
    }

    /// Whether `--fix` fixes it: it has a safe fix. Text output marks such
    /// a diagnostic `[*]`, as Ruff does.
    pub fn has_safe_fix(&self) -> bool {
        self.fix
            .as_ref()
            .is_some_and(|fix| fix.applicability == Applicability::Safe)
    }

    /// Adds a secondary label.
    pub fn label(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a place in another file.
    pub fn related(&mut self, related: Related) -> &mut Self {
        self.related.push(related);
        self
    }

    /// Sets the help text.
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// Attaches a fix.
    pub fn fix(&mut self, fix: Fix) -> &mut Self {
        self.fix = Some(fix);
        self
    }
}

/// Puts diagnostics in text order: by offset, then code; findings of one
/// rule at one place keep the order the rule gave them.
pub fn sort_in_text_order(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (a.span.offset, &a.code).cmp(&(b.span.offset, &b.code)));
}
