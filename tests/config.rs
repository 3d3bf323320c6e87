//! `disclint.toml`: the documented example loads; discovery; the file's
//! settings take effect and command-line flags override them.

use std::path::{Path, PathBuf};

use disclint::config::{discover, Config};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// A fresh directory under the system temp dir for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("disclint-config-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> (i32, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = disclint::cli::run(
        std::iter::once("disclint").chain(args.iter().copied()),
        &mut out,
        &mut err,
    );
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// (path file name, code, severity, message) of every diagnostic.
fn diagnostics(json: &str) -> Vec<(String, String, String, String)> {
    let value: Value = serde_json::from_str(json).unwrap();
    let mut out = Vec::new();
    for file in value["files"].as_array().unwrap() {
        let path = file["path"].as_str().unwrap();
        let name = Path::new(path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for d in file["diagnostics"].as_array().unwrap() {
            out.push((
                name.clone(),
                d["code"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            ));
        }
    }
    out
}

#[test]
fn the_documented_example_loads() {
    let doc = std::fs::read_to_string(root().join("docs/configuration.md")).unwrap();
    let start = doc.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let config = Config::from_toml(
        &root().join("disclint.toml"),
        &doc[start..end],
        disclint::Lang::En,
    )
    .unwrap();
    let file = &config.file;
    assert_eq!(file.extend_select, ["X003"]);
    assert_eq!(file.ignore, ["S006"]);
    assert_eq!(file.lang, Some(disclint::Lang::En));
    assert_eq!(file.edition, Some(disclint::Edition::E2021));
    assert_eq!(file.severity.len(), 2);
    assert_eq!(file.per_file_ignores.len(), 2);
    assert_eq!(file.agencies.len(), 2);
    assert_eq!(file.copies.similarity, Some(0.7));
    // The pack it names exists, relative to the repository root.
    for pack in config.rule_packs() {
        assert!(pack.is_file(), "{}", pack.display());
        disclint::pack::Pack::load(&pack, disclint::Lang::En).unwrap();
    }
    let ignores = config.per_file_ignores();
    let registry = disclint::rules::Registry::builtin();
    let s001 = registry.find("S001").unwrap();
    assert!(ignores.ignores(&root().join("excerpts/a.txt").display().to_string(), s001));
    assert!(!ignores.ignores(&root().join("reports/a.txt").display().to_string(), s001));
}

#[test]
fn discovery_walks_up_from_the_start_directory() {
    let dir = scratch("discover");
    let nested = dir.join("a/b/c");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::write(dir.join("a/disclint.toml"), "ignore = [\"S006\"]\n").unwrap();
    assert_eq!(discover(&nested), Some(dir.join("a/disclint.toml")));
    let config = Config::resolve(None, false, &nested, disclint::Lang::En).unwrap();
    assert_eq!(config.file.ignore, ["S006"]);
    let none = Config::resolve(None, true, &nested, disclint::Lang::En).unwrap();
    assert!(none.path.is_none());
}

/// A folder of reports with a configuration: the seed's C006 raised to error,
/// silenced for `skip/`, the example pack loaded, X003 selected, English.
fn project() -> PathBuf {
    let dir = scratch("project");
    std::fs::create_dir_all(dir.join("skip")).unwrap();
    std::fs::copy(
        root().join("examples/packs/province.toml"),
        dir.join("province.toml"),
    )
    .unwrap();
    let report = std::fs::read_to_string(root().join("examples/reports/clean-2024.txt"))
        .unwrap()
        .replacen('〈', " <", 1)
        .replacen('〉', "> ", 1);
    std::fs::write(dir.join("a.txt"), &report).unwrap();
    std::fs::write(dir.join("skip/b.txt"), &report).unwrap();
    std::fs::write(
        dir.join("disclint.toml"),
        concat!(
            "extend-select = [\"X003\"]\n",
            "ignore = [\"S006\"]\n",
            "rule_packs = [\"province.toml\"]\n",
            "lang = \"en\"\n",
            "[severity]\nC006 = \"error\"\n",
            "[per-file-ignores]\n\"skip/*.txt\" = [\"C006\"]\n",
        ),
    )
    .unwrap();
    dir
}

#[test]
fn the_file_configures_the_run_and_flags_override_it() {
    let dir = project();
    let config = dir.join("disclint.toml").display().to_string();
    let a = dir.join("a.txt").display().to_string();
    let b = dir.join("skip/b.txt").display().to_string();

    let (code, out, err) = run(&["check", "--config", &config, "--format", "json", &a, &b]);
    assert_eq!(code, 1, "{err}");
    let found = diagnostics(&out);
    let c006: Vec<_> = found.iter().filter(|d| d.1 == "C006").collect();
    assert_eq!(c006.len(), 1, "{found:?}");
    assert_eq!(c006[0].0, "a.txt");
    assert_eq!(c006[0].2, "error");
    assert!(
        c006[0].3.starts_with("a title inside a title"),
        "{}",
        c006[0].3
    );
    assert!(found.iter().any(|d| d.1 == "PR001"), "{found:?}");
    assert!(found.iter().any(|d| d.1 == "X003"), "{found:?}");

    // --no-config: defaults (warning, Chinese, no pack, no X003).
    let (code, out, _) = run(&["check", "--no-config", "--format", "json", &a]);
    assert_eq!(code, 0);
    let found = diagnostics(&out);
    assert!(
        found.iter().all(|d| d.1 != "PR001" && d.1 != "X003"),
        "{found:?}"
    );
    let c006 = found.iter().find(|d| d.1 == "C006").unwrap();
    assert_eq!(c006.2, "warning");
    assert!(c006.3.starts_with("书名中的书名"));

    // --select replaces the file's selection; --lang replaces its language.
    let (_, out, _) = run(&[
        "check", "--config", &config, "--select", "X003", "--lang", "zh", "--format", "json", &a,
    ]);
    let found = diagnostics(&out);
    assert!(!found.is_empty());
    assert!(found.iter().all(|d| d.1 == "X003"), "{found:?}");
    assert!(found[0].3.starts_with("中文之间"), "{}", found[0].3);

    // `disclint rules` shows the effective severities and the pack's rules.
    let (code, out, _) = run(&["rules", "--config", &config]);
    assert_eq!(code, 0);
    let line = |code: &str| {
        out.lines()
            .find(|l| l.starts_with(code))
            .unwrap()
            .to_owned()
    };
    assert!(line("C006").contains("error"), "{out}");
    assert!(line("X003").contains("info"), "{out}");
    assert!(line("S006").contains("off"), "{out}");
    assert!(line("PR001").contains("warning"), "{out}");
}

#[test]
fn a_bad_file_stops_the_run_with_an_error_pointing_into_it() {
    let dir = scratch("bad");
    for (text, expected) in [
        ("selcet = [\"S\"]\n", "selcet"),
        (
            "edition = 2020\n",
            "没有“2020”版的报告格式：应为 2019 或 2021",
        ),
        (
            "[per-file-ignores]\n\"[x\" = [\"S001\"]\n",
            "文件模式“[x”写法有误",
        ),
        ("lang = \"fr\"\n", "fr"),
    ] {
        let path = dir.join("disclint.toml");
        std::fs::write(&path, text).unwrap();
        let (code, _, err) = run(&["check", "--config", &path.display().to_string(), "x.txt"]);
        assert_eq!(code, 2, "{text}");
        assert!(err.contains(expected), "{text}: {err}");
    }
    let path = dir.join("disclint.toml");
    std::fs::write(&path, "ignore = [\"Q9\"]\n").unwrap();
    let (code, _, err) = run(&["check", "--config", &path.display().to_string(), "x.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("Q9"), "{err}");
}

#[test]
fn the_file_edition_applies_unless_the_flag_says_otherwise() {
    let dir = scratch("edition");
    let config = dir.join("disclint.toml");
    std::fs::write(&config, "edition = 2019\n").unwrap();
    let config = config.display().to_string();
    let report = root()
        .join("examples/reports/clean-2024.txt")
        .display()
        .to_string();
    let edition = |args: &[&str]| {
        let (code, out, err) = run(args);
        assert_eq!(code, 0, "{err}");
        let value: Value = serde_json::from_str(&out).unwrap();
        value["edition"].as_u64().unwrap()
    };
    assert_eq!(edition(&["parse", "--config", &config, &report]), 2019);
    assert_eq!(
        edition(&["parse", "--config", &config, "--edition", "2021", &report]),
        2021
    );
    assert_eq!(edition(&["parse", "--no-config", &report]), 2021);
}

#[test]
fn the_most_specific_severity_wins() {
    let dir = scratch("severity");
    let config = dir.join("disclint.toml");
    std::fs::write(&config, "[severity]\nC = \"error\"\nC003 = \"info\"\n").unwrap();
    let (code, out, err) = run(&["rules", "--config", &config.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    let line = |code: &str| {
        out.lines()
            .find(|l| l.starts_with(code))
            .unwrap()
            .to_owned()
    };
    assert!(line("C003").contains("info"), "{out}");
    assert!(line("C006").contains("error"), "{out}");
    assert!(line("X002").contains("warning"), "{out}");
}
