//! Inputs the fuzzers found crashes with (`fuzz/`), kept as regression tests.

use disclint::rules::{Selection, Selector};
use disclint::{LintOptions, Linter, SourceFile};

fn lint_all_rules(text: &str) -> Vec<disclint::Diagnostic> {
    let linter = Linter::new(LintOptions {
        selection: Selection {
            select: Some(vec![Selector::new("ALL")]),
            ..Selection::default()
        },
        ..LintOptions::default()
    });
    let source = SourceFile::from_text("regression.txt", text);
    let diagnostics = linter.lint(&source);
    for d in &diagnostics {
        assert!(text.is_char_boundary(d.span.offset), "{d:?}");
        assert!(text.is_char_boundary(d.span.end()), "{d:?}");
        for edit in d.fix.iter().flat_map(|fix| &fix.edits) {
            assert!(text.is_char_boundary(edit.offset), "{d:?}");
            assert!(text.is_char_boundary(edit.offset + edit.length), "{d:?}");
        }
    }
    diagnostics
}

/// `check` target: a period year with a leading zero (`0505年`) put P002's span
/// one byte into the `年` that follows.
#[test]
fn period_year_with_leading_zero() {
    let text = "某某镇人民政府2024年政府信息公开工作年度报告\n一、总体情况\n本报告所列数据统计期限为0505年1月1日至2023年12月31日。\n";
    let diagnostics = lint_all_rules(text);
    let p002 = diagnostics.iter().find(|d| d.code == "P002").expect("P002");
    assert_eq!(p002.span.slice(text), "0505");
}
