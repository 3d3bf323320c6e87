//! `disclint check` and `disclint parse`.

use std::io::Write;

use super::args::{CheckArgs, CommonArgs, ParseArgs, RuleSelectionArgs};
use super::environment::Environment;
use super::report::run_check;
use super::settings::render_error;
use crate::config::selectors;
use crate::input::{read_file, InputOptions};
use crate::lint::{LintOptions, Linter};
use crate::pack::Pack;
use crate::render::model_json;
use crate::rules::{Selection, Selector};
use crate::{tr, Lang};

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
    match linter(&args.common, &args.rules, err) {
        Ok(linter) => run_check(args, &linter, env, out, err),
        Err(code) => code,
    }
}

/// The linter of a command that checks reports: the packs loaded, the
/// rules selected by the configuration and the command line. On an error
/// (a pack that does not load, an unknown rule selector) it is written to
/// `err`, and the exit code 2 returned.
pub(super) fn linter(
    common: &CommonArgs,
    rules: &RuleSelectionArgs,
    err: &mut dyn Write,
) -> Result<Linter, i32> {
    let Some(packs) = load_packs(&common.setup.packs, common.lang, err) else {
        return Err(2);
    };
    let selection = common.setup.config.selection(
        rules.select.as_deref().map(selectors),
        selectors(&rules.extend_select),
        selectors(&rules.ignore),
    );
    let linter = Linter::new(lint_options(common, selection, packs));
    let lang = common.lang;
    let all_selectors = linter
        .options()
        .selection
        .select
        .iter()
        .flatten()
        .chain(&linter.options().selection.extend_select)
        .chain(&linter.options().selection.ignore)
        .chain(linter.options().per_file_ignores.selectors())
        .cloned()
        .chain(
            linter
                .options()
                .selection
                .severity
                .keys()
                .map(|k| Selector::new(k)),
        );
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
            return Err(2);
        }
    }
    Ok(linter)
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
    let json = model_json(&source, &analysis.report);
    let mut text = serde_json::to_string_pretty(&json).expect("JSON of plain data");
    text.push('\n');
    write(out, &text);
    0
}
