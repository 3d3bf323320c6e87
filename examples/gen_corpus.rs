//! Generates a corpus of synthetic reports for benchmarks.
//!
//! `cargo run --release --example gen_corpus -- --n 5000 --out DIR [--seed S] [--min-kb 5] [--max-kb 50] [--html] [--prose] [--year Y] [--copies N]`
//!
//! Every report has consistent figures; renderings rotate through all four;
//! sizes are spread between `--min-kb` and `--max-kb` by filler paragraphs.
//! With `--html`, every report is a web page (`.html`, the page styles
//! rotating; its markup adds about 25 KB to the text's size).
//!
//! For the checks across reports: with `--prose`, report `i` is agency
//! `示例县第i镇人民政府`'s (`i` in Chinese digits) and has prose of its own (two runs with the same
//! `--n` and another `--year` and `--seed` give each agency two years);
//! `--year` sets the report year (2024); `--copies N` has reports 1, 3, …,
//! 2N − 1 paste the account of active disclosure (section 一 (一)) of the
//! report before them, N planted copies for Y005 to find.

use std::path::PathBuf;

use disclint::synth::{township_name, PageStyle, Prose, Rendering, Rng, SynthReport};

struct Args {
    n: usize,
    out: PathBuf,
    seed: u64,
    min_kb: usize,
    max_kb: usize,
    html: bool,
    prose: bool,
    year: i32,
    copies: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        n: 100,
        out: PathBuf::from("target/corpus"),
        seed: 1,
        min_kb: 5,
        max_kb: 50,
        html: false,
        prose: false,
        year: 2024,
        copies: 0,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--html" || flag == "--prose" {
            args.html |= flag == "--html";
            args.prose |= flag == "--prose";
            continue;
        }
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = || value.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--n" => args.n = number()?,
            "--out" => args.out = PathBuf::from(&value),
            "--seed" => args.seed = value.parse().map_err(|e| format!("--seed: {e}"))?,
            "--min-kb" => args.min_kb = number()?,
            "--max-kb" => args.max_kb = number()?,
            "--year" => args.year = value.parse().map_err(|e| format!("--year: {e}"))?,
            "--copies" => args.copies = number()?,
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(args)
}

fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(err) => {
            eprintln!("gen_corpus: {err}");
            std::process::exit(2);
        }
    };
    if let Err(err) = std::fs::create_dir_all(&args.out) {
        eprintln!("gen_corpus: cannot create {}: {err}", args.out.display());
        std::process::exit(2);
    }
    let mut rng = Rng::new(args.seed);
    let mut bytes = 0usize;
    let mut pasted: Option<Vec<String>> = None;
    for i in 0..args.n {
        let mut report = SynthReport::consistent(&mut rng, args.year);
        if args.prose {
            report.agency = township_name(i);
            let mut prose = Prose::varied(&mut rng, &report.agency);
            let planted = i % 2 == 1 && i < 2 * args.copies;
            match pasted.take() {
                Some(copy) if planted => prose.overview[0] = copy,
                _ => pasted = Some(prose.overview[0].clone()),
            }
            report.prose = Some(prose);
        }
        let target_kb =
            args.min_kb + rng.below((args.max_kb.saturating_sub(args.min_kb) + 1) as u64) as usize;
        // A filler paragraph is about 150 bytes; the fixed part about 4 KB.
        report.filler_paragraphs = (target_kb * 1024).saturating_sub(4 * 1024) / 150;
        let (text, extension) = if args.html {
            (report.render_html(PageStyle::nth(i as u64)), "html")
        } else {
            (
                report.render(Rendering::ALL[i % Rendering::ALL.len()]),
                "txt",
            )
        };
        bytes += text.len();
        let path = args.out.join(format!("report-{i:05}.{extension}"));
        if let Err(err) = std::fs::write(&path, text) {
            eprintln!("gen_corpus: cannot write {}: {err}", path.display());
            std::process::exit(2);
        }
    }
    println!(
        "wrote {} reports, {:.1} MB, to {}",
        args.n,
        bytes as f64 / 1e6,
        args.out.display()
    );
}
