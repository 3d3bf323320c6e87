//! `disclint report -o report.html`: the batch as one self-contained web
//! page an office can e-mail. Styles are inline CSS and charts inline SVG;
//! the page has no script and asks for no font, image or other file, so it
//! reads the same offline, and says so in its content security policy.
//! Every text from a report, a file name or a message is escaped.
//!
//! The figures a test compares with `check --format json` carry
//! `data-figure` (the totals), `data-rule`/`data-findings`/`data-reports`
//! (per rule) and `data-file`/`data-findings` (per report) attributes.

use std::fmt::Write as _;

use super::batch::{AgencyTally, Batch, KindTally, RuleTally};
use super::entry::{Entry, Finding};
use super::indicators::Share;
use super::svg::{histogram, horizontal_bars, Bar, FONTS};
use super::tables::{agency_name, severity_name, worst_rules, WORST_RULES};
use crate::diagnostic::Severity;
use crate::render::escape_xml as esc;
use crate::{tr, Lang};

/// The page of `batch`, written by disclint `version`.
pub fn write_html(batch: &Batch, version: &str) -> String {
    let mut page = Page {
        batch,
        lang: batch.lang,
        out: String::with_capacity(64 * 1024 + batch.entries.len() * 1024),
    };
    let rules = batch.rule_tallies();
    let agencies = batch.agencies();
    page.head();
    page.header(
        version,
        agencies.iter().filter(|a| a.name.is_some()).count(),
    );
    page.rules(&rules);
    page.agencies(&agencies);
    page.kinds(&batch.kinds());
    page.charts(&rules);
    page.indicators();
    page.reports(&agencies);
    page.out.push_str("</main></body></html>\n");
    page.out
}

/// What the page may load: nothing but its own inline styles. A browser
/// then refuses any script, font, image or other request (and says so in
/// its console), even one that a report's text smuggled past escaping.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// The colour of findings of a severity, in tables and charts.
fn color(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "#c0392b",
        Severity::Warning => "#b9770e",
        Severity::Info => "#2e86c1",
    }
}

/// The colour of the indicators' charts: not one of a severity's.
const INDICATOR_COLOR: &str = "#5d6d7e";

/// The page being written.
struct Page<'b> {
    batch: &'b Batch,
    lang: Lang,
    out: String,
}

