//! Rules declared in user packs (`[[rules]]`): pattern rules that run like built-in ones.

mod pattern;

pub use pattern::PatternRule;

use super::Rule;
use crate::pack::Pack;

/// The pattern rules of `packs`, in pack order.
pub fn rules(packs: &[Pack]) -> Vec<Box<dyn Rule>> {
    packs
        .iter()
        .flat_map(|pack| {
            pack.rules
                .iter()
                .filter_map(move |spec| PatternRule::new(pack, spec))
        })
        .map(|rule| Box::new(rule) as Box<dyn Rule>)
        .collect()
}
