//! The cross-report stage: reading one report's facts (beside its checks
//! in the parallel pass), and the stage itself over a batch of facts —
//! agencies matched, the year pairs compared (Y001–Y004), the index of
//! fingerprints searched for passages copied across agencies (Y005) — for
//! 1,000 and 10,000 reports, half of them last year's, with ten planted
//! copies. `benches/cross_years.sh` times the whole command on 10,000 files.
//!
//! `cargo bench --bench cross_years`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use disclint::synth::{township_name, Prose, Rendering, Rng, SynthReport};
use disclint::years::{cross_check, CrossOptions, Facts, Member};
use disclint::{LintOptions, Linter, SourceFile};

/// Report `i` of `year`: agency `i`'s, prose of its own, figures from `seed`.
fn report(i: usize, year: i32, seed: u64) -> SynthReport {
    let mut rng = Rng::new(seed);
    let mut report = SynthReport::consistent(&mut rng, year);
    report.agency = township_name(i);
    report.prose = Some(Prose::varied(&mut rng, &report.agency));
    report
}

fn facts(linter: &Linter, text: &str) -> Facts {
    let source = SourceFile::from_text("r.txt", text);
    let analysis = linter.analyze(&source);
    let format = linter.formats().get(analysis.report.edition);
    Facts::of(&source, &analysis.doc, &analysis.report, format)
}

/// `count` reports: agencies `0..count / 2` for 2023 (last year's) and
/// 2024, and ten 2024 reports that paste their neighbour's words.
fn batch(linter: &Linter, count: usize) -> Vec<Member> {
    let agencies = count / 2;
    let mut members = Vec::with_capacity(count);
    for (year, checked) in [(2024, true), (2023, false)] {
        for i in 0..agencies {
            let mut r = report(i, year, (year as u64) << 32 | i as u64);
            if year == 2024 && i % 2 == 1 && i < 20 {
                let previous = report(i - 1, year, (year as u64) << 32 | (i - 1) as u64);
                r.prose.as_mut().expect("prose").overview[0] =
                    previous.prose.expect("prose").overview[0].clone();
            }
            let text = r.render(Rendering::ALL[i % Rendering::ALL.len()]);
            members.push(Member {
                path: format!("{year}/{i:05}.txt"),
                facts: facts(linter, &text),
                checked,
            });
        }
    }
    members
}

fn reading(c: &mut Criterion) {
    let linter = Linter::new(LintOptions::default());
    let text = report(1, 2024, 1).render(Rendering::SeedPipes);
    let source = SourceFile::from_text("r.txt", text.as_str());
    let analysis = linter.analyze(&source);
    let format = linter.formats().get(analysis.report.edition);
    c.bench_function("cross_years/facts_of_one_report", |b| {
        b.iter(|| Facts::of(black_box(&source), &analysis.doc, &analysis.report, format))
    });
}

fn stage(c: &mut Criterion) {
    let linter = Linter::new(LintOptions::default());
    let options = CrossOptions::default();
    let mut group = c.benchmark_group("cross_years/stage");
    group.sample_size(10);
    for count in [1_000usize, 10_000] {
        let members = batch(&linter, count);
        group.bench_with_input(
            BenchmarkId::from_parameter(count),
            &members,
            |b, members| b.iter(|| cross_check(&linter, black_box(members), &options)),
        );
    }
    group.finish();
}

criterion_group!(benches, reading, stage);
criterion_main!(benches);
