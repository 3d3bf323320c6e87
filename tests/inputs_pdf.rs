//! PDF attachments, read with `pdftotext -layout` (tests/fixtures/inputs/pdf,
//! see its README): a clean report reads as its text does and lints clean,
//! a report with defects gets the codes its text gets at true page and line
//! positions; without `pdftotext` a PDF is I008 and the other files are
//! checked; a PDF whose text cannot be read is one I009, also when
//! `pdftotext` hangs, fails or writes garbage (fake programs on Unix).
//! Tests that need `pdftotext` are skipped with a note when it is absent.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use disclint::cli::{run_with, Environment};
use disclint::extract::PdfToText;
use disclint::input::{read_file, InputOptions};
use disclint::location::Location;
use disclint::model::{Report, Value};
use disclint::render::json_diagnostic;
use disclint::{Diagnostic, LintOptions, Linter, SourceFile};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inputs/pdf")
        .join(name)
}

fn text_of(name: &str) -> SourceFile {
    let path = fixture(name);
    SourceFile::from_text(
        path.display().to_string(),
        std::fs::read_to_string(&path).unwrap(),
    )
}

fn options(pdftotext: PdfToText) -> InputOptions {
    InputOptions {
        pdftotext,
        ..InputOptions::default()
    }
}

fn pdf_of(name: &str) -> SourceFile {
    read_file(&fixture(name), &InputOptions::default())
        .unwrap_or_else(|d| panic!("{name}: {} {}", d.code, d.message))
}

/// What the model read: sections, title, year, period and every table cell.
fn model(report: &Report) -> Vec<String> {
    let mut out = vec![
        format!("title {:?}", report.title.as_ref().map(|t| &t.text)),
        format!("year {:?}", report.year.as_ref().map(|y| y.value)),
        format!("period {:?}", report.period.as_ref().map(|p| &p.text)),
    ];
    out.extend(
        report
            .sections
            .iter()
            .map(|s| format!("section {}", s.kind)),
    );
    for table in &report.tables {
        for row in &table.rows {
            let values: Vec<String> = row
                .values
                .iter()
                .map(|v| match &v.value {
                    Value::Integer(n) | Value::Decimal(n) => n.to_string(),
                    other => format!("{other:?}"),
                })
                .collect();
            out.push(format!("{} {} {values:?}", table.kind, row.id));
        }
    }
    out
}

fn lint(source: &SourceFile) -> (Vec<Diagnostic>, Vec<String>) {
    let linter = Linter::new(LintOptions::default());
    let analysis = linter.analyze(source);
    (linter.check(source, &analysis), model(&analysis.report))
}

fn codes(diagnostics: &[Diagnostic]) -> BTreeMap<String, usize> {
    let mut codes = BTreeMap::new();
    for d in diagnostics {
        *codes.entry(d.code.clone()).or_default() += 1;
    }
    codes
}

#[test]
fn a_clean_report_pdf_reads_as_its_text_and_lints_clean() {
    if !common::pdftotext() {
        return;
    }
    let (found, text_model) = lint(&text_of("clean-2024.txt"));
    assert!(found.is_empty(), "{found:#?}");
    // All three tables, every row: the comparison is not of two empty models.
    assert_eq!(text_model.len(), 3 + 6 + 6 + 25 + 1, "{text_model:#?}");
    for name in ["clean-2024.pdf", "narrow-2024.pdf", "large-print-2024.pdf"] {
        let pdf = pdf_of(name);
        let (found, pdf_model) = lint(&pdf);
        assert!(found.is_empty(), "{name}: {found:#?}");
        assert_eq!(pdf_model, text_model, "{name}");
        assert!(!pdf.is_editable(), "no fix is offered on a PDF");
    }
}

