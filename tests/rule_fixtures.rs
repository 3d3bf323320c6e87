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
//! PDFs are read with the `pdftotext` installed (skipped with a note when
//! there is none), except in a rule folder with a `tools/` folder: there
//! `pdftotext` is looked for in `tools/` only (I008's has none).
//! Only names starting with `fail` or `pass` are fixtures.
//!
//! A fixture may be a folder of report fixtures (each a file as above, its
//! `# expect` lines about its own lines): the reports are checked together,
//! as `disclint check FOLDER` checks them, which is how the rules across
//! reports (family `Y`) are tested — two years of one agency, or two
//! agencies. A file named `previous*` is one of last year's reports, read
//! as `--previous` reads them: compared with, not checked.
//!
//! Every rule's own examples (`disclint explain`) run too, each in the place
//! it declares ([`Place`]): a rule fires inside its failing example and
//! nowhere on its passing one. And codes and names are unique and well formed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod common;

use disclint::extract::{extract, PdfToText};
use disclint::input::{expand, read_file, Input, InputOptions};
use disclint::rules::{
    host_report, Context, Example, Family, Place, Registry, Rule, RuleMeta, Selection, Selector,
    Sink, Trial,
};
use disclint::years::{check_sources, CrossOptions};
use disclint::{LintOptions, Linter, SourceFile};

struct Fixture {
    text: String,
    expected: BTreeSet<(String, usize)>,
    edition: Option<disclint::Edition>,
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

/// The input diagnostics the reader gives for `path` as an argument, with
/// the tools of the fixture's folder (see the module documentation).
fn run_input(path: &Path) -> BTreeSet<(String, usize)> {
    let tools = path.parent().map(|dir| dir.join("tools"));
    let pdftotext = match tools.filter(|tools| tools.is_dir()) {
        Some(tools) => PdfToText::in_folders(vec![tools]),
        None => PdfToText::default(),
    };
    let options = InputOptions {
        max_file_size: 1024,
        pdftotext,
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
    files.retain(|path| {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        name.starts_with("fail") || name.starts_with("pass")
    });
    files.sort();
    files
}

/// Whether the fixture at `path` is a PDF read with the installed
/// `pdftotext`, which is not there (the skip is noted).
fn needs_missing_pdftotext(path: &Path) -> bool {
    let pdf = path.extension().is_some_and(|e| e == "pdf");
    let own_tools = path.parent().is_some_and(|dir| dir.join("tools").is_dir());
    pdf && !own_tools && !common::pdftotext()
}

/// The report fixtures of a folder fixture, by file name.
fn folder(path: &Path) -> Vec<(String, Fixture)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|file| {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            (name, load(file))
        })
        .collect()
}

/// What rule `code` reports on the reports of a folder fixture checked
/// together: (file name, code, line).
fn run_folder(code: &str, reports: &[(String, Fixture)]) -> BTreeSet<(String, String, usize)> {
    let linter = Linter::new(LintOptions {
        selection: Selection {
            select: Some(vec![Selector::new(code)]),
            ..Selection::default()
        },
        ..LintOptions::default()
    });
    let sources: Vec<(SourceFile, bool)> = reports
        .iter()
        .map(|(name, fixture)| {
            assert!(
                fixture.edition.is_none(),
                "{name}: no --edition in a folder"
            );
            let source = SourceFile::from_text(name.as_str(), fixture.text.as_str());
            (source, !name.starts_with("previous"))
        })
        .collect();
    let found = check_sources(&linter, &sources, &CrossOptions::default());
    sources
        .iter()
        .zip(found)
        .flat_map(|((source, _), diagnostics)| {
            diagnostics.into_iter().map(|d| {
                let line = source.position(d.span.offset).line;
                (source.path.clone(), d.code, line)
            })
        })
        .collect()
}

/// Checks a folder fixture; `fail` says whether it is a failing one.
fn check_folder(code: &str, path: &Path, fail: bool) {
    let reports = folder(path);
    assert!(
        reports.len() >= 2,
        "{}: a folder of reports",
        path.display()
    );
    let expected: BTreeSet<(String, String, usize)> = reports
        .iter()
        .flat_map(|(name, fixture)| {
            assert!(
                !name.starts_with("previous") || fixture.expected.is_empty(),
                "{}/{name}: last year's report is not checked",
                path.display()
            );
            fixture
                .expected
                .iter()
                .map(move |(code, line)| (name.clone(), code.clone(), *line))
        })
        .collect();
    assert_eq!(
        fail,
        !expected.is_empty(),
        "{}: a fail fixture expects something, a pass fixture nothing",
        path.display()
    );
    assert_eq!(run_folder(code, &reports), expected, "{}", path.display());
}

