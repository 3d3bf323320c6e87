//! `disclint check` and `disclint parse`.

use std::collections::HashSet;
use std::io::{IsTerminal, Read, Write};

use miette::{GraphicalReportHandler, GraphicalTheme};

use super::args::{CheckArgs, ColorChoice, CommonArgs, ParseArgs};
use crate::fix::{self, FixOptions};
use crate::gate::Gate;
use crate::input::{expand, read_file, InputOptions};
use crate::lint::{LintOptions, Linter};
use crate::pack::Pack;
use crate::render::{model_json, renderer, OutputFormat, RenderOptions, Totals};
use crate::rules::{Selection, Selector};
use crate::run::{default_window, for_each_ordered, FileResult, FixMode, Pipeline, Summary};
use crate::stats::{statistics_table, Statistics};
use crate::suppress::{Suppression, Suppressions};
use crate::tr;

fn write(out: &mut dyn Write, text: &str) {
    let _ = out.write_all(text.as_bytes());
}

/// Loads the packs named on the command line; on failure, renders the error.
fn load_packs(common: &CommonArgs, err: &mut dyn Write) -> Option<Vec<Pack>> {
    let mut packs = Vec::new();
    for path in &common.packs {
        match Pack::load(path) {
            Ok(pack) => packs.push(pack),
            Err(error) => {
                let mut text = String::new();
                let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor());
                if handler.render_report(&mut text, &error).is_err() {
                    text = error.to_string();
                }
                write(err, &text);
                return None;
            }
        }
    }
    Some(packs)
}

fn lint_options(common: &CommonArgs, selection: Selection, packs: Vec<Pack>) -> LintOptions {
    LintOptions {
        selection,
        lang: common.lang,
        edition: common.edition.as_deref().and_then(|e| e.parse().ok()),
        packs,
    }
}

fn input_options(common: &CommonArgs) -> InputOptions {
    InputOptions {
        encoding: common.encoding,
        lang: common.lang,
        ..InputOptions::default()
    }
}

fn selectors(list: &[String]) -> Vec<Selector> {
    list.iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Selector::new(s))
        .collect()
}

