//! Rendering many diagnostics takes time linear in their number.
//!
//! `tests/pathological.rs` measures work by counting allocations; that does
//! not see the cost here, a byte scan that allocates nothing, so these tests
//! measure time: each format renders the same report with n and 4n
//! diagnostics, best of three, and the time may grow at most 10× (linear is
//! 4×, quadratic 16×).

use std::time::{Duration, Instant};

use disclint::render::{render_to_string, OutputFormat, RenderOptions};
use disclint::run::{FileResult, Summary};
use disclint::{LintOptions, Linter, SourceFile};

/// The clean example report with `n` unclosed title marks (one C005 each),
/// each on a line of its own in section 一.
fn report_with_diagnostics(n: usize) -> FileResult {
    let report = include_str!("../examples/reports/clean-2024.txt");
    let text = report.replacen(
        "一、总体情况\n",
        &format!("一、总体情况\n{}", "根据《条例\n".repeat(n)),
        1,
    );
    let source = SourceFile::from_text("many.txt", text);
    let diagnostics = Linter::new(LintOptions::default()).lint(&source);
    assert!(diagnostics.len() >= n, "{} diagnostics", diagnostics.len());
    FileResult {
        path: source.path.clone(),
        source: Some(source),
        diagnostics,
        ..FileResult::default()
    }
}

/// The best of three renderings of `result` in `format`.
fn render_time(format: OutputFormat, result: &FileResult) -> Duration {
    let mut summary = Summary::default();
    summary.add(result);
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let text = render_to_string(
                format,
                RenderOptions::default(),
                std::slice::from_ref(result),
                &summary,
            );
            assert!(!text.is_empty());
            start.elapsed()
        })
        .min()
        .expect("three runs")
}

fn assert_linear(format: OutputFormat, n: usize) {
    let small = report_with_diagnostics(n);
    let big = report_with_diagnostics(4 * n);
    let (t_small, t_big) = (render_time(format, &small), render_time(format, &big));
    assert!(
        t_big <= t_small * 10 + Duration::from_millis(50),
        "{format:?}: rendering {} diagnostics took {t_small:?}, {} took {t_big:?}",
        small.diagnostics.len(),
        big.diagnostics.len()
    );
}

#[test]
fn machine_formats_are_linear_in_the_number_of_diagnostics() {
    for format in [
        OutputFormat::Concise,
        OutputFormat::Json,
        OutputFormat::Jsonl,
        OutputFormat::Sarif,
        OutputFormat::Github,
        OutputFormat::Gitlab,
        OutputFormat::Junit,
        OutputFormat::Rdjson,
    ] {
        assert_linear(format, 1_000);
    }
}

/// miette's `SourceCode for str` finds a span's line by scanning the text
/// from its start, so `render/human.rs`, which hands it the whole report,
/// spends O(offset) per diagnostic: 8,000 diagnostics in a 300 KB report take
/// half a minute (debug build). Enable once `read_span` scans only the lines
/// around the span (the line index knows where they start).
#[test]
fn human_output_is_linear_in_the_number_of_diagnostics() {
    assert_linear(OutputFormat::Human, 500);
}
