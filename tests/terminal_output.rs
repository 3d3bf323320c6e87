//! What reaches a terminal: long lines are shown as windows around the
//! flagged text (no panic past column 65,535, the underline under its text
//! at any width), control characters in a report or a file name are shown
//! escaped, and a diagnostic stays on one line in line-oriented formats.

mod common;

use std::path::{Path, PathBuf};

use disclint::render::{render_to_string, OutputFormat, RenderOptions};
use disclint::run::{FileResult, Summary};
use disclint::{LintOptions, Linter, SourceFile};
use unicode_width::UnicodeWidthStr;

/// Runs `disclint` in-process; returns the exit code and standard output.
fn run(args: &[&str]) -> (i32, String) {
    let mut argv = vec!["disclint"];
    argv.extend_from_slice(args);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = disclint::cli::run(argv, &mut out, &mut err);
    (code, String::from_utf8(out).unwrap())
}

/// A fresh folder for one test's files.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("disclint-term-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn clean_report() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/clean-2024.txt"
    ))
    .unwrap()
}

/// The clean report with `paragraph` as the first line of section 一.
fn report_with(paragraph: &str) -> String {
    clean_report().replacen("一、总体情况\n", &format!("一、总体情况\n{paragraph}\n"), 1)
}

/// The 1-based line and character column of `needle` in `text`.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let offset = text.find(needle).unwrap();
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (
        text[..line_start].matches('\n').count() + 1,
        text[line_start..offset].chars().count() + 1,
    )
}

/// Asserts that no snippet row (source, underline or label, not the
/// header with its path) is wider than `width` terminal columns.
fn assert_fits(out: &str, width: usize) {
    let rows = out
        .lines()
        .filter(|row| (row.contains(" │ ") || row.contains(" · ")) && !row.contains("─["));
    for line in rows {
        assert!(
            line.width() <= width,
            "{} columns: {line}\n{out}",
            line.width()
        );
    }
}

/// The display column where byte `index` of `line` is drawn.
fn column(line: &str, index: usize) -> usize {
    line[..index].width()
}

/// Asserts that in the snippet headed `[header]`, the source row showing
/// `needle` is followed by an underline exactly under it.
fn assert_underlined(out: &str, header: &str, needle: &str) {
    let block = out
        .split(&format!("[{header}]"))
        .nth(1)
        .unwrap_or_else(|| panic!("no snippet headed [{header}]:\n{out}"));
    let rows: Vec<&str> = block.lines().collect();
    let at = rows
        .iter()
        .position(|row| row.contains(" │ ") && row.contains(needle))
        .unwrap_or_else(|| panic!("no row shows {needle:?}:\n{block}"));
    let (row, under) = (rows[at], rows[at + 1]);
    let start = column(row, row.find(needle).unwrap());
    let end = start + needle.width();
    let marks: Vec<(usize, char)> = under
        .char_indices()
        .map(|(i, c)| (column(under, i), c))
        .filter(|(_, c)| matches!(c, '─' | '┬' | '▲'))
        .collect();
    let first = marks.first().map(|m| m.0);
    let last = marks.last().map(|m| m.0 + 1);
    assert_eq!(
        (first, last),
        (Some(start), Some(end)),
        "the underline is not under {needle:?}:\n{row}\n{under}"
    );
}

#[test]
fn a_finding_past_column_65535_renders_without_panicking() {
    let dir = folder("u16");
    let path = dir.join("r.txt");
    let text = format!("2024年政府信息公开工作年度报告\n{}\n", "a".repeat(65_536));
    std::fs::write(&path, &text).unwrap();
    let path = path.to_str().unwrap();
    let (code, out) = run(&["check", path]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 1, "{out}");
    // The headers keep the true positions; the rows are windows.
    assert!(out.contains(&format!("[{path}:2:1]")), "{out}");
    assert!(out.contains(&format!("[{path}:2:65537]")), "{out}");
    assert!(out.contains("│ …aaaa"), "the cut side is marked:\n{out}");
    assert_fits(&out, 100);
}

