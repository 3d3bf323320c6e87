//! Pathological inputs finish, in linear work, with sensible diagnostics
//! (and, for findings on one long line, output).
//!
//! Work is measured without clocks: a counting allocator tallies the
//! allocations and allocated bytes of the linting thread, and each shape is
//! linted at two sizes, n and 4n. Linear work grows about 4×; a quadratic
//! step would grow 16×, so the assertion (at most 6× + a constant) catches it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use disclint::extract::extract;
use disclint::input::InputOptions;
use disclint::render::{render_to_string, OutputFormat, RenderOptions};
use disclint::run::{FileResult, Summary};
use disclint::{LintOptions, Linter, SourceFile};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
    static BYTES: Cell<u64> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator; only counts on the side.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        let _ = BYTES.try_with(|n| n.set(n.get() + layout.size() as u64));
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        let _ = BYTES.try_with(|n| n.set(n.get() + new_size as u64));
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Lints `text`; returns the codes found and the work done (allocations, bytes).
fn lint(text: &str) -> (Vec<String>, (u64, u64)) {
    let linter = Linter::new(LintOptions::default());
    let source = SourceFile::from_text("x.txt", text);
    let before = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    let diagnostics = linter.lint(&source);
    let after = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    for d in &diagnostics {
        assert!(d.span.end() <= text.len() && text.is_char_boundary(d.span.offset));
    }
    let codes = diagnostics.into_iter().map(|d| d.code).collect();
    (codes, (after.0 - before.0, after.1 - before.1))
}

/// Reads `page` as a web page and lints it; returns the codes found and the
/// work done by both.
fn extract_and_lint(page: &str) -> (Vec<String>, (u64, u64)) {
    let linter = Linter::new(LintOptions::default());
    let before = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    let source = extract("x.html", page.as_bytes(), &InputOptions::default()).unwrap();
    let diagnostics = linter.lint(&source);
    let after = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    let codes = diagnostics.into_iter().map(|d| d.code).collect();
    (codes, (after.0 - before.0, after.1 - before.1))
}

/// Lints `make(n)` and `make(4 * n)`; asserts the work grew at most linearly.
/// Returns the codes of the larger input.
fn linear(name: &str, n: usize, make: impl Fn(usize) -> String) -> Vec<String> {
    linear_by(name, n, make, lint)
}

/// [`linear`], with the work of `run`.
fn linear_by(
    name: &str,
    n: usize,
    make: impl Fn(usize) -> String,
    run: impl Fn(&str) -> (Vec<String>, (u64, u64)),
) -> Vec<String> {
    let (_, small) = run(&make(n));
    let big_text = make(4 * n);
    let (codes, big) = run(&big_text);
    assert!(
        big.0 <= 6 * small.0 + 1000,
        "{name}: allocations grew from {} to {} for 4× the input",
        small.0,
        big.0
    );
    assert!(
        big.1 <= 6 * small.1 + 1_000_000,
        "{name}: allocated bytes grew from {} to {} for 4× the input",
        small.1,
        big.1
    );
    // And in absolute terms: a bounded number of bytes per input byte (a byte
    // can be a whole line, `\r`, or a whole cell, `|`, each a few structs).
    assert!(
        big.1 <= 512 * big_text.len() as u64 + 1_000_000,
        "{name}: {} bytes allocated for {} bytes of input",
        big.1,
        big_text.len()
    );
    codes
}

fn clean_report() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/clean-2024.txt"
    ))
    .unwrap()
}

#[test]
fn a_twenty_megabyte_report() {
    let report = clean_report();
    let make = |bytes: usize| {
        // The clean report with its section 五 padded by paragraphs.
        let filler = "本机关持续完善政府信息公开工作机制，加强队伍建设和培训。\n";
        let padding = filler.repeat(bytes / filler.len());
        report.replacen(
            "五、存在的主要问题及改进情况\n",
            &format!("五、存在的主要问题及改进情况\n{padding}"),
            1,
        )
    };
    let codes = linear("20 MB report", 5_000_000, make);
    assert!(
        codes.is_empty(),
        "a padded clean report stays clean: {codes:?}"
    );
}

