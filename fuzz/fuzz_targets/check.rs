//! Any bytes, as `disclint check` handles a file: reading (encoding
//! detection, binary sniffing), parsing, modelling and every rule never
//! panic; every diagnostic's span and fix edit lies on character boundaries
//! of the decoded text; and the result renders in every output format (human
//! with and without colour, concise, json, jsonl, sarif, github, gitlab,
//! junit, rdjson), the JSON ones parsing back.
#![no_main]

mod common;

use disclint::input::InputOptions;
use disclint::run::Pipeline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lang = common::lang_for(data);
    let linter = common::linter(lang);
    let input = InputOptions {
        lang,
        ..InputOptions::default()
    };
    let pipeline = Pipeline {
        linter,
        input: &input,
        suppressions: None,
        fix: None,
    };
    // An input that cannot be decoded is a result too (I001/I002), and is rendered.
    let result = pipeline.process_bytes("fuzz.txt", data.to_vec());
    if let Some(source) = &result.source {
        for diagnostic in &result.diagnostics {
            let span = diagnostic.span;
            assert!(span.end() <= source.text.len(), "{diagnostic:?}");
            assert!(source.text.is_char_boundary(span.offset), "{diagnostic:?}");
            assert!(source.text.is_char_boundary(span.end()), "{diagnostic:?}");
            for label in &diagnostic.labels {
                assert!(label.span.end() <= source.text.len(), "{diagnostic:?}");
            }
            for edit in diagnostic.fix.iter().flat_map(|fix| &fix.edits) {
                assert!(source.text.is_char_boundary(edit.offset), "{diagnostic:?}");
                assert!(
                    source.text.is_char_boundary(edit.offset + edit.length),
                    "{diagnostic:?}"
                );
            }
            let _ = source.position(span.offset);
        }
    }
    common::render_all(linter, &result);
});
