//! `--format jsonl`: one JSON object per diagnostic per line (the v1
//! diagnostic plus `path`), written as each file finishes.

use std::io::{self, Write};

use super::{Record, Renderer, Totals};
use crate::run::FileResult;

/// One line per diagnostic, nothing else.
pub struct Jsonl;

impl Renderer for Jsonl {
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, out: &mut dyn Write, result: &FileResult) -> io::Result<()> {
        for diagnostic in &result.diagnostics {
            let record = Record::new(&result.path, diagnostic, result.source.as_ref());
            let line = serde_json::to_string(&record).expect("JSON of plain data");
            writeln!(out, "{line}")?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals<'_>) -> io::Result<()> {
        Ok(())
    }
}
