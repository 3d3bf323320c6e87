//! The facts of one report that the cross-file rules compare: its agency
//! and year, a few table rows, a digest of two tables, and fingerprints of
//! its prose. Read from the model in the parallel pass, with every place
//! another file's finding may point at already resolved, so that the report
//! itself need not be kept: a few kilobytes per report.

use crate::location::Location;
use crate::model::{Format, Number, Report, TableRow, Value};
use crate::pack::ids;
use crate::parse::{BlockKind, Document};
use crate::source::SourceFile;
use crate::span::Span;
use crate::Edition;

use super::mask::{mask, Names};
use super::passages::Passage;
use super::shingles::{winnow, Fingerprint, K};

/// A place in a report, resolved: line and column of the original, and the
/// paragraph, cell or page of a structured one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// 1-based line.
    pub line: u32,
    /// 1-based character column.
    pub column: u32,
    /// Where it is in a structured original, when the extractor knows.
    pub location: Option<Location>,
}

impl Point {
    /// The place of byte `offset` of `source`'s text.
    pub fn at(source: &SourceFile, offset: usize) -> Point {
        let position = source.position(offset.min(source.text.len()));
        Point {
            line: u32::try_from(position.line).unwrap_or(u32::MAX),
            column: u32::try_from(position.column).unwrap_or(u32::MAX),
            location: source.location(offset).cloned(),
        }
    }
}

/// One value cell of a table row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The column's id.
    pub column: String,
    /// The figure (a blank cell is 0); `None` when it is no number, or may
    /// have been cut off at the end of an excerpt.
    pub value: Option<Number>,
    /// The cell's text.
    pub span: Span,
    /// Where it is.
    pub point: Point,
}

/// A table row the rules compare with another year's.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The table's kind.
    pub table: &'static str,
    /// The row's id.
    pub id: &'static str,
    /// Its value cells, in column order.
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell of column `id`.
    pub fn cell(&self, id: &str) -> Option<&Cell> {
        self.cells.iter().find(|c| c.column == id)
    }
}

/// A digest of a whole table: equal digests mean equal figures, cell by cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The table's kind.
    pub table: &'static str,
    /// A hash of every value, by row and column.
    pub hash: u64,
    /// Cells that are not zero.
    pub nonzero: u32,
    /// Cells that are not zero and count what happened in the year: not a
    /// stock carried from year to year (现行有效件数), nor a total of others.
    pub events: u32,
    /// The first such cell.
    pub first: Option<Cell>,
}

/// Where a paragraph of a section is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Byte offset of its first character.
    pub start: u32,
    /// Byte offset just past its last.
    pub end: u32,
    /// Index of its first character in the masked text of the section.
    pub at: u32,
    /// Its length in masked characters.
    pub chars: u32,
    /// The place of its start.
    pub point: Point,
}

/// A passage two reports share, as a finding shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shared {
    /// Its text in this report, up to the end of its first paragraph.
    pub span: Span,
    /// Its length in masked characters.
    pub chars: u32,
    /// Byte offset of its start in the other report.
    pub other: u32,
}

/// The fingerprints of a prose section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prose {
    /// The section's kind.
    pub kind: &'static str,
    /// Characters of masked text (its length to compare).
    pub chars: u32,
    /// Its fingerprints, in text order.
    pub fingerprints: Vec<Fingerprint>,
    /// Its paragraphs' starts, in text order.
    pub anchors: Vec<Anchor>,
}

impl Prose {
    /// The paragraph holding byte `offset`.
    pub fn paragraph(&self, offset: u32) -> Option<&Anchor> {
        let index = self.anchors.partition_point(|a| a.start <= offset);
        self.anchors.get(index.checked_sub(1)?)
    }

