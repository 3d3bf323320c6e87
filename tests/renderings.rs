//! Every rendering of the same figures yields the same grid and no
//! diagnostics: the text renderings (tables in pipes, Markdown, tabs, one
//! cell per line, space-aligned columns and Markdown with merged cells as
//! converters leave them; headings bold as pandoc writes them, run into
//! their text, or in a report flattened onto a few lines), the web page
//! with the official merged cells, and a Word draft (`.docx`) with
//! numbering-generated headings and merged cells.

mod common;

use disclint::extract::{extract, SourceKind};
use disclint::input::InputOptions;
use disclint::model::{Number, TableRow, Value};
use disclint::synth::{HeadingMarkup, PageStyle, Rendering, Rng, SynthReport};
use disclint::{LintOptions, Linter, SourceFile};

fn grid(linter: &Linter, text: &str) -> Vec<(String, Vec<Option<Number>>)> {
    grid_of(linter, &SourceFile::from_text("synth.txt", text))
}

fn grid_of(linter: &Linter, source: &SourceFile) -> Vec<(String, Vec<Option<Number>>)> {
    common::table_grid(linter, source)
}

#[test]
fn all_renderings_read_the_same_and_lint_clean() {
    let linter = Linter::new(LintOptions::default());
    for seed in 0..20 {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        let reference = grid(&linter, &report.render(Rendering::SeedPipes));
        assert_eq!(reference.len(), 6 + 25 + 1, "seed {seed}");
        for rendering in Rendering::ALL {
            let text = report.render(rendering);
            assert_eq!(
                grid(&linter, &text),
                reference,
                "{rendering:?}, seed {seed}"
            );
            let source = SourceFile::from_text("synth.txt", text.as_str());
            let diagnostics = linter.lint(&source);
            assert!(
                diagnostics.is_empty(),
                "{rendering:?}, seed {seed}: {:#?}",
                diagnostics
            );
        }
    }
}

#[test]
fn a_word_draft_reads_the_same_and_lints_clean() {
    let linter = Linter::new(LintOptions::default());
    for seed in 0..10 {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        let reference = grid(&linter, &report.render(Rendering::SeedPipes));
        let bytes = common::docx::synth_docx(&report);
        let source = extract("synth.docx", &bytes, &InputOptions::default()).unwrap();
        assert_eq!(grid_of(&linter, &source), reference, "seed {seed}");
        let diagnostics = linter.lint(&source);
        assert!(diagnostics.is_empty(), "seed {seed}: {diagnostics:#?}");
    }
}

#[test]
fn the_web_page_reads_the_same_grid_and_lints_clean() {
    let linter = Linter::new(LintOptions::default());
    for seed in 0..16 {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        let reference = grid(&linter, &report.render(Rendering::Markdown));
        let style = PageStyle::nth(seed);
        let page = report.render_html(style);
        assert!(page.contains("rowspan=\"22\"") && page.contains("colspan=\"7\""));
        let source = extract("synth.html", page.as_bytes(), &InputOptions::default()).unwrap();
        assert_eq!(source.kind, SourceKind::Html);
        assert_eq!(
            grid_of(&linter, &source),
            reference,
            "{style:?}, seed {seed}"
        );
        let diagnostics = linter.lint(&source);
        assert!(
            diagnostics.is_empty(),
            "{style:?}, seed {seed}: {diagnostics:#?}"
        );
    }
    // Every heading form, minified and not, was among the pages.
    let styles: std::collections::HashSet<_> = (0..16)
        .map(|n| format!("{:?}", PageStyle::nth(n)))
        .collect();
    assert_eq!(styles.len(), HeadingMarkup::ALL.len() * 2);
}

/// The space-aligned rendering varies its layout with the report (column
/// widths, blank lines between rows, the line values stand on): many
/// layouts read as the Markdown tables do, and lint clean.
#[test]
fn space_aligned_tables_read_the_same_in_many_layouts() {
    let linter = Linter::new(LintOptions::default());
    for seed in 0..300 {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        let reference = grid(&linter, &report.render(Rendering::Markdown));
        let text = report.render(Rendering::SpaceAligned);
        assert_eq!(grid(&linter, &text), reference, "seed {seed}\n{text}");
        let source = SourceFile::from_text("synth.txt", text.as_str());
        let diagnostics = linter.lint(&source);
        assert!(
            diagnostics.is_empty(),
            "seed {seed}: {diagnostics:#?}\n{text}"
        );
    }
}

/// A blank cell of a space-aligned row is nothing at all: it is placed by
/// the columns of the full rows near it, so the row's other values stay in
/// their columns and only the blank is reported (T004).
#[test]
fn a_blank_space_aligned_cell_is_placed_by_its_column() {
    let linter = Linter::new(LintOptions::default());
    let mut checked = 0;
    for seed in 0..40 {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        let text = report.render(Rendering::SpaceAligned);
        let source = SourceFile::from_text("synth.txt", text.as_str());
        let analysis = linter.analyze(&source);
        let table = analysis.report.table("applications").unwrap();
        // A zero in a middle column of a row: blanking it keeps every identity.
        let Some((row, index)) = table.rows.iter().find_map(|row| {
            (1..row.values.len() - 1)
                .find(|&i| row.values[i].span.slice(&text) == "0")
                .map(|i| (row, i))
        }) else {
            continue;
        };
        assert_blank_is_only_blank(&linter, &text, row, index, " ", &format!("seed {seed}"));
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} seeds had a zero to blank");
}

