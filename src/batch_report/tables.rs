//! The batch report's figures as tables of cells, for the formats that are
//! tables (CSV, the workbook's sheets): the totals, the rules, the
//! agencies, the findings.

use super::batch::Batch;
use crate::diagnostic::Severity;
use crate::{tr, Lang};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A count.
    Count(u64),
    /// A share in per cent.
    Percent(f64),
    /// Nothing.
    Empty,
}

impl Cell {
    /// The cell as CSV writes it (a share with one decimal).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Percent(p) => format!("{p:.1}"),
            Cell::Empty => String::new(),
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Self {
        Cell::Count(n as u64)
    }
}

/// A table: a header row and rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The column names.
    pub headers: Vec<String>,
    /// The rows, as many cells each as there are headers.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with these column names, each given in Chinese and
    /// English, in `lang`.
    fn new(lang: Lang, headers: &[(&str, &str)]) -> Table {
        Table {
            headers: headers
                .iter()
                .map(|(zh, en)| lang.pick(zh, en).to_owned())
                .collect(),
            rows: Vec::new(),
        }
    }
}

/// A severity's name in `lang`.
pub fn severity_name(severity: Severity, lang: Lang) -> &'static str {
    lang.pick(severity.zh(), severity.as_str())
}

/// The totals: files, files checked, files not read, agencies, findings by
/// severity (as `check --format json`'s `summary`).
pub fn totals(batch: &Batch) -> Table {
    let lang = batch.lang;
    let summary = &batch.summary;
    let mut table = Table::new(lang, &[("项目", "item"), ("数量", "count")]);
    for (name, count) in [
        (lang.pick("报告文件", "files"), summary.files),
        (lang.pick("已检查", "checked"), summary.checked()),
        (lang.pick("无法读取", "unreadable"), summary.unreadable),
        (lang.pick("机关", "agencies"), batch.agency_count()),
        (lang.pick("错误", "errors"), summary.errors),
        (lang.pick("警告", "warnings"), summary.warnings),
        (lang.pick("提示", "infos"), summary.infos),
    ] {
        table.rows.push(vec![name.into(), count.into()]);
    }
    table
}

/// Per rule that found something, worst first: its findings, the reports
/// with one, and their share of the reports checked.
pub fn rules(batch: &Batch) -> Table {
    let lang = batch.lang;
    let mut table = Table::new(
        lang,
        &[
            ("代码", "code"),
            ("规则", "name"),
            ("级别", "severity"),
            ("问题数", "findings"),
            ("涉及报告", "reports"),
            ("占已检查报告 %", "% of reports checked"),
            ("说明", "summary"),
        ],
    );
    let checked = batch.summary.checked();
    for tally in batch.rule_tallies() {
        table.rows.push(vec![
            tally.code.into(),
            tally.name.into(),
            severity_name(tally.severity, lang).into(),
            tally.findings.into(),
            tally.reports.into(),
            percent(tally.reports, checked),
            tally.meta.map_or(Cell::Empty, |m| m.summary(lang).into()),
        ]);
    }
    table
}

/// `part` of `whole` in per cent (nothing when `whole` is 0).
fn percent(part: usize, whole: usize) -> Cell {
    if whole == 0 {
        Cell::Empty
    } else {
        Cell::Percent(part as f64 * 100.0 / whole as f64)
    }
}

/// The worst rules of an agency as the tables show them: `A003×2`, at most
/// `limit` of them.
pub fn worst_rules(rules: &[(&str, Severity, usize)], limit: usize) -> String {
    rules
        .iter()
        .take(limit)
        .map(|(code, _, count)| format!("{code}×{count}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many rules the agency tables name per agency.
pub const WORST_RULES: usize = 3;

/// The name shown for the agency `name` (`None`: not known) in `lang`.
pub fn agency_name(name: Option<&str>, lang: Lang) -> String {
    name.map_or_else(
        || tr!(lang, "（未识别机关）", "(agency not recognised)"),
        str::to_owned,
    )
}

/// Per agency, worst first: its kind, reports, findings by severity and its
/// worst rules.
pub fn agencies(batch: &Batch) -> Table {
    let lang = batch.lang;
    let mut table = Table::new(
        lang,
        &[
            ("机关", "agency"),
            ("层级", "kind"),
            ("报告数", "reports"),
            ("错误", "errors"),
            ("警告", "warnings"),
            ("提示", "infos"),
            ("主要问题", "worst rules"),
        ],
    );
    for agency in batch.agencies() {
        table.rows.push(vec![
            agency_name(agency.name, lang).into(),
            agency.kind.map_or(Cell::Empty, |k| k.name(lang).into()),
            agency.entries.len().into(),
            agency.errors.into(),
            agency.warnings.into(),
            agency.infos.into(),
            worst_rules(&agency.rules, WORST_RULES).into(),
        ]);
    }
    table
}

/// One row per finding, in path order: file, agency, year, code, name,
/// severity, line, where it is, message.
pub fn findings(batch: &Batch) -> Table {
    let lang = batch.lang;
    let mut table = Table::new(
        lang,
        &[
            ("文件", "file"),
            ("机关", "agency"),
            ("年度", "year"),
            ("代码", "code"),
            ("规则", "name"),
            ("级别", "severity"),
            ("行", "line"),
            ("位置", "location"),
            ("说明", "message"),
        ],
    );
    for entry in &batch.entries {
        for finding in &entry.findings {
            table.rows.push(vec![
                entry.path.as_str().into(),
                entry
                    .facts
                    .agency
                    .as_deref()
                    .map_or(Cell::Empty, Cell::from),
                entry
                    .facts
                    .year
                    .and_then(|y| u64::try_from(y).ok())
                    .map_or(Cell::Empty, Cell::Count),
                finding.code.as_str().into(),
                finding.name.as_str().into(),
                severity_name(finding.severity, lang).into(),
                finding.line.into(),
                finding.place.as_str().into(),
                finding.message.as_str().into(),
            ]);
        }
    }
    table
}
