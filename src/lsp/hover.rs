//! Hover over a finding: the explanation of its rule, as `disclint explain`
//! gives it, in the document's language.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, NumberOrString, Position};

use crate::rules::Registry;
use crate::Lang;

/// The hover at `position` over `diagnostics` (the latest check's): the
/// explanation of each rule found there, once, or `None` where no finding
/// is.
pub(super) fn hover(
    position: Position,
    diagnostics: &[lsp_types::Diagnostic],
    registry: &Registry,
    lang: Lang,
) -> Option<Hover> {
    let here: Vec<&lsp_types::Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.range.start <= position && position <= d.range.end)
        .collect();
    let mut codes: Vec<&str> = Vec::new();
    for diagnostic in &here {
        if let Some(NumberOrString::String(code)) = &diagnostic.code {
            if !codes.contains(&code.as_str()) {
                codes.push(code);
            }
        }
    }
    let texts: Vec<String> = codes
        .iter()
        .filter_map(|code| registry.find(code))
        .map(|meta| crate::cli::explain_text(meta, lang))
        .collect();
    if texts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: texts.join("\n---\n\n"),
        }),
        range: here.first().map(|d| d.range),
    })
}
