//! The pipeline for one report: parse → model → rules, and the options of a run.

use crate::diagnostic::Diagnostic;
use crate::model::{Formats, Report};
use crate::pack::Pack;
use crate::parse::{parse, Document};
use crate::rules::{Context, PerFileIgnores, Registry, Selection, Sink};
use crate::source::SourceFile;
use crate::Lang;

/// How a run is configured.
#[derive(Debug, Clone, Default)]
pub struct LintOptions {
    /// Which rules run, at which severity.
    pub selection: Selection,
    /// Message language.
    pub lang: Lang,
    /// Force a format edition (2019 or 2021) instead of deriving it from the year.
    pub edition: Option<u16>,
    /// User packs, on top of the built-in ones.
    pub packs: Vec<Pack>,
    /// Rules switched off for some files.
    pub per_file_ignores: PerFileIgnores,
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
    /// A linter with the built-in rules, the rules of the options' packs, and
    /// the given options. Packs are expected to have passed
    /// [`Pack::check_rule_ids`]; a later rule with a code already taken is skipped.
    pub fn new(options: LintOptions) -> Self {
        let mut registry = Registry::builtin();
        let formats = Formats::new(&options.packs);
        let mut pack_rules = crate::rules::pack::rules(&options.packs);
        pack_rules.extend(crate::rules::arithmetic::pack_rules(
            &options.packs,
            &registry,
        ));
        let mut taken: Vec<String> = registry.metas().map(|m| m.code.to_string()).collect();
        pack_rules.retain(|rule| {
            let code = rule.meta().code.to_string();
            let fresh = !taken.contains(&code);
            taken.push(code);
            fresh
        });
        registry.extend(pack_rules);
        Self {
            registry,
            formats,
            options,
        }
    }

    /// A linter with the given rules instead of the built-in ones.
    pub fn with_registry(registry: Registry, options: LintOptions) -> Self {
        Self {
            registry,
            formats: Formats::new(&options.packs),
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

    /// Parses and models a report.
    pub fn analyze(&self, source: &SourceFile) -> Analysis {
        let doc = parse(&source.text);
        let report = Report::build(&source.text, &doc, &self.formats, self.options.edition);
        Analysis { doc, report }
    }

    /// Every diagnostic of the enabled rules, in text order.
    pub fn lint(&self, source: &SourceFile) -> Vec<Diagnostic> {
        let analysis = self.analyze(source);
        self.check(source, &analysis)
    }

    /// Runs the enabled rules over an analysed report.
    pub fn check(&self, source: &SourceFile, analysis: &Analysis) -> Vec<Diagnostic> {
        let ctx = Context {
            source,
            doc: &analysis.doc,
            report: &analysis.report,
            format: self.formats.get(analysis.report.edition),
            lang: self.options.lang,
        };
        let selection = &self.options.selection;
        // A text that is not a report gets S000 alone, not every format rule's findings.
        let is_report = analysis.report.is_report();
        let mut out = Vec::new();
        for (meta, rule) in self.registry.iter() {
            if !selection.is_enabled(meta)
                || !(is_report || rule.checks_non_reports())
                || self.options.per_file_ignores.ignores(&source.path, meta)
            {
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
        if !source.map.is_identity() {
            for diagnostic in &mut out {
                diagnostic.fix = None;
            }
        }
        // Stable: findings of one rule at one place keep the order the rule gave them.
        out.sort_by(|a, b| (a.span.offset, &a.code).cmp(&(b.span.offset, &b.code)));
        out
    }
}
