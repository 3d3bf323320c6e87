//! `disclint report` end to end: the web page, the CSV and the workbook of
//! a batch of every input kind hold the figures `check --format json` gives
//! for the same files; the page is self-contained, escapes what reports say,
//! and loads in a real browser without a console message, showing the JSON's
//! figures.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use disclint::synth::{Rendering, Rng, SynthReport};
use regex::Regex;
use serde_json::Value;

fn disclint() -> Command {
    let mut cmd = Command::cargo_bin("disclint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("disclint-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("reports")).unwrap();
    dir
}

/// A batch of every input kind in `dir/reports`: the example reports (text,
/// Markdown, a web page), a Word document whose 总计 does not add up, and a
/// PDF with defects when `pdftotext` is installed.
fn batch(name: &str) -> PathBuf {
    let dir = scratch(name);
    let reports = dir.join("reports");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["examples/reports", "examples/batch"] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, reports.join(path.file_name().unwrap())).unwrap();
        }
    }
    let mut synth = SynthReport::consistent(&mut Rng::new(3), 2024);
    synth.agency = "示例市统计局".into();
    let text = common::with_wrong_total(&synth.render(Rendering::Markdown));
    std::fs::write(
        reports.join("statistics-2024.docx"),
        common::docx::report_docx(&text),
    )
    .unwrap();
    if common::pdftotext() {
        std::fs::copy(
            root.join("tests/fixtures/inputs/pdf/defects-2024.pdf"),
            reports.join("defects-2024.pdf"),
        )
        .unwrap();
    }
    dir
}

/// `check --format json --statistics` of `inputs`, and its exit code.
fn json(inputs: &Path) -> (Value, Option<i32>) {
    let output = disclint()
        .args(["check", "--format", "json", "--statistics"])
        .arg(inputs)
        .output()
        .unwrap();
    (
        serde_json::from_slice(&output.stdout).unwrap(),
        output.status.code(),
    )
}

/// `disclint report` of `inputs` with `args`: standard output, standard
/// error, exit code.
fn report(inputs: &Path, args: &[&str]) -> (Vec<u8>, String, Option<i32>) {
    let output = disclint()
        .arg("report")
        .arg(inputs)
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (output.stdout, stderr, output.status.code())
}

/// The JSON's diagnostics, file by file: (path, diagnostics).
fn files(json: &Value) -> Vec<(String, Vec<Value>)> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap().to_owned();
            (path, f["diagnostics"].as_array().unwrap().clone())
        })
        .collect()
}

