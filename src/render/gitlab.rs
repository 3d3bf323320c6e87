//! `--format gitlab`: a GitLab Code Quality report (a JSON array of issues).
//!
//! Severities: error → `major`, warning → `minor`, info → `info`. The
//! fingerprint hashes the rule, the path and the flagged text with its line
//! (not the line number), so it is stable across runs and edits elsewhere;
//! repeats of the same finding in a file get `-2`, `-3`… appended. An issue
//! has one location: the places in other files that explain a finding (last
//! year's report, another agency's) are lines of its description.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use super::human::related_text;
use super::stream::ArrayWriter;
use super::{Record, RenderOptions, Renderer, Totals};
use crate::diagnostic::Severity;
use crate::fingerprint::{fingerprint, path_key};
use crate::run::FileResult;
use crate::Lang;

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

/// The Code Quality array, written issue by issue.
#[derive(Debug)]
pub struct Gitlab {
    issues: ArrayWriter,
    lang: Lang,
}

impl Gitlab {
    /// A renderer in the options' language (for the places in other files).
    pub fn new(options: RenderOptions) -> Self {
        Self {
            issues: ArrayWriter::default(),
            lang: options.lang,
        }
    }
}

impl Renderer for Gitlab {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "[")
    }

    fn file(&mut self, out: &mut dyn Write, result: &FileResult) -> io::Result<()> {
        let key = path_key(&result.path);
        let mut seen: HashMap<String, usize> = HashMap::new();
        for diagnostic in &result.diagnostics {
            let record = Record::new(&result.path, diagnostic, result.source.as_ref());
            let base = fingerprint(&key, diagnostic, result.source.as_ref());
            let repeat = seen.entry(base.clone()).or_insert(0);
            *repeat += 1;
            let fingerprint = if *repeat == 1 {
                base
            } else {
                format!("{base}-{repeat}")
            };
            let mut description = format!("{} {}", diagnostic.code, diagnostic.message);
            for related in &diagnostic.related {
                description.push_str("\n↪ ");
                description.push_str(&related_text(related, &related.path, self.lang));
            }
            let issue = Issue {
                kind: "issue",
                description,
                check_name: format!("{} {}", diagnostic.code, diagnostic.name),
                fingerprint,
                severity: match diagnostic.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                location: Location {
                    path: &result.path,
                    lines: Lines {
                        begin: record.start.line,
                        end: record.end.line,
                    },
                },
            };
            self.issues.item(out, &issue, 2)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals<'_>) -> io::Result<()> {
        self.issues.close(out, 0)?;
        writeln!(out)
    }
}
