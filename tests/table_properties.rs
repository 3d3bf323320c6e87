//! Properties of the table and arithmetic rules over synthetic reports: a
//! consistent report in any rendering draws no T/A diagnostic; changing one
//! cell makes the identity through that cell fire on its column or row.

mod common;

use disclint::model::Table;
use disclint::rules::{Selection, Selector};
use disclint::span::Span;
use disclint::synth::{Rendering, Rng, SynthReport};
use disclint::{Diagnostic, LintOptions, Linter, Severity, SourceFile};
use proptest::prelude::*;

fn linter() -> Linter {
    Linter::new(LintOptions {
        selection: Selection {
            select: Some(vec![Selector::new("T"), Selector::new("A")]),
            ..Selection::default()
        },
        ..LintOptions::default()
    })
}

fn lint(linter: &Linter, text: &str) -> (Vec<Diagnostic>, Vec<Table>) {
    let source = SourceFile::from_text("synth.txt", text);
    let analysis = linter.analyze(&source);
    let diagnostics = linter.check(&source, &analysis);
    (diagnostics, analysis.report.tables)
}

fn cell(tables: &[Table], kind: &str, row: &str, column: &str) -> Span {
    tables
        .iter()
        .find(|t| t.kind == kind)
        .and_then(|t| t.rows.iter().find(|r| r.id == row))
        .and_then(|r| r.values.iter().find(|v| v.column == column))
        .map(|v| v.span)
        .unwrap_or_else(|| panic!("no cell {kind}/{row}/{column}"))
}

fn rendering() -> impl Strategy<Value = Rendering> {
    prop::sample::select(Rendering::ALL.to_vec())
}

/// Value rows of the applications table, in the order of `SynthReport::applications`.
const ROWS: [&str; 25] = [
    "new",
    "carried_over",
    "results.disclosed",
    "results.partial",
    "results.withheld.state_secret",
    "results.withheld.prohibited",
    "results.withheld.security",
    "results.withheld.third_party",
    "results.withheld.internal",
    "results.withheld.process",
    "results.withheld.enforcement_files",
    "results.withheld.query",
    "results.unavailable.not_held",
    "results.unavailable.must_create",
    "results.unavailable.unclear",
    "results.not_processed.petition",
    "results.not_processed.repeated",
    "results.not_processed.publication",
    "results.not_processed.abusive",
    "results.not_processed.confirmation",
    "results.other.no_correction",
    "results.other.fee_unpaid",
    "results.other.other",
    "results.total",
    "carried_forward",
];

const COLUMNS: [&str; 7] = [
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_services",
    "other",
    "total",
];

fn has(diagnostics: &[Diagnostic], code: &str, span: Span) -> bool {
    diagnostics.iter().any(|d| d.code == code && d.span == span)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn consistent_tables_draw_no_table_or_arithmetic_diagnostic(
        seed in any::<u64>(),
        rendering in rendering(),
    ) {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        let (diagnostics, _) = lint(&linter(), &report.render(rendering));
        prop_assert!(diagnostics.is_empty(), "{:#?}", diagnostics);
    }

    #[test]
    fn one_changed_application_cell_breaks_its_identities(
        seed in any::<u64>(),
        rendering in rendering(),
        row in 0..ROWS.len(),
        column in 0..COLUMNS.len(),
        delta in 1u64..5,
    ) {
        let mut report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        report.applications[row][column] += delta;
        let (diagnostics, tables) = lint(&linter(), &report.render(rendering));
        let (row_id, column_id) = (ROWS[row], COLUMNS[column]);
        let at = |r: &str, c: &str| cell(&tables, "applications", r, c);
        // Along the row: 总计 is the sum of the applicant columns.
        prop_assert!(has(&diagnostics, "A003", at(row_id, "total")), "{:#?}", diagnostics);
        // Down the column: the balance (A001) and the results total (A002),
        // both reported on the column's (七)总计 cell.
        let total = at("results.total", column_id);
        let balance = matches!(row_id, "new" | "carried_over" | "carried_forward" | "results.total");
        let results = row_id.starts_with("results.");
        prop_assert_eq!(has(&diagnostics, "A001", total), balance, "{:#?}", diagnostics);
        prop_assert_eq!(has(&diagnostics, "A002", total), results, "{:#?}", diagnostics);
        // Nothing else: no table rule, no other identity elsewhere.
        for d in &diagnostics {
            prop_assert!(["A001", "A002", "A003", "A006"].contains(&d.code.as_str()), "{:#?}", d);
        }
    }

    #[test]
    fn one_changed_review_cell_breaks_its_group_total(
        seed in any::<u64>(),
        rendering in rendering(),
        index in 0usize..15,
        delta in 1u64..5,
    ) {
        let mut report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        report.review[index] += delta;
        let (diagnostics, tables) = lint(&linter(), &report.render(rendering));
        let group = ["review", "direct", "after_review"][index / 5];
        let total = cell(&tables, "review_litigation", "counts", &format!("{group}.total"));
        prop_assert!(has(&diagnostics, "A004", total), "{:#?}", diagnostics);
        prop_assert_eq!(diagnostics.len(), 1, "{:#?}", diagnostics);
    }
}

