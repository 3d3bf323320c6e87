//! Where a finding is, in terms a reader of the original document uses.
//!
//! Line and column are enough for a text file or a web page's source, but a
//! Word user finds a place by its paragraph or its table cell, and a PDF
//! reader by its page. An extractor that knows such places records them as
//! [`Region`]s of the extracted text; renderers show the [`Location`] of a
//! diagnostic's primary span beside its line and column, and JSON carries it
//! as the `location` field.

use std::fmt;

use serde::Serialize;

use crate::{tr, Lang};

/// A place in a structured document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Location {
    /// A paragraph outside tables: its 1-based number among the document's
    /// paragraphs (in document order, table-cell paragraphs counted too) and
    /// its first words.
    Paragraph {
        /// 1-based paragraph number.
        paragraph: usize,
        /// The paragraph's first words (at most 12 characters).
        excerpt: String,
    },
    /// A table cell, counted on the grid after merged cells are expanded.
    Cell {
        /// 1-based table number in the document.
        table: usize,
        /// 1-based row.
        row: usize,
        /// 1-based column.
        column: usize,
    },
    /// A line of a page (a PDF's text layer).
    Page {
        /// 1-based page.
        page: usize,
        /// 1-based line on the page.
        line: usize,
    },
}

impl Location {
    /// The location as a reader says it, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Location::Paragraph { paragraph, excerpt } => tr!(
                lang,
                "第 {} 段（“{}”）",
                "paragraph {} (“{}”)",
                paragraph,
                excerpt
            ),
            Location::Cell { table, row, column } => tr!(
                lang,
                "表{} 第{}行 第{}列",
                "table {}, row {}, column {}",
                table,
                row,
                column
            ),
            Location::Page { page, line } => {
                tr!(lang, "第 {} 页 第 {} 行", "page {}, line {}", page, line)
            }
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::Zh))
    }
}

/// A range of the extracted text that stands at one [`Location`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// Byte offset where the range starts in the extracted text.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// Where it is in the document.
    pub location: Location,
}

/// The regions of an extracted text, sorted by start and not overlapping.
#[derive(Debug, Clone, Default)]
pub struct Regions(Vec<Region>);

impl Regions {
    /// Regions from a list in any order; one overlapping a region before it
    /// is dropped.
    pub fn new(mut regions: Vec<Region>) -> Regions {
        regions.sort_by_key(|region| region.start);
        let mut end = 0;
        regions.retain(|region| {
            let keep = region.start >= end && region.end >= region.start;
            if keep {
                end = region.end;
            }
            keep
        });
        Regions(regions)
    }

    /// The location of text offset `offset`: the region containing it, or
    /// (for the generated separator right after a region) the region it ends.
    pub fn at(&self, offset: usize) -> Option<&Location> {
        let index = self.0.partition_point(|region| region.start <= offset);
        let region = self.0.get(index.checked_sub(1)?)?;
        (offset <= region.end).then_some(&region.location)
    }

    /// Whether there are no regions (every plain-text input).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(row: usize) -> Location {
        Location::Cell {
            table: 1,
            row,
            column: 2,
        }
    }

    #[test]
    fn an_offset_has_the_location_of_the_region_holding_it() {
        let regions = Regions::new(vec![
            Region {
                start: 10,
                end: 20,
                location: cell(2),
            },
            Region {
                start: 0,
                end: 5,
                location: cell(1),
            },
        ]);
        assert_eq!(regions.at(0), Some(&cell(1)));
        assert_eq!(regions.at(5), Some(&cell(1)));
        assert_eq!(regions.at(7), None);
        assert_eq!(regions.at(15), Some(&cell(2)));
        assert_eq!(regions.at(21), None);
    }

    #[test]
    fn locations_read_in_both_languages() {
        assert_eq!(cell(3).describe(Lang::Zh), "表1 第3行 第2列");
        assert_eq!(cell(3).describe(Lang::En), "table 1, row 3, column 2");
        let paragraph = Location::Paragraph {
            paragraph: 4,
            excerpt: "一、总体情况".into(),
        };
        assert_eq!(paragraph.describe(Lang::Zh), "第 4 段（“一、总体情况”）");
        let json = serde_json::to_string(&paragraph).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"paragraph","paragraph":4,"excerpt":"一、总体情况"}"#
        );
    }
}
