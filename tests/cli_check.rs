//! `disclint check` as a process: exit codes for every gate flag in every
//! format, standard input, `--output-file`, colours, `--quiet`, and
//! suppressions from adding to pruning.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const FAILING: &str = "tests/fixtures/output/failing.txt";
const CLEAN: &str = "tests/fixtures/output/clean.txt";

/// The name of every output format on the command line.
fn formats() -> Vec<String> {
    use clap::ValueEnum;
    disclint::render::OutputFormat::value_variants()
        .iter()
        .map(|format| {
            let name = format.to_possible_value().expect("every format has a name");
            name.get_name().to_owned()
        })
        .collect()
}

fn disclint() -> Command {
    let mut cmd = Command::cargo_bin("disclint").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

/// A scratch folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("disclint-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What an input holds under `--select S,P,I`: (errors, warnings, unreadable).
/// The input rules (`I`) are selected like any: without them a missing
/// file is not checked but does not fail the run (tests/input_rules.rs).
type Counts = (usize, usize, bool);

/// Inputs: a name, the arguments naming it, what it holds.
const INPUTS: [(&str, &[&str], Counts); 4] = [
    ("errors", &[FAILING], (1, 2, false)),
    ("warnings", &[FAILING, "--ignore", "P002"], (0, 2, false)),
    ("clean", &[CLEAN], (0, 0, false)),
    (
        "missing",
        &["tests/fixtures/output/missing.txt"],
        (0, 0, true),
    ),
];

const GATES: [&[&str]; 7] = [
    &[],
    &["--exit-zero"],
    &["--deny-warnings"],
    &["--max-warnings", "1"],
    &["--max-warnings", "2"],
    &["--exit-zero", "--deny-warnings"],
    &[
        "--deny-warnings",
        "--max-warnings",
        "5",
        "--statistics",
        "--quiet",
    ],
];

/// The documented exit code, written out independently of the code under test.
fn expected(gate: &[&str], (errors, warnings, unreadable): Counts) -> i32 {
    let has = |flag: &str| gate.contains(&flag);
    let max = gate
        .iter()
        .position(|a| *a == "--max-warnings")
        .map(|i| gate[i + 1].parse::<usize>().unwrap());
    if unreadable {
        2
    } else if has("--exit-zero") {
        0
    } else if errors > 0
        || (has("--deny-warnings") && warnings > 0)
        || max.is_some_and(|n| warnings > n)
    {
        1
    } else {
        0
    }
}

#[test]
fn exit_codes_for_every_gate_flag_in_every_format() {
    for format in formats() {
        let format = format.as_str();
        for (name, args, counts) in INPUTS {
            for gate in GATES {
                let output = disclint()
                    .args(["check", "--select", "S,P,I", "--format", format])
                    .args(args)
                    .args(gate)
                    .output()
                    .unwrap();
                assert_eq!(
                    output.status.code(),
                    Some(expected(gate, counts)),
                    "{format} {name} {gate:?}"
                );
            }
        }
    }
}

#[test]
fn standard_input_is_one_report_named_by_stdin_filename() {
    let text = std::fs::read(FAILING).unwrap();
    let out = disclint()
        .args(["check", "-", "--select", "S,P", "--format", "concise"])
        .write_stdin(text.clone())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("-:2:116: error[P002]"), "{out}");
    let out = disclint()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "reports/镇.txt",
            "--format",
            "concise",
        ])
        .args(["--select", "S,P"])
        .write_stdin(text)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out)
        .unwrap()
        .starts_with("reports/镇.txt:2:116:"));
    disclint()
        .args(["check", "-", "--select", "S,P"])
        .write_stdin(std::fs::read(CLEAN).unwrap())
        .assert()
        .code(0);
    disclint()
        .args(["check", "-", CLEAN])
        .write_stdin("")
        .assert()
        .code(2);
}

#[test]
fn standard_input_in_gb18030_is_decoded() {
    let text = std::fs::read_to_string(FAILING).unwrap();
    let bytes = disclint::read::encode(&text, disclint::source::TextEncoding::Gb18030, false);
    let out = disclint()
        .args(["check", "-", "--select", "S,P", "--format", "json"])
        .write_stdin(bytes)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["files"][0]["encoding"], "gb18030");
    assert_eq!(json["files"][0]["diagnostics"][0]["column"], 116);
}

