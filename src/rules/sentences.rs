//! The report's prose, sentence by sentence, for the rules that read what
//! sentences say (the figures of A005–A007, the basis of C008, the spacing
//! of X004).

use crate::parse::BlockKind;
use crate::rules::Context;
use crate::span::Span;

/// Characters that end a sentence.
const SENTENCE_ENDS: [char; 7] = ['。', ';', '；', '!', '！', '?', '？'];

/// The sentences of every prose block outside the tables, with their spans,
/// in text order. The closing punctuation is not part of a sentence. Split
/// on the first call, and kept in the context for the other rules.
pub(crate) fn sentences<'c>(ctx: &'c Context<'_>) -> impl Iterator<Item = (Span, &'c str)> + 'c {
    let text = ctx.text();
    ctx.sentences
        .get_or_init(|| split(ctx))
        .iter()
        .map(move |span| (*span, span.slice(text)))
}

/// The spans of the sentences of `ctx`'s prose.
fn split(ctx: &Context<'_>) -> Vec<Span> {
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
                out.push(Span::from_range(
                    block.span.offset + start,
                    block.span.offset + i,
                ));
                start = i + c.len_utf8();
            }
        }
        if start < raw.len() {
            out.push(Span::from_range(
                block.span.offset + start,
                block.span.end(),
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
