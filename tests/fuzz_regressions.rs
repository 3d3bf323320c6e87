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

/// `fix` target: `--fix` on a GB18030 file could write bytes that the next
/// run reads as another text: the X002 fix deletes the only bytes that are
/// not valid UTF-8 (a tag fragment); what is left, `C2 A1` (GB18030 “隆”), is
/// valid UTF-8 (“¡”), so the fixed file would be detected as UTF-8. The
/// pipeline refuses such a fix and leaves the bytes as they were.
#[test]
fn a_fix_that_would_read_back_as_another_text_is_refused() {
    use disclint::fix::FixOptions;
    use disclint::input::InputOptions;
    use disclint::run::{FixMode, Pipeline};

    let text = "隆 中华人民共和国政府信息公开工作年度报告格式>\n";
    let bytes = disclint::read::encode(text, disclint::source::TextEncoding::Gb18030, false);
    let options = InputOptions::default();
    let linter = Linter::new(LintOptions {
        selection: Selection {
            select: Some(vec![Selector::new("ALL")]),
            ..Selection::default()
        },
        ..LintOptions::default()
    });
    let pipeline = Pipeline {
        linter: &linter,
        input: &options,
        suppressions: None,
        fix: Some(FixMode {
            options: FixOptions { unsafe_fixes: true },
            write: true,
        }),
        keep_report: false,
    };
    let result = pipeline.process_bytes("gb.txt", bytes.clone());
    assert!(
        result
            .fix_error
            .as_deref()
            .is_some_and(|e| e.contains("编码")),
        "{:?}",
        result.fix_error
    );
    assert_eq!(result.output.as_deref(), Some(bytes.as_slice()));
    assert_eq!(result.fixed, 0);
}
