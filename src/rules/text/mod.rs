//! `X`: text patterns: template leftovers, web-page residue, punctuation.

mod halfwidth_punctuation;
mod markup_residue;
mod placeholder;

use super::Rule;

/// The text rules.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(placeholder::Placeholder),
        Box::new(markup_residue::MarkupResidue),
        Box::new(halfwidth_punctuation::HalfwidthPunctuation),
    ]
}
