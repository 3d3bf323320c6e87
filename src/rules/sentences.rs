//! The report's prose, sentence by sentence, for the rules that read what
//! sentences say (the figures of A005–A007, the basis of C008, the spacing
//! of X004).

use crate::parse::BlockKind;
use crate::rules::Context;
use crate::span::Span;

/// Characters that end a sentence.
const SENTENCE_ENDS: [char; 7] = ['。', ';', '；', '!', '！', '?', '？'];

/// The sentences of every prose block outside the tables, with their spans,
/// in text order. The closing punctuation is not part of a sentence.
pub(crate) fn sentences<'c>(ctx: &'c Context<'_>) -> Vec<(Span, &'c str)> {
    let text = ctx.text();
    let mut out = Vec::new();
    for block in &ctx.doc.blocks {
        if block.kind == BlockKind::Table
            || ctx
                .report
                .tables
                .iter()
                .any(|t| t.span.len > 0 && t.span.contains(block.span.offset))
        {
            continue;
        }
        let raw = block.span.slice(text);
        let mut start = 0;
        for (i, c) in raw.char_indices() {
            if SENTENCE_ENDS.contains(&c) {
                out.push((
                    Span::from_range(block.span.offset + start, block.span.offset + i),
                    &raw[start..i],
                ));
                start = i + c.len_utf8();
            }
        }
        if start < raw.len() {
            out.push((
                Span::from_range(block.span.offset + start, block.span.end()),
                &raw[start..],
            ));
        }
    }
    out
}

/// The sentence (of [`sentences`]) that holds `offset`.
pub(crate) fn sentence_at<'s, 't>(
    sentences: &'s [(Span, &'t str)],
    offset: usize,
) -> Option<&'s (Span, &'t str)> {
    let after = sentences.partition_point(|(span, _)| span.offset <= offset);
    let candidate = sentences.get(after.checked_sub(1)?)?;
    (offset < candidate.0.end()).then_some(candidate)
}
