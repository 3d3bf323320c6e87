//! Stage 3: document tree → typed report (title, year, period, sections, tables, citations).

mod agencies;
mod citations;
mod contents;
mod doc_number;
mod documents;
mod foreign;
mod format;
mod layout;
mod outline;
mod page_source;
mod period;
mod run_in;
mod sections;
mod tables;
mod title;
mod year;

pub use agencies::AgencyKinds;
pub use citations::{
    fold_title, scan_title_marks, Citation, InnerMarks, InnerTitle, StrayMark, TitleMarks,
};
pub use contents::{find_contents, Contents, ContentsPart};
pub use doc_number::{
    find_coded_numbers, find_numbers, parse_number, CodedNumber, DecreeNumber, DocNumber, NumberKey,
};
pub use documents::{CitedDocument, Documents};
pub use foreign::ForeignTable;
pub use format::{heading_matches, Format, Formats, TableFormat};
pub use outline::OutdatedOutline;
pub use page_source::is_html_page;
pub use period::{days_in_month, find_period, Period, PeriodDate};
pub use sections::{find_sections, Section, Subsection};
pub use tables::{out_of_range, parse_value, CellValue, Number, Table, TableRow, Value};
pub use title::{find_named_report, find_title, Title};
pub use year::{year_in_text, YearSource};

use serde::Serialize;

use crate::extract::SourceKind;
use crate::pack::ids::{self, Need};
use crate::parse::Document;
use crate::span::{Span, Spanned};
use crate::Edition;

/// A report, read into typed parts that keep their spans.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The title, if one was found.
    pub title: Option<Title>,
    /// The report year.
    pub year: Option<Spanned<i32>>,
    /// Where the year came from.
    pub year_source: Option<YearSource>,
    /// The format edition the report is checked against.
    pub edition: Edition,
    /// The statistics period.
    pub period: Option<Period>,
    /// The text between the title and the first section.
    pub preamble: Span,
    /// The report as the opening text names it (`现公布某某局2023年政府信息公开
    /// 工作年度报告`), when no title line is found: a web page keeps its title
    /// in the page's header. Its agency stands for the title's.
    pub named: Option<Title>,
    /// The sentence listing the report's parts (`本报告由…六部分组成`), in
    /// the preamble or section 一.
    pub contents: Option<Contents>,
    /// The recognised sections, in document order.
    pub sections: Vec<Section>,
    /// The tables found.
    pub tables: Vec<Table>,
    /// Documents cited by title.
    pub citations: Vec<Citation>,
    /// Title marks without partners in their sentence (C005), in text order.
    pub stray_title_marks: Vec<StrayMark>,
    /// Tables whose section carries labels of an edition other than the
    /// one the report year calls for (copied from an old template, T005;
    /// the other table rules leave them alone).
    pub foreign_tables: Vec<ForeignTable>,
    /// The outline that preceded the format, when the report is written in
    /// it (its sections are then not those of the format: S010 says so
    /// once, and the rules on the format's sections and tables stay silent).
    pub outdated_outline: Option<OutdatedOutline>,
    /// The text is the HTML source of a web page, not report text (a text
    /// file's; [`crate::lint::Linter::analyze`] clears it for a page whose
    /// text was extracted).
    pub page_source: bool,
}

/// Bytes of text searched for the statistics period when no section is found.
const PERIOD_SCOPE_WITHOUT_SECTIONS: usize = 8192;

impl Report {
    /// The ids the model reads by name: the statistics period is looked
    /// for up to the end of section 一.
    pub const REQUIRES: &'static [Need] = &[Need::Section(ids::OVERVIEW)];

