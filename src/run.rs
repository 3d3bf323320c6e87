//! A batch: every input read, linted, fixed and filtered in parallel, and
//! handed back in input order as soon as it and all before it are done.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc;

use crate::atomic_write::{ReplaceError, Snapshot};
use crate::diagnostic::{sort_in_text_order, Applicability, Diagnostic, Severity};
use crate::extract::{extract, SourceKind};
use crate::fix::{fix_until_stable, FixOptions, Fixed};
use crate::input::{check_fix_target, read_file, Input, InputOptions};
use crate::lint::{Analysis, Linter};
use crate::model::Report;
use crate::source::SourceFile;
use crate::suppress::Suppressions;
use crate::years::Facts;
use crate::{tr, Lang};

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
    /// The rule (code and name) of each diagnostic fixed, in the order fixed.
    pub fixed_rules: Vec<(String, String)>,
    /// The text before fixes, when fixes changed it.
    pub original: Option<String>,
    /// The bytes after fixes, in the original encoding (standard input with `--fix`).
    pub output: Option<Vec<u8>>,
    /// Why fixes could not be applied or written.
    pub fix_error: Option<String>,
    /// Why fixing stopped with fixes left (a note, not a failure).
    pub fix_note: Option<String>,
    /// The report model of the text checked, as the rules saw it, when the
    /// pipeline keeps it (`None` when the file could not be read, or when
    /// fixes changed its text).
    pub report: Option<Report>,
}

impl FileResult {
    /// The result of checking `source`: these findings, nothing fixed or suppressed.
    pub fn checked(source: SourceFile, diagnostics: Vec<Diagnostic>) -> FileResult {
        FileResult {
            path: source.path.clone(),
            source: Some(source),
            diagnostics,
            ..FileResult::default()
        }
    }

    /// Whether the run failed on this file (exit code 2): it could not be
    /// read and says so (its input rule runs and is not suppressed), or its
    /// fixes could not be written.
    pub fn failed(&self) -> bool {
        (self.source.is_none() && !self.diagnostics.is_empty()) || self.fix_error.is_some()
    }

    /// Whether the file could not be read and its diagnostic is off (ignored,
    /// not selected, or suppressed): it was not checked, but the run does
    /// not fail on it.
    pub fn unchecked(&self) -> bool {
        self.source.is_none() && self.diagnostics.is_empty()
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
    /// Whether the result keeps the report model ([`FileResult::report`]):
    /// the batch report reads its indicators from it; `check` does not
    /// need it, and a batch held for the cross-file rules would hold every
    /// model.
    pub keep_report: bool,
}

/// Where the fixes of one report go.
enum Target<'a> {
    /// The file it was read from, replaced only if it is still what was read.
    File {
        /// The file.
        path: &'a Path,
        /// The folder searched, when the file was found by a walk: fixes are
        /// not written through a link out of it.
        root: Option<&'a Path>,
        /// The file as read again before fixing.
        snapshot: Option<Snapshot>,
        /// Runs once the fixed bytes are written, before the last check.
        before_check: &'a mut dyn FnMut(),
    },
    /// Bytes (standard input): the fixed bytes are kept.
    Bytes {
        /// The bytes read.
        original: Vec<u8>,
        /// The bytes after fixes, once written.
        fixed: Option<Vec<u8>>,
    },
}