#[test]
fn the_underline_sits_under_its_text_in_a_long_paragraph() {
    let filler = "本机关持续完善政府信息公开工作机制，加强队伍建设和培训。";
    let paragraph = format!("{}由某某镇负责。{}", filler.repeat(40), filler.repeat(40));
    let text = report_with(&paragraph);
    let dir = folder("paragraph");
    let path = dir.join("p.txt");
    std::fs::write(&path, &text).unwrap();
    let path = path.to_str().unwrap();
    let (_, out) = run(&["check", path, "--select", "X001"]);
    std::fs::remove_dir_all(&dir).unwrap();
    let (line, col) = position(&text, "某某镇");
    let header = format!("{path}:{line}:{col}");
    assert_underlined(&out, &header, "某某镇");
    let row = out.lines().find(|row| row.contains("某某镇负责")).unwrap();
    assert!(
        row.contains("│ …") && row.ends_with('…'),
        "both cut sides are marked: {row}"
    );
    assert_fits(&out, 100);
}

/// Renders the lint of `text` in the human format at `width`.
fn human(text: &str, width: usize) -> String {
    let source = SourceFile::from_text("x.txt", text);
    let diagnostics = Linter::new(LintOptions::default()).lint(&source);
    let results = [FileResult::checked(source, diagnostics)];
    let options = RenderOptions {
        width,
        ..RenderOptions::default()
    };
    render_to_string(OutputFormat::Human, options, &results, &Summary::default())
}

#[test]
fn the_window_follows_the_render_width() {
    let paragraph = format!("{}某某镇{}", "正文".repeat(500), "正文".repeat(500));
    let text = report_with(&paragraph);
    let (line, col) = position(&text, "某某镇");
    for width in [40, 60, 100, 160] {
        let out = human(&text, width);
        assert_underlined(&out, &format!("x.txt:{line}:{col}"), "某某镇");
        assert_fits(&out, width);
        let shown = out.lines().find(|row| row.contains("正文某某镇")).unwrap();
        assert!(
            shown.width() + 8 >= width,
            "the window uses the width ({width}): {shown}"
        );
    }
}

#[test]
fn real_reports_render_within_the_width_with_their_true_positions() {
    let Some(shared) = common::shared() else {
        return;
    };
    let files = common::files(&shared, "seed", &["txt"]);
    assert!(!files.is_empty());
    for file in &files {
        let path = file.to_str().unwrap();
        let (_, out) = run(&["check", path, "--color", "never"]);
        let (_, concise) = run(&["check", path, "--format", "concise"]);
        for line in concise.lines().filter(|l| l.starts_with(path)) {
            let place = line.splitn(4, ':').take(3).collect::<Vec<_>>().join(":");
            assert!(out.contains(&format!("[{place}]")), "{place}:\n{out}");
        }
        assert_fits(&out, 100);
    }
}

/// The characters of `out` that a terminal would act on: controls other than newline.
fn controls(out: &str) -> Vec<char> {
    out.chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect()
}

