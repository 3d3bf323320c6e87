//! Where in `word/document.xml` a finding's comment starts and ends.
//!
//! A diagnostic's span is in the extracted text; the source map takes it to
//! the original (one paragraph per line), and the original's lines keep,
//! for each segment, the `w:t` it was read from ([`Origin`]). A place inside
//! a `w:t` splits its run there; a place at the start (end) of a run's
//! first (last) text goes before (after) the whole run. A span that starts
//! or ends on generated text (a list numeral, a table's pipes) moves onto
//! the nearest document text inside it; one with no document text is a
//! point at the start of its paragraph. Text in a text box takes no
//! comment: its findings go to the start of the paragraph holding the box.
//! A finding with no place in the text goes to the start of the document.

use crate::extract::docx::body::Origin;
use crate::extract::docx::layout::{Line, Placed};
use crate::source::SourceFile;
use crate::source_map::SourceMap;
use crate::span::Span;

/// A place in the document part where markup can be inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Site {
    /// Between elements, at this byte offset.
    Between(usize),
    /// Inside the content of a `w:t`, at this byte offset: the run is split.
    Inside {
        /// The byte offset in the part.
        at: usize,
        /// The run's `w:rPr`, copied into the second half.
        properties: Option<(usize, usize)>,
    },
}

impl Site {
    /// The byte offset in the part.
    pub(crate) fn offset(self) -> usize {
        match self {
            Site::Between(at) | Site::Inside { at, .. } => at,
        }
    }
}

/// The range of the original a span of the text covers, moved onto the
/// verbatim runs inside it; `None` when it covers none.
pub(crate) fn original_range(source: &SourceFile, span: Span) -> Option<(usize, usize)> {
    let SourceMap::Pieces { pieces, .. } = &source.map else {
        return Some((span.offset, span.end()));
    };
    let first = pieces.partition_point(|p| p.text + p.len <= span.offset);
    let overlapping = pieces[first..]
        .iter()
        .take_while(|p| p.text < span.end() || (span.len == 0 && p.text <= span.offset));
    let mut range: Option<(usize, usize)> = None;
    for piece in overlapping {
        let start = piece.original + span.offset.saturating_sub(piece.text).min(piece.len);
        let end = piece.original + (span.end().saturating_sub(piece.text)).min(piece.len);
        range = Some(match range {
            None => (start, end),
            Some((s, _)) => (s, end),
        });
        if span.len == 0 {
            break;
        }
    }
    range
}

/// The lines of the original and where the document's content starts.
pub(crate) struct Anchors<'a> {
    xml: &'a str,
    original: &'a str,
    lines: &'a [Line],
    /// The first place a comment can go: the start of the first paragraph
    /// outside text boxes.
    document_start: Option<usize>,
}

impl<'a> Anchors<'a> {
    /// Anchors into part `xml`, whose original `original` has `lines`.
    pub(crate) fn new(xml: &'a str, original: &'a str, lines: &'a [Line]) -> Anchors<'a> {
        let document_start = lines.iter().find_map(|line| line.content_start);
        Anchors {
            xml,
            original,
            lines,
            document_start,
        }
    }

    /// The start of the document, where findings with no place go.
    pub(crate) fn document_start(&self) -> Option<Site> {
        self.document_start.map(Site::Between)
    }

    /// The sites where a comment on original range `start..end` starts and
    /// ends.
    pub(crate) fn sites(&self, start: usize, end: usize) -> Option<(Site, Site)> {
        let first = self.start_site(start, end);
        let last = if end > start {
            self.end_site(start, end)
        } else {
            first
        };
        match (first, last) {
            (Some(first), Some(last)) if last.offset() >= first.offset() => Some((first, last)),
            (Some(first), _) => Some((first, first)),
            (None, Some(last)) => Some((last, last)),
            (None, None) => self.document_start().map(|site| (site, site)),
        }
    }

    fn line_of(&self, offset: usize) -> Option<&'a Line> {
        let index = self.lines.partition_point(|line| line.start <= offset);
        self.lines.get(index.checked_sub(1)?)
    }

    /// How many characters of segment `placed` come before original offset
    /// `upto`.
    fn chars_before(&self, placed: &Placed, upto: usize) -> usize {
        let upto = upto.clamp(placed.start, placed.start + placed.len);
        self.original
            .get(placed.start..upto)
            .map_or(0, |text| text.chars().count())
    }

    /// Where a comment starting at original offset `start` (and ending by
    /// `end`) starts: in the first document text at or after it.
    fn start_site(&self, start: usize, end: usize) -> Option<Site> {
        let line = self.line_of(start)?;
        let limit = end.max(start + 1);
        for placed in &line.segments {
            if placed.start + placed.len <= start || placed.start >= limit {
                continue;
            }
            if let Some(origin) = placed.origin.filter(|o| o.annotatable) {
                let chars = self.chars_before(placed, start);
                return Some(self.inside(origin, chars, true));
            }
        }
        if start == end {
            // A point: after the text before it, or the paragraph's start.
            let before = line
                .segments
                .iter()
                .rev()
                .filter(|p| p.start + p.len <= start)
                .find_map(|p| p.origin.filter(|o| o.annotatable).map(|o| (p, o)));
            if let Some((placed, origin)) = before {
                let chars = self.chars_before(placed, placed.start + placed.len);
                return Some(self.inside(origin, chars, false));
            }
        }
        line.content_start.map(Site::Between)
    }

    /// Where a comment ending at original offset `end` (after `start`) ends:
    /// after the last document text before it.
    fn end_site(&self, start: usize, end: usize) -> Option<Site> {
        let line = self.line_of(end - 1)?;
        for placed in line.segments.iter().rev() {
            if placed.start >= end || placed.start + placed.len <= start {
                continue;
            }
            if let Some(origin) = placed.origin.filter(|o| o.annotatable) {
                let chars = self.chars_before(placed, end);
                return Some(self.inside(origin, chars, false));
            }
        }
        None
    }

    /// The site `chars` characters into the content of the `w:t` at
    /// `origin`. `starting` tells a comment's start (which goes before the
    /// run when at the start of its first text) from its end (after the run
    /// when at the end of its last text).
    fn inside(&self, origin: Origin, chars: usize, starting: bool) -> Site {
        let (content_start, content_end) = origin.content;
        let raw = self.xml.get(content_start..content_end).unwrap_or_default();
        let whole_run = if starting {
            origin.run_start
        } else {
            origin.run_end
        };
        if raw.contains('<') || origin.run_end == 0 {
            // CDATA or a comment inside the text: not split.
            return Site::Between(whole_run);
        }
        let mut byte = 0;
        for _ in 0..chars {
            let Some(c) = raw[byte..].chars().next() else {
                break;
            };
            byte += if c == '&' {
                raw[byte..].find(';').map_or(1, |semicolon| semicolon + 1)
            } else {
                c.len_utf8()
            };
        }
        let at = content_start + byte;
        if starting && at == content_start && origin.first_in_run {
            Site::Between(origin.run_start)
        } else if !starting && at == content_end && origin.last_in_run {
            Site::Between(origin.run_end)
        } else {
            Site::Inside {
                at,
                properties: origin.properties,
            }
        }
    }
}
