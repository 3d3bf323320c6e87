//! Every rendering of the same figures yields the same grid and no
//! diagnostics: the four text renderings, the web page with the official
//! merged cells, and a Word draft (`.docx`) with numbering-generated
//! headings and merged cells.

mod common;

use disclint::extract::{extract, SourceKind};
use disclint::input::InputOptions;
use disclint::model::Number;
use disclint::synth::{HeadingMarkup, PageStyle, Rendering, Rng, SynthReport};
use disclint::{LintOptions, Linter, SourceFile};

fn grid(linter: &Linter, text: &str) -> Vec<(String, Vec<Option<Number>>)> {
    grid_of(linter, &SourceFile::from_text("synth.txt", text))
}

fn grid_of(linter: &Linter, source: &SourceFile) -> Vec<(String, Vec<Option<Number>>)> {
    common::table_grid(linter, source)
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

#[test]
fn a_word_draft_reads_the_same_and_lints_clean() {
    let linter = Linter::new(LintOptions::default());
    for seed in 0..10 {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        let reference = grid(&linter, &report.render(Rendering::SeedPipes));
        let bytes = common::docx::synth_docx(&report);
        let source = extract("synth.docx", &bytes, &InputOptions::default()).unwrap();
        assert_eq!(grid_of(&linter, &source), reference, "seed {seed}");
        let diagnostics = linter.lint(&source);
        assert!(diagnostics.is_empty(), "seed {seed}: {diagnostics:#?}");
    }
}

#[test]
fn the_web_page_reads_the_same_grid_and_lints_clean() {
    let linter = Linter::new(LintOptions::default());
    for seed in 0..16 {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        let reference = grid(&linter, &report.render(Rendering::Markdown));
        let style = PageStyle::nth(seed);
        let page = report.render_html(style);
        assert!(page.contains("rowspan=\"22\"") && page.contains("colspan=\"7\""));
        let source = extract("synth.html", page.as_bytes(), &InputOptions::default()).unwrap();
        assert_eq!(source.kind, SourceKind::Html);
        assert_eq!(
            grid_of(&linter, &source),
            reference,
            "{style:?}, seed {seed}"
        );
        let diagnostics = linter.lint(&source);
        assert!(
            diagnostics.is_empty(),
            "{style:?}, seed {seed}: {diagnostics:#?}"
        );
    }
    // Every heading form, minified and not, was among the pages.
    let styles: std::collections::HashSet<_> = (0..16)
        .map(|n| format!("{:?}", PageStyle::nth(n)))
        .collect();
    assert_eq!(styles.len(), HeadingMarkup::ALL.len() * 2);
}
