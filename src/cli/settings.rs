//! Applies the configuration file to parsed arguments: the file fills in
//! what the command line left open, and names packs loaded before `--rules`.

use std::io::Write;
use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::ArgMatches;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use super::args::{
    CheckArgs, Command, ConfigArgs, ExplainArgs, ParseArgs, ReportArgs, RulesArgs, ServeArgs,
    ServerArgs,
};
use crate::config::Config;
use crate::Lang;

/// Renders a miette diagnostic without colour, ending in a line break; its
/// related diagnostics (the other problems of a pack) follow, each on its
/// own, as the first is (miette would head them with an English `Error:`).
pub fn render_error(error: &dyn Diagnostic) -> String {
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor());
    let render = |diagnostic: &dyn Diagnostic| {
        let mut text = String::new();
        if handler
            .render_report(&mut text, &Alone(diagnostic))
            .is_err()
        {
            text = diagnostic.to_string();
        }
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text
    };
    let mut text = render(error);
    for related in error.related().into_iter().flatten() {
        text.push('\n');
        text.push_str(&render(related));
    }
    text
}

/// A diagnostic without its related ones.
struct Alone<'a>(&'a dyn Diagnostic);

impl std::fmt::Debug for Alone<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.0, f)
    }
}

impl std::fmt::Display for Alone<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.0, f)
    }
}

impl std::error::Error for Alone<'_> {}

impl Diagnostic for Alone<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.0.code()
    }

    fn severity(&self) -> Option<miette::Severity> {
        self.0.severity()
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.0.help()
    }

    fn url<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.0.url()
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.0.source_code()
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.0.labels()
    }
}

/// The `lang` of the configuration a run with `args` would use before its
/// arguments are parsed (for clap's help and errors): the file `--config`
/// names, none with `--no-config`, else the nearest `disclint.toml` from
/// the working directory up; Chinese when it sets none or does not load.
pub(super) fn configured_lang(args: &[std::ffi::OsString]) -> Lang {
    let mut explicit = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        match word.as_ref() {
            "--" => break,
            "--no-config" => return Lang::Zh,
            "--config" => explicit = words.next().map(|p| PathBuf::from(p.as_ref())),
            _ => {
                if let Some(path) = word.strip_prefix("--config=") {
                    explicit = Some(PathBuf::from(path));
                }
            }
        }
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    Config::resolve(explicit.as_deref(), false, &cwd, Lang::Zh)
        .ok()
        .and_then(|config| config.file.lang)
        .unwrap_or_default()
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
        // Each file's own settings are found as it is met (`scopes`); the
        // run's configuration gives the language of the whole run (and
        // every file's settings, when named with `--config`).
        Command::Check(CheckArgs { common, .. }) | Command::Report(ReportArgs { common, .. }) => {
            let config = resolve(&common.setup.config_args, common.lang, err)?;
            if let (false, Some(configured)) = (explicit_lang, config.file.lang) {
                common.lang = configured;
            }
            common.setup.config = config;
        }
        // Each document's settings are found as it opens; a named
        // configuration is loaded (and a bad one stops the server) here.
        Command::Server(ServerArgs { lang, setup, .. }) => {
            setup.config = resolve(&setup.config_args, *lang, err)?;
        }
        Command::Parse(ParseArgs { common, .. }) => {
            let config = resolve(&common.setup.config_args, common.lang, err)?;
            merge(&config, &mut common.lang, &mut common.setup.packs);
            if common.edition.is_none() {
                common.edition = config.file.edition;
            }
            common.setup.config = config;
        }
        Command::Rules(RulesArgs { lang, setup, .. })
        | Command::Explain(ExplainArgs { lang, setup, .. })
        | Command::Serve(ServeArgs { lang, setup, .. }) => {
            let config = resolve(&setup.config_args, *lang, err)?;
            merge(&config, lang, &mut setup.packs);
            setup.config = config;
        }
    }
    Ok(())
}
