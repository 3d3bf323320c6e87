//! A batch: every input read, linted, fixed and filtered in parallel, and
//! handed back in input order as soon as it and all before it are done.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::mpsc;

use crate::atomic_write::write_atomic;
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::{fix_until_stable, FixOptions, Fixed};
use crate::input::{check_fix_target, decode_bytes, read_file, Input, InputOptions};
use crate::lint::Linter;
use crate::source::SourceFile;
use crate::suppress::Suppressions;
use crate::tr;

/// The outcome for one file.
#[derive(Debug, Clone, Default)]
pub struct FileResult {
    /// The path shown in output.
    pub path: String,
    /// The decoded source (after fixes, if any were applied), when it could be read.
    pub source: Option<SourceFile>,
    /// Findings not suppressed, in text order (an input problem is the only
    /// one when reading failed).
    pub diagnostics: Vec<Diagnostic>,
    /// The suppression entries that hid a diagnostic, one per hidden diagnostic.
    pub suppressed: Vec<usize>,
    /// The path as a suppressions key (when suppressions are in use).
    pub suppression_key: Option<String>,
    /// Diagnostics fixed.
    pub fixed: usize,
    /// The text before fixes, when fixes changed it.
    pub original: Option<String>,
    /// The bytes after fixes, in the original encoding (standard input with `--fix`).
    pub output: Option<Vec<u8>>,
    /// Why fixes could not be applied or written.
    pub fix_error: Option<String>,
}

impl FileResult {
    /// Whether the file could not be read, or its fixes not written (exit code 2).
    pub fn failed(&self) -> bool {
        self.source.is_none() || self.fix_error.is_some()
    }

    /// Counts diagnostics of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// How fixes are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixMode {
    /// Which fixes.
    pub options: FixOptions,
    /// Write fixed files back (`--fix`); otherwise only compute them (`--diff`).
    pub write: bool,
}

/// What happens to each input: read, lint, fix, suppress.
#[derive(Clone, Copy)]
pub struct Pipeline<'a> {
    /// The configured linter.
    pub linter: &'a Linter,
    /// How files are read.
    pub input: &'a InputOptions,
    /// Accepted diagnostics to hide.
    pub suppressions: Option<&'a Suppressions>,
    /// Fixes to apply, if any.
    pub fix: Option<FixMode>,
}