#[test]
fn a_report_pdf_with_defects_gets_the_codes_of_its_text() {
    if !common::pdftotext() {
        return;
    }
    let pdf = pdf_of("defects-2024.pdf");
    let (pdf_found, _) = lint(&pdf);
    let (text_found, _) = lint(&text_of("defects-2024.txt"));
    assert_eq!(codes(&pdf_found), codes(&text_found));
    assert_eq!(
        codes(&pdf_found).keys().collect::<Vec<_>>(),
        ["A002", "A003", "C003", "P002", "T004"]
    );
    let original = &pdf.map.original().expect("the pdftotext output").text;
    let output_lines: Vec<&str> = original.split('\n').collect();
    for d in &pdf_found {
        assert!(d.fix.is_none(), "{d:?}");
        // Each finding names its page and line, and its JSON line and
        // column are in the pdftotext output, on that line of that page.
        let json = json_diagnostic(d, Some(&pdf));
        let Some(Location::Page { page, line }) = json.location else {
            panic!("{}: no page: {:?}", d.code, json.location);
        };
        let page_start = original
            .split('\u{c}')
            .take(page - 1)
            .map(|p| p.split('\n').count() - 1)
            .sum::<usize>();
        assert_eq!(json.line, page_start + line, "{}", d.code);
        let shown = d.span.slice(&pdf.text);
        let at = &original[json.offset..];
        assert!(at.starts_with(shown), "{}: {shown:?} at {at:.20?}", d.code);
        assert!(output_lines[json.line - 1].contains(shown), "{}", d.code);
    }
    let c003 = pdf_found.iter().find(|d| d.code == "C003").unwrap();
    let json = json_diagnostic(c003, Some(&pdf));
    assert_eq!(json.location, Some(Location::Page { page: 1, line: 4 }));
    assert!(output_lines[3].contains("[2021]"), "{}", output_lines[3]);
}

