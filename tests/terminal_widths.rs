//! The human output as a terminal shows it, at 80 and 160 columns: the seed
//! report, an arithmetic failure and an input failure. Reviewed snapshots
//! (`tests/snapshots/terminal_widths__*.snap`): labels stay under the text
//! they name and lines wrap between terms at both widths.

mod common;

use disclint::cli::{run_with, Environment};

/// `disclint check PATH` at `width` columns: what standard output shows.
fn shown(path: &str, width: usize, extra: &[&str]) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let argv = ["disclint", "check", "--no-config", path]
        .into_iter()
        .chain(extra.iter().copied());
    let env = Environment {
        width,
        ..Environment::default()
    };
    run_with(argv, env, &mut out, &mut err);
    String::from_utf8(out).unwrap()
}

#[test]
fn an_arithmetic_failure_at_80_and_160_columns() {
    for width in [80, 160] {
        let text = shown(
            "examples/reports/problems-2024.txt",
            width,
            &["--select", "A003"],
        );
        insta::assert_snapshot!(format!("arithmetic-{width}"), text);
    }
}

#[test]
fn an_input_failure_at_80_and_160_columns() {
    for width in [80, 160] {
        let text = shown("tests/fixtures/rules/I002/fail-nul-bytes.txt", width, &[]);
        insta::assert_snapshot!(format!("input-{width}"), text);
    }
}

#[test]
fn the_seed_at_80_and_160_columns() {
    let Some(shared) = common::shared() else {
        return;
    };
    let Some(seed) = common::files(&shared, "seed", &["txt"]).into_iter().next() else {
        panic!("../shared/seed holds no report");
    };
    // Shown as `seed.txt`, so the snapshot does not depend on where
    // `../shared` is.
    for width in [80, 160] {
        let text = shown(&seed.display().to_string(), width, &[])
            .replace(&seed.display().to_string(), "seed.txt");
        insta::assert_snapshot!(format!("seed-{width}"), text);
    }
}
