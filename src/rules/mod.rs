//! Stage 4: the rule set. One file per rule under `src/rules/<family>/`; each
//! family's `mod.rs` lists its rules; [`Registry::builtin`] lists the families.

mod context;
mod example;
mod meta;
mod per_file_ignores;
mod registry;
mod selection;
mod sentences;

pub mod arithmetic;
pub mod citations;
pub mod input;
pub mod pack;
pub mod period;
pub mod structure;
pub mod tables;
pub mod text;
pub mod years;

pub use context::{Context, Sink};
pub use example::{
    host_report, other_agency_host_report, previous_host_report, Example, Place, Trial,
    EXAMPLE_YEAR,
};
pub(crate) use meta::declare_rule;
pub use meta::{Family, RuleMeta};
pub use per_file_ignores::{ConfigPath, PerFileIgnores};
pub use registry::Registry;
pub use selection::{Selection, Selector};

use crate::pack::ids::Need;

/// A check over one report.
pub trait Rule: Send + Sync {
    /// The rule's code, name, severity and documentation (built-in rules
    /// declare it with `declare_rule!`).
    fn meta(&self) -> &RuleMeta;

    /// Reports every finding in `ctx` to `sink`.
    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>);

    /// The section, table, row and column ids the rule reads by name
    /// ([`crate::pack::ids`]): a set of packs without one of them does not
    /// load.
    fn requires(&self) -> &'static [Need] {
        &[]
    }

    /// Whether the rule also runs on a text that is not a report at all (no
    /// title and none of the six sections, see [`crate::model::Report::is_report`]).
    /// Such a text gets `S000 not-a-report` instead of every format rule's
    /// findings, so only rules about the text as such opt in.
    fn checks_non_reports(&self) -> bool {
        false
    }
}
