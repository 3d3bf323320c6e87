//! `C`: documents cited by title and number.

mod article_item_mismatch;
mod document_number_brackets;
mod document_number_form;
mod nested_title_marks;
mod number_mismatch;
mod outdated_basis;
mod outdated_regulation;
mod unbalanced_title_marks;

use super::Rule;

/// The citation rules.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(outdated_regulation::OutdatedRegulation),
        Box::new(number_mismatch::CitationNumberMismatch),
        Box::new(document_number_brackets::DocumentNumberBrackets),
        Box::new(document_number_form::DocumentNumberForm),
        Box::new(unbalanced_title_marks::UnbalancedTitleMarks),
        Box::new(nested_title_marks::NestedTitleMarks),
        Box::new(article_item_mismatch::ArticleItemMismatch),
        Box::new(outdated_basis::OutdatedBasis),
    ]
}
