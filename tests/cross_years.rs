//! The checks across reports (family `Y`) beyond their fixtures: facts that
//! do not depend on how a report is written out, a batch of independent
//! reports that gives no finding and a planted copy that gives exactly its
//! two, Y003's threshold on the pairs it was chosen on, and the command
//! line (`--previous`, `[agencies]`, the places in last year's report in
//! every output format).

mod common;

use std::path::{Path, PathBuf};

use disclint::cli::{run_with, Environment};
use disclint::pack::ids;
use disclint::synth::{Prose, Rendering, Rng, SynthReport};
use disclint::years::{check_sources, CrossOptions, Facts};
use disclint::{LintOptions, Linter, SourceFile};

use common::consecutive;

/// A report of `agency` for `year` with consistent figures and prose of
/// its own, both drawn from `seed`.
fn synth(agency: &str, year: i32, seed: u64) -> SynthReport {
    let mut report = SynthReport::consistent(&mut Rng::new(seed), year);
    report.agency = agency.to_owned();
    report.prose = Some(Prose::varied(&mut Rng::new(seed), agency));
    report
}

fn facts(linter: &Linter, source: &SourceFile) -> Facts {
    let analysis = linter.analyze(source);
    let format = linter.formats().get(analysis.report.edition);
    Facts::of(source, &analysis.doc, &analysis.report, format)
}

/// What the facts say, without where they stand.
fn figures(facts: &Facts) -> Vec<String> {
    let rows = facts.rows.iter().map(|row| {
        let values: Vec<String> = row
            .cells
            .iter()
            .map(|c| format!("{}={:?}", c.column, c.value.map(|v| v.to_string())))
            .collect();
        format!("{}/{}: {}", row.table, row.id, values.join(" "))
    });
    let grids = facts
        .grids
        .iter()
        .map(|g| format!("{} {:x} {} {}", g.table, g.hash, g.nonzero, g.events));
    let prose = facts.prose.iter().map(|p| {
        let hashes: Vec<String> = p.fingerprints.iter().map(|f| f.hash.to_string()).collect();
        format!("{} {} {}", p.kind, p.chars, hashes.join(","))
    });
    rows.chain(grids).chain(prose).collect()
}

#[test]
fn facts_are_the_same_in_every_rendering_and_as_a_web_page() {
    let linter = Linter::new(LintOptions::default());
    let report = synth("青禾县白石镇人民政府", 2024, 7);
    let expected = figures(&facts(
        &linter,
        &SourceFile::from_text("a.txt", report.render(Rendering::SeedPipes)),
    ));
    assert_eq!(expected.len(), 4 + 2 + 2, "{expected:#?}");
    for rendering in Rendering::ALL {
        let source = SourceFile::from_text("r.txt", report.render(rendering));
        let found = figures(&facts(&linter, &source));
        if rendering == Rendering::Flattened {
            // A report flattened onto a few lines keeps the tables' facts;
            // its subsection headings (二) to (五) stand inside the prose
            // and are fingerprinted with it (docs/cross-year.md).
            assert_eq!(found[..6], expected[..6], "{rendering:?}");
            let overview = |figures: &[String]| {
                figures[6]
                    .split(' ')
                    .nth(1)
                    .and_then(|n| n.parse::<u32>().ok())
            };
            assert!(overview(&found) >= overview(&expected), "{found:#?}");
            assert_eq!(found[7], expected[7], "{rendering:?}");
            continue;
        }
        assert_eq!(found, expected, "{rendering:?}");
    }
    let page = report.render_html(disclint::synth::PageStyle::nth(3));
    let options = disclint::input::InputOptions::default();
    let source = disclint::extract::extract("r.html", page.as_bytes(), &options).unwrap();
    assert_eq!(figures(&facts(&linter, &source)), expected, "web page");
}

/// Every `Y` finding of `sources`, checked together: (file, code, line).
fn findings(sources: &[(SourceFile, bool)]) -> Vec<(String, String, usize)> {
    let linter = Linter::new(LintOptions {
        selection: disclint::rules::Selection {
            select: Some(vec![disclint::rules::Selector::new("Y")]),
            ..Default::default()
        },
        ..LintOptions::default()
    });
    let found = check_sources(&linter, sources, &CrossOptions::default());
    sources
        .iter()
        .zip(found)
        .flat_map(|((source, _), diagnostics)| {
            diagnostics.into_iter().map(|d| {
                (
                    source.path.clone(),
                    d.code,
                    source.position(d.span.offset).line,
                )
            })
        })
        .collect()
}

