//! `disclint report`: a batch of reports checked and written up for the
//! people who assess them — one self-contained web page (summary, rules,
//! agencies, kinds of agency, charts, indicators, every report's findings),
//! the findings as CSV, or a workbook.
//!
//! The CLI feeds each file's [`crate::run::FileResult`] and the [`Facts`]
//! read from its model into a [`Batch`]; the writers read the batch.

mod agency_kind;
mod batch;
mod csv;
mod entry;
mod html;
mod indicators;
mod svg;
mod tables;
mod xlsx;

pub use agency_kind::{kind_of, kinds, AgencyKind};
pub use batch::{AgencyTally, Batch, KindTally, RuleTally};
pub use csv::write_csv;
pub use entry::{Entry, Facts, Finding, Snippet};
pub use html::write_html;
pub use indicators::{Indicators, Share};
pub use xlsx::write_xlsx;