impl Page<'_> {
    fn pick<'t>(&self, zh: &'t str, en: &'t str) -> &'t str {
        self.lang.pick(zh, en)
    }

    fn head(&mut self) {
        let title = self.pick(
            "政府信息公开工作年度报告检查结果",
            "Government information disclosure annual reports: check results",
        );
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta name=\"generator\" content=\"disclint\">\
             <title>{title}</title><style>{css}</style></head><body><main>",
            lang = self.pick("zh-CN", "en"),
            title = esc(title),
            css = STYLE.replace("FONTS", FONTS),
        );
    }

    fn header(&mut self, version: &str, agencies: usize) {
        let summary = self.batch.summary;
        let title = self.pick(
            "政府信息公开工作年度报告检查结果",
            "Government information disclosure annual reports: check results",
        );
        let _ = write!(
            self.out,
            "<header><h1>{}</h1><p class=\"note\">{}</p></header><nav>",
            esc(title),
            esc(&tr!(
                self.lang,
                "由 disclint {} 生成。下列数字与 disclint check --format json 对同一批文件的结果一致。",
                "Written by disclint {}. The figures are those of disclint check --format json on the same files.",
                version
            )),
        );
        for (anchor, zh, en) in [
            ("summary", "概况", "Summary"),
            ("rules", "各规则", "Rules"),
            ("agencies", "各机关", "Agencies"),
            ("kinds", "各层级", "Kinds of agency"),
            ("charts", "图表", "Charts"),
            ("indicators", "指标", "Indicators"),
            ("reports", "逐份报告", "Reports"),
        ] {
            let _ = write!(
                self.out,
                "<a href=\"#{anchor}\">{}</a>",
                esc(self.pick(zh, en))
            );
        }
        self.out.push_str("</nav>");
        self.open_section("summary", "概况", "Summary");
        self.out.push_str("<dl class=\"figures\">");
        for (figure, zh, en, value, class) in [
            ("files", "报告文件", "files", summary.files, ""),
            ("agencies", "机关", "agencies", agencies, ""),
            ("errors", "错误", "errors", summary.errors, "error"),
            ("warnings", "警告", "warnings", summary.warnings, "warning"),
            ("infos", "提示", "infos", summary.infos, "info"),
            (
                "unreadable",
                "无法读取",
                "unreadable",
                summary.unreadable,
                "",
            ),
        ] {
            let _ = write!(
                self.out,
                "<div class=\"{class}\"><dt>{}</dt><dd data-figure=\"{figure}\">{value}</dd></div>",
                esc(self.pick(zh, en)),
            );
        }
        let clean = self
            .batch
            .entries
            .iter()
            .filter(|e| e.readable && e.findings.is_empty())
            .count();
        let _ = write!(
            self.out,
            "</dl><p>{}</p></section>",
            esc(&tr!(
                self.lang,
                "已检查 {} 份报告，其中 {} 份未发现问题。",
                "{} reports checked, {} of them without findings.",
                summary.checked(),
                clean
            ))
        );
    }

    fn rules(&mut self, rules: &[RuleTally<'_>]) {
        self.open_section("rules", "各规则的问题", "Findings by rule");
        if rules.is_empty() {
            return self.close_without_findings();
        }
        self.note("点击规则可展开说明。", "Open a rule for its explanation.");
        self.out.push_str("<table><thead><tr>");
        self.header_cells(&[
            ("代码", "code"),
            ("规则及说明", "rule and explanation"),
            ("级别", "severity"),
            ("问题数", "findings"),
            ("涉及报告", "reports"),
        ]);
        self.out.push_str("</tr></thead><tbody>");
        let checked = self.batch.summary.checked();
        for rule in rules {
            let summary = rule.meta.map_or(rule.name, |m| m.summary(self.lang));
            let _ = write!(
                self.out,
                "<tr id=\"rule-{code}\" data-rule=\"{code}\"><td><code>{code}</code></td>\
                 <td><details><summary>{summary} <small>{name}</small></summary>",
                code = esc(rule.code),
                summary = esc(summary),
                name = esc(rule.name),
            );
            if let Some(meta) = rule.meta {
                self.out.push_str(&markdown(meta.explanation(self.lang)));
                let _ = write!(
                    self.out,
                    "<p class=\"note\">{} {}</p>",
                    esc(self.pick("依据：", "Basis:")),
                    esc(&meta.basis)
                );
            }
            let _ = write!(
                self.out,
                "</details></td><td class=\"{severity}\">{severity_name}</td>\
                 <td class=\"number\" data-findings=\"{findings}\">{findings}</td>\
                 <td class=\"number\" data-reports=\"{reports}\">{reports} <small>({share})</small></td></tr>",
                severity = rule.severity.as_str(),
                severity_name = esc(severity_name(rule.severity, self.lang)),
                findings = rule.findings,
                reports = rule.reports,
                share = percent(rule.reports, checked),
            );
        }
        self.out.push_str("</tbody></table></section>");
    }

    /// Opens the section `id` under its heading (Chinese and English).
    fn open_section(&mut self, id: &str, zh: &str, en: &str) {
        let _ = write!(
            self.out,
            "<section id=\"{id}\"><h2>{}</h2>",
            esc(self.pick(zh, en))
        );
    }

    /// Closes a section that has nothing to show: no finding.
    fn close_without_findings(&mut self) {
        let _ = write!(
            self.out,
            "<p>{}</p></section>",
            esc(self.pick("未发现问题。", "No findings."))
        );
    }

    /// A paragraph of notes (Chinese and English).
    fn note(&mut self, zh: &str, en: &str) {
        let _ = write!(self.out, "<p class=\"note\">{}</p>", esc(self.pick(zh, en)));
    }

    fn header_cells(&mut self, names: &[(&str, &str)]) {
        for (zh, en) in names {
            let _ = write!(self.out, "<th>{}</th>", esc(self.pick(zh, en)));
        }
    }

    fn agencies(&mut self, agencies: &[AgencyTally<'_>]) {
        self.open_section("agencies", "各机关", "Agencies");
        self.out.push_str("<table><thead><tr>");
        self.header_cells(&[
            ("机关", "agency"),
            ("层级", "kind"),
            ("报告数", "reports"),
            ("错误", "errors"),
            ("警告", "warnings"),
            ("主要问题", "worst rules"),
            ("", ""),
        ]);
        self.out.push_str("</tr></thead><tbody>");
        for (at, agency) in agencies.iter().enumerate() {
            let _ = write!(
                self.out,
                "<tr><td>{name}</td><td>{kind}</td><td class=\"number\">{reports}</td>\
                 <td class=\"number{error}\">{errors}</td><td class=\"number{warning}\">{warnings}</td>\
                 <td>{worst}</td><td><a href=\"#agency-{at}\">{see}</a></td></tr>",
                name = esc(&agency_name(agency.name, self.lang)),
                kind = esc(agency.kind.map_or("", |k| k.name(self.lang))),
                reports = agency.entries.len(),
                error = marked(agency.errors, Severity::Error),
                warning = marked(agency.warnings, Severity::Warning),
                errors = agency.errors,
                warnings = agency.warnings,
                worst = esc(&worst_rules(&agency.rules, WORST_RULES)),
                see = esc(self.pick("查看问题", "findings")),
            );
        }
        self.out.push_str("</tbody></table></section>");
    }

    fn kinds(&mut self, kinds: &[KindTally]) {
        self.open_section("kinds", "各层级", "Kinds of agency");
        self.note(
            "层级由标题中的机关名称判断（如“镇人民政府”为乡镇，“局”为部门）；无法判断的单列。",
            "The kind is told from the agency named in the title (a 镇人民政府 is a township, a 局 a department); agencies it does not tell are listed apart.",
        );
        self.out.push_str("<table><thead><tr>");
        self.header_cells(&[
            ("层级", "kind"),
            ("机关", "agencies"),
            ("报告数", "reports"),
            ("有错误的报告", "reports with errors"),
            ("错误", "errors"),
            ("警告", "warnings"),
        ]);
        self.out.push_str("</tr></thead><tbody>");
        for kind in kinds {
            let name = kind.kind.map_or_else(
                || self.pick("未能判断", "not told").to_owned(),
                |k| k.name(self.lang).to_owned(),
            );
            let _ = write!(
                self.out,
                "<tr><td>{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td>\
                 <td class=\"number\">{} <small>({})</small></td><td class=\"number{}\">{}</td>\
                 <td class=\"number{}\">{}</td></tr>",
                esc(&name),
                kind.agencies,
                kind.reports,
                kind.reports_with_errors,
                percent(kind.reports_with_errors, kind.reports),
                marked(kind.errors, Severity::Error),
                kind.errors,
                marked(kind.warnings, Severity::Warning),
                kind.warnings,
            );
        }
        self.out.push_str("</tbody></table></section>");
    }

    fn charts(&mut self, rules: &[RuleTally<'_>]) {
        self.open_section("charts", "图表", "Charts");
        if rules.is_empty() {
            return self.close_without_findings();
        }
        let lang = self.lang;
        let label = |rule: &RuleTally<'_>| {
            let summary = rule.meta.map_or(rule.name, |m| m.summary(lang));
            format!("{} {summary}", rule.code)
        };
        let by_findings: Vec<Bar> = rules
            .iter()
            .map(|rule| Bar {
                label: label(rule),
                value: rule.findings as f64,
                shown: rule.findings.to_string(),
                color: color(rule.severity),
                hint: format!("{}: {}", label(rule), rule.findings),
            })
            .collect();
        let title = self.pick("各规则的问题数", "Findings per rule");
        self.figure(title, &horizontal_bars(title, &by_findings, None));
        let checked = self.batch.summary.checked();
        let mut by_share: Vec<(&RuleTally<'_>, f64)> = rules
            .iter()
            .map(|rule| (rule, share(rule.reports, checked)))
            .collect();
        by_share.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.code.cmp(b.0.code)));
        let bars: Vec<Bar> = by_share
            .iter()
            .map(|(rule, value)| Bar {
                label: label(rule),
                value: *value,
                shown: format!("{value:.1}%"),
                color: color(rule.severity),
                hint: tr!(
                    lang,
                    "{}：{} 份报告（{:.1}%）",
                    "{}: {} reports ({:.1}%)",
                    label(rule),
                    rule.reports,
                    value
                ),
            })
            .collect();
        let title = self.pick(
            "有此问题的报告占已检查报告的比例",
            "Share of the reports checked with each defect",
        );
        self.figure(title, &horizontal_bars(title, &bars, Some(100.0)));
        self.out.push_str("</section>");
    }

    fn figure(&mut self, caption: &str, svg: &str) {
        let _ = write!(
            self.out,
            "<figure><figcaption>{}</figcaption>{svg}</figure>",
            esc(caption)
        );
    }

    fn indicators(&mut self) {
        self.open_section("indicators", "指标（不是问题）", "Indicators (not defects)");
        self.note(
            "以下指标由各报告的表格计算，描述各机关一年的工作，不代表报告有误。只计入表格可读的报告。",
            "These indicators are computed from the reports' tables and describe each agency's year, not defects of the reports. Only reports whose tables could be read count.",
        );
        let entries = &self.batch.entries;
        let applications: Vec<u64> = entries
            .iter()
            .filter_map(|e| e.facts.indicators.applications)
            .collect();
        let bins = application_bins(&applications, self.lang);
        let title = self.pick(
            "本年新收申请数（表三 总计）",
            "Applications received (table 3, total)",
        );
        self.indicator(
            title,
            &bins,
            applications.len(),
            median(&applications).map(|m| m.to_string()),
        );
        for (zh, en, shares) in [
            (
                "予以公开占办理结果的比例（表三）",
                "Share of requests answered with full disclosure (予以公开, table 3)",
                entries.iter().filter_map(|e| e.facts.indicators.disclosed).collect::<Vec<Share>>(),
            ),
            (
                "行政复议结果纠正占已审结的比例（复议纠错率，表四）",
                "Share of decided administrative reviews that corrected the agency (复议纠错, table 4)",
                entries.iter().filter_map(|e| e.facts.indicators.review_corrected).collect(),
            ),
        ] {
            let percents: Vec<f64> = shares.iter().map(|s| s.percent()).collect();
            let bins = share_bins(&percents, self.lang);
            let middle = median_f64(&percents).map(|m| format!("{m:.1}%"));
            self.indicator(self.pick(zh, en), &bins, percents.len(), middle);
        }
        self.out.push_str("</section>");
    }

    fn indicator(&mut self, title: &str, bins: &[Bar], reports: usize, median: Option<String>) {
        let caption = match median {
            Some(median) => tr!(
                self.lang,
                "{}：{} 份报告，中位数 {}",
                "{}: {} reports, median {}",
                title,
                reports,
                median
            ),
            None => tr!(
                self.lang,
                "{}：没有可读的数据",
                "{}: no readable figures",
                title
            ),
        };
        self.figure(&caption, &histogram(title, bins));
    }

    fn reports(&mut self, agencies: &[AgencyTally<'_>]) {
        self.open_section("reports", "逐份报告的问题", "Findings per report");
        for (at, agency) in agencies.iter().enumerate() {
            let _ = write!(
                self.out,
                "<section class=\"agency\" id=\"agency-{at}\"><h3>{} <small>{}</small></h3>",
                esc(&agency_name(agency.name, self.lang)),
                esc(agency.kind.map_or("", |k| k.name(self.lang))),
            );
            let batch = self.batch;
            for &index in &agency.entries {
                self.report(index, &batch.entries[index]);
            }
            self.out.push_str("</section>");
        }
        self.out.push_str("</section>");
    }

    fn report(&mut self, index: usize, entry: &Entry) {
        let _ = write!(
            self.out,
            "<article id=\"file-{index}\" data-file=\"{path}\" data-findings=\"{n}\"><h4>{path}</h4><p class=\"meta\">{meta}</p>",
            path = esc(&entry.path),
            n = entry.findings.len(),
            meta = esc(&self.meta(entry)),
        );
        if entry.findings.is_empty() {
            let _ = write!(
                self.out,
                "<p class=\"clean\">{}</p></article>",
                esc(self.pick("未发现问题。", "No findings."))
            );
            return;
        }
        self.out.push_str("<table class=\"findings\"><thead><tr>");
        self.header_cells(&[
            ("级别", "severity"),
            ("规则", "rule"),
            ("位置", "where"),
            ("问题", "finding"),
            ("原文", "text"),
        ]);
        self.out.push_str("</tr></thead><tbody>");
        for finding in &entry.findings {
            self.finding(finding);
        }
        self.out.push_str("</tbody></table></article>");
    }

    /// The line under a report's name: year, kind, indicators.
    fn meta(&self, entry: &Entry) -> String {
        let lang = self.lang;
        let mut parts = Vec::new();
        if !entry.readable {
            parts.push(tr!(lang, "无法读取", "could not be read"));
        }
        if let Some(year) = entry.facts.year {
            parts.push(tr!(lang, "{}年度", "year {}", year));
        }
        let indicators = &entry.facts.indicators;
        if let Some(n) = indicators.applications {
            parts.push(tr!(lang, "新收申请 {} 件", "applications received: {}", n));
        }
        if let Some(share) = indicators.disclosed {
            parts.push(tr!(
                lang,
                "予以公开 {:.1}%（{}/{}）",
                "disclosed in full {:.1}% ({}/{})",
                share.percent(),
                share.part,
                share.whole
            ));
        }
        if let Some(share) = indicators.review_corrected {
            parts.push(tr!(
                lang,
                "复议纠错 {}/{}",
                "reviews corrected {}/{}",
                share.part,
                share.whole
            ));
        }
        parts.join(" · ")
    }

    fn finding(&mut self, finding: &Finding) {
        let severity = finding.severity.as_str();
        let _ = write!(
            self.out,
            "<tr data-severity=\"{severity}\"><td class=\"{severity}\">{}</td>\
             <td><a href=\"#rule-{code}\"><code>{code}</code></a> <small>{name}</small></td>\
             <td>{place}</td><td>{message}",
            esc(severity_name(finding.severity, self.lang)),
            code = esc(&finding.code),
            name = esc(&finding.name),
            place = esc(&finding.place),
            message = esc(&finding.message),
        );
        if !finding.labels.is_empty() {
            self.out.push_str("<ul>");
            for label in &finding.labels {
                let _ = write!(self.out, "<li>{}</li>", esc(label));
            }
            self.out.push_str("</ul>");
        }
        if let Some(help) = &finding.help {
            let _ = write!(self.out, "<p class=\"help\">{}</p>", esc(help));
        }
        self.out.push_str("</td><td class=\"snippet\">");
        if let Some(snippet) = &finding.snippet {
            let _ = write!(
                self.out,
                "{}<mark>{}</mark>{}",
                esc(&snippet.before),
                esc(&snippet.flagged),
                esc(&snippet.after)
            );
        }
        self.out.push_str("</td></tr>");
    }
}

/// The class a count of findings of `severity` adds to its cell: the
/// severity's colour, unless there are none.
fn marked(count: usize, severity: Severity) -> String {
    if count == 0 {
        String::new()
    } else {
        format!(" {}", severity.as_str())
    }
}

/// `part` of `whole` in per cent, as a number (0 when `whole` is 0).
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// `part` of `whole` in per cent, as text with one decimal.
fn percent(part: usize, whole: usize) -> String {
    format!("{:.1}%", share(part, whole))
}

/// The bins of the applications chart: 0, 1–9, 10–49, 50–99, 100–499,
/// 500–999, 1000 and more.
fn application_bins(values: &[u64], lang: Lang) -> Vec<Bar> {
    const BOUNDS: [(u64, u64); 7] = [
        (0, 0),
        (1, 9),
        (10, 49),
        (50, 99),
        (100, 499),
        (500, 999),
        (1000, u64::MAX),
    ];
    BOUNDS
        .iter()
        .map(|&(low, high)| {
            let count = values
                .iter()
                .filter(|&&v| (low..=high).contains(&v))
                .count();
            let label = match (low, high) {
                (0, 0) => "0".to_owned(),
                (low, u64::MAX) => format!("≥{low}"),
                (low, high) => format!("{low}–{high}"),
            };
            bin(label, count, lang)
        })
        .collect()
}

/// The bins of a share chart: ten of ten per cent each (100 % in the last).
fn share_bins(percents: &[f64], lang: Lang) -> Vec<Bar> {
    (0..10)
        .map(|tenth| {
            let count = percents
                .iter()
                .filter(|&&p| ((p / 10.0).floor() as usize).min(9) == tenth)
                .count();
            bin(format!("{}–{}%", tenth * 10, tenth * 10 + 10), count, lang)
        })
        .collect()
}

/// One bin of an indicator's histogram.
fn bin(label: String, count: usize, lang: Lang) -> Bar {
    Bar {
        hint: tr!(lang, "{}：{} 份报告", "{}: {} reports", label, count),
        label,
        value: count as f64,
        shown: count.to_string(),
        color: INDICATOR_COLOR,
    }
}

/// The median of counts (the lower middle of an even number).
fn median(values: &[u64]) -> Option<u64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len().checked_sub(1)? / 2).copied()
}

