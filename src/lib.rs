//! disclint: a linter for Chinese government information-disclosure annual
//! reports (政府信息公开工作年度报告).
//!
//! The pipeline, one module per stage: [`read`] (bytes → text), [`parse`]
//! (text → document tree), [`model`] (tree → typed report), [`rules`]
//! (report → diagnostics), [`render`] (diagnostics → output). [`lint::Linter`]
//! ties them together for one report, [`run`] for a batch, [`cli`] for the
//! command line. The library never prints; the CLI writes to the streams it
//! is given and reads standard input and the terminal flags from the
//! [`cli::Environment`] it is given.
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod annotate;
pub mod atomic_write;
pub mod batch_report;
pub mod byte_search;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod edition;
pub mod extract;
pub mod fingerprint;
pub mod fix;
pub mod gate;
pub mod input;
pub mod io_error;
pub mod lang;
pub mod line_index;
pub mod lint;
pub mod location;
pub mod lsp;
pub mod model;
pub mod normalize;
pub mod pack;
pub mod parse;
pub mod read;
pub mod render;
pub mod rules;
pub mod run;
pub mod serve;
pub mod source;
pub mod source_map;
pub mod span;
pub mod stats;
pub mod suppress;
pub mod synth;
pub mod years;

pub use diagnostic::{Diagnostic, Severity};
pub use edition::Edition;
pub use lang::Lang;
pub use lint::{LintOptions, Linter};
pub use source::SourceFile;
