//! User rule packs: each pattern kind finds what it should (and fixes
//! substitutions), pack citations join the registry, and every kind of pack
//! error fails to load with a message pointing into the pack.

use std::path::{Path, PathBuf};

use disclint::pack::{Pack, PackError, PackSet};
use disclint::rules::{Selection, Selector};
use disclint::{Diagnostic, Lang, LintOptions, Linter, SourceFile};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn clean() -> String {
    std::fs::read_to_string(root().join("examples/reports/clean-2024.txt")).unwrap()
}

fn lint(packs: Vec<Pack>, select: &str, text: &str) -> Vec<Diagnostic> {
    let linter = Linter::new(LintOptions {
        selection: Selection {
            select: Some(vec![Selector::new(select)]),
            ..Selection::default()
        },
        packs,
        ..LintOptions::default()
    });
    linter.lint(&SourceFile::from_text("report.txt", text))
}

const PACK: &str = r#"
[pack]
name = "test"

[[rules]]
code = "TP001"
name = "no-informal-name"
kind = "existence"
tokens = ["政府信息公开年报", "政务公开年报"]
message = "请勿使用简称“{match}”"
message_en = "do not write the short form “{match}”"

[[rules]]
code = "TP002"
name = "hotline-name"
kind = "substitution"
severity = "info"
swap = [{ from = "12345热线", to = "12345政务服务便民热线" }]
message = "应写作“{replacement}”"

[[rules]]
code = "TP003"
name = "proposals-reported"
kind = "required"
severity = "error"
section = "other"
tokens = ["建议提案办理"]
message = "“{section}”缺少建议提案办理情况"

[[rules]]
code = "TP004"
name = "regex-existence"
kind = "existence"
regex = true
tokens = ['XX[县市]']
message = "占位“{match}”"

[[citations]]
id = "test-notice"
title = "某省关于做好年度报告工作的通知"
number = "某办函〔2024〕5号"
"#;

fn pack() -> Pack {
    Pack::from_toml("test.toml", PACK).unwrap()
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

#[test]
fn existence_reports_each_phrase() {
    let text = clean().replacen("全年共收到", "本政府信息公开年报显示,全年共收到", 1);
    let found = lint(vec![pack()], "TP001", &text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].message, "请勿使用简称“政府信息公开年报”");
    assert_eq!(found[0].span.slice(&text), "政府信息公开年报");
    assert_eq!(line_of(&text, found[0].span.offset), 7);
    assert!(lint(vec![pack()], "TP001", &clean()).is_empty());
}

#[test]
fn english_messages_come_from_message_en() {
    let text = clean().replacen("全年共收到", "政务公开年报:全年共收到", 1);
    let linter = Linter::new(LintOptions {
        selection: Selection {
            select: Some(vec![Selector::new("TP001")]),
            ..Selection::default()
        },
        lang: disclint::Lang::En,
        packs: vec![pack()],
        ..LintOptions::default()
    });
    let found = linter.lint(&SourceFile::from_text("r.txt", text));
    assert_eq!(
        found[0].message,
        "do not write the short form “政务公开年报”"
    );
}

#[test]
fn substitution_reports_with_a_safe_fix_and_skips_the_right_form() {
    let text = clean().replacen(
        "及时回应网民留言",
        "及时回应网民留言,办理12345热线工单,12345政务服务便民热线运行平稳",
        1,
    );
    let found = lint(vec![pack()], "TP002", &text);
    assert_eq!(found.len(), 1, "{found:?}");
    let d = &found[0];
    assert_eq!(d.severity, disclint::Severity::Info);
    assert_eq!(d.span.slice(&text), "12345热线");
    let fix = d.fix.as_ref().unwrap();
    assert_eq!(fix.applicability, disclint::diagnostic::Applicability::Safe);
    assert_eq!(fix.edits[0].replacement, "12345政务服务便民热线");
    assert_eq!(fix.edits[0].offset, d.span.offset);
}

#[test]
fn required_reports_at_the_section_heading_until_the_phrase_is_there() {
    let text = clean();
    let found = lint(vec![pack()], "TP003", &text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].span.slice(&text), "六、其他需要报告的事项");
    assert_eq!(found[0].severity, disclint::Severity::Error);
    assert!(found[0].message.contains("六、其他需要报告的事项"));
    let fixed = format!("{}承办建议提案办理结果已全部公开。\n", text);
    assert!(lint(vec![pack()], "TP003", &fixed).is_empty());
    // Elsewhere than section 六 does not count.
    let elsewhere = text.replacen("全年共收到", "建议提案办理结果已公开。全年共收到", 1);
    assert_eq!(lint(vec![pack()], "TP003", &elsewhere).len(), 1);
}

