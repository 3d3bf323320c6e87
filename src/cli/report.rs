//! The body of `disclint check` once the linter is built: the inputs stream
//! through the [`Pipeline`] in path order into the [`Collector`], which
//! renders them (or diffs them, or records them as suppressions) to the
//! routed [`Outputs`]; then each [`Mode`] finishes in its own way, the
//! suppressions file is kept up ([`super::upkeep`]) and the exit code
//! decided ([`crate::gate`]).

use std::collections::HashSet;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};

use super::annotate::{Annotator, Outcome};
use super::args::CheckArgs;
use super::check::{input_options, write};
use super::environment::Environment;
use super::outputs::Outputs;
use super::upkeep::{self, Voice};
use crate::fix::{unified_diff, FixOptions};
use crate::gate::accept_exit_code;
use crate::input::{expand, Input, InputOptions};
use crate::lint::Linter;
use crate::render::{renderer, OutputFormat, RenderOptions, Renderer, Totals};
use crate::run::{for_each_ordered, FileResult, FixMode, Pipeline, Summary};
use crate::stats::{statistics_table, Statistics};
use crate::suppress::{Suppression, Suppressions};
use crate::{tr, Lang};

/// Why `check` stopped (exit 2): the message in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Failure {
    zh: String,
    en: String,
}

impl Failure {
    /// A failure with its message in Chinese and in English.
    pub(super) fn new(zh: String, en: String) -> Self {
        Failure { zh, en }
    }

    /// The message in `lang`.
    pub(super) fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

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

impl Mode {
    /// The mode the flags ask for.
    fn of(args: &CheckArgs) -> Mode {
        if args.suppressions.add_suppressions {
            Mode::AddSuppressions
        } else if args.fix.diff {
            Mode::Diff
        } else {
            Mode::Report
        }
    }
}

/// What the results add up to.
#[derive(Default)]
struct Tally {
    summary: Summary,
    statistics: Statistics,
    /// The suppressions that hid something.
    used: HashSet<usize>,
    /// The suppression keys of the files checked.
    checked: HashSet<String>,
    /// The entries `--add-suppressions` adds.
    new_entries: Vec<Suppression>,
    /// The files `--diff` would change.
    diff_files: usize,
    /// The fixed report of `check - --fix`.
    fixed_stdin: Vec<u8>,
}

/// Receives the results in path order, writes them, and keeps the tally.
struct Collector<'c, 'o> {
    mode: Mode,
    /// Show the statistics table only, not the findings (`--statistics` in a
    /// text format).
    statistics_only: bool,
    lang: Lang,
    renderer: Box<dyn Renderer>,
    outputs: &'c mut Outputs<'o>,
    /// The first error writing the report; nothing more is written after it.
    io: std::io::Result<()>,
    tally: Tally,
    /// With `--annotate`: writes each Word document's annotated copy.
    annotator: Option<Annotator>,
}

impl<'c, 'o> Collector<'c, 'o> {
    /// A collector writing to `outputs`; the report is started.
    fn start(
        mode: Mode,
        lang: Lang,
        renderer: Box<dyn Renderer>,
        outputs: &'c mut Outputs<'o>,
    ) -> Self {
        let mut collector = Collector {
            mode,
            statistics_only: false,
            lang,
            renderer,
            outputs,
            io: Ok(()),
            tally: Tally::default(),
            annotator: None,
        };
        if mode == Mode::Report {
            collector.io = collector.renderer.start(collector.outputs.report());
        }
        collector
    }

