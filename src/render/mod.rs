//! Stage 5: diagnostics rendered for people and for machines.
//!
//! Every format is a [`Renderer`]: it is given the files one by one, in path
//! order, as they finish, so output streams and memory does not grow with the
//! number of files. The machine formats are all built from one model,
//! [`Record`].

mod concise;
mod escape;
mod excerpt;
mod github;
mod gitlab;
mod human;
mod json;
mod jsonl;
mod junit;
mod model_json;
mod model_text;
mod rdjson;
mod record;
mod sarif;
mod stream;
mod wrap;

use std::io::{self, Write};

pub use escape::{escape_xml, is_escaped, quote_path, visible};
pub use github::{escape_data, escape_property};
pub use human::summary_line;
pub use json::{json_diagnostic, JsonDiagnostic, JsonLabel, JSON_VERSION};
pub use model_json::model_json;
pub use model_text::model_text;
pub use record::{EditPlace, Place, Record};

use crate::lint::Linter;
use crate::rules::RuleMeta;
use crate::run::{FileResult, Summary};
use crate::stats::RuleCount;
use crate::Lang;

/// The output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// Source snippets with labels (miette's graphical handler).
    #[default]
    Human,
    /// One line per diagnostic: `path:line:column: severity[CODE] message`.
    Concise,
    /// JSON, schema version 1 (docs/json-output.md).
    Json,
    /// One JSON object per diagnostic per line (the v1 diagnostic plus `path`).
    Jsonl,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// JUnit XML.
    Junit,
    /// reviewdog's rdjson.
    Rdjson,
}

/// What a format's output is, which decides where the rest of `check`'s
/// output goes. [`OutputFormat::shape`] is the one place that says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Lines of text ending in the summary line (and the statistics table,
    /// when asked for); notes may share their stream.
    Text,
    /// One JSON document.
    JsonDocument,
    /// One JSON object per line.
    JsonLines,
    /// One XML document.
    Xml,
}

impl OutputFormat {
    /// What this format's output is.
    pub fn shape(self) -> Shape {
        match self {
            OutputFormat::Human | OutputFormat::Concise | OutputFormat::Github => Shape::Text,
            OutputFormat::Json
            | OutputFormat::Sarif
            | OutputFormat::Gitlab
            | OutputFormat::Rdjson => Shape::JsonDocument,
            OutputFormat::Jsonl => Shape::JsonLines,
            OutputFormat::Junit => Shape::Xml,
        }
    }

    /// Whether this is a text format (its own summary line says what was
    /// fixed; the statistics table ends it).
    pub fn is_text(self) -> bool {
        self.shape() == Shape::Text
    }

    /// Whether the output holds the `--statistics` counts itself: a text
    /// format's table, or JSON's `summary.by_rule`. The other formats leave
    /// them to standard error, so that standard output stays parseable.
    pub fn holds_statistics(self) -> bool {
        self.is_text() || self == OutputFormat::Json
    }
}

/// What every renderer may need to know about the run.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Message language (summary lines, rule descriptions).
    pub lang: Lang,
    /// Use ANSI colours (human and concise output).
    pub color: bool,
    /// Width of human output in terminal columns: messages wrap at it, and
    /// source lines wider than it are cut to a window around the flagged
    /// text (0: 100 columns).
    pub width: usize,
    /// Metadata of the rules that run (SARIF's rule table).
    pub rules: Vec<RuleMeta>,
    /// The version written into tool descriptions.
    pub version: &'static str,
}

impl RenderOptions {
    /// The options for the findings of a run of `linter`: in `lang`, with
    /// the metadata of the rules it runs and this version.
    pub fn for_linter(linter: &Linter, lang: Lang, color: bool, width: usize) -> Self {
        let selection = &linter.options().selection;
        RenderOptions {
            lang,
            color,
            width,
            rules: linter
                .registry()
                .metas()
                .filter(|meta| selection.is_enabled(meta))
                .cloned()
                .collect(),
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// The totals given to a renderer at the end.
#[derive(Debug, Clone, Copy)]
pub struct Totals<'a> {
    /// Counts over the run.
    pub summary: &'a Summary,
    /// Counts per rule, when `--statistics` asked for them.
    pub by_rule: Option<&'a [RuleCount]>,
}

/// One output format, fed file by file.
pub trait Renderer {
    /// Writes what comes before the first file.
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()>;
    /// Writes one file's diagnostics.
    fn file(&mut self, out: &mut dyn Write, result: &FileResult) -> io::Result<()>;
    /// Writes what comes after the last file.
    fn finish(&mut self, out: &mut dyn Write, totals: &Totals<'_>) -> io::Result<()>;
}

/// The renderer of a format.
pub fn renderer(format: OutputFormat, options: RenderOptions) -> Box<dyn Renderer> {
    match format {
        OutputFormat::Human => Box::new(human::Human::new(options)),
        OutputFormat::Concise => Box::new(concise::Concise::new(options)),
        OutputFormat::Json => Box::new(json::Json::default()),
        OutputFormat::Jsonl => Box::new(jsonl::Jsonl),
        OutputFormat::Sarif => Box::new(sarif::Sarif::new(options)),
        OutputFormat::Github => Box::new(github::Github::new(options)),
        OutputFormat::Gitlab => Box::new(gitlab::Gitlab::new(options)),
        OutputFormat::Junit => Box::new(junit::Junit::new(options)),
        OutputFormat::Rdjson => Box::new(rdjson::Rdjson::new(options)),
    }
}

/// Renders a finished batch into a string (for tests and embedders; the CLI streams).
pub fn render_to_string(
    format: OutputFormat,
    options: RenderOptions,
    results: &[FileResult],
    summary: &Summary,
) -> String {
    let mut renderer = renderer(format, options);
    let mut out = Vec::new();
    let written = renderer.start(&mut out).and_then(|()| {
        for result in results {
            renderer.file(&mut out, result)?;
        }
        renderer.finish(
            &mut out,
            &Totals {
                summary,
                by_rule: None,
            },
        )
    });
    written.expect("writing to memory cannot fail");
    String::from_utf8(out).expect("renderers write UTF-8")
}
