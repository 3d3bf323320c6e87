//! `check --annotate`: a copy of a Word document with one review comment
//! per finding, anchored on its text; the original untouched; the copy
//! read back by the extractor and opened by LibreOffice.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::docx::*;
use disclint::annotate::annotate_docx;
use disclint::extract::extract;
use disclint::input::InputOptions;
use disclint::synth::{Rendering, Rng, SynthReport};
use disclint::{Diagnostic, Lang, LintOptions, Linter, SourceFile};

fn read(bytes: &[u8]) -> SourceFile {
    match extract("draft.docx", bytes, &InputOptions::default()) {
        Ok(source) => source,
        Err(diagnostic) => panic!("not read: {}: {}", diagnostic.code, diagnostic.message),
    }
}

/// A report with defects (a total that does not add up, a period of the
/// wrong year), as text.
fn defective_report() -> String {
    let report = SynthReport::consistent(&mut Rng::new(5), 2024);
    let text = report.render(Rendering::Markdown);
    common::with_wrong_total(&text).replace(
        "所列数据统计期限为2024年1月1日",
        "所列数据统计期限为2023年1月1日",
    )
}

/// The entries of a zip: name → (compressed bytes, CRC).
fn raw_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>, u32)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index_raw(i).unwrap();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            (entry.name().to_owned(), data, entry.crc32())
        })
        .collect()
}

/// A part of a zip, inflated, as text.
fn part(bytes: &[u8], name: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut entry = archive.by_name(name).ok()?;
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap();
    Some(text)
}

/// The text of the `w:t` elements of an XML fragment, entities decoded.
fn texts_in(fragment: &str) -> String {
    let texts = regex::Regex::new(r"<w:t(?: [^>]*)?>([^<]*)</w:t>").unwrap();
    texts
        .captures_iter(fragment)
        .map(|c| {
            c[1].replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
        })
        .collect()
}

/// For each comment id, the text between its range start and end.
fn anchored(document: &str, id: u64) -> String {
    let start = format!(r#"<w:commentRangeStart w:id="{id}"/>"#);
    let end = format!(r#"<w:commentRangeEnd w:id="{id}"/>"#);
    let from = document
        .find(&start)
        .unwrap_or_else(|| panic!("no start of {id}"));
    let to = document
        .find(&end)
        .unwrap_or_else(|| panic!("no end of {id}"));
    assert!(from <= to, "comment {id} ends before it starts");
    assert!(
        document[to..].starts_with(&format!(
            r#"{end}<w:r><w:commentReference w:id="{id}"/></w:r>"#
        )),
        "comment {id} has its reference run after its end"
    );
    texts_in(&document[from..to])
}

/// The text a span covers, as the document has it: pipes, breaks and
/// blank space dropped, and the heading numerals Word generates too.
fn expected_anchor(source: &SourceFile, diagnostic: &Diagnostic) -> String {
    let numeral =
        regex::Regex::new(r"(?m)^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")
            .unwrap();
    let text = source.slice(diagnostic.span);
    numeral
        .replace_all(text, "")
        .chars()
        .filter(|c| !matches!(c, ' ' | '|' | '\n' | '\t'))
        .collect()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, ' ' | '\t')).collect()
}

