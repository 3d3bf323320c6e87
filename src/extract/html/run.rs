//! One line (or one table cell) of extracted text, gathered from the text
//! nodes that flow into it, with where each part stands in the source.
//!
//! White space is read as a browser shows it: a run of spaces, tabs and
//! line breaks is one space, none at the start or end of a line, and none
//! where a line break of the source falls between two Chinese characters
//! (CSS drops that one). Character references are decoded. What is copied
//! as it stands is a [`Segment::Source`]; what is generated (a decoded
//! reference, a space for a run of white space) is a [`Segment::Char`] that
//! remembers the place of what it replaces.

use crate::source_map::Piece;

/// A part of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Segment {
    /// `source[start..end]`, copied.
    Source {
        /// Byte offset in the source.
        start: usize,
        /// Byte offset just past it.
        end: usize,
    },
    /// A character standing for the source at `at` (a reference, a space).
    Char {
        /// The character.
        c: char,
        /// Byte offset in the source of what it stands for.
        at: usize,
    },
}

/// White space seen since the last character, not yet written.
#[derive(Debug, Clone, Copy)]
struct Space {
    /// Where it starts in the source.
    at: usize,
    /// It holds a line break of the source (or a block boundary in a cell).
    breaks: bool,
    /// It is exactly one ASCII space in the source (copied, not generated).
    single: bool,
}

/// A line or cell being gathered.
#[derive(Debug, Default)]
pub(super) struct Run {
    segments: Vec<Segment>,
    space: Option<Space>,
    last: Option<char>,
    /// Characters gathered (white space included).
    pub chars: usize,
    /// Characters gathered inside links.
    pub link_chars: usize,
}

/// Characters trimmed from the ends of a line or cell.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{3000}' | '\u{a0}' | '\u{200b}' | '\u{feff}')
}

/// Characters between which a line break of the source is dropped (East
/// Asian wide characters, and the quotation marks Chinese text uses).
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{303E}' | '\u{3041}'..='\u{33FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{A960}'..='\u{A97F}' | '\u{AC00}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}' | '“' | '”' | '‘' | '’' | '—' | '…')
}

/// How a run reads a text node.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Flow {
    /// Inside `<pre>`: white space kept, line breaks kept.
    pub pre: bool,
    /// Inside a table cell: a `|` is written `｜`, so it cannot split the cell.
    pub cell: bool,
    /// Inside a link.
    pub link: bool,
}

impl Run {
    /// Whether nothing visible has been gathered.
    pub(super) fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// White space between what was gathered and what comes next: a
    /// block boundary or a `<br>` inside a cell, at source offset `at`.
    pub(super) fn join(&mut self, at: usize) {
        if self.is_empty() {
            return;
        }
        let space = self.space.get_or_insert(Space {
            at,
            breaks: true,
            single: false,
        });
        space.breaks = true;
        space.single = false;
    }

    fn push(&mut self, segment: Segment, first: char, last: char, n: usize, flow: Flow) {
        if let Some(space) = self.space.take() {
            let dropped = space.breaks && self.last.is_some_and(is_wide) && is_wide(first);
            if !dropped {
                let segment = if space.single {
                    Segment::Source {
                        start: space.at,
                        end: space.at + 1,
                    }
                } else {
                    Segment::Char {
                        c: ' ',
                        at: space.at,
                    }
                };
                self.append(segment);
                self.chars += 1;
            }
        }
        self.append(segment);
        self.last = Some(last);
        self.chars += n;
        if flow.link {
            self.link_chars += n;
        }
    }

    fn append(&mut self, segment: Segment) {
        if let (
            Some(Segment::Source { end, .. }),
            Segment::Source {
                start: next,
                end: next_end,
            },
        ) = (self.segments.last_mut(), segment)
        {
            if *end == next {
                *end = next_end;
                return;
            }
        }
        self.segments.push(segment);
    }

    fn space(&mut self, at: usize, len: usize, breaks: bool) {
        if self.is_empty() {
            return;
        }
        match &mut self.space {
            Some(space) => {
                space.breaks |= breaks;
                space.single = false;
            }
            None => {
                self.space = Some(Space {
                    at,
                    breaks,
                    single: len == 1 && !breaks,
                })
            }
        }
    }

