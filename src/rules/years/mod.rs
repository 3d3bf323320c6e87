//! `Y`: across reports — an agency's report against its report of the year
//! before (Y001–Y004), and against other agencies' reports of the same year
//! in a batch (Y005). These rules read no single report: the cross-file
//! stage ([`crate::years`]) gives them the [`Batch`] of every report's facts
//! once all files are read. Their metadata stands in the registry like any
//! rule's (selection, severities, per-file ignores, `disclint explain`);
//! their per-file `check` does nothing.

mod carry_over_mismatch;
mod copied_from_agency;
mod copied_text;
mod in_force_rollforward;
mod repeated_figures;

pub use carry_over_mismatch::CarryOverMismatch;
pub use copied_from_agency::CopiedFromAgency;
pub use copied_text::CopiedText;
pub use in_force_rollforward::InForceRollforward;
pub use repeated_figures::RepeatedFigures;

use super::{Context, Rule, RuleMeta, Sink};
use crate::diagnostic::{Diagnostic, Severity};
use crate::pack::ids::Need;
use crate::span::Span;
use crate::years::Batch;

/// A check over a batch of reports.
pub trait CrossRule: Send + Sync {
    /// The rule's code, name, severity and documentation (`declare_rule!`).
    fn meta(&self) -> &RuleMeta;

    /// The ids the rule reads by name (see [`Rule::requires`]).
    fn requires(&self) -> &'static [Need] {
        &[]
    }

    /// Reports every finding in `batch` to `sink`, each on the report it
    /// is about.
    fn check_batch(&self, batch: &Batch<'_>, sink: &mut CrossSink<'_>);
}

/// The cross-file rules, in code order.
static CROSS_RULES: [&dyn CrossRule; 5] = [
    &CarryOverMismatch,
    &InForceRollforward,
    &CopiedText,
    &RepeatedFigures,
    &CopiedFromAgency,
];

/// The cross-file rules, in code order.
pub fn cross_rules() -> &'static [&'static dyn CrossRule] {
    &CROSS_RULES
}

/// A cross-file rule as the registry lists it.
struct Listed(&'static dyn CrossRule);

impl Rule for Listed {
    fn meta(&self) -> &RuleMeta {
        self.0.meta()
    }

    fn requires(&self) -> &'static [Need] {
        self.0.requires()
    }

    /// Nothing: the rule runs on the batch.
    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}

/// The cross-file rules, as the registry lists them.
pub fn rules() -> Vec<Box<dyn Rule>> {
    CROSS_RULES
        .iter()
        .map(|&rule| Box::new(Listed(rule)) as Box<dyn Rule>)
        .collect()
}

/// Collects the findings of one cross-file rule, each with the report
/// (its index in the batch) it is about.
pub struct CrossSink<'r> {
    code: &'r str,
    name: &'r str,
    severity: Severity,
    out: &'r mut Vec<(usize, Diagnostic)>,
}

impl<'r> CrossSink<'r> {
    /// A sink for the rule `code`/`name` at `severity`, appending to `out`.
    pub fn new(
        code: &'r str,
        name: &'r str,
        severity: Severity,
        out: &'r mut Vec<(usize, Diagnostic)>,
    ) -> Self {
        Self {
            code,
            name,
            severity,
            out,
        }
    }

    /// Reports a finding at `span` of report `member`; returns it for
    /// labels, related places and help.
    pub fn report(
        &mut self,
        member: usize,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let diagnostic = Diagnostic::new(self.code, self.name, self.severity, message, span);
        self.out.push((member, diagnostic));
        &mut self.out.last_mut().expect("just pushed").1
    }
}