#[test]
fn regex_tokens() {
    let text = clean().replacen("按照县里", "按照XX县", 1);
    let found = lint(vec![pack()], "TP004", &text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.slice(&text), "XX县");
}

#[test]
fn pack_citations_join_the_registry() {
    let text = clean().replacen(
        "编制。",
        "编制,并依据《某省关于做好年度报告工作的通知》(某办函〔2024〕6号)。",
        1,
    );
    let found = lint(vec![pack()], "C002", &text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("某办函〔2024〕5号"));
    assert!(lint(vec![], "C002", &text).is_empty());
}

#[test]
fn pack_rules_are_registered_and_explained() {
    let linter = Linter::new(LintOptions {
        packs: vec![pack()],
        ..LintOptions::default()
    });
    let meta = linter.registry().find("TP002").unwrap();
    assert!(meta.fixable);
    assert_eq!(
        linter.registry().find("proposals-reported").unwrap().code,
        "TP003"
    );
    let text = disclint::cli::explain_text(meta, Lang::Zh);
    assert!(text.contains("12345热线"), "{text}");
}

/// A pack rule with the documentation fields in both languages, the one
/// without a language and the `summary_zh` spelling of `summary`.
const DOCUMENTED: &str = r#"
[pack]
name = "documented"

[[rules]]
code = "DP001"
name = "both-languages"
kind = "existence"
tokens = ["年报"]
message = "请勿使用简称“{match}”"
summary_zh = "不用简称“年报”"
summary_en = "No short form 年报"
explanation_zh = "报告应使用全称。"
explanation_en = "Reports use the full name."

[[rules]]
code = "DP002"
name = "one-language"
kind = "existence"
tokens = ["政务公开年报"]
message = "请勿使用简称“{match}”"
explanation = "Written once, shown in both languages."
"#;

#[test]
fn pack_rules_are_explained_in_both_languages() {
    let pack = Pack::from_toml("documented.toml", DOCUMENTED).unwrap();
    let linter = Linter::new(LintOptions {
        packs: vec![pack],
        ..LintOptions::default()
    });
    let both = linter.registry().find("DP001").unwrap();
    assert_eq!(both.summary(Lang::Zh), "不用简称“年报”");
    assert_eq!(both.summary(Lang::En), "No short form 年报");
    let zh = disclint::cli::explain_text(both, Lang::Zh);
    assert!(zh.contains("## 检查内容\n\n报告应使用全称。"), "{zh}");
    assert!(
        zh.contains("规则包 `documented`") && !zh.contains("full name"),
        "{zh}"
    );
    let en = disclint::cli::explain_text(both, Lang::En);
    assert!(
        en.contains("## What it checks\n\nReports use the full name."),
        "{en}"
    );
    assert!(
        en.contains("from the pack `documented`") && !en.contains("全称"),
        "{en}"
    );
    let one = linter.registry().find("DP002").unwrap();
    for lang in [Lang::Zh, Lang::En] {
        assert!(
            one.explanation(lang).starts_with("Written once"),
            "{lang:?}"
        );
    }
}

#[test]
fn the_example_pack_loads_and_runs() {
    let pack = Pack::load(
        &root().join("examples/packs/province.toml"),
        disclint::Lang::En,
    )
    .unwrap();
    assert_eq!(pack.rules.len(), 3);
    let found = lint(vec![pack.clone()], "PR", &clean());
    let codes: Vec<_> = found.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["PR001"]);
    let text = clean().replacen(
        "及时回应网民留言",
        "及时回应网民留言,办理12345市民热线工单",
        1,
    ) + "\n【字体:大 中 小】 打印本页 关闭窗口\n";
    let found = lint(vec![pack], "PR", &text);
    let codes: Vec<_> = found.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["PR002", "PR001", "PR003", "PR003", "PR003"]);
}

fn error_of(text: &str) -> PackError {
    Pack::from_toml("bad.toml", text).unwrap_err()
}

const RULE: &str = "[pack]\nname = \"bad\"\n[[rules]]\ncode = \"BP001\"\nname = \"a-rule\"\nkind = \"existence\"\ntokens = [\"甲\"]\nmessage = \"m\"\n";

#[test]
fn bad_toml() {
    let err = error_of("[pack\nname = \"x\"\n");
    assert!(err.span_text().is_some(), "{err}");
}