/// The median of shares (the lower middle of an even number).
fn median_f64(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len().checked_sub(1)? / 2).copied()
}

/// A rule's explanation (Markdown paragraphs and lists with inline code)
/// as HTML, escaped.
fn markdown(text: &str) -> String {
    let mut out = String::new();
    for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        let lines: Vec<&str> = block.lines().map(str::trim).collect();
        if lines.iter().all(|l| l.starts_with("- ")) {
            out.push_str("<ul>");
            for line in lines {
                let _ = write!(out, "<li>{}</li>", inline(&line[2..]));
            }
            out.push_str("</ul>");
        } else {
            let _ = write!(out, "<p>{}</p>", inline(&lines.join(" ")));
        }
    }
    out
}

/// Inline Markdown: `code` spans; the rest escaped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", esc(part));
        } else {
            out.push_str(&esc(part));
        }
    }
    out
}

/// The page's style sheet (`FONTS` stands for the font list).
const STYLE: &str = "\
body{margin:0;background:#f7f7f5;color:#222;font:14px/1.6 FONTS}\
main{max-width:1100px;margin:0 auto;padding:16px 24px 48px;background:#fff}\
h1{font-size:24px;margin:8px 0}h2{font-size:19px;border-bottom:2px solid #d5d8dc;padding-bottom:4px;margin-top:32px}\
h3{font-size:16px;margin:24px 0 8px}h4{font-size:14px;margin:16px 0 4px;word-break:break-all}\
nav{display:flex;flex-wrap:wrap;gap:12px;padding:8px 0;border-bottom:1px solid #eee}\
a{color:#1f5f99}small{color:#666}.note{color:#555;font-size:13px}\
.figures{display:flex;flex-wrap:wrap;gap:12px;margin:0}\
.figures div{border:1px solid #d5d8dc;border-radius:6px;padding:8px 16px;min-width:96px}\
.figures dt{font-size:13px;color:#555}.figures dd{margin:0;font-size:26px;font-weight:bold}\
.error{color:#c0392b}.warning{color:#b9770e}.info{color:#2e86c1}\
table{border-collapse:collapse;width:100%;margin:8px 0}\
th,td{border:1px solid #d5d8dc;padding:4px 8px;text-align:left;vertical-align:top}\
th{background:#eef2f5}td.number{text-align:right;white-space:nowrap}\
details summary{cursor:pointer}details p,details ul{font-size:13px;color:#333}\
figure{margin:16px 0}figcaption{font-weight:bold;margin-bottom:4px}svg.chart{max-width:100%;height:auto}\
.meta{color:#555;font-size:13px;margin:0 0 4px}.clean{color:#1e8449}\
article{border-top:1px solid #eee;padding-top:4px}\
tr[data-severity=error] td:first-child{border-left:4px solid #c0392b}\
tr[data-severity=warning] td:first-child{border-left:4px solid #b9770e}\
tr[data-severity=info] td:first-child{border-left:4px solid #2e86c1}\
.findings td{font-size:13px}.findings td:first-child{white-space:nowrap}\
.findings td.snippet{font-size:13px;max-width:320px;word-break:break-all}\
mark{background:#fdebd0;color:inherit;padding:0 1px}.help{color:#555;font-size:13px;margin:4px 0 0}\
code{font-family:monospace;font-size:13px}\
@media print{body{background:#fff}main{max-width:none;padding:0}nav{display:none}details{display:block}}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explanations_are_paragraphs_lists_and_code_escaped() {
        let html = markdown("A `<b>` here.\nSame paragraph.\n\n- one\n- `two`\n\n<script>");
        assert_eq!(
            html,
            "<p>A <code>&lt;b&gt;</code> here. Same paragraph.</p><ul><li>one</li><li><code>two</code></li></ul><p>&lt;script&gt;</p>"
        );
    }

    #[test]
    fn bins_count_every_value_once() {
        let bins = application_bins(&[0, 1, 9, 10, 999, 1000, 5000], Lang::Zh);
        let counts: Vec<f64> = bins.iter().map(|b| b.value).collect();
        assert_eq!(counts, [1.0, 2.0, 1.0, 0.0, 0.0, 1.0, 2.0]);
        assert_eq!(bins[6].label, "≥1000");
        let bins = share_bins(&[0.0, 9.9, 10.0, 100.0, 95.0], Lang::En);
        let counts: Vec<f64> = bins.iter().map(|b| b.value).collect();
        assert_eq!(counts, [2.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0]);
    }

    #[test]
    fn medians_take_the_lower_middle() {
        assert_eq!(median(&[5, 1, 3]), Some(3));
        assert_eq!(median(&[4, 1, 3, 2]), Some(2));
        assert_eq!(median(&[]), None);
        assert_eq!(median_f64(&[50.0, 10.0]), Some(10.0));
    }
}
