//! How similar consecutive reports of one agency are, as Y003 measures it
//! (the share of this year's section found in last year's, with years,
//! figures and the agency's name masked), for pairs built to be written
//! anew and pairs built as copies: the measurement behind Y003's default
//! threshold (`docs/cross-year.md`).
//!
//! Two sources of pairs: the hand-written ones of
//! `tests/data/consecutive-sections.txt` (agencies that rewrite each year),
//! and `PAIRS` pairs of synthetic prose (two drafts drawn from the same
//! banks of phrases: closer to each other than real rewrites are). Each is
//! also turned into copies of last year's text, more or less edited.
//!
//! `cargo run --release --example copy_similarity -- [PAIRS]`

#[path = "../tests/common/consecutive.rs"]
mod consecutive;

use disclint::pack::ids;
use disclint::synth::{Prose, Rng};
use disclint::years::passages::containment;
use disclint::years::{Facts, DEFAULT_SIMILARITY};
use disclint::{LintOptions, Linter, SourceFile};

/// Last year's section and this year's, paragraphs each.
type Pair = (Vec<String>, Vec<String>);

/// The sentences of a paragraph, each with its `。`.
fn sentences(paragraph: &str) -> Vec<&str> {
    paragraph.split_inclusive('。').collect()
}

/// `last` with its sentence `i` (counted through the section) taken from
/// `this` wherever `(i + from) % nth == 0`.
fn edited(last: &[String], this: &[String], nth: usize, from: usize) -> Vec<String> {
    let new: Vec<&str> = this.iter().flat_map(|p| sentences(p)).collect();
    let mut next = new.iter().cycle();
    let mut i = from;
    last.iter()
        .map(|paragraph| {
            sentences(paragraph)
                .into_iter()
                .map(|s| {
                    i += 1;
                    if (i - 1) % nth == 0 {
                        next.next().copied().unwrap_or(s)
                    } else {
                        s
                    }
                })
                .collect()
        })
        .collect()
}

/// This year's section, as each kind of pair has it.
const KINDS: [&str; 6] = [
    "written anew",
    "copied, years and figures changed",
    "copied, one sentence in four rewritten",
    "copied, one sentence in three rewritten",
    "copied, a paragraph added",
    "half the sentences rewritten",
];

fn variants((last, this): &Pair) -> [Vec<String>; 6] {
    let mut added = last.clone();
    added.extend(this.first().cloned());
    [
        this.clone(),
        last.clone(),
        edited(last, this, 4, 1),
        edited(last, this, 3, 1),
        added,
        edited(last, this, 2, 0),
    ]
}

/// The similarity of this year's section `kind` to last year's.
fn similarity(linter: &Linter, agency: &str, kind: &str, last: &[String], this: &[String]) -> f64 {
    let facts = |year: i32, section: &[String]| {
        let (overview, problems) = if kind == ids::OVERVIEW {
            (section, &[][..])
        } else {
            (&[][..], section)
        };
        let text = consecutive::report(agency, year, overview, problems);
        let source = SourceFile::from_text("r.txt", text);
        let analysis = linter.analyze(&source);
        let format = linter.formats().get(analysis.report.edition);
        Facts::of(&source, &analysis.doc, &analysis.report, format)
    };
    let (before, now) = (facts(2023, last), facts(2024, this));
    match (now.prose(kind), before.prose(kind)) {
        (Some(a), Some(b)) => containment(&a.fingerprints, &b.fingerprints),
        _ => 0.0,
    }
}

fn row(source: &str, kind: &str, section: &str, mut values: Vec<f64>) {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    println!(
        "| {source} | {kind} | {section} | {} | {:.0}% | {:.2} | {:.2} | {:.2} | {:.2} |",
        values.len(),
        100.0 * values.iter().filter(|&&v| v >= DEFAULT_SIMILARITY).count() as f64
            / values.len() as f64,
        at(0.0),
        at(0.5),
        at(0.95),
        at(1.0)
    );
}

fn main() {
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let linter = Linter::new(LintOptions::default());
    // (source, agency, section kind, pair)
    let mut pairs: Vec<(&str, String, &str, Pair)> = Vec::new();
    for agency in consecutive::agencies() {
        let [a, b] = agency.overview;
        pairs.push(("hand-written", agency.name.clone(), ids::OVERVIEW, (a, b)));
        let [a, b] = agency.problems;
        pairs.push(("hand-written", agency.name, ids::PROBLEMS, (a, b)));
    }
    for seed in 0..count {
        let name = format!("示例县第{seed}镇人民政府");
        let last = Prose::varied(&mut Rng::new(seed), &name);
        let this = Prose::varied(&mut Rng::new(seed + 1_000_000), &name);
        let flat = |p: &Prose| [p.opening.clone(), p.overview.concat()].concat();
        pairs.push((
            "synthetic",
            name.clone(),
            ids::OVERVIEW,
            (flat(&last), flat(&this)),
        ));
        pairs.push((
            "synthetic",
            name,
            ids::PROBLEMS,
            (last.problems, this.problems),
        ));
    }
    println!(
        "| pairs | this year's section | section | n | reported (≥ {DEFAULT_SIMILARITY}) | min | median | p95 | max |"
    );
    println!("|---|---|---|---:|---:|---:|---:|---:|---:|");
    for source in ["hand-written", "synthetic"] {
        for section in [ids::OVERVIEW, ids::PROBLEMS] {
            let mut found = vec![Vec::new(); KINDS.len()];
            for (_, agency, _, pair) in pairs
                .iter()
                .filter(|(s, _, k, _)| *s == source && *k == section)
            {
                for (i, this) in variants(pair).iter().enumerate() {
                    found[i].push(similarity(&linter, agency, section, &pair.0, this));
                }
            }
            let name = if section == ids::OVERVIEW {
                "一"
            } else {
                "五"
            };
            for (kind, values) in KINDS.iter().zip(found) {
                row(source, kind, name, values);
            }
        }
    }
}
