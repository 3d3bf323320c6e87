//! Writing one big pretty-printed JSON document piece by piece.

use std::io::{self, Write};

use serde::Serialize;

/// `value` pretty-printed, every line after the first indented by `indent` spaces,
/// so it can be placed inside an enclosing document at that depth.
pub fn indented(value: &impl Serialize, indent: usize) -> String {
    let text = serde_json::to_string_pretty(value).expect("JSON of plain data");
    let pad = " ".repeat(indent);
    text.replace('\n', &format!("\n{pad}"))
}

/// The elements of a JSON array written one at a time, at a fixed depth.
#[derive(Debug, Clone, Default)]
pub struct ArrayWriter {
    written: usize,
}

impl ArrayWriter {
    /// Writes one element, `indent` spaces deep, after a comma if needed.
    pub fn item(
        &mut self,
        out: &mut dyn Write,
        value: &impl Serialize,
        indent: usize,
    ) -> io::Result<()> {
        let separator = if self.written == 0 { "\n" } else { ",\n" };
        self.written += 1;
        write!(
            out,
            "{separator}{}{}",
            " ".repeat(indent),
            indented(value, indent)
        )
    }

    /// Closes the array whose `[` stands `indent` spaces deep (`[]` when empty).
    pub fn close(&self, out: &mut dyn Write, indent: usize) -> io::Result<()> {
        if self.written == 0 {
            write!(out, "]")
        } else {
            write!(out, "\n{}]", " ".repeat(indent))
        }
    }
}