#[test]
fn unknown_key() {
    let err = error_of(&format!("{RULE}colour = \"red\"\n"));
    assert!(err.to_string().contains("colour"), "{err}");
    assert_eq!(err.span_text(), Some("colour"));
}

#[test]
fn unknown_kind() {
    let err = error_of(&RULE.replace("existence", "absence"));
    assert!(err.to_string().contains("absence"), "{err}");
}

#[test]
fn bad_regex() {
    let err = error_of(&format!("{RULE}regex = true\n").replace("\"甲\"", "\"甲(\""));
    assert!(err.to_string().contains("bad regular expression"), "{err}");
    assert_eq!(err.span_text(), Some("甲("));
}

#[test]
fn duplicate_code_in_one_pack_points_at_the_second() {
    let twice = format!(
        "{RULE}{}",
        &RULE[RULE.find("[[rules]]").unwrap()..].replace("a-rule", "b-rule")
    );
    let err = error_of(&twice);
    assert!(
        err.to_string().contains("duplicate rule code `BP001`"),
        "{err}"
    );
    assert_eq!(err.span_text(), Some("\"BP001\""));
}

#[test]
fn duplicate_code_across_packs() {
    let first = Pack::from_toml("first.toml", RULE).unwrap();
    let second = Pack::from_toml("second.toml", &RULE.replace("a-rule", "b-rule")).unwrap();
    let err = PackSet::builtin()
        .with_user(vec![first, second])
        .unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("second.toml"), "{message}");
    assert!(message.contains("first.toml"), "{message}");
    assert_eq!(err.span_text(), Some("\"BP001\""));
}

#[test]
fn code_that_could_collide_with_a_built_in() {
    let err = error_of(&RULE.replace("BP001", "C001"));
    assert!(
        err.to_string().contains("two to eight capital letters"),
        "{err}"
    );
    assert_eq!(err.span_text(), Some("\"C001\""));
}

#[test]
fn unknown_section() {
    let text = RULE.replace("existence", "required") + "section = \"appendix\"\n";
    let err = error_of(&text);
    assert!(
        err.to_string().contains("unknown section `appendix`"),
        "{err}"
    );
    assert_eq!(err.span_text(), Some("\"appendix\""));
}

#[test]
fn kind_and_fields_must_agree() {
    let err = error_of(&RULE.replace("existence", "substitution"));
    assert!(
        err.to_string().contains("needs a non-empty `swap`"),
        "{err}"
    );
}

#[test]
fn bad_citation_number() {
    let text = "[pack]\nname = \"c\"\n[[citations]]\nid = \"x\"\ntitle = \"某通知\"\nnumber = \"第五号\"\n";
    let err = error_of(text);
    assert!(err.to_string().contains("not a document number"), "{err}");
    assert_eq!(err.span_text(), Some("\"第五号\""));
}

#[test]
fn the_cli_reports_a_bad_pack_with_exit_code_2() {
    let path = std::env::temp_dir().join(format!("disclint-bad-pack-{}.toml", std::process::id()));
    std::fs::write(&path, RULE.replace("BP001", "bp1")).unwrap();
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = disclint::cli::run(
        [
            "disclint",
            "check",
            "--no-config",
            "--rules",
            &path.display().to_string(),
            "x.txt",
        ],
        &mut out,
        &mut err,
    );
    assert_eq!(code, 2);
    let err = String::from_utf8(err).unwrap();
    assert!(err.contains("bp1"), "{err}");
    let _ = std::fs::remove_file(path);
}

#[test]
fn duplicate_name_across_packs_and_built_in_names() {
    let first = Pack::from_toml("first.toml", RULE).unwrap();
    let second = Pack::from_toml("second.toml", &RULE.replace("BP001", "BP002")).unwrap();
    let err = PackSet::builtin()
        .with_user(vec![first, second])
        .unwrap_err();
    assert!(err.to_string().contains("rule name `a-rule`"), "{err}");
    assert_eq!(err.span_text(), Some("\"a-rule\""));
    let err = Pack::from_toml("third.toml", &RULE.replace("a-rule", "placeholder")).unwrap_err();
    assert!(err.to_string().contains("built-in"), "{err}");
}

#[test]
fn a_linter_given_clashing_packs_keeps_the_first_rule() {
    let first = Pack::from_toml("first.toml", RULE).unwrap();
    let second = Pack::from_toml("second.toml", &RULE.replace("a-rule", "b-rule")).unwrap();
    let linter = Linter::new(LintOptions {
        packs: vec![first, second],
        ..LintOptions::default()
    });
    let found: Vec<_> = linter
        .registry()
        .metas()
        .filter(|m| m.code == "BP001")
        .map(|m| m.name.to_string())
        .collect();
    assert_eq!(found, ["a-rule"]);
}

