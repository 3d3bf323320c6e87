//! `P`: the statistics period and years.

mod invalid_date;
mod missing_period;
mod partial_period;
mod period_year_mismatch;
mod stale_year;

use super::Rule;

/// The period rules.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(missing_period::MissingPeriod),
        Box::new(period_year_mismatch::PeriodYearMismatch),
        Box::new(partial_period::PartialPeriod),
        Box::new(invalid_date::InvalidDate),
        Box::new(stale_year::StaleYear),
    ]
}