#[test]
fn two_hundred_thousand_lines() {
    let codes = linear("200,000 lines", 50_000, |lines| {
        "正文一行。\n".repeat(lines)
    });
    assert_eq!(codes, ["S000"]);
}

#[test]
fn one_line_of_five_megabytes() {
    let codes = linear("5 MB line", 1_250_000 / 3, |chars| "正".repeat(chars));
    assert_eq!(codes, ["S000"]);
}

#[test]
fn a_hundred_thousand_pipes_in_a_row() {
    let codes = linear("100,000 pipes", 25_000, |n| "|".repeat(n));
    assert_eq!(codes, ["S000"]);
}

#[test]
fn ten_thousand_unclosed_title_marks() {
    let codes = linear("10,000 《", 2_500, |n| format!("根据{}", "《".repeat(n)));
    assert_eq!(codes, ["S000"]);
    let report = clean_report();
    let codes = linear("《 in a report", 2_500, |n| {
        report.replacen(
            "一、总体情况\n",
            &format!("一、总体情况\n{}\n", "《条例".repeat(n)),
            1,
        )
    });
    // Only the unbalanced marks themselves are reported, however many there are.
    assert_eq!(codes, ["C005"]);
}

#[test]
fn deeply_repeated_headings() {
    let codes = linear("repeated headings", 2_500, |n| {
        let mut text = String::from("某某镇人民政府2024年政府信息公开工作年度报告\n");
        for _ in 0..n {
            text.push_str("一、总体情况\n(一)主动公开\n## 二、主动公开政府信息情况\n");
        }
        text
    });
    assert!(
        codes.iter().any(|c| c == "S003"),
        "duplicates are reported: {codes:?}"
    );
    assert!(
        codes.len() <= 3 * 10_000 + 20,
        "at most one finding per heading"
    );
}

#[test]
fn only_carriage_returns() {
    let codes = linear("only \\r", 250_000, |n| "\r".repeat(n));
    assert_eq!(codes, ["S000"]);
    assert_eq!(lint("").0, ["S000"]);
}

#[test]
fn thousands_of_citations_of_the_regulation() {
    // Every citation of the regulation is one of thousands; none carries the
    // current number (the report's own cites the repealed one), so C001 must
    // look at them all. One C001, for the one repealed number, in linear work.
    let report = clean_report().replacen("(国务院令第711号)", "(国务院令第492号)", 1);
    let codes = linear("citations of the regulation", 500, |n| {
        report.replacen(
            "一、总体情况\n",
            &format!(
                "一、总体情况\n{}",
                "根据《中华人民共和国政府信息公开条例》开展工作。\n".repeat(n)
            ),
            1,
        )
    });
    assert_eq!(codes, ["C001"]);
}

#[test]
fn a_table_cell_of_a_million_digits() {
    // A number however long is one invalid cell (T003), not prose that
    // ends its row; its message shows only the beginning.
    let report = clean_report();
    let codes = linear("a long number", 250_000, |n| {
        report.replacen(
            "| (一)予以公开 |\n0 |\n3 |",
            &format!("| (一)予以公开 |\n0 |\n{} |", "7".repeat(n)),
            1,
        )
    });
    assert_eq!(codes, ["T003"]);
}

/// The article of the minified page fixture (an invented report, one line).
fn page_article() -> String {
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/html/minified.html"
    ))
    .unwrap();
    let start = page.find("<h3>").unwrap();
    let end = page.find("<div class=title-2>").unwrap();
    page[start..end].to_owned()
}

#[test]
fn web_pages_of_dense_markup() {
    let article = page_article();
    let codes = linear_by(
        "a page of tables",
        30,
        |n| {
            format!(
                "<html><body><div class=content>{}</div></body></html>",
                article.repeat(n)
            )
        },
        extract_and_lint,
    );
    assert!(
        codes.iter().any(|c| c == "S003"),
        "repeated sections: {codes:?}"
    );
}

