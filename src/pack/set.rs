//! The packs of a run, in order: the built-in ones, then the user's. Every
//! pack, built-in or not, is admitted by the same check against the packs
//! before it ([`PackSet::push`]), and the check never reaches for a global,
//! so the built-in packs can declare anything a user pack can.

use std::sync::OnceLock;

use super::{Pack, PackError, TableSpec, BUILTIN};

/// Packs checked together, in load order.
#[derive(Debug, Clone, Default)]
pub struct PackSet {
    packs: Vec<Pack>,
}

impl PackSet {
    /// The built-in packs (`rules/*.toml`), parsed and checked on first use.
    pub fn builtin() -> &'static PackSet {
        static SET: OnceLock<PackSet> = OnceLock::new();
        SET.get_or_init(|| {
            PackSet::from_texts(BUILTIN).unwrap_or_else(|err| {
                panic!("a built-in pack is invalid (a test checks this): {err:#}")
            })
        })
    }

    /// A set of packs given as (file name, TOML text), in order, each
    /// admitted like any pack: the embedded built-in packs, or packs a
    /// test puts in their place.
    pub fn from_texts(texts: &[(&str, &str)]) -> Result<PackSet, PackError> {
        let mut set = PackSet::default();
        for (path, text) in texts {
            set.push(Pack::parse(path, text)?)?;
        }
        Ok(set)
    }

    /// This set followed by `packs` (the user's), each admitted in turn.
    pub fn with_user(&self, packs: Vec<Pack>) -> Result<PackSet, PackError> {
        let mut set = self.clone();
        for pack in packs {
            set.push(pack)?;
        }
        Ok(set)
    }

    /// Checks `pack` against the packs of the set and, if it is sound, adds it.
    pub fn push(&mut self, pack: Pack) -> Result<(), PackError> {
        pack.check_after(&self.packs)?;
        self.packs.push(pack);
        Ok(())
    }

    /// Checks `pack` as if it came after the packs of the set, without adding it.
    pub fn check(&self, pack: &Pack) -> Result<(), PackError> {
        pack.check_after(&self.packs)
    }

    /// The packs, in load order.
    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    /// The packs after the first `count` (the user's, after the built-in ones).
    pub fn into_tail(mut self, count: usize) -> Vec<Pack> {
        self.packs.split_off(count.min(self.packs.len()))
    }
}

/// The table of `kind` in effect for `edition` after `packs`: a later pack's
/// table of a kind replaces an earlier one's.
pub(crate) fn table_in<'p>(packs: &'p [Pack], edition: u16, kind: &str) -> Option<&'p TableSpec> {
    packs
        .iter()
        .rev()
        .filter(|p| p.applies_to(edition))
        .flat_map(|p| p.tables.iter().rev())
        .find(|t| t.kind == kind)
}
