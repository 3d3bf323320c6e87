//! Every rule has a failing and a passing fixture, and each fixture's expected
//! diagnostics (code and line) are exactly what the rule reports.
//!
//! A fixture is `tests/fixtures/rules/<CODE>/{fail,pass}*.txt`:
//!
//! ```text
//! # base: examples/reports/clean-2024.txt     (optional: start from this report)
//! # replace: old text => new text             (optional, repeatable; `\n` is a line break)
//! # args: --edition 2019                      (optional: edition override)
//! # expect: S001 12                           (fail fixtures: code and 1-based line)
//! ---
//! report text, when there is no base
//! ```
//! Only the rule under test runs, so fixtures need not be clean of others.
//!
//! Input rules (family `I`) are reported by the reader, so their fixtures are
//! raw: each fixture path (a file of any bytes, a directory, a broken link) is
//! given to the reader as a command-line argument would be, with a 1 KiB size
//! limit so that an `I003` fixture stays small. A `fail*` fixture expects
//! exactly its rule's code (at line 1), a `pass*` fixture no input diagnostic.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use disclint::input::{expand, read_file, Input, InputOptions};
use disclint::rules::{Family, Registry, Selection, Selector};
use disclint::{LintOptions, Linter, SourceFile};

struct Fixture {
    text: String,
    expected: BTreeSet<(String, usize)>,
    edition: Option<u16>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn load(path: &Path) -> Fixture {
    let raw = std::fs::read_to_string(path).unwrap();
    let (header, body) = raw.split_once("\n---\n").unwrap_or((raw.as_str(), ""));
    let mut text = body.to_owned();
    let mut expected = BTreeSet::new();
    let mut edition = None;
    for line in header.lines() {
        let Some(line) = line.strip_prefix("# ") else {
            continue;
        };
        let (key, value) = line.split_once(": ").unwrap_or((line, ""));
        match key {
            "base" => text = std::fs::read_to_string(root().join(value)).unwrap(),
            "replace" => {
                let (old, new) = value.split_once(" => ").expect("replace: old => new");
                let (old, new) = (old.replace("\\n", "\n"), new.replace("\\n", "\n"));
                assert!(
                    text.contains(&old),
                    "{}: no `{old}` to replace",
                    path.display()
                );
                text = text.replacen(&old, &new, 1);
            }
            "args" => {
                let edition_arg = value.strip_prefix("--edition ").expect("only --edition");
                edition = Some(edition_arg.parse().unwrap());
            }
            "expect" => {
                let (code, line) = value.split_once(' ').expect("expect: CODE LINE");
                expected.insert((code.to_owned(), line.trim().parse().unwrap()));
            }
            other => panic!("{}: unknown header `{other}`", path.display()),
        }
    }
    Fixture {
        text,
        expected,
        edition,
    }
}

fn run(code: &str, fixture: &Fixture) -> BTreeSet<(String, usize)> {
    let linter = Linter::new(LintOptions {
        selection: Selection {
            select: Some(vec![Selector::new(code)]),
            ..Selection::default()
        },
        edition: fixture.edition,
        ..LintOptions::default()
    });
    let source = SourceFile::from_text("fixture.txt", fixture.text.as_str());
    linter
        .lint(&source)
        .into_iter()
        .map(|d| (d.code.clone(), source.position(d.span.offset).line))
        .collect()
}

/// The input diagnostics the reader gives for `path` as an argument.
fn run_input(path: &Path) -> BTreeSet<(String, usize)> {
    let options = InputOptions {
        max_file_size: 1024,
        ..InputOptions::default()
    };
    let argument = path.display().to_string();
    expand(&[argument], &options)
        .into_iter()
        .filter_map(|input| match input {
            Input::File { path, .. } => read_file(&path, &options).err().map(|d| d.code.clone()),
            Input::Failed { diagnostic, .. } => Some(diagnostic.code),
        })
        .map(|code| (code, 1))
        .collect()
}

fn fixtures(code: &str) -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures/rules").join(code);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn every_fixture_reports_exactly_what_it_expects() {
    let registry = Registry::builtin();
    let mut checked = 0;
    for meta in registry.metas() {
        for path in fixtures(&meta.code) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if meta.family == Family::Input {
                let expected: BTreeSet<(String, usize)> = if name.starts_with("fail") {
                    [(meta.code.to_string(), 1)].into()
                } else {
                    BTreeSet::new()
                };
                assert_eq!(run_input(&path), expected, "{}", path.display());
                checked += 1;
                continue;
            }
            let fixture = load(&path);
            let actual = run(&meta.code, &fixture);
            if name.starts_with("fail") {
                assert!(
                    !fixture.expected.is_empty(),
                    "{}: a fail fixture expects something",
                    path.display()
                );
            } else {
                assert!(
                    fixture.expected.is_empty(),
                    "{}: a pass fixture expects nothing",
                    path.display()
                );
            }
            assert_eq!(actual, fixture.expected, "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn every_rule_is_documented_and_has_both_fixtures() {
    let registry = Registry::builtin();
    for meta in registry.metas() {
        assert!(meta.is_documented(), "{} lacks documentation", meta.code);
        let files = fixtures(&meta.code);
        let has = |prefix: &str| {
            files
                .iter()
                .any(|f| f.file_name().unwrap().to_string_lossy().starts_with(prefix))
        };
        assert!(
            has("fail"),
            "{} has no failing fixture in tests/fixtures/rules/{}/",
            meta.code,
            meta.code
        );
        assert!(
            has("pass"),
            "{} has no passing fixture in tests/fixtures/rules/{}/",
            meta.code,
            meta.code
        );
        assert!(
            meta.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}: name `{}` is not kebab-case",
            meta.code,
            meta.name
        );
    }
}
