//! Access to the real reports in `../shared`, shared by the test files that
//! read them, and to `pdftotext` for the tests that read PDFs. CI has both;
//! a fresh clone may have neither.
//!
//! A test that needs `../shared` starts with `let Some(shared) = shared()
//! else { return };`. When it is absent the test is skipped, and says so
//! where `cargo test` shows it: libtest has no way to mark a test ignored
//! while it runs, and `#[ignore]` can only be decided when compiling (from
//! a `cfg` that only a build script or `RUSTFLAGS` could set), so the note
//! is written straight to the process's standard error, which the harness
//! does not capture (it captures `print!` and `eprint!` only). Under CI
//! (`CI` set, and not `false` or `0`) an absent `../shared` fails the test
//! instead: there a skip would hide that the real reports were not read.
#![allow(dead_code)] // each test file uses its own part of this module

use std::io::Write;
use std::path::{Path, PathBuf};

/// `../shared`, or `None` when it is absent (the skip is noted; under CI
/// the test fails).
pub fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    skipped("../shared is absent (the real reports are not read)");
    None
}

/// Says that the running test is skipped, and why, where `cargo test`
/// shows it: straight to the process's standard error, which the harness
/// does not capture (`tests/skip_notes.rs` checks that it is seen). Under
/// CI the test fails instead.
pub fn skipped(reason: &str) {
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    assert!(!under_ci(), "{test}: {reason}, and CI must not skip it");
    let _ = writeln!(std::io::stderr(), "skipped {test}: {reason}");
}

/// Whether Poppler's `pdftotext` is installed (as the reader finds it:
/// `DISCLINT_PDFTOTEXT`, else `PATH`). When it is not, the test is skipped
/// with a note, as for `../shared`; under CI it fails instead (`.ci/run`
/// installs `poppler-utils`).
pub fn pdftotext() -> bool {
    if disclint::extract::PdfToText::default().program().is_some() {
        return true;
    }
    skipped("pdftotext is not installed (apt-get install poppler-utils)");
    false
}

/// Chromium and its WebDriver server (Debian's `chromium` and
/// `chromium-driver`) for the browser test: `(browser, driver)` as found on
/// `PATH`. When either is missing the test is skipped with a note, as for
/// `../shared`; under CI it fails instead (`.ci/run` installs both).
pub fn chromium() -> Option<(PathBuf, PathBuf)> {
    let on_path = |names: &[&str]| {
        let path = std::env::var_os("PATH").unwrap_or_default();
        std::env::split_paths(&path)
            .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
            .find(|candidate| candidate.is_file())
    };
    let browser = on_path(&["chromium", "chromium-browser"]);
    let driver = on_path(&["chromedriver"]);
    if let (Some(browser), Some(driver)) = (browser, driver) {
        return Some((browser, driver));
    }
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    assert!(
        !under_ci(),
        "{test}: chromium or chromedriver is not installed, and CI must run the browser test"
    );
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: chromium or chromedriver is not installed (apt-get install chromium chromium-driver)"
    );
    None
}

/// A headless Chromium (`DISCLINT_CHROMIUM`, else `chromium` or
/// `chromium-browser` on `PATH`), or `None` when there is none: the test is
/// skipped with a note, as for `../shared`; under CI it fails instead
/// (`.ci/run` installs `chromium`).
pub fn chromium_browser() -> Option<PathBuf> {
    let named = std::env::var_os("DISCLINT_CHROMIUM").map(PathBuf::from);
    let on_path = || {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
            .find(|candidate| candidate.is_file())
    };
    let found = named.or_else(on_path);
    if found.is_none() {
        skipped("Chromium is not installed (apt-get install chromium)");
    }
    found
}

/// Whether this runs under CI: `CI` is set, and not to `false` or `0`.
fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// The files of a folder of `../shared` (e.g. `corpus/real`) with one of
/// `extensions` (all files when empty), sorted.
pub fn files(shared: &Path, folder: &str, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join(folder))
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        extensions.is_empty()
            || p.extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
    });
    files.sort();
    files
}

pub mod consecutive;
pub mod docx;

/// The figures a report's tables were read as: each row's id and its
/// values (`None` for a cell that is not a number), in table order, for
/// comparing renderings of the same report.
pub fn table_grid(
    linter: &disclint::Linter,
    source: &disclint::SourceFile,
) -> Vec<(String, Vec<Option<disclint::model::Number>>)> {
    use disclint::model::Value;
    let analysis = linter.analyze(source);
    analysis
        .report
        .tables
        .iter()
        .flat_map(|t| t.rows.iter())
        .map(|row| {
            let values = row
                .values
                .iter()
                .map(|v| match v.value {
                    Value::Integer(n) | Value::Decimal(n) => Some(n),
                    _ => None,
                })
                .collect();
            (row.id.clone(), values)
        })
        .collect()
}

/// `text` (a Markdown rendering) with the last cell of the 表三 总计 row
/// made `999`, so that the total no longer adds up.
pub fn with_wrong_total(text: &str) -> String {
    let total_row = text
        .lines()
        .find(|l| l.starts_with("| (七)总计"))
        .expect("a 总计 row");
    let mut cells: Vec<&str> = total_row.split(" | ").collect();
    let last = cells.len() - 1;
    cells[last] = "999 |";
    text.replace(total_row, &cells.join(" | "))
}
