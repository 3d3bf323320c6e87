//! Command-line arguments (clap derive).

use clap::{Args, Parser, Subcommand};

use crate::render::OutputFormat;
use crate::source::TextEncoding;
use crate::Lang;

/// disclint: a linter for 政府信息公开工作年度报告.
#[derive(Debug, Parser)]
#[command(name = "disclint", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint reports: files, directories (recursively) or glob patterns.
    Check(CheckArgs),
    /// Print the report model (title, year, period, sections, tables).
    Parse(ParseArgs),
    /// List every rule with its code, name, severity and summary.
    Rules(RulesArgs),
    /// Explain one rule, with a failing and a passing example.
    Explain(ExplainArgs),
}

/// Options shared by every command that reads reports.
#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// Check against this format edition (2019 or 2021) instead of the one the report year implies.
    #[arg(long, value_parser = ["2019", "2021"])]
    pub edition: Option<String>,
    /// Read files in this encoding instead of detecting it.
    #[arg(long, value_enum)]
    pub encoding: Option<TextEncoding>,
    /// Skip files larger than this: bytes, or with a unit (`512K`, `64M`).
    #[arg(long, value_name = "SIZE", value_parser = crate::input::parse_size, default_value = "32M")]
    pub max_file_size: u64,
    /// Also search directories for files with this extension (besides txt and md); repeatable.
    #[arg(long = "extension", value_name = "EXT", value_delimiter = ',')]
    pub extensions: Vec<String>,
    /// Load an extra rule pack (TOML); repeatable.
    #[arg(long = "rules", value_name = "PACK")]
    pub packs: Vec<std::path::PathBuf>,
}

/// `disclint check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Files, directories or glob patterns.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Only run these rules (codes, prefixes such as `S` or `S00`, or names); comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub select: Option<Vec<String>>,
    /// Run these rules too; comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub extend_select: Vec<String>,
    /// Do not run these rules; comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `disclint parse`.
#[derive(Debug, Clone, Args)]
pub struct ParseArgs {
    /// The report.
    pub path: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ModelFormat::Json)]
    pub format: ModelFormat,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// How `parse` prints the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModelFormat {
    /// Pretty-printed JSON.
    Json,
}

/// `disclint rules`.
#[derive(Debug, Clone, Args)]
pub struct RulesArgs {
    /// Print Markdown (the text of docs/rules.md) instead of a table.
    #[arg(long)]
    pub markdown: bool,
    /// Language of the summaries.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
}

/// `disclint explain`.
#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// A rule code (`S001`) or name (`missing-section`).
    pub rule: String,
    /// Language of the summary.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
}