#[test]
fn a_batch_of_independent_reports_gives_nothing_and_a_planted_copy_its_two_findings() {
    let reports: Vec<SynthReport> = (0..60)
        .map(|i| synth(&format!("示例县第{i}镇人民政府"), 2024, 100 + i))
        .collect();
    let sources = |reports: &[SynthReport]| -> Vec<(SourceFile, bool)> {
        reports
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let text = r.render(Rendering::ALL[i % Rendering::ALL.len()]);
                (SourceFile::from_text(format!("{i:02}.txt"), text), true)
            })
            .collect()
    };
    assert_eq!(findings(&sources(&reports)), []);
    // Report 41 pastes report 17's account of its active disclosure.
    let mut copied = reports.clone();
    let pasted = reports[17].prose.as_ref().unwrap().overview[0].clone();
    copied[41].prose.as_mut().unwrap().overview[0] = pasted;
    let found: Vec<(String, String)> = findings(&sources(&copied))
        .into_iter()
        .map(|(file, code, _)| (file, code))
        .collect();
    assert_eq!(
        found,
        [
            ("17.txt".to_owned(), "Y005".to_owned()),
            ("41.txt".to_owned(), "Y005".to_owned())
        ]
    );
}

/// The sections of one agency's two years as reports: 2023's, then 2024's.
fn pair(agency: &str, last: [&[String]; 2], this: [&[String]; 2]) -> Vec<(SourceFile, bool)> {
    vec![
        (
            SourceFile::from_text(
                "2023.txt",
                consecutive::report(agency, 2023, last[0], last[1]),
            ),
            true,
        ),
        (
            SourceFile::from_text(
                "2024.txt",
                consecutive::report(agency, 2024, this[0], this[1]),
            ),
            true,
        ),
    ]
}

#[test]
fn rewritten_sections_stay_below_the_threshold_and_copies_do_not() {
    for agency in consecutive::agencies() {
        let (o, p) = (&agency.overview, &agency.problems);
        let anew = pair(&agency.name, [&o[0], &p[0]], [&o[1], &p[1]]);
        assert_eq!(findings(&anew), [], "{}", agency.name);
        let copied = pair(&agency.name, [&o[0], &p[0]], [&o[0], &p[0]]);
        let codes: Vec<String> = findings(&copied).into_iter().map(|f| f.1).collect();
        assert_eq!(codes, ["Y003", "Y003"], "{}", agency.name);
    }
    // Two drafts of synthetic prose: near each other, still below.
    let linter = Linter::new(LintOptions::default());
    for seed in 0..30 {
        let name = format!("示例县第{seed}镇人民政府");
        let last = Prose::varied(&mut Rng::new(seed), &name);
        let this = Prose::varied(&mut Rng::new(seed + 1_000_000), &name);
        let flat = |p: &Prose| [p.opening.clone(), p.overview.concat()].concat();
        let anew = pair(
            &name,
            [&flat(&last), &last.problems],
            [&flat(&this), &this.problems],
        );
        assert_eq!(findings(&anew), [], "seed {seed}");
        let a = facts(&linter, &anew[0].0);
        assert!(a.prose(ids::OVERVIEW).is_some_and(|p| p.chars > 200));
    }
}