#[test]
fn every_finding_gets_one_comment_anchored_on_its_text() {
    let linter = Linter::new(LintOptions::default());
    let bytes = report_docx(&defective_report());
    let source = read(&bytes);
    let diagnostics = linter.lint(&source);
    assert!(diagnostics.len() >= 3, "{diagnostics:#?}");
    let copy = annotate_docx(&bytes, &source, &diagnostics, Lang::Zh).unwrap();

    // The copy reads back as the same text.
    let reread = read(&copy);
    assert_eq!(reread.text, source.text);
    assert_eq!(linter.lint(&reread).len(), diagnostics.len());

    let comments = part(&copy, "word/comments.xml").expect("a comments part");
    let document = part(&copy, "word/document.xml").unwrap();
    assert_eq!(comments.matches("<w:comment ").count(), diagnostics.len());
    for (id, diagnostic) in diagnostics.iter().enumerate() {
        let id = id as u64;
        let opening = format!(r#"<w:comment w:id="{id}" w:author="disclint""#);
        let at = comments
            .find(&opening)
            .unwrap_or_else(|| panic!("no comment {id}"));
        let body = &comments[at..];
        let body = &body[..body.find("</w:comment>").unwrap()];
        assert!(
            texts_in(body).starts_with(&format!("{}（{}）：", diagnostic.code, diagnostic.name)),
            "{body}"
        );
        if let Some(help) = &diagnostic.help {
            assert!(
                texts_in(body).contains(&format!("修改建议：{help}")),
                "{body}"
            );
        }
        let expected = expected_anchor(&source, diagnostic);
        assert_eq!(
            squeeze(&anchored(&document, id)),
            expected,
            "{} at {:?}",
            diagnostic.code,
            diagnostic.span
        );
    }
    // The content type and the relationship of the new part.
    let types = part(&copy, "[Content_Types].xml").unwrap();
    assert!(
        types.contains(r#"PartName="/word/comments.xml""#),
        "{types}"
    );
    let rels = part(&copy, "word/_rels/document.xml.rels").unwrap();
    assert!(rels.contains(r#"Target="comments.xml""#), "{rels}");
    // Every other entry is copied byte for byte.
    let changed = [
        "word/document.xml",
        "word/comments.xml",
        "[Content_Types].xml",
        "word/_rels/document.xml.rels",
    ];
    let before = raw_entries(&bytes);
    let after = raw_entries(&copy);
    for entry in &before {
        if !changed.contains(&entry.0.as_str()) {
            assert!(after.contains(entry), "{} was not copied raw", entry.0);
        }
    }
}

#[test]
fn a_span_inside_a_run_splits_it_and_keeps_its_properties() {
    let body = r#"<w:p><w:r><w:rPr><w:b/><w:color w:val="FF0000"/></w:rPr><w:t>前文甲乙丙后文</w:t></w:r></w:p>"#;
    let bytes = Docx::new(body).build();
    let source = read(&bytes);
    let at = source.text.find("甲乙丙").unwrap();
    let diagnostic = Diagnostic {
        code: "X001".into(),
        name: "test".into(),
        severity: disclint::Severity::Error,
        message: "甲乙丙 <不对> & 改".into(),
        help: Some("改成丁".into()),
        span: disclint::span::Span::new(at, "甲乙丙".len()),
        labels: Vec::new(),
        related: Vec::new(),
        fix: None,
    };
    let copy = annotate_docx(&bytes, &source, &[diagnostic], Lang::En).unwrap();
    let document = part(&copy, "word/document.xml").unwrap();
    assert!(document.contains(concat!(
        r#"<w:t>前文</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:rPr><w:b/><w:color w:val="FF0000"/></w:rPr>"#,
        r#"<w:t xml:space="preserve">甲乙丙</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#,
        r#"<w:r><w:rPr><w:b/><w:color w:val="FF0000"/></w:rPr><w:t xml:space="preserve">后文</w:t></w:r>"#
    )), "{document}");
    let comments = part(&copy, "word/comments.xml").unwrap();
    assert!(
        comments.contains("X001 (test): 甲乙丙 &lt;不对&gt; &amp; 改"),
        "{comments}"
    );
    assert!(comments.contains("Help: 改成丁"), "{comments}");
    assert_eq!(read(&copy).text, source.text);
}

#[test]
fn existing_comments_are_kept_and_new_ids_come_after_them() {
    let body = concat!(
        r#"<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>已有批注</w:t></w:r><w:commentRangeEnd w:id="7"/>"#,
        r#"<w:r><w:commentReference w:id="7"/></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>所列数据统计期限为2023年1月1日至2024年12月31日。</w:t></w:r></w:p>"#,
    );
    let bytes = Docx::new(body)
        .comments(r#"<w:comment w:id="7" w:author="李四"><w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment>"#)
        .build();
    let source = read(&bytes);
    let linter = Linter::new(LintOptions::default());
    let diagnostics = linter.lint(&source);
    assert!(!diagnostics.is_empty());
    let copy = annotate_docx(&bytes, &source, &diagnostics, Lang::Zh).unwrap();
    let comments = part(&copy, "word/comments.xml").unwrap();
    assert!(
        comments.contains(r#"<w:comment w:id="7" w:author="李四">"#),
        "{comments}"
    );
    assert!(
        comments.contains(r#"<w:comment w:id="8" w:author="disclint""#),
        "{comments}"
    );
    assert_eq!(
        comments.matches("<w:comment ").count(),
        diagnostics.len() + 1
    );
    let document = part(&copy, "word/document.xml").unwrap();
    assert_eq!(anchored(&document, 7), "已有批注");
    // No second comments part, content type or relationship.
    assert_eq!(raw_entries(&copy).len(), raw_entries(&bytes).len());
}

#[test]
fn a_finding_without_a_place_is_anchored_at_the_start() {
    let bytes = Docx::new([p("第一段"), p("第二段")].concat()).build();
    let source = read(&bytes);
    let diagnostic = Diagnostic {
        code: "S001".into(),
        name: "missing-section".into(),
        severity: disclint::Severity::Error,
        message: "缺少章节".into(),
        help: None,
        span: disclint::span::Span::new(0, 0),
        labels: Vec::new(),
        related: Vec::new(),
        fix: None,
    };
    let copy = annotate_docx(&bytes, &source, &[diagnostic], Lang::Zh).unwrap();
    let document = part(&copy, "word/document.xml").unwrap();
    assert!(
        document.contains(concat!(
            r#"<w:body><w:p><w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/>"#,
            r#"<w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve">第一段"#
        )),
        "{document}"
    );
}

/// A scratch folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("disclint-annotate-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn disclint() -> Command {
    let mut cmd = Command::cargo_bin("disclint").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_cli_writes_the_copy_beside_the_original_and_leaves_it_alone() {
    let scratch = Scratch::new("beside");
    let draft = scratch.path("draft.docx");
    let bytes = report_docx(&defective_report());
    std::fs::write(&draft, &bytes).unwrap();
    std::fs::write(scratch.path("notes.txt"), defective_report()).unwrap();
    let output = disclint()
        .args(["check", "--lang", "en", "--annotate"])
        .arg(&draft)
        .arg(scratch.path("notes.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let notes = stderr_of(&output);
    assert!(notes.contains("wrote the annotated copy"), "{notes}");
    assert!(
        notes.contains("notes.txt: only Word documents (.docx) can be annotated"),
        "{notes}"
    );
    assert_eq!(
        std::fs::read(&draft).unwrap(),
        bytes,
        "the original changed"
    );
    let copy = std::fs::read(scratch.path("draft.disclint.docx")).unwrap();
    assert_eq!(read(&copy).text, read(&bytes).text);
    assert!(part(&copy, "word/comments.xml").is_some());
    // The report points at paragraphs and cells of the document.
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("table 2, row"), "{stdout}");
}

#[test]
fn annotate_dir_puts_copies_elsewhere_and_an_input_is_never_overwritten() {
    let scratch = Scratch::new("dir");
    let draft = scratch.path("draft.docx");
    let bytes = report_docx(&defective_report());
    std::fs::write(&draft, &bytes).unwrap();
    let out = scratch.path("out");
    let output = disclint()
        .args(["check", "--lang", "en", "--annotate", "--annotate-dir"])
        .arg(&out)
        .arg(&draft)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    assert!(out.join("draft.disclint.docx").is_file());
    assert!(!scratch.path("draft.disclint.docx").exists());

    // draft.disclint.docx is an input: it is not replaced (exit 2).
    let other = scratch.path("draft.disclint.docx");
    std::fs::write(&other, &bytes).unwrap();
    let output = disclint()
        .args(["check", "--lang", "en", "--annotate"])
        .arg(&draft)
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("is one of the inputs"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(std::fs::read(&other).unwrap(), bytes);
    assert!(scratch.path("draft.disclint.disclint.docx").is_file());
}

#[test]
fn fix_leaves_a_docx_byte_for_byte_and_says_so() {
    let scratch = Scratch::new("fix");
    let draft = scratch.path("draft.docx");
    let bytes = report_docx(&defective_report());
    std::fs::write(&draft, &bytes).unwrap();
    let output = disclint()
        .args(["check", "--lang", "en", "--fix"])
        .arg(&draft)
        .output()
        .unwrap();
    assert_eq!(std::fs::read(&draft).unwrap(), bytes);
    let notes = stderr_of(&output);
    assert!(
        notes.contains("--fix only edits plain text and Markdown files")
            && notes.contains("use --annotate"),
        "{notes}"
    );
    assert_eq!(output.status.code(), Some(1), "{notes}");
}

/// Opens a copy with LibreOffice: `soffice --headless --convert-to pdf`
/// must succeed. Skipped, with a note, where soffice is not installed.
#[test]
fn libreoffice_opens_the_annotated_copy() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|name| {
        std::process::Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped libreoffice_opens_the_annotated_copy: soffice is not installed"
        );
        return;
    };
    let scratch = Scratch::new("soffice");
    let linter = Linter::new(LintOptions::default());
    let text = defective_report();
    let body = format!(
        "{}<w:p>{}{}</w:p>",
        report_body(&text),
        r("框外"),
        text_box(&["框内文字"])
    );
    let bytes = Docx::new(body).numbered().build();
    let source = read(&bytes);
    let diagnostics = linter.lint(&source);
    let copy = annotate_docx(&bytes, &source, &diagnostics, Lang::Zh).unwrap();
    let path = scratch.path("copy.docx");
    std::fs::write(&path, &copy).unwrap();
    let profile = format!("file://{}", scratch.path("profile").display());
    let output = std::process::Command::new(soffice)
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&scratch.0)
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let pdf = scratch.path("copy.pdf");
    let size = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
    assert!(
        size > 1000,
        "no PDF: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(Path::new(&pdf).is_file());
}

#[test]
fn ids_stay_above_those_the_document_uses_without_a_comments_part() {
    let body = concat!(
        r#"<w:p><w:commentRangeStart w:id="41"/><w:r><w:t>孤立的批注范围</w:t></w:r><w:commentRangeEnd w:id="41"/></w:p>"#,
        r#"<w:p><w:r><w:t>所列数据统计期限为2023年1月1日至2024年12月31日。</w:t></w:r></w:p>"#,
    );
    let bytes = Docx::new(body).build();
    let source = read(&bytes);
    let diagnostics = Linter::new(LintOptions::default()).lint(&source);
    assert!(!diagnostics.is_empty());
    let copy = annotate_docx(&bytes, &source, &diagnostics, Lang::Zh).unwrap();
    let comments = part(&copy, "word/comments.xml").unwrap();
    assert!(comments.contains(r#"<w:comment w:id="42""#), "{comments}");
    assert!(!comments.contains(r#"w:id="41""#), "{comments}");
}

#[test]
fn a_finding_in_a_text_box_is_anchored_at_the_paragraph_holding_it() {
    let body = format!(
        "{}<w:p>{}{}</w:p>",
        p("第一段"),
        r("框外"),
        text_box(&["框内有误"])
    );
    let bytes = Docx::new(body).build();
    let source = read(&bytes);
    let at = source.text.find("有误").unwrap();
    let diagnostic = Diagnostic {
        code: "X001".into(),
        name: "test".into(),
        severity: disclint::Severity::Warning,
        message: "框内".into(),
        help: None,
        span: disclint::span::Span::new(at, "有误".len()),
        labels: Vec::new(),
        related: Vec::new(),
        fix: None,
    };
    let copy = annotate_docx(&bytes, &source, &[diagnostic], Lang::Zh).unwrap();
    let document = part(&copy, "word/document.xml").unwrap();
    assert!(
        document.contains(concat!(
            r#"<w:p><w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/>"#,
            r#"<w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve">框外"#
        )),
        "{document}"
    );
    assert_eq!(read(&copy).text, source.text);
}
