//! The body of `disclint check` once the linter is built: the inputs stream
//! through the [`Pipeline`] in path order and are rendered (or diffed, or
//! recorded as suppressions); then the suppressions file is maintained and
//! the exit code decided by the [`Gate`].

use std::collections::HashSet;
use std::io::{IsTerminal, Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use super::args::{CheckArgs, ColorChoice};
use super::check::{input_options, write};
use crate::atomic_write::AtomicFile;
use crate::fix::{unified_diff, FixOptions};
use crate::gate::Gate;
use crate::input::{expand, Input};
use crate::lint::Linter;
use crate::render::{renderer, OutputFormat, RenderOptions, Renderer, Totals};
use crate::run::{for_each_ordered, FileResult, FixMode, Pipeline, Summary};
use crate::stats::{statistics_table, Statistics};
use crate::suppress::{Suppression, Suppressions};
use crate::{tr, Lang};

/// What `check` does with the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Render diagnostics in the chosen format.
    Report,
    /// Print what `--fix` would change (`--diff`).
    Diff,
    /// Record every diagnostic as a suppression (`--add-suppressions`).
    AddSuppressions,
}

/// Receives the results in path order and keeps the totals.
struct Collector<'r, 'n> {
    mode: Mode,
    lang: Lang,
    renderer: Box<dyn Renderer>,
    report: &'r mut dyn Write,
    notes: &'n mut dyn Write,
    io: std::io::Result<()>,
    summary: Summary,
    statistics: Statistics,
    used: HashSet<usize>,
    checked: HashSet<String>,
    new_entries: Vec<Suppression>,
    diff_files: usize,
    fixed_stdin: Vec<u8>,
}

impl Collector<'_, '_> {
    fn start(&mut self) {
        if self.mode == Mode::Report {
            self.io = self.renderer.start(self.report);
        }
    }

    fn take(&mut self, result: FileResult) {
        self.summary.add(&result);
        for diagnostic in &result.diagnostics {
            self.statistics.add(diagnostic);
        }
        self.used.extend(result.suppressed.iter().copied());
        if let Some(key) = &result.suppression_key {
            self.checked.insert(key.clone());
        }
        if let Some(error) = &result.fix_error {
            let text = tr!(
                self.lang,
                "错误：{}：{}\n",
                "error: {}: {}\n",
                result.path,
                error
            );
            write(self.notes, &text);
        }
        if let Some(output) = &result.output {
            self.fixed_stdin.extend_from_slice(output);
        }
        if self.io.is_err() {
            return;
        }
        // Rendered apart first: a renderer that panics (a bug) fails its
        // file, writes none of it, and the other files go on.
        let mut rendered = Vec::new();
        match catch_unwind(AssertUnwindSafe(|| self.output(&result, &mut rendered))) {
            Ok(written) => {
                self.io = written
                    .and_then(|()| self.report.write_all(&rendered))
                    .and_then(|()| self.report.flush());
            }
            Err(panic) => {
                self.summary.failed += usize::from(!result.failed());
                let reason = panic_message(panic.as_ref());
                let text = tr!(
                    self.lang,
                    "错误：{}：输出结果时发生内部错误（{}），该文件的结果未写出\n",
                    "error: {}: internal error while writing its results ({}); they are missing from the report\n",
                    result.path,
                    reason
                );
                write(self.notes, &text);
            }
        }
    }

    /// Writes one file's part of the output (by mode) to `out`.
    fn output(&mut self, result: &FileResult, out: &mut Vec<u8>) -> std::io::Result<()> {
        match self.mode {
            Mode::Report => self.renderer.file(out, result),
            Mode::Diff => {
                let diff = match (&result.original, &result.source) {
                    (Some(before), Some(after)) => unified_diff(&result.path, before, &after.text),
                    _ => String::new(),
                };
                self.diff_files += usize::from(!diff.is_empty());
                out.write_all(diff.as_bytes())
            }
            Mode::AddSuppressions => {
                if let (Some(key), Some(source)) = (&result.suppression_key, &result.source) {
                    self.new_entries.extend(
                        result
                            .diagnostics
                            .iter()
                            .map(|d| Suppressions::entry_for(key, d, Some(source))),
                    );
                }
                Ok(())
            }
        }
    }

    /// Ends the report; the statistics table goes inline for text formats
    /// and JSON (`summary.by_rule`), else to the notes stream.
    fn finish(&mut self, format: OutputFormat, statistics: bool) {
        if self.mode == Mode::Report {
            let by_rule = statistics.then(|| self.statistics.sorted());
            let inline = format.holds_statistics();
            let totals = Totals {
                summary: &self.summary,
                by_rule: by_rule.as_deref().filter(|_| inline),
            };
            if self.io.is_ok() {
                self.io = self.renderer.finish(self.report, &totals);
            }
            if let (Some(counts), false) = (&by_rule, inline) {
                write(self.notes, &statistics_table(counts, self.lang));
            }
        }
        if self.io.is_ok() {
            self.io = self.report.flush();
        }
    }
}