#[test]
fn the_pack_snippets_in_the_docs_load() {
    let doc = std::fs::read_to_string(root().join("docs/configuration.md")).unwrap();
    let blocks: Vec<&str> = doc
        .split("```toml\n")
        .skip(1)
        .map(|rest| &rest[..rest.find("```").unwrap()])
        .collect();
    // The first block is the configuration file; the others are pack parts.
    assert!(blocks.len() >= 3, "{}", blocks.len());
    for block in &blocks[1..] {
        let text = format!("[pack]\nname = \"docs\"\n{block}");
        if let Err(err) = Pack::from_toml("docs.toml", &text) {
            panic!("{err}\n{text}");
        }
    }
}

/// A pack with one `substitution` rule per (code, swaps) pair; `regex` for all.
fn substitutions(rules: &[(&str, &str)], regex: bool) -> String {
    let mut text = String::from("[pack]\nname = \"swaps\"\n");
    for (code, swaps) in rules {
        let name = format!("swap-{}", code.to_lowercase());
        text.push_str(&format!(
            "[[rules]]\ncode = \"{code}\"\nname = \"{name}\"\nkind = \"substitution\"\nregex = {regex}\nswap = [{swaps}]\nmessage = \"m\"\n"
        ));
    }
    text
}

#[test]
fn a_substitution_that_rewrites_its_own_replacement_is_refused() {
    // `5` → `50` → `500` → …: each replacement matches the pattern anew.
    let err = error_of(&substitutions(
        &[("SW001", r#"{ from = '(\d+)', to = '${1}0' }"#)],
        true,
    ));
    let message = err.to_string();
    assert!(message.contains("SW001"), "{message}");
    assert!(message.contains("--fix"), "{message}");
    assert_eq!(err.span_text(), Some("\"SW001\""));
    // Two swaps of one rule that undo each other.
    let err = error_of(&substitutions(
        &[(
            "SW002",
            r#"{ from = "0", to = "1111" }, { from = "1", to = "0000" }"#,
        )],
        false,
    ));
    assert!(err.to_string().contains("SW002"), "{err}");
    assert_eq!(err.span_text(), Some("\"SW002\""));
}

#[test]
fn substitutions_that_feed_each_other_are_refused() {
    let pair = [
        ("SW001", r#"{ from = "0", to = "1111" }"#),
        ("SW002", r#"{ from = "1", to = "0000" }"#),
    ];
    let err = error_of(&substitutions(&pair, false));
    let message = err.to_string();
    assert!(
        message.contains("SW001") && message.contains("SW002"),
        "{message}"
    );
    assert_eq!(err.span_text(), Some("\"SW001\""));

    // The same pair in two packs loaded together.
    let dir = std::env::temp_dir().join(format!("disclint-feeding-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let first = dir.join("first.toml");
    let second = dir.join("second.toml");
    std::fs::write(&first, substitutions(&pair[..1], false)).unwrap();
    std::fs::write(
        &second,
        substitutions(&pair[1..], false).replace("swaps", "more-swaps"),
    )
    .unwrap();
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = disclint::cli::run(
        [
            "disclint",
            "check",
            "--no-config",
            "--rules",
            &first.display().to_string(),
            "--rules",
            &second.display().to_string(),
            "examples/reports/clean-2024.txt",
        ],
        &mut out,
        &mut err,
    );
    let err = String::from_utf8(err).unwrap();
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("first.toml") && err.contains("second.toml"),
        "{err}"
    );
    assert!(err.contains("SW001") && err.contains("SW002"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn substitutions_that_do_not_feed_each_other_load() {
    for (rules, regex) in [
        (
            &[
                ("SW001", r#"{ from = "&nbsp;", to = " " }"#),
                (
                    "SW002",
                    r#"{ from = "国务院令第492号", to = "国务院令第711号" }"#,
                ),
                // An `A` inside its `B` is left alone, so this one ends.
                ("SW003", r#"{ from = "信息公开", to = "政府信息公开" }"#),
            ][..],
            false,
        ),
        (
            &[
                ("SW001", r#"{ from = '\s{2,}', to = " " }"#),
                ("SW002", r#"{ from = '(\d{4})年度', to = '${1}年' }"#),
                (
                    "SW003",
                    r#"{ from = '12345(?:市民|政务)?热线', to = "12345政务服务便民热线" }"#,
                ),
            ][..],
            true,
        ),
    ] {
        let text = substitutions(rules, regex);
        if let Err(err) = Pack::from_toml("ok.toml", &text) {
            panic!("{err}\n{text}");
        }
    }
}

/// The built-in packs with a `required` rule added to each format pack, as
/// a test's stand-in for the embedded ones.
fn builtin_with_rules() -> PackSet {
    let texts: Vec<(&str, String)> = disclint::pack::BUILTIN
        .iter()
        .map(|(path, text)| {
            let edition = ["2019", "2021"].into_iter().find(|e| path.contains(e));
            let rule = edition.map_or(String::new(), |e| {
                format!(
                    "\n[[rules]]\ncode = \"BI{e}\"\nname = \"built-in-rule-{e}\"\nkind = \"required\"\nsection = \"other\"\ntokens = [\"不会出现的用语\"]\nmessage = \"缺少{{section}}\"\n"
                )
            });
            (*path, format!("{text}{rule}"))
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = texts.iter().map(|(p, t)| (*p, t.as_str())).collect();
    PackSet::from_texts(&borrowed).unwrap()
}

#[test]
fn a_rule_declared_in_a_built_in_pack_runs_in_its_edition() {
    let builtin = builtin_with_rules();
    for (edition, fires) in [(None, "BI2021"), (Some(disclint::Edition::E2019), "BI2019")] {
        let linter = Linter::with_builtin(
            &builtin,
            LintOptions {
                selection: Selection {
                    select: Some(vec![Selector::new("BI")]),
                    ..Selection::default()
                },
                edition,
                ..LintOptions::default()
            },
        );
        let listed: Vec<&str> = linter
            .registry()
            .metas()
            .filter(|m| m.code.starts_with("BI"))
            .map(|m| m.code.as_ref())
            .collect();
        assert_eq!(listed, ["BI2019", "BI2021"]);
        let text = clean();
        let found = linter.lint(&SourceFile::from_text("report.txt", text.as_str()));
        let codes: Vec<&str> = found.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, [fires], "{edition:?}");
        assert_eq!(found[0].span.slice(&text), "六、其他需要报告的事项");
    }
}

#[test]
fn a_duplicate_row_id_points_at_the_duplicate() {
    let text = "[pack]\nname = \"t\"\n[[tables]]\nkind = \"x\"\nsection = \"other\"\nname = \"x\"\ncolumns = [{ id = \"n\", label = \"件数\" }]\nrows = [\n  { id = \"a\", label = \"甲\" },\n  { id = \"a\", label = \"乙\" },\n]\n";
    let err = error_of(text);
    assert_eq!(err.problems().len(), 1, "{err}");
    let problem = &err.problems()[0];
    assert!(problem.message().contains("duplicate row id `a`"), "{err}");
    assert_eq!(problem.span_text(), Some("\"a\""));
    assert_eq!(problem.position(), Some((10, 10)));
}

/// A pack with three mistakes on three lines.
const THREE_ERRORS: &str = r#"[pack]
name = "three"

[[rules]]
code = "TE001"
name = "Not-Kebab"
kind = "existence"
tokens = ["甲"]
message = "m"

[[citations]]
id = "x"
title = "某通知"
number = "第五号"

[[identities]]
table = "applications"
code = "A101"
name = "three-errors"
each = "column"
check = "new == carried_fwd"
"#;

#[test]
fn every_error_of_a_pack_is_reported_at_its_own_place() {
    let err = error_of(THREE_ERRORS);
    let found: Vec<_> = err
        .problems()
        .iter()
        .map(|p| (p.position().unwrap(), p.span_text().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ((6, 8), "\"Not-Kebab\""),
            ((14, 10), "\"第五号\""),
            ((21, 10), "new == carried_fwd"),
        ],
        "{err:#}"
    );
    // The command line shows all three.
    let path = std::env::temp_dir().join(format!("disclint-three-{}.toml", std::process::id()));
    std::fs::write(&path, THREE_ERRORS).unwrap();
    let (mut out, mut stderr) = (Vec::new(), Vec::new());
    let arguments = ["disclint", "check", "--no-config", "--rules"];
    let path_text = path.display().to_string();
    let args = arguments
        .iter()
        .copied()
        .chain([path_text.as_str(), "x.txt"]);
    assert_eq!(disclint::cli::run(args, &mut out, &mut stderr), 2);
    let stderr = String::from_utf8(stderr).unwrap();
    for at in [":6:8]", ":14:10]", ":21:10]"] {
        assert!(
            stderr.contains(&format!("{path_text}{at}")),
            "{at}\n{stderr}"
        );
    }
    let _ = std::fs::remove_file(path);
}
