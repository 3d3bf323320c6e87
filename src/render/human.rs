//! Output for people: miette's graphical handler, given an excerpt of the
//! report (long lines cut to a window around the labels, control
//! characters escaped) and the true `file:line:column` in characters.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};
use unicode_width::UnicodeWidthStr;

use super::escape::{quote_path, visible};
use super::excerpt::Excerpt;
use super::{RenderOptions, Renderer, Totals};
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::run::{FileResult, Summary};
use crate::source::SourceFile;
use crate::span::Span;
use crate::stats::statistics_table;
use crate::{tr, Lang};

/// The width used when the options give none.
const DEFAULT_WIDTH: usize = 100;

/// Source snippets with labels, then the summary line (and statistics).
pub struct Human {
    handler: GraphicalReportHandler,
    lang: Lang,
    width: usize,
}

impl Human {
    /// A renderer with the options' colours, width and language.
    pub fn new(options: RenderOptions) -> Self {
        let theme = if options.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let width = if options.width == 0 {
            DEFAULT_WIDTH
        } else {
            options.width
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(width)
            .with_word_separator(super::wrap::SEPARATOR)
            .with_context_lines(1);
        Self {
            handler,
            lang: options.lang,
            width,
        }
    }
}

impl Renderer for Human {
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, out: &mut dyn Write, result: &FileResult) -> io::Result<()> {
        let path = quote_path(&result.path);
        for diagnostic in &result.diagnostics {
            let shown = Shown::new(
                diagnostic,
                &path,
                result.source.as_ref(),
                self.width,
                self.lang,
            );
            let mut text = String::new();
            if self.handler.render_report(&mut text, &shown).is_err() {
                text = format!(
                    "{path}: {}[{}] {}\n",
                    diagnostic.severity.as_str(),
                    diagnostic.code,
                    shown.message
                );
            }
            for related in &diagnostic.related {
                text.push_str(&related_line(related, self.lang));
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

/// A place in another file, under the finding: `  ↪ path:line:column · location：message`.
fn related_line(related: &Related, lang: Lang) -> String {
    format!(
        "  ↪ {}\n",
        visible(&related_text(related, &quote_path(&related.path), lang))
    )
}

/// A place in another file as one line of text, `path:line:column ·
/// location：message`, with `path` as the caller shows it: what the text
/// formats (`github`, `gitlab`, `junit`) and human output say of a finding's
/// [`Related`] places.
pub fn related_text(related: &Related, path: &str, lang: Lang) -> String {
    let mut place = format!("{path}:{}:{}", related.line, related.column);
    if let Some(location) = &related.location {
        place.push_str(" · ");
        place.push_str(&location.describe(lang));
    }
    let colon = lang.pick("：", ": ");
    format!("{place}{colon}{}", related.message)
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
            summary.checked(),
            summary.errors,
            summary.warnings,
            summary.infos
        ),
        Lang::En => format!(
            "checked {}: {}, {}, {}",
            plural(summary.checked(), "file"),
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
    // Files whose input diagnostic is shown; the rest of the failures are
    // files whose fixes could not be written.
    let files = |n: usize| match lang {
        Lang::Zh => n.to_string(),
        Lang::En => plural(n, "file"),
    };
    let unread = summary.unreadable - summary.unchecked;
    if unread > 0 {
        line.push_str(&tr!(
            lang,
            "；{} 个文件无法读取",
            "; {} could not be read",
            files(unread)
        ));
    }
    let unwritten = summary.failed.saturating_sub(unread);
    if unwritten > 0 {
        line.push_str(&tr!(
            lang,
            "；{} 个文件的修复无法写入",
            "; fixes of {} could not be written",
            files(unwritten)
        ));
    }
    if summary.unchecked > 0 {
        line.push_str(&tr!(
            lang,
            "；{} 个文件无法读取、未检查（其输入规则已关闭）",
            "; {} files not checked: they could not be read and their input rule is off",
            summary.unchecked
        ));
    }
    if summary.fixable > 0 {
        line.push_str(&tr!(
            lang,
            "；[*] {} 个可用 --fix 自动修复",
            "; [*] {} fixable with --fix",
            summary.fixable
        ));
    }
    if summary.unsafe_fixable > 0 {
        let n = summary.unsafe_fixable;
        line.push_str(&match (summary.fixable > 0, lang) {
            (true, Lang::Zh) => format!("；另有 {n} 个可用 --fix --unsafe-fixes 修复（可能改变原意，请核对）"),
            (false, Lang::Zh) => format!("；{n} 个可用 --fix --unsafe-fixes 修复（可能改变原意，请核对）"),
            (true, Lang::En) => format!("; {n} more fixable with --fix --unsafe-fixes (check them: they may change the meaning)"),
            (false, Lang::En) => format!("; {n} fixable with --fix --unsafe-fixes (check them: they may change the meaning)"),
        });
    }
    line
}

/// One diagnostic as miette sees it: its texts escaped, its labels placed
/// in an excerpt of the report.
struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    message: Cow<'a, str>,
    help: Option<Cow<'a, str>>,
    labels: Vec<LabeledSpan>,
    excerpt: Option<Excerpt>,
}

impl<'a> Shown<'a> {
    /// `diagnostic` of the report `source` (if it could be read), shown as
    /// `path`, for output `width` columns wide.
    fn new(
        diagnostic: &'a Diagnostic,
        path: &str,
        source: Option<&SourceFile>,
        width: usize,
        lang: Lang,
    ) -> Self {
        let d = diagnostic;
        let (excerpt, labels) = match source {
            Some(source) => {
                let primary_text = d
                    .labels
                    .iter()
                    .find(|l| l.span == d.span)
                    .map(|l| visible(&l.message).into_owned());
                let others: Vec<(Span, String)> = d
                    .labels
                    .iter()
                    .filter(|l| l.span != d.span)
                    .map(|l| (l.span, visible(&l.message).into_owned()))
                    .collect();
                let marks: Vec<(Span, usize)> = std::iter::once((d.span, primary_text.as_deref()))
                    .chain(
                        others
                            .iter()
                            .map(|(span, text)| (*span, Some(text.as_str()))),
                    )
                    .map(|(span, text)| (span, text.map_or(0, label_columns)))
                    .collect();
                // A structured original names the paragraph, cell or page
                // beside the path, since its lines are not the reader's.
                let name = match source.location(d.span.offset) {
                    Some(location) => format!("{path} · {}", location.describe(lang)),
                    None => path.to_owned(),
                };
                let excerpt = Excerpt::new(source, &marks, width, name);
                let primary = LabeledSpan::new_primary_with_span(primary_text, excerpt.span(0));
                let others = others.into_iter().enumerate().map(|(i, (_, text))| {
                    LabeledSpan::new_with_span(Some(text), excerpt.span(i + 1))
                });
                let labels = std::iter::once(primary).chain(others).collect();
                (Some(excerpt), labels)
            }
            None => (None, Vec::new()),
        };
        // Without a snippet the header that names the file is not drawn: the
        // message must name it (an input that could not be read).
        let message = match &excerpt {
            None if !d.message.contains(path) => {
                Cow::Owned(format!("{path}: {}", visible(&d.message)))
            }
            _ => visible(&d.message),
        };
        Shown {
            diagnostic,
            message,
            help: d.help.as_deref().map(visible),
            labels,
            excerpt,
        }
    }
}

/// The columns a label takes right of the middle of its underline: `╰── `
/// and its widest line.
fn label_columns(text: &str) -> usize {
    4 + text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let fixable = if self.diagnostic.has_safe_fix() {
            " [*]"
        } else {
            ""
        };
        Some(Box::new(format!(
            "{} {}{fixable}",
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
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.excerpt.as_ref().map(|e| e as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.excerpt.as_ref()?;
        Some(Box::new(self.labels.iter().cloned()))
    }
}

#[cfg(test)]
mod tests {
    use super::super::excerpt::WALKED;
    use super::*;

    #[test]
    fn the_summary_counts_checked_and_unreadable_files_apart() {
        let summary = Summary {
            files: 1,
            errors: 1,
            failed: 1,
            unreadable: 1,
            ..Summary::default()
        };
        assert_eq!(
            summary_line(&summary, Lang::Zh),
            "检查了 0 个文件：1 个错误，0 个警告，0 个提示；1 个文件无法读取"
        );
        assert_eq!(
            summary_line(&summary, Lang::En),
            "checked 0 files: 1 error, 0 warnings, 0 infos; 1 file could not be read"
        );
        let unwritten = Summary {
            files: 2,
            failed: 1,
            ..Summary::default()
        };
        assert!(summary_line(&unwritten, Lang::Zh)
            .ends_with("检查了 2 个文件：0 个错误，0 个警告，0 个提示；1 个文件的修复无法写入"));
    }

    #[test]
    fn the_summary_says_which_flag_applies_the_fixes_left() {
        let summary = Summary {
            files: 1,
            warnings: 3,
            fixable: 1,
            unsafe_fixable: 2,
            ..Summary::default()
        };
        let line = summary_line(&summary, Lang::Zh);
        assert!(line.contains("[*] 1 个可用 --fix 自动修复"), "{line}");
        assert!(
            line.contains("另有 2 个可用 --fix --unsafe-fixes 修复"),
            "{line}"
        );
        let line = summary_line(&summary, Lang::En);
        assert!(
            line.contains("[*] 1 fixable with --fix; 2 more fixable with --fix --unsafe-fixes"),
            "{line}"
        );
    }

    fn diagnostic(span: Span, first: Option<Span>) -> Diagnostic {
        let mut diagnostic = Diagnostic {
            code: "S003".into(),
            name: "duplicate-section".into(),
            severity: Severity::Error,
            message: "“一、总体情况”重复出现".into(),
            help: None,
            span,
            labels: Vec::new(),
            related: Vec::new(),
            fix: None,
        };
        if let Some(first) = first {
            diagnostic.label(first, "第一次出现在这里");
        }
        diagnostic
    }

    /// Renders `diagnostics` on `text` at width 100; returns the output and
    /// the source bytes read.
    fn render(text: &str, diagnostics: Vec<Diagnostic>) -> (String, usize) {
        let result = FileResult::checked(SourceFile::from_text("x.txt", text), diagnostics);
        let mut human = Human::new(RenderOptions {
            width: 100,
            ..RenderOptions::default()
        });
        let before = WALKED.with(|n| n.get());
        let mut out = Vec::new();
        human.file(&mut out, &result).unwrap();
        let read = WALKED.with(|n| n.get()) - before;
        (String::from_utf8(out).unwrap(), read)
    }

    /// Asserts that the work for `make(4 * n)` is at most about 4× that for `make(n)`.
    fn assert_linear(name: &str, n: usize, make: impl Fn(usize) -> (String, Vec<Diagnostic>)) {
        let (text, diagnostics) = make(n);
        let (_, small) = render(&text, diagnostics);
        let (text, diagnostics) = make(4 * n);
        let (out, big) = render(&text, diagnostics);
        assert!(!out.is_empty());
        assert!(
            big <= 6 * small + 10_000,
            "{name}: {small} bytes read for {n} diagnostics, {big} for {}",
            4 * n
        );
    }

    #[test]
    fn many_duplicate_sections_render_in_linear_work() {
        // Every duplicate heading points back at the first one (S003).
        assert_linear("duplicate sections", 500, |n| {
            let mut text = String::from("某某镇人民政府2024年政府信息公开工作年度报告\n");
            let heading = "一、总体情况";
            let first = Span::new(text.len(), heading.len());
            let mut diagnostics = Vec::new();
            for i in 0..n {
                let span = Span::new(text.len(), heading.len());
                text.push_str(heading);
                text.push('\n');
                if i > 0 {
                    diagnostics.push(diagnostic(span, Some(first)));
                }
            }
            (text, diagnostics)
        });
    }

    #[test]
    fn many_findings_on_one_line_render_in_linear_work() {
        assert_linear("one line", 500, |n| {
            let mut text = String::from("标题\n");
            let mut diagnostics = Vec::new();
            for _ in 0..n {
                diagnostics.push(diagnostic(Span::new(text.len(), "某某镇".len()), None));
                text.push_str("某某镇，");
            }
            text.push('\n');
            (text, diagnostics)
        });
    }
}
