//! What an identity failure says and where it points: the primary span on
//! the total cell, a label with its value on every other term's cell, and
//! one diagnostic for one broken number.

use disclint::rules::{Selection, Selector};
use disclint::{Diagnostic, LintOptions, Linter, SourceFile};

fn clean_report() -> String {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/reports/clean-2024.txt");
    std::fs::read_to_string(path).unwrap()
}

fn lint(select: &str, text: &str) -> (SourceFile, Vec<Diagnostic>) {
    let linter = Linter::new(LintOptions {
        selection: Selection {
            select: Some(select.split(',').map(Selector::new).collect()),
            ..Selection::default()
        },
        ..LintOptions::default()
    });
    let source = SourceFile::from_text("report.txt", text);
    let diagnostics = linter.lint(&source);
    (source, diagnostics)
}

/// (line, text under the span, label message) of every label.
fn labels(source: &SourceFile, d: &Diagnostic) -> Vec<(usize, String, String)> {
    d.labels
        .iter()
        .map(|l| {
            (
                source.position(l.span.offset).line,
                l.span.slice(&source.text).to_owned(),
                l.message.clone(),
            )
        })
        .collect()
}

#[test]
fn a_broken_balance_points_at_the_total_labels_each_term_and_names_the_cell_that_explains_it() {
    // 结转下年度 of 商业企业 becomes 1: 24 + 1 ≠ 25 + 1 in that column.
    let text = clean_report().replacen(
        "| 四、结转下年度继续办理 |\n0 |\n0 |",
        "| 四、结转下年度继续办理 |\n0 |\n1 |",
        1,
    );
    let (source, found) = lint("A001", &text);
    let d = found
        .iter()
        .find(|d| d.message.starts_with("“商业企业”列"))
        .expect("A001 in the 商业企业 column");
    assert_eq!(
        d.message,
        "“商业企业”列：本年新收(24) + 上年结转(1) = 25，但办理结果总计(25) + 结转下年度(1) = 26"
    );
    assert_eq!(source.position(d.span.offset).line, 256);
    assert_eq!(d.span.slice(&source.text), "25");
    assert_eq!(
        labels(&source, d),
        vec![
            (62, "24".to_owned(), "本年新收 = 24".to_owned()),
            (70, "1".to_owned(), "上年结转 = 1".to_owned()),
            (256, "25".to_owned(), "办理结果总计 = 25".to_owned()),
            // The changed cell alone also breaks its row's total (A003):
            // it is the one named, not the total the finding is anchored on.
            (264, "1".to_owned(), "结转下年度 = 1，应为0？".to_owned()),
        ]
    );
    assert!(d
        .help
        .as_deref()
        .unwrap()
        .contains("本年新收 + 上年结转 = 办理结果总计 + 结转下年度"));
}

#[test]
fn an_invalid_cell_is_reported_once_and_skips_the_identities_through_it() {
    // 予以公开/商业企业 becomes `3件`: T003 says so; A002 (its column) and A003
    // (its row) are not checked; A001 does not use the cell and holds.
    let text = clean_report().replacen(
        "| (一)予以公开 |\n0 |\n3 |",
        "| (一)予以公开 |\n0 |\n3件 |",
        1,
    );
    let (source, found) = lint("T,A", &text);
    let codes: Vec<(&str, usize)> = found
        .iter()
        .map(|d| (d.code.as_str(), source.position(d.span.offset).line))
        .collect();
    assert_eq!(codes, vec![("T003", 80)]);
}

#[test]
fn a_wrong_sub_row_shows_the_sum_and_labels_the_non_zero_parts() {
    let text = clean_report().replacen(
        "| (一)予以公开 |\n0 |\n3 |",
        "| (一)予以公开 |\n0 |\n4 |",
        1,
    );
    let (source, found) = lint("A002", &text);
    let d = found
        .iter()
        .find(|d| d.message.starts_with("“商业企业”列"))
        .expect("A002 in the 商业企业 column");
    assert_eq!(
        d.message,
        "“商业企业”列：办理结果总计(25)，但办理结果各项之和(26)"
    );
    let labelled = labels(&source, d);
    // The cell also breaks its row's total (A003): one correction fixes both.
    assert!(labelled.contains(&(80, "4".to_owned(), "予以公开 = 4，应为3？".to_owned())));
    // Only non-zero parts, at most eight, plus the primary's own label.
    assert!(labelled.len() <= 9, "{labelled:#?}");
    assert!(
        labelled.iter().all(|(_, text, _)| text != "0"),
        "{labelled:#?}"
    );
}

#[test]
fn counts_beyond_two_to_the_fifty_third_are_added_exactly() {
    // 9007199254740968 + 24 = 9007199254740992, not the 9007199254740993 the
    // row's 总计 says; as f64 both sides are 2^53 and the error is missed.
    let text = clean_report().replacen(
        "| 一、本年新收政府信息公开申请数量 |\n0 |\n24 |\n0 |\n0 |\n0 |\n0 |\n24 |",
        "| 一、本年新收政府信息公开申请数量 |\n9007199254740968 |\n24 |\n0 |\n0 |\n0 |\n0 |\n9007199254740993 |",
        1,
    );
    let (source, found) = lint("A003", &text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!(d.span.slice(&source.text), "9007199254740993");
    assert_eq!(
        d.message,
        "“本年新收”行：总计(9007199254740993)，但自然人(9007199254740968) + 商业企业(24) + 科研机构(0) + 社会公益组织(0) + 法律服务机构(0) + 其他(0) = 9007199254740992"
    );
    let labelled = labels(&source, d);
    assert!(
        labelled.contains(&(
            67,
            "9007199254740993".to_owned(),
            // Two cells changed (自然人 and 总计): no one cell explains it.
            "总计 = 9007199254740993".to_owned()
        )),
        "{labelled:#?}"
    );
    // And the largest count there is, u64::MAX, adds up without overflow.
    let max = u64::MAX.to_string();
    let text = clean_report().replacen(
        "| 一、本年新收政府信息公开申请数量 |\n0 |\n24 |\n0 |\n0 |\n0 |\n0 |\n24 |",
        &format!(
            "| 一、本年新收政府信息公开申请数量 |\n{max} |\n{max} |\n0 |\n0 |\n0 |\n0 |\n{max} |"
        ),
        1,
    );
    let (_, found) = lint("A003", &text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.ends_with("= 36893488147419103230"),
        "{}",
        found[0].message
    );
}