#[test]
fn control_characters_in_a_report_are_shown_escaped() {
    // A title-setting and a clear-screen sequence, a C1 CSI, and a BEL
    // inside markup that X002 quotes in its message.
    let paragraph = "\x1b]0;pwned\x07\x1b[2J\u{9b}31m由某某镇</span \x07>负责。";
    let text = report_with(paragraph);
    let dir = folder("controls");
    let path = dir.join("c.txt");
    std::fs::write(&path, &text).unwrap();
    let path = path.to_str().unwrap();
    let check = |format: &str| {
        let args = ["check", path, "--select", "X001,X002", "--lang", "en"];
        run(&[&args[..], &["--format", format, "--color", "never"]].concat()).1
    };
    let (line, col) = position(&text, "某某镇");
    let human = check("human");
    assert!(controls(&human).is_empty(), "{human:?}");
    assert!(
        human.contains(r"\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m由某某镇"),
        "{human}"
    );
    assert!(human.contains(r"“</span \u{7}>”"), "{human}");
    assert_underlined(&human, &format!("{path}:{line}:{col}"), "某某镇");
    assert_underlined(
        &human,
        &format!("{path}:{line}:{}", col + 3),
        r"</span \u{7}>",
    );
    let concise = check("concise");
    assert!(controls(&concise).is_empty(), "{concise:?}");
    assert!(
        concise.contains(&format!("c.txt:{line}:{col}: error[X001]")),
        "{concise}"
    );
    assert!(concise.contains(r"“</span \u{7}>”"), "{concise}");
    let github = check("github");
    assert!(controls(&github).is_empty(), "{github:?}");
    assert!(
        github.contains(&format!("line={line},col={col},")),
        "{github}"
    );
    assert!(github.contains(r"“</span \u{7}>”"), "{github}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The number of diagnostics in `path` (from the JSON output).
fn count(path: &Path) -> usize {
    let (_, json) = run(&["check", path.to_str().unwrap(), "--format", "json"]);
    json.matches("\"code\"").count()
}

#[test]
fn a_newline_in_a_file_name_does_not_split_a_diagnostic() {
    let dir = folder("names");
    let path = dir.join("白石镇\n\x1b[2J.txt");
    std::fs::write(&path, "2024年政府信息公开工作年度报告\n").unwrap();
    let n = count(&path);
    assert!(n > 0);
    let name = path.to_str().unwrap();
    let quoted = format!("{name:?}");
    assert!(quoted.contains(r"\n\u{1b}[2J.txt"), "{quoted}");
    let check = |format: &str| run(&["check", name, "--format", format, "--color", "never"]).1;

    let concise = check("concise");
    assert_eq!(concise.lines().count(), n + 1, "{concise}");
    for line in concise.lines().take(n) {
        assert!(line.starts_with(&format!("{quoted}:")), "{line}");
    }
    let github = check("github");
    assert_eq!(github.lines().count(), n + 1, "{github}");
    assert!(controls(&github).is_empty(), "{github:?}");
    for line in github.lines().take(n) {
        assert!(line.contains("白石镇%0A"), "{line}");
    }
    let human = check("human");
    assert!(controls(&human).is_empty(), "{human:?}");
    assert!(human.contains(&format!("[{quoted}:1:1]")), "{human}");
    // A plain name is not quoted.
    let plain = dir.join("plain.txt");
    std::fs::write(&plain, "2024年政府信息公开工作年度报告\n").unwrap();
    let plain = plain.to_str().unwrap();
    let (_, out) = run(&["check", plain, "--format", "concise"]);
    assert!(out.starts_with(&format!("{plain}:1:1:")), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

mod any_text {
    use super::*;
    use disclint::diagnostic::{Diagnostic, Label, Severity};
    use disclint::span::Span;
    use proptest::prelude::*;

    const FRAGMENTS: &[&str] = &[
        "一、总体情况\n",
        "正文",
        "abc ",
        "\t",
        "\r\n",
        "\r",
        "\n",
        "\x1b[2J",
        "\x07",
        "\u{9b}",
        "《中华人民共和国政府信息公开条例》",
        "|",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec((0..FRAGMENTS.len(), 1..200usize), 0..12).prop_map(|parts| {
            parts
                .into_iter()
                .map(|(i, n)| FRAGMENTS[i].repeat(if FRAGMENTS[i].len() > 4 { 1 } else { n }))
                .collect()
        })
    }

    fn diagnostic(span: Span, labels: Vec<(Span, String)>) -> Diagnostic {
        Diagnostic {
            code: "X001".into(),
            name: "placeholder".into(),
            severity: Severity::Error,
            message: "消息\x1b[2J".into(),
            help: Some("帮助".into()),
            span,
            labels: labels
                .into_iter()
                .map(|(span, message)| Label { span, message })
                .collect(),
            related: Vec::new(),
            fix: None,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any text, any spans, any width: no panic, nothing a terminal
        /// would obey, and source rows within the width.
        #[test]
        fn human_output_of_any_text_is_safe(
            text in text(),
            spans in prop::collection::vec((any::<prop::sample::Index>(), 0..400usize), 1..5),
            width in 40..200usize,
        ) {
            let at = |(i, len): &(prop::sample::Index, usize)| {
                Span::new(i.index(text.len() + 1), *len)
            };
            let labels = spans[1..]
                .iter()
                .enumerate()
                .map(|(n, s)| (at(s), format!("标签{n}\x07")))
                .collect();
            let source = SourceFile::from_text("x.txt", text.as_str());
            let results = [FileResult {
                path: "x\n.txt".into(),
                source: Some(source),
                diagnostics: vec![diagnostic(at(&spans[0]), labels)],
                suppressed: Vec::new(),
                suppression_key: None,
                fixed: 0,
                fixed_rules: Vec::new(),
                original: None,
                output: None,
                fix_error: None,
                fix_note: None,
                report: None,
            }];
            let options = RenderOptions { width, ..RenderOptions::default() };
            let out = render_to_string(OutputFormat::Human, options, &results, &Summary::default());
            prop_assert!(controls(&out).is_empty(), "{:?}", out);
            let source_rows = out.lines().filter(|row| {
                let rest = row.trim_start().trim_start_matches(|c: char| c.is_ascii_digit());
                rest.len() < row.trim_start().len() && rest.starts_with(" │ ")
            });
            for row in source_rows {
                prop_assert!(row.width() <= width, "{} > {}: {:?}\n{}", row.width(), width, row, out);
            }
        }
    }
}
