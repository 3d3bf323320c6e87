//! From the text the rules read back to the file the user has.
//!
//! An extractor (see [`crate::extract`]) turns an input into the text the
//! grammar reads. For plain text that text *is* the file (decoded), and the
//! map is the identity. For a structured input (a web page, a Word document)
//! the text is assembled from runs of the original — the text of an element,
//! a cell, a paragraph — with generated separators in between; the map keeps,
//! for each run, where it stands in the original, so that every diagnostic is
//! reported at a position in the original and a fix is mapped back, or
//! refused when it does not fall inside one run.

use crate::line_index::{LineIndex, Position};
use crate::span::Span;

/// A run of the extracted text copied verbatim from the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Byte offset of the run in the extracted text.
    pub text: usize,
    /// Byte offset of the run in the original.
    pub original: usize,
    /// Length of the run in bytes (the same in both).
    pub len: usize,
}

/// The original text of a non-identity input, with its line index.
#[derive(Debug, Clone)]
pub struct Original {
    /// The original, decoded (e.g. the HTML source of a page).
    pub text: String,
    /// Line starts of `text`.
    pub lines: LineIndex,
}

/// Maps byte offsets of the extracted text to byte offsets of the original.
#[derive(Debug, Clone, Default)]
pub enum SourceMap {
    /// The extracted text is the original (plain text and Markdown).
    #[default]
    Identity,
    /// The extracted text is made of verbatim runs of `original`.
    Pieces {
        /// The original.
        original: Box<Original>,
        /// The runs, in text order, not overlapping.
        pieces: Vec<Piece>,
    },
}

impl SourceMap {
    /// A map for text assembled from `pieces` of `original` (sorted by their
    /// text offset; unsorted or overlapping pieces are dropped).
    pub fn from_pieces(original: String, mut pieces: Vec<Piece>) -> SourceMap {
        pieces.sort_by_key(|piece| piece.text);
        let mut end = 0;
        pieces.retain(|piece| {
            let keep =
                piece.text >= end && piece.original.saturating_add(piece.len) <= original.len();
            if keep {
                end = piece.text + piece.len;
            }
            keep
        });
        let lines = LineIndex::new(&original);
        SourceMap::Pieces {
            original: Box::new(Original {
                text: original,
                lines,
            }),
            pieces,
        }
    }

    /// Whether the extracted text is the original.
    pub fn is_identity(&self) -> bool {
        matches!(self, SourceMap::Identity)
    }

    /// The original, when it differs from the extracted text.
    pub fn original(&self) -> Option<&Original> {
        match self {
            SourceMap::Identity => None,
            SourceMap::Pieces { original, .. } => Some(original),
        }
    }

    /// The offset in the original of text offset `offset`. Inside a run it
    /// maps exactly; in generated text between runs, to the end of the run
    /// before (or the start of the first run).
    pub fn to_original(&self, offset: usize) -> usize {
        let SourceMap::Pieces { pieces, .. } = self else {
            return offset;
        };
        let index = pieces.partition_point(|piece| piece.text <= offset);
        match index.checked_sub(1).map(|i| pieces[i]) {
            Some(piece) => piece.original + (offset - piece.text).min(piece.len),
            None => pieces.first().map_or(0, |piece| piece.original),
        }
    }

    /// The span in the original that `span` of the text covers exactly, when
    /// it lies inside one run (a fix can be written back there); else `None`.
    pub fn span_to_original(&self, span: Span) -> Option<Span> {
        let SourceMap::Pieces { pieces, .. } = self else {
            return Some(span);
        };
        let index = pieces.partition_point(|piece| piece.text <= span.offset);
        let piece = pieces.get(index.checked_sub(1)?)?;
        (span.end() <= piece.text + piece.len)
            .then(|| Span::new(piece.original + (span.offset - piece.text), span.len))
    }

    /// The 1-based position in the original of text offset `offset`, or
    /// `None` for the identity (the caller uses the text's own index).
    pub fn original_position(&self, offset: usize) -> Option<Position> {
        let original = self.original()?;
        Some(
            original
                .lines
                .position(&original.text, self.to_original(offset)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `<p>总体情况</p>\n<p>二、主动</p>` read as `总体情况\n二、主动`.
    fn page() -> (String, SourceMap) {
        let original = "<p>总体情况</p>\n<p>二、主动</p>".to_owned();
        let first = original.find("总体").unwrap();
        let second = original.find("二、").unwrap();
        let text = "总体情况\n二、主动".to_owned();
        let pieces = vec![
            Piece {
                text: 0,
                original: first,
                len: "总体情况".len(),
            },
            Piece {
                text: text.find("二、").unwrap(),
                original: second,
                len: "二、主动".len(),
            },
        ];
        (text, SourceMap::from_pieces(original, pieces))
    }

    #[test]
    fn identity_maps_every_offset_to_itself() {
        let map = SourceMap::Identity;
        assert!(map.is_identity());
        assert_eq!(map.to_original(17), 17);
        assert_eq!(map.span_to_original(Span::new(3, 4)), Some(Span::new(3, 4)));
        assert_eq!(map.original_position(3), None);
    }

    #[test]
    fn runs_map_exactly_and_separators_to_the_run_before() {
        let (text, map) = page();
        let original = &map.original().unwrap().text;
        let at = text.find("主动").unwrap();
        assert_eq!(&original[map.to_original(at)..][..6], "主动");
        // The generated line break maps to the end of the first run.
        let newline = text.find('\n').unwrap();
        assert_eq!(map.to_original(newline), original.find("</p>").unwrap());
        let position = map.original_position(at).unwrap();
        assert_eq!((position.line, position.column), (2, 6));
    }

    #[test]
    fn a_span_inside_one_run_maps_back_and_one_across_runs_does_not() {
        let (text, map) = page();
        let original = map.original().unwrap().text.clone();
        let inside = Span::new(text.find("情况").unwrap(), "情况".len());
        let back = map.span_to_original(inside).unwrap();
        assert_eq!(back.slice(&original), "情况");
        let across = Span::from_range(text.find("情况").unwrap(), text.find("主动").unwrap());
        assert_eq!(map.span_to_original(across), None);
    }

    #[test]
    fn overlapping_or_out_of_range_pieces_are_dropped() {
        let map = SourceMap::from_pieces(
            "abcdef".into(),
            vec![
                Piece {
                    text: 0,
                    original: 0,
                    len: 3,
                },
                Piece {
                    text: 2,
                    original: 3,
                    len: 2,
                },
                Piece {
                    text: 5,
                    original: 5,
                    len: 9,
                },
            ],
        );
        let SourceMap::Pieces { pieces, .. } = &map else {
            panic!("a piece map");
        };
        assert_eq!(pieces.len(), 1);
    }
}