impl Pipeline<'_> {
    /// Reads and processes one input.
    pub fn process(&self, input: &Input) -> FileResult {
        match input {
            Input::File { path, root } => match read_file(path, self.input) {
                Ok(source) => self.process_source(source, &|| std::fs::read(path), |bytes| {
                    check_fix_target(path, root.as_deref(), self.input.lang)?;
                    write_atomic(path, bytes).map_err(|err| err.to_string())
                }),
                Err(diagnostic) => self.unreadable(path.display().to_string(), *diagnostic),
            },
            Input::Failed { path, diagnostic } => self.unreadable(path.clone(), diagnostic.clone()),
        }
    }

    /// Processes a report given as bytes (standard input): with `--fix`, the
    /// fixed bytes are returned in [`FileResult::output`] instead of written.
    pub fn process_bytes(&self, name: &str, bytes: Vec<u8>) -> FileResult {
        match decode_bytes(name, &bytes, self.input) {
            Ok(source) => {
                let mut written = None;
                let mut result = self.process_source(source, &|| Ok(bytes.clone()), |fixed| {
                    written = Some(fixed.to_vec());
                    Ok(())
                });
                if self.fix.is_some_and(|f| f.write) {
                    result.output = Some(written.unwrap_or(bytes));
                }
                result
            }
            Err(diagnostic) => self.unreadable(name.to_owned(), *diagnostic),
        }
    }

    fn unreadable(&self, path: String, diagnostic: Diagnostic) -> FileResult {
        let mut result = FileResult {
            path,
            diagnostics: vec![diagnostic],
            ..FileResult::default()
        };
        self.suppress(&mut result);
        result
    }

    fn process_source(
        &self,
        source: SourceFile,
        bytes: &dyn Fn() -> std::io::Result<Vec<u8>>,
        write: impl FnOnce(&[u8]) -> Result<(), String>,
    ) -> FileResult {
        let mut result = FileResult {
            path: source.path.clone(),
            ..FileResult::default()
        };
        if let Some(suppressions) = self.suppressions {
            result.suppression_key = Some(suppressions.path_key(&result.path));
        }
        let mut diagnostics = self.linter.lint(&source);
        let mut source = source;
        if let Some(mode) = self.fix {
            let keep = |s: &SourceFile, d: &Diagnostic| !self.is_suppressed(&result, s, d);
            let fixable = diagnostics.iter().any(|d| {
                d.fix.as_ref().is_some_and(|f| mode.options.allows(f)) && keep(&source, d)
            });
            if fixable {
                match self.fix_source(&source, diagnostics.clone(), bytes, &keep, mode, write) {
                    Ok(Some(fixed)) => {
                        result.original = Some(std::mem::take(&mut source.text));
                        source = fixed.source;
                        diagnostics = fixed.diagnostics;
                        result.fixed = fixed.fixed;
                    }
                    Ok(None) => {}
                    Err(error) => result.fix_error = Some(error),
                }
            }
        }
        result.diagnostics = diagnostics;
        result.source = Some(source);
        self.suppress(&mut result);
        result
    }

    /// Fixes a source and writes it back; `Ok(None)` when nothing changed.
    fn fix_source(
        &self,
        source: &SourceFile,
        diagnostics: Vec<Diagnostic>,
        bytes: &dyn Fn() -> std::io::Result<Vec<u8>>,
        keep: &dyn Fn(&SourceFile, &Diagnostic) -> bool,
        mode: FixMode,
        write: impl FnOnce(&[u8]) -> Result<(), String>,
    ) -> Result<Option<Fixed>, String> {
        let lang = self.input.lang;
        let original = bytes().map_err(|err| err.to_string())?;
        match decode_bytes(&source.path, &original, self.input) {
            Ok(again) if again.text == source.text => {}
            _ => {
                return Err(tr!(
                    lang,
                    "检查期间文件被修改，未应用修复",
                    "the file changed while it was being checked; no fix applied"
                ))
            }
        }
        let fixed = fix_until_stable(
            self.linter,
            source.clone(),
            original,
            diagnostics,
            keep,
            mode.options,
        )
        .map_err(|err| {
            tr!(
                lang,
                "未应用修复：文本无法按原编码还原为相同的字节（第 {} 字节），为免改动其他内容，文件保持不变",
                "fixes not applied: the text does not re-encode to the same bytes (byte {}), so the file is left as it was",
                err.offset
            )
        })?;
        if fixed.passes == 0 {
            return Ok(None);
        }
        if mode.write {
            write(&fixed.bytes)?;
        }
        Ok(Some(fixed))
    }

    fn is_suppressed(
        &self,
        result: &FileResult,
        source: &SourceFile,
        diagnostic: &Diagnostic,
    ) -> bool {
        match (self.suppressions, &result.suppression_key) {
            (Some(suppressions), Some(key)) => {
                suppressions.find(key, diagnostic, Some(source)).is_some()
            }
            _ => false,
        }
    }

    /// Moves suppressed diagnostics out of `result.diagnostics`.
    fn suppress(&self, result: &mut FileResult) {
        let Some(suppressions) = self.suppressions else {
            return;
        };
        let key = result
            .suppression_key
            .get_or_insert_with(|| suppressions.path_key(&result.path))
            .clone();
        let source = result.source.as_ref();
        let mut used = Vec::new();
        result
            .diagnostics
            .retain(|d| match suppressions.find(&key, d, source) {
                Some(index) => {
                    used.push(index);
                    false
                }
                None => true,
            });
        result.suppressed = used;
    }
}

