//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other
//! viewers. Columns and character offsets count Unicode code points
//! (`columnKind: unicodeCodePoints`) of the decoded text.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::stream::{indented, ArrayWriter};
use super::{Place, Record};
use super::{RenderOptions, Renderer, Totals};
use crate::diagnostic::{Applicability, Severity};
use crate::fingerprint::{fingerprint, path_key};
use crate::rules::RuleMeta;
use crate::run::FileResult;
use crate::source::SourceFile;
use crate::Lang;

/// The schema the output declares.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: `/` separators, everything but
/// unreserved characters and `/` percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn rule_descriptor(meta: &RuleMeta, lang: Lang) -> Value {
    let markdown = format!(
        "{}\n\n**{}** {}\n\n```text\n{}\n```\n\n```text\n{}\n```",
        meta.explanation(lang),
        lang.pick("依据：", "Basis:"),
        meta.basis,
        meta.bad_example,
        meta.good_example
    );
    json!({
        "id": meta.code,
        "name": meta.name,
        "shortDescription": { "text": meta.summary(lang) },
        "fullDescription": { "text": meta.explanation(lang) },
        "defaultConfiguration": {
            "enabled": meta.default_enabled,
            "level": level(meta.severity),
        },
        "help": { "text": meta.explanation(lang), "markdown": markdown },
        "properties": { "tags": [meta.family.name()] },
    })
}

/// The character offset of every line start, so that a place becomes a
/// character offset without counting from the start of the text each time.
struct LineChars(Vec<usize>);

impl LineChars {
    fn new(source: Option<&SourceFile>) -> Self {
        let Some(source) = source else {
            return Self(vec![0]);
        };
        let (text, lines) = (source.text.as_str(), &source.lines);
        let count = lines.line_count();
        let mut starts = Vec::with_capacity(count);
        let mut chars = 0;
        for line in 0..count {
            starts.push(chars);
            let start = lines.line_start(line).min(text.len());
            let end = if line + 1 < count {
                lines.line_start(line + 1).min(text.len())
            } else {
                text.len()
            };
            chars += text.get(start..end).map_or(0, |t| t.chars().count());
        }
        Self(starts)
    }

    /// The 0-based character offset of a place.
    fn offset(&self, place: Place) -> usize {
        self.0.get(place.line - 1).copied().unwrap_or(0) + place.column - 1
    }

    fn region(&self, start: Place, end: Place) -> Value {
        let (from, to) = (self.offset(start), self.offset(end));
        json!({
            "startLine": start.line,
            "startColumn": start.column,
            "endLine": end.line,
            "endColumn": end.column,
            "charOffset": from,
            "charLength": to.saturating_sub(from),
        })
    }
}

/// The SARIF log: the rule table up front, then results as files finish.
pub struct Sarif {
    options: RenderOptions,
    results: ArrayWriter,
}

impl Sarif {
    /// A renderer describing the options' rules in their language.
    pub fn new(options: RenderOptions) -> Self {
        Self {
            options,
            results: ArrayWriter::default(),
        }
    }

    fn result(&self, record: &Record<'_>, result: &FileResult, chars: &LineChars) -> Value {
        let diagnostic = record.diagnostic;
        let location = |start: Place, end: Place| {
            json!({
                "artifactLocation": { "uri": uri(&result.path) },
                "region": chars.region(start, end),
            })
        };
        let mut text = diagnostic.message.clone();
        if let Some(help) = &diagnostic.help {
            text.push('\n');
            text.push_str(help);
        }
        let mut value = json!({
            "ruleId": diagnostic.code,
            "level": level(diagnostic.severity),
            "message": { "text": text },
            "locations": [{ "physicalLocation": location(record.start, record.end) }],
            "partialFingerprints": {
                "disclint/v1": fingerprint(&path_key(&result.path), diagnostic, result.source.as_ref()),
            },
        });
        if let Some(index) = self
            .options
            .rules
            .iter()
            .position(|m| m.code == diagnostic.code)
        {
            value["ruleIndex"] = json!(index);
        }
        if !diagnostic.labels.is_empty() || !diagnostic.related.is_empty() {
            let source = result.source.as_ref();
            let labels = diagnostic.labels.iter().map(|label| {
                (
                    &label.message,
                    location(
                        Place::at(source, label.span.offset),
                        Place::at(source, label.span.end()),
                    ),
                )
            });
            // A place in another file: its line and column, in its own artifact.
            let elsewhere = diagnostic.related.iter().map(|related| {
                (
                    &related.message,
                    json!({
                        "artifactLocation": { "uri": uri(&related.path) },
                        "region": { "startLine": related.line, "startColumn": related.column },
                    }),
                )
            });
            value["relatedLocations"] = labels
                .chain(elsewhere)
                .enumerate()
                .map(|(id, (message, physical))| {
                    json!({
                        "id": id,
                        "message": { "text": message },
                        "physicalLocation": physical,
                    })
                })
                .collect();
        }
        if let Some(fix) = &diagnostic.fix {
            let description = match fix.applicability {
                Applicability::Safe => "safe fix (disclint check --fix)",
                Applicability::Unsafe => "unsafe fix (disclint check --fix --unsafe-fixes)",
            };
            let replacements: Vec<Value> = record
                .edits
                .iter()
                .map(|edit| {
                    json!({
                        "deletedRegion": {
                            "charOffset": chars.offset(edit.start),
                            "charLength": chars.offset(edit.end).saturating_sub(chars.offset(edit.start)),
                        },
                        "insertedContent": { "text": edit.replacement },
                    })
                })
                .collect();
            value["fixes"] = json!([{
                "description": { "text": description },
                "artifactChanges": [{
                    "artifactLocation": { "uri": uri(&result.path) },
                    "replacements": replacements,
                }],
            }]);
        }
        value
    }
}

impl Renderer for Sarif {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let lang = self.options.lang;
        let tool = json!({
            "driver": {
                "name": "disclint",
                "version": self.options.version,
                "semanticVersion": self.options.version,
                "rules": self.options.rules.iter().map(|m| rule_descriptor(m, lang)).collect::<Vec<_>>(),
            }
        });
        write!(
            out,
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
            indented(&tool, 6)
        )
    }

    fn file(&mut self, out: &mut dyn Write, result: &FileResult) -> io::Result<()> {
        if result.diagnostics.is_empty() {
            return Ok(());
        }
        let chars = LineChars::new(result.source.as_ref());
        for diagnostic in &result.diagnostics {
            let record = Record::new(&result.path, diagnostic, result.source.as_ref());
            let value = self.result(&record, result, &chars);
            self.results.item(out, &value, 8)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals<'_>) -> io::Result<()> {
        self.results.close(out, 6)?;
        writeln!(out, "\n    }}\n  ]\n}}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets_count_characters_across_lines() {
        let source = SourceFile::from_text("a", "标题\r\n期限为2023年\n\r末");
        let chars = LineChars::new(Some(&source));
        for needle in ["2023", "末", "标"] {
            let offset = source.text.find(needle).unwrap();
            let place = Place::at(Some(&source), offset);
            assert_eq!(
                chars.offset(place),
                source.text[..offset].chars().count(),
                "{needle}"
            );
        }
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("报告 1.txt"), "%E6%8A%A5%E5%91%8A%201.txt");
        assert_eq!(uri("dir\\a-b_c.txt"), "dir/a-b_c.txt");
    }
}
