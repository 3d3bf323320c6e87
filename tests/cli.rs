//! The command line end to end: exit codes, inputs, output snapshots.

use assert_cmd::Command;

fn disclint() -> Command {
    let mut cmd = Command::cargo_bin("disclint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

const FAILING: &str = "tests/fixtures/cli/short-failing.txt";
const CLEAN: &str = "examples/reports/clean-2024.txt";

#[test]
fn clean_report_exits_zero() {
    disclint().args(["check", CLEAN]).assert().code(0);
}

#[test]
fn errors_exit_one() {
    disclint().args(["check", FAILING]).assert().code(1);
}

#[test]
fn missing_file_exits_two_but_others_are_linted() {
    let output = disclint()
        .args(["check", "--format", "json", "no/such/file.txt", FAILING])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["diagnostics"][0]["code"], "I004");
    assert!(files[1]["diagnostics"].as_array().unwrap().len() > 1);
}

#[test]
fn glob_patterns_are_expanded_without_a_shell() {
    let output = disclint()
        .args(["check", "--format", "json", "examples/reports/*-2024.txt"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "examples/reports/clean-2024.txt",
            "examples/reports/problems-2024.txt"
        ]
    );
}

#[test]
fn select_and_ignore() {
    let output = disclint()
        .args(["check", "--format", "json", "--select", "P", FAILING])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["P002"]);
    disclint()
        .args(["check", "--ignore", "S001,P002", FAILING])
        .assert()
        .code(0);
}

#[test]
fn unknown_selector_is_a_usage_error() {
    disclint()
        .args(["check", "--select", "Z9", FAILING])
        .assert()
        .code(2);
}

#[test]
fn human_output_snapshot() {
    let output = disclint().args(["check", FAILING]).output().unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn human_output_in_english() {
    let output = disclint()
        .args(["check", "--lang", "en", "--select", "P002", FAILING])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn json_output_snapshot() {
    let output = disclint()
        .args(["check", "--format", "json", FAILING])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn parse_prints_the_model() {
    let output = disclint().args(["parse", CLEAN]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["year"], 2024);
    assert_eq!(json["edition"], 2021);
    assert_eq!(json["period"]["start"], "2024-01-01");
    assert_eq!(json["sections"].as_array().unwrap().len(), 6);
    assert_eq!(json["tables"][1]["kind"], "applications");
    assert_eq!(json["tables"][1]["rows"].as_array().unwrap().len(), 25);
}

#[test]
fn rules_and_explain() {
    let output = disclint().args(["rules"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("S001  missing-section"), "{text}");
    let output = disclint()
        .args(["explain", "S001", "--lang", "en"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("## What it checks")
            && text.contains("## Fails")
            && text.contains("## Passes"),
        "{text}"
    );
    assert!(!text.contains("检查内容"), "{text}");
    let output = disclint().args(["explain", "S001"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    for heading in [
        "## 检查内容",
        "## 不通过的示例",
        "## 通过的示例",
        "- 默认级别：错误",
    ] {
        assert!(text.contains(heading), "{heading}: {text}");
    }
    assert!(!text.contains("What it checks"), "{text}");
    disclint().args(["explain", "Z999"]).assert().code(2);
}

#[test]
fn check_without_a_path_checks_the_current_directory() {
    let output = disclint()
        .current_dir("examples/reports")
        .args(["check", "--output-format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| file["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["./clean-2024.txt", "./problems-2024.txt"]);
}

#[test]
fn rule_is_another_name_for_explain() {
    let explain = disclint().args(["explain", "A001"]).output().unwrap();
    let rule = disclint().args(["rule", "A001"]).output().unwrap();
    assert_eq!(rule.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&rule.stdout).starts_with("# A001 application-balance"));
    assert_eq!(rule.stdout, explain.stdout);
}
