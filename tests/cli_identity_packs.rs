//! `disclint check --rules PACK` with identity packs written for the tests.

use assert_cmd::Command;

fn disclint() -> Command {
    let mut cmd = Command::cargo_bin("disclint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

#[test]
fn a_pack_identity_reports_under_its_own_code() {
    let output = disclint()
        .args([
            "check",
            "--rules",
            "tests/fixtures/packs/carry-over.toml",
            "--format",
            "json",
            "examples/reports/clean-2024.txt",
        ])
        .output()
        .unwrap();
    // Warnings only: the run succeeds.
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["A101", "A101"]);
}

#[test]
fn a_pack_naming_an_unknown_row_stops_the_run() {
    let output = disclint()
        .args([
            "check",
            "--rules",
            "tests/fixtures/packs/unknown-row.toml",
            "examples/reports/clean-2024.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    // In the language of the run (Chinese by default), as every message.
    assert!(
        stderr.contains("中的“carried_fwd”不是表“applications”的行"),
        "{stderr}"
    );
    assert!(stderr.contains("unknown-row.toml:10"), "{stderr}");
}
