//! C007 finds a wrong `第二十条第(X)项` caption in every table rendering.

use disclint::rules::{Selection, Selector};
use disclint::synth::{Rendering, Rng, SynthReport};
use disclint::{LintOptions, Linter, SourceFile};

#[test]
fn a_wrong_caption_is_found_in_every_rendering() {
    let linter = Linter::new(LintOptions {
        selection: Selection {
            select: Some(vec![Selector::new("C007")]),
            ..Selection::default()
        },
        ..LintOptions::default()
    });
    let report = SynthReport::consistent(&mut Rng::new(7), 2024);
    for rendering in Rendering::ALL {
        let text = report.render(rendering);
        let clean = SourceFile::from_text("synth.txt", text.as_str());
        assert!(linter.lint(&clean).is_empty(), "{rendering:?}");
        let caption = if text.contains("第二十条第(六)项") {
            "第二十条第(六)项"
        } else {
            "第二十条第（六）项"
        };
        let wrong = text.replacen(caption, "第二十条第(五)项", 1);
        let source = SourceFile::from_text("synth.txt", wrong.as_str());
        let found = linter.lint(&source);
        assert_eq!(found.len(), 1, "{rendering:?}: {found:?}");
        assert_eq!(
            found[0].span.slice(&wrong),
            "第二十条第(五)项",
            "{rendering:?}"
        );
        assert!(
            found[0].message.contains("行政处罚"),
            "{}",
            found[0].message
        );
    }
}
