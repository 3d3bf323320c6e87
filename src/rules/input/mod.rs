//! `I`: reading the input. These diagnostics come from the reader
//! ([`crate::input`], [`crate::extract`]), before any report exists, so
//! the rules' `check` does nothing: the reader builds each diagnostic from
//! its rule's metadata (code, name, severity), and the pipeline applies
//! the run's selection, severities and per-file-ignores to it like to any
//! rule's ([`crate::lint::Linter::admit_input`]).

mod binary_input;
mod input_too_large;
mod legacy_office_format;
mod no_input_matched;
mod pdf_tool_missing;
mod undecodable_input;
mod unreadable_document;
mod unreadable_path;
mod unreadable_pdf_text;

pub use binary_input::BinaryInput;
pub use input_too_large::InputTooLarge;
pub use legacy_office_format::LegacyOfficeFormat;
pub use no_input_matched::NoInputMatched;
pub use pdf_tool_missing::PdfToolMissing;
pub use undecodable_input::UndecodableInput;
pub use unreadable_document::UnreadableDocument;
pub use unreadable_path::UnreadablePath;
pub use unreadable_pdf_text::UnreadablePdfText;

use super::Rule;

/// The input rules.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(UndecodableInput),
        Box::new(BinaryInput),
        Box::new(InputTooLarge),
        Box::new(UnreadablePath),
        Box::new(NoInputMatched),
        Box::new(LegacyOfficeFormat),
        Box::new(UnreadableDocument),
        Box::new(PdfToolMissing),
        Box::new(UnreadablePdfText),
    ]
}
