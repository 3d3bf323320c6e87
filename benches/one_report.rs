//! One report, stage by stage: read (decode), parse, model, rules, render
//! (a report with findings, in the human, JSON and SARIF formats); the same
//! report as a web page (read: decode, tokenize, find the article, extract;
//! then all); and parse time over sizes from 1 KB to 10 MB (it should grow
//! linearly).
//!
//! `cargo bench --bench one_report`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use disclint::extract::extract;
use disclint::input::InputOptions;
use disclint::model::Report;
use disclint::parse::parse;
use disclint::render::{render_to_string, OutputFormat, RenderOptions};
use disclint::run::{FileResult, Summary};
use disclint::synth::{PageStyle, Rendering, Rng, SynthReport};
use disclint::{LintOptions, Linter, SourceFile};

/// A typical report (~10 KB), in the seed's rendering.
fn typical() -> String {
    SynthReport::consistent(&mut Rng::new(1), 2024).render(Rendering::SeedPipes)
}

fn stages(c: &mut Criterion) {
    let text = typical();
    let bytes = text.as_bytes().to_vec();
    let source = SourceFile::from_text("bench.txt", text.as_str());
    let linter = Linter::new(LintOptions::default());
    let doc = parse(&text);
    let analysis = linter.analyze(&source);
    let options = InputOptions::default();

    let mut group = c.benchmark_group("one_report");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("read", |b| {
        b.iter(|| extract("bench.txt", black_box(&bytes), &options))
    });
    group.bench_function("parse", |b| b.iter(|| parse(black_box(&text))));
    // The model rewrites the document (run-in headings split off), so each
    // run starts from a fresh copy of the parsed one.
    group.bench_function("model", |b| {
        b.iter_batched(
            || doc.clone(),
            |mut doc| Report::build(black_box(&text), &mut doc, linter.formats(), None),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("analyze", |b| b.iter(|| linter.analyze(black_box(&source))));
    group.bench_function("rules", |b| {
        b.iter(|| linter.check(black_box(&source), &analysis))
    });
    group.bench_function("all", |b| b.iter(|| linter.lint(black_box(&source))));
    group.finish();

    c.bench_function("startup/linter_new", |b| {
        b.iter(|| Linter::new(LintOptions::default()))
    });
}

/// The findings of a report with problems, rendered: what `check` writes
/// after the rules, per file.
fn render(c: &mut Criterion) {
    let text = include_str!("../examples/reports/problems-2024.txt");
    let linter = Linter::new(LintOptions::default());
    let source = SourceFile::from_text("problems-2024.txt", text);
    let diagnostics = linter.lint(&source);
    assert!(!diagnostics.is_empty(), "the report has findings to render");
    let results = [FileResult::checked(source, diagnostics)];
    let mut summary = Summary::default();
    summary.add(&results[0]);
    let mut group = c.benchmark_group("render");
    for format in [OutputFormat::Human, OutputFormat::Json, OutputFormat::Sarif] {
        let options = RenderOptions::for_linter(&linter, disclint::Lang::Zh, false, 100);
        group.bench_function(format!("{format:?}").to_lowercase(), |b| {
            b.iter(|| render_to_string(format, options.clone(), black_box(&results), &summary))
        });
    }
    group.finish();
}

fn one_page(c: &mut Criterion) {
    let page = SynthReport::consistent(&mut Rng::new(1), 2024).render_html(PageStyle::nth(1));
    let bytes = page.as_bytes();
    let options = InputOptions::default();
    let linter = Linter::new(LintOptions::default());
    let mut group = c.benchmark_group("one_page");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("read", |b| {
        b.iter(|| extract("bench.html", black_box(bytes), &options))
    });
    group.bench_function("all", |b| {
        b.iter(|| {
            let source = extract("bench.html", black_box(bytes), &options).expect("a page");
            linter.lint(&source)
        })
    });
    group.finish();
}

fn parse_sizes(c: &mut Criterion) {
    let unit = typical();
    let mut group = c.benchmark_group("parse_size");
    group.sample_size(10);
    for size in [1_000usize, 10_000, 100_000, 1_000_000, 10_000_000] {
        let mut text = unit.repeat(size / unit.len() + 1);
        let mut cut = size.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| parse(black_box(text)))
        });
    }
    group.finish();
}

criterion_group!(benches, stages, render, one_page, parse_sizes);
criterion_main!(benches);
