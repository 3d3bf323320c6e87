//! The command line: argument parsing and the commands. The binary's
//! `main` only calls [`run`]; embedders and tests call [`run_with`] with an
//! [`Environment`] of their own.

mod annotate;
mod args;
mod batch;
mod check;
mod docs;
mod environment;
mod fix_list;
mod help_zh;
mod localize;
mod outputs;
mod report;
mod scopes;
mod serve;
mod server;
mod settings;
mod show;
mod upkeep;

pub use args::{Cli, Command};
pub use docs::{explain_text, rules_markdown, rules_table};
pub use environment::{no_color_requested, Environment};
pub use settings::render_error;

pub(crate) use docs::rule_anchor;
pub(crate) use scopes::build_linter;

use std::io::Write;

use crate::Lang;

use clap::FromArgMatches;

/// Runs the CLI with `args` in the process's own environment (standard
/// input, terminals, `NO_COLOR`), writing to `out`/`err`; returns the exit code.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    run_with(args, Environment::from_process(), out, err)
}

/// Runs the CLI with `args` in `env`, writing to `out`/`err`; returns the
/// exit code. Nothing but the files named in `args` (and the configuration
/// found from the current directory) comes from the process.
pub fn run_with<I, T>(
    args: I,
    mut env: Environment,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let lang = localize::command_lang(&args);
    let parsed = localize::command(lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches).map(|cli| (cli, matches)));
    let (mut cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return argument_error(error, lang, &env, out, err),
    };
    if let Err(code) = settings::apply_config(&mut cli.command, &matches, err) {
        return code;
    }
    match cli.command {
        Command::Check(mut args) => {
            // As Ruff does: no path checks the current directory.
            if args.paths.is_empty() {
                args.paths.push(".".to_owned());
            }
            check::check(&args, &mut env, out, err)
        }
        Command::Parse(args) => check::parse(&args, &env, out, err),
        Command::Rules(args) => docs::rules(&args, out, err),
        Command::Explain(args) => docs::explain(&args, out, err),
        Command::Serve(args) => serve::serve(&args, &env, err),
        Command::Server(args) => server::server(&args, out, err),
        Command::Report(args) => batch::report(&args, &env, out, err),
    }
}

/// Writes clap's message for bad arguments (or for `--help`, `--version`),
/// in `lang`, and returns its exit code: 2, or 0 for help and version on
/// standard output. Coloured as `--color auto` would colour that stream.
fn argument_error(
    error: clap::Error,
    lang: Lang,
    env: &Environment,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let to_stderr = error.use_stderr();
    let terminal = if to_stderr {
        env.stderr_is_terminal
    } else {
        env.stdout_is_terminal
    };
    let rendered = localize::render(error, lang);
    let text = if env.color(args::ColorChoice::Auto, terminal) {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    let target: &mut dyn Write = if to_stderr { err } else { out };
    let _ = target.write_all(text.as_bytes());
    if to_stderr {
        2
    } else {
        0
    }
}
