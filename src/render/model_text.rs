//! The report model for people (`disclint parse` in a terminal, or with
//! `--format human`): what disclint read — title, year, edition, period,
//! sections, and each table as a grid of its row and column labels with
//! the value of every cell — the first thing to look at when a finding
//! seems wrong. Columns are aligned by display width (a Chinese character
//! takes two); a table with more columns than rows is shown turned, one
//! column a line.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::model::{Format, Report, Table, TableRow, Value};
use crate::pack::TableSpec;
use crate::render::visible;
use crate::source::SourceFile;
use crate::{tr, Lang};

/// The narrowest the row labels are cut to, however narrow the output.
const MIN_LABEL_WIDTH: usize = 16;

/// Spaces between the columns of a grid.
const GAP: usize = 2;

/// The model of one report as text for a terminal `width` columns wide.
pub fn model_text(
    source: &SourceFile,
    report: &Report,
    format: &Format,
    lang: Lang,
    width: usize,
) -> String {
    let line = |offset: usize| source.position(offset).line;
    let at = |offset: usize| tr!(lang, "（第 {} 行）", " (line {})", line(offset));
    let none = lang.pick("（未找到）", "(not found)");
    let mut out = String::new();
    let mut fact = |name: &str, value: String| {
        let _ = writeln!(out, "{}", tr!(lang, "{}：{}", "{}: {}", name, value));
    };
    fact(
        lang.pick("文件", "file"),
        format!("{} ({})", visible(&source.path), source.encoding.as_str()),
    );
    let title = report.title.as_ref();
    fact(
        lang.pick("标题", "title"),
        title.map_or(none.to_owned(), |t| {
            format!("{}{}", visible(&t.text), at(t.span.offset))
        }),
    );
    fact(
        lang.pick("机关", "agency"),
        title
            .and_then(|t| t.agency.as_ref())
            .map_or(none.to_owned(), |a| visible(&a.value).into_owned()),
    );
    let year_source = report.year_source.map(|source| match source {
        crate::model::YearSource::Title => lang.pick("标题", "the title"),
        crate::model::YearSource::Period => lang.pick("统计期间", "the period"),
        crate::model::YearSource::Text => lang.pick("正文", "the text"),
    });
    fact(
        lang.pick("年度", "year"),
        match (report.year_value(), year_source) {
            (Some(year), Some(from)) => tr!(lang, "{}（取自{}）", "{} (from {})", year, from),
            (Some(year), None) => year.to_string(),
            _ => none.to_owned(),
        },
    );
    fact(lang.pick("格式版本", "edition"), report.edition.to_string());
    fact(
        lang.pick("统计期间", "period"),
        report.period.as_ref().map_or(none.to_owned(), |p| {
            let line = line(p.span.offset);
            let text = visible(&p.text);
            match (p.start_iso(), p.end_iso()) {
                (Some(start), Some(end)) => tr!(
                    lang,
                    "{}（{} 至 {}，第 {} 行）",
                    "{} ({} to {}, line {})",
                    text,
                    start,
                    end,
                    line
                ),
                _ => format!("{text}{}", at(p.span.offset)),
            }
        }),
    );
    out.push_str(&sections(source, report, format, lang));
    for spec in format.tables.iter().map(|t| &t.spec) {
        out.push('\n');
        let read = report.tables.iter().find(|t| t.kind == spec.kind.as_str());
        match read.filter(|t| !t.rows.is_empty()) {
            Some(table) => out.push_str(&table_text(source, table, spec, lang, width)),
            None => {
                let _ = writeln!(
                    out,
                    "{}",
                    tr!(lang, "表：{}（未找到）", "table: {} (not found)", spec.name)
                );
            }
        }
    }
    if !report.tables.is_empty() {
        out.push_str(legend(lang));
    }
    out
}

/// The sections found, with their subsections, and those of the format not found.
fn sections(source: &SourceFile, report: &Report, format: &Format, lang: Lang) -> String {
    let line = |offset: usize| source.position(offset).line;
    let mut out = tr!(lang, "\n各部分：\n", "\nsections:\n");
    for section in &report.sections {
        let _ = writeln!(
            out,
            "  {:>4}  {}",
            line(section.heading.span.offset),
            visible(&section.heading.value)
        );
        for sub in &section.subsections {
            let _ = writeln!(
                out,
                "  {:>4}    {}",
                line(sub.heading.span.offset),
                visible(&sub.heading.value)
            );
        }
    }
    let missing: Vec<String> = format
        .sections
        .iter()
        .filter(|spec| !report.sections.iter().any(|s| s.kind == spec.kind))
        .map(|spec| spec.heading.clone())
        .collect();
    out.push_str(&missing_line(
        lang.pick("未找到", "not found"),
        &missing,
        lang.pick("；", "; "),
        lang,
    ));
    out
}

