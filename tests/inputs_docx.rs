//! Word documents (`.docx`): what the extractor reads, where positions
//! point, and what it says about documents it cannot read.

mod common;

use common::docx::*;
use disclint::extract::extract;
use disclint::input::InputOptions;
use disclint::synth::{Rendering, Rng, SynthReport};
use disclint::{LintOptions, Linter, SourceFile};

fn read(bytes: &[u8]) -> SourceFile {
    match extract("draft.docx", bytes, &InputOptions::default()) {
        Ok(source) => source,
        Err(diagnostic) => panic!("not read: {}: {}", diagnostic.code, diagnostic.message),
    }
}

#[test]
fn a_synthetic_report_reads_as_its_text() {
    let report = SynthReport::consistent(&mut Rng::new(1), 2024);
    let source = read(&synth_docx(&report));
    println!("{}", source.text);
    let linter = Linter::new(LintOptions::default());
    let diagnostics = linter.lint(&source);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let _ = Rendering::Markdown;
}

#[test]
fn dbg_small() {
    let report = SynthReport::consistent(&mut Rng::new(1), 2024);
    let body = report_body(&report.render(Rendering::Markdown));
    let d = Docx::new(body).numbered();
    std::fs::write("/tmp/dx/doc.xml", d.document_xml()).unwrap();
    let source = read(&d.build());
    panic!("{:?}", source.text);
}
