//! `A`: arithmetic. The table identities are data in the format packs
//! (`[[tables.identities]]`); one engine evaluates them ([`identity`]), and
//! each built-in code is a thin rule over it. The prose rules compare the
//! figures a sentence states with each other and with the tables.

mod applicant_total;
mod application_balance;
mod identity;
mod pack_identity;
mod prose;
mod prose_sum;
mod prose_table_mismatch;
mod results_total;
mod review_litigation_total;

pub use pack_identity::pack_rules;

use super::Rule;

/// The arithmetic rules.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(application_balance::ApplicationBalance),
        Box::new(results_total::ResultsTotal),
        Box::new(applicant_total::ApplicantTotal),
        Box::new(review_litigation_total::ReviewLitigationTotal),
        Box::new(prose_sum::ProseSum),
        Box::new(prose_table_mismatch::ProseTableMismatch),
    ]
}
