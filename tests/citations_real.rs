//! The seed report's citation defects, and the citation and text rules over
//! the real corpus. Both read `../shared`; without it they skip with a note.

mod common;

use disclint::diagnostic::Applicability;
use disclint::{LintOptions, Linter, Severity, SourceFile};

fn apply(text: &str, fix: &disclint::diagnostic::Fix) -> String {
    let mut out = text.to_owned();
    for edit in fix.edits.iter().rev() {
        out.replace_range(edit.offset..edit.offset + edit.length, &edit.replacement);
    }
    out
}

#[test]
fn the_seed_has_a_nested_title_in_ascii_marks_and_a_dangling_fragment() {
    let Some(shared) = common::shared() else {
        return;
    };
    let path = std::fs::read_dir(shared.join("seed"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let source = SourceFile::from_text(path.display().to_string(), text.as_str());
    let found = Linter::new(LintOptions::default()).lint(&source);

    let errors: Vec<_> = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let c006: Vec<_> = found.iter().filter(|d| d.code == "C006").collect();
    assert_eq!(c006.len(), 1, "{found:#?}");
    let d = c006[0];
    assert_eq!(source.position(d.span.offset).line, 2);
    assert_eq!(
        d.span.slice(&text),
        "<中华人民共和国政府信息公开工作年度报告格式>"
    );
    let fix = d.fix.as_ref().expect("C006 carries a fix");
    assert_eq!(fix.applicability, Applicability::Safe);
    let fixed = apply(&text, fix);
    assert!(fixed.contains("关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"));

    let x002: Vec<_> = found.iter().filter(|d| d.code == "X002").collect();
    assert_eq!(x002.len(), 1, "{found:#?}");
    assert_eq!(
        x002[0].span.slice(&text),
        "中华人民共和国政府信息公开工作年度报告格式>"
    );
    assert_eq!(source.position(x002[0].span.offset).line, 2);
}

#[test]
fn citation_and_text_errors_over_the_corpus_are_the_known_defects() {
    let Some(shared) = common::shared() else {
        return;
    };
    let linter = Linter::new(LintOptions::default());
    let files = common::files(&shared, "corpus/real", &["txt"]);
    let mut errors = Vec::new();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let source = SourceFile::from_text(path.display().to_string(), text.as_str());
        for d in linter.lint(&source) {
            let mine = d.code.starts_with('C') || d.code.starts_with('X') || d.code == "P005";
            if mine && d.severity == Severity::Error {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                errors.push((name, d.code.clone(), d.span.slice(&text).to_owned()));
            }
        }
    }
    // Each one read and confirmed: a 2019-notice title with the 2021 number,
    // misspelt issuer codes, a `》` that closes nothing, reports for 2022–2024
    // that say they follow the 2019 notice, a web address left as `(具体网址)`.
    let notice_2019 =
        "国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知";
    let expected = [
        ("009.txt", "C005", "》"),
        ("017.txt", "C008", notice_2019),
        ("026.txt", "C002", "国办公开办函〔2021〕30号"),
        ("029.txt", "C008", notice_2019),
        ("050.txt", "C008", notice_2019),
        ("051.txt", "C008", notice_2019),
        ("058.txt", "C002", "国办公开函"),
        ("084.txt", "C002", "国办公开办函【2021】30号"),
        ("087.txt", "X001", "(具体网址)"),
        (
            "097.txt",
            "C008",
            "关于政府信息公开工作年度报告有关事项的通知",
        ),
        ("101.txt", "C002", "国办公开办涵"),
        ("102.txt", "C008", notice_2019),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(f, c, s)| (f.to_string(), c.to_string(), s.to_string()))
        .collect();
    assert_eq!(errors, expected);
}
