//! Prints one synthetic report with consistent figures, for writing fixtures.
//!
//! `cargo run --example synth_report -- SEED RENDERING`, where RENDERING is
//! `seed-pipes`, `markdown`, `tabs`, `cell-per-line`, `space-aligned`,
//! `merged-markdown`, `pandoc`, `run-in-headings` or `flattened`.

use std::io::Write;

use disclint::synth::{Rendering, Rng, SynthReport};

fn main() {
    let mut args = std::env::args().skip(1);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let rendering = match args.next().as_deref() {
        Some("markdown") => Rendering::Markdown,
        Some("tabs") => Rendering::Tabs,
        Some("cell-per-line") => Rendering::CellPerLine,
        Some("space-aligned") => Rendering::SpaceAligned,
        Some("merged-markdown") => Rendering::MergedMarkdown,
        Some("pandoc") => Rendering::Pandoc,
        Some("run-in-headings") => Rendering::RunInHeadings,
        Some("flattened") => Rendering::Flattened,
        _ => Rendering::SeedPipes,
    };
    let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(report.render(rendering).as_bytes());
}