#[test]
fn every_fixture_reports_exactly_what_it_expects() {
    let registry = Registry::builtin();
    let mut checked = 0;
    for meta in registry.metas() {
        for path in fixtures(&meta.code) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() && meta.family != Family::Input {
                check_folder(&meta.code, &path, name.starts_with("fail"));
                checked += 1;
                continue;
            }
            if meta.family == Family::Input {
                if needs_missing_pdftotext(&path) {
                    continue;
                }
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
    }
}

/// Whether `rule` reports anything on `example`, and where: `Some(true)` if
/// it reports inside the example, `Some(false)` if only elsewhere, `None` if
/// nowhere. `Err` when the example is not run (its place is a command line).
fn fires_on(meta: &RuleMeta, example: &Example) -> Result<Option<bool>, String> {
    let trial = example.trial()?.ok_or("not run")?;
    Ok(match trial {
        Trial::Bytes(bytes) => {
            let read = extract("example.txt", &bytes, &InputOptions::default());
            read.err().map(|d| d.code == meta.code)
        }
        Trial::Text { text, span } => {
            let source = SourceFile::from_text("example.txt", text);
            let found = only(meta).lint(&source);
            let inside = |offset: usize| (span.offset..=span.end()).contains(&offset);
            (!found.is_empty()).then(|| found.iter().any(|d| inside(d.span.offset)))
        }
        Trial::Pair {
            first,
            second,
            span,
        } => {
            let sources = [
                (SourceFile::from_text("first.txt", first), true),
                (SourceFile::from_text("second.txt", second), true),
            ];
            let found = check_sources(&only(meta), &sources, &CrossOptions::default());
            let inside = |offset: usize| (span.offset..=span.end()).contains(&offset);
            (found.iter().any(|f| !f.is_empty()))
                .then(|| found[1].iter().any(|d| inside(d.span.offset)))
        }
    })
}

/// A linter that runs the rule of `meta` alone.
fn only(meta: &RuleMeta) -> Linter {
    Linter::new(LintOptions {
        selection: Selection {
            select: Some(vec![Selector::new(&meta.code)]),
            ..Selection::default()
        },
        ..LintOptions::default()
    })
}

#[test]
fn the_host_report_of_the_examples_is_clean() {
    let linter = Linter::new(LintOptions {
        selection: Selection {
            select: Some(vec![Selector::new("ALL")]),
            ..Selection::default()
        },
        ..LintOptions::default()
    });
    let source = SourceFile::from_text("host.txt", host_report());
    let found: Vec<String> = linter
        .lint(&source)
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    assert_eq!(found, Vec::<String>::new(), "{}", source.text);
}

#[test]
fn every_rule_fires_on_its_failing_example_and_not_on_its_passing_one() {
    let registry = Registry::builtin();
    let mut wrong = Vec::new();
    let mut run = 0;
    for meta in registry.metas() {
        for (example, what) in [
            (&meta.bad_example, "failing"),
            (&meta.good_example, "passing"),
        ] {
            if example.place == Place::Command {
                // Only the reader's rules speak of command lines (see `Place::Command`).
                assert_eq!(meta.family, Family::Input, "{}: a command line", meta.code);
                continue;
            }
            let expected = if what == "failing" { Some(true) } else { None };
            let actual = fires_on(meta, example);
            if actual != Ok(expected) {
                wrong.push(format!(
                    "{} {what} example ({:?}): {actual:?}\n{}\n",
                    meta.code, example.place, example.text
                ));
            }
            run += 1;
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(run >= 70, "only {run} examples ran");
}

/// What is wrong with the codes and names of `registry`.
fn naming_problems(registry: &Registry) -> Vec<String> {
    let mut problems = Vec::new();
    let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for meta in registry.metas() {
        *codes.entry(&meta.code).or_default() += 1;
        *names.entry(&meta.name).or_default() += 1;
        if !meta.code.starts_with(meta.family.letter()) {
            problems.push(format!(
                "{}: code of the {} family does not start with {}",
                meta.code,
                meta.family.name(),
                meta.family.letter()
            ));
        }
        let kebab = meta.name.split('-').all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        }) && meta.name.starts_with(|c: char| c.is_ascii_lowercase());
        if !kebab {
            problems.push(format!(
                "{}: name `{}` is not kebab-case",
                meta.code, meta.name
            ));
        }
    }
    for (kind, counts) in [("code", codes), ("name", names)] {
        for (value, count) in counts {
            if count > 1 {
                problems.push(format!("{count} rules share the {kind} `{value}`"));
            }
        }
    }
    problems
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    assert_eq!(naming_problems(&Registry::builtin()), Vec::<String>::new());
}

/// A rule with the given metadata that reports nothing.
struct Named(RuleMeta);

impl Rule for Named {
    fn meta(&self) -> &RuleMeta {
        &self.0
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}

fn named(code: &'static str, name: &'static str, family: Family) -> Box<dyn Rule> {
    let mut meta = Registry::builtin().find("S001").unwrap().clone();
    (meta.code, meta.name, meta.family) = (code.into(), name.into(), family);
    Box::new(Named(meta))
}

#[test]
fn naming_problems_are_found() {
    let registry = Registry::from_rules(vec![
        named("S001", "missing-section", Family::Structure),
        named("S001", "missing-title", Family::Structure),
        named("T001", "missing-title", Family::Tables),
        named("S009", "Missing_Row", Family::Structure),
        named("A009", "row--sum", Family::Tables),
    ]);
    assert_eq!(
        naming_problems(&registry),
        [
            "S009: name `Missing_Row` is not kebab-case",
            "A009: code of the tables family does not start with T",
            "A009: name `row--sum` is not kebab-case",
            "2 rules share the code `S001`",
            "2 rules share the name `missing-title`",
        ]
    );
}