    /// The passage `passage` that this section shares with `theirs`: from
    /// its first fingerprint to the end of its last, widened to the start
    /// (end) of the paragraph where, in both texts, no fingerprint comes
    /// before (after) it in the paragraph and its first (last) fingerprint
    /// stands as far from the paragraph's start (end) — so that a copied
    /// paragraph is shown, and counted, whole.
    pub fn shared(&self, theirs: &Prose, passage: &Passage) -> Option<Shared> {
        let span = passage.last.checked_sub(passage.first)?;
        let (a_first, a_last) = (
            self.fingerprints.get(passage.first)?,
            self.fingerprints.get(passage.last)?,
        );
        let (b_first, b_last) = (
            theirs.fingerprints.get(passage.other_first)?,
            theirs.fingerprints.get(passage.other_first + span)?,
        );
        let (pa, pb) = (
            self.paragraph(a_first.start)?,
            theirs.paragraph(b_first.start)?,
        );
        let opens = |prose: &Prose, index: usize, paragraph: &Anchor| {
            index
                .checked_sub(1)
                .and_then(|before| prose.fingerprints.get(before))
                .is_none_or(|before| before.start < paragraph.start)
        };
        let leads = opens(self, passage.first, pa)
            && opens(theirs, passage.other_first, pb)
            && a_first.at.checked_sub(pa.at) == b_first.at.checked_sub(pb.at);
        let (start, start_at, other) = if leads {
            (pa.start, pa.at, pb.start)
        } else {
            (a_first.start, a_first.at, b_first.start)
        };
        let (qa, qb) = (
            self.paragraph(a_last.start)?,
            theirs.paragraph(b_last.start)?,
        );
        let closes = |prose: &Prose, index: usize, paragraph: &Anchor| {
            prose
                .fingerprints
                .get(index + 1)
                .is_none_or(|next| next.start >= paragraph.end)
        };
        let tail = |fingerprint: &Fingerprint, paragraph: &Anchor| {
            (paragraph.at + paragraph.chars).saturating_sub(fingerprint.at + K as u32)
        };
        let trails = closes(self, passage.last, qa)
            && closes(theirs, passage.other_first + span, qb)
            && tail(a_last, qa) == tail(b_last, qb);
        let (end, end_at) = if trails {
            (qa.end, qa.at + qa.chars)
        } else {
            (a_last.end, a_last.at + K as u32)
        };
        Some(Shared {
            span: Span::from_range(start as usize, end.min(pa.end) as usize),
            chars: end_at.saturating_sub(start_at),
            other,
        })
    }
}

/// Everything the cross-file rules know of one report.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The agency, as the title names it.
    pub agency: Option<String>,
    /// The report year.
    pub year: Option<i32>,
    /// The format edition it was read in.
    pub edition: Edition,
    /// The rows compared across years, those found.
    pub rows: Vec<Row>,
    /// Digests of the tables compared whole, those read completely.
    pub grids: Vec<Grid>,
    /// Fingerprints of the prose sections, those found.
    pub prose: Vec<Prose>,
}

/// The rows compared across years: carry-over (Y001) and the stock of
/// documents (Y002).
const ROWS: [(&str, &str); 4] = [
    (ids::APPLICATIONS, ids::CARRIED_OVER),
    (ids::APPLICATIONS, ids::CARRIED_FORWARD),
    (ids::ACTIVE_DISCLOSURE, ids::REGULATIONS),
    (ids::ACTIVE_DISCLOSURE, ids::NORMATIVE_DOCUMENTS),
];

/// The tables compared whole (Y004).
const GRIDS: [&str; 2] = [ids::ACTIVE_DISCLOSURE, ids::APPLICATIONS];

/// The prose sections compared (Y003, Y005): 一 and 五. Section 六 is
/// left out: most reports fill it with the same line every year and every
/// agency does (`本年度未收取信息处理费`).
pub const PROSE: [&str; 2] = [ids::OVERVIEW, ids::PROBLEMS];

/// Columns whose figure is no event of the year: stocks carried from year
/// to year (2021's 现行有效件数; 2019's 对外公开总数量 and 上一年项目数量) and totals.
const NOT_EVENTS: [&str; 7] = [
    ids::IN_FORCE,
    "total_published",
    "last_year",
    ids::TOTAL,
    ids::REVIEW_TOTAL,
    ids::DIRECT_TOTAL,
    ids::AFTER_REVIEW_TOTAL,
];

/// The row of totals of the applications table.
const RESULTS_TOTAL: &str = "results.total";

impl Facts {
    /// Reads the facts of a report.
    pub fn of(source: &SourceFile, doc: &Document, report: &Report, format: &Format) -> Facts {
        let agency = report
            .title
            .as_ref()
            .and_then(|t| t.agency.as_ref())
            .map(|a| a.value.clone());
        let names = agency.as_deref().map(Names::of).unwrap_or_default();
        let reader = Reader { source };
        Facts {
            year: report.year_value(),
            edition: report.edition,
            rows: ROWS
                .iter()
                .filter_map(|&(table, id)| reader.row(report, table, id))
                .collect(),
            grids: GRIDS
                .iter()
                .filter_map(|&table| reader.grid(report, format, table))
                .collect(),
            prose: PROSE
                .iter()
                .filter_map(|&kind| reader.prose(doc, report, kind, &names))
                .collect(),
            agency,
        }
    }

    /// The row `id` of table `table`, if found.
    pub fn row(&self, table: &str, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.table == table && r.id == id)
    }

    /// The digest of table `table`, if it was read completely.
    pub fn grid(&self, table: &str) -> Option<&Grid> {
        self.grids.iter().find(|g| g.table == table)
    }

    /// The fingerprints of the section `kind`, if found.
    pub fn prose(&self, kind: &str) -> Option<&Prose> {
        self.prose.iter().find(|p| p.kind == kind)
    }
}

/// Reads facts out of one source.
struct Reader<'s> {
    source: &'s SourceFile,
}

