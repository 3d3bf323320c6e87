//! The command line: argument parsing and the four commands. The binary's
//! `main` only calls [`run`].

mod args;
mod check;
mod docs;
mod outputs;
mod report;
mod settings;
mod upkeep;

pub use args::{Cli, Command};
pub use docs::{explain_text, rules_markdown, rules_table};

use std::io::{IsTerminal, Write};

use clap::{CommandFactory, FromArgMatches};

/// Runs the CLI with `args`, writing to `out`/`err`; returns the exit code.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let parsed = Cli::command()
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches).map(|cli| (cli, matches)));
    let (mut cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => {
            // Styled only for a terminal, and never with NO_COLOR.
            let to_stderr = error.use_stderr();
            let terminal = if to_stderr {
                std::io::stderr().is_terminal()
            } else {
                std::io::stdout().is_terminal()
            };
            let styled = terminal && std::env::var_os("NO_COLOR").is_none();
            let rendered = error.render();
            let text = if styled {
                rendered.ansi().to_string()
            } else {
                rendered.to_string()
            };
            let code = if to_stderr { 2 } else { 0 };
            let target: &mut dyn Write = if error.use_stderr() { err } else { out };
            let _ = target.write_all(text.as_bytes());
            return code;
        }
    };
    if let Err(code) = settings::apply_config(&mut cli.command, &matches, err) {
        return code;
    }
    match cli.command {
        Command::Check(args) => check::check(&args, out, err),
        Command::Parse(args) => check::parse(&args, out, err),
        Command::Rules(args) => docs::rules(&args, out, err),
        Command::Explain(args) => docs::explain(&args, out, err),
    }
}
