//! What a rule sees (the context) and where it reports (the sink).

use std::cell::OnceCell;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{find_coded_numbers, CodedNumber, Format, Formats, Report};
use crate::parse::Document;
use crate::source::SourceFile;
use crate::span::Span;
use crate::Lang;

/// Everything a rule may look at for one report.
pub struct Context<'a> {
    /// The decoded source.
    pub source: &'a SourceFile,
    /// The parsed document.
    pub doc: &'a Document,
    /// The report model.
    pub report: &'a Report,
    /// The format of the report's edition.
    pub format: &'a Format,
    /// The formats of every edition (T005 compares the report with the others).
    pub formats: &'a Formats,
    /// The language messages are written in.
    pub lang: Lang,
    /// The prose sentence by sentence, split once for all the rules that
    /// read it ([`sentences`](super::sentences::sentences)).
    pub(super) sentences: OnceCell<Vec<Span>>,
    /// The coded document numbers of the whole text, found once for the
    /// rules that read them ([`Context::coded_numbers`]).
    coded_numbers: OnceCell<Vec<CodedNumber>>,
}

impl<'a> Context<'a> {
    /// The context of one analysed report, in `format`, for messages in `lang`.
    pub fn new(
        source: &'a SourceFile,
        doc: &'a Document,
        report: &'a Report,
        formats: &'a Formats,
        lang: Lang,
    ) -> Self {
        Context {
            source,
            doc,
            report,
            format: formats.get(report.edition),
            formats,
            lang,
            sentences: OnceCell::new(),
            coded_numbers: OnceCell::new(),
        }
    }

    /// The source text.
    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// Every coded document number of the text (`国办公开办函〔2021〕30号`),
    /// in text order, found on the first call.
    pub fn coded_numbers(&self) -> &[CodedNumber] {
        self.coded_numbers
            .get_or_init(|| find_coded_numbers(self.text(), Span::new(0, self.text().len())))
    }

    /// Whether the text stops at `end` without a line break (but for spaces
    /// and pipes): what precedes may have been cut in half (`62` → `6`), as
    /// in excerpts of published reports.
    pub fn cut_off_at(&self, end: usize) -> bool {
        crate::model::cut_off_at(self.text(), end)
    }

    /// A span for the whole line containing `offset`, without its line break.
    pub fn line_span(&self, offset: usize) -> Span {
        let text = self.text();
        let line = self.source.lines.line_of(offset);
        let start = self.source.lines.line_start(line);
        let end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| start + i);
        Span::from_range(start, end)
    }
}

/// Collects the diagnostics of one rule, stamped with its code and name.
pub struct Sink<'r> {
    code: &'r str,
    name: &'r str,
    severity: Severity,
    out: &'r mut Vec<Diagnostic>,
}

impl<'r> Sink<'r> {
    /// A sink for the rule `code`/`name` at `severity`, appending to `out`.
    pub fn new(
        code: &'r str,
        name: &'r str,
        severity: Severity,
        out: &'r mut Vec<Diagnostic>,
    ) -> Self {
        Self {
            code,
            name,
            severity,
            out,
        }
    }

    /// Reports a finding at `span`; returns it for labels, help and fixes.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.out.push(Diagnostic::new(
            self.code,
            self.name,
            self.severity,
            message,
            span,
        ));
        self.out.last_mut().expect("just pushed")
    }
}
