//! `--format rdjson`: reviewdog's Diagnostic Format (one `DiagnosticResult`).
//! Columns are 1-based UTF-8 byte counts, as reviewdog expects; fixes become
//! `suggestions`, so `reviewdog -f=rdjson` can propose them in a review.
//! Places in other files that explain a finding (last year's report, another
//! agency's) are its `related_locations`, at their line (their column is
//! counted in characters, not the bytes reviewdog counts, so it is left out).

use std::io::{self, Write};

use serde::Serialize;

use super::stream::ArrayWriter;
use super::{Place, Record, RenderOptions, Renderer, Totals};
use crate::diagnostic::Severity;
use crate::run::FileResult;
use crate::Lang;

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

impl From<Place> for Position {
    fn from(place: Place) -> Self {
        Position {
            line: place.line,
            column: place.byte_column,
        }
    }
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    range: Range,
}

/// A place in another file: reviewdog's `RelatedLocation`.
#[derive(Serialize)]
struct RelatedLocation<'a> {
    message: String,
    location: RelatedPlace<'a>,
}

#[derive(Serialize)]
struct RelatedPlace<'a> {
    path: &'a str,
    range: LineRange,
}

#[derive(Serialize)]
struct LineRange {
    start: Line,
}

#[derive(Serialize)]
struct Line {
    line: usize,
}

#[derive(Serialize)]
struct Code<'a> {
    value: &'a str,
}

#[derive(Serialize)]
struct Suggestion<'a> {
    range: Range,
    text: &'a str,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
}

#[derive(Serialize)]
struct RdDiagnostic<'a> {
    message: String,
    location: Location<'a>,
    severity: &'static str,
    source: Source,
    code: Code<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<Suggestion<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation<'a>>,
}

/// The `DiagnosticResult` document, written diagnostic by diagnostic.
#[derive(Debug)]
pub struct Rdjson {
    diagnostics: ArrayWriter,
    lang: Lang,
}

impl Rdjson {
    /// A renderer in the options' language (for the places in other files).
    pub fn new(options: RenderOptions) -> Self {
        Self {
            diagnostics: ArrayWriter::default(),
            lang: options.lang,
        }
    }
}

impl Renderer for Rdjson {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(
            out,
            "{{\n  \"source\": {{\n    \"name\": \"disclint\"\n  }},\n  \"diagnostics\": ["
        )
    }

    fn file(&mut self, out: &mut dyn Write, result: &FileResult) -> io::Result<()> {
        for diagnostic in &result.diagnostics {
            let record = Record::new(&result.path, diagnostic, result.source.as_ref());
            let mut message = diagnostic.message.clone();
            if let Some(help) = &diagnostic.help {
                message.push('\n');
                message.push_str(help);
            }
            let item = RdDiagnostic {
                message,
                location: Location {
                    path: &result.path,
                    range: Range {
                        start: record.start.into(),
                        end: record.end.into(),
                    },
                },
                severity: match diagnostic.severity {
                    Severity::Error => "ERROR",
                    Severity::Warning => "WARNING",
                    Severity::Info => "INFO",
                },
                source: Source { name: "disclint" },
                code: Code {
                    value: &diagnostic.code,
                },
                suggestions: record
                    .edits
                    .iter()
                    .map(|edit| Suggestion {
                        range: Range {
                            start: edit.start.into(),
                            end: edit.end.into(),
                        },
                        text: edit.replacement,
                    })
                    .collect(),
                related_locations: diagnostic
                    .related
                    .iter()
                    .map(|related| RelatedLocation {
                        message: match &related.location {
                            Some(location) => {
                                format!("{} · {}", location.describe(self.lang), related.message)
                            }
                            None => related.message.clone(),
                        },
                        location: RelatedPlace {
                            path: &related.path,
                            range: LineRange {
                                start: Line { line: related.line },
                            },
                        },
                    })
                    .collect(),
            };
            self.diagnostics.item(out, &item, 4)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals<'_>) -> io::Result<()> {
        self.diagnostics.close(out, 2)?;
        writeln!(out, "\n}}")
    }
}
