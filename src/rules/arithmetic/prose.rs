//! The report's prose, sentence by sentence, for the rules that read figures
//! out of it (A005, A006).

use crate::parse::BlockKind;
use crate::rules::Context;
use crate::span::Span;

/// The sentences of every prose block outside the tables, with their spans.
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
            if matches!(c, '。' | ';' | '；' | '!' | '！' | '?' | '？') {
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
