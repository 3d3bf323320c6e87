//! Every output format on one failing and one clean report (snapshots), the
//! SARIF output against the official SARIF 2.1.0 schema, the JSON output
//! against `docs/json-schema.json`, and GitHub's escaping.

mod common;

use clap::ValueEnum;
use disclint::cli::Environment;
use disclint::render::{OutputFormat, Shape};
use serde_json::Value;

const FAILING: &str = "tests/fixtures/output/failing.txt";
const CLEAN: &str = "tests/fixtures/output/clean.txt";

/// Every output format, with its name on the command line.
fn formats() -> Vec<(OutputFormat, String)> {
    OutputFormat::value_variants()
        .iter()
        .map(|format| {
            let name = format.to_possible_value().expect("every format has a name");
            (*format, name.get_name().to_owned())
        })
        .collect()
}

/// Asserts that `out` is what `shape` says the output of `format` is.
fn assert_shape(format: &str, shape: Shape, out: &str) {
    let last = out.lines().last().unwrap_or_default();
    match shape {
        Shape::Text => assert!(last.starts_with("checked "), "{format}: {last}"),
        Shape::JsonDocument => {
            serde_json::from_str::<Value>(out).unwrap_or_else(|e| panic!("{format}: {e}\n{out}"));
        }
        Shape::JsonLines => {
            for line in out.lines() {
                serde_json::from_str::<Value>(line)
                    .unwrap_or_else(|e| panic!("{format}: {e}\n{line}"));
            }
        }
        Shape::Xml => {
            assert!(out.starts_with("<?xml "), "{format}: {out}");
            assert_eq!(last.trim(), "</testsuites>", "{format}");
        }
    }
}

/// Runs `disclint check` in-process; only the structure and period rules,
/// so that rules added later do not change the snapshots.
fn check(args: &[&str]) -> (i32, String, String) {
    let mut argv = vec!["disclint", "check", "--select", "S,P", "--lang", "en"];
    argv.extend_from_slice(args);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    // Not the process's terminal: the snapshots are the same in a terminal.
    let code = disclint::cli::run_with(argv, Environment::default(), &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn every_format_on_a_failing_and_a_clean_report() {
    for (shape, format) in formats().iter().map(|(f, name)| (f.shape(), name)) {
        for (name, path, expected) in [("failing", FAILING, 1), ("clean", CLEAN, 0)] {
            let (code, out, err) = check(&[path, "--format", format]);
            assert_eq!(code, expected, "{format} {name}: {err}");
            assert_eq!(err, "", "{format} {name}");
            assert_shape(format, shape, &out);
            insta::assert_snapshot!(format!("{format}-{name}"), out);
        }
    }
}

#[test]
fn both_reports_and_a_missing_one_in_one_run() {
    let missing = "tests/fixtures/output/missing.txt";
    for (shape, format) in formats().iter().map(|(f, name)| (f.shape(), name)) {
        // The input rule is selected like any other: without it, the missing
        // file would be counted as not checked instead.
        let args = [
            FAILING,
            CLEAN,
            missing,
            "--extend-select",
            "I004",
            "--format",
            format,
        ];
        let (code, out, _) = check(&args);
        assert_eq!(code, 2, "{format}");
        assert_shape(format, shape, &out);
        insta::assert_snapshot!(format!("{format}-batch"), out);
    }
}

#[test]
fn statistics_go_into_the_output_only_where_the_format_holds_them() {
    for (format, name) in formats() {
        let (_, out, err) = check(&[FAILING, "--format", &name, "--statistics"]);
        if format.holds_statistics() {
            assert_eq!(err, "", "{name}");
            let marker = if format.is_text() {
                "by rule:"
            } else {
                "\"by_rule\""
            };
            assert!(out.contains(marker), "{name}: {out}");
        } else {
            assert!(err.contains("by rule:"), "{name}: {err}");
            assert!(
                !out.contains("by rule") && !out.contains("by_rule"),
                "{name}"
            );
        }
    }
}

#[test]
fn jsonl_lines_are_v1_diagnostics_with_a_path() {
    let (_, out, _) = check(&[FAILING, CLEAN, "--format", "jsonl"]);
    let (_, json, _) = check(&[FAILING, CLEAN, "--format", "json"]);
    let json: Value = serde_json::from_str(&json).unwrap();
    let mut expected = Vec::new();
    for file in json["files"].as_array().unwrap() {
        for diagnostic in file["diagnostics"].as_array().unwrap() {
            let mut line = diagnostic.clone();
            line["path"] = file["path"].clone();
            expected.push(line);
        }
    }
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, expected);
    assert!(!lines.is_empty());
}

fn validator(path: &str) -> Option<jsonschema::Validator> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(_) => {
            eprintln!("note: {path} is absent; schema validation skipped");
            return None;
        }
    };
    let schema: Value = serde_json::from_str(&text).unwrap();
    Some(
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap(),
    )
}

