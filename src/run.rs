//! A batch: every input linted (in parallel), results in input order.

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Severity};
use crate::input::{read_file, Input, InputOptions};
use crate::lint::Linter;
use crate::source::SourceFile;

/// The outcome for one file.
#[derive(Debug, Clone)]
pub struct FileResult {
    /// The path shown in output.
    pub path: String,
    /// The decoded source, when it could be read.
    pub source: Option<SourceFile>,
    /// Findings, in text order (an input problem is the only one when reading failed).
    pub diagnostics: Vec<Diagnostic>,
}

impl FileResult {
    /// Whether the file could not be read (exit code 2).
    pub fn failed(&self) -> bool {
        self.source.is_none()
    }

    /// Counts diagnostics of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Lints one source.
pub fn lint_source(linter: &Linter, source: SourceFile) -> FileResult {
    let diagnostics = linter.lint(&source);
    FileResult {
        path: source.path.clone(),
        source: Some(source),
        diagnostics,
    }
}

/// Reads and lints one input.
pub fn lint_input(linter: &Linter, input: &Input, options: &InputOptions) -> FileResult {
    match input {
        Input::File(path) => match read_file(path, options) {
            Ok(source) => lint_source(linter, source),
            Err(diagnostic) => FileResult {
                path: path.display().to_string(),
                source: None,
                diagnostics: vec![*diagnostic],
            },
        },
        Input::Failed { path, diagnostic } => FileResult {
            path: path.clone(),
            source: None,
            diagnostics: vec![diagnostic.clone()],
        },
    }
}

/// Lints every input in parallel; results come back in input order.
pub fn lint_all(linter: &Linter, inputs: &[Input], options: &InputOptions) -> Vec<FileResult> {
    inputs
        .par_iter()
        .map(|input| lint_input(linter, input, options))
        .collect()
}

/// Totals over a batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Files processed.
    pub files: usize,
    /// Error-level diagnostics.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
    /// Files that could not be read.
    pub failed: usize,
}

impl Summary {
    /// Adds one file's counts.
    pub fn add(&mut self, result: &FileResult) {
        self.files += 1;
        self.errors += result.count(Severity::Error);
        self.warnings += result.count(Severity::Warning);
        self.infos += result.count(Severity::Info);
        self.failed += usize::from(result.failed());
    }

    /// The process exit code: 2 if a file could not be read, 1 if an error was found, else 0.
    pub fn exit_code(&self) -> i32 {
        if self.failed > 0 {
            2
        } else if self.errors > 0 {
            1
        } else {
            0
        }
    }
}
