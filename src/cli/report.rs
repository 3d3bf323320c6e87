//! The body of `disclint check` once the linter is built: the inputs stream
//! through the [`Pipeline`] in path order into the [`Collector`], which
//! renders them (or diffs them, or records them as suppressions) to the
//! routed [`Outputs`]; then each [`Mode`] finishes in its own way, the
//! suppressions file is kept up ([`super::upkeep`]) and the exit code
//! decided ([`crate::gate`]).

use std::collections::HashSet;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use super::annotate::{Annotator, Outcome};
use super::args::CheckArgs;
use super::check::{input_options, write};
use super::environment::Environment;
use super::fix_list::FixList;
use super::outputs::Outputs;
use super::scopes::{Place, Scopes};
use super::upkeep::{self, Voice};
use crate::fix::{unified_diff, FixOptions};
use crate::gate::accept_exit_code;
use crate::input::{expand, Input, InputOptions};
use crate::lint::Linter;
use crate::render::{renderer, OutputFormat, RenderOptions, Renderer, Totals};
use crate::rules::RuleMeta;
use crate::run::{FileResult, FixMode, Pipeline, Summary};
use crate::stats::{statistics_table, Statistics};
use crate::suppress::{Suppression, Suppressions};
use crate::years::{check_bytes, check_inputs, Previous, Unread};
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
    /// Per suppressions file, what its files did with it.
    suppressions: Vec<SuppressionsTally>,
    /// The files `--diff` would change.
    diff_files: usize,
    /// The fixed report of `check - --fix`.
    fixed_stdin: Vec<u8>,
}

