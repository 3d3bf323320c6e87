//! Word documents: any bytes through the `.docx` extractor, the rules and
//! `--annotate`. Bytes that start like a zip are read as they are (the
//! package reader's limits and errors); other bytes are packed into a zip
//! as the document part — up to the first 0xFF byte — and the numbering
//! part — after it — so that the WordprocessingML reader sees the mutations
//! and not only a failed checksum. The extractor never panics; every
//! diagnostic's span lies on character boundaries and has a position and a
//! location; a document that reads gets an annotated copy that reads back
//! as the same text, or a refusal that says why (a damaged comments part).
#![no_main]

mod common;

use std::io::Write;

use disclint::annotate::{annotate_docx, AnnotateError};
use disclint::extract::extract;
use disclint::input::InputOptions;
use libfuzzer_sys::fuzz_target;

const TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

/// `data` as a package: as it is when it starts like a zip, else packed.
fn package(data: &[u8]) -> Vec<u8> {
    if data.starts_with(b"PK\x03\x04") {
        return data.to_vec();
    }
    let (document, numbering) = match data.iter().position(|&b| b == 0xFF) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    };
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    let mut add = |name: &str, bytes: &[u8]| {
        out.start_file(name, options).expect("in memory");
        out.write_all(bytes).expect("in memory");
    };
    add("[Content_Types].xml", TYPES);
    add("word/document.xml", document);
    if let Some(numbering) = numbering {
        add("word/numbering.xml", numbering);
    }
    out.finish().expect("in memory").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let lang = common::lang_for(data);
    let linter = common::linter(lang);
    let options = InputOptions {
        lang,
        ..InputOptions::default()
    };
    let bytes = package(data);
    let Ok(source) = extract("fuzz.docx", &bytes, &options) else {
        return;
    };
    let diagnostics = linter.lint(&source);
    for diagnostic in &diagnostics {
        let span = diagnostic.span;
        assert!(span.end() <= source.text.len(), "{diagnostic:?}");
        assert!(source.text.is_char_boundary(span.offset), "{diagnostic:?}");
        assert!(source.text.is_char_boundary(span.end()), "{diagnostic:?}");
        let _ = source.position(span.offset);
        let _ = source.position(span.end());
        let _ = source.location(span.offset);
        assert!(diagnostic.fix.is_none(), "a fix offered on a docx: {diagnostic:?}");
    }
    match annotate_docx(&bytes, &source, &diagnostics, lang) {
        Ok(copy) => {
            let reread = extract("fuzz.docx", &copy, &options).expect("the copy reads back");
            assert_eq!(reread.text, source.text);
        }
        // A part only the annotations read (comments, relationships) may
        // be damaged, or the XML not use the prefix they need: refused,
        // saying why. Never a copy that fails to read back, nor a change.
        Err(AnnotateError::Unsupported(_) | AnnotateError::Unreadable(_)) => {}
        Err(error) => panic!("annotate failed: {error:?}"),
    }
});
