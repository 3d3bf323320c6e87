//! `disclint report --format csv`: one row per finding (RFC 4180).
//!
//! The file starts with a UTF-8 byte-order mark: Excel opens a CSV file
//! without one in the system's legacy code page (GBK on a Chinese Windows),
//! which turns every Chinese character into mojibake; with the mark it reads
//! UTF-8. Records end in CRLF, fields holding a comma, a quote or a line
//! break are quoted with quotes doubled, and a field that would start with
//! `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so
//! that a spreadsheet shows it as text instead of running it as a formula
//! (a file name or a report's text can start that way).

use super::batch::Batch;
use super::tables::{findings, Table};

/// The UTF-8 byte-order mark.
const BOM: &str = "\u{FEFF}";

/// The findings of `batch` as CSV: a header, then one record per finding.
pub fn write_csv(batch: &Batch) -> Vec<u8> {
    table_csv(&findings(batch)).into_bytes()
}

/// A table as CSV text, with the byte-order mark.
fn table_csv(table: &Table) -> String {
    let mut out = String::from(BOM);
    record(&mut out, table.headers.iter().map(String::as_str));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|cell| cell.text()).collect();
        record(&mut out, cells.iter().map(String::as_str));
    }
    out
}

/// Appends one record and its CRLF.
fn record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        field_into(out, field);
    }
    out.push_str("\r\n");
}

/// Appends one field, guarded against formulas and quoted where needed.
fn field_into(out: &mut String, field: &str) {
    let guard = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = field.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> String {
        let mut out = String::new();
        field_into(&mut out, text);
        out
    }

    #[test]
    fn fields_are_quoted_and_guarded() {
        assert_eq!(field("白石镇"), "白石镇");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("说“是\"的"), "\"说“是\"\"的\"");
        assert_eq!(field("两\n行"), "\"两\n行\"");
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("-x,y"), "\"'-x,y\"");
        assert_eq!(field(""), "");
    }

    #[test]
    fn tables_start_with_the_mark_and_end_records_in_crlf() {
        let table = Table {
            headers: vec!["文件".into(), "行".into()],
            rows: vec![vec!["a.txt".into(), 3usize.into()]],
        };
        assert_eq!(table_csv(&table), "\u{FEFF}文件,行\r\na.txt,3\r\n");
    }
}
