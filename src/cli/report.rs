//! The body of `disclint check` once the linter is built: the inputs stream
//! through the [`Pipeline`] in path order and are rendered (or diffed, or
//! recorded as suppressions); then the suppressions file is maintained and
//! the exit code decided by the [`Gate`].

use std::collections::HashSet;
use std::io::{IsTerminal, Read, Write};

use super::args::{CheckArgs, ColorChoice};
use super::check::{input_options, write};
use crate::fix::{unified_diff, FixOptions};
use crate::gate::Gate;
use crate::input::expand;
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
struct Collector<'a> {
    mode: Mode,
    lang: Lang,
    renderer: Box<dyn Renderer>,
    report: &'a mut dyn Write,
    notes: &'a mut dyn Write,
    io: std::io::Result<()>,
    summary: Summary,
    statistics: Statistics,
    used: HashSet<usize>,
    checked: HashSet<String>,
    new_entries: Vec<Suppression>,
    diff_files: usize,
    fixed_stdin: Vec<u8>,
}

impl Collector<'_> {
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
        self.io = match self.mode {
            Mode::Report => self.renderer.file(self.report, &result),
            Mode::Diff => {
                let diff = match (&result.original, &result.source) {
                    (Some(before), Some(after)) => unified_diff(&result.path, before, &after.text),
                    _ => String::new(),
                };
                self.diff_files += usize::from(!diff.is_empty());
                self.report.write_all(diff.as_bytes())
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
        .and_then(|()| self.report.flush());
    }

    /// Ends the report; the statistics table goes inline for text formats
    /// and JSON (`summary.by_rule`), else to the notes stream.
    fn finish(&mut self, format: OutputFormat, statistics: bool) {
        if self.mode == Mode::Report {
            let by_rule = statistics.then(|| self.statistics.sorted());
            let inline = format.is_text() || format == OutputFormat::Json;
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
    let mut suppressions = match Suppressions::load(&args.suppressions.suppressions, lang) {
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
    let mut output_file = match &args.gate.output_file {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Some(std::io::BufWriter::new(file)),
            Err(e) => {
                let path = path.display();
                return error(
                    err,
                    lang,
                    format!("错误：无法创建 {path}：{e}\n"),
                    format!("error: cannot create {path}: {e}\n"),
                );
            }
        },
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
        let inputs = expand(&args.paths, &options);
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
    let gate = Gate {
        exit_zero: args.gate.exit_zero,
        deny_warnings: args.gate.deny_warnings,
        max_warnings: args.gate.max_warnings,
    };
    let summary = collector.summary;
    let mut code = gate.exit_code(&summary);
    let quiet = args.gate.quiet;
    let ran = |code: &str| {
        linter
            .registry()
            .find(code)
            .is_none_or(|meta| selection.is_enabled(meta))
    };
    // Stale before anything is added: new entries match by construction.
    let stale = suppressions.stale(&collector.used, &collector.checked, &ran);
    match mode {
        Mode::Report => {
            if summary.fixed > 0 && !quiet && !args.format.is_text() {
                let n = summary.fixed;
                write(
                    collector.notes,
                    &tr!(lang, "已修复 {} 个问题\n", "fixed {} diagnostics\n", n),
                );
            }
        }
        Mode::Diff => {
            if !quiet {
                let (n, files) = (summary.fixed, collector.diff_files);
                write(
                    collector.notes,
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
            } else if collector.diff_files > 0 && !gate.exit_zero {
                1
            } else {
                0
            };
        }
        Mode::AddSuppressions => {
            let added = suppressions.add(std::mem::take(&mut collector.new_entries));
            if added > 0 {
                if let Err((zh, en)) = save(&suppressions) {
                    return error(err, lang, zh, en);
                }
            }
            if !quiet {
                let file = suppressions.file().display();
                write(
                    collector.notes,
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
                    collector.notes,
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
            write(collector.notes, &text);
        }
    }
    let fixed_stdin = std::mem::take(&mut collector.fixed_stdin);
    drop(collector);
    drop(output_file);
    drop(buffered_out);
    if stdin_fix {
        let _ = out.write_all(&fixed_stdin).and_then(|()| out.flush());
        let _ = err.write_all(&deferred_notes);
    }
    code
}
