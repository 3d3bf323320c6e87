//! What the CLI takes from the process besides its arguments and output
//! streams: standard input, whether the streams are terminals, whether
//! `NO_COLOR` asks for no colour, and where `pdftotext` is. [`super::run`] reads them from the process;
//! an embedder (a checking service, an editor server) or a test gives its own
//! to [`super::run_with`].

use std::ffi::OsStr;
use std::io::{IsTerminal, Read};

use super::args::ColorChoice;
use crate::extract::PdfToText;

/// The columns human output wraps at when neither `COLUMNS` nor a terminal
/// says: output is the same in a pipe and in CI.
const DEFAULT_WIDTH: usize = 100;

/// Widths outside this range (a mistyped `COLUMNS`, a terminal reporting 0)
/// are not believed.
const SANE_WIDTHS: std::ops::RangeInclusive<usize> = 20..=1000;

/// What the CLI reads from its surroundings.
pub struct Environment {
    /// Standard input (read by `check -`).
    pub stdin: Box<dyn Read>,
    /// Whether standard output is a terminal (colour with `--color auto`).
    pub stdout_is_terminal: bool,
    /// Whether standard error is a terminal (colour of argument errors).
    pub stderr_is_terminal: bool,
    /// Whether `NO_COLOR` asks for no colour (see [`no_color_requested`]).
    pub no_color: bool,
    /// The columns human output wraps at.
    pub width: usize,
    /// The `pdftotext` PDFs are read with (`DISCLINT_PDFTOTEXT`, else
    /// `PATH`, looked up on the first PDF).
    pub pdftotext: PdfToText,
}

impl Environment {
    /// The process's own: its standard input, its terminals, its `NO_COLOR`.
    pub fn from_process() -> Self {
        Environment {
            stdin: Box::new(std::io::stdin()),
            stdout_is_terminal: std::io::stdout().is_terminal(),
            stderr_is_terminal: std::io::stderr().is_terminal(),
            no_color: no_color_requested(std::env::var_os("NO_COLOR").as_deref()),
            width: output_width(
                std::env::var_os("COLUMNS").as_deref(),
                std::io::stdout()
                    .is_terminal()
                    .then(|| terminal_size::terminal_size().map(|(width, _)| usize::from(width.0)))
                    .flatten(),
            ),
            pdftotext: PdfToText::from_environment(),
        }
    }

    /// Whether to colour output that goes to a terminal or not
    /// (`to_terminal`): `--color always` or `never`, else (`auto`) a terminal
    /// without `NO_COLOR`.
    pub(super) fn color(&self, choice: ColorChoice, to_terminal: bool) -> bool {
        match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => to_terminal && !self.no_color,
        }
    }

    /// Reads standard input, up to `limit` bytes.
    pub(super) fn read_stdin(&mut self, limit: u64) -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.stdin
            .by_ref()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Err(std::io::Error::other(format!("more than {limit} bytes")));
        }
        Ok(bytes)
    }
}

/// The columns human output wraps at: `COLUMNS` when it is set to a sane
/// number (as a shell sets it, and as a user forces a width), else the width
/// of the terminal standard output is, else [`DEFAULT_WIDTH`].
pub fn output_width(columns: Option<&OsStr>, terminal: Option<usize>) -> usize {
    let believed = |width: &usize| SANE_WIDTHS.contains(width);
    columns
        .and_then(OsStr::to_str)
        .and_then(|columns| columns.trim().parse().ok())
        .filter(believed)
        .or(terminal.filter(believed))
        .unwrap_or(DEFAULT_WIDTH)
}

/// An environment apart from the process: empty standard input, no
/// terminal, no `NO_COLOR`, the default width (`pdftotext` is still the
/// system's). Set the fields to change it.
impl Default for Environment {
    fn default() -> Self {
        Environment {
            stdin: Box::new(std::io::empty()),
            stdout_is_terminal: false,
            stderr_is_terminal: false,
            no_color: false,
            width: DEFAULT_WIDTH,
            pdftotext: PdfToText::from_environment(),
        }
    }
}

impl std::fmt::Debug for Environment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Environment")
            .field("stdout_is_terminal", &self.stdout_is_terminal)
            .field("stderr_is_terminal", &self.stderr_is_terminal)
            .field("no_color", &self.no_color)
            .field("width", &self.width)
            .finish_non_exhaustive()
    }
}

/// Whether a value of `NO_COLOR` asks for no colour: set and not empty
/// (<https://no-color.org>). An empty value is as if it were unset.
pub fn no_color_requested(value: Option<&OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_is_set_and_not_empty() {
        assert!(!no_color_requested(None));
        assert!(!no_color_requested(Some(OsStr::new(""))));
        assert!(no_color_requested(Some(OsStr::new("1"))));
        assert!(no_color_requested(Some(OsStr::new("0"))));
    }

    #[test]
    fn width_comes_from_columns_then_the_terminal_then_the_default() {
        let columns = |v: &str| Some(OsStr::new(v).to_owned());
        assert_eq!(output_width(columns("80").as_deref(), Some(120)), 80);
        assert_eq!(output_width(columns(" 160 ").as_deref(), None), 160);
        assert_eq!(output_width(None, Some(120)), 120);
        assert_eq!(output_width(columns("wide").as_deref(), Some(90)), 90);
        assert_eq!(
            output_width(columns("0").as_deref(), Some(0)),
            DEFAULT_WIDTH
        );
        assert_eq!(output_width(None, None), DEFAULT_WIDTH);
    }

    #[test]
    fn auto_colours_a_terminal_without_no_color() {
        let mut env = Environment::default();
        assert!(env.color(ColorChoice::Auto, true));
        assert!(!env.color(ColorChoice::Auto, false));
        assert!(env.color(ColorChoice::Always, false));
        env.no_color = true;
        assert!(!env.color(ColorChoice::Auto, true));
        assert!(env.color(ColorChoice::Always, true));
        assert!(!env.color(ColorChoice::Never, true));
    }

    #[test]
    fn standard_input_is_read_up_to_the_limit() {
        let mut env = Environment {
            stdin: Box::new(&b"12345"[..]),
            ..Environment::default()
        };
        assert!(env.read_stdin(4).is_err());
        let mut env = Environment {
            stdin: Box::new(&b"12345"[..]),
            ..Environment::default()
        };
        assert_eq!(env.read_stdin(5).unwrap(), b"12345");
    }
}