#[test]
fn web_pages_nested_deep_or_left_open() {
    type Shape = (&'static str, usize, fn(usize) -> String);
    let shapes: [Shape; 5] = [
        ("nested divs", 20_000, |n| {
            format!("{}正文", "<div>".repeat(n))
        }),
        ("nested tables", 5_000, |n| {
            format!("{}正文", "<table><tr><td>".repeat(n))
        }),
        ("unclosed inline", 10_000, |n| {
            format!("<p>{}正文", "<span><font><b>".repeat(n))
        }),
        ("spanning cells", 2_000, |n| {
            format!(
                "<table>{}</table>",
                "<tr><td colspan=1000 rowspan=65534>1<td>2".repeat(n)
            )
        }),
        ("references", 50_000, |n| {
            format!("<p>{}</p>", "&nbsp;&#12288;&lt;&#99999999;&amp".repeat(n))
        }),
    ];
    for (name, n, make) in shapes {
        let codes = linear_by(name, n, make, extract_and_lint);
        assert!(codes.iter().any(|c| c == "S000"), "{name}: {codes:?}");
    }
}

/// Lints `text` and renders the findings in `format`; returns the work done
/// by both (allocations, bytes) and the output.
fn lint_and_render(text: &str, format: OutputFormat) -> ((u64, u64), String) {
    let linter = Linter::new(LintOptions::default());
    let before = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    let source = SourceFile::from_text("x.txt", text);
    let diagnostics = linter.lint(&source);
    let results = [FileResult::checked(source, diagnostics)];
    let options = RenderOptions {
        width: 100,
        ..RenderOptions::default()
    };
    let out = render_to_string(format, options, &results, &Summary::default());
    let after = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    ((after.0 - before.0, after.1 - before.1), out)
}

#[test]
fn thousands_of_findings_on_one_line_render_linearly() {
    // A paragraph of placeholders: one X001 per 某某镇, all on line 4.
    let report = clean_report();
    let make = |n: usize| {
        let paragraph = "某某镇，".repeat(n);
        report.replacen("一、总体情况\n", &format!("一、总体情况\n{paragraph}\n"), 1)
    };
    for format in [
        OutputFormat::Human,
        OutputFormat::Concise,
        OutputFormat::Json,
    ] {
        let (small, _) = lint_and_render(&make(1_000), format);
        let (big, out) = lint_and_render(&make(4_000), format);
        assert!(out.matches("X001").count() >= 4_000, "{format:?}");
        assert!(
            big.0 <= 6 * small.0 + 1000 && big.1 <= 6 * small.1 + 1_000_000,
            "{format:?}: work grew from {small:?} to {big:?} for 4× the findings"
        );
    }
}

#[test]
fn a_section_of_fifty_thousand_space_aligned_rows() {
    // The same label on every row, values beside it and a wrapped tail
    // below: every row is found, assigned and placed, in linear work.
    let report = clean_report();
    let row = "  1.属于国家秘密    0    0    0    0    0    0    0\n  2.其他法律行政法规禁止\n     公开    0    0    0\n";
    let make = |rows: usize| {
        report.replacen(
            "四、政府信息公开行政复议、行政诉讼情况\n",
            &format!(
                "{}四、政府信息公开行政复议、行政诉讼情况\n",
                row.repeat(rows)
            ),
            1,
        )
    };
    linear("50,000 space-aligned rows", 12_500, make);
}

#[test]
fn a_space_aligned_line_of_a_hundred_thousand_cells() {
    let report = clean_report();
    let make = |cells: usize| {
        let line = format!("{}  1\n", "规章  ".repeat(cells));
        report.replacen(
            "三、收到和处理政府信息公开申请情况\n",
            &format!("{line}{line}三、收到和处理政府信息公开申请情况\n"),
            1,
        )
    };
    linear("100,000 space-aligned cells", 25_000, make);
}