fn assert_valid(validator: &jsonschema::Validator, output: &str) {
    let instance: Value = serde_json::from_str(output).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{output}");
}

#[test]
fn sarif_matches_the_official_schema() {
    let Some(validator) = validator("tests/data/sarif-schema-2.1.0.json") else {
        return;
    };
    for args in [
        vec![FAILING, "--format", "sarif"],
        vec![CLEAN, "--format", "sarif"],
        vec![
            FAILING,
            CLEAN,
            "tests/fixtures/output/missing.txt",
            "--format",
            "sarif",
        ],
        vec![FAILING, "--format", "sarif", "--statistics"],
    ] {
        let (_, out, _) = check(&args);
        assert_valid(&validator, &out);
    }
    // A SARIF log that breaks the schema is rejected: the test can fail.
    let (_, out, _) = check(&[FAILING, "--format", "sarif"]);
    let broken = out.replacen("\"startLine\": 2", "\"startLine\": 0", 1);
    let instance: Value = serde_json::from_str(&broken).unwrap();
    assert!(!validator.is_valid(&instance));
}

#[test]
fn json_matches_the_documented_schema() {
    let validator = validator("docs/json-schema.json").expect("docs/json-schema.json");
    for args in [
        vec![FAILING, "--format", "json"],
        vec![CLEAN, "--format", "json", "--statistics"],
        vec![
            FAILING,
            CLEAN,
            "tests/fixtures/output/missing.txt",
            "--format",
            "json",
            "--statistics",
        ],
    ] {
        let (_, out, _) = check(&args);
        assert_valid(&validator, &out);
    }
    let (_, out, _) = check(&[FAILING, "--format", "json"]);
    let broken = out.replacen("\"severity\": \"error\"", "\"severity\": \"fatal\"", 1);
    let instance: Value = serde_json::from_str(&broken).unwrap();
    assert!(!validator.is_valid(&instance));
}

#[test]
fn github_commands_escape_data_and_properties() {
    use disclint::render::{escape_data, escape_property};
    assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
    assert_eq!(
        escape_property("reports/a,b:c%.txt"),
        "reports/a%2Cb%3Ac%25.txt"
    );
    // A path with `,` and `:` in a real run.
    let dir = std::env::temp_dir().join(format!("disclint-gh-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("a,b:c.txt");
    std::fs::copy(FAILING, &path).unwrap();
    let (_, out, _) = check(&[path.to_str().unwrap(), "--format", "github"]);
    std::fs::remove_dir_all(&dir).unwrap();
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("::error file="), "{first}");
    assert!(first.contains("a%2Cb%3Ac.txt,line=2,"), "{first}");
    let (_, message) = first.split_once("::").unwrap().1.split_once("::").unwrap();
    assert!(
        !message.contains('\n') && message.contains("%0A"),
        "{message}"
    );
}

#[test]
fn real_reports_give_output_that_matches_both_schemas() {
    let Some(shared) = common::shared() else {
        return;
    };
    let corpus = shared.join("corpus/real");
    let corpus = corpus.to_str().expect("a UTF-8 path");
    let run = |format: &str| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let args = [
            "disclint",
            "check",
            corpus,
            "--format",
            format,
            "--statistics",
        ];
        let code = disclint::cli::run_with(args, Environment::default(), &mut out, &mut err);
        assert!(code == 0 || code == 1, "{format}: exit {code}");
        String::from_utf8(out).unwrap()
    };
    if let Some(sarif) = validator("tests/data/sarif-schema-2.1.0.json") {
        assert_valid(&sarif, &run("sarif"));
    }
    let json = validator("docs/json-schema.json").expect("docs/json-schema.json");
    assert_valid(&json, &run("json"));
}
