//! A user pack adds identities (to a built-in table, or with a table of its
//! own) without recompiling; a pack whose identity names something unknown
//! does not load. The packs here are written for these tests only.

use disclint::pack::Pack;
use disclint::{Lang, LintOptions, Linter, SourceFile};

fn clean_report() -> String {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/reports/clean-2024.txt");
    std::fs::read_to_string(path).unwrap()
}

fn lint(packs: Vec<Pack>, text: &str) -> Vec<(String, String, usize)> {
    let linter = Linter::new(LintOptions {
        packs,
        ..LintOptions::default()
    });
    let source = SourceFile::from_text("report.txt", text);
    linter
        .lint(&source)
        .into_iter()
        .map(|d| {
            let line = source.position(d.span.offset).line;
            (d.code, d.message, line)
        })
        .collect()
}

const EXTRA_IDENTITY: &str = r#"
[pack]
name = "test-carry"

[[identities]]
table = "applications"
code = "A101"
name = "nothing-carried"
each = "column"
check = "carried_over == carried_forward"
summary = "上年结转与结转下年度应相等（仅为测试）"
summary_en = "Carried over equals carried forward (a test)"
explanation_zh = "仅为测试。"
severity = "warning"
"#;

#[test]
fn a_pack_adds_an_identity_to_a_builtin_table() {
    let pack = Pack::from_toml("test-carry.toml", EXTRA_IDENTITY).unwrap();
    let linter = Linter::new(LintOptions {
        packs: vec![pack.clone()],
        ..LintOptions::default()
    });
    let meta = linter
        .registry()
        .find("A101")
        .expect("the pack's code is a rule");
    assert_eq!(meta.name, "nothing-carried");
    assert_eq!(
        meta.summary(Lang::En),
        "Carried over equals carried forward (a test)"
    );
    assert!(meta
        .explanation(Lang::Zh)
        .starts_with("仅为测试。\n\n用户规则包中的恒等式"));
    assert!(meta
        .explanation(Lang::En)
        .starts_with("An identity from a user pack"));
    let found = lint(vec![pack], &clean_report());
    // The clean report carries 1 over (商业企业, and so 总计) and nothing forward.
    let lines: Vec<usize> = found
        .iter()
        .filter(|(code, _, _)| code == "A101")
        .map(|(_, _, line)| *line)
        .collect();
    assert_eq!(lines, vec![70, 75], "{found:#?}");
    assert!(
        found.iter().all(|(code, _, _)| code == "A101"),
        "{found:#?}"
    );
    assert!(
        found[0].1.contains("上年结转(1)") && found[0].1.contains("结转下年度(0)"),
        "{}",
        found[0].1
    );
}

const NEW_TABLE: &str = r#"
[pack]
name = "test-fees"
edition = 2021

[[tables]]
kind = "processing_fees"
section = "other"
name = "信息处理费收取情况表"
headers = ["项目"]
columns = [{ id = "count", label = "件数" }]
rows = [
  { id = "charged", label = "收取信息处理费" },
  { id = "waived", label = "免收信息处理费" },
  { id = "all", label = "合计" },
]

[[tables.identities]]
code = "A102"
name = "fee-total"
each = "column"
check = "all == charged + waived"
"#;

#[test]
fn a_pack_adds_a_table_with_its_identity() {
    let pack = Pack::from_toml("test-fees.toml", NEW_TABLE).unwrap();
    let table = "| 项目 | 件数 |\n| 收取信息处理费 | 2 |\n| 免收信息处理费 | 3 |\n| 合计 | 6 |\n";
    let text = format!("{}{table}", clean_report());
    let found = lint(vec![pack.clone()], &text);
    let last = text.lines().count();
    assert_eq!(
        found,
        vec![(
            "A102".to_owned(),
            "“件数”列：合计(6)，但收取信息处理费(2) + 免收信息处理费(3) = 5".to_owned(),
            last
        )]
    );
    let fixed = text.replace("| 合计 | 6 |", "| 合计 | 5 |");
    assert_eq!(lint(vec![pack], &fixed), vec![]);
}

