//! Tables filled in on another edition's template: cells of a table's
//! section that carry labels only another edition of the format has.

use serde::Serialize;

use super::format::Formats;
use super::sections::Section;
use crate::normalize::canon;
use crate::parse::Document;
use crate::span::Spanned;
use crate::Edition;

/// A table of the report whose section carries another edition's labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForeignTable {
    /// The table kind.
    pub table: String,
    /// The edition the report year calls for.
    pub expected: Edition,
    /// The edition the labels belong to.
    pub edition: Edition,
    /// The cells that carry them, in text order.
    pub labels: Vec<Spanned<String>>,
}

/// For each table of the report's edition (in the order of its format), the
/// cells of its section with labels that only another edition has than the
/// one `year` calls for. Nothing without a year.
pub(super) fn find_foreign_tables(
    text: &str,
    doc: &Document,
    formats: &Formats,
    edition: Edition,
    year: Option<i32>,
    sections: &[Section],
) -> Vec<ForeignTable> {
    let Some(year) = year else {
        return Vec::new();
    };
    let expected = Edition::for_year(Some(year));
    foreign_tables(text, doc, formats, edition, expected, sections)
}

/// For a report that states no year, the edition its tables' labels belong
/// to when they are another's than the edition assumed without a year (a
/// 2019 table is read as one, not as 2021 rows), if any.
pub(super) fn edition_of_tables(
    text: &str,
    doc: &Document,
    formats: &Formats,
    sections: &[Section],
) -> Option<Edition> {
    let assumed = Edition::for_year(None);
    foreign_tables(text, doc, formats, assumed, assumed, sections)
        .first()
        .map(|table| table.edition)
}

/// The tables of `edition` whose sections carry labels only an edition
/// other than `expected` has.
fn foreign_tables(
    text: &str,
    doc: &Document,
    formats: &Formats,
    edition: Edition,
    expected: Edition,
    sections: &[Section],
) -> Vec<ForeignTable> {
    let mut found = Vec::new();
    for spec in formats.get(edition).tables.iter().map(|t| &t.spec) {
        let Some(section) = sections.iter().find(|s| s.kind == spec.section.as_str()) else {
            continue;
        };
        for other in expected.others() {
            let Some(foreign) = formats.only_in(other, expected).get(spec.kind.as_str()) else {
                continue;
            };
            if foreign.is_empty() {
                continue;
            }
            let labels: Vec<Spanned<String>> = doc.blocks[section.blocks.clone()]
                .iter()
                .flat_map(|block| doc.cells(text, block))
                .filter(|cell| {
                    let folded = canon(cell.span.slice(text));
                    foreign.iter().any(|l| folded.starts_with(l.as_str()))
                })
                .map(|cell| Spanned::new(cell.span.slice(text).to_owned(), cell.span))
                .collect();
            if !labels.is_empty() {
                found.push(ForeignTable {
                    table: spec.kind.to_string(),
                    expected,
                    edition: other,
                    labels,
                });
                break;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::{Edition, LintOptions, Linter, SourceFile};

    #[test]
    fn a_table_on_the_other_editions_template_is_found_once_in_the_model() {
        let clean = include_str!("../../examples/reports/clean-2024.txt");
        let linter = Linter::new(LintOptions::default());
        let model = |text: &str| linter.analyze(&SourceFile::from_text("r.txt", text)).report;
        assert_eq!(model(clean).foreign_tables, []);
        let old = clean
            .replacen("本年制发件数", "本年新制作数量", 1)
            .replacen("本年废止件数", "本年新公开数量", 1);
        let report = model(&old);
        let [foreign] = &report.foreign_tables[..] else {
            panic!("{:?}", report.foreign_tables);
        };
        assert_eq!(
            (foreign.table.as_str(), foreign.expected, foreign.edition),
            ("active_disclosure", Edition::E2021, Edition::E2019)
        );
        let labels: Vec<&str> = foreign.labels.iter().map(|l| l.value.as_str()).collect();
        assert_eq!(labels, ["本年新制作数量", "本年新公开数量"]);
        assert_eq!(labels[0], foreign.labels[0].span.slice(&old));
        assert!(report.foreign_table("active_disclosure").is_some());
        assert!(report.foreign_table("applications").is_none());
    }

    #[test]
    fn a_report_without_a_year_is_read_in_the_edition_of_its_tables() {
        let clean = include_str!("../../examples/reports/clean-2024.txt");
        let linter = Linter::new(LintOptions::default());
        let model = |text: &str| linter.analyze(&SourceFile::from_text("r.txt", text)).report;
        let undated = clean
            .replacen("2024年政府信息公开", "政府信息公开", 1)
            .replacen("所列数据统计期限为2024年1月1日至2024年12月31日。", "", 1);
        let report = model(&undated);
        assert_eq!(
            (report.year_value(), report.edition),
            (None, Edition::E2021)
        );
        let old = undated.replacen("本年制发件数", "本年新制作数量", 1);
        let report = model(&old);
        assert_eq!(
            (report.year_value(), report.edition),
            (None, Edition::E2019)
        );
        assert_eq!(report.foreign_tables, []);
    }
}