#[test]
fn output_file_takes_the_report_and_keeps_the_exit_code() {
    let scratch = Scratch::new("output-file");
    let file = scratch.path("report.sarif");
    let output = disclint()
        .args([
            "check",
            FAILING,
            "--select",
            "S,P",
            "--format",
            "sarif",
            "--output-file",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(written["version"], "2.1.0");
    disclint()
        .args(["check", CLEAN, "--output-file", "/nonexistent-dir/x.json"])
        .assert()
        .code(2);
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let run = |color: &str, no_color: bool, format: &str| {
        let mut cmd = disclint();
        cmd.args([
            "check", FAILING, "--select", "S,P", "--format", format, "--color", color,
        ]);
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    for format in ["human", "concise"] {
        assert!(run("always", false, format).contains('\x1b'), "{format}");
        assert!(
            run("always", true, format).contains('\x1b'),
            "{format}: the flag wins"
        );
        assert!(!run("never", false, format).contains('\x1b'), "{format}");
        assert!(
            !run("auto", false, format).contains('\x1b'),
            "{format}: not a terminal"
        );
        assert!(!run("auto", true, format).contains('\x1b'), "{format}");
    }
}

#[test]
fn statistics_replace_the_diagnostics_in_text_formats() {
    let out = disclint()
        .args([
            "check",
            FAILING,
            "--select",
            "S,P",
            "--format",
            "concise",
            "--statistics",
        ])
        .args(["--lang", "en"])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.starts_with("by rule:\n"), "only the table: {out}");
    assert!(!out.contains("error[P002]"), "{out}");
    assert!(
        out.contains("     1  P002   error    period-year-mismatch"),
        "{out}"
    );
    // Machine formats keep standard output parseable: the table goes to standard error.
    let output = disclint()
        .args([
            "check",
            FAILING,
            "--select",
            "S,P",
            "--format",
            "sarif",
            "--statistics",
        ])
        .output()
        .unwrap();
    serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap();
    assert!(String::from_utf8(output.stderr).unwrap().contains("P002"));
}

fn copy_report(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(FAILING, &path).unwrap();
    path
}

#[test]
fn suppressions_hide_accepted_diagnostics_until_they_go_stale() {
    let scratch = Scratch::new("suppressions");
    let report = copy_report(&scratch.0, "r.txt");
    let list = scratch.path("disclint-suppressions.toml");
    let check = |extra: &[&str]| {
        let output = disclint()
            .current_dir(&scratch.0)
            .args([
                "check", "r.txt", "--select", "S,P", "--format", "json", "--lang", "en",
            ])
            .args(extra)
            .output()
            .unwrap();
        (
            output.status.code().unwrap(),
            serde_json::from_slice::<serde_json::Value>(&output.stdout).ok(),
            String::from_utf8(output.stderr).unwrap(),
        )
    };
    assert_eq!(check(&[]).0, 1);
    let (code, _, err) = check(&["--add-suppressions"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("added 3 suppressions"), "{err}");
    let toml = std::fs::read_to_string(&list).unwrap();
    assert_eq!(toml.matches("[[suppression]]").count(), 3, "{toml}");
    assert!(toml.contains("rule = \"P002\"") && toml.contains("reason = \"\""));

    let (code, json, err) = check(&[]);
    assert_eq!(code, 0, "{err}");
    let json = json.unwrap();
    assert_eq!(json["summary"]["suppressed"], 3);
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(err, "");

    // Edits elsewhere (a line added above) do not invalidate the entries.
    let text = std::fs::read_to_string(&report).unwrap();
    let moved = text.replacen("一、总体情况\n", "一、总体情况\n本段为新增内容。\n", 1);
    std::fs::write(&report, &moved).unwrap();
    assert_eq!(check(&[]).0, 0);

    // The same file from another working directory, named by another path.
    let output = disclint()
        .args(["check", "--select", "S,P", "--suppressions"])
        .arg(&list)
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));

    // Correcting the flagged text makes its entry stale.
    std::fs::write(&report, moved.replace("2023年", "2024年")).unwrap();
    let (code, json, err) = check(&[]);
    assert_eq!(code, 0);
    assert_eq!(json.unwrap()["summary"]["suppressed"], 2);
    assert!(
        err.contains("1 stale suppressions") && err.contains("P002 r.txt 2023"),
        "{err}"
    );
    assert_eq!(check(&["--quiet"]).2, "", "--quiet hides the note");
    // Checking other rules only does not make entries of rules that did not run stale.
    let (_, _, err) = check(&["--ignore", "P"]);
    assert!(!err.contains("stale"), "{err}");
    let (code, _, err) = check(&["--prune-suppressions"]);
    assert_eq!(code, 0);
    assert!(err.contains("removed 1 stale suppressions"), "{err}");
    let toml = std::fs::read_to_string(&list).unwrap();
    assert_eq!(toml.matches("[[suppression]]").count(), 2);
    assert!(!toml.contains("P002"));
    assert_eq!(check(&[]).2, "");
}

#[test]
fn a_broken_suppressions_file_stops_the_run() {
    let scratch = Scratch::new("bad-suppressions");
    let list = scratch.path("s.toml");
    std::fs::write(&list, "version = 1\n[[suppression]]\nrule = 3\n").unwrap();
    disclint()
        .args(["check", CLEAN, "--suppressions"])
        .arg(&list)
        .assert()
        .code(2);
}

/// A run that fails on warnings alone says why (the summary line only counts them).
#[test]
fn a_gate_failed_by_warnings_says_why() {
    let dir = std::env::temp_dir().join(format!("disclint-gate-why-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let clean = std::fs::read_to_string("examples/reports/clean-2024.txt").unwrap();
    // One finding, made a warning by the configuration.
    let report = dir.join("r.txt");
    std::fs::write(&report, clean.replacen("一、总体情况", "1、总体情况", 1)).unwrap();
    let config = dir.join("disclint.toml");
    std::fs::write(&config, "[severity]\nS001 = \"warning\"\n").unwrap();
    let run = |gate: &[&str]| {
        let output = disclint()
            .arg("check")
            .arg(&report)
            .arg("--config")
            .arg(&config)
            .args(["--format", "concise"])
            .args(gate)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (code, said) = run(&["--max-warnings", "0"]);
    assert_eq!(code, Some(1));
    assert!(said.contains("超过 --max-warnings 允许的 0 个"), "{said}");
    let (code, said) = run(&["--deny-warnings", "--lang", "en"]);
    assert_eq!(code, Some(1));
    assert!(said.contains("--deny-warnings allows none"), "{said}");
    let (code, said) = run(&["--max-warnings", "1"]);
    assert_eq!((code, said.as_str()), (Some(0), ""));
    std::fs::remove_dir_all(&dir).unwrap();
}
