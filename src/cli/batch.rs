//! `disclint report`: checks a batch as `check` does (the same inputs,
//! options, suppressions and exit codes) and writes it up in one file — a
//! web page, a workbook — or the findings as CSV on standard output. A bar
//! on standard error shows the progress of a batch when it is a terminal.

use std::fmt::Write as FmtWrite;
use std::io::Write;
use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use super::args::{ReportArgs, ReportFormat};
use super::check::{input_options, write};
use super::environment::Environment;
use super::outputs::output_conflict;
use super::report::{unread_note, Failure};
use super::scopes::{Place, Scopes};
use crate::atomic_write::write_atomic;
use crate::batch_report::{write_csv, write_html, write_xlsx, Batch};
use crate::gate::Gate;
use crate::input::{expand, Input};
use crate::run::Pipeline;
use crate::years::{check_inputs, Previous};
use crate::{tr, Lang};

/// `disclint report`: checks, writes the report, returns the exit code.
pub fn report(
    args: &ReportArgs,
    env: &Environment,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let lang = args.common.lang;
    match report_with(args, env, out, err) {
        Ok(code) => code,
        Err(failure) => {
            write(err, failure.message(lang));
            2
        }
    }
}

/// The format asked for: `--format`, else the extension of `--output`
/// (`.csv`, `.xlsx`), else HTML.
fn format_of(args: &ReportArgs) -> ReportFormat {
    args.format.unwrap_or_else(|| {
        let extension = args
            .output
            .as_deref()
            .and_then(Path::extension)
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("csv") => ReportFormat::Csv,
            Some("xlsx") => ReportFormat::Xlsx,
            _ => ReportFormat::Html,
        }
    })
}

/// A failure already rendered in the run's language (a configuration or
/// pack that does not load, an unknown rule selector).
fn rendered(message: String) -> Failure {
    Failure::new(message.clone(), message)
}

fn report_with(
    args: &ReportArgs,
    env: &Environment,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, Failure> {
    let lang = args.common.lang;
    let format = format_of(args);
    if args.output.is_none() && format != ReportFormat::Csv {
        return Err(Failure::new(
            "错误：网页和工作簿须用 -o 指定输出文件（只有 CSV 可写到标准输出）\n".into(),
            "error: a web page or a workbook needs -o FILE (only CSV goes to standard output)\n"
                .into(),
        ));
    }
    if args.paths.iter().any(|p| p == "-") {
        return Err(Failure::new(
            "错误：report 只检查文件，不读标准输入（“-”）\n".into(),
            "error: report checks files; it does not read standard input (“-”)\n".into(),
        ));
    }
    let options = input_options(&args.common, env);
    let inputs = expand(&args.paths, &options);
    // Each file is checked with its own settings, as by `check`: the
    // nearest disclint.toml and suppressions file (unless named).
    let mut scopes = Scopes::new(args);
    scopes.place(Path::new("-")).map_err(rendered)?;
    let places: Vec<Place> = inputs
        .iter()
        .map(|input| match input {
            Input::File { path, .. } => scopes.place(path),
            Input::Failed { path, .. } => scopes.place(Path::new(path)),
        })
        .collect::<Result<_, _>>()
        .map_err(rendered)?;
    if let Some(output) = &args.output {
        if let Some(conflict) = output_conflict(output, "-o", &inputs, &scopes.files_read()) {
            return Err(conflict);
        }
    }
    let suppressions = scopes.load_suppressions(lang)?;
    let mut batch = Batch::new(lang, scopes.enabled_rules());
    let progress = progress_bar(inputs.len(), env.stderr_is_terminal, lang);
    let pipeline = |i: usize| {
        let place = places[i];
        Pipeline {
            linter: &scopes.scope(place.scope).linter,
            input: &options,
            suppressions: Some(&suppressions[place.suppressions]),
            fix: None,
            keep_report: true,
        }
    };
    // As `check` runs them: with the checks across reports, against last
    // year's reports too (the results then come once all are read).
    let previous_inputs = expand(&args.years.previous, &options);
    let cross = scopes.cross_options(&places);
    let previous = Previous {
        inputs: &previous_inputs,
        options: &cross,
    };
    let unread = check_inputs(&pipeline, &inputs, &previous, |_, result| {
        batch.add(&result);
        progress.inc(1);
    });
    progress.finish_and_clear();
    write(err, &unread_note(&unread, lang));
    let bytes = match format {
        ReportFormat::Html => write_html(&batch, env!("CARGO_PKG_VERSION")).into_bytes(),
        ReportFormat::Csv => write_csv(&batch),
        ReportFormat::Xlsx => write_xlsx(&batch).map_err(|e| {
            Failure::new(
                format!("错误：无法生成工作簿：{e}\n"),
                format!("error: cannot make the workbook: {e}\n"),
            )
        })?,
    };
    match &args.output {
        Some(path) => write_atomic(path, &bytes).map_err(|e| {
            let path = path.display();
            Failure::new(
                format!(
                    "错误：无法写入 {path}：{}\n",
                    crate::io_error::describe(&e, Lang::Zh)
                ),
                format!("error: cannot write {path}: {e}\n"),
            )
        })?,
        None => out
            .write_all(&bytes)
            .and_then(|()| out.flush())
            .map_err(|e| {
                Failure::new(
                    format!(
                        "错误：无法写出报告：{}\n",
                        crate::io_error::describe(&e, Lang::Zh)
                    ),
                    format!("error: cannot write the report: {e}\n"),
                )
            })?,
    }
    write(err, &note(&batch, args.output.as_deref()));
    let gate = Gate {
        exit_zero: args.exit_zero,
        ..Gate::default()
    };
    Ok(gate.exit_code(&batch.summary))
}

/// The progress bar of a batch of `files`: drawn on standard error when it
/// is a terminal, hidden otherwise.
fn progress_bar(files: usize, stderr_is_terminal: bool, lang: Lang) -> ProgressBar {
    if !stderr_is_terminal {
        return ProgressBar::hidden();
    }
    let template = lang.pick(
        "{bar:40} {pos}/{len} 份报告 · 每秒 {rate} 份 · 预计还需 {eta}",
        "{bar:40} {pos}/{len} reports · {rate}/s · ETA {eta}",
    );
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(template) {
        // Whole reports per second (indicatif's `per_sec` shows four decimals).
        bar.set_style(
            style.with_key("rate", |state: &ProgressState, out: &mut dyn FmtWrite| {
                let _ = write!(out, "{:.0}", state.per_sec());
            }),
        );
    }
    bar
}

/// The closing note: what was written, and what was found.
fn note(batch: &Batch, output: Option<&Path>) -> String {
    let summary = &batch.summary;
    let found = tr!(
        batch.lang,
        "{} 份报告，{} 个错误，{} 个警告，{} 个提示",
        "{} reports, {} errors, {} warnings, {} infos",
        summary.files,
        summary.errors,
        summary.warnings,
        summary.infos
    );
    match output {
        Some(path) => tr!(
            batch.lang,
            "已写出 {}：{}\n",
            "wrote {}: {}\n",
            path.display(),
            found
        ),
        None => format!("{found}\n"),
    }
}
