//! `A`: arithmetic. The table identities are data in the packs: the rules
//! (A001–A004, with their documentation) in `rules/identities.toml`, the
//! identities with their tables (`[[tables.identities]]`); one engine
//! evaluates them ([`identity`]) and one rule serves every code
//! ([`identity_rule`]). The prose rules compare the figures a sentence
//! states with each other (sums, shares) and with the tables.

mod culprit;
mod identity;
mod identity_rule;
mod percentage_mismatch;
mod phrase;
mod prose;
mod prose_sum;
mod prose_table_mismatch;
mod stated_counts;

pub use identity_rule::pack_rules;

use super::Rule;

/// The arithmetic rules written in Rust (the identity rules come from the packs).
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(prose_sum::ProseSum),
        Box::new(prose_table_mismatch::ProseTableMismatch),
        Box::new(percentage_mismatch::PercentageMismatch),
    ]
}