/// Runs `work` on `0..count` in parallel (rayon) and hands the results to
/// `consume` in index order, each as soon as it and all before it are done.
/// At most `window` results are in flight (default: eight per thread), so
/// memory does not grow with `count`. One item runs on the calling thread.
pub fn for_each_ordered<T: Send>(
    count: usize,
    window: Option<usize>,
    work: impl Fn(usize) -> T + Sync,
    mut consume: impl FnMut(T),
) {
    if count == 1 {
        // One file (the clerk's case): no thread pool to start.
        consume(work(0));
        return;
    }
    let window = window
        .unwrap_or_else(|| rayon::current_num_threads() * 8)
        .max(1);
    let (sender, receiver) = mpsc::channel();
    rayon::in_place_scope(|scope| {
        let work = &work;
        let spawn = |index: usize| {
            let sender = sender.clone();
            scope.spawn(move |_| {
                let outcome = catch_unwind(AssertUnwindSafe(|| work(index)));
                let _ = sender.send((index, outcome));
            });
        };
        let mut spawned = 0;
        while spawned < count.min(window) {
            spawn(spawned);
            spawned += 1;
        }
        let mut pending = BTreeMap::new();
        let mut next = 0;
        while next < count {
            let (index, outcome) = loop {
                match receiver.try_recv() {
                    Ok(message) => break message,
                    Err(mpsc::TryRecvError::Empty) => {
                        if rayon::yield_now() != Some(rayon::Yield::Executed) {
                            break receiver.recv().expect("a sender is alive");
                        }
                    }
                    Err(mpsc::TryRecvError::Disconnected) => unreachable!("a sender is alive"),
                }
            };
            pending.insert(index, outcome);
            while let Some(outcome) = pending.remove(&next) {
                match outcome {
                    Ok(value) => consume(value),
                    Err(panic) => resume_unwind(panic),
                }
                next += 1;
                if spawned < count {
                    spawn(spawned);
                    spawned += 1;
                }
            }
        }
    });
}

/// Lints every input in parallel; results come back in input order.
pub fn lint_all(linter: &Linter, inputs: &[Input], options: &InputOptions) -> Vec<FileResult> {
    let pipeline = Pipeline {
        linter,
        input: options,
        suppressions: None,
        fix: None,
    };
    let mut results = Vec::with_capacity(inputs.len());
    for_each_ordered(
        inputs.len(),
        None,
        |i| pipeline.process(&inputs[i]),
        |result| results.push(result),
    );
    results
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
    /// Files that could not be read (or whose fixes could not be written).
    pub failed: usize,
    /// Diagnostics hidden by suppressions (omitted from JSON when 0).
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
    /// Diagnostics fixed (omitted from JSON when 0).
    #[serde(skip_serializing_if = "is_zero")]
    pub fixed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// Adds one file's counts.
    pub fn add(&mut self, result: &FileResult) {
        self.files += 1;
        self.errors += result.count(Severity::Error);
        self.warnings += result.count(Severity::Warning);
        self.infos += result.count(Severity::Info);
        self.failed += usize::from(result.failed());
        self.suppressed += result.suppressed.len();
        self.fixed += result.fixed;
    }

    /// The process exit code without gate options: 2 if a file could not be
    /// read, 1 if an error was found, else 0.
    pub fn exit_code(&self) -> i32 {
        crate::gate::Gate::default().exit_code(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_finishes_first() {
        let mut seen = Vec::new();
        for_each_ordered(
            100,
            Some(3),
            |i| {
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                i
            },
            |i| seen.push(i),
        );
        assert_eq!(seen, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn lint_all_keeps_input_order_and_counts_failures() {
        let linter = Linter::new(crate::LintOptions::default());
        let inputs: Vec<Input> = ["examples/reports/clean-2024.txt", "no-such-file.txt"]
            .iter()
            .map(|p| Input::File {
                path: p.into(),
                root: None,
            })
            .collect();
        let results = lint_all(&linter, &inputs, &InputOptions::default());
        let paths: Vec<&str> = results.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(
            paths,
            ["examples/reports/clean-2024.txt", "no-such-file.txt"]
        );
        let mut summary = Summary::default();
        results.iter().for_each(|r| summary.add(r));
        assert_eq!((summary.files, summary.failed), (2, 1));
        assert_eq!(summary.exit_code(), 2);
    }

    #[test]
    fn empty_batches_finish() {
        let mut seen = 0;
        for_each_ordered(0, Some(4), |i| i, |_| seen += 1);
        assert_eq!(seen, 0);
    }
}
