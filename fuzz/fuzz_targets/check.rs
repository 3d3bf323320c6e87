//! Any bytes: reading, parsing, modelling and every rule never panic, and
//! every diagnostic's span lies on character boundaries of the decoded text.
#![no_main]

use std::sync::OnceLock;

use disclint::extract::extract;
use disclint::input::InputOptions;
use disclint::rules::{Selection, Selector};
use disclint::{LintOptions, Linter};
use libfuzzer_sys::fuzz_target;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        Linter::new(LintOptions {
            selection: Selection {
                select: Some(vec![Selector::new("ALL")]),
                ..Selection::default()
            },
            ..LintOptions::default()
        })
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = extract("fuzz.txt", data, &InputOptions::default()) else {
        return;
    };
    for diagnostic in linter().lint(&source) {
        let span = diagnostic.span;
        assert!(span.end() <= source.text.len(), "{diagnostic:?}");
        assert!(source.text.is_char_boundary(span.offset), "{diagnostic:?}");
        assert!(source.text.is_char_boundary(span.end()), "{diagnostic:?}");
        for edit in diagnostic.fix.iter().flat_map(|fix| &fix.edits) {
            assert!(source.text.is_char_boundary(edit.offset), "{diagnostic:?}");
            assert!(
                source.text.is_char_boundary(edit.offset + edit.length),
                "{diagnostic:?}"
            );
        }
        let _ = source.position(span.offset);
    }
});