impl Reader<'_> {
    /// A cell's figure, unless the text stops right after it (an excerpt
    /// cut there may have cut the figure too).
    fn value(&self, value: &Value, span: Span) -> Option<Number> {
        let text = &self.source.text;
        let cut = text.get(span.end()..).is_some_and(|rest| {
            rest.chars().all(|c| c.is_whitespace() || c == '|') && !rest.contains(['\n', '\r'])
        });
        if cut {
            None
        } else {
            value.number()
        }
    }

    fn cell(&self, column: &str, value: &Value, span: Span) -> Cell {
        Cell {
            column: column.to_owned(),
            value: self.value(value, span),
            span,
            point: Point::at(self.source, span.offset),
        }
    }

    fn row(&self, report: &Report, table: &'static str, id: &'static str) -> Option<Row> {
        let row = report.table(table)?.rows.iter().find(|r| r.id == id)?;
        Some(Row {
            table,
            id,
            cells: row
                .values
                .iter()
                .map(|v| self.cell(&v.column, &v.value, v.span))
                .collect(),
        })
    }

    fn grid(&self, report: &Report, format: &Format, kind: &'static str) -> Option<Grid> {
        let table = report.table(kind)?;
        let spec = &format.tables.iter().find(|t| t.spec.kind == kind)?.spec;
        let value_rows = spec.rows.iter().filter(|r| !r.group);
        let mut hash = Digest::default();
        let (mut nonzero, mut events, mut first) = (0, 0, None);
        for row_spec in value_rows {
            let row: &TableRow = table.rows.iter().find(|r| r.id == row_spec.id.as_str())?;
            if row.values.len() != row.expected {
                return None;
            }
            hash.add(&row.id);
            for cell in &row.values {
                let text = match &cell.value {
                    Value::Text(text) => text.clone(),
                    value => self.value(value, cell.span)?.to_string(),
                };
                hash.add(&cell.column);
                hash.add(&text);
                if matches!(cell.value.number(), Some(n) if n.is_zero()) {
                    continue;
                }
                nonzero += 1;
                let event = !NOT_EVENTS.contains(&cell.column.as_str()) && row.id != RESULTS_TOTAL;
                if event {
                    events += 1;
                    first.get_or_insert_with(|| self.cell(&cell.column, &cell.value, cell.span));
                }
            }
        }
        Some(Grid {
            table: kind,
            hash: hash.0,
            nonzero,
            events,
            first,
        })
    }

    fn prose(
        &self,
        doc: &Document,
        report: &Report,
        kind: &'static str,
        names: &Names,
    ) -> Option<Prose> {
        let section = report.section(kind)?;
        let text = &self.source.text;
        let (mut chars, mut fingerprints, mut anchors) = (0u32, Vec::new(), Vec::new());
        let mut masked = Vec::new();
        for block in doc.blocks.get(section.blocks.clone())? {
            let span = match block.kind {
                BlockKind::Paragraph => block.span,
                // `(一)主动公开情况 本单位…`: the text run into a subheading.
                BlockKind::SubsectionHeading(_) => match run_in_text(block.span.slice(text)) {
                    Some(at) => Span::from_range(block.span.offset + at, block.span.end()),
                    None => continue,
                },
                _ => continue,
            };
            masked.clear();
            mask(text, span, names, &mut masked);
            let (Some(first), Some(last)) = (masked.first(), masked.last()) else {
                continue;
            };
            let length = u32::try_from(masked.len()).unwrap_or(u32::MAX);
            anchors.push(Anchor {
                start: first.start,
                end: last.end,
                at: chars,
                chars: length,
                point: Point::at(self.source, first.start as usize),
            });
            winnow(&masked, chars, &mut fingerprints);
            chars = chars.saturating_add(length);
        }
        Some(Prose {
            kind,
            chars,
            fingerprints,
            anchors,
        })
    }
}

/// Where the text run into a subheading line starts (`(一)主动公开情况
/// 本单位…`): after the numeral, the heading's name and the white space
/// after it; `None` for a heading alone on its line.
fn run_in_text(line: &str) -> Option<usize> {
    let numeral_end = line.find([')', '）']).map_or(0, |i| {
        i + line[i..].chars().next().map_or(1, char::len_utf8)
    });
    let name_start =
        numeral_end + (line[numeral_end..].len() - line[numeral_end..].trim_start().len());
    let name_end = name_start + line[name_start..].find(char::is_whitespace)?;
    let rest = &line[name_end..];
    let text_start = name_end + (rest.len() - rest.trim_start().len());
    (text_start < line.trim_end().len()).then_some(text_start)
}

/// FNV-1a over the parts of a table, each ended by a byte no text has.
struct Digest(u64);

impl Default for Digest {
    fn default() -> Self {
        Digest(0xcbf2_9ce4_8422_2325)
    }
}

impl Digest {
    fn add(&mut self, part: &str) {
        for byte in part.bytes().chain(std::iter::once(0xff)) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}