impl Target<'_> {
    /// The bytes as they are now.
    fn read(&mut self) -> std::io::Result<Vec<u8>> {
        match self {
            Target::File { path, snapshot, .. } => {
                let read = Snapshot::read(path)?;
                let bytes = read.bytes.clone();
                *snapshot = Some(read);
                Ok(bytes)
            }
            Target::Bytes { original, .. } => Ok(original.clone()),
        }
    }

    /// Writes the fixed bytes; on failure, why (in `lang`).
    fn write(&mut self, bytes: &[u8], lang: Lang) -> Result<(), String> {
        let (path, snapshot, before_check) = match self {
            Target::File {
                path,
                root,
                snapshot: Some(snapshot),
                before_check,
            } => {
                check_fix_target(path, *root, lang)?;
                (path, snapshot, before_check)
            }
            // Not reached: `fix_source` reads before it writes.
            Target::File { snapshot: None, .. } => {
                return Err(tr!(
                    lang,
                    "内部错误：文件未经再次读取，未写入修复",
                    "internal error: the file was not read again; fixes not written"
                ))
            }
            Target::Bytes { fixed, .. } => {
                *fixed = Some(bytes.to_vec());
                return Ok(());
            }
        };
        snapshot
            .replace(path, bytes, before_check)
            .map_err(|error| match error {
                ReplaceError::ReadOnly => tr!(
                    lang,
                    "文件为只读，未写入修复（文件保持不变）",
                    "the file is read-only; fixes not written (the file is left as it is)"
                ),
                ReplaceError::Changed => tr!(
                    lang,
                    "修复期间文件被修改，未写入修复（文件保持修改后的内容）",
                    "the file changed while it was being fixed; fixes not written (the file keeps the change)"
                ),
                ReplaceError::Vanished => tr!(
                    lang,
                    "修复期间文件被删除或移走，未写入修复（也未重新创建）",
                    "the file was deleted or moved while it was being fixed; fixes not written (it is not recreated)"
                ),
                ReplaceError::Io(error) => tr!(
                    lang,
                    "无法写入修复：{}（文件保持不变）",
                    "cannot write the fixes: {} (the file is left as it is)",
                    crate::io_error::describe(&error, lang)
                ),
                ReplaceError::Damaged { error, kept } => tr!(
                    lang,
                    "就地写入修复失败：{}；文件可能已损坏，修复后的全文保存在 {}",
                    "writing the fixes in place failed: {}; the file may be damaged, the fixed text is kept in {}",
                    crate::io_error::describe(&error, lang),
                    kept.display()
                ),
            })
    }
}