#[test]
fn the_seed_draws_no_table_or_arithmetic_error() {
    let Some(shared) = common::shared() else {
        return;
    };
    let linter = linter();
    let seeds = common::files(&shared, "seed", &[]);
    assert!(!seeds.is_empty(), "../shared/seed has the seed report");
    for path in seeds {
        let text = std::fs::read_to_string(&path).unwrap();
        let (diagnostics, tables) = lint(&linter, &text);
        assert_eq!(tables.len(), 3, "{}", path.display());
        let errors: Vec<_> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Excerpts stop anywhere, often mid-table: a consistent report cut at any
    /// point draws no table or arithmetic diagnostic (rows cut off are not
    /// missing, a number cut in half is not wrong).
    #[test]
    fn a_consistent_report_cut_anywhere_draws_nothing(
        seed in any::<u64>(),
        rendering in rendering(),
        cut in 0.0f64..1.0,
    ) {
        let report = SynthReport::consistent(&mut Rng::new(seed), 2024);
        let text = report.render(rendering);
        let mut at = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let (diagnostics, _) = lint(&linter(), &text[..at]);
        prop_assert!(diagnostics.is_empty(), "cut at {at}: {diagnostics:#?}");
    }
}

/// Found by the property above: a fee cut after its decimal point (`30.` of
/// `30.5`) at the end of the text is not an invalid cell.
#[test]
fn a_fee_cut_after_its_decimal_point_is_not_invalid() {
    let report = SynthReport::consistent(&mut Rng::new(16371514252958208612), 2024);
    let text = report.render(Rendering::Tabs);
    let label = "行政事业性收费\t";
    let fee = text.find(label).unwrap() + label.len();
    let at = fee + text[fee..].find('.').unwrap() + 1;
    let (diagnostics, _) = lint(&linter(), &text[..at]);
    assert!(text[..at].ends_with("30."), "{}", &text[fee..at]);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn a_count_too_large_to_read_is_one_invalid_cell_and_its_row_is_still_read() {
    // In every rendering, a count of 30 (or 20, or 1,000) digits is T003 on
    // its cell, and the row's other cells are read as before.
    let linter = linter();
    let report = SynthReport::consistent(&mut Rng::new(7), 2024);
    for rendering in Rendering::ALL {
        let text = report.render(rendering);
        let (_, tables) = lint(&linter, &text);
        let span = cell(&tables, "applications", "results.disclosed", "commercial");
        for digits in [
            "18446744073709551616".to_owned(),
            "1".repeat(30),
            "9".repeat(1000),
        ] {
            let changed = format!("{}{digits}{}", &text[..span.offset], &text[span.end()..]);
            let (diagnostics, tables) = lint(&linter, &changed);
            let at = Span::new(span.offset, digits.len());
            assert_eq!(diagnostics.len(), 1, "{rendering:?}: {diagnostics:#?}");
            assert!(
                has(&diagnostics, "T003", at),
                "{rendering:?}: {diagnostics:#?}"
            );
            assert!(
                diagnostics[0].message.contains("超出"),
                "{}",
                diagnostics[0].message
            );
            let row = |tables: &[Table]| {
                tables
                    .iter()
                    .find(|t| t.kind == "applications")
                    .and_then(|t| t.rows.iter().find(|r| r.id == "results.disclosed"))
                    .map(|r| r.values.clone())
                    .unwrap()
            };
            let (before, after) = (row(&lint(&linter, &text).1), row(&tables));
            assert_eq!(after.len(), 7, "{rendering:?}");
            for (index, (b, a)) in before.iter().zip(&after).enumerate() {
                if index != 1 {
                    assert_eq!(a.value, b.value, "{rendering:?}, column {index}");
                }
            }
        }
    }
}
