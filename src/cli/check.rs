//! `disclint check` and `disclint parse`.

use std::io::Write;

use super::args::{CheckArgs, CommonArgs, ParseArgs, ParseFormat};
use super::environment::Environment;
use super::report::run_check;
use super::settings::render_error;
use crate::input::{read_file, InputOptions};
use crate::lint::{LintOptions, Linter};
use crate::pack::Pack;
use crate::render::{model_json, model_text};
use crate::rules::Selection;
use crate::Lang;

/// Writes text, ignoring errors (a closed stream must not stop the run).
pub(super) fn write(out: &mut dyn Write, text: &str) {
    let _ = out.write_all(text.as_bytes());
}

/// Loads the packs (configuration's, then `--rules`); on failure, renders the error.
pub(super) fn load_packs(
    paths: &[std::path::PathBuf],
    lang: Lang,
    err: &mut dyn Write,
) -> Option<Vec<Pack>> {
    match Pack::load_all(paths, lang) {
        Ok(packs) => Some(packs),
        Err(error) => {
            write(err, &render_error(&error));
            None
        }
    }
}

fn lint_options(common: &CommonArgs, selection: Selection, packs: Vec<Pack>) -> LintOptions {
    LintOptions {
        selection,
        lang: common.lang,
        edition: common.edition,
        packs,
        per_file_ignores: common.setup.config.per_file_ignores(),
    }
}

pub(super) fn input_options(common: &CommonArgs, env: &Environment) -> InputOptions {
    let mut options = InputOptions {
        encoding: common.encoding,
        max_file_size: common.max_file_size,
        follow: common.follow,
        lang: common.lang,
        pdftotext: env.pdftotext.clone(),
        ..InputOptions::default()
    };
    for extension in &common.extensions {
        let extension = extension.trim().trim_start_matches('.');
        if !extension.is_empty() {
            options.extensions.push(extension.to_owned());
        }
    }
    options
}

/// `disclint check`: lints, renders, returns the exit code.
pub fn check(
    args: &CheckArgs,
    env: &mut Environment,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    if let Some(file) = &args.show.show_settings {
        return super::show::show_settings(args, file, out, err);
    }
    run_check(args, env, out, err)
}

/// `disclint parse`: prints the model of one report.
pub fn parse(args: &ParseArgs, env: &Environment, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(packs) = load_packs(&args.common.setup.packs, args.common.lang, err) else {
        return 2;
    };
    let linter = Linter::new(lint_options(&args.common, Selection::default(), packs));
    let options = input_options(&args.common, env);
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
    let report = &analysis.report;
    let format = linter.format(report.edition);
    // People at a terminal read the grid; a pipe (a program) gets JSON, as
    // before the human view existed.
    let human = match args.format {
        Some(chosen) => chosen == ParseFormat::Human,
        None => env.stdout_is_terminal,
    };
    let text = if human {
        model_text(&source, report, format, args.common.lang, env.width)
    } else {
        let json = model_json(&source, report, format);
        let mut text = serde_json::to_string_pretty(&json).expect("JSON of plain data");
        text.push('\n');
        text
    };
    write(out, &text);
    0
}
