//! Any text, any mix of report fragments: parsing, modelling and every rule
//! finish without panicking, with spans inside the text.

use disclint::rules::{Selection, Selector};
use disclint::{LintOptions, Linter, SourceFile};
use proptest::prelude::*;

fn linter() -> Linter {
    Linter::new(LintOptions {
        selection: Selection {
            select: Some(vec![Selector::new("ALL")]),
            ..Selection::default()
        },
        ..LintOptions::default()
    })
}

const FRAGMENTS: &[&str] = &[
    "某某镇2024年政府信息公开工作年度报告\n",
    "一、总体情况\n",
    "（二） 依申请公开\n",
    "- 总体情况\n",
    "三、收到和处理政府信息公开申请情况\n",
    "| 一、本年新收政府信息公开申请数量 |\n",
    "0 |\n",
    "||\n",
    "|\n",
    "\t",
    "| 规章 | 0 | 1 | x |\n",
    "所列数据统计期限为2024年1月1日至2月30日。\n",
    "统计期限自 2023年 1 月 起至\n",
    "《中华人民共和国政府信息公开条例》(国务院令第492号)\n",
    "《未闭合",
    "\r\n",
    "\r",
    "四、",
    "(七)总计\n",
    "行政复议\n结果维持\n",
    "9999999999999999999999 |\n",
    "十九、",
];

fn check(text: &str) {
    let source = SourceFile::from_text("prop.txt", text);
    for diagnostic in linter().lint(&source) {
        assert!(diagnostic.span.end() <= text.len());
        assert!(text.is_char_boundary(diagnostic.span.offset));
        assert!(text.is_char_boundary(diagnostic.span.end()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn fragment_mixes_never_panic(parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60)) {
        check(&parts.concat());
    }
}
