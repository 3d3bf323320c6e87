//! `disclint check` and `disclint parse`.

use std::io::{IsTerminal, Write};

use miette::{GraphicalReportHandler, GraphicalTheme};

use super::args::{CheckArgs, CommonArgs, ParseArgs};
use crate::input::{expand, read_file, InputOptions};
use crate::lint::{LintOptions, Linter};
use crate::pack::Pack;
use crate::render::{model_json, render_human, render_json, HumanOptions, OutputFormat};
use crate::rules::{Selection, Selector};
use crate::run::{lint_all, Summary};
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
    let mut options = InputOptions {
        encoding: common.encoding,
        max_file_size: common.max_file_size,
        lang: common.lang,
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
    let options = input_options(&args.common);
    let inputs = expand(&args.paths, &options);
    let results = lint_all(&linter, &inputs, &options);
    let mut summary = Summary::default();
    for result in &results {
        summary.add(result);
    }
    let text = match args.format {
        OutputFormat::Human => render_human(
            &results,
            &summary,
            HumanOptions {
                color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
                lang,
                width: 100,
            },
        ),
        OutputFormat::Json => render_json(&results, &summary),
    };
    write(out, &text);
    summary.exit_code()
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
