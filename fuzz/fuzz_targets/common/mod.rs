//! Shared by the fuzz targets: linters built once, and every output format
//! rendered into memory and checked. Each target uses part of it.
#![allow(dead_code)]

use std::sync::OnceLock;

use disclint::render::{renderer, OutputFormat, RenderOptions, Totals};
use disclint::rules::{RuleMeta, Selection, Selector};
use disclint::run::{FileResult, Summary};
use disclint::stats::Statistics;
use disclint::{Lang, LintOptions, Linter};

/// A linter with every rule enabled (default-off ones included), in `lang`.
/// Built once per language and process.
pub fn linter(lang: Lang) -> &'static Linter {
    static ZH: OnceLock<Linter> = OnceLock::new();
    static EN: OnceLock<Linter> = OnceLock::new();
    let cell = match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        Linter::new(LintOptions {
            selection: Selection {
                select: Some(vec![Selector::new("ALL")]),
                ..Selection::default()
            },
            lang,
            ..LintOptions::default()
        })
    })
}

/// The message language for an input: both are exercised, chosen by the
/// parity of the length so that the bytes themselves stay unconstrained.
pub fn lang_for(data: &[u8]) -> Lang {
    if data.len() % 2 == 0 {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// The metadata of the enabled rules (SARIF's rule table), built once.
fn enabled_rules(linter: &'static Linter) -> &'static [RuleMeta] {
    static ZH: OnceLock<Vec<RuleMeta>> = OnceLock::new();
    static EN: OnceLock<Vec<RuleMeta>> = OnceLock::new();
    let cell = match linter.options().lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let selection = &linter.options().selection;
        linter
            .registry()
            .metas()
            .filter(|meta| selection.is_enabled(meta))
            .cloned()
            .collect()
    })
}

/// Every format the CLI offers, with the colour settings that change its
/// output (human and concise are rendered both with and without colour).
const FORMATS: &[(OutputFormat, bool)] = &[
    (OutputFormat::Human, false),
    (OutputFormat::Human, true),
    (OutputFormat::Concise, false),
    (OutputFormat::Concise, true),
    (OutputFormat::Json, false),
    (OutputFormat::Jsonl, false),
    (OutputFormat::Sarif, false),
    (OutputFormat::Github, false),
    (OutputFormat::Gitlab, false),
    (OutputFormat::Junit, false),
    (OutputFormat::Rdjson, false),
];

/// Renders one file's result in `format` into memory, the way
/// `disclint check` does (width 100, statistics inline for the text formats
/// and JSON), and returns the output, which must be UTF-8.
fn render(
    linter: &'static Linter,
    result: &FileResult,
    format: OutputFormat,
    color: bool,
) -> String {
    let options = RenderOptions {
        lang: linter.options().lang,
        color,
        width: 100,
        // Only SARIF reads the rule table. The CLI gives it every enabled
        // rule; here it gets the enabled rules that fired (ruleIndex is still
        // looked up), since describing all of them costs more than the rest
        // of an execution and does not depend on the input.
        rules: if format == OutputFormat::Sarif {
            enabled_rules(linter)
                .iter()
                .filter(|meta| result.diagnostics.iter().any(|d| d.code == meta.code))
                .cloned()
                .collect()
        } else {
            Vec::new()
        },
        version: "fuzz",
    };
    let mut summary = Summary::default();
    summary.add(result);
    let mut statistics = Statistics::default();
    for diagnostic in &result.diagnostics {
        statistics.add(diagnostic);
    }
    let by_rule = statistics.sorted();
    let inline = format.is_text() || format == OutputFormat::Json;
    let totals = Totals {
        summary: &summary,
        by_rule: inline.then_some(by_rule.as_slice()),
    };
    let mut renderer = renderer(format, options);
    let mut out = Vec::new();
    renderer
        .start(&mut out)
        .and_then(|()| renderer.file(&mut out, result))
        .and_then(|()| renderer.finish(&mut out, &totals))
        .expect("writing to memory cannot fail");
    String::from_utf8(out).unwrap_or_else(|e| panic!("{format:?} output is not UTF-8: {e}"))
}

fn parse_json(format: OutputFormat, text: &str) -> serde_json::Value {
    serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("{format:?} output is not JSON ({e}):\n{text}"))
}

/// Renders `result` in every format and checks each output: JSON formats
/// parse back (and JSON and JSONL carry every diagnostic), GitHub output has
/// one workflow command per diagnostic, JUnit carries no character XML 1.0
/// forbids, and the text formats end with the summary line.
pub fn render_all(linter: &'static Linter, result: &FileResult) {
    let count = result.diagnostics.len();
    for &(format, color) in FORMATS {
        let text = render(linter, result, format, color);
        match format {
            OutputFormat::Json => {
                let json = parse_json(format, &text);
                let files = json["files"].as_array().expect("files");
                assert_eq!(files.len(), 1, "{text}");
                let diagnostics = files[0]["diagnostics"].as_array().expect("diagnostics");
                assert_eq!(diagnostics.len(), count, "{text}");
                assert_eq!(json["summary"]["files"], 1, "{text}");
            }
            OutputFormat::Jsonl => {
                let lines: Vec<&str> = text.lines().collect();
                assert_eq!(lines.len(), count, "{text}");
                for line in lines {
                    parse_json(format, line);
                }
            }
            OutputFormat::Sarif | OutputFormat::Gitlab | OutputFormat::Rdjson => {
                parse_json(format, &text);
            }
            OutputFormat::Github => {
                let commands = text.lines().filter(|l| l.starts_with("::")).count();
                assert_eq!(commands, count, "{text}");
            }
            OutputFormat::Junit => {
                assert!(text.starts_with("<?xml"), "{text}");
                assert!(text.trim_end().ends_with("</testsuites>"), "{text}");
                assert!(
                    !text
                        .chars()
                        .any(|c| (c < ' ' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}'),
                    "a character XML 1.0 forbids:\n{text}"
                );
            }
            OutputFormat::Human | OutputFormat::Concise => {
                assert!(text.ends_with('\n'), "{text}");
            }
        }
    }
}
