//! The input diagnostics (I001–I005) are rules like the others: `--ignore`,
//! `--select`, `[severity]` and `per-file-ignores` apply to them. A file
//! that could not be read is never checked; it fails the run (exit code 2)
//! only when its diagnostic is shown, and is counted as `unchecked`
//! otherwise.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// A scratch folder with a configuration file, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, config: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "disclint-input-rules-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("disclint.toml"), config).unwrap();
        Scratch(dir)
    }

    fn config(&self) -> String {
        self.0.join("disclint.toml").display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Checks a missing file and the clean report with `options`; the exit
/// code, the codes and severities of the missing file's diagnostics, and
/// the summary.
fn check_missing(options: &[&str]) -> (i32, Vec<(String, String)>, Value) {
    let missing = root().join("no-such-report.txt").display().to_string();
    let clean = root()
        .join("examples/reports/clean-2024.txt")
        .display()
        .to_string();
    let mut args = vec!["disclint", "check", "--format", "json"];
    args.extend_from_slice(options);
    args.extend([missing.as_str(), clean.as_str()]);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = disclint::cli::run(args, &mut out, &mut err);
    let json: Value = serde_json::from_slice(&out).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&err)
        )
    });
    let file = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == missing.as_str())
        .unwrap();
    let found = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let field = |key: &str| d[key].as_str().unwrap().to_owned();
            (field("code"), field("severity"))
        })
        .collect();
    (code, found, json["summary"].clone())
}

fn counts(summary: &Value) -> (u64, u64) {
    let unchecked = summary.get("unchecked").map_or(0, |n| n.as_u64().unwrap());
    (summary["failed"].as_u64().unwrap(), unchecked)
}

#[test]
fn an_unreadable_file_fails_the_run_with_its_diagnostic() {
    let (code, found, summary) = check_missing(&["--no-config"]);
    assert_eq!(code, 2);
    assert_eq!(found, [("I004".to_owned(), "error".to_owned())]);
    assert_eq!(counts(&summary), (1, 0));
}

#[test]
fn ignore_hides_an_input_diagnostic_and_the_file_is_not_checked() {
    for options in [
        &["--no-config", "--ignore", "I004"][..],
        &["--no-config", "--ignore", "unreadable-path"],
        &["--no-config", "--ignore", "I"],
        &["--no-config", "--select", "S", "--ignore", "I004"],
    ] {
        let (code, found, summary) = check_missing(options);
        assert_eq!(found, [], "{options:?}");
        assert_eq!(counts(&summary), (0, 1), "{options:?}");
        assert_eq!(summary["files"], 2, "{options:?}");
        assert_eq!(code, 0, "{options:?}");
    }
}

#[test]
fn a_selection_that_does_not_name_the_input_rules_keeps_them() {
    // `--select S` narrows the checks of a report; it must not make a CI gate
    // pass over a file that was never read.
    for options in [
        &["--no-config", "--select", "S"][..],
        &["--no-config", "--select", "C001,P"],
    ] {
        let (code, found, summary) = check_missing(options);
        assert_eq!(
            found,
            [("I004".to_owned(), "error".to_owned())],
            "{options:?}"
        );
        assert_eq!(counts(&summary), (1, 0), "{options:?}");
        assert_eq!(code, 2, "{options:?}");
    }
}

#[test]
fn the_configuration_applies_to_input_rules() {
    let scratch = Scratch::new("severity", "[severity]\nI004 = \"warning\"\n");
    let (code, found, summary) = check_missing(&["--config", &scratch.config()]);
    assert_eq!(found, [("I004".to_owned(), "warning".to_owned())]);
    // Still a file that could not be read, and said so: the run failed.
    assert_eq!((code, counts(&summary)), (2, (1, 0)));

    let scratch = Scratch::new(
        "ignores",
        "[per-file-ignores]\n\"no-such-*.txt\" = [\"I004\"]\n",
    );
    let (code, found, summary) = check_missing(&["--config", &scratch.config()]);
    assert_eq!((code, found, counts(&summary)), (0, vec![], (0, 1)));
}

#[test]
fn the_human_summary_says_a_file_was_not_checked() {
    let missing = root().join("no-such-report.txt").display().to_string();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "disclint",
        "check",
        "--no-config",
        "--lang",
        "en",
        "--ignore",
        "I004",
        &missing,
    ];
    assert_eq!(disclint::cli::run(args, &mut out, &mut err), 0);
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("1 files not checked"), "{text}");
    assert!(!text.contains("I004"), "{text}");
}
