//! One Word document (`.docx`) of a typical report: reading it (unzip,
//! WordprocessingML, numbering, layout), checking it, and writing its
//! annotated copy. `benches/docx_corpus.sh` times 1,000 documents end to end.
//!
//! `cargo bench --bench docx`

#[allow(dead_code)]
#[path = "../tests/common/docx.rs"]
mod docx;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use disclint::annotate::annotate_docx;
use disclint::extract::extract;
use disclint::input::InputOptions;
use disclint::synth::{Rendering, Rng, SynthReport};
use disclint::{Lang, LintOptions, Linter};

fn document(c: &mut Criterion) {
    let report = SynthReport::consistent(&mut Rng::new(1), 2024);
    // With defects, so that the annotated copy has comments.
    let text = report
        .render(Rendering::Markdown)
        .replace("2024年1月1日", "2023年1月1日");
    let bytes = docx::report_docx(&text);
    let options = InputOptions::default();
    let linter = Linter::new(LintOptions::default());
    let source = extract("bench.docx", &bytes, &options).expect("the document reads");
    let diagnostics = linter.lint(&source);
    assert!(!diagnostics.is_empty());
    let mut group = c.benchmark_group("docx");
    group.bench_function("read", |b| {
        b.iter(|| extract("bench.docx", black_box(&bytes), &options))
    });
    group.bench_function("read_and_check", |b| {
        b.iter(|| {
            let source = extract("bench.docx", black_box(&bytes), &options).unwrap();
            linter.lint(&source)
        })
    });
    group.bench_function("annotate", |b| {
        b.iter(|| annotate_docx(black_box(&bytes), &source, &diagnostics, Lang::Zh))
    });
    group.finish();
}

criterion_group!(benches, document);
criterion_main!(benches);
