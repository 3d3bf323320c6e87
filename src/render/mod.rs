//! Stage 5: diagnostics rendered for people and for machines.

mod human;
mod json;
mod model_json;

pub use human::{render_human, HumanOptions};
pub use json::{json_diagnostic, render_json, JsonDiagnostic, JsonLabel};
pub use model_json::model_json;

/// The output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// Source snippets with labels (miette's graphical handler).
    #[default]
    Human,
    /// JSON, schema version 1 (docs/json-output.md).
    Json,
}
