//! The pipeline for one report: parse → model → rules, and the options of a run.

use crate::diagnostic::{sort_in_text_order, Diagnostic};
use crate::extract::SourceKind;
use crate::model::{Format, Formats, Report};
use crate::pack::{Pack, PackSet};
use crate::parse::{parse, Document};
use crate::rules::{Context, PerFileIgnores, Registry, RuleMeta, Selection, Selector, Sink};
use crate::source::SourceFile;
use crate::{Edition, Lang};

/// How a run is configured.
#[derive(Debug, Clone, Default)]
pub struct LintOptions {
    /// Which rules run, at which severity.
    pub selection: Selection,
    /// Message language.
    pub lang: Lang,
    /// Force a format edition instead of deriving it from the year.
    pub edition: Option<Edition>,
    /// User packs, on top of the built-in ones.
    pub packs: Vec<Pack>,
    /// Rules switched off for some files.
    pub per_file_ignores: PerFileIgnores,
}

/// The packs of a run: `builtin`'s, then the options'.
fn all_packs(builtin: &PackSet, options: &LintOptions) -> Vec<Pack> {
    builtin
        .packs()
        .iter()
        .chain(&options.packs)
        .cloned()
        .collect()
}

/// A report parsed and modelled, ready for rules (and for `disclint parse`).
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The document tree.
    pub doc: Document,
    /// The typed report.
    pub report: Report,
}

/// Lints reports with one configuration; cheap to share across threads.
pub struct Linter {
    registry: Registry,
    formats: Formats,
    options: LintOptions,
}

impl Linter {
    /// A linter with the built-in packs and rules, the options' packs and
    /// their rules, and the given options. Packs are expected to have been
    /// admitted after the built-in ones ([`Pack::load_all`]); a later rule
    /// with a code already taken is skipped.
    pub fn new(options: LintOptions) -> Self {
        Self::with_builtin(PackSet::builtin(), options)
    }

    /// A linter over `builtin` in place of the built-in packs (a test's
    /// packs), then the options' packs.
    pub fn with_builtin(builtin: &PackSet, options: LintOptions) -> Self {
        let packs = all_packs(builtin, &options);
        Self {
            registry: Registry::with_packs(&packs),
            formats: Formats::new(&packs),
            options,
        }
    }

    /// A linter with the given rules instead of the built-in ones.
    pub fn with_registry(registry: Registry, options: LintOptions) -> Self {
        Self {
            registry,
            formats: Formats::new(&all_packs(PackSet::builtin(), &options)),
            options,
        }
    }

    /// The rules this linter knows.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The options of the run.
    pub fn options(&self) -> &LintOptions {
        &self.options
    }

    /// The format of `edition` as this linter's packs describe it.
    pub fn format(&self, edition: Edition) -> &Format {
        self.formats.get(edition)
    }

    /// The first selector of the options (selected, extended, ignored,
    /// ignored per file, or given a severity) that names no rule this linter
    /// knows: a typo that would otherwise select or ignore nothing.
    pub fn unknown_selector(&self) -> Option<Selector> {
        let selection = &self.options.selection;
        selection
            .select
            .iter()
            .flatten()
            .chain(&selection.extend_select)
            .chain(&selection.ignore)
            .chain(self.options.per_file_ignores.selectors())
            .cloned()
            .chain(selection.severity.keys().map(|k| Selector::new(k)))
            .find(|selector| !selector.matches_any(self.registry.metas()))
    }

    /// Parses and models a report.
    pub fn analyze(&self, source: &SourceFile) -> Analysis {
        let mut doc = parse(&source.text);
        let mut report = Report::build(&source.text, &mut doc, &self.formats, self.options.edition);
        // Only a text file can be a page's source; the text of an
        // extracted page is what its reader sees.
        report.page_source &= source.kind == SourceKind::Text;
        Analysis { doc, report }
    }

    /// Every diagnostic of the enabled rules, in text order.
    pub fn lint(&self, source: &SourceFile) -> Vec<Diagnostic> {
        let analysis = self.analyze(source);
        self.check(source, &analysis)
    }

    /// The formats of every edition the run knows.
    pub fn formats(&self) -> &Formats {
        &self.formats
    }

    /// Whether the rule runs on the file at `path`: it is selected and not
    /// ignored for that file.
    pub fn runs_on(&self, meta: &RuleMeta, path: &str) -> bool {
        self.options.selection.is_enabled(meta)
            && !self.options.per_file_ignores.ignores(path, meta)
    }

    /// A diagnostic of the reader (family `I`: the input at `path` could not
    /// be read) as the run's options have it, like the findings of
    /// [`Linter::check`]: `None` when its rule is ignored (`--ignore I004`,
    /// or a per-file ignore of `path`; a `--select` that does not name it
    /// keeps it), else at the rule's effective severity.
    pub fn admit_input(&self, path: &str, mut diagnostic: Diagnostic) -> Option<Diagnostic> {
        let Some(meta) = self.registry.find(&diagnostic.code) else {
            return Some(diagnostic);
        };
        if self.options.selection.ignores(meta) || self.options.per_file_ignores.ignores(path, meta)
        {
            return None;
        }
        diagnostic.severity = self.options.selection.severity_of(meta);
        Some(diagnostic)
    }

    /// Runs the enabled rules over an analysed report.
    pub fn check(&self, source: &SourceFile, analysis: &Analysis) -> Vec<Diagnostic> {
        let ctx = Context::new(
            source,
            &analysis.doc,
            &analysis.report,
            &self.formats,
            self.options.lang,
        );
        let selection = &self.options.selection;
        // A text that is not a report gets S000 alone, not every format rule's findings.
        let is_report = analysis.report.is_report(source.kind);
        let mut out = Vec::new();
        for (meta, rule) in self.registry.iter() {
            if !(is_report || rule.checks_non_reports()) || !self.runs_on(meta, &source.path) {
                continue;
            }
            let mut sink = Sink::new(
                &meta.code,
                &meta.name,
                selection.severity_of(meta),
                &mut out,
            );
            rule.check(&ctx, &mut sink);
        }
        // A fix is an edit of the text; where that text is not the file
        // (a structured input), it cannot be written back, so none is offered.
        if !source.is_editable() {
            for diagnostic in &mut out {
                diagnostic.fix = None;
            }
        }
        sort_in_text_order(&mut out);
        out
    }
}
