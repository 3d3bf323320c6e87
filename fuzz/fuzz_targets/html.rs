//! Any bytes as a web page (`page.html`): decoding (byte-order mark, the
//! `<meta>` declaration, UTF-8, GB18030), `lol_html`'s tokens, the tree,
//! the article body, the text and its map, and every rule never panic; every
//! copied piece of the map is the same text in the page source; every
//! region lies in the text; every diagnostic lies on character boundaries
//! of the text and maps into the source; no fix is offered.
#![no_main]

mod common;

use disclint::extract::{extract, SourceKind};
use disclint::input::InputOptions;
use disclint::source_map::SourceMap;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lang = common::lang_for(data);
    let input = InputOptions {
        lang,
        ..InputOptions::default()
    };
    // An input that cannot be decoded is an input diagnostic (I001/I002).
    let Ok(source) = extract("page.html", data, &input) else {
        return;
    };
    let original_len = match &source.map {
        SourceMap::Identity => source.text.len(),
        SourceMap::Pieces { original, pieces } => {
            assert_eq!(source.kind, SourceKind::Html);
            let mut end = 0;
            for piece in pieces {
                assert!(piece.text >= end, "{piece:?}");
                end = piece.text + piece.len;
                assert_eq!(
                    &source.text[piece.text..end],
                    &original.text[piece.original..piece.original + piece.len]
                );
            }
            original.text.len()
        }
    };
    for offset in [0, source.text.len() / 2, source.text.len()] {
        if source.text.is_char_boundary(offset) {
            let _ = source.location(offset);
            assert!(source.original_offset(offset) <= original_len);
        }
    }
    for diagnostic in common::linter(lang).lint(&source) {
        let span = diagnostic.span;
        assert!(span.end() <= source.text.len(), "{diagnostic:?}");
        assert!(source.text.is_char_boundary(span.offset), "{diagnostic:?}");
        assert!(source.text.is_char_boundary(span.end()), "{diagnostic:?}");
        assert!(source.original_offset(span.end()) <= original_len);
        let _ = source.position(span.offset);
        if source.kind == SourceKind::Html {
            assert!(diagnostic.fix.is_none(), "{diagnostic:?}");
        }
    }
});