/// `disclint check`: lints, renders, returns the exit code.
pub fn check(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(packs) = load_packs(&args.common, err) else {
        return 2;
    };
    let selection = Selection {
        select: args.select.as_deref().map(selectors),
        extend_select: selectors(&args.extend_select),
        ignore: selectors(&args.ignore),
        ..Selection::default()
    };
    let linter = Linter::new(lint_options(&args.common, selection, packs));
    let lang = args.common.lang;
    let all_selectors = linter
        .options()
        .selection
        .select
        .iter()
        .flatten()
        .chain(&linter.options().selection.extend_select)
        .chain(&linter.options().selection.ignore);
    for selector in all_selectors {
        if !selector.matches_any(linter.registry().metas()) {
            write(
                err,
                &tr!(
                    lang,
                    "错误：未知的规则选择器“{}”（用 disclint rules 查看全部规则）\n",
                    "error: unknown rule selector “{}” (see disclint rules)\n",
                    selector.as_str()
                ),
            );
            return 2;
        }
    }
    let stdin = args.paths.iter().any(|p| p == "-");
    if stdin && args.paths.len() > 1 {
        write(
            err,
            &tr!(
                lang,
                "错误：“-”（标准输入）不能与其他路径同时使用\n",
                "error: “-” (standard input) cannot be combined with other paths\n"
            ),
        );
        return 2;
    }
    let mut suppressions = match Suppressions::load(&args.suppressions.suppressions) {
        Ok(list) => list,
        Err(message) => {
            write(err, &tr!(lang, "错误：{}\n", "error: {}\n", message));
            return 2;
        }
    };
    let options = input_options(&args.common);
    let fix = (args.fix.fix || args.fix.diff).then_some(FixMode {
        options: FixOptions {
            unsafe_fixes: args.fix.unsafe_fixes,
        },
        write: args.fix.fix,
    });
    let pipeline = Pipeline {
        linter: &linter,
        input: &options,
        suppressions: Some(&suppressions),
        fix,
    };

    // Where the report goes: --output-file, else standard output, except
    // that standard output carries the fixed text for `check - --fix`.
    let mut file_out = match &args.gate.output_file {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Some(std::io::BufWriter::new(file)),
            Err(error) => {
                write(
                    err,
                    &tr!(
                        lang,
                        "错误：无法创建 {}：{}\n",
                        "error: cannot create {}: {}\n",
                        path.display(),
                        error
                    ),
                );
                return 2;
            }
        },
        None => None,
    };
    let stdin_fix = stdin && args.fix.fix;
    let mut deferred_notes: Vec<u8> = Vec::new();
    let (report, notes): (&mut dyn Write, &mut dyn Write) = match (&mut file_out, stdin_fix) {
        (Some(file), _) => (file, err),
        (None, true) => (err, &mut deferred_notes),
        (None, false) => (out, err),
    };
    let color = match args.gate.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.gate.output_file.is_none()
                && !stdin_fix
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let mut renderer = renderer(
        args.format,
        RenderOptions {
            lang,
            color,
            width: 100,
            rules: linter
                .registry()
                .metas()
                .filter(|meta| linter.options().selection.is_enabled(meta))
                .cloned()
                .collect(),
            version: env!("CARGO_PKG_VERSION"),
        },
    );
    let mode = if args.suppressions.add_suppressions {
        Mode::AddSuppressions
    } else if args.fix.diff {
        Mode::Diff
    } else {
        Mode::Report
    };

    let mut state = RunState::default();
    let mut io_result = match mode {
        Mode::Report => renderer.start(report),
        _ => Ok(()),
    };
    let mut consume = |result: FileResult| {
        state.summary.add(&result);
        for diagnostic in &result.diagnostics {
            state.statistics.add(diagnostic);
        }
        state.used.extend(result.suppressed.iter().copied());
        if let Some(key) = &result.suppression_key {
            state.checked.insert(key.clone());
        }
        if let Some(error) = &result.fix_error {
            write(
                notes,
                &tr!(
                    lang,
                    "错误：{}：{}\n",
                    "error: {}: {}\n",
                    result.path,
                    error
                ),
            );
        }
        if let Some(output) = &result.output {
            state.stdin_output.extend_from_slice(output);
        }
        if io_result.is_err() {
            return;
        }
        io_result = match mode {
            Mode::Report => renderer.file(report, &result),
            Mode::Diff => {
                let diff = match (&result.original, &result.source) {
                    (Some(before), Some(after)) => {
                        fix::unified_diff(&result.path, before, &after.text)
                    }
                    _ => String::new(),
                };
                if !diff.is_empty() {
                    state.diff_files += 1;
                }
                report.write_all(diff.as_bytes())
            }
            Mode::AddSuppressions => {
                if let (Some(key), Some(source)) = (&result.suppression_key, &result.source) {
                    state.new_entries.extend(
                        result
                            .diagnostics
                            .iter()
                            .map(|d| Suppressions::entry_for(key, d, Some(source))),
                    );
                }
                Ok(())
            }
        };
    };
    if stdin {
        let name = args.stdin_filename.as_deref().unwrap_or("-");
        match read_stdin(options.max_file_size) {
            Ok(bytes) => consume(pipeline.process_bytes(name, bytes)),
            Err(error) => {
                write(
                    err,
                    &tr!(
                        lang,
                        "错误：无法读取标准输入：{}\n",
                        "error: cannot read standard input: {}\n",
                        error
                    ),
                );
                return 2;
            }
        }
    } else {
        let inputs = expand(&args.paths, &options);
        for_each_ordered(
            inputs.len(),
            default_window(),
            |i| pipeline.process(&inputs[i]),
            &mut consume,
        );
    }
    let by_rule = args.gate.statistics.then(|| state.statistics.sorted());
    if mode == Mode::Report {
        let inline = args.format.is_text() || args.format == OutputFormat::Json;
        let totals = Totals {
            summary: &state.summary,
            by_rule: by_rule.as_deref().filter(|_| inline),
        };
        io_result = io_result.and_then(|()| renderer.finish(report, &totals));
        if let (Some(counts), false) = (&by_rule, inline) {
            write(notes, &statistics_table(counts, lang));
        }
    }
    io_result = io_result.and_then(|()| report.flush());
    if let Err(error) = io_result {
        write(
            err,
            &tr!(
                lang,
                "错误：无法写出报告：{}\n",
                "error: cannot write the report: {}\n",
                error
            ),
        );
        return 2;
    }
    let selection = &linter.options().selection;
    let ran = |code: &str| {
        linter
            .registry()
            .find(code)
            .is_none_or(|meta| selection.is_enabled(meta))
    };
    // Stale before anything is added: new entries match by construction.
    let stale = suppressions.stale(&state.used, &state.checked, &ran);
    let quiet = args.gate.quiet;
    let mut code = Gate {
        exit_zero: args.gate.exit_zero,
        deny_warnings: args.gate.deny_warnings,
        max_warnings: args.gate.max_warnings,
    }
    .exit_code(&state.summary);
    match mode {
        Mode::Report => {}
        Mode::Diff => {
            if !quiet {
                write(
                    notes,
                    &tr!(
                        lang,
                        "可修复 {} 个问题（{} 个文件）；用 --fix 应用\n",
                        "would fix {} diagnostics in {} files; apply with --fix\n",
                        state.summary.fixed,
                        state.diff_files
                    ),
                );
            }
            code = if state.summary.failed > 0 {
                2
            } else if state.diff_files > 0 && !args.gate.exit_zero {
                1
            } else {
                0
            };
        }
        Mode::AddSuppressions => {
            let added = suppressions.add(std::mem::take(&mut state.new_entries));
            if added > 0 {
                if let Err(error) = suppressions.save() {
                    write(
                        err,
                        &tr!(
                            lang,
                            "错误：无法写入 {}：{}\n",
                            "error: cannot write {}: {}\n",
                            suppressions.file().display(),
                            error
                        ),
                    );
                    return 2;
                }
            }
            if !quiet {
                write(
                    notes,
                    &tr!(
                        lang,
                        "已向 {} 添加 {} 条抑制；请填写 reason\n",
                        "added {1} suppressions to {0}; fill in their reason\n",
                        suppressions.file().display(),
                        added
                    ),
                );
            }
            code = if state.summary.failed > 0 { 2 } else { 0 };
        }
    }
    if !stale.is_empty() {
        if args.suppressions.prune_suppressions {
            suppressions.remove(&stale);
            if let Err(error) = suppressions.save() {
                write(
                    err,
                    &tr!(
                        lang,
                        "错误：无法写入 {}：{}\n",
                        "error: cannot write {}: {}\n",
                        suppressions.file().display(),
                        error
                    ),
                );
                return 2;
            }
            if !quiet {
                write(
                    notes,
                    &tr!(
                        lang,
                        "已从 {} 删除 {} 条过时的抑制\n",
                        "removed {1} stale suppressions from {0}\n",
                        suppressions.file().display(),
                        stale.len()
                    ),
                );
            }
        } else if !quiet {
            let mut text = tr!(
                lang,
                "警告：{} 中有 {} 条抑制已不匹配任何问题（用 --prune-suppressions 删除）：\n",
                "warning: {} has {} stale suppressions that match nothing (remove them with --prune-suppressions):\n",
                suppressions.file().display(),
                stale.len()
            );
            for index in &stale {
                let entry = &suppressions.entries()[*index];
                text.push_str(&format!("  {} {} {}\n", entry.rule, entry.path, entry.text));
            }
            write(notes, &text);
        }
    }
    if mode == Mode::Report && state.summary.fixed > 0 && !quiet && !args.format.is_text() {
        write(
            notes,
            &tr!(
                lang,
                "已修复 {} 个问题\n",
                "fixed {} diagnostics\n",
                state.summary.fixed
            ),
        );
    }
    drop(file_out);
    if stdin_fix {
        write_bytes(out, &state.stdin_output);
        write_bytes(err, &deferred_notes);
    }
    code
}

