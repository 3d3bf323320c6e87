//! Writes a report with Markdown tables (`synth_report … markdown`, or a
//! hand-edited one) as an HTML page whose three tables have the official
//! layout, merged cells and all, for making PDF fixtures:
//!
//! ```text
//! cargo run -q --example report_html -- report.txt > report.html
//! soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf report.html
//! ```
//!
//! Paragraphs become `<p>` (indented, headings not); the cells of each table
//! are taken from the Markdown rows by their first cell (a label), so a
//! blank cell stays blank. Every page gets a `— N —` page number at its foot.

use std::collections::HashMap;
use std::fmt::Write as _;

use disclint::pack::{PackSet, TableSpec};

fn main() {
    let path = std::env::args().nth(1).expect("a report file");
    let text = std::fs::read_to_string(&path).expect("a readable report");
    print!("{}", page(&text));
}

fn spec(kind: &str) -> &'static TableSpec {
    PackSet::builtin()
        .packs()
        .iter()
        .filter(|pack| pack.pack.name == "format-2021")
        .flat_map(|pack| pack.tables.iter())
        .find(|table| table.kind.as_str() == kind)
        .expect("the 2021 pack has the table")
}

/// The cells of a Markdown row: `| a | 1 |  |` → `["a", "1", ""]`.
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_owned()).collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn page(text: &str) -> String {
    let mut html = String::from(concat!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n",
        "<style>body { font-family: \"WenQuanYi Zen Hei\"; font-size: 12pt; } ",
        "p { margin: 0 0 4pt 0; } td { border: 1px solid #000; font-size: 9pt; padding: 2pt; }</style>\n",
        "</head><body>\n",
        "<div title=\"footer\"><p align=\"center\">— <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> —</p></div>\n",
    ));
    let lines: Vec<&str> = text.lines().collect();
    let mut section = "";
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        if line.starts_with('|') {
            let mut rows: Vec<Vec<String>> = Vec::new();
            while index < lines.len() && lines[index].starts_with('|') {
                rows.push(cells(lines[index]));
                index += 1;
            }
            let table = match section {
                "二" => active(&rows),
                "三" => applications(&rows),
                _ => review(&rows),
            };
            html.push_str(&table);
            continue;
        }
        for numeral in ["一", "二", "三", "四", "五", "六"] {
            if line.starts_with(&format!("{numeral}、")) {
                section = numeral;
            }
        }
        let heading = index == 0
            || line.starts_with(['一', '二', '三', '四', '五', '六'])
            || line.starts_with('(');
        let style = if heading {
            ""
        } else {
            " style=\"text-indent: 2em\""
        };
        let _ = writeln!(html, "<p{style}>{}</p>", escape(line));
        index += 1;
    }
    html.push_str("</body></html>\n");
    html
}

/// Rows by their first cell, the rest of their cells as values.
fn by_label(rows: &[Vec<String>]) -> HashMap<&str, &[String]> {
    rows.iter()
        .filter_map(|row| row.split_first())
        .map(|(first, rest)| (first.as_str(), rest))
        .collect()
}

fn td(html: &mut String, text: &str, columns: usize, rows: usize) {
    let mut attributes = String::new();
    if columns > 1 {
        let _ = write!(attributes, " colspan=\"{columns}\"");
    }
    if rows > 1 {
        let _ = write!(attributes, " rowspan=\"{rows}\"");
    }
    let _ = write!(html, "<td{attributes}>{}</td>", escape(text));
}

fn active(rows: &[Vec<String>]) -> String {
    let spec = spec("active_disclosure");
    let values = by_label(rows);
    let mut html = String::from("<table cellspacing=\"0\">\n");
    let mut caption = None;
    for row in &spec.rows {
        let columns = spec.row_columns(row);
        if row.caption != caption {
            caption = row.caption.clone();
            html.push_str("<tr>");
            td(&mut html, caption.as_deref().unwrap_or_default(), 4, 1);
            html.push_str("</tr>\n<tr>");
            td(&mut html, "信息内容", 1, 1);
            for column in &columns {
                td(&mut html, &column.label, 4 - columns.len().min(3), 1);
            }
            html.push_str("</tr>\n");
        }
        html.push_str("<tr>");
        td(&mut html, &row.label, 1, 1);
        let cells = values.get(row.label.as_str()).copied().unwrap_or_default();
        for i in 0..columns.len() {
            let value = cells.get(i).map_or("", String::as_str);
            td(&mut html, value, 4 - columns.len().min(3), 1);
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</table>\n");
    html
}

fn applications(rows: &[Vec<String>]) -> String {
    let spec = spec("applications");
    let values = by_label(rows);
    let labels: Vec<&str> = spec.columns.iter().map(|c| c.label.as_str()).collect();
    let mut html = String::from("<table cellspacing=\"0\">\n<tr>");
    td(&mut html, &spec.headers[0], 3, 3);
    td(&mut html, "申请人情况", 7, 1);
    html.push_str("</tr>\n<tr>");
    td(&mut html, labels[0], 1, 2);
    td(&mut html, "法人或其他组织", 5, 1);
    td(&mut html, labels[6], 1, 2);
    html.push_str("</tr>\n<tr>");
    for label in &labels[1..6] {
        td(&mut html, label, 1, 1);
    }
    html.push_str("</tr>\n");
    let mut open = true;
    for (index, row) in spec.rows.iter().enumerate() {
        let depth = row.id.matches('.').count();
        if open {
            html.push_str("<tr>");
        }
        if row.group {
            let prefix = format!("{}.", row.id);
            let span = spec.rows[index + 1..]
                .iter()
                .take_while(|r| r.id.starts_with(&prefix))
                .filter(|r| !r.group)
                .count();
            td(&mut html, &row.label, 1, span);
            open = false;
            continue;
        }
        td(&mut html, &row.label, 3 - depth, 1);
        let cells = values.get(row.label.as_str()).copied().unwrap_or_default();
        for i in 0..7 {
            td(&mut html, cells.get(i).map_or("", String::as_str), 1, 1);
        }
        html.push_str("</tr>\n");
        open = true;
    }
    html.push_str("</table>\n");
    html
}

fn review(rows: &[Vec<String>]) -> String {
    let values = rows
        .iter()
        .find(|row| row.len() == 15)
        .cloned()
        .unwrap_or_default();
    let mut html = String::from("<table cellspacing=\"0\">\n<tr>");
    td(&mut html, "行政复议", 5, 2);
    td(&mut html, "行政诉讼", 10, 1);
    html.push_str("</tr>\n<tr>");
    td(&mut html, "未经复议直接起诉", 5, 1);
    td(&mut html, "复议后起诉", 5, 1);
    html.push_str("</tr>\n<tr>");
    for _ in 0..3 {
        for label in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
            td(&mut html, label, 1, 1);
        }
    }
    html.push_str("</tr>\n<tr>");
    for value in &values {
        td(&mut html, value, 1, 1);
    }
    html.push_str("</tr>\n</table>\n");
    html
}
