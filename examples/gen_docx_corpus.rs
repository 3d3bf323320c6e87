//! Generates Word documents (`.docx`) of synthetic reports: for the
//! benchmark of the `.docx` reader and as seeds of the `docx` fuzz target.
//!
//! `cargo run --release --example gen_docx_corpus -- --n 1000 --out DIR [--seed S]`
//!
//! Every report is a Word draft as `tests/common/docx.rs` writes it:
//! headings numbered by Word's list numbering, tables with merged cells.
//! Every seventh has defects (a total that does not add up, a wrong
//! year); sizes vary with filler paragraphs. One more document,
//! `features.docx`, has a text box, tracked changes and content controls.

#[allow(dead_code)]
#[path = "../tests/common/docx.rs"]
mod docx;

use std::path::PathBuf;

use disclint::synth::{Rendering, Rng, SynthReport};

fn main() {
    let mut n = 100usize;
    let mut out = PathBuf::from("target/docx-corpus");
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        match flag.as_str() {
            "--n" => n = value.parse().expect("--n N"),
            "--out" => out = PathBuf::from(value),
            "--seed" => seed = value.parse().expect("--seed S"),
            other => panic!("unknown flag {other}"),
        }
    }
    std::fs::create_dir_all(&out).expect("create the output folder");
    let mut rng = Rng::new(seed);
    for i in 0..n {
        let mut report = SynthReport::consistent(&mut rng, 2024);
        report.filler_paragraphs = rng.below(20) as usize;
        let mut text = report.render(Rendering::Markdown);
        if i % 7 == 3 {
            text = text
                .replace("2024年1月1日", "2023年1月1日")
                .replacen(" | 0 |", " | 9 |", 1);
        }
        let path = out.join(format!("report-{i:05}.docx"));
        std::fs::write(&path, docx::report_docx(&text)).expect("write a document");
    }
    let features = [
        docx::p("城关镇人民政府2024年政府信息公开工作年度报告"),
        format!("<w:p>{}{}</w:p>", docx::r("前文"), docx::text_box(&["框内一", "框内二"])),
        concat!(
            r#"<w:p><w:r><w:t>共收到申请</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>12</w:delText></w:r></w:del>"#,
            r#"<w:ins w:id="2" w:author="a"><w:r><w:t>24</w:t></w:r></w:ins><w:r><w:t>件。</w:t></w:r></w:p>"#,
            r#"<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:proofErr w:type="spellStart"/><w:r><w:t>总体</w:t></w:r><w:r><w:tab/><w:t>情况</w:t></w:r></w:p></w:sdtContent></w:sdt>"#
        )
        .to_owned(),
        docx::numbered(1, 0, "总体情况"),
        docx::numbered(2, 1, "圈码"),
    ]
    .concat();
    let path = out.join("features.docx");
    std::fs::write(&path, docx::Docx::new(features).numbered().build()).expect("write a document");
    eprintln!("wrote {} documents to {}", n + 1, out.display());
}