    /// Builds the report model. `edition` overrides the edition implied by
    /// the year (or, without a year, by the tables' labels). Lines of `doc`
    /// where a heading runs into other text are split first (see
    /// `model::run_in`).
    pub fn build(
        text: &str,
        doc: &mut Document,
        formats: &Formats,
        edition: Option<Edition>,
    ) -> Report {
        run_in::split_run_in_headings(text, doc, formats.get(Edition::E2021));
        let doc = &*doc;
        // Sections are recognised with the 2021 keys first; both editions share them.
        let provisional = find_sections(text, doc, formats.get(Edition::E2021), 0);
        let first_section = provisional
            .first()
            .map_or(doc.blocks.len(), |s| s.blocks.start - 1);
        let title = find_title(text, doc, first_section);
        let title_end = title.as_ref().map_or(0, |t| t.span.end());
        let preamble_end = provisional.first().map_or(
            floor_char_boundary(text, PERIOD_SCOPE_WITHOUT_SECTIONS.min(text.len())),
            |s| s.span.offset,
        );
        // The period stands in the preamble or early in section 一.
        let period_scope_end = match provisional.iter().find(|s| s.kind != ids::OVERVIEW) {
            Some(next) => next.span.offset,
            None => provisional.first().map_or(preamble_end, |s| {
                floor_char_boundary(
                    text,
                    (s.span.offset + PERIOD_SCOPE_WITHOUT_SECTIONS).min(text.len()),
                )
            }),
        }
        .max(preamble_end);
        let period = find_period(
            text,
            Span::from_range(title_end.min(period_scope_end), period_scope_end),
        );
        let from_title = title
            .as_ref()
            .and_then(|t| t.year.clone())
            .map(|y| (y, YearSource::Title));
        let from_period = || {
            let p = period.as_ref()?;
            Some((
                Spanned::new(p.start.year?, p.start.span),
                YearSource::Period,
            ))
        };
        let from_text = || {
            year_in_text(text, Span::from_range(0, period_scope_end)).map(|y| (y, YearSource::Text))
        };
        let (year, year_source) = from_title
            .or_else(from_period)
            .or_else(from_text)
            .map_or((None, None), |(y, source)| (Some(y), Some(source)));
        let edition = edition.unwrap_or_else(|| match &year {
            Some(year) => Edition::for_year(Some(year.value)),
            None => foreign::edition_of_tables(text, doc, formats, &provisional)
                .unwrap_or(Edition::for_year(None)),
        });
        let format = formats.get(edition);
        let sections = if edition == Edition::E2021 {
            provisional
        } else {
            find_sections(text, doc, format, 0)
        };
        let tables = tables::find_tables(text, doc, format, |kind| {
            sections
                .iter()
                .find(|s| s.kind == kind)
                .map(|s| s.blocks.clone())
        });
        let preamble_start = title.as_ref().map_or(0, |t| t.span.end());
        let preamble = Span::from_range(preamble_start.min(preamble_end), preamble_end);
        let named = title
            .is_none()
            .then(|| find_named_report(text, preamble))
            .flatten();
        let contents = find_contents(
            text,
            Span::from_range(preamble.offset.min(period_scope_end), period_scope_end),
            format,
        );
        let TitleMarks {
            citations,
            stray: stray_title_marks,
        } = scan_title_marks(text);
        let foreign_tables = foreign::find_foreign_tables(
            text,
            doc,
            formats,
            edition,
            year.as_ref().map(|y| y.value),
            &sections,
        );
        let outdated_outline = outline::find_outdated_outline(text, doc, format, &sections);
        Report {
            title,
            year,
            year_source,
            edition,
            period,
            preamble,
            named,
            contents,
            sections,
            tables,
            citations,
            stray_title_marks,
            foreign_tables,
            outdated_outline,
            page_source: is_html_page(text),
        }
    }

    /// Whether the text, extracted from an input of `kind`, is a report at
    /// all: it has a title, a statistics period or at least one of the
    /// sections, and is not web-page source (whose headings are hidden in
    /// markup). On a web page a title alone does not make a report: a list
    /// of reports, or a page that only links to the report's attachment,
    /// shows titles too. Only rules that opt in run on a text that is not.
    pub fn is_report(&self, kind: SourceKind) -> bool {
        let has_body = !self.sections.is_empty() || self.period.is_some();
        !self.page_source
            && match kind {
                SourceKind::Html => has_body,
                _ => has_body || self.title.is_some(),
            }
    }

    /// The agency the report is of: its title's, else the one its opening
    /// text names.
    pub fn agency(&self) -> Option<&Spanned<String>> {
        self.title
            .as_ref()
            .or(self.named.as_ref())
            .and_then(|t| t.agency.as_ref())
    }

    /// The section of `kind`, if present.
    pub fn section(&self, kind: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// The other edition's labels in the section of the table of `kind`, if any.
    pub fn foreign_table(&self, kind: &str) -> Option<&ForeignTable> {
        self.foreign_tables.iter().find(|t| t.table == kind)
    }

    /// The table of `kind`, if found.
    pub fn table(&self, kind: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.kind == kind)
    }

    /// The report year's value.
    pub fn year_value(&self) -> Option<i32> {
        self.year.as_ref().map(|y| y.value)
    }

    /// The count in a cell of `table` (row and column ids) of the report
    /// whose text is `text`, when it can be read by its column: a whole
    /// number in a row with all its cells and none extra (a row with cells
    /// lost or added puts numbers under the wrong headings), not cut off
    /// at the end of the text.
    pub fn count(&self, text: &str, table: &str, row: &str, column: &str) -> Option<u64> {
        let row = self.table(table)?.rows.iter().find(|r| r.id == row)?;
        if row.values.len() != row.expected || !row.extra.is_empty() {
            return None;
        }
        let cell = row.values.iter().find(|v| v.column == column)?;
        match cell.value {
            Value::Integer(n) if !cut_off_at(text, cell.span.end()) => n.to_u64(),
            _ => None,
        }
    }
}

/// Whether `text` stops at `end` without a line break (but for spaces and
/// pipes): what precedes may have been cut in half (`62` → `6`), as in
/// excerpts of published reports.
pub fn cut_off_at(text: &str, end: usize) -> bool {
    // `all` stops at the first other character, which is nearly always at
    // once; only a real cut-off scans to the end.
    text.get(end..).is_some_and(|rest| {
        rest.chars().all(|c| c.is_whitespace() || c == '|') && !rest.contains(['\n', '\r'])
    })
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
