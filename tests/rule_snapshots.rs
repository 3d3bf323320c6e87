//! How every rule's findings read: the human output (no colour, `--lang
//! zh`, width 100) of each failing fixture in `tests/fixtures/rules/<CODE>/`,
//! as insta snapshots, so that a change in a message, a label or a help is
//! reviewed. The fixtures' format is described in `tests/rule_fixtures.rs`;
//! only the rule under test runs. A report fixture is given on standard
//! input (its text is built from `# base` and `# replace`); an input rule's
//! fixture (family `I`) is a path, as on the command line, read with the
//! tools its folder's `tools/` has if it has one. A folder fixture (the
//! rules across reports) is written out as its files under
//! `target/rule-fixtures/<CODE>/<fixture>/`, and checked as one batch, its
//! `previous*` files given with `--previous`.

mod common;

use std::path::{Path, PathBuf};

use disclint::cli::{run_with, Environment};
use disclint::extract::PdfToText;
use disclint::rules::{Family, Registry};

const RULES: &str = "tests/fixtures/rules";

/// A report fixture: its text, and the `--edition` it asks for.
struct Fixture {
    text: String,
    edition: Option<String>,
}

/// Reads a report fixture: its header (`# base`, `# replace`, `# args`;
/// `# expect` is for rule_fixtures.rs), then `---` and the text.
fn load(path: &Path) -> Fixture {
    let raw = std::fs::read_to_string(path).unwrap();
    let (header, body) = raw.split_once("\n---\n").unwrap_or((raw.as_str(), ""));
    let mut fixture = Fixture {
        text: body.to_owned(),
        edition: None,
    };
    for line in header.lines().filter_map(|l| l.strip_prefix("# ")) {
        let (key, value) = line.split_once(": ").unwrap_or((line, ""));
        match key {
            "base" => fixture.text = std::fs::read_to_string(value).unwrap(),
            "replace" => {
                let (old, new) = value.split_once(" => ").expect("replace: old => new");
                let (old, new) = (old.replace("\\n", "\n"), new.replace("\\n", "\n"));
                assert!(
                    fixture.text.contains(&old),
                    "{}: no `{old}`",
                    path.display()
                );
                fixture.text = fixture.text.replacen(&old, &new, 1);
            }
            "args" => {
                let edition = value.strip_prefix("--edition ").expect("only --edition");
                fixture.edition = Some(edition.to_owned());
            }
            "expect" => {}
            other => panic!("{}: unknown header `{other}`", path.display()),
        }
    }
    fixture
}

/// The failing fixtures of a rule, sorted.
fn failing(code: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(Path::new(RULES).join(code))
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.file_name().unwrap().to_string_lossy().starts_with("fail"));
    paths.sort();
    paths
}

/// `disclint check ARGS` in a plain environment (no terminal, width 100)
/// with `stdin`, `pdftotext` found as `pdftotext` says: the standard output,
/// which must be all there is.
fn check(args: &[&str], stdin: Vec<u8>, pdftotext: PdfToText) -> String {
    let argv = [
        "disclint",
        "check",
        "--no-config",
        "--lang",
        "zh",
        "--format",
        "human",
    ];
    let env = Environment {
        stdin: Box::new(std::io::Cursor::new(stdin)),
        pdftotext,
        ..Environment::default()
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    run_with(argv.iter().chain(args).copied(), env, &mut out, &mut err);
    let err = String::from_utf8(err).unwrap();
    assert_eq!(err, "", "{args:?}");
    String::from_utf8(out).unwrap()
}

/// Writes out the reports of a folder fixture and gives the arguments that
/// check them together with rule `code`.
fn folder_args(code: &str, stem: &str, path: &Path) -> Vec<String> {
    let out = Path::new("target/rule-fixtures").join(code).join(stem);
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut args = vec!["--select".to_owned(), code.to_owned()];
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let written = out.join(&name);
        std::fs::write(&written, load(&file).text).unwrap();
        if name.starts_with("previous") {
            args.push("--previous".to_owned());
        }
        args.push(written.display().to_string());
    }
    args
}

#[test]
fn every_failing_fixture_reads_as_reviewed() {
    let mut snapshots = 0;
    for meta in Registry::builtin().metas() {
        let code = meta.code.to_string();
        for path in failing(&code) {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let output = if path.is_dir() && meta.family != Family::Input {
                let args = folder_args(&code, &stem, &path);
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                check(&args, Vec::new(), PdfToText::default())
            } else if meta.family == Family::Input {
                let tools = path.parent().unwrap().join("tools");
                let pdftotext = if tools.is_dir() {
                    PdfToText::in_folders(vec![tools])
                } else if path.extension().is_some_and(|e| e == "pdf") && !common::pdftotext() {
                    continue;
                } else {
                    PdfToText::default()
                };
                let shown = path.to_str().unwrap();
                check(
                    &["--select", &code, "--max-file-size", "1K", shown],
                    Vec::new(),
                    pdftotext,
                )
            } else {
                let fixture = load(&path);
                let name = format!("{code}/{stem}.txt");
                let mut args = vec!["--select", &code, "--stdin-filename", &name, "-"];
                if let Some(edition) = &fixture.edition {
                    args.extend(["--edition", edition]);
                }
                check(&args, fixture.text.into_bytes(), PdfToText::default())
            };
            assert!(
                output.contains(&format!("{code} {}", meta.name)),
                "{}: no {code} in\n{output}",
                path.display()
            );
            let description = path.display().to_string();
            insta::with_settings!({ description => description, omit_expression => true }, {
                insta::assert_snapshot!(format!("{code}-{stem}"), output);
            });
            snapshots += 1;
        }
    }
    // rule_fixtures.rs sees that every rule has a failing fixture (a PDF
    // one may have been skipped without pdftotext).
    assert!(snapshots >= Registry::builtin().metas().count() - 1);
}