#[test]
fn json_and_human_output_name_the_page_and_line() {
    if !common::pdftotext() {
        return;
    }
    let path = fixture("defects-2024.pdf").display().to_string();
    let (code, out) = cli(&[&path, "--format", "json"], PdfToText::default());
    assert_eq!(code, 1, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let schema = std::fs::read_to_string("docs/json-schema.json").unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    let blank = diagnostics.iter().find(|d| d["code"] == "T004").unwrap();
    assert_eq!(blank["location"]["kind"], "page");
    assert_eq!(blank["location"]["page"], 2);
    let (_, human) = cli(&[&path, "--select", "C003"], PdfToText::default());
    assert!(
        human.contains("defects-2024.pdf · 第 1 页 第 4 行"),
        "{human}"
    );
}

/// `disclint check --no-config ARGS` with `pdftotext`: exit code and output.
fn cli(args: &[&str], pdftotext: PdfToText) -> (i32, String) {
    let env = Environment {
        pdftotext,
        ..Environment::default()
    };
    let argv = ["disclint", "check", "--no-config", "--lang", "zh"];
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run_with(argv.iter().chain(args).copied(), env, &mut out, &mut err);
    (code, String::from_utf8(out).unwrap())
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("disclint-pdf-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn without_pdftotext_a_pdf_is_i008_and_the_other_files_are_checked() {
    let dir = scratch("missing");
    std::fs::copy(fixture("clean-2024.pdf"), dir.join("a.pdf")).unwrap();
    std::fs::copy(fixture("defects-2024.txt"), dir.join("b.txt")).unwrap();
    let nowhere = PdfToText::in_folders(vec![dir.join("bin")]);
    let shown = dir.display().to_string();
    let (code, out) = cli(&[&shown, "--format", "json"], nowhere);
    assert_eq!(code, 2, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "a directory walk takes the PDF: {out}");
    let pdf = &files[0]["diagnostics"];
    assert_eq!(pdf.as_array().unwrap().len(), 1);
    assert_eq!(pdf[0]["code"], "I008");
    let message = pdf[0]["help"].as_str().unwrap();
    assert!(
        message.contains("apt-get install poppler-utils"),
        "{message}"
    );
    assert!(message.contains("brew install poppler"), "{message}");
    let text = files[1]["diagnostics"].as_array().unwrap();
    assert!(text.iter().any(|d| d["code"] == "A003"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_binary_looks_for_pdftotext_on_path() {
    let empty = scratch("path");
    let output = assert_cmd::Command::cargo_bin("disclint")
        .unwrap()
        .env("PATH", &empty)
        .env_remove("DISCLINT_PDFTOTEXT")
        .args(["check", "--no-config", "--lang", "en"])
        .arg(fixture("clean-2024.pdf"))
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("I008 pdf-tool-missing"), "{out}");
    assert!(out.contains("looked in PATH"), "{out}");
    std::fs::remove_dir_all(&empty).unwrap();
}

/// The single input diagnostic reading `name` gives.
fn unreadable(name: &str, pdftotext: PdfToText) -> Diagnostic {
    let options = InputOptions {
        lang: disclint::Lang::En,
        ..options(pdftotext)
    };
    *read_file(&fixture(name), &options).expect_err(name)
}

#[test]
fn a_pdf_whose_text_cannot_be_read_is_one_i009_saying_what_was_seen() {
    if !common::pdftotext() {
        return;
    }
    for (name, seen) in [
        ("encrypted-2024.pdf", "password-protected"),
        ("scanned-2024.pdf", "no text layer"),
        ("spaced-2024.pdf", "sets Chinese characters apart by spaces"),
    ] {
        let d = unreadable(name, PdfToText::default());
        assert_eq!(d.code, "I009", "{name}: {}", d.message);
        assert!(d.message.contains(seen), "{name}: {}", d.message);
        assert!(d.help.is_some_and(|h| h.contains(".docx")), "{name}");
    }
    // A file named .pdf that is no PDF at all: pdftotext fails on it.
    let dir = scratch("not-pdf");
    std::fs::write(dir.join("r.pdf"), "一、总体情况\n").unwrap();
    let options = InputOptions {
        lang: disclint::Lang::En,
        ..InputOptions::default()
    };
    let d = read_file(&dir.join("r.pdf"), &options).unwrap_err();
    assert_eq!(d.code, "I009");
    assert!(
        d.message.contains("pdftotext could not read"),
        "{}",
        d.message
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_pdf_on_standard_input_is_read_through_a_private_file() {
    if !common::pdftotext() {
        return;
    }
    let env = Environment {
        stdin: Box::new(std::io::Cursor::new(
            std::fs::read(fixture("clean-2024.pdf")).unwrap(),
        )),
        ..Environment::default()
    };
    let argv = ["disclint", "check", "--no-config", "-"];
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run_with(argv, env, &mut out, &mut err);
    let out = String::from_utf8(out).unwrap();
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 个错误"), "{out}");
}

/// Fake `pdftotext` programs: shell scripts in a folder of their own.
#[cfg(unix)]
mod fakes {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// A `pdftotext` that runs `body` (a shell script).
    pub fn program(dir: &Path, body: &str) -> PathBuf {
        let path = dir.join("pdftotext");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    #[test]
    fn a_hanging_pdftotext_is_stopped_with_what_it_started() {
        let dir = scratch("hang");
        let marker = dir.join("child.pid");
        // It starts a child that holds the output pipe open, then hangs too.
        let fake = program(
            &dir,
            &format!("sleep 600 &\necho $! > {}\nsleep 600", marker.display()),
        );
        let tool = PdfToText::at(fake).timeout(Duration::from_millis(500));
        let d = unreadable("clean-2024.pdf", tool);
        assert_eq!(d.code, "I009");
        assert!(d.message.contains("did not finish"), "{}", d.message);
        // The child was stopped with it (its process group).
        let pid = std::fs::read_to_string(&marker).unwrap();
        let proc = PathBuf::from(format!("/proc/{}", pid.trim()));
        let gone = (0..200).any(|_| {
            std::thread::sleep(Duration::from_millis(10));
            std::fs::read_to_string(proc.join("stat"))
                .map_or(true, |stat| stat.split(' ').nth(2) == Some("Z"))
        });
        assert!(gone, "the child {pid} is still running");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failing_pdftotext_is_i009_with_what_it_said() {
        let dir = scratch("fail");
        let fake = program(
            &dir,
            "echo 'Syntax Error: a broken cross-reference' >&2\nexit 1",
        );
        let d = unreadable("clean-2024.pdf", PdfToText::at(fake));
        assert_eq!(d.code, "I009");
        assert!(d.message.contains("exit code 1"), "{}", d.message);
        assert!(
            d.message.contains("a broken cross-reference"),
            "{}",
            d.message
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn garbage_from_pdftotext_is_i009_and_too_much_is_i003() {
        let dir = scratch("garbage");
        let fake = program(&dir, "head -c 20000 /dev/urandom");
        let d = unreadable("clean-2024.pdf", PdfToText::at(fake));
        assert_eq!(d.code, "I009", "{}", d.message);
        assert!(d.message.contains("garbled"), "{}", d.message);
        let flood = program(&dir, "yes 一、总体情况");
        let options = InputOptions {
            max_file_size: 1 << 20,
            ..options(PdfToText::at(flood).timeout(Duration::from_secs(20)))
        };
        let d = read_file(&fixture("clean-2024.pdf"), &options).unwrap_err();
        assert_eq!(d.code, "I003", "{}", d.message);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_pdf_is_handed_over_in_a_private_file_that_is_removed() {
        let dir = scratch("handover");
        let seen = dir.join("seen");
        // It records the file it was given and whether it could read it.
        let fake = program(
            &dir,
            &format!(
                "for a; do case $a in *.pdf) ls -l \"$a\" > {0}; head -c 5 \"$a\" >> {0}; echo \"$a\" >> {0};; esac; done\necho '一、总体情况'",
                seen.display()
            ),
        );
        let _ = read_file(&fixture("clean-2024.pdf"), &options(PdfToText::at(fake)));
        let record = std::fs::read_to_string(&seen).unwrap();
        let mut lines = record.lines();
        let listing = lines.next().unwrap();
        assert!(listing.starts_with("-rw-------"), "{listing}");
        let rest: Vec<&str> = lines.collect();
        assert!(rest.concat().starts_with("%PDF-"), "{record}");
        let handed = rest.last().unwrap().trim_start_matches("%PDF-");
        assert!(!Path::new(handed).exists(), "{handed} was not removed");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// Without `pdftotext` too: a text as it writes one (two pages, a page
/// number at the foot of the first, a table running on across the break)
/// reads as one text, each run at its page and line.
#[test]
fn pdftotext_output_reads_across_pages_with_true_positions() {
    let output = concat!(
        "三、收到和处理政府信息公开申请情况\n",
        "一、本年新收政府信息公开申请数量      0     35    21   0   0   0   56\n",
        "\n",
        "                         — 1 —\n",
        "\u{c}二、上年结转政府信息公开申请数量      24    2     6    0   0   0   32\n",
        "\u{c}",
    );
    let source =
        disclint::extract::pdf_from_output("r.pdf", output.to_owned(), disclint::Lang::En).unwrap();
    assert!(!source.text.contains('—'), "{}", source.text);
    let at = |needle: &str| {
        let offset = source.text.find(needle).unwrap();
        let position = source.position(offset);
        (
            source.location(offset).cloned(),
            position.line,
            &output[source.original_offset(offset)..][..needle.len()] == needle,
        )
    };
    let page = |page, line| Some(Location::Page { page, line });
    assert_eq!(at("一、本年新收"), (page(1, 2), 2, true));
    assert_eq!(at("二、上年结转"), (page(2, 1), 5, true));
    let linter = Linter::new(LintOptions::default());
    let analysis = linter.analyze(&source);
    let table = analysis.report.table("applications").unwrap();
    let ids: Vec<&str> = table.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["new", "carried_over"]);
    assert_eq!(table.rows[1].values.len(), 7);
}
