//! Property tests: no input panics, valid reports lint clean in every
//! rendering, and the output does not depend on the number of threads.

use disclint::extract::extract;
use disclint::input::{expand, InputOptions};
use disclint::render::{render_to_string, OutputFormat, RenderOptions};
use disclint::run::{lint_all, Summary};
use disclint::synth::{Rendering, Rng, SynthReport};
use disclint::{LintOptions, Linter, SourceFile};
use proptest::prelude::*;

/// A linter with every rule enabled, default-off ones included.
fn all_rules() -> Linter {
    Linter::new(LintOptions {
        selection: disclint::rules::Selection {
            select: Some(vec![disclint::rules::Selector::new("ALL")]),
            ..Default::default()
        },
        ..LintOptions::default()
    })
}

/// Lints `text` and checks every span against it.
fn lint_checked(linter: &Linter, source: &SourceFile) {
    for d in linter.lint(source) {
        assert!(d.span.end() <= source.text.len(), "{d:?}");
        assert!(source.text.is_char_boundary(d.span.offset), "{d:?}");
        assert!(source.text.is_char_boundary(d.span.end()), "{d:?}");
        for label in &d.labels {
            assert!(label.span.end() <= source.text.len(), "{d:?}");
        }
    }
}

/// Pieces real reports are made of, and pieces that break them.
const FRAGMENTS: &[&str] = &[
    "某某镇人民政府2024年政府信息公开工作年度报告",
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "（一）主动公开",
    "(二)依申请公开",
    "- 总体情况",
    "## 一、总体情况",
    "本报告所列数据统计期限为2024年1月1日至2024年12月31日。",
    "统计期限自2023年2月30日起至12月31日止",
    "| 规章 | 0 | 0 | 3 |",
    "| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |",
    "规章\t0\t\t1",
    "||||",
    "|",
    "\t",
    "《中华人民共和国政府信息公开条例》（国务院令第711号）",
    "《未闭合",
    "》",
    "（",
    "十九、",
    "一、",
    "\u{3000}",
    "\u{feff}",
    "0",
    "-1",
    "1,2",
    "5件",
    "/",
    "总计",
];

fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(FRAGMENTS);
    let sep = prop::sample::select(&["\n", "\r\n", "\r", "", " ", "|", "\t", "\n\n"][..]);
    prop::collection::vec((piece, sep), 0..80)
        .prop_map(|parts| parts.into_iter().flat_map(|(p, s)| [p, s]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let linter = all_rules();
        if let Ok(source) = extract("x.txt", &bytes, &InputOptions::default()) {
            lint_checked(&linter, &source);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        lint_checked(&all_rules(), &SourceFile::from_text("x.txt", text));
    }

    #[test]
    fn mixes_of_report_fragments_never_panic(text in mixed_text()) {
        lint_checked(&all_rules(), &SourceFile::from_text("x.txt", text));
    }

    #[test]
    fn valid_reports_lint_clean_in_every_rendering(seed in any::<u64>(), year in 2021i32..2030) {
        let linter = Linter::new(LintOptions::default());
        let report = SynthReport::consistent(&mut Rng::new(seed), year);
        for rendering in Rendering::ALL {
            let source = SourceFile::from_text("synth.txt", report.render(rendering));
            let diagnostics = linter.lint(&source);
            prop_assert!(diagnostics.is_empty(), "{:?}, seed {}: {:#?}", rendering, seed, diagnostics);
        }
    }
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let dir = std::env::temp_dir().join(format!("disclint-threads-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng::new(7);
    for i in 0..40u64 {
        let report = SynthReport::consistent(&mut rng, 2024);
        let mut text = report.render(Rendering::ALL[(i % 4) as usize]);
        if i % 3 == 0 {
            // Some defects, so that there is output to compare.
            text =
                text.replacen("一、总体情况", "", 1)
                    .replacen("2024年1月1日", "2024年2月30日", 1);
        }
        std::fs::write(dir.join(format!("r{i:02}.txt")), text).unwrap();
    }
    std::fs::write(dir.join("binary.txt"), b"\0\x01\x02").unwrap();
    let options = InputOptions::default();
    let inputs = expand(&[dir.display().to_string()], &options);
    let linter = all_rules();
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let results = lint_all(&linter, &inputs, &options);
            let mut summary = Summary::default();
            for result in &results {
                summary.add(result);
            }
            render_to_string(
                OutputFormat::Json,
                RenderOptions::default(),
                &results,
                &summary,
            )
        })
    };
    let one = run(1);
    assert!(
        one.contains("\"code\""),
        "the batch has findings to compare"
    );
    for threads in [2, 3, 8] {
        assert_eq!(run(threads), one, "{threads} threads");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
