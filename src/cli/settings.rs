//! Applies the configuration file to parsed arguments: the file fills in
//! what the command line left open, and names packs loaded before `--rules`.

use std::io::Write;
use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::ArgMatches;
use miette::{GraphicalReportHandler, GraphicalTheme};

use super::args::{CheckArgs, Command, ConfigArgs, ExplainArgs, ParseArgs, ReportArgs, RulesArgs};
use crate::config::Config;
use crate::Lang;

/// Renders a miette diagnostic without colour, ending in a line break.
pub fn render_error(error: &dyn miette::Diagnostic) -> String {
    let mut text = String::new();
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor());
    if handler.render_report(&mut text, error).is_err() {
        text = error.to_string();
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// Loads the configuration for `command` and merges it into its arguments.
/// On error, writes it to `err` and returns the exit code 2.
pub(super) fn apply_config(
    command: &mut Command,
    matches: &ArgMatches,
    err: &mut dyn Write,
) -> Result<(), i32> {
    let explicit_lang = matches
        .subcommand()
        .is_some_and(|(_, sub)| sub.value_source("lang") == Some(ValueSource::CommandLine));
    // The configuration's own `lang` is not known until it loads: its
    // errors are in the language of the command line.
    let resolve = |args: &ConfigArgs, lang: Lang, err: &mut dyn Write| {
        let cwd = std::env::current_dir().unwrap_or_default();
        Config::resolve(args.config.as_deref(), args.no_config, &cwd, lang).map_err(|error| {
            let _ = err.write_all(render_error(&error).as_bytes());
            2
        })
    };
    let merge = |config: &Config, lang: &mut Lang, packs: &mut Vec<PathBuf>| {
        if let (false, Some(configured)) = (explicit_lang, config.file.lang) {
            *lang = configured;
        }
        let mut all = config.rule_packs();
        all.append(packs);
        *packs = all;
    };
    match command {
        Command::Check(CheckArgs { common, .. })
        | Command::Parse(ParseArgs { common, .. })
        | Command::Report(ReportArgs { common, .. }) => {
            let config = resolve(&common.setup.config_args, common.lang, err)?;
            merge(&config, &mut common.lang, &mut common.setup.packs);
            if common.edition.is_none() {
                common.edition = config.file.edition;
            }
            common.setup.config = config;
        }
        Command::Rules(RulesArgs { lang, setup, .. })
        | Command::Explain(ExplainArgs { lang, setup, .. }) => {
            let config = resolve(&setup.config_args, *lang, err)?;
            merge(&config, lang, &mut setup.packs);
            setup.config = config;
        }
    }
    Ok(())
}
