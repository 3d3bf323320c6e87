//! Citation, text and period rules never panic, whatever the marks, brackets
//! and digits, and every fix they offer replaces whole characters with
//! edits in order that do not overlap.

use disclint::rules::{Selection, Selector};
use disclint::{LintOptions, Linter, SourceFile};
use proptest::prelude::*;

const ALPHABET: &[&str] = &[
    "《",
    "》",
    "〈",
    "〉",
    "<",
    ">",
    "＜",
    "＞",
    "(",
    ")",
    "（",
    "）",
    "〔",
    "〕",
    "[",
    "]",
    "【",
    "】",
    "﹝",
    "﹞",
    "2021",
    "0",
    "30",
    "号",
    "第",
    "令",
    "国务院",
    "国办公开办函",
    "年",
    "度",
    ",",
    "。",
    "\n",
    " ",
    "X",
    "×",
    "某某县",
    "&nbsp;",
    "</td>",
    "格式",
    "条例",
    "中华人民共和国政府信息公开条例",
    "第二十条第(五)项",
    "行政许可",
    "2023年,",
    "……件",
    ":",
];

fn report() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..80)
        .prop_map(|parts| format!("某县2024年政府信息公开工作年度报告\n{}", parts.concat()))
}

proptest! {
    #[test]
    fn never_panic_and_fixes_are_on_char_boundaries(text in report()) {
        let linter = Linter::new(LintOptions {
            selection: Selection {
                select: Some(vec![Selector::new("C"), Selector::new("X"), Selector::new("P005")]),
                ..Selection::default()
            },
            ..LintOptions::default()
        });
        let source = SourceFile::from_text("p.txt", text.as_str());
        for d in linter.lint(&source) {
            prop_assert!(text.is_char_boundary(d.span.offset));
            prop_assert!(text.is_char_boundary(d.span.end()));
            let mut last_end = 0;
            for edit in d.fix.iter().flat_map(|f| &f.edits) {
                prop_assert!(text.is_char_boundary(edit.offset));
                prop_assert!(text.is_char_boundary(edit.offset + edit.length));
                prop_assert!(edit.offset >= last_end, "edits overlap or are out of order");
                last_end = edit.offset + edit.length;
            }
        }
    }
}