/// A line naming what was not found, `between` the names; none when
/// nothing is missing.
fn missing_line(what: &str, missing: &[String], between: &str, lang: Lang) -> String {
    if missing.is_empty() {
        return String::new();
    }
    tr!(
        lang,
        "  {}：{}\n",
        "  {}: {}\n",
        what,
        missing.join(between)
    )
}

/// What a cell shows: its number or text, or a mark for a blank, an
/// invalid or a missing cell; nothing for a column the row does not have.
fn cell(row: Option<&TableRow>, column: &str, has_column: bool, lang: Lang) -> String {
    if !has_column {
        return String::new();
    }
    let Some(row) = row else {
        return String::new();
    };
    match row
        .values
        .iter()
        .find(|v| v.column == column)
        .map(|v| &v.value)
    {
        Some(Value::Integer(n) | Value::Decimal(n)) => n.to_string(),
        Some(Value::Text(text)) => visible(text).into_owned(),
        Some(Value::Blank) => lang.pick("[空]", "[blank]").to_owned(),
        Some(Value::Invalid(text)) => {
            tr!(lang, "[无效:{}]", "[invalid: {}]", visible(text))
        }
        None => lang.pick("[缺]", "[missing]").to_owned(),
    }
}

/// `text` cut to `width` display columns, with `…` where it was cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Pads `text` with spaces to `width` display columns, on the right
/// (`left`) or the left.
fn pad(text: &str, width: usize, left: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(text.width()));
    if left {
        format!("{text}{fill}")
    } else {
        format!("{fill}{text}")
    }
}

/// Writes rows of cells as aligned columns: the first left-aligned (cut to
/// what `width` leaves it, but not below [`MIN_LABEL_WIDTH`]), the others
/// right-aligned.
fn grid(rows: &[Vec<String>], width: usize) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let values: usize = widths.iter().skip(1).map(|w| w + GAP).sum();
    let label = widths
        .first()
        .copied()
        .unwrap_or(0)
        .min(width.saturating_sub(values + 2).max(MIN_LABEL_WIDTH));
    let mut out = String::new();
    for row in rows {
        let mut line = String::from("  ");
        for (c, text) in row.iter().enumerate() {
            if c == 0 {
                line.push_str(&pad(&fit(text, label), label, true));
            } else {
                line.push_str(&" ".repeat(GAP));
                line.push_str(&pad(text, widths[c], false));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// One table: its name and line, then its grid (turned when it has more
/// columns than rows), then a line for the rows not read.
fn table_text(
    source: &SourceFile,
    table: &Table,
    spec: &TableSpec,
    lang: Lang,
    width: usize,
) -> String {
    let line = source.position(table.span.offset).line;
    let mut out = tr!(
        lang,
        "表：{}（第 {} 行起）\n",
        "table: {} (from line {})\n",
        spec.name,
        line
    );
    let rows: Vec<_> = spec.rows.iter().filter(|r| !r.group).collect();
    let found = |id: &str| table.rows.iter().find(|r| r.id == id);
    let has = |row: &crate::pack::RowSpec, column: &str| {
        spec.row_columns(row).iter().any(|c| c.id == column)
    };
    let mut cells: Vec<Vec<String>> = Vec::new();
    if spec.columns.len() > rows.len() {
        // Turned: one line per column (its label and id), one column per row.
        let mut header = vec![String::new()];
        header.extend(rows.iter().map(|r| r.short_name()));
        cells.push(header);
        for column in &spec.columns {
            let mut line = vec![format!("{} {}", column.short_name(), column.id)];
            line.extend(
                rows.iter()
                    .map(|r| cell(found(r.id.as_str()), &column.id, has(r, &column.id), lang)),
            );
            cells.push(line);
        }
    } else {
        let mut header = vec![String::new()];
        header.extend(spec.columns.iter().map(|c| c.short_name()));
        cells.push(header);
        for row in &spec.rows {
            let mut line = vec![row.label.clone()];
            if !row.group {
                let read = found(row.id.as_str());
                line.extend(
                    spec.columns
                        .iter()
                        .map(|c| cell(read, &c.id, has(row, &c.id), lang)),
                );
            }
            cells.push(line);
        }
    }
    if cells[0].iter().all(String::is_empty) {
        cells.remove(0);
    }
    out.push_str(&grid(&cells, width));
    let missing: Vec<String> = rows
        .iter()
        .filter(|r| found(r.id.as_str()).is_none())
        .map(|r| match r.short_name() {
            name if name.is_empty() => r.id.to_string(),
            name => name,
        })
        .collect();
    out.push_str(&missing_line(
        lang.pick("未读到的行", "rows not read"),
        &missing,
        lang.pick("、", ", "),
        lang,
    ));
    out
}

/// What the marks of the grids mean.
fn legend(lang: Lang) -> &'static str {
    lang.pick(
        "\n[空]：空白、“/”或“-”（按 0 计）；[无效:…]：读不成数字的内容；[缺]：该行少了这一格\n",
        "\n[blank]: empty, `/` or `-` (counted as 0); [invalid: …]: not a number; [missing]: the row lacks the cell\n",
    )
}