/// Blanks value `index` of `row` in `text` (replacing it with `filler`) and
/// asserts that the only finding is T004 and that the row reads as before
/// with that value blank.
fn assert_blank_is_only_blank(
    linter: &Linter,
    text: &str,
    row: &TableRow,
    index: usize,
    filler: &str,
    context: &str,
) {
    let span = row.values[index].span;
    let blanked = format!("{}{filler}{}", &text[..span.offset], &text[span.end()..]);
    let source = SourceFile::from_text("synth.txt", blanked.as_str());
    let found = linter.lint(&source);
    let codes: Vec<&str> = found.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["T004"], "{context}: {found:#?}\n{blanked}");
    let analysis = linter.analyze(&source);
    let read = analysis.report.table("applications").unwrap();
    let read = read.rows.iter().find(|r| r.id == row.id).unwrap();
    let values: Vec<&Value> = read.values.iter().map(|v| &v.value).collect();
    let mut expected: Vec<&Value> = row.values.iter().map(|v| &v.value).collect();
    expected[index] = &Value::Blank;
    assert_eq!(values, expected, "{context}, row {}", row.id);
}

/// A blank cell is a blank cell wherever it stands: the first value of a
/// row after the empty cells a merged label leaves, or the last of a
/// tab-separated row. It is reported as blank (T004) and nothing else, and
/// the row's other values stay in their columns.
#[test]
fn a_blank_cell_beside_merged_cells_or_at_a_rows_end_is_blank() {
    let linter = Linter::new(LintOptions::default());
    let renderings = [
        Rendering::MergedMarkdown,
        Rendering::Pandoc,
        Rendering::Tabs,
        Rendering::RunInHeadings,
        Rendering::Flattened,
    ];
    let mut checked = 0;
    for seed in 0..12 {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        for rendering in renderings {
            let text = report.render(rendering);
            let analysis = linter.analyze(&SourceFile::from_text("synth.txt", text.as_str()));
            let table = analysis.report.table("applications").unwrap();
            // A zero first or last value: blanking it keeps every identity.
            let Some((row, index)) = table.rows.iter().find_map(|row| {
                [0, row.values.len() - 1]
                    .into_iter()
                    .find(|&i| row.values[i].span.slice(&text) == "0")
                    .map(|i| (row, i))
            }) else {
                continue;
            };
            let context = format!("{rendering:?}, seed {seed}");
            assert_blank_is_only_blank(&linter, &text, row, index, "", &context);
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} rows had a zero to blank");
}

/// A report on a converter's grid with merged cells still has its real
/// defects found where they are: a wrong 总计 (A003 on it) and a value
/// too many (T002 on it), nothing on the padding.
#[test]
fn defects_in_merged_cell_markdown_are_found_on_their_cells() {
    let linter = Linter::new(LintOptions::default());
    let report = SynthReport::consistent(&mut Rng::new(3), 2024);
    for rendering in [Rendering::MergedMarkdown, Rendering::Pandoc] {
        let text = report.render(rendering);
        let analysis = linter.analyze(&SourceFile::from_text("synth.txt", text.as_str()));
        let table = analysis.report.table("applications").unwrap();
        let row = table.rows.iter().find(|r| r.id == "new").unwrap();
        let total = row.values[6].span;
        let wrong = format!("{}9999{}", &text[..total.offset], &text[total.end()..]);
        let found = linter.lint(&SourceFile::from_text("synth.txt", wrong.as_str()));
        let on_total: Vec<&str> = found
            .iter()
            .filter(|d| d.span.offset == total.offset)
            .map(|d| d.code.as_str())
            .collect();
        assert!(on_total.contains(&"A003"), "{rendering:?}: {found:#?}");
        assert!(
            found.iter().all(|d| d.code.starts_with('A')),
            "{rendering:?}: {found:#?}"
        );
        // After the pipe that closes 总计: `| 101 | 7 |`.
        let after = total.end() + " |".len();
        let extra = format!("{} 7 |{}", &text[..after], &text[after..]);
        let found = linter.lint(&SourceFile::from_text("synth.txt", extra.as_str()));
        let codes: Vec<(&str, usize)> = found
            .iter()
            .map(|d| (d.code.as_str(), d.span.offset))
            .collect();
        assert_eq!(codes, [("T002", after + 1)], "{rendering:?}: {found:#?}");
    }
}

/// Prose set with double spaces, an indented paragraph and a sentence
/// ending in a number stay prose (or at least read as no table) in every
/// rendering: the same grid, no diagnostic.
#[test]
fn prose_with_double_spaces_is_no_table() {
    let linter = Linter::new(LintOptions::default());
    let prose = [
        "　　本年度主动公开政府信息186条，其中  政策文件32条、工作动态154条。",
        "  本单位地址：兰桥镇政府大院  联系电话：0571-12345678",
        "联系地址：兰桥镇政府大院  邮编  311500",
    ]
    .join("\n");
    for seed in 0..10 {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        for rendering in Rendering::ALL {
            let text = report.render(rendering);
            let reference = grid(&linter, &text);
            let with_prose = text
                .replacen(
                    "(二)依申请公开情况",
                    &format!("{prose}\n(二)依申请公开情况"),
                    1,
                )
                .replacen(
                    "六、其他需要报告的事项\n",
                    &format!("六、其他需要报告的事项\n{prose}\n"),
                    1,
                );
            assert_eq!(
                grid(&linter, &with_prose),
                reference,
                "{rendering:?}, seed {seed}"
            );
            let source = SourceFile::from_text("synth.txt", with_prose.as_str());
            let found = linter.lint(&source);
            assert!(found.is_empty(), "{rendering:?}, seed {seed}: {found:#?}");
        }
    }
}