impl Pipeline<'_> {
    /// Reads and processes one input.
    pub fn process(&self, input: &Input) -> FileResult {
        self.process_input(input, &mut || {}, false).0
    }

    /// [`process`](Self::process), and the facts the cross-file rules
    /// compare, read from the text the result is about (after fixes).
    pub fn process_with_facts(&self, input: &Input) -> (FileResult, Option<Facts>) {
        self.process_input(input, &mut || {}, true)
    }

    /// [`process`](Self::process); with `--fix`, `before_check` runs once
    /// the fixed bytes are written, right before the last check that the
    /// file is still what was read (tests change the file there). With
    /// `facts`, the report's facts too.
    fn process_input(
        &self,
        input: &Input,
        before_check: &mut dyn FnMut(),
        facts: bool,
    ) -> (FileResult, Option<Facts>) {
        match input {
            Input::File { path, root } => match read_file(path, self.input) {
                Ok(source) => {
                    let mut target = Target::File {
                        path,
                        root: root.as_deref(),
                        snapshot: None,
                        before_check,
                    };
                    self.process_source(source, &mut target, facts)
                }
                Err(diagnostic) => (
                    self.unreadable(path.display().to_string(), *diagnostic),
                    None,
                ),
            },
            Input::Failed { path, diagnostic } => {
                (self.unreadable(path.clone(), diagnostic.clone()), None)
            }
        }
    }

    /// Processes a report given as bytes (standard input): with `--fix`, the
    /// fixed bytes are returned in [`FileResult::output`] instead of written.
    pub fn process_bytes(&self, name: &str, bytes: Vec<u8>) -> FileResult {
        self.process_bytes_with_facts(name, bytes, false).0
    }

    /// [`process_bytes`](Self::process_bytes), with the report's facts when
    /// `facts` is set.
    pub fn process_bytes_with_facts(
        &self,
        name: &str,
        bytes: Vec<u8>,
        facts: bool,
    ) -> (FileResult, Option<Facts>) {
        match extract(name, &bytes, self.input) {
            Ok(source) => {
                let mut target = Target::Bytes {
                    original: bytes,
                    fixed: None,
                };
                let (mut result, facts) = self.process_source(source, &mut target, facts);
                if let (true, Target::Bytes { original, fixed }) =
                    (self.fix.is_some_and(|f| f.write), target)
                {
                    result.output = Some(fixed.unwrap_or(original));
                }
                (result, facts)
            }
            Err(diagnostic) => (self.unreadable(name.to_owned(), *diagnostic), None),
        }
    }

    /// The path and facts of a report read but not checked (last year's,
    /// with `--previous`); its path and the reader's diagnostic when it
    /// cannot be read.
    pub fn facts_of(&self, input: &Input) -> Result<(String, Facts), Box<(String, Diagnostic)>> {
        match input {
            Input::File { path, .. } => {
                let source = read_file(path, self.input)
                    .map_err(|d| Box::new((path.display().to_string(), *d)))?;
                let analysis = self.linter.analyze(&source);
                Ok((source.path.clone(), self.facts(&source, &analysis)))
            }
            Input::Failed { path, diagnostic } => Err(Box::new((path.clone(), diagnostic.clone()))),
        }
    }

    /// The facts of an analysed report.
    fn facts(&self, source: &SourceFile, analysis: &Analysis) -> Facts {
        let format = self.linter.formats().get(analysis.report.edition);
        Facts::of(source, &analysis.doc, &analysis.report, format)
    }

    /// Adds findings made after the file was processed (the cross-file
    /// rules'), suppressed like its own, and puts them in text order
    /// among them.
    pub fn add_findings(&self, result: &mut FileResult, found: Vec<Diagnostic>) {
        // The cross-file stage ran with one scope's settings: this file's
        // own ignores and severities apply.
        let mut found: Vec<Diagnostic> = found
            .into_iter()
            .filter_map(|diagnostic| self.linter.admit_input(&result.path, diagnostic))
            .collect();
        if found.is_empty() {
            return;
        }
        let used = self.hide_suppressed(result, &mut found);
        result.suppressed.extend(used);
        result.diagnostics.append(&mut found);
        sort_in_text_order(&mut result.diagnostics);
    }

    /// The result for an input that could not be read: no source, and its
    /// diagnostic unless the run's options switch its rule off for the path
    /// (or a suppression hides it). Either way the file is not checked;
    /// only a diagnostic shown makes it a failure ([`FileResult::failed`]).
    fn unreadable(&self, path: String, diagnostic: Diagnostic) -> FileResult {
        let diagnostics = self
            .linter
            .admit_input(&path, diagnostic)
            .into_iter()
            .collect();
        let mut result = FileResult {
            path,
            diagnostics,
            ..FileResult::default()
        };
        self.suppress(&mut result);
        result
    }

    fn process_source(
        &self,
        source: SourceFile,
        target: &mut Target<'_>,
        want_facts: bool,
    ) -> (FileResult, Option<Facts>) {
        let mut result = FileResult {
            path: source.path.clone(),
            ..FileResult::default()
        };
        if let Some(suppressions) = self.suppressions {
            result.suppression_key = Some(suppressions.path_key(&result.path));
        }
        let analysis = self.linter.analyze(&source);
        let mut diagnostics = self.linter.check(&source, &analysis);
        // The analysis of the text as it ends up (none once fixes change it).
        let mut analysis = Some(analysis);
        let mut source = source;
        if self.fix.is_some() && !source.is_editable() {
            result.fix_note = Some(structured_fix_refused(source.kind, self.input.lang));
        } else if let Some(mode) = self.fix {
            let keep = |s: &SourceFile, d: &Diagnostic| !self.is_suppressed(&result, s, d);
            let fixable = diagnostics.iter().any(|d| {
                d.fix.as_ref().is_some_and(|f| mode.options.allows(f)) && keep(&source, d)
            });
            if fixable {
                match self.fix_source(&source, diagnostics.clone(), target, &keep, mode) {
                    Ok(fixed) => {
                        result.fix_note = fixed.unconverged.map(|u| u.message(self.input.lang));
                        if fixed.passes > 0 {
                            result.original = Some(std::mem::take(&mut source.text));
                            analysis = None;
                            source = fixed.source;
                            diagnostics = fixed.diagnostics;
                            result.fixed = fixed.fixed;
                            result.fixed_rules = fixed.fixed_rules;
                        }
                    }
                    Err(error) => result.fix_error = Some(error),
                }
            }
        }
        let facts = want_facts.then(|| match &analysis {
            Some(analysis) => self.facts(&source, analysis),
            None => self.facts(&source, &self.linter.analyze(&source)),
        });
        result.diagnostics = diagnostics;
        result.source = Some(source);
        // The model the rules saw (none once fixes changed the text).
        result.report = analysis
            .filter(|_| self.keep_report)
            .map(|analysis| analysis.report);
        self.suppress(&mut result);
        (result, facts)
    }

    /// Fixes a source and writes it back (when a pass changed it).
    fn fix_source(
        &self,
        source: &SourceFile,
        diagnostics: Vec<Diagnostic>,
        target: &mut Target<'_>,
        keep: &dyn Fn(&SourceFile, &Diagnostic) -> bool,
        mode: FixMode,
    ) -> Result<Fixed, String> {
        let lang = self.input.lang;
        let original = target.read().map_err(|err| {
            tr!(
                lang,
                "无法再次读取文件：{}；未应用修复",
                "cannot read the file again: {}; no fix applied",
                crate::io_error::describe(&err, lang)
            )
        })?;
        match extract(&source.path, &original, self.input) {
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
            return Ok(fixed);
        }
        // The next run must read the fixed bytes as the fixed text: removing
        // the only bytes that are not UTF-8 can make a GB18030 file detected
        // as UTF-8 and read as another text.
        match extract(&source.path, &fixed.bytes, self.input) {
            Ok(again) if again.text == fixed.source.text => {}
            _ => {
                return Err(tr!(
                    lang,
                    "未应用修复：修复后的文件再次读取时会被识别为另一种编码、读成不同的文本，文件保持不变",
                    "fixes not applied: the fixed file would be read back in another encoding as a different text, so the file is left as it was"
                ))
            }
        }
        if mode.write {
            target.write(&fixed.bytes, lang)?;
        }
        Ok(fixed)
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
        let mut diagnostics = std::mem::take(&mut result.diagnostics);
        result.suppressed = self.hide_suppressed(result, &mut diagnostics);
        result.diagnostics = diagnostics;
    }

    /// Removes the diagnostics of `result`'s file that a suppression hides
    /// from `diagnostics`; gives the entries that hid them.
    fn hide_suppressed(
        &self,
        result: &mut FileResult,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<usize> {
        let Some(suppressions) = self.suppressions else {
            return Vec::new();
        };
        let key = result
            .suppression_key
            .get_or_insert_with(|| suppressions.path_key(&result.path))
            .clone();
        let source = result.source.as_ref();
        let mut used = Vec::new();
        diagnostics.retain(|d| match suppressions.find(&key, d, source) {
            Some(index) => {
                used.push(index);
                false
            }
            None => true,
        });
        used
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
        keep_report: false,
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
    /// Files that could not be read, with their diagnostic shown (or whose
    /// fixes could not be written).
    pub failed: usize,
    /// Files that could not be read whose diagnostic is off: not checked,
    /// not failed (omitted from JSON when 0).
    #[serde(skip_serializing_if = "is_zero")]
    pub unchecked: usize,
    /// Diagnostics hidden by suppressions (omitted from JSON when 0).
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
    /// Diagnostics fixed (omitted from JSON when 0).
    #[serde(skip_serializing_if = "is_zero")]
    pub fixed: usize,
    /// Files that could not be read, so were not checked (shown or not;
    /// omitted from JSON when 0).
    #[serde(skip_serializing_if = "is_zero")]
    pub unreadable: usize,
    /// Diagnostics left with a safe fix, which `--fix` would apply (omitted
    /// from JSON when 0).
    #[serde(skip_serializing_if = "is_zero")]
    pub fixable: usize,
    /// Diagnostics left with an unsafe fix, which only `--fix
    /// --unsafe-fixes` applies (omitted from JSON when 0).
    #[serde(skip_serializing_if = "is_zero")]
    pub unsafe_fixable: usize,
}

/// Why `--fix` leaves a document that is not plain text alone: its text was
/// extracted, and an edit of that text cannot be written back into it.
fn structured_fix_refused(kind: SourceKind, lang: Lang) -> String {
    let document = kind.describe(lang);
    match kind {
        SourceKind::Docx => tr!(
            lang,
            "--fix 只修改纯文本和 Markdown 文件，{}未作修改；用 --annotate 生成带批注的副本，在 Word 中逐条修改",
            "--fix only edits plain text and Markdown files; this {} was not changed: use --annotate for a copy with review comments and edit it in Word",
            document
        ),
        _ => tr!(
            lang,
            "--fix 只修改纯文本和 Markdown 文件，{}未作修改；请在原文档中修改",
            "--fix only edits plain text and Markdown files; this {} was not changed: edit the original document",
            document
        ),
    }
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
        self.unchecked += usize::from(result.unchecked());
        self.suppressed += result.suppressed.len();
        self.fixed += result.fixed;
        self.unreadable += usize::from(result.source.is_none());
        for fix in result.diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
            match fix.applicability {
                Applicability::Safe => self.fixable += 1,
                Applicability::Unsafe => self.unsafe_fixable += 1,
            }
        }
    }

    /// Files read and checked.
    pub fn checked(&self) -> usize {
        self.files - self.unreadable
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

    /// Fixes a copy of the failing fixture (P002 has an unsafe fix) while
    /// `meanwhile` runs right before the file would be replaced; returns
    /// the result and the file's bytes afterwards (`None`: no file).
    fn fix_while(name: &str, meanwhile: &mut dyn FnMut(&Path)) -> (FileResult, Option<Vec<u8>>) {
        let dir = std::env::temp_dir().join(format!("disclint-run-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("r.txt");
        std::fs::copy("tests/fixtures/output/failing.txt", &path).unwrap();
        let linter = Linter::new(crate::LintOptions::default());
        let options = InputOptions {
            lang: Lang::En,
            ..InputOptions::default()
        };
        let pipeline = Pipeline {
            linter: &linter,
            input: &options,
            suppressions: None,
            fix: Some(FixMode {
                options: FixOptions { unsafe_fixes: true },
                write: true,
            }),
            keep_report: false,
        };
        let (result, _) = pipeline.process_input(
            &Input::File {
                path: path.clone(),
                root: None,
            },
            &mut || meanwhile(&path),
            false,
        );
        let after = std::fs::read(&path).ok();
        let _ = std::fs::remove_dir_all(&dir);
        (result, after)
    }

    #[test]
    fn fix_writes_nothing_over_a_file_changed_or_deleted_meanwhile() {
        let (result, after) = fix_while("unchanged", &mut |_| {});
        assert_eq!((result.fixed, result.fix_error), (1, None));
        assert!(String::from_utf8(after.unwrap())
            .unwrap()
            .contains("2024年1月1日至2024年12月31日"));

        let (result, after) = fix_while("changed", &mut |path| {
            std::fs::write(path, "edited meanwhile").unwrap()
        });
        let error = result.fix_error.as_deref().unwrap_or_default();
        assert!(
            error.contains("changed while it was being fixed"),
            "{error}"
        );
        assert!(result.failed() && result.fixed == 0 && result.original.is_none());
        assert_eq!(after.as_deref(), Some(&b"edited meanwhile"[..]));

        let (result, after) = fix_while("deleted", &mut |path| std::fs::remove_file(path).unwrap());
        let error = result.fix_error.as_deref().unwrap_or_default();
        assert!(error.contains("deleted or moved"), "{error}");
        assert_eq!(after, None, "the file was recreated");
    }

    #[test]
    fn empty_batches_finish() {
        let mut seen = 0;
        for_each_ordered(0, Some(4), |i| i, |_| seen += 1);
        assert_eq!(seen, 0);
    }
}
