//! Any text: the grammar and the model never panic, and the lines cover the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = disclint::parse::parse(&text);
    // Lines tile the text in order: each starts at or after the previous end.
    let mut end = 0;
    for line in &doc.lines {
        assert!(line.span.offset >= end && line.span.end() <= text.len());
        assert!(text.is_char_boundary(line.span.offset) && text.is_char_boundary(line.span.end()));
        end = line.span.end();
    }
    for block in &doc.blocks {
        for cell in doc.cells(&text, block) {
            assert!(cell.span.end() <= text.len());
        }
    }
});