/// What the files under one suppressions file did with it.
#[derive(Default)]
struct SuppressionsTally {
    /// The entries that hid something.
    used: HashSet<usize>,
    /// The suppression keys of the files checked.
    checked: HashSet<String>,
    /// The scopes those files were checked in.
    scopes: HashSet<usize>,
    /// The entries `--add-suppressions` adds.
    new_entries: Vec<Suppression>,
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
    /// With `--show-fixes`: the fixes applied and available.
    fix_list: Option<FixList>,
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
            fix_list: None,
        };
        if mode == Mode::Report {
            collector.io = collector.renderer.start(collector.outputs.report());
        }
        collector
    }

    /// Takes the result of a file checked at `place`.
    fn take(&mut self, result: FileResult, place: Place) {
        let tally = &mut self.tally;
        tally.summary.add(&result);
        for diagnostic in &result.diagnostics {
            tally.statistics.add(diagnostic);
        }
        if tally.suppressions.len() <= place.suppressions {
            tally
                .suppressions
                .resize_with(place.suppressions + 1, SuppressionsTally::default);
        }
        let suppressions = &mut tally.suppressions[place.suppressions];
        suppressions.used.extend(result.suppressed.iter().copied());
        if let Some(key) = &result.suppression_key {
            suppressions.checked.insert(key.clone());
            suppressions.scopes.insert(place.scope);
        }
        if let Some(output) = &result.output {
            tally.fixed_stdin.extend_from_slice(output);
        }
        if let Some(list) = &mut self.fix_list {
            list.add(&result);
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
        match catch_unwind(AssertUnwindSafe(|| {
            self.output(&result, place, &mut rendered)
        })) {
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
    fn output(
        &mut self,
        result: &FileResult,
        place: Place,
        out: &mut Vec<u8>,
    ) -> std::io::Result<()> {
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
                    self.tally.suppressions[place.suppressions]
                        .new_entries
                        .extend(
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
            // Before the summary line in a text format (as Ruff lists
            // them); beside a document, in the notes.
            if let Some(list) = &self.fix_list {
                if format.is_text() {
                    if self.io.is_ok() {
                        self.io = self.outputs.report().write_all(list.text().as_bytes());
                    }
                } else {
                    write(self.outputs.notes(), &list.text());
                }
            }
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

/// Runs `check`: finds the inputs and the settings of each, then lints,
/// renders and keeps the suppressions files up; returns the exit code.
pub(super) fn run_check(
    args: &CheckArgs,
    env: &mut Environment,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let lang = args.common.lang;
    let options = input_options(&args.common, env);
    let mut scopes = Scopes::new(args);
    // The working directory's settings are checked even when no file
    // takes them: a mistyped selector is an error with any input.
    let sources = Sources::of(args, &options).map_err(|f| f.message(lang).to_owned());
    let found = sources.and_then(|sources| {
        scopes.place(Path::new("-"))?;
        let places = sources.places(&mut scopes)?;
        Ok((sources, places))
    });
    let (sources, places) = match found {
        Ok(found) => found,
        Err(message) => {
            write(err, &message);
            return 2;
        }
    };
    if args.show.show_files {
        let stdin = match &sources {
            Sources::Stdin(name) => Some(name.as_str()),
            Sources::Files(_) => None,
        };
        return super::show::show_files(sources.files(), stdin, lang, out, err);
    }
    let reads_stdin = args.paths.iter().any(|p| p == "-");
    let mut outputs = Outputs::new(out, err, reads_stdin && args.fix.fix);
    let run = Run {
        args,
        scopes: &scopes,
        sources: &sources,
        places: &places,
        options: &options,
    };
    let code = run.check(env, &mut outputs).unwrap_or_else(|failure| {
        write(outputs.notes(), failure.message(lang));
        2
    });
    outputs.close();
    code
}

/// One run of `check` with its inputs and their settings found.
struct Run<'r> {
    args: &'r CheckArgs,
    scopes: &'r Scopes<'r>,
    sources: &'r Sources,
    /// The place of each source, in order.
    places: &'r [Place],
    options: &'r InputOptions,
}

impl Run<'_> {
    /// Runs into routed outputs: collects, finishes by mode, keeps the
    /// suppressions files up; gives the exit code.
    fn check(&self, env: &mut Environment, outputs: &mut Outputs<'_>) -> Result<i32, Failure> {
        let args = self.args;
        let lang = args.common.lang;
        let mut suppressions = self.scopes.load_suppressions(lang)?;
        outputs.open_file(args, self.sources.files(), &self.scopes.files_read())?;
        let color = env.color(
            args.gate.color,
            outputs.report_is_stdout() && env.stdout_is_terminal,
        );
        let rules = self.scopes.enabled_rules();
        let renderer = renderer(args.format, render_options(args, rules, color, env.width));
        let mode = Mode::of(args);
        let mut collector = Collector::start(mode, lang, renderer, outputs);
        collector.statistics_only = args.gate.statistics && args.format.is_text();
        if args.show.show_fixes {
            collector.fix_list = Some(FixList::new(lang));
        }
        if args.annotate.annotate {
            collector.annotator = Some(Annotator::new(
                args.annotate.annotate_dir.clone(),
                self.sources.files(),
                matches!(self.sources, Sources::Stdin(_)),
                lang,
            ));
        }
        self.feed(&suppressions, env, &mut collector)?;
        let mut tally = collector.finish(args.format, args.gate.statistics)?;
        // The report is complete: only now does it replace the old one.
        outputs.commit_file(args)?;
        tally
            .suppressions
            .resize_with(suppressions.len(), SuppressionsTally::default);
        // Stale before anything is added: new entries match by construction.
        let stale: Vec<Vec<usize>> = suppressions
            .iter()
            .zip(&tally.suppressions)
            .map(|(file, used)| {
                // A rule ran only if it ran in every scope that checked a
                // file under this suppressions file: an entry is never
                // called stale for a file its rule was off for.
                let ran = |code: &str| {
                    used.scopes
                        .iter()
                        .all(|&scope| ran(&self.scopes.scope(scope).linter, code))
                };
                file.stale(&used.used, &used.checked, &ran)
            })
            .collect();
        let code = finish_mode(mode, args, &mut tally, &mut suppressions, outputs.notes())?;
        let prune = args.suppressions.prune_suppressions;
        for (file, stale) in suppressions.iter_mut().zip(&stale) {
            upkeep::stale(file, stale, prune, voice(args), outputs.notes())?;
        }
        outputs.write_fixed(&tally.fixed_stdin)?;
        Ok(code)
    }

    /// The pipeline of the source at `index`: lint with its scope's
    /// linter, suppress with its suppressions file, fix (`--fix`, `--diff`).
    fn pipeline<'p>(&'p self, index: usize, suppressions: &'p [Suppressions]) -> Pipeline<'p> {
        let place = self.places[index];
        let args = self.args;
        Pipeline {
            linter: &self.scopes.scope(place.scope).linter,
            input: self.options,
            suppressions: Some(&suppressions[place.suppressions]),
            fix: (args.fix.fix || args.fix.diff).then_some(FixMode {
                options: FixOptions {
                    unsafe_fixes: args.fix.unsafe_fixes,
                },
                write: args.fix.fix,
            }),
            keep_report: false,
        }
    }

    /// Gives the collector the result of every source, in path order, with
    /// the cross-file findings (against last year's reports too).
    fn feed(
        &self,
        suppressions: &[Suppressions],
        env: &mut Environment,
        collector: &mut Collector<'_, '_>,
    ) -> Result<(), Failure> {
        let args = self.args;
        let previous_inputs = expand(&args.years.previous, self.options);
        let cross = self.scopes.cross_options(self.places);
        let previous = &Previous {
            inputs: &previous_inputs,
            options: &cross,
        };
        let unread = match self.sources {
            Sources::Stdin(name) => {
                let bytes = env.read_stdin(self.options.max_file_size).map_err(|e| {
                    Failure::new(
                        format!(
                            "错误：无法读取标准输入：{}\n",
                            crate::io_error::describe(&e, crate::Lang::Zh)
                        ),
                        format!("error: cannot read standard input: {e}\n"),
                    )
                })?;
                let pipeline = self.pipeline(0, suppressions);
                check_bytes(&pipeline, name, bytes, previous, |result| {
                    collector.take(result, self.places[0])
                })
            }
            Sources::Files(inputs) => check_inputs(
                &|i| self.pipeline(i, suppressions),
                inputs,
                previous,
                |i, result| collector.take(result, self.places[i]),
            ),
        };
        write(
            collector.outputs.notes(),
            &unread_note(&unread, collector.lang),
        );
        Ok(())
    }
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

    /// The place of each source, in order (standard input's by its
    /// `--stdin-filename`); on error, the message to show.
    fn places(&self, scopes: &mut Scopes<'_>) -> Result<Vec<Place>, String> {
        match self {
            Sources::Stdin(name) => Ok(vec![scopes.place(Path::new(name))?]),
            Sources::Files(inputs) => inputs
                .iter()
                .map(|input| match input {
                    Input::File { path, .. } => scopes.place(path),
                    Input::Failed { path, .. } => scopes.place(Path::new(path)),
                })
                .collect(),
        }
    }
}

/// The note on last year's reports that could not be read (empty when
/// all were).
pub(super) fn unread_note(unread: &[Unread], lang: Lang) -> String {
    unread
        .iter()
        .map(|(path, diagnostic)| {
            tr!(
                lang,
                "注意：无法读取上一年度的报告 {}，未用于跨年度比对：{}\n",
                "note: last year's report {} could not be read and is not compared: {}\n",
                crate::render::quote_path(path),
                diagnostic.message
            )
        })
        .collect()
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

/// What the renderer needs: language, colour, width, the rules that run.
fn render_options(
    args: &CheckArgs,
    rules: Vec<RuleMeta>,
    color: bool,
    width: usize,
) -> RenderOptions {
    RenderOptions {
        lang: args.common.lang,
        color,
        width,
        rules,
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
    suppressions: &mut [Suppressions],
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
            // Each file's entries go to its suppressions file; with none
            // at all, the first file says it added none.
            let mut added = false;
            for (file, tally) in suppressions.iter_mut().zip(&mut tally.suppressions) {
                let entries = std::mem::take(&mut tally.new_entries);
                if !entries.is_empty() {
                    upkeep::add(file, entries, voice(args), notes)?;
                    added = true;
                }
            }
            if let (false, Some(first)) = (added, suppressions.first_mut()) {
                upkeep::add(first, Vec::new(), voice(args), notes)?;
            }
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
            let place = Place {
                scope: 0,
                suppressions: 0,
            };
            collector.take(result(path), place);
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
