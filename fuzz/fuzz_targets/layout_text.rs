//! Any text, read as `pdftotext -layout` output and as a plain text whose
//! tables are space-aligned: the garble check, the page text (pages joined,
//! page numbers dropped, wrapped paragraphs joined, spaces around figures
//! dropped), the parser's aligned rows, the model's reading by position and
//! every rule never panic. A PDF's text is a source or I009; every run of
//! its text maps into the output on character boundaries, every offset of
//! the text has a page and line, and no fix is offered.
#![no_main]

mod common;

use disclint::location::Location;
use disclint::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let lang = common::lang_for(data);
    let linter = common::linter(lang);
    match disclint::extract::pdf_from_output("fuzz.pdf", text.clone(), lang) {
        Ok(source) => {
            let original = &source.map.original().expect("a PDF's text has its output").text;
            for (offset, _) in source.text.char_indices() {
                let at = source.original_offset(offset);
                assert!(at <= original.len() && original.is_char_boundary(at));
                let place = source.location(offset);
                assert!(matches!(place, Some(Location::Page { .. })) || source.text[offset..].starts_with('\n'));
            }
            for diagnostic in linter.lint(&source) {
                assert!(diagnostic.fix.is_none(), "{diagnostic:?}");
                assert!(diagnostic.span.end() <= source.text.len(), "{diagnostic:?}");
                let _ = source.position(diagnostic.span.offset);
            }
        }
        Err(diagnostic) => assert_eq!(diagnostic.code, "I009", "{diagnostic:?}"),
    }
    let plain = SourceFile::from_text("fuzz.txt", text);
    for diagnostic in linter.lint(&plain) {
        assert!(diagnostic.span.end() <= plain.text.len(), "{diagnostic:?}");
    }
});
