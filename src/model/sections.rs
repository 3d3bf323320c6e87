//! Sections and subsections: which headings open which of the six sections.

use std::ops::Range;

use serde::Serialize;

use super::format::Format;
use crate::normalize::{canon, strip_numbering};
use crate::parse::{BlockKind, Document};
use crate::span::{Span, Spanned};

/// One of the report's sections.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The numeral as written (1 = 一, or 1 = `1、`); `None` when the
    /// heading has none (`- 总体情况`).
    pub number: Option<u8>,
    /// Whether the numeral is written in Arabic digits (`1、总体情况`): the
    /// numbering of a lower level, wrong for a section.
    pub arabic: bool,
    /// Which section it is (`overview`, `active_disclosure`, …).
    pub kind: String,
    /// The heading line, trimmed.
    pub heading: Spanned<String>,
    /// From the heading to the end of the section's body.
    pub span: Span,
    /// Indices of the body's blocks in the document.
    #[serde(skip)]
    pub blocks: Range<usize>,
    /// Its `(一)…` subsections.
    pub subsections: Vec<Subsection>,
}

/// A `(一)…` heading inside a section.
#[derive(Debug, Clone, Serialize)]
pub struct Subsection {
    /// The numeral (1 = 一).
    pub number: u8,
    /// The heading line, trimmed.
    pub heading: Spanned<String>,
}

/// Longest heading (in characters, before any `。`) still taken for a heading.
const MAX_HEADING_CHARS: usize = 40;

/// Finds the sections among the blocks from `from` on.
pub fn find_sections(text: &str, doc: &Document, format: &Format, from: usize) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate().skip(from) {
        let mut number = match block.kind {
            BlockKind::SectionHeading(n) => Some(n),
            BlockKind::BulletHeading | BlockKind::Paragraph => None,
            BlockKind::SubsectionHeading(n) => {
                if let Some(section) = sections.last_mut() {
                    section.subsections.push(Subsection {
                        number: n,
                        heading: trimmed_line(text, block.span),
                    });
                }
                continue;
            }
            BlockKind::Table => continue,
        };
        let Some((kind, arabic)) = heading_kind(text, block, format) else {
            continue;
        };
        number = number.or(arabic);
        if let Some(last) = sections.last_mut() {
            last.blocks.end = index;
            last.span = Span::from_range(last.span.offset, doc.blocks[index - 1].span.end());
        }
        sections.push(Section {
            number,
            arabic: arabic.is_some(),
            kind,
            heading: trimmed_line(text, block.span),
            span: block.span,
            blocks: index + 1..doc.blocks.len(),
            subsections: Vec::new(),
        });
    }
    if let (Some(last), Some(final_block)) = (sections.last_mut(), doc.blocks.last()) {
        last.span = Span::from_range(last.span.offset, final_block.span.end());
    }
    sections
}

/// The section kind a heading block opens, if it is a section heading at
/// all, and for a paragraph numbered in Arabic digits (`1、总体情况`) its number.
fn heading_kind(
    text: &str,
    block: &crate::parse::Block,
    format: &Format,
) -> Option<(String, Option<u8>)> {
    let body = block.text.slice(text);
    // A paragraph can only be a bare heading (`总体情况`, `1、总体情况`,
    // `**总体情况**`): long prose is not worth folding.
    if block.kind == BlockKind::Paragraph && body.len() > MAX_HEADING_CHARS * 4 {
        return None;
    }
    let head = body
        .split(['。', ':', '：', ';', '；'])
        .next()
        .unwrap_or(body);
    let mut folded = canon(head);
    let mut arabic = None;
    if block.kind == BlockKind::Paragraph {
        folded = folded.trim_matches('*').to_owned();
        let digits = folded.len()
            - folded
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        if digits > 0 && folded[digits..].starts_with('.') {
            arabic = folded[..digits].parse::<u8>().ok();
        }
    }
    if folded.is_empty() || folded.chars().count() > MAX_HEADING_CHARS {
        return None;
    }
    // A paragraph is a heading only when it is exactly a heading without its
    // numeral, or with its number in Arabic digits: most are none, which
    // one comparison per section tells.
    if block.kind == BlockKind::Paragraph && !format.is_bare_heading(strip_numbering(&folded)) {
        return None;
    }
    let spec = format.section_for_heading(&folded)?;
    if block.kind == BlockKind::Paragraph {
        let bare = strip_numbering(&folded);
        let expected = format.bare_heading(spec)?;
        let numbered_right = arabic.is_none_or(|n| n == spec.number);
        if bare != expected || !numbered_right || (arabic.is_none() && bare != folded) {
            return None;
        }
    }
    if format.is_table_label(&canon(block.span.slice(text))) {
        return None;
    }
    Some((spec.kind.clone(), arabic))
}

/// A heading line without the white space around it, nor the bold marks
/// pandoc sets it in (`**一、总体情况**`).
pub(super) fn trimmed_line(text: &str, span: Span) -> Spanned<String> {
    let raw = span.slice(text);
    let mut start = raw.len() - raw.trim_start().len();
    let mut trimmed = raw.trim();
    if let Some(inner) = trimmed.strip_prefix("**") {
        start += 2 + inner.len() - inner.trim_start().len();
        trimmed = inner.strip_suffix("**").unwrap_or(inner).trim();
    }
    Spanned::new(
        trimmed.to_owned(),
        Span::new(span.offset + start, trimmed.len()),
    )
}