/// What `check` does with the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Render diagnostics in the chosen format.
    Report,
    /// Print what --fix would change.
    Diff,
    /// Record every diagnostic as a suppression.
    AddSuppressions,
}

/// What `check` accumulates as results stream in.
#[derive(Default)]
struct RunState {
    summary: Summary,
    statistics: Statistics,
    used: HashSet<usize>,
    checked: HashSet<String>,
    new_entries: Vec<Suppression>,
    diff_files: usize,
    stdin_output: Vec<u8>,
}

fn write_bytes(out: &mut dyn Write, bytes: &[u8]) {
    let _ = out.write_all(bytes);
    let _ = out.flush();
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

/// `disclint parse`: prints the model of one report.
pub fn parse(args: &ParseArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(packs) = load_packs(&args.common, err) else {
        return 2;
    };
    let linter = Linter::new(lint_options(&args.common, Selection::default(), packs));
    let options = input_options(&args.common);
    let source = match read_file(std::path::Path::new(&args.path), &options) {
        Ok(source) => source,
        Err(diagnostic) => {
            write(
                err,
                &format!("{}: {}\n", diagnostic.code, diagnostic.message),
            );
            return 2;
        }
    };
    let analysis = linter.analyze(&source);
    let json = model_json(&source, &analysis.report);
    let mut text = serde_json::to_string_pretty(&json).expect("JSON of plain data");
    text.push('\n');
    write(out, &text);
    0
}
