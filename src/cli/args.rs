//! Command-line arguments (clap derive).

use clap::{Args, Parser, Subcommand};

use crate::config::Config;
use crate::render::OutputFormat;
use crate::source::TextEncoding;
use crate::{Edition, Lang};

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
    /// Explain one rule, with a failing and a passing example (also `rule CODE`).
    #[command(alias = "rule")]
    Explain(ExplainArgs),
    /// Serve checks over HTTP, with a page for clerks (on 127.0.0.1:8080 by default).
    Serve(ServeArgs),
    /// Check a batch and write it up: one self-contained web page (`-o
    /// report.html`), a workbook (`-o report.xlsx`) or the findings as CSV.
    Report(ReportArgs),
    /// Speak the Language Server Protocol on standard input and output, so
    /// that editors show findings as a report is written (docs/editors.md).
    Server(ServerArgs),
}

/// Options shared by every command that reads reports.
#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// Check against this format edition (2019 or 2021) instead of the one the report year implies.
    #[arg(long, value_enum)]
    pub edition: Option<Edition>,
    /// Read files in this encoding instead of detecting it.
    #[arg(long, value_enum)]
    pub encoding: Option<TextEncoding>,
    /// Skip files larger than this: bytes, or with a unit (`512K`, `64M`).
    #[arg(long, value_name = "SIZE", value_parser = crate::input::parse_size, default_value = "32M")]
    pub max_file_size: u64,
    /// Also search directories for files with this extension (besides txt, md,
    /// html, htm and shtml); repeatable.
    #[arg(long = "extension", value_name = "EXT", value_delimiter = ',')]
    pub extensions: Vec<String>,
    /// Follow symbolic links met when searching directories and expanding
    /// globs (a link named on the command line is always read).
    #[arg(long, short = 'L')]
    pub follow: bool,
    /// Rule packs and configuration.
    #[command(flatten)]
    pub setup: Setup,
}

/// Rule packs and configuration, shared by every command that needs rules.
#[derive(Debug, Clone, Args)]
pub struct Setup {
    /// Load an extra rule pack (TOML); repeatable.
    #[arg(long = "rules", value_name = "PACK")]
    pub packs: Vec<std::path::PathBuf>,
    /// Where the configuration comes from.
    #[command(flatten)]
    pub config_args: ConfigArgs,
    /// The configuration in effect (filled in after parsing).
    #[arg(skip)]
    pub config: Config,
}

/// Which configuration file to use.
#[derive(Debug, Clone, Args)]
pub struct ConfigArgs {
    /// Read the configuration from this file instead of looking for disclint.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<std::path::PathBuf>,
    /// Use no configuration file.
    #[arg(long)]
    pub no_config: bool,
}

/// `disclint check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Files, directories or glob patterns; `-` reads one report from standard input.
    /// Without any, the current directory is checked.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Output format (also `--output-format`, Ruff's spelling).
    #[arg(long, alias = "output-format", value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Which rules run.
    #[command(flatten)]
    pub rules: RuleSelectionArgs,
    /// The name of the report read from standard input (`check -`), used in output.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Gate and output options.
    #[command(flatten)]
    pub gate: GateArgs,
    /// Fix options.
    #[command(flatten)]
    pub fix: FixArgs,
    /// Suppression options.
    #[command(flatten)]
    pub suppressions: SuppressionArgs,
    /// Annotated copies of Word documents (boxed: `Command` stays small).
    #[command(flatten)]
    pub annotate: Box<AnnotateArgs>,
    /// What to show instead of, or besides, the findings (boxed, as `annotate`).
    #[command(flatten)]
    pub show: Box<ShowArgs>,
    /// Last year's reports, for the cross-year rules (boxed: `Command`
    /// stays small).
    #[command(flatten)]
    pub years: Box<YearsArgs>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// What `check` shows instead of, or besides, the findings (as Ruff's
/// `--show-settings`, `--show-files`, `--show-fixes`).
#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// Print the settings in effect for FILE and the configuration file they come from; check nothing.
    #[arg(long, value_name = "FILE", conflicts_with = "show_files")]
    pub show_settings: Option<std::path::PathBuf>,
    /// List the files the run would check, one a line; check nothing.
    #[arg(long)]
    pub show_files: bool,
    /// After the findings, list the fixes applied (with --fix) or available.
    #[arg(long)]
    pub show_fixes: bool,
}

/// Which rules run, on top of the configuration.
#[derive(Debug, Clone, Args)]
pub struct RuleSelectionArgs {
    /// Only run these rules (codes, prefixes such as `S` or `S00`, or names); comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub select: Option<Vec<String>>,
    /// Run these rules too; comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub extend_select: Vec<String>,
    /// Do not run these rules; comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
}

/// `disclint report`.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// Files, directories or glob patterns.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<String>,
    /// Write to this file (never one of the inputs); its extension (.html,
    /// .csv, .xlsx) gives the format unless --format does. CSV goes to
    /// standard output without it.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<std::path::PathBuf>,
    /// The format (default: by the extension of --output, else html).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Which rules run.
    #[command(flatten)]
    pub rules: RuleSelectionArgs,
    /// The suppressions file: accepted findings are left out, as by `check`
    /// (default: the nearest disclint-suppressions.toml from each file's
    /// folder upward).
    #[arg(long, value_name = "PATH")]
    pub suppressions: Option<std::path::PathBuf>,
    /// Exit 0 even when errors are found (still 2 when disclint could not run).
    #[arg(long)]
    pub exit_zero: bool,
    /// Last year's reports, for the cross-year rules.
    #[command(flatten)]
    pub years: YearsArgs,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// The formats of `disclint report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// One self-contained web page.
    Html,
    /// One row per finding, UTF-8 with a byte-order mark (for Excel).
    Csv,
    /// A workbook: summary, agencies, findings.
    Xlsx,
}

