//! `--format github`: GitHub Actions workflow commands, which the runner
//! turns into annotations on the pull request.
//!
//! `::error file=P,line=L,col=C,endLine=L,endColumn=C,title=CODE name::message`;
//! data escapes `%`, CR and LF, properties also `:` and `,` (as in
//! `@actions/core`); other control characters are shown escaped (`\u{1b}`),
//! so that none reaches the runner's log. An annotation has one place: the
//! places in other files that explain a finding (last year's report, another
//! agency's) are lines of its message, `↪ path:line:column：message`.

use std::io::{self, Write};

use super::escape::visible;
use super::human::{related_text, write_text_footer};
use super::{Record, RenderOptions, Renderer, Totals};
use crate::diagnostic::Severity;
use crate::run::FileResult;
use crate::Lang;

/// Escapes the message part of a workflow command: `%`, CR and LF as the
/// runner decodes them, other control characters as `\u{1b}`.
pub fn escape_data(text: &str) -> String {
    let text = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    visible(&text).into_owned()
}

/// Escapes a property value (`file=`, `title=`) of a workflow command.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command per diagnostic, then the summary line.
pub struct Github {
    lang: Lang,
}

impl Github {
    /// A renderer in the options' language.
    pub fn new(options: RenderOptions) -> Self {
        Self { lang: options.lang }
    }
}

impl Renderer for Github {
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, out: &mut dyn Write, result: &FileResult) -> io::Result<()> {
        for diagnostic in &result.diagnostics {
            let record = Record::new(&result.path, diagnostic, result.source.as_ref());
            let command = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = diagnostic.message.clone();
            for related in &diagnostic.related {
                message.push_str("\n↪ ");
                message.push_str(&related_text(related, &related.path, self.lang));
            }
            if let Some(help) = &diagnostic.help {
                message.push('\n');
                message.push_str(help);
            }
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&result.path),
                record.start.line,
                record.start.column,
                record.end.line,
                record.end.column,
                escape_property(&format!("{} {}", diagnostic.code, diagnostic.name)),
                escape_data(&message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals<'_>) -> io::Result<()> {
        write_text_footer(out, totals, self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_actions_core() {
        assert_eq!(escape_data("100% a\r\nb:c,d"), "100%25 a%0D%0Ab:c,d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(escape_data("a\x1b[2J\tb\u{9b}"), "a\\u{1b}[2J\tb\\u{9b}");
    }
}
