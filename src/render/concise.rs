//! `--format concise`: `path:line:column: severity[CODE] message`, one line
//! per diagnostic, the form Vim's quickfix and Emacs' compile-mode read. A
//! path with a control character is quoted (`"a\nb.txt"`), and control
//! characters in messages are shown escaped (`\u{1b}`). A place in another
//! file that explains a finding (last year's report, another agency's) follows
//! it as a line of its own, `path:line:column: note[CODE] message`, as
//! compilers write notes, so an editor jumps there too.

use std::io::{self, Write};

use super::escape::{quote_path, visible};
use super::human::write_text_footer;
use super::{Record, RenderOptions, Renderer, Totals};
use crate::diagnostic::Severity;
use crate::run::FileResult;
use crate::Lang;

/// One line per diagnostic, then the summary line.
pub struct Concise {
    color: bool,
    lang: Lang,
}

impl Concise {
    /// A renderer with the options' colours and language.
    pub fn new(options: RenderOptions) -> Self {
        Self {
            color: options.color,
            lang: options.lang,
        }
    }
}

/// Keeps a message on one line, its control characters shown escaped.
fn one_line(text: &str) -> String {
    visible(&text.replace(['\r', '\n'], " ")).into_owned()
}

impl Renderer for Concise {
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, out: &mut dyn Write, result: &FileResult) -> io::Result<()> {
        let path = quote_path(&result.path);
        for diagnostic in &result.diagnostics {
            let place = Record::new(&result.path, diagnostic, result.source.as_ref()).start;
            let severity = diagnostic.severity.as_str();
            let (bold, colour, reset) = if self.color {
                let colour = match diagnostic.severity {
                    Severity::Error => "\x1b[31m",
                    Severity::Warning => "\x1b[33m",
                    Severity::Info => "\x1b[36m",
                };
                ("\x1b[1m", colour, "\x1b[0m")
            } else {
                ("", "", "")
            };
            writeln!(
                out,
                "{bold}{path}:{}:{}:{reset} {colour}{severity}[{}]{reset} {}{}",
                place.line,
                place.column,
                diagnostic.code,
                if diagnostic.has_safe_fix() {
                    "[*] "
                } else {
                    ""
                },
                one_line(&diagnostic.message)
            )?;
            for related in &diagnostic.related {
                let mut message = String::new();
                if let Some(location) = &related.location {
                    message.push_str(&location.describe(self.lang));
                    message.push_str(" · ");
                }
                message.push_str(&related.message);
                writeln!(
                    out,
                    "{}:{}:{}: note[{}] {}",
                    quote_path(&related.path),
                    related.line,
                    related.column,
                    diagnostic.code,
                    one_line(&message)
                )?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals<'_>) -> io::Result<()> {
        write_text_footer(out, totals, self.lang)
    }
}