#[test]
fn decimal_cells_add_up_exactly() {
    // A 万元 column: 0.15 + 0.3 is 0.45, not 0.44999999999999996, and 0.4500001
    // is not 0.45 either.
    let pack = NEW_TABLE
        .replace(
            r#"{ id = "count", label = "件数" }"#,
            r#"{ id = "amount", label = "金额(万元)", decimal = true }"#,
        )
        .replace(r#"headers = ["项目"]"#, r#"headers = ["项目", "件数"]"#);
    let pack = Pack::from_toml("test-fees.toml", &pack).unwrap();
    let table = |all: &str| {
        format!(
            "{}| 项目 | 金额(万元) |\n| 收取信息处理费 | 0.15 |\n| 免收信息处理费 | 0.3 |\n| 合计 | {all} |\n",
            clean_report()
        )
    };
    assert_eq!(lint(vec![pack.clone()], &table("0.45")), vec![]);
    assert_eq!(lint(vec![pack.clone()], &table("0.450")), vec![]);
    let messages = |all: &str| -> Vec<String> {
        lint(vec![pack.clone()], &table(all))
            .into_iter()
            .map(|(_, message, _)| message)
            .collect()
    };
    assert_eq!(
        messages("0.46"),
        ["“金额”列：合计(0.46)，但收取信息处理费(0.15) + 免收信息处理费(0.3) = 0.45"]
    );
    assert_eq!(
        messages("0.4500001"),
        ["“金额”列：合计(0.4500001)，但收取信息处理费(0.15) + 免收信息处理费(0.3) = 0.45"]
    );
}

#[test]
fn an_identity_naming_something_unknown_does_not_load() {
    let unknown_row = EXTRA_IDENTITY.replace("carried_forward\"", "carried_fwd\"");
    let err = Pack::from_toml("t.toml", &unknown_row).unwrap_err();
    assert!(
        err.to_string().contains("unknown row `carried_fwd`"),
        "{err}"
    );
    assert_eq!(err.span_text(), Some("carried_over == carried_fwd"));

    let unknown_table = EXTRA_IDENTITY.replace("\"applications\"", "\"appls\"");
    let err = Pack::from_toml("t.toml", &unknown_table).unwrap_err();
    assert!(err.to_string().contains("unknown table `appls`"), "{err}");
    assert_eq!(err.span_text(), Some("\"appls\""));

    let unknown_column = NEW_TABLE.replace("each = \"column\"", "each = \"row\"");
    let err = Pack::from_toml("t.toml", &unknown_column).unwrap_err();
    assert!(err.to_string().contains("unknown column `all`"), "{err}");

    let empty_sum = NEW_TABLE.replace("charged + waived", "sum(fees.*)");
    let err = Pack::from_toml("t.toml", &empty_sum).unwrap_err();
    assert!(err.to_string().contains("matches no row"), "{err}");

    let syntax = EXTRA_IDENTITY.replace("carried_over ==", "carried_over =");
    let err = Pack::from_toml("t.toml", &syntax).unwrap_err();
    assert!(err.to_string().contains("at character 14"), "{err}");
    assert_eq!(err.span_text(), Some("carried_over = carried_forward"));

    for bad_code in ["S101", "A005", "A99", "A"] {
        let pack = EXTRA_IDENTITY.replace("\"A101\"", &format!("\"{bad_code}\""));
        let err = Pack::from_toml("t.toml", &pack).unwrap_err();
        assert!(err.to_string().contains("from 100 on"), "{err}");
    }
    // A built-in identity code takes more identities.
    let builtin_code = EXTRA_IDENTITY.replace("\"A101\"", "\"A001\"");
    assert!(Pack::from_toml("t.toml", &builtin_code).is_ok());
}

/// A pack that replaces the applications table with one of its own ids.
const OWN_APPLICATIONS: &str = r#"
[pack]
name = "own-applications"
edition = 2021

[[tables]]
kind = "applications"
section = "applications"
name = "收到和处理政府信息公开申请情况表"
columns = [{ id = "count", label = "件数" }]
rows = [{ id = "received", label = "收到申请" }]
"#;

#[test]
fn a_table_without_the_ids_the_rules_read_does_not_load() {
    let err = Pack::from_toml("own.toml", OWN_APPLICATIONS).unwrap_err();
    assert_eq!(err.problems().len(), 1, "{err:#}");
    let problem = &err.problems()[0];
    assert_eq!(problem.span_text(), Some("\"applications\""));
    assert_eq!(problem.position(), Some((7, 8)));
    let message = problem.message();
    for expected in [
        "table `applications` lacks",
        "row `new` (read by A006 `prose-table-mismatch`)",
        "row `carried_over` (read by A005 `prose-sum`, A006 `prose-table-mismatch`, Y001 `carry-over-mismatch`)",
        "column `total` (read by A005 `prose-sum`, A006 `prose-table-mismatch`)",
    ] {
        assert!(message.contains(expected), "{expected}\n{message}");
    }
    // Keeping the ids (whatever the labels) loads.
    let kept = OWN_APPLICATIONS.replace(
        r#"columns = [{ id = "count", label = "件数" }]
rows = [{ id = "received", label = "收到申请" }]"#,
        r#"columns = [{ id = "total", label = "件数" }]
rows = [
  { id = "new", label = "本年收到申请" },
  { id = "carried_over", label = "上年结转" },
  { id = "results.total", label = "办结" },
  { id = "carried_forward", label = "结转下年" },
]"#,
    );
    assert!(Pack::from_toml("own.toml", &kept).is_ok());
}

#[test]
fn the_built_in_identity_rules_are_declared_by_the_packs() {
    let registry = disclint::rules::Registry::builtin();
    let native = disclint::rules::Registry::native();
    for code in ["A001", "A002", "A003", "A004"] {
        assert!(native.find(code).is_none(), "{code} is written in Rust");
        let meta = registry.find(code).unwrap();
        assert!(meta.is_documented(), "{code}");
        assert_eq!(
            meta.bad_example.place,
            disclint::rules::Place::Rows,
            "{code}"
        );
    }
    let a003 = registry.find("applicant-total").unwrap();
    assert_eq!(
        a003.summary(Lang::Zh),
        "申请情况表某行的总计不等于各类申请人之和"
    );
    assert!(a003
        .explanation(Lang::En)
        .starts_with("In every row of the table of section 三"));
}

/// A user pack that declares an identity rule and gives it an identity.
const DECLARED: &str = r#"
[pack]
name = "declared"

[[identity_rules]]
code = "A110"
name = "carry-over-declared"
severity = "warning"
summary_zh = "结转持平（仅为测试）"
summary_en = "Carry-over steady (a test)"
explanation_en = "Declared once, used by the identity below."

[identity_rules.bad_example]
place = "rows"
text = "| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"

[[identities]]
table = "applications"
code = "A110"
each = "column"
check = "carried_over == carried_forward"
"#;

#[test]
fn a_user_pack_declares_an_identity_rule_once_for_its_identities() {
    let pack = Pack::from_toml("declared.toml", DECLARED).unwrap();
    let linter = Linter::new(LintOptions {
        packs: vec![pack.clone()],
        ..LintOptions::default()
    });
    let meta = linter.registry().find("A110").unwrap();
    assert_eq!(meta.name, "carry-over-declared");
    assert_eq!(meta.severity, disclint::Severity::Warning);
    assert_eq!(meta.summary(Lang::En), "Carry-over steady (a test)");
    assert_eq!(
        meta.explanation(Lang::En),
        "Declared once, used by the identity below."
    );
    assert_eq!(meta.bad_example.place, disclint::rules::Place::Rows);
    // The clean report carries one request over and none forward.
    let found: Vec<String> = lint(vec![pack], &clean_report())
        .into_iter()
        .filter(|(code, _, _)| code == "A110")
        .map(|(_, message, _)| message)
        .collect();
    assert_eq!(
        found,
        [
            "“商业企业”列：上年结转(1)，但结转下年度(0)",
            "“总计”列：上年结转(1)，但结转下年度(0)"
        ]
    );

    // Codes below A100 are the built-in packs'; a built-in rule's code is taken.
    for (code, expected) in [
        ("A050", "from 100 on"),
        ("A001", "already declared by pack `identities`"),
        ("A005", "a built-in rule's code"),
    ] {
        let err = Pack::from_toml("declared.toml", &DECLARED.replace("A110", code)).unwrap_err();
        assert!(format!("{err:#}").contains(expected), "{code}: {err:#}");
        assert_eq!(
            err.span_text(),
            Some(format!("\"{code}\"").as_str()),
            "{err:#}"
        );
    }
}