/// What the page says: its totals (`data-figure`), per rule (findings,
/// reports) and per file (findings), markup entities read back.
#[derive(Debug, PartialEq, Eq)]
struct Figures {
    totals: BTreeMap<String, u64>,
    rules: BTreeMap<String, (u64, u64)>,
    files: Vec<(String, u64)>,
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn figures(html: &str) -> Figures {
    let total = Regex::new(r#"data-figure="(\w+)">(\d+)<"#).unwrap();
    let rule = Regex::new(
        r#"(?s)<tr id="rule-\w+" data-rule="(\w+)">.*?data-findings="(\d+)".*?data-reports="(\d+)""#,
    )
    .unwrap();
    let file =
        Regex::new(r#"<article id="file-\d+" data-file="([^"]*)" data-findings="(\d+)""#).unwrap();
    Figures {
        totals: total
            .captures_iter(html)
            .map(|c| (c[1].to_owned(), c[2].parse().unwrap()))
            .collect(),
        rules: rule
            .captures_iter(html)
            .map(|c| {
                (
                    c[1].to_owned(),
                    (c[2].parse().unwrap(), c[3].parse().unwrap()),
                )
            })
            .collect(),
        files: file
            .captures_iter(html)
            .map(|c| (unescape(&c[1]), c[2].parse().unwrap()))
            .collect(),
    }
}

/// The figures the page should show for the JSON `json`: its summary, its
/// counts per rule (with the files each is found in), its files (in the
/// order of the per-agency sections, so compared sorted).
fn expected(json: &Value) -> Figures {
    let summary = &json["summary"];
    let count = |key: &str| summary[key].as_u64().unwrap_or(0);
    let files = files(json);
    let mut rules = BTreeMap::new();
    for counted in summary["by_rule"].as_array().unwrap() {
        let code = counted["code"].as_str().unwrap();
        let reports = files
            .iter()
            .filter(|(_, ds)| ds.iter().any(|d| d["code"] == code))
            .count();
        rules.insert(
            code.to_owned(),
            (counted["count"].as_u64().unwrap(), reports as u64),
        );
    }
    Figures {
        totals: ["files", "errors", "warnings", "infos", "unreadable"]
            .iter()
            .map(|key| ((*key).to_owned(), count(key)))
            .collect(),
        rules,
        files: files
            .iter()
            .map(|(path, ds)| (path.clone(), ds.len() as u64))
            .collect(),
    }
}

/// The page's figures, with the agencies left out of the totals (the JSON
/// does not name agencies) and the files sorted.
fn comparable(mut figures: Figures) -> Figures {
    figures.totals.remove("agencies");
    figures.files.sort();
    figures
}

fn sorted(mut figures: Figures) -> Figures {
    figures.files.sort();
    figures
}

#[test]
fn the_page_holds_the_figures_of_the_json() {
    let dir = batch("html");
    let inputs = dir.join("reports");
    let page = dir.join("report.html");
    let (json, check_code) = json(&inputs);
    let (stdout, stderr, code) = report(&inputs, &["-o", page.to_str().unwrap()]);
    assert_eq!(code, check_code, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("已写出"), "{stderr}");
    let html = std::fs::read_to_string(&page).unwrap();
    let shown = figures(&html);
    assert!(shown.totals["agencies"] >= 6, "{:?}", shown.totals);
    assert_eq!(comparable(shown), sorted(expected(&json)));
    // Every finding is a row, and every kind of input gave some.
    let findings: usize = files(&json).iter().map(|(_, ds)| ds.len()).sum();
    assert_eq!(html.matches("<tr data-severity=").count(), findings);
    for extension in [".txt", ".md", ".html", ".docx"] {
        assert!(
            files(&json)
                .iter()
                .any(|(p, ds)| p.ends_with(extension) && !ds.is_empty()),
            "no findings in a {extension}"
        );
    }
    // A Word document's findings name their cell.
    let cell = Regex::new(r"<td>表\d+ 第\d+行 第\d+列</td>").unwrap();
    assert!(cell.is_match(&html), "no cell named");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_page_has_every_part_and_loads_nothing() {
    let dir = batch("structure");
    let page = dir.join("report.html");
    let (_, stderr, _) = report(&dir.join("reports"), &["-o", page.to_str().unwrap()]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"),
        "{stderr}"
    );
    for id in [
        "summary",
        "rules",
        "agencies",
        "kinds",
        "charts",
        "indicators",
        "reports",
    ] {
        assert!(
            html.contains(&format!("<section id=\"{id}\">")),
            "no section {id}"
        );
        assert!(
            html.contains(&format!("<a href=\"#{id}\">")),
            "no link to {id}"
        );
    }
    // One explanation per rule, one link per agency to its findings.
    assert_eq!(
        html.matches("<details>").count(),
        figures(&html).rules.len()
    );
    let agencies = html
        .matches("<section class=\"agency\" id=\"agency-")
        .count();
    assert_eq!(html.matches("\">查看问题</a>").count(), agencies);
    // Two charts of the findings and three of the indicators, labelled as text.
    assert_eq!(html.matches("<svg ").count(), 5);
    assert!(html.contains("指标（不是问题）"));
    assert!(
        html.contains("text-anchor=\"end\">A001 "),
        "rule labels are not SVG text"
    );
    for kind in ["乡镇（街道）", "县（区）", "市（州）", "部门"] {
        assert!(
            html.contains(&format!("<tr><td>{kind}</td>")),
            "no row for {kind}"
        );
    }
    // Self-contained: no script, link, frame, image or style sheet to fetch.
    for forbidden in [
        "<script", "<link", "<iframe", "<img", " src=", "url(", "@import",
    ] {
        assert!(!html.contains(forbidden), "the page holds {forbidden}");
    }
    assert_eq!(
        html.matches("http").count(),
        html.matches("http-equiv").count() + html.matches("http://www.w3.org/2000/svg").count()
    );
    assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_page_is_in_english_with_lang_en() {
    let dir = scratch("english");
    let page = dir.join("report.html");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let (_, stderr, code) = report(&examples, &["--lang", "en", "-o", page.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.starts_with("wrote "), "{stderr}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for english in [
        "Findings by rule",
        "Indicators (not defects)",
        "township or subdistrict",
        "line 2, column",
    ] {
        assert!(html.contains(english), "no “{english}”");
    }
    for chinese in ["概况", "各规则的问题", "乡镇（街道）", "第 2 行"] {
        assert!(!html.contains(chinese), "“{chinese}” in the English page");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn what_reports_and_file_names_say_is_escaped() {
    let dir = scratch("escape");
    let clean = include_str!("../examples/reports/clean-2024.txt");
    let title = clean.lines().next().unwrap();
    let hostile = clean
        .replacen(title, &title.replacen("白石镇", "\"白石'&镇", 1), 1)
        .replacen(
            "\n(二)依申请公开情况",
            "<script>alert(1)</script><img src=x onerror=alert(2)>发布信息XX条。\n(二)依申请公开情况",
            1,
        );
    std::fs::write(dir.join("reports/<b>&\"'.txt"), hostile).unwrap();
    let page = dir.join("report.html");
    let (_, stderr, code) = report(&dir.join("reports"), &["-o", page.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{stderr}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"));
    assert!(html.contains("<mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt;"));
    assert!(html.contains("<mark>&lt;img src=x onerror=alert(2)&gt;</mark>发布信息XX条"));
    assert!(
        html.contains("青禾县&quot;白石&apos;&amp;镇人民政府"),
        "the agency"
    );
    assert!(html.contains("data-file=\""), "{html}");
    let shown = figures(&html);
    assert!(
        shown.files[0].0.ends_with("<b>&\"'.txt"),
        "{:?}",
        shown.files
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Parses RFC 4180 CSV: quoted fields with doubled quotes, CRLF records.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(
                    chars.next(),
                    Some('\n'),
                    "a CR outside quotes ends a record"
                );
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        record.is_empty() && field.is_empty(),
        "the last record ends in CRLF"
    );
    records
}

/// The findings of the JSON as the CSV and the workbook's rows have them:
/// file, code, severity, line, message.
fn finding_rows(json: &Value) -> Vec<[String; 5]> {
    let severity = |s: &str| match s {
        "error" => "错误",
        "warning" => "警告",
        _ => "提示",
    };
    files(json)
        .iter()
        .flat_map(|(path, ds)| {
            ds.iter().map(move |d| {
                [
                    path.clone(),
                    d["code"].as_str().unwrap().to_owned(),
                    severity(d["severity"].as_str().unwrap()).to_owned(),
                    d["line"].to_string(),
                    d["message"].as_str().unwrap().to_owned(),
                ]
            })
        })
        .collect()
}

/// File, code, severity, line, message of rows of the findings table.
fn picked(rows: &[Vec<String>]) -> Vec<[String; 5]> {
    rows.iter()
        .map(|r| {
            [
                r[0].clone(),
                r[3].clone(),
                r[5].clone(),
                r[6].clone(),
                r[8].clone(),
            ]
        })
        .collect()
}

const HEADER: [&str; 9] = [
    "文件", "机关", "年度", "代码", "规则", "级别", "行", "位置", "说明",
];

#[test]
fn the_csv_parses_back_into_the_findings_of_the_json() {
    let dir = batch("csv");
    let inputs = dir.join("reports");
    let (json, check_code) = json(&inputs);
    let (stdout, stderr, code) = report(&inputs, &["--format", "csv"]);
    assert_eq!(code, check_code, "{stderr}");
    let text = String::from_utf8(stdout).unwrap();
    let text = text
        .strip_prefix('\u{FEFF}')
        .expect("a byte-order mark for Excel");
    let records = parse_csv(text);
    assert_eq!(records[0], HEADER);
    assert!(records.iter().all(|r| r.len() == HEADER.len()));
    assert_eq!(picked(&records[1..]), finding_rows(&json));
    let years: Vec<&str> = records[1..].iter().map(|r| r[2].as_str()).collect();
    assert!(
        years.iter().all(|y| y.is_empty() || *y == "2024"),
        "{years:?}"
    );
    assert!(records.iter().any(|r| r[1] == "云溪市人民政府"));
    // -o report.csv writes the same bytes.
    let file = dir.join("report.csv");
    report(&inputs, &["-o", file.to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        format!("\u{FEFF}{text}")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The sheets of a workbook, by name: rows of cell texts (shared strings
/// resolved; a number as written).
fn read_xlsx(bytes: &[u8]) -> BTreeMap<String, Vec<Vec<String>>> {
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let texts = |xml: &str, element: &[u8]| -> Vec<String> {
        let mut reader = quick_xml::Reader::from_str(xml);
        let (mut out, mut inside, mut current) = (Vec::new(), false, String::new());
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) if e.name().as_ref() == element => inside = true,
                Event::End(e) if e.name().as_ref() == element => {
                    inside = false;
                    out.push(std::mem::take(&mut current));
                }
                Event::Text(t) if inside => current.push_str(&t.decode().unwrap()),
                Event::GeneralRef(r) if inside => {
                    let name = r.decode().unwrap();
                    current.push_str(&unescape(&format!("&{name};")));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        out
    };
    let shared = texts(&part("xl/sharedStrings.xml"), b"t");
    let names = Regex::new(r#"<sheet name="([^"]+)""#).unwrap();
    let workbook = part("xl/workbook.xml");
    let cell =
        Regex::new(r#"(?s)<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(?:<f>.*?</f>)?<v>([^<]*)</v></c>)"#)
            .unwrap();
    let mut sheets = BTreeMap::new();
    for (i, name) in names.captures_iter(&workbook).enumerate() {
        let xml = part(&format!("xl/worksheets/sheet{}.xml", i + 1));
        let mut rows: Vec<Vec<String>> = Vec::new();
        for c in cell.captures_iter(&xml) {
            let column = c[1]
                .bytes()
                .fold(0, |n, b| n * 26 + usize::from(b - b'A') + 1)
                - 1;
            let row: usize = c[2].parse().unwrap();
            let value = c.get(4).map_or("", |v| v.as_str());
            let value = if c[3].contains("t=\"s\"") {
                shared[value.parse::<usize>().unwrap()].clone()
            } else {
                value.to_owned()
            };
            if rows.len() < row {
                rows.resize(row, Vec::new());
            }
            let cells = &mut rows[row - 1];
            if cells.len() <= column {
                cells.resize(column + 1, String::new());
            }
            cells[column] = value;
        }
        sheets.insert(unescape(&name[1]), rows);
    }
    sheets
}

#[test]
fn the_workbook_reads_back_into_the_figures_of_the_json() {
    let dir = batch("xlsx");
    let inputs = dir.join("reports");
    let (json, check_code) = json(&inputs);
    let book = dir.join("report.xlsx");
    let (_, stderr, code) = report(&inputs, &["-o", book.to_str().unwrap()]);
    assert_eq!(code, check_code, "{stderr}");
    let sheets = read_xlsx(&std::fs::read(&book).unwrap());
    assert_eq!(sheets.keys().collect::<Vec<_>>(), ["机关", "汇总", "问题"]);
    let findings = &sheets["问题"];
    assert_eq!(findings[0], HEADER);
    let mut rows = findings[1..].to_vec();
    for row in &mut rows {
        row.resize(HEADER.len(), String::new());
    }
    assert_eq!(picked(&rows), finding_rows(&json));
    let summary = &sheets["汇总"];
    let total = |name: &str| summary.iter().find(|r| r[0] == name).map(|r| r[1].clone());
    let count = |key: &str| Some(json["summary"][key].as_u64().unwrap_or(0).to_string());
    assert_eq!(total("报告文件"), count("files"));
    assert_eq!(total("错误"), count("errors"));
    assert_eq!(total("警告"), count("warnings"));
    // Per rule, below the totals: code and findings as the JSON counts them.
    let by_rule: BTreeMap<String, String> = json["summary"]["by_rule"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["code"].as_str().unwrap().to_owned(),
                r["count"].to_string(),
            )
        })
        .collect();
    let start = summary
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "代码"))
        .unwrap();
    let rules: BTreeMap<String, String> = summary[start + 1..]
        .iter()
        .map(|r| (r[0].clone(), r[3].clone()))
        .collect();
    assert_eq!(rules, by_rule);
    let agencies = &sheets["机关"];
    assert_eq!(agencies[0][0], "机关");
    let errors: u64 = agencies[1..]
        .iter()
        .map(|r| r[3].parse::<u64>().unwrap())
        .sum();
    assert_eq!(Some(errors.to_string()), count("errors"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_output_is_never_an_input_and_a_page_needs_one() {
    let dir = scratch("guard");
    let input = dir.join("reports/clean-2024.txt");
    let clean = include_str!("../examples/reports/clean-2024.txt");
    std::fs::write(&input, clean).unwrap();
    let (_, stderr, code) = report(&dir.join("reports"), &["-o", input.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("也是输入文件"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&input).unwrap(), clean);
    let (stdout, stderr, code) = report(&dir.join("reports"), &[]);
    assert_eq!((code, stdout.is_empty()), (Some(2), true));
    assert!(stderr.contains("-o"), "{stderr}");
    let (_, _, code) = report(&dir.join("reports"), &["--format", "csv", "--exit-zero"]);
    assert_eq!(code, Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn each_file_takes_its_nearest_configuration_as_in_check() {
    let dir = scratch("nearest");
    let report_text = include_str!("../examples/batch/yunxi-city-2024.md");
    for folder in ["plain", "quiet"] {
        std::fs::create_dir_all(dir.join("reports").join(folder)).unwrap();
        std::fs::write(
            dir.join("reports").join(folder).join("yunxi.md"),
            report_text,
        )
        .unwrap();
    }
    let inputs = dir.join("reports");
    let codes = |stdout: &[u8]| -> BTreeSet<(String, String)> {
        let text = String::from_utf8(stdout.to_vec()).unwrap();
        let rows = parse_csv(text.trim_start_matches('\u{feff}'));
        rows.into_iter()
            .skip(1)
            .map(|row| (row[0].clone(), row[3].clone()))
            .collect()
    };
    let (stdout, stderr, _) = report(&inputs, &["--format", "csv"]);
    let before = codes(&stdout);
    let found: BTreeSet<&str> = before.iter().map(|(_, code)| code.as_str()).collect();
    assert!(!found.is_empty(), "{stderr}");
    // quiet/ ignores every code found, in its own disclint.toml.
    let ignored: Vec<String> = found.iter().map(|code| format!("\"{code}\"")).collect();
    std::fs::write(
        inputs.join("quiet/disclint.toml"),
        format!("ignore = [{}]\n", ignored.join(", ")),
    )
    .unwrap();
    let (stdout, stderr, _) = report(&inputs, &["--format", "csv"]);
    let after = codes(&stdout);
    let plain: BTreeSet<_> = before
        .iter()
        .filter(|(file, _)| file.contains("plain"))
        .cloned()
        .collect();
    assert_eq!(after, plain, "{stderr}");
    let (json, _) = json(&inputs);
    let in_json: usize = files(&json).iter().map(|(_, ds)| ds.len()).sum();
    let text = String::from_utf8(stdout).unwrap();
    assert_eq!(
        parse_csv(text.trim_start_matches('\u{feff}')).len() - 1,
        in_json
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs Chromium headless with `args` on `page`, stopping it after two
/// minutes; standard output and standard error.
fn chromium(program: &Path, profile: &Path, args: &[String], page: &Path) -> (String, String) {
    let url = format!("file://{}", page.display());
    let mut child = std::process::Command::new(program)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-extensions",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            // Nothing this test loads may reach a network.
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut stdout, mut stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("Chromium did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    (out.join().unwrap(), err.join().unwrap())
}

/// The console messages in Chromium's log.
fn console(log: &str) -> Vec<&str> {
    log.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

#[test]
fn the_page_loads_in_chromium_without_console_messages_and_shows_the_json_figures() {
    let Some(program) = common::chromium_browser() else {
        return;
    };
    let dir = scratch("browser");
    let profile = dir.join("profile");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let page = dir.join("report.html");
    let (_, stderr, _) = report(&examples, &["-o", page.to_str().unwrap()]);
    assert!(page.is_file(), "{stderr}");
    // The check can fail: a page that loads an image breaks its policy, and
    // Chromium says so in its console.
    let control = dir.join("control.html");
    let html = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &control,
        html.replacen(
            "<main>",
            "<main><img src=\"http://example.invalid/a.png\">",
            1,
        ),
    )
    .unwrap();
    let (_, log) = chromium(&program, &profile, &["--dump-dom".into()], &control);
    assert!(
        !console(&log).is_empty(),
        "no console message for a forbidden image: {log}"
    );

    let (dom, log) = chromium(&program, &profile, &["--dump-dom".into()], &page);
    assert_eq!(console(&log), Vec::<&str>::new());
    let (json, _) = json(&examples);
    assert_eq!(comparable(figures(&dom)), sorted(expected(&json)));
    assert_eq!(figures(&dom).totals["agencies"], 5);

    let shot = dir.join("report.png");
    let args = [
        format!("--screenshot={}", shot.display()),
        "--window-size=1200,2400".into(),
        "--hide-scrollbars".into(),
    ];
    let (_, log) = chromium(&program, &profile, &args, &page);
    assert_eq!(console(&log), Vec::<&str>::new());
    let png = std::fs::read(&shot).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, 1200);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_batch_is_compared_with_last_years_reports_as_in_check() {
    let dir = scratch("previous");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Last year's 结转下年度 (1) is not this year's 上年结转 (4): Y001.
    let last = std::fs::read_to_string(root.join("tests/fixtures/years/baishi-2023.txt"))
        .unwrap()
        .replace(
            "| 四、结转下年度继续办理 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |",
            "| 四、结转下年度继续办理 | 0 | 4 | 0 | 0 | 0 | 0 | 4 |",
        );
    let previous = dir.join("2023");
    std::fs::create_dir_all(&previous).unwrap();
    std::fs::write(previous.join("baishi.txt"), last).unwrap();
    std::fs::copy(
        root.join("examples/reports/clean-2024.txt"),
        dir.join("reports/baishi.txt"),
    )
    .unwrap();
    let previous = previous.display().to_string();
    let args = ["--format", "csv", "--select", "Y", "--previous", &previous];
    let (stdout, stderr, code) = report(&dir.join("reports"), &args);
    let text = String::from_utf8(stdout).unwrap();
    let rows = parse_csv(text.trim_start_matches('\u{feff}'));
    let codes: Vec<&str> = rows.iter().skip(1).map(|row| row[3].as_str()).collect();
    assert_eq!(codes, ["Y001", "Y001"], "{stderr}");
    assert!(
        rows.iter()
            .skip(1)
            .all(|row| row[0].ends_with("reports/baishi.txt")),
        "last year's report is compared with, not reported on: {rows:?}"
    );
    assert_eq!(code, Some(0), "Y001 is a warning: {stderr}");
}