/// The message a panic was raised with, if it is text.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic")
}

/// Whether to colour: the flag, else a terminal without `NO_COLOR`.
fn use_color(choice: ColorChoice, to_stdout: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_stdout
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Reads standard input, up to `limit` bytes.
fn read_stdin(limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::other(format!("more than {limit} bytes")));
    }
    Ok(bytes)
}

fn error(err: &mut dyn Write, lang: Lang, zh: String, en: String) -> i32 {
    write(err, lang.pick(&zh, &en));
    2
}

/// Writes the suppressions file; on failure, the message (Chinese, English).
fn save(suppressions: &Suppressions) -> Result<(), (String, String)> {
    suppressions.save().map_err(|e| {
        let file = suppressions.file().display();
        (
            format!("错误：无法写入 {file}：{e}\n"),
            format!("error: cannot write {file}: {e}\n"),
        )
    })
}

/// What names a file: its device and inode (Unix), else its canonical path.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// What names a file: its device and inode (Unix), else its canonical path.
#[cfg(not(unix))]
fn file_id(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// The absolute path a file not yet there would have.
fn future_path(path: &Path) -> PathBuf {
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(parent), path.file_name()) {
        (Ok(parent), Some(name)) => parent.join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// Whether two paths name the same file: followed through symbolic links,
/// and hard links too (Unix); paths of files not there yet are compared.
fn same_file(a: &Path, b: &Path) -> bool {
    match (file_id(a), file_id(b)) {
        (Some(a), Some(b)) => a == b,
        (None, None) => future_path(a) == future_path(b),
        _ => false,
    }
}

/// Why `--output-file` may not be `output`: it is an input, the
/// suppressions file, the configuration file or a rule pack (writing it
/// would destroy it); the message in Chinese and English.
fn output_conflict(
    output: &Path,
    inputs: &[Input],
    args: &CheckArgs,
    suppressions: &Suppressions,
) -> Option<(String, String)> {
    let shown = output.display();
    // An output not there yet cannot be an input (files found exist).
    if let Some(id) = file_id(output) {
        let input = inputs.iter().find_map(|input| match input {
            Input::File(path) if file_id(path).as_ref() == Some(&id) => Some(path),
            _ => None,
        });
        if let Some(input) = input {
            let input = input.display();
            return Some((
                format!("错误：--output-file {shown} 也是输入文件（{input}），写入会毁掉它；未做任何操作\n"),
                format!("error: --output-file {shown} is also an input ({input}); writing it would destroy it, so nothing was done\n"),
            ));
        }
    }
    let setup = &args.common.setup;
    let named = [(suppressions.file(), "抑制清单", "the suppressions file")]
        .into_iter()
        .chain(
            setup
                .config
                .path
                .as_deref()
                .map(|p| (p, "配置文件", "the configuration file")),
        )
        .chain(
            setup
                .packs
                .iter()
                .map(|p| (p.as_path(), "规则包", "a rule pack")),
        );
    for (file, zh, en) in named {
        if same_file(output, file) {
            let file = file.display();
            return Some((
                format!("错误：--output-file {shown} 是{zh}（{file}），写入会毁掉它；未做任何操作\n"),
                format!("error: --output-file {shown} is {en} ({file}); writing it would destroy it, so nothing was done\n"),
            ));
        }
    }
    None
}

/// Runs `check` with a built linter; returns the exit code.
pub(super) fn run_check(
    args: &CheckArgs,
    linter: &Linter,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let lang = args.common.lang;
    let stdin = args.paths.iter().any(|p| p == "-");
    if stdin && args.paths.len() > 1 {
        return error(
            err,
            lang,
            "错误：“-”（标准输入）不能与其他路径同时使用\n".into(),
            "error: “-” (standard input) cannot be combined with other paths\n".into(),
        );
    }
    let mut suppressions = match Suppressions::load(&args.suppressions.suppressions) {
        Ok(list) => list,
        Err(message) => {
            return error(
                err,
                lang,
                format!("错误：{message}\n"),
                format!("error: {message}\n"),
            )
        }
    };
    let options = input_options(&args.common);
    let pipeline = Pipeline {
        linter,
        input: &options,
        suppressions: Some(&suppressions),
        fix: (args.fix.fix || args.fix.diff).then_some(FixMode {
            options: FixOptions {
                unsafe_fixes: args.fix.unsafe_fixes,
            },
            write: args.fix.fix,
        }),
    };
    // The inputs are found before the output file is opened (it is not
    // linted), and it is written beside itself and renamed at the end.
    let inputs = if stdin {
        Vec::new()
    } else {
        expand(&args.paths, &options)
    };
    let mut output_file = match &args.gate.output_file {
        Some(path) => {
            if let Some((zh, en)) = output_conflict(path, &inputs, args, &suppressions) {
                return error(err, lang, zh, en);
            }
            match AtomicFile::create(path) {
                Ok(file) => Some(file),
                Err(e) => {
                    let path = path.display();
                    return error(
                        err,
                        lang,
                        format!("错误：无法创建 {path}：{e}\n"),
                        format!("error: cannot create {path}: {e}\n"),
                    );
                }
            }
        }
        None => None,
    };
    // The report goes to --output-file, else to standard output; but for
    // `check - --fix` standard output carries the fixed report, so the
    // diagnostics go to standard error and the notes after them.
    let stdin_fix = stdin && args.fix.fix;
    let mut deferred_notes: Vec<u8> = Vec::new();
    // Buffered, and flushed after every file: output streams file by file
    // without a system call per line.
    let mut buffered_out = std::io::BufWriter::with_capacity(1 << 16, &mut *out);
    let (report, notes): (&mut dyn Write, &mut dyn Write) = match (&mut output_file, stdin_fix) {
        (Some(file), _) => (file, &mut *err),
        (None, true) => (&mut *err, &mut deferred_notes),
        (None, false) => (&mut buffered_out, &mut *err),
    };
    let selection = &linter.options().selection;
    let render_options = RenderOptions {
        lang,
        color: use_color(
            args.gate.color,
            args.gate.output_file.is_none() && !stdin_fix,
        ),
        width: 100,
        rules: linter
            .registry()
            .metas()
            .filter(|meta| selection.is_enabled(meta))
            .cloned()
            .collect(),
        version: env!("CARGO_PKG_VERSION"),
    };
    let mode = if args.suppressions.add_suppressions {
        Mode::AddSuppressions
    } else if args.fix.diff {
        Mode::Diff
    } else {
        Mode::Report
    };
    let mut collector = Collector {
        mode,
        lang,
        renderer: renderer(args.format, render_options),
        report,
        notes,
        io: Ok(()),
        summary: Summary::default(),
        statistics: Statistics::default(),
        used: HashSet::new(),
        checked: HashSet::new(),
        new_entries: Vec::new(),
        diff_files: 0,
        fixed_stdin: Vec::new(),
    };
    collector.start();
    if stdin {
        let name = args.stdin_filename.as_deref().unwrap_or("-");
        match read_stdin(options.max_file_size) {
            Ok(bytes) => collector.take(pipeline.process_bytes(name, bytes)),
            Err(e) => {
                return error(
                    collector.notes,
                    lang,
                    format!("错误：无法读取标准输入：{e}\n"),
                    format!("error: cannot read standard input: {e}\n"),
                )
            }
        }
    } else {
        for_each_ordered(
            inputs.len(),
            None,
            |i| pipeline.process(&inputs[i]),
            |result| collector.take(result),
        );
    }
    collector.finish(args.format, args.gate.statistics);
    if let Err(e) = std::mem::replace(&mut collector.io, Ok(())) {
        return error(
            collector.notes,
            lang,
            format!("错误：无法写出报告：{e}\n"),
            format!("error: cannot write the report: {e}\n"),
        );
    }
    let Collector {
        notes,
        summary,
        used,
        checked,
        mut new_entries,
        diff_files,
        fixed_stdin,
        ..
    } = collector;
    // The report is complete: only now does it replace the old one.
    if let (Some(file), Some(path)) = (output_file, &args.gate.output_file) {
        if let Err(e) = file.commit() {
            let path = path.display();
            return error(
                notes,
                lang,
                format!("错误：无法写入 {path}：{e}\n"),
                format!("error: cannot write {path}: {e}\n"),
            );
        }
    }
    let gate = Gate {
        exit_zero: args.gate.exit_zero,
        deny_warnings: args.gate.deny_warnings,
        max_warnings: args.gate.max_warnings,
    };
    let mut code = gate.exit_code(&summary);
    let quiet = args.gate.quiet;
    let ran = |code: &str| {
        linter
            .registry()
            .find(code)
            .is_none_or(|meta| selection.is_enabled(meta))
    };
    // Stale before anything is added: new entries match by construction.
    let stale = suppressions.stale(&used, &checked, &ran);
    match mode {
        Mode::Report => {
            if summary.fixed > 0 && !quiet && !args.format.is_text() {
                let n = summary.fixed;
                write(
                    notes,
                    &tr!(lang, "已修复 {} 个问题\n", "fixed {} diagnostics\n", n),
                );
            }
        }
        Mode::Diff => {
            if !quiet {
                let (n, files) = (summary.fixed, diff_files);
                write(
                    notes,
                    &tr!(
                        lang,
                        "可修复 {} 个问题（{} 个文件）；用 --fix 应用\n",
                        "would fix {} diagnostics in {} files; apply with --fix\n",
                        n,
                        files
                    ),
                );
            }
            // The exit code says whether there is something to fix.
            code = if summary.failed > 0 {
                2
            } else if diff_files > 0 && !gate.exit_zero {
                1
            } else {
                0
            };
        }
        Mode::AddSuppressions => {
            let added = suppressions.add(std::mem::take(&mut new_entries));
            if added > 0 {
                if let Err((zh, en)) = save(&suppressions) {
                    return error(err, lang, zh, en);
                }
            }
            if !quiet {
                let file = suppressions.file().display();
                write(
                    notes,
                    &tr!(
                        lang,
                        "已向 {} 添加 {} 条抑制；请填写 reason\n",
                        "added {1} suppressions to {0}; fill in their reason\n",
                        file,
                        added
                    ),
                );
            }
            // Everything found is now accepted.
            code = if summary.failed > 0 { 2 } else { 0 };
        }
    }
    if !stale.is_empty() {
        let file = suppressions.file().display().to_string();
        if args.suppressions.prune_suppressions {
            suppressions.remove(&stale);
            if let Err((zh, en)) = save(&suppressions) {
                return error(err, lang, zh, en);
            }
            if !quiet {
                let n = stale.len();
                write(
                    notes,
                    &tr!(
                        lang,
                        "已从 {} 删除 {} 条过时的抑制\n",
                        "removed {1} stale suppressions from {0}\n",
                        file,
                        n
                    ),
                );
            }
        } else if !quiet {
            let mut text = tr!(
                lang,
                "警告：{} 中有 {} 条抑制已不匹配任何问题（用 --prune-suppressions 删除）：\n",
                "warning: {} has {} stale suppressions that match nothing (remove them with --prune-suppressions):\n",
                file,
                stale.len()
            );
            for index in &stale {
                let entry = &suppressions.entries()[*index];
                text.push_str(&format!("  {} {} {}\n", entry.rule, entry.path, entry.text));
            }
            write(notes, &text);
        }
    }
    drop(buffered_out);
    if stdin_fix {
        let written = out.write_all(&fixed_stdin).and_then(|()| out.flush());
        let _ = err.write_all(&deferred_notes);
        if let Err(e) = written {
            return error(
                err,
                lang,
                format!("错误：无法把修复后的报告写到标准输出：{e}\n"),
                format!("error: cannot write the fixed report to standard output: {e}\n"),
            );
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::OutputFormat;

    /// Renders every file as its path, and panics on `bad.txt`.
    struct Fragile;

    impl Renderer for Fragile {
        fn start(&mut self, _: &mut dyn Write) -> std::io::Result<()> {
            Ok(())
        }

        fn file(&mut self, out: &mut dyn Write, result: &FileResult) -> std::io::Result<()> {
            write!(out, "{} ", result.path)?;
            assert!(result.path != "bad.txt", "renderer bug");
            writeln!(out, "ok")
        }

        fn finish(&mut self, out: &mut dyn Write, totals: &Totals<'_>) -> std::io::Result<()> {
            writeln!(out, "failed {}", totals.summary.failed)
        }
    }

    fn result(path: &str) -> FileResult {
        FileResult {
            path: path.into(),
            source: Some(crate::SourceFile::from_text(path.to_owned(), String::new())),
            ..FileResult::default()
        }
    }

    #[test]
    fn a_renderer_panic_fails_its_file_and_the_run_goes_on() {
        let (mut report, mut notes) = (Vec::new(), Vec::new());
        let mut collector = Collector {
            mode: Mode::Report,
            lang: Lang::En,
            renderer: Box::new(Fragile),
            report: &mut report,
            notes: &mut notes,
            io: Ok(()),
            summary: Summary::default(),
            statistics: Statistics::default(),
            used: HashSet::new(),
            checked: HashSet::new(),
            new_entries: Vec::new(),
            diff_files: 0,
            fixed_stdin: Vec::new(),
        };
        collector.start();
        for path in ["a.txt", "bad.txt", "c.txt"] {
            collector.take(result(path));
        }
        collector.finish(OutputFormat::Human, false);
        assert!(collector.io.is_ok());
        assert_eq!((collector.summary.files, collector.summary.failed), (3, 1));
        drop(collector);
        // Nothing of the failed file's output: the rest is well formed.
        assert_eq!(
            String::from_utf8(report).unwrap(),
            "a.txt ok\nc.txt ok\nfailed 1\n"
        );
        let notes = String::from_utf8(notes).unwrap();
        assert!(
            notes.contains("bad.txt") && notes.contains("renderer bug"),
            "{notes}"
        );
    }
}
