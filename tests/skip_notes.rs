//! A test skipped for want of `../shared` (or `pdftotext`) must say so in
//! the output of `cargo test`: libtest captures what a passing test prints
//! with `print!` and `eprint!` and never shows it, so a skip told that way
//! would pass in silence. `common::skipped` writes past the capture; this
//! test runs its own binary's probe the way `cargo test` does (captured,
//! not `--nocapture`) and looks for the note.

mod common;

/// The variable that makes [`skip_probe`] skip itself.
const PROBE: &str = "DISCLINT_SKIP_PROBE";

/// Does nothing, unless run by the test below: then it is skipped.
#[test]
fn skip_probe() {
    if std::env::var_os(PROBE).is_some() {
        common::skipped("the probe of tests/skip_notes.rs");
    }
}

#[test]
fn a_skipped_test_says_so_in_the_output_of_cargo_test() {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "skip_probe", "--test-threads=1"])
        .env(PROBE, "1")
        // The probe is skipped on purpose, even under CI.
        .env_remove("CI")
        .output()
        .unwrap();
    let shown = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{shown}");
    assert!(
        shown.contains("skipped skip_probe: the probe of tests/skip_notes.rs"),
        "the skip note is not in the harness's output:\n{shown}"
    );
}