    fn take(&mut self, result: FileResult) {
        let tally = &mut self.tally;
        tally.summary.add(&result);
        for diagnostic in &result.diagnostics {
            tally.statistics.add(diagnostic);
        }
        tally.used.extend(result.suppressed.iter().copied());
        if let Some(key) = &result.suppression_key {
            tally.checked.insert(key.clone());
        }
        if let Some(output) = &result.output {
            tally.fixed_stdin.extend_from_slice(output);
        }
        if let Some(error) = &result.fix_error {
            let text = tr!(
                self.lang,
                "错误：{}：{}\n",
                "error: {}: {}\n",
                crate::render::quote_path(&result.path),
                error
            );
            write(self.outputs.notes(), &text);
        }
        if let Some(outcome) = self.annotator.as_mut().and_then(|a| a.annotate(&result)) {
            let text = match outcome {
                Outcome::Written(note) | Outcome::Skipped(note) => {
                    tr!(self.lang, "注意：{}\n", "note: {}\n", note)
                }
                Outcome::Failed(error) => {
                    self.tally.summary.failed += usize::from(!result.failed());
                    tr!(self.lang, "错误：{}\n", "error: {}\n", error)
                }
            };
            write(self.outputs.notes(), &text);
        }
        if let Some(note) = &result.fix_note {
            let text = tr!(
                self.lang,
                "注意：{}：{}\n",
                "note: {}: {}\n",
                crate::render::quote_path(&result.path),
                note
            );
            write(self.outputs.notes(), &text);
        }
        if self.io.is_err() {
            return;
        }
        // Rendered apart first: a renderer that panics (a bug) fails its
        // file, writes none of it, and the other files go on.
        let mut rendered = Vec::new();
        match catch_unwind(AssertUnwindSafe(|| self.output(&result, &mut rendered))) {
            Ok(written) => {
                let report = self.outputs.report();
                self.io = written
                    .and_then(|()| report.write_all(&rendered))
                    .and_then(|()| report.flush());
            }
            Err(panic) => {
                self.tally.summary.failed += usize::from(!result.failed());
                let reason = panic_message(panic.as_ref());
                let text = tr!(
                    self.lang,
                    "错误：{}：输出结果时发生内部错误（{}），该文件的结果未写出\n",
                    "error: {}: internal error while writing its results ({}); they are missing from the report\n",
                    result.path,
                    reason
                );
                write(self.outputs.notes(), &text);
            }
        }
    }

