//! What two fingerprinted texts share: how much of one is in the other, and
//! their longest common passage.

use std::collections::{HashMap, HashSet};

use super::shingles::{Fingerprint, K};

/// The share of `a`'s distinct fingerprints that `b` has too (0 to 1): how
/// much of `a` is found in `b`, whatever else `b` says.
pub fn containment(a: &[Fingerprint], b: &[Fingerprint]) -> f64 {
    let theirs: HashSet<u32> = b.iter().map(|f| f.hash).collect();
    let ours: HashSet<u32> = a.iter().map(|f| f.hash).collect();
    if ours.is_empty() {
        return 0.0;
    }
    let shared = ours.iter().filter(|h| theirs.contains(h)).count();
    shared as f64 / ours.len() as f64
}

/// A passage two texts share: a run of fingerprints that follow each other
/// at the same distances in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    /// Index of its first fingerprint in the first text's.
    pub first: usize,
    /// Index of its last fingerprint in the first text's.
    pub last: usize,
    /// Index of its first fingerprint in the second text's.
    pub other_first: usize,
    /// Its length in masked characters (first to last shingle, inclusive).
    pub chars: u32,
}

impl Passage {
    /// The same passage seen from the second text.
    pub fn mirrored(&self) -> Passage {
        Passage {
            first: self.other_first,
            last: self.other_first + (self.last - self.first),
            other_first: self.first,
            chars: self.chars,
        }
    }
}

/// Fingerprints seen more often than this in one text are left out of
/// passages (a phrase repeated throughout), so that the search stays linear.
const MAX_REPEATS: usize = 8;

/// The longest passage `a` and `b` share, if any.
pub fn longest_passage(a: &[Fingerprint], b: &[Fingerprint]) -> Option<Passage> {
    passages(a, b)
        .into_iter()
        .max_by_key(|p| (p.chars, std::cmp::Reverse(p.first)))
}

/// Every passage `a` and `b` share that no longer one holds, in the order
/// they end in `a`.
pub fn passages(a: &[Fingerprint], b: &[Fingerprint]) -> Vec<Passage> {
    let mut in_b: HashMap<u32, Vec<usize>> = HashMap::new();
    for (j, f) in b.iter().enumerate() {
        in_b.entry(f.hash).or_default().push(j);
    }
    in_b.retain(|_, places| places.len() <= MAX_REPEATS);
    let mut done = Vec::new();
    // The runs that end at the previous fingerprint of `a`: (index in `b`, run).
    let mut open: Vec<(usize, Passage)> = Vec::new();
    let mut next: Vec<(usize, Passage)> = Vec::new();
    for (i, f) in a.iter().enumerate() {
        next.clear();
        for &j in in_b.get(&f.hash).map_or(&[][..], Vec::as_slice) {
            let extended = open.iter().position(|(k, run)| {
                *k + 1 == j
                    && run.last + 1 == i
                    && a[i].at.wrapping_sub(a[i - 1].at) == b[j].at.wrapping_sub(b[*k].at)
            });
            let run = match extended {
                Some(at) => {
                    let (_, run) = open.swap_remove(at);
                    Passage {
                        last: i,
                        chars: f.at - a[run.first].at + K as u32,
                        ..run
                    }
                }
                None => Passage {
                    first: i,
                    last: i,
                    other_first: j,
                    chars: K as u32,
                },
            };
            next.push((j, run));
        }
        // The runs not extended here are done.
        done.extend(open.drain(..).map(|(_, run)| run));
        std::mem::swap(&mut open, &mut next);
    }
    done.extend(open.into_iter().map(|(_, run)| run));
    done
}

impl Passage {
    /// The passage without the fingerprints at either end whose hash is not
    /// `kept` (common wording around a shared passage is not part of it);
    /// `None` when none is kept. `a` is the first text's fingerprints.
    pub fn trimmed(&self, a: &[Fingerprint], kept: impl Fn(u32) -> bool) -> Option<Passage> {
        let inside = a.get(self.first..=self.last)?;
        let first = self.first + inside.iter().position(|f| kept(f.hash))?;
        let last = self.first + inside.iter().rposition(|f| kept(f.hash))?;
        Some(Passage {
            first,
            last,
            other_first: self.other_first + (first - self.first),
            chars: a[last].at - a[first].at + K as u32,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::years::shingles::tests::fingerprints;

    const COPIED: &str = "本机关坚持以公开为常态、不公开为例外，围绕群众关切的重点领域持续深化政务公开，严格落实信息发布审核制度，及时回应社会关切";

    #[test]
    fn the_longest_shared_passage_is_found_with_its_length() {
        let a = fingerprints(&format!(
            "今年我们做了很多不同的事情，效果也很好。{COPIED}。"
        ));
        let b = fingerprints(&format!(
            "{COPIED}。明年还要继续努力，争取更大的进步和提高。"
        ));
        let passage = longest_passage(&a, &b).unwrap();
        let copied = COPIED.chars().count() as u32;
        assert!(
            passage.chars > copied / 2 && passage.chars <= copied,
            "{passage:?}"
        );
        assert!(containment(&a, &b) > 0.3 && containment(&a, &b) < 1.0);
        assert_eq!(containment(&a, &a), 1.0);
    }

    #[test]
    fn unrelated_texts_share_no_long_passage() {
        let a = fingerprints(COPIED);
        let b = fingerprints("全年共办理群众来信来访事项，处理结果均按时反馈当事人，未发生超期办理的情况，群众满意度较高。");
        assert!(longest_passage(&a, &b).is_none_or(|p| p.chars < 12));
        assert!(containment(&a, &b) < 0.2);
    }
}