/// Annotated copies of Word documents (`--annotate`).
#[derive(Debug, Clone, Args)]
pub struct AnnotateArgs {
    /// Write a copy of each Word document (.docx) with one review comment per
    /// finding, as NAME.disclint.docx beside it; the original is not touched.
    #[arg(long)]
    pub annotate: bool,
    /// With --annotate: write the copies into this folder instead.
    #[arg(long, value_name = "DIR", requires = "annotate")]
    pub annotate_dir: Option<std::path::PathBuf>,
}

/// What the cross-year rules (Y) compare the reports with.
#[derive(Debug, Clone, Args)]
pub struct YearsArgs {
    /// Last year's reports (a folder, files or globs): each report checked
    /// is compared with its agency's report of the year before found there
    /// (Y001–Y004); they are read, not checked themselves. Repeatable.
    #[arg(long, value_name = "DIR")]
    pub previous: Vec<String>,
}

/// When output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    /// Always (even with `NO_COLOR`).
    Always,
    /// Never.
    Never,
}

/// How `check` decides its exit code and where its output goes.
#[derive(Debug, Clone, Args)]
pub struct GateArgs {
    /// Exit 0 even when errors are found (still 2 when disclint could not run).
    #[arg(long)]
    pub exit_zero: bool,
    /// Warnings also make the exit code 1.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Exit 1 when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// After the diagnostics, count them per rule (JSON: `summary.by_rule`).
    #[arg(long)]
    pub statistics: bool,
    /// Print only the diagnostics and the final count (no notes).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "PATH")]
    pub output_file: Option<std::path::PathBuf>,
    /// Colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

impl GateArgs {
    /// The gate these flags ask for.
    pub fn gate(&self) -> crate::gate::Gate {
        crate::gate::Gate {
            exit_zero: self.exit_zero,
            deny_warnings: self.deny_warnings,
            max_warnings: self.max_warnings,
        }
    }
}

/// Automatic fixes.
#[derive(Debug, Clone, Args)]
pub struct FixArgs {
    /// Apply safe fixes, write the files back, and report what is left.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// With --fix or --diff: apply unsafe fixes too.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change; write nothing.
    #[arg(long)]
    pub diff: bool,
}

/// Accepted diagnostics, kept in a suppressions file.
#[derive(Debug, Clone, Args)]
pub struct SuppressionArgs {
    /// The suppressions file (default: the nearest disclint-suppressions.toml from each file's folder up).
    #[arg(long, value_name = "PATH")]
    pub suppressions: Option<std::path::PathBuf>,
    /// Add every current diagnostic to the suppressions file.
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    pub add_suppressions: bool,
    /// Remove suppressions that no longer match anything.
    #[arg(long)]
    pub prune_suppressions: bool,
}

/// How `disclint parse` prints the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ParseFormat {
    /// For people: the title, year, period, sections, and each table as a grid.
    Human,
    /// For programs: the model as JSON (docs/json-output.md).
    Json,
}

/// `disclint parse`.
#[derive(Debug, Clone, Args)]
pub struct ParseArgs {
    /// The report.
    pub path: String,
    /// Output format [default: human on a terminal, else json].
    #[arg(long, value_enum)]
    pub format: Option<ParseFormat>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
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
    /// Rule packs and configuration.
    #[command(flatten)]
    pub setup: Setup,
}

/// `disclint explain`.
#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// A rule code (`S001`) or name (`missing-section`).
    pub rule: String,
    /// Language of the explanation, headings included.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// Rule packs and configuration.
    #[command(flatten)]
    pub setup: Setup,
}

/// `disclint serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The address to listen on. Loopback by default: any other address lets
    /// whoever reaches it submit reports (the service has no authentication;
    /// see docs/api.md).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    pub bind: std::net::SocketAddr,
    /// The language of answers that do not ask for one (`?lang=`).
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// Refuse bodies larger than this (413): bytes, or with a unit (`512K`, `8M`).
    #[arg(long, value_name = "SIZE", value_parser = crate::input::parse_size, default_value = "8M")]
    pub max_body_size: u64,
    /// The most a request may take, upload included, in seconds (503 beyond).
    #[arg(long, value_name = "SECONDS", value_parser = super::serve::parse_seconds, default_value = "30")]
    pub timeout: std::time::Duration,
    /// How many checks run at once (default: one per CPU); the others wait.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_checks: Option<u32>,
    /// How long a check waits for its turn before it is refused (503), in seconds.
    #[arg(long, value_name = "SECONDS", value_parser = super::serve::parse_seconds, default_value = "2")]
    pub queue_wait: std::time::Duration,
    /// Rule packs and configuration.
    #[command(flatten)]
    pub setup: Setup,
}

/// `disclint server`.
#[derive(Debug, Clone, Args)]
pub struct ServerArgs {
    /// The language of messages and explanations, unless the editor's
    /// settings or a document's disclint.toml set one.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// How long to wait after the last keystroke before checking, in
    /// milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 100)]
    pub debounce: u64,
    /// Rule packs and configuration (without --config or --no-config, each
    /// document's nearest disclint.toml).
    #[command(flatten)]
    pub setup: Setup,
}
