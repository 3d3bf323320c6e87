//! `X`: text patterns: template leftovers, web-page residue, punctuation, spacing.

mod halfwidth_punctuation;
mod markup_residue;
mod placeholder;
mod spaced_number;

use super::Rule;

/// The text rules.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(placeholder::Placeholder),
        Box::new(markup_residue::MarkupResidue),
        Box::new(halfwidth_punctuation::HalfwidthPunctuation),
        Box::new(spaced_number::SpacedNumber),
    ]
}