/// A scratch folder under `target/`, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/cross-years")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `disclint ARGS`: exit code, standard output, standard error.
fn disclint(args: &[&str]) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let argv = std::iter::once("disclint").chain(args.iter().copied());
    let code = run_with(argv, Environment::default(), &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// The 2023 report of 白石镇 with 结转下年度 changed, and its 2024 report.
fn carry_over_pair(dir: &Path, title_2023: &str) -> (PathBuf, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let last = std::fs::read_to_string(root.join("tests/fixtures/years/baishi-2023.txt"))
        .unwrap()
        .replace("青禾县白石镇人民政府2023年", title_2023)
        .replace(
            "| 四、结转下年度继续办理 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |",
            "| 四、结转下年度继续办理 | 0 | 4 | 0 | 0 | 0 | 0 | 4 |",
        );
    let (old, new) = (dir.join("old"), dir.join("new"));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::create_dir_all(&new).unwrap();
    std::fs::write(old.join("a.txt"), last).unwrap();
    std::fs::copy(
        root.join("examples/reports/clean-2024.txt"),
        new.join("b.txt"),
    )
    .unwrap();
    (old, new.join("b.txt"))
}

#[test]
fn previous_reports_are_compared_with_and_not_checked_and_json_names_their_places() {
    let dir = scratch("previous");
    let (old, report) = carry_over_pair(&dir, "青禾县白石镇人民政府2023年");
    let (old, report) = (old.display().to_string(), report.display().to_string());
    let args = ["check", "--no-config", "--select", "Y", "--format", "json"];
    let (code, out, err) = disclint(&[&args[..], &[report.as_str(), "--previous", &old]].concat());
    assert_eq!((code, err.as_str()), (0, ""));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "last year's report is not checked");
    let found = files[0]["diagnostics"].as_array().unwrap();
    let codes: Vec<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["Y001", "Y001"]);
    let related = &found[0]["related"][0];
    assert_eq!(related["path"], format!("{old}/a.txt"));
    assert_eq!(related["line"], 62);
    assert!(related["message"]
        .as_str()
        .unwrap()
        .contains("2023年度报告"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("docs/json-schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&json), "{out}");
    // One file alone, no previous year: nothing to compare with.
    let (code, out, _) = disclint(&[&args[..], &[report.as_str()]].concat());
    assert_eq!(code, 0);
    assert!(!out.contains("Y001"), "{out}");
    // A previous report that cannot be read is a note; the run goes on.
    let missing = dir.join("missing.txt").display().to_string();
    let (code, _, err) =
        disclint(&[&args[..], &[report.as_str(), "--previous", &missing]].concat());
    assert_eq!(code, 0);
    assert!(
        err.contains("missing.txt") && err.contains("跨年度"),
        "{err}"
    );
}

#[test]
fn agencies_in_the_configuration_pair_reports_the_titles_do_not() {
    let dir = scratch("agencies");
    let (old, report) = carry_over_pair(&dir, "青禾县人民政府白石镇2023年");
    let (old, report) = (old.display().to_string(), report.display().to_string());
    let check = |config: Option<&str>| {
        let mut args = vec!["check", "--select", "Y001", "--format", "concise"];
        let path;
        match config {
            Some(text) => {
                path = dir.join("disclint.toml");
                std::fs::write(&path, text).unwrap();
                args.extend(["--config", path.to_str().unwrap()]);
            }
            None => args.push("--no-config"),
        }
        args.extend([report.as_str(), "--previous", old.as_str()]);
        disclint(&args).1.matches("warning[Y001]").count()
    };
    assert_eq!(check(None), 0, "the names differ");
    assert_eq!(
        check(Some(
            "[agencies]\n\"old/*.txt\" = \"白石镇\"\n\"new/*.txt\" = \"白石镇\"\n"
        )),
        2
    );
    assert_eq!(check(Some("[agencies]\n\"青禾县人民政府白石镇\" = \"白石镇\"\n\"青禾县白石镇人民政府\" = \"白石镇\"\n")), 2);
}

#[test]
fn every_output_format_names_the_place_in_last_years_report() {
    let dir = scratch("formats");
    let (old, report) = carry_over_pair(&dir, "青禾县白石镇人民政府2023年");
    let (old, report) = (old.display().to_string(), report.display().to_string());
    let formats = [
        "human", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit", "rdjson",
    ];
    for format in formats {
        let args = [
            "check",
            "--no-config",
            "--select",
            "Y001",
            "--format",
            format,
        ];
        let (code, out, err) =
            disclint(&[&args[..], &[report.as_str(), "--previous", &old]].concat());
        assert_eq!((code, err.as_str()), (0, ""), "{format}");
        let out = out.replace(&dir.display().to_string(), "DIR");
        // The 2023 report's file, and its line 62 (结转下年度继续办理).
        assert!(out.contains("DIR/old/a.txt"), "{format}: {out}");
        let at_line = [
            "a.txt:62:",
            "\"line\": 62",
            "\"line\":62",
            "\"startLine\": 62",
        ];
        assert!(
            at_line.iter().any(|form| out.contains(form)),
            "{format}: {out}"
        );
        if format == "concise" {
            insta::assert_snapshot!("related_places_concise", out);
        }
    }
    // And in English.
    let args = ["check", "--no-config", "--select", "Y001", "--lang", "en"];
    let (_, out, _) = disclint(&[&args[..], &[report.as_str(), "--previous", &old]].concat());
    let out = out.replace(&dir.display().to_string(), "DIR");
    insta::assert_snapshot!("related_places_human_en", out);
}

#[test]
fn last_years_report_may_be_a_web_page() {
    let dir = scratch("web-page");
    let old = dir.join("old");
    std::fs::create_dir_all(&old).unwrap();
    let last = synth("示例县白石镇人民政府", 2023, 11);
    let page = last.render_html(disclint::synth::PageStyle::nth(1));
    std::fs::write(old.join("2023.html"), page).unwrap();
    let this = synth("示例县白石镇人民政府", 2024, 12);
    let report = dir.join("2024.txt");
    std::fs::write(&report, this.render(Rendering::SeedPipes)).unwrap();
    let args = [
        "check",
        "--no-config",
        "--select",
        "Y001",
        "--format",
        "json",
    ];
    let (report, old) = (report.display().to_string(), old.display().to_string());
    let (_, out, err) = disclint(&[&args[..], &[report.as_str(), "--previous", &old]].concat());
    assert_eq!(err, "");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found = json["files"][0]["diagnostics"].as_array().unwrap();
    assert!(
        !found.is_empty(),
        "the figures of seeds 11 and 12 differ: {out}"
    );
    for diagnostic in found {
        let related = &diagnostic["related"][0];
        assert!(related["path"].as_str().unwrap().ends_with("2023.html"));
        // The cell of the page's table, as a reader finds it.
        assert_eq!(related["location"]["kind"], "cell", "{related}");
    }
}
