//! The reports of a batch that may share a passage, found without comparing
//! every pair: an index from fingerprint to the reports that have it.
//!
//! Each report's distinct fingerprints are sorted together with everyone
//! else's of the same year; a fingerprint that at most [`MAX_SHARING`]
//! reports have counts once for each pair of them. A passage of `n` masked
//! characters gives at least `(n − K + 1) / W` fingerprints to the pair, so
//! only pairs with that many in common are compared in full. A fingerprint
//! that more reports share is a common template (the format's wording, a
//! superior's notice), which no single report copied from another.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::shingles::{Fingerprint, K, W};

/// The most reports of one year that may share a fingerprint for it to
/// count towards a copy between two of them.
pub const MAX_SHARING: usize = 4;

/// One report's text as the index sees it.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The report year.
    pub year: i32,
    /// The agency, as a number: reports of one agency are never paired.
    pub agency: usize,
    /// Its fingerprints (of every prose section).
    pub fingerprints: Vec<&'a [Fingerprint]>,
}

/// A hasher for keys that are already well mixed (a pair of indices).
#[derive(Default)]
struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// The fewest fingerprints a shared passage of `chars` masked characters
/// gives two texts (at least one).
pub fn fingerprints_in(chars: usize) -> u32 {
    let shingles = chars.saturating_sub(K - 1);
    u32::try_from((shingles / W).max(1)).unwrap_or(u32::MAX)
}

/// What the index found: the pairs to compare, and the fingerprints too
/// common to count.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    /// Pairs of entries (by index, the first lower) of the same year and
    /// different agencies that share at least the fingerprints asked for,
    /// each held by at most [`MAX_SHARING`] reports; sorted.
    pub pairs: Vec<(usize, usize)>,
    /// Per year, the fingerprints more than [`MAX_SHARING`] reports hold:
    /// common wording, which a copied passage is not made of.
    pub common: HashMap<i32, HashSet<u32>>,
}

/// The candidate pairs of `entries` that share at least `min_shared`
/// rare fingerprints.
pub fn candidate_pairs(entries: &[Entry<'_>], min_shared: u32) -> Candidates {
    let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (index, entry) in entries.iter().enumerate() {
        by_year.entry(entry.year).or_default().push(index);
    }
    let mut found = Candidates::default();
    for (&year, members) in &by_year {
        let (pairs, common) = year_pairs(entries, members, min_shared);
        found.pairs.extend(pairs);
        found.common.insert(year, common);
    }
    found.pairs.sort_unstable();
    found
}

/// The pairs of one year's `members`, and the fingerprints too common to count.
fn year_pairs(
    entries: &[Entry<'_>],
    members: &[usize],
    min_shared: u32,
) -> (Vec<(usize, usize)>, HashSet<u32>) {
    // (hash, entry): every entry's distinct hashes.
    let mut keys: Vec<u64> = Vec::new();
    let mut own: Vec<u32> = Vec::new();
    for &index in members {
        own.clear();
        own.extend(
            entries[index]
                .fingerprints
                .iter()
                .flat_map(|f| f.iter().map(|f| f.hash)),
        );
        own.sort_unstable();
        own.dedup();
        let index = index as u64;
        keys.extend(own.iter().map(|&h| (u64::from(h) << 32) | index));
    }
    keys.sort_unstable();
    let mut counts: HashMap<u64, u32, BuildHasherDefault<Mix>> = HashMap::default();
    let mut common = HashSet::new();
    let mut start = 0;
    while start < keys.len() {
        let hash = keys[start] >> 32;
        let end = start + keys[start..].partition_point(|k| k >> 32 == hash);
        let holders = &keys[start..end];
        if holders.len() > MAX_SHARING {
            common.insert(hash as u32);
        } else if holders.len() >= 2 {
            for (n, x) in holders.iter().enumerate() {
                for y in &holders[n + 1..] {
                    let (a, b) = (x & 0xffff_ffff, y & 0xffff_ffff);
                    if entries[a as usize].agency != entries[b as usize].agency {
                        *counts.entry((a << 32) | b).or_default() += 1;
                    }
                }
            }
        }
        start = end;
    }
    let pairs = counts
        .into_iter()
        .filter(|&(_, count)| count >= min_shared)
        .map(|(pair, _)| ((pair >> 32) as usize, (pair & 0xffff_ffff) as usize))
        .collect();
    (pairs, common)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(hash: u32) -> Fingerprint {
        Fingerprint {
            hash,
            at: 0,
            start: 0,
            end: 0,
        }
    }

    #[test]
    fn pairs_share_rare_fingerprints_of_one_year_across_agencies() {
        let shared: Vec<Fingerprint> = (1..=5).map(fp).collect();
        let common: Vec<Fingerprint> = (100..=105).map(fp).collect();
        let other: Vec<Fingerprint> = (50..=55).map(fp).collect();
        let entry = |year, agency, fps: Vec<&'static [Fingerprint]>| Entry {
            year,
            agency,
            fingerprints: fps,
        };
        let shared: &'static [Fingerprint] = Box::leak(shared.into_boxed_slice());
        let common: &'static [Fingerprint] = Box::leak(common.into_boxed_slice());
        let other: &'static [Fingerprint] = Box::leak(other.into_boxed_slice());
        let entries = vec![
            entry(2024, 0, vec![shared, common]),
            entry(2024, 1, vec![shared, common]),
            entry(2024, 2, vec![other, common]),
            entry(2024, 3, vec![common]),
            entry(2024, 4, vec![common]),
            // Agency 0's other report pairs with 1 only; another year, with none.
            entry(2024, 0, vec![shared]),
            entry(2023, 9, vec![shared]),
        ];
        let found = candidate_pairs(&entries, 3);
        assert_eq!(found.pairs, [(0, 1), (1, 5)]);
        assert!(found.common[&2024].contains(&100) && !found.common[&2024].contains(&1));
        assert_eq!(fingerprints_in(100), 5);
        assert_eq!(fingerprints_in(3), 1);
    }
}
