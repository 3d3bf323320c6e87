//! Every table rendering of the same figures yields the same grid and no diagnostics.

use disclint::model::{Number, Value};
use disclint::synth::{Rendering, Rng, SynthReport};
use disclint::{LintOptions, Linter, SourceFile};

fn grid(linter: &Linter, text: &str) -> Vec<(String, Vec<Option<Number>>)> {
    let source = SourceFile::from_text("synth.txt", text);
    let analysis = linter.analyze(&source);
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

#[test]
fn all_renderings_read_the_same_and_lint_clean() {
    let linter = Linter::new(LintOptions::default());
    for seed in 0..20 {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        let reference = grid(&linter, &report.render(Rendering::SeedPipes));
        assert_eq!(reference.len(), 6 + 25 + 1, "seed {seed}");
        for rendering in Rendering::ALL {
            let text = report.render(rendering);
            assert_eq!(
                grid(&linter, &text),
                reference,
                "{rendering:?}, seed {seed}"
            );
            let source = SourceFile::from_text("synth.txt", text.as_str());
            let diagnostics = linter.lint(&source);
            assert!(
                diagnostics.is_empty(),
                "{rendering:?}, seed {seed}: {:#?}",
                diagnostics
            );
        }
    }
}

/// The space-aligned rendering varies its layout with the report (column
/// widths, blank lines between rows, the line values stand on): many
/// layouts read as the Markdown tables do, and lint clean.
#[test]
fn space_aligned_tables_read_the_same_in_many_layouts() {
    let linter = Linter::new(LintOptions::default());
    for seed in 0..300 {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        let reference = grid(&linter, &report.render(Rendering::Markdown));
        let text = report.render(Rendering::SpaceAligned);
        assert_eq!(grid(&linter, &text), reference, "seed {seed}\n{text}");
        let source = SourceFile::from_text("synth.txt", text.as_str());
        let diagnostics = linter.lint(&source);
        assert!(
            diagnostics.is_empty(),
            "seed {seed}: {diagnostics:#?}\n{text}"
        );
    }
}