    /// Writes one file's part of the output (by mode) to `out`.
    fn output(&mut self, result: &FileResult, out: &mut Vec<u8>) -> std::io::Result<()> {
        match self.mode {
            // With `--statistics`, a text format shows the table alone (as
            // Ruff does): one line per rule, not every finding.
            Mode::Report if self.statistics_only => Ok(()),
            Mode::Report => self.renderer.file(out, result),
            Mode::Diff => {
                let diff = match (&result.original, &result.source) {
                    (Some(before), Some(after)) => unified_diff(&result.path, before, &after.text),
                    _ => String::new(),
                };
                self.tally.diff_files += usize::from(!diff.is_empty());
                out.write_all(diff.as_bytes())
            }
            Mode::AddSuppressions => {
                if let (Some(key), Some(source)) = (&result.suppression_key, &result.source) {
                    self.tally.new_entries.extend(
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

    /// Ends the report and gives the tally. The statistics table goes where
    /// the format holds it, else to the notes.
    fn finish(mut self, format: OutputFormat, statistics: bool) -> Result<Tally, Failure> {
        if self.mode == Mode::Report {
            let by_rule = statistics.then(|| self.tally.statistics.sorted());
            let inline = format.holds_statistics();
            let totals = Totals {
                summary: &self.tally.summary,
                by_rule: by_rule.as_deref().filter(|_| inline),
            };
            if self.io.is_ok() {
                self.io = self.renderer.finish(self.outputs.report(), &totals);
            }
            if let (Some(counts), false) = (&by_rule, inline) {
                write(self.outputs.notes(), &statistics_table(counts, self.lang));
            }
        }
        if self.io.is_ok() {
            self.io = self.outputs.report().flush();
        }
        match self.io {
            Ok(()) => Ok(self.tally),
            Err(e) => Err(Failure::new(
                format!(
                    "错误：无法写出报告：{}\n",
                    crate::io_error::describe(&e, crate::Lang::Zh)
                ),
                format!("error: cannot write the report: {e}\n"),
            )),
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

/// Runs `check` with a built linter; returns the exit code.
pub(super) fn run_check(
    args: &CheckArgs,
    linter: &Linter,
    env: &mut Environment,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let reads_stdin = args.paths.iter().any(|p| p == "-");
    let mut outputs = Outputs::new(out, err, reads_stdin && args.fix.fix);
    let code = check_to(args, linter, env, &mut outputs).unwrap_or_else(|failure| {
        let lang = args.common.lang;
        write(outputs.notes(), failure.message(lang));
        2
    });
    outputs.close();
    code
}

/// Runs `check` into routed outputs: collects, finishes by mode, keeps the
/// suppressions file up; gives the exit code.
fn check_to(
    args: &CheckArgs,
    linter: &Linter,
    env: &mut Environment,
    outputs: &mut Outputs<'_>,
) -> Result<i32, Failure> {
    let options = input_options(&args.common, env);
    let sources = Sources::of(args, &options)?;
    let mut suppressions = Suppressions::load(&args.suppressions.suppressions, args.common.lang)
        .map_err(|message| {
            Failure::new(format!("错误：{message}\n"), format!("error: {message}\n"))
        })?;
    outputs.open_file(args, sources.files(), &suppressions)?;
    let color = env.color(
        args.gate.color,
        outputs.report_is_stdout() && env.stdout_is_terminal,
    );
    let renderer = renderer(args.format, render_options(args, linter, color, env.width));
    let pipeline = pipeline(args, linter, &options, &suppressions);
    let mode = Mode::of(args);
    let mut collector = Collector::start(mode, args.common.lang, renderer, outputs);
    collector.statistics_only = args.gate.statistics && args.format.is_text();
    if args.annotate.annotate {
        collector.annotator = Some(Annotator::new(
            args.annotate.annotate_dir.clone(),
            sources.files(),
            matches!(sources, Sources::Stdin(_)),
            args.common.lang,
        ));
    }
    sources.feed(&pipeline, env, &mut collector)?;
    let mut tally = collector.finish(args.format, args.gate.statistics)?;
    // The report is complete: only now does it replace the old one.
    outputs.commit_file(args)?;
    // Stale before anything is added: new entries match by construction.
    let ran = |code: &str| ran(linter, code);
    let stale = suppressions.stale(&tally.used, &tally.checked, &ran);
    let code = finish_mode(mode, args, &mut tally, &mut suppressions, outputs.notes())?;
    let prune = args.suppressions.prune_suppressions;
    upkeep::stale(
        &mut suppressions,
        &stale,
        prune,
        voice(args),
        outputs.notes(),
    )?;
    outputs.write_fixed(&tally.fixed_stdin)?;
    Ok(code)
}

/// What `check` reads.
enum Sources {
    /// One report from standard input (`-`), by this name.
    Stdin(String),
    /// The files, directories and patterns given, expanded.
    Files(Vec<Input>),
}

impl Sources {
    /// The sources of `args`: `-` alone, or paths (`-` with others is a failure).
    fn of(args: &CheckArgs, options: &InputOptions) -> Result<Sources, Failure> {
        if !args.paths.iter().any(|p| p == "-") {
            // Found before the output file is opened: it is not linted.
            return Ok(Sources::Files(expand(&args.paths, options)));
        }
        if args.paths.len() > 1 {
            return Err(Failure::new(
                "错误：“-”（标准输入）不能与其他路径同时使用\n".into(),
                "error: “-” (standard input) cannot be combined with other paths\n".into(),
            ));
        }
        let name = args.stdin_filename.as_deref().unwrap_or("-");
        Ok(Sources::Stdin(name.to_owned()))
    }

    /// The files found (none for standard input).
    fn files(&self) -> &[Input] {
        match self {
            Sources::Stdin(_) => &[],
            Sources::Files(inputs) => inputs,
        }
    }

    /// Gives the collector the result of every source, in path order.
    fn feed(
        &self,
        pipeline: &Pipeline<'_>,
        env: &mut Environment,
        collector: &mut Collector<'_, '_>,
    ) -> Result<(), Failure> {
        match self {
            Sources::Stdin(name) => {
                let bytes = env.read_stdin(pipeline.input.max_file_size).map_err(|e| {
                    Failure::new(
                        format!(
                            "错误：无法读取标准输入：{}\n",
                            crate::io_error::describe(&e, crate::Lang::Zh)
                        ),
                        format!("error: cannot read standard input: {e}\n"),
                    )
                })?;
                collector.take(pipeline.process_bytes(name, bytes));
            }
            Sources::Files(inputs) => for_each_ordered(
                inputs.len(),
                None,
                |i| pipeline.process(&inputs[i]),
                |result| collector.take(result),
            ),
        }
        Ok(())
    }
}

/// Whether the rule `code` ran: a code that no rule has counts as run, so
/// that its suppressions can go stale.
fn ran(linter: &Linter, code: &str) -> bool {
    let selection = &linter.options().selection;
    linter
        .registry()
        .find(code)
        .is_none_or(|meta| selection.is_enabled(meta))
}

/// The pipeline each input goes through: lint, suppress, fix (`--fix`,
/// `--diff`).
fn pipeline<'p>(
    args: &CheckArgs,
    linter: &'p Linter,
    input: &'p InputOptions,
    suppressions: &'p Suppressions,
) -> Pipeline<'p> {
    Pipeline {
        linter,
        input,
        suppressions: Some(suppressions),
        fix: (args.fix.fix || args.fix.diff).then_some(FixMode {
            options: FixOptions {
                unsafe_fixes: args.fix.unsafe_fixes,
            },
            write: args.fix.fix,
        }),
    }
}

/// What the renderer needs: language, colour, width, the rules that run.
fn render_options(args: &CheckArgs, linter: &Linter, color: bool, width: usize) -> RenderOptions {
    let selection = &linter.options().selection;
    RenderOptions {
        lang: args.common.lang,
        color,
        width,
        rules: linter
            .registry()
            .metas()
            .filter(|meta| selection.is_enabled(meta))
            .cloned()
            .collect(),
        version: env!("CARGO_PKG_VERSION"),
    }
}

/// How the notes are written: in `--lang`, and not at all with `--quiet`.
fn voice(args: &CheckArgs) -> Voice {
    Voice {
        lang: args.common.lang,
        quiet: args.gate.quiet,
    }
}

/// Ends the run the mode's way: its note, the suppressions it adds, and
/// the exit code.
fn finish_mode(
    mode: Mode,
    args: &CheckArgs,
    tally: &mut Tally,
    suppressions: &mut Suppressions,
    notes: &mut dyn Write,
) -> Result<i32, Failure> {
    let Voice { lang, quiet } = voice(args);
    let summary = &tally.summary;
    match mode {
        Mode::Report => {
            // A text format's summary line says it already.
            if summary.fixed > 0 && !quiet && !args.format.is_text() {
                let n = summary.fixed;
                write(
                    notes,
                    &tr!(lang, "已修复 {} 个问题\n", "fixed {} diagnostics\n", n),
                );
            }
            let gate = args.gate.gate();
            if let (Some((zh, en)), false) = (gate.warnings_failure(summary), quiet) {
                write(notes, lang.pick(&zh, &en));
            }
            Ok(gate.exit_code(summary))
        }
        Mode::Diff => {
            if !quiet {
                let (n, files) = (summary.fixed, tally.diff_files);
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
            Ok(args.gate.gate().diff_exit_code(summary, tally.diff_files))
        }
        Mode::AddSuppressions => {
            let code = accept_exit_code(summary);
            let entries = std::mem::take(&mut tally.new_entries);
            upkeep::add(suppressions, entries, voice(args), notes)?;
            Ok(code)
        }
    }
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
        let mut outputs = Outputs::new(&mut report, &mut notes, false);
        let mut collector =
            Collector::start(Mode::Report, Lang::En, Box::new(Fragile), &mut outputs);
        for path in ["a.txt", "bad.txt", "c.txt"] {
            collector.take(result(path));
        }
        let tally = collector.finish(OutputFormat::Human, false).unwrap();
        assert_eq!((tally.summary.files, tally.summary.failed), (3, 1));
        outputs.close();
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