    /// Gathers the text node `source[start..end]`. In `<pre>` it stops
    /// after a line break of the source and returns where the text goes
    /// on, for the caller to end the line.
    pub(super) fn text(
        &mut self,
        source: &str,
        start: usize,
        end: usize,
        flow: Flow,
    ) -> Option<usize> {
        let bytes = source.as_bytes();
        let mut i = start;
        while i < end {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                if flow.pre {
                    if b == b'\n' {
                        return Some(i + 1);
                    } else if b != b'\r' {
                        self.push(
                            Segment::Source {
                                start: i,
                                end: i + 1,
                            },
                            ' ',
                            ' ',
                            1,
                            flow,
                        );
                    }
                    i += 1;
                    continue;
                }
                let run = bytes[i..end]
                    .iter()
                    .take_while(|b| b.is_ascii_whitespace())
                    .count();
                let breaks = bytes[i..i + run].iter().any(|b| matches!(b, b'\n' | b'\r'));
                self.space(i, run, breaks);
                i += run;
                continue;
            }
            if b == b'&' {
                if let Some((c, len)) = super::entities::decode_at(&source[i..end]) {
                    self.push(Segment::Char { c, at: i }, c, c, 1, flow);
                    i += len;
                    continue;
                }
            }
            if b == b'|' && flow.cell {
                self.push(Segment::Char { c: '｜', at: i }, '｜', '｜', 1, flow);
                i += 1;
                continue;
            }
            // A stretch of ordinary characters, copied as it stands.
            let stretch = source[i..end]
                .char_indices()
                .find(|(at, c)| {
                    *at > 0 && (c.is_ascii_whitespace() || *c == '&' || (*c == '|' && flow.cell))
                })
                .map_or(end - i, |(at, _)| at);
            let text = &source[i..i + stretch];
            let first = text.chars().next().unwrap_or(' ');
            let last = text.chars().next_back().unwrap_or(' ');
            let n = text.chars().count();
            self.push(
                Segment::Source {
                    start: i,
                    end: i + stretch,
                },
                first,
                last,
                n,
                flow,
            );
            i += stretch;
        }
        None
    }

    /// Writes the gathered text, trimmed, to `out` (with its pieces) and
    /// starts over; returns the byte range written in `out`.
    pub(super) fn write(
        &mut self,
        source: &str,
        out: &mut String,
        pieces: &mut Vec<Piece>,
    ) -> std::ops::Range<usize> {
        let segments = std::mem::take(self).segments;
        let mut segments = trimmed(source, segments);
        let start = out.len();
        for segment in segments.drain(..) {
            match segment {
                Segment::Source { start, end } => {
                    let text = out.len();
                    out.push_str(&source[start..end]);
                    match pieces.last_mut() {
                        Some(last)
                            if last.text + last.len == text
                                && last.original + last.len == start =>
                        {
                            last.len += end - start;
                        }
                        _ => pieces.push(Piece {
                            text,
                            original: start,
                            len: end - start,
                        }),
                    }
                }
                Segment::Char { c, at } => {
                    anchor(out, pieces, at);
                    out.push(c);
                }
            }
        }
        start..out.len()
    }
}

/// Makes text written from now on map to source offset `at` (until the
/// next copied piece), unless it already does.
pub(super) fn anchor(out: &str, pieces: &mut Vec<Piece>, at: usize) {
    let maps_there = pieces
        .last()
        .is_some_and(|last| last.text + last.len == out.len() && last.original + last.len == at);
    if !maps_there {
        pieces.push(Piece {
            text: out.len(),
            original: at,
            len: 0,
        });
    }
}

/// `segments` without blank characters at either end.
fn trimmed(source: &str, mut segments: Vec<Segment>) -> Vec<Segment> {
    // The end first, so that the start's removal shifts less.
    while let Some(last) = segments.last_mut() {
        match last {
            Segment::Char { c, .. } if is_blank(*c) => {
                segments.pop();
            }
            Segment::Source { start, end } => {
                let text = &source[*start..*end];
                let kept = text.trim_end_matches(is_blank).len();
                if kept == 0 {
                    segments.pop();
                } else {
                    *end = *start + kept;
                    break;
                }
            }
            Segment::Char { .. } => break,
        }
    }
    let blank_head = segments
        .iter()
        .position(|segment| match segment {
            Segment::Char { c, .. } => !is_blank(*c),
            Segment::Source { start, end } => !source[*start..*end].chars().all(is_blank),
        })
        .unwrap_or(segments.len());
    segments.drain(..blank_head);
    if let Some(Segment::Source { start, end }) = segments.first_mut() {
        let text = &source[*start..*end];
        *start = *end - text.trim_start_matches(is_blank).len();
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gathered(source: &str, flow: Flow) -> (String, Vec<Piece>) {
        let mut run = Run::default();
        assert_eq!(run.text(source, 0, source.len(), flow), None);
        let mut out = String::new();
        let mut pieces = Vec::new();
        run.write(source, &mut out, &mut pieces);
        (out, pieces)
    }

    #[test]
    fn white_space_reads_as_a_browser_shows_it() {
        let (text, _) = gathered("  总体\n  情况 and\n\t more  ", Flow::default());
        assert_eq!(text, "总体情况 and more");
        let (text, pieces) = gathered("a b", Flow::default());
        assert_eq!(text, "a b");
        assert_eq!(pieces.len(), 1, "a single space is copied");
    }

    #[test]
    fn references_decode_and_map_to_their_ampersand() {
        let source = "&nbsp;&nbsp;贯彻&lt;纲要&gt;实施&#12288;";
        let (text, pieces) = gathered(source, Flow::default());
        assert_eq!(text, "贯彻<纲要>实施");
        let map = crate::source_map::SourceMap::from_pieces(source.to_owned(), pieces);
        let lt = text.find('<').unwrap();
        assert_eq!(map.to_original(lt), source.find("&lt;").unwrap());
        let gt = text.find('>').unwrap();
        assert_eq!(map.to_original(gt), source.find("&gt;").unwrap());
        assert_eq!(map.to_original(0), source.find("贯彻").unwrap());
    }

    #[test]
    fn a_pipe_in_a_cell_cannot_split_it() {
        let flow = Flow {
            cell: true,
            ..Flow::default()
        };
        assert_eq!(gathered("a|b", flow).0, "a｜b");
        assert_eq!(gathered("a|b", Flow::default()).0, "a|b");
    }

    #[test]
    fn a_blank_run_writes_nothing() {
        assert_eq!(gathered(" &nbsp; &#12288; ", Flow::default()).0, "");
    }
}
