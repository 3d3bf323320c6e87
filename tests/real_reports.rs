//! The seed and the real corpus in `../shared` (skipped with a note when absent).

mod common;
use std::path::Path;

use disclint::model::{Number, Value};
use disclint::{LintOptions, Linter, Severity, SourceFile};

fn seed(shared: &Path) -> SourceFile {
    let dir = shared.join("seed");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .expect("a seed report");
    let bytes = std::fs::read(&path).unwrap();
    disclint::read::decode(&path.display().to_string(), &bytes, None).unwrap()
}

#[test]
fn seed_model_field_by_field() {
    let Some(shared) = common::shared() else {
        return;
    };
    let source = seed(&shared);
    let linter = Linter::new(LintOptions::default());
    let report = linter.analyze(&source).report;
    let title = report.title.as_ref().expect("title");
    assert_eq!(
        title.text,
        "扎赉特旗宝力根花苏木2024年政府信息公开工作年度报告"
    );
    assert_eq!(title.agency.as_ref().unwrap().value, "扎赉特旗宝力根花苏木");
    assert_eq!(report.year_value(), Some(2024));
    assert_eq!(report.edition, disclint::Edition::E2021);
    let period = report.period.as_ref().expect("period");
    assert_eq!(period.start_iso().as_deref(), Some("2024-01-01"));
    assert_eq!(period.end_iso().as_deref(), Some("2024-12-31"));
    let kinds: Vec<&str> = report.sections.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "overview",
            "active_disclosure",
            "applications",
            "review_litigation",
            "problems",
            "other"
        ]
    );
    let numbers: Vec<Option<u8>> = report.sections.iter().map(|s| s.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6].map(Some));
    assert_eq!(report.sections[0].subsections.len(), 5);
    let rows: Vec<(&str, usize)> = report
        .tables
        .iter()
        .map(|t| (t.kind.as_str(), t.rows.len()))
        .collect();
    assert_eq!(
        rows,
        [
            ("active_disclosure", 6),
            ("applications", 25),
            ("review_litigation", 1)
        ]
    );
    for table in &report.tables {
        for row in &table.rows {
            assert_eq!(row.values.len(), row.expected, "{} {}", table.kind, row.id);
            assert!(
                row.values
                    .iter()
                    .all(|v| v.value == Value::Integer(Number::ZERO)),
                "{} {}",
                table.kind,
                row.id
            );
        }
    }
    assert_eq!(report.tables[2].rows[0].values.len(), 15);
}

#[test]
fn seed_has_no_error() {
    let Some(shared) = common::shared() else {
        return;
    };
    let source = seed(&shared);
    let linter = Linter::new(LintOptions::default());
    let errors: Vec<_> = linter
        .lint(&source)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn every_corpus_report_parses_and_lints() {
    let Some(shared) = common::shared() else {
        return;
    };
    let linter = Linter::new(LintOptions::default());
    let files = common::files(&shared, "corpus/real", &[]);
    assert!(files.len() >= 100, "the corpus has its 113 reports");
    let mut with_year = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let Ok(source) = disclint::read::decode(&path.display().to_string(), &bytes, None) else {
            panic!("{} does not decode", path.display());
        };
        let analysis = linter.analyze(&source);
        with_year += usize::from(analysis.report.year.is_some());
        for diagnostic in linter.check(&source, &analysis) {
            assert!(
                diagnostic.span.end() <= source.text.len(),
                "{}",
                path.display()
            );
            assert!(
                source.text.is_char_boundary(diagnostic.span.offset),
                "{}",
                path.display()
            );
        }
    }
    // A human sees a report year in nearly every excerpt.
    assert!(
        with_year * 10 >= files.len() * 9,
        "{with_year} of {}",
        files.len()
    );
}

/// The real defects issue 12 names are found, each with its rule's code, on
/// its line.
#[test]
fn the_named_real_defects_are_found_with_the_right_code() {
    let Some(shared) = common::shared() else {
        return;
    };
    let linter = Linter::new(LintOptions::default());
    let expected = [
        ("007.txt", "A005", 3), // the parts after 共计…包括 add up to more
        ("036.txt", "A005", 6), // the parts after …其中 fall short
        ("008.txt", "A006", 3), // 共受理…申请 against 一、本年新收
        ("038.txt", "P004", 1), // 至12月31止
        ("038.txt", "P005", 5), // a run-in subsection opening with last year
        ("017.txt", "C008", 5), // the 2019 notice, with its number
        ("029.txt", "C008", 3), // the 2019 notice, without
        ("050.txt", "C008", 9),
    ];
    for (name, code, line) in expected {
        let path = shared.join("corpus/real").join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let source = SourceFile::from_text(name, text.as_str());
        let found: Vec<usize> = linter
            .lint(&source)
            .iter()
            .filter(|d| d.code == code)
            .map(|d| source.position(d.span.offset).line)
            .collect();
        assert!(
            found.contains(&line),
            "{name}: {code} at {found:?}, not {line}"
        );
    }
}
