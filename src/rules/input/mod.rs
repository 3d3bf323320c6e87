//! `I`: reading the input. These diagnostics come from the reader
//! ([`crate::input`]), before any report exists; the rules here carry their
//! documentation so that `disclint rules` and `disclint explain` list them,
//! and their `check` does nothing.

mod binary_input;
mod input_too_large;
mod no_input_matched;
mod undecodable_input;
mod unreadable_path;

use super::Rule;

/// The input rules (documentation only; the reader reports them).
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(undecodable_input::UndecodableInput),
        Box::new(binary_input::BinaryInput),
        Box::new(input_too_large::InputTooLarge),
        Box::new(unreadable_path::UnreadablePath),
        Box::new(no_input_matched::NoInputMatched),
    ]
}
