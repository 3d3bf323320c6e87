//! Output for people: miette's graphical handler, with character columns.

use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::{RenderOptions, Renderer, Totals};
use crate::diagnostic::{Diagnostic, Severity};
use crate::run::{FileResult, Summary};
use crate::source::SourceFile;
use crate::stats::statistics_table;
use crate::{tr, Lang};

/// Source snippets with labels, then the summary line (and statistics).
pub struct Human {
    handler: GraphicalReportHandler,
    lang: Lang,
}

impl Human {
    /// A renderer with the options' colours, width and language.
    pub fn new(options: RenderOptions) -> Self {
        let theme = if options.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(options.width)
            .with_context_lines(1);
        Self {
            handler,
            lang: options.lang,
        }
    }
}

impl Renderer for Human {
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, out: &mut dyn Write, result: &FileResult) -> io::Result<()> {
        for diagnostic in &result.diagnostics {
            let shown = Shown {
                diagnostic,
                path: &result.path,
                source: result.source.as_ref(),
            };
            let mut text = String::new();
            if self.handler.render_report(&mut text, &shown).is_err() {
                text = format!(
                    "{}: {}[{}] {}\n",
                    result.path,
                    diagnostic.severity.as_str(),
                    diagnostic.code,
                    diagnostic.message
                );
            }
            text.push('\n');
            out.write_all(text.as_bytes())?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals<'_>) -> io::Result<()> {
        write_text_footer(out, totals, self.lang)
    }
}

/// The end of text output: the statistics table if asked for, then the summary line.
pub fn write_text_footer(out: &mut dyn Write, totals: &Totals<'_>, lang: Lang) -> io::Result<()> {
    if let Some(counts) = totals.by_rule {
        out.write_all(statistics_table(counts, lang).as_bytes())?;
    }
    writeln!(out, "{}", summary_line(totals.summary, lang))
}

/// The last line of text output: files, errors, warnings, infos, and what
/// was suppressed, fixed or could not be read.
pub fn summary_line(summary: &Summary, lang: Lang) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut line = match lang {
        Lang::Zh => format!(
            "检查了 {} 个文件：{} 个错误，{} 个警告，{} 个提示",
            summary.files, summary.errors, summary.warnings, summary.infos
        ),
        Lang::En => format!(
            "checked {}: {}, {}, {}",
            plural(summary.files, "file"),
            plural(summary.errors, "error"),
            plural(summary.warnings, "warning"),
            plural(summary.infos, "info")
        ),
    };
    if summary.suppressed > 0 {
        line.push_str(&tr!(
            lang,
            "；{} 个已按抑制清单隐藏",
            "; {} suppressed",
            summary.suppressed
        ));
    }
    if summary.fixed > 0 {
        line.push_str(&tr!(lang, "；已修复 {} 个", "; {} fixed", summary.fixed));
    }
    if summary.failed > 0 {
        line.push_str(&tr!(
            lang,
            "；{} 个文件无法读取或写入",
            "; {} files could not be read or written",
            summary.failed
        ));
    }
    line
}

/// One diagnostic as a miette diagnostic borrowing its source.
struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    path: &'a str,
    source: Option<&'a SourceFile>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{} {}",
            self.diagnostic.code, self.diagnostic.name
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.map(|_| self as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source?;
        let d = self.diagnostic;
        let primary_text = d
            .labels
            .iter()
            .find(|l| l.span == d.span)
            .map(|l| l.message.clone());
        let primary = LabeledSpan::new_primary_with_span(primary_text, d.span);
        let others = d
            .labels
            .iter()
            .filter(|l| l.span != d.span)
            .map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), l.span));
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

impl SourceCode for Shown<'_> {
    /// Reads the span from the report text; the column is counted in
    /// characters (miette counts bytes, three per Chinese character).
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = self.source.map_or("", |s| s.text.as_str());
        let contents = text.read_span(span, before, after)?;
        let start = contents.span().offset();
        let line_start = start - contents.column().min(start);
        let column = text
            .get(line_start..start)
            .map_or(contents.column(), |prefix| prefix.chars().count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.path.to_owned(),
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
    }
}
