//! Fingerprints of masked text by winnowing (Schleimer, Wilkerson and Aiken,
//! 2003): every [`K`]-character shingle is hashed, and of each window of
//! [`W`] consecutive hashes the smallest is kept. Two texts that share a
//! passage of at least `W + K − 1` masked characters share a fingerprint,
//! and about `2 / (W + 1)` of the shingles are kept, so a report's facts hold
//! a few hundred small numbers instead of its text.

use super::mask::MaskedChar;

/// Characters in a shingle.
pub const K: usize = 8;
/// Shingles in a window.
pub const W: usize = 16;

/// One kept shingle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    /// The shingle's hash.
    pub hash: u32,
    /// Index of its first character in the masked text of its section.
    pub at: u32,
    /// Byte offset of the text its first character stands for.
    pub start: u32,
    /// Byte offset just past the text its last character stands for.
    pub end: u32,
}

/// The hash of a shingle: FNV-1a over its characters, folded to 32 bits.
/// Stable across runs and platforms, so that results are reproducible.
fn hash(shingle: &[MaskedChar]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for m in shingle {
        h ^= u64::from(u32::from(m.c));
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h ^ (h >> 32)) as u32
}

/// Appends the fingerprints of one paragraph's masked text, whose first
/// character is character `base` of its section, to `out`. Shingles do not
/// cross paragraphs; a paragraph shorter than a shingle has none.
pub fn winnow(chars: &[MaskedChar], base: u32, out: &mut Vec<Fingerprint>) {
    if chars.len() < K {
        return;
    }
    let hashes: Vec<u32> = chars.windows(K).map(hash).collect();
    let window = W.min(hashes.len());
    // The rightmost smallest hash of the window, kept while it stays in the
    // window and rescanned only when it leaves it.
    let rightmost_min = |from: usize| {
        (from..from + window)
            .rev()
            .min_by_key(|&i| hashes[i])
            .unwrap_or(from)
    };
    let mut chosen = rightmost_min(0);
    let mut last: Option<usize> = None;
    for start in 0..=hashes.len() - window {
        if start > 0 {
            let entering = start + window - 1;
            if chosen < start {
                chosen = rightmost_min(start);
            } else if hashes[entering] <= hashes[chosen] {
                chosen = entering;
            }
        }
        if last != Some(chosen) {
            last = Some(chosen);
            out.push(Fingerprint {
                hash: hashes[chosen],
                at: base.saturating_add(u32::try_from(chosen).unwrap_or(u32::MAX)),
                start: chars[chosen].start,
                end: chars[chosen + K - 1].end,
            });
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::span::Span;
    use crate::years::mask::{mask, Names};

    /// The fingerprints of `text`, masked with no names (tests here and in
    /// `passages`).
    pub(in crate::years) fn fingerprints(text: &str) -> Vec<Fingerprint> {
        let mut chars = Vec::new();
        mask(
            text,
            Span::new(0, text.len()),
            &Names::default(),
            &mut chars,
        );
        let mut out = Vec::new();
        winnow(&chars, 0, &mut out);
        out
    }

    #[test]
    fn the_sliding_minimum_keeps_what_a_scan_of_every_window_keeps() {
        // A scan of every window, as the definition reads.
        fn scanned(chars: &[MaskedChar]) -> Vec<u32> {
            let hashes: Vec<u32> = chars.windows(K).map(hash).collect();
            let window = W.min(hashes.len());
            let mut kept: Vec<usize> = Vec::new();
            for start in 0..=hashes.len() - window {
                let chosen = (start..start + window)
                    .rev()
                    .min_by_key(|&i| hashes[i])
                    .unwrap_or(start);
                if kept.last() != Some(&chosen) {
                    kept.push(chosen);
                }
            }
            kept.into_iter().map(|i| hashes[i]).collect()
        }
        // Few distinct characters, so that equal hashes (ties) are common.
        let mut seed = 7u32;
        for len in [K, K + 1, K + W - 1, K + W, 40, 200, 1000] {
            let chars: Vec<MaskedChar> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    let c = ['甲', '乙', '丙'][(seed >> 16) as usize % 3];
                    MaskedChar {
                        c,
                        start: i as u32,
                        end: i as u32 + 1,
                    }
                })
                .collect();
            let mut out = Vec::new();
            winnow(&chars, 0, &mut out);
            let kept: Vec<u32> = out.iter().map(|f| f.hash).collect();
            assert_eq!(kept, scanned(&chars), "length {len}");
        }
    }

    #[test]
    fn a_shared_passage_shares_fingerprints_wherever_it_stands() {
        let passage = "坚持以公开为常态、不公开为例外，围绕群众关切的重点领域持续深化政务公开工作";
        let a = fingerprints(&format!("本机关今年开展了多项工作。{passage}"));
        let b = fingerprints(&format!(
            "{passage}，取得了良好成效，群众满意度进一步提升。"
        ));
        let shared = a
            .iter()
            .filter(|f| b.iter().any(|g| g.hash == f.hash))
            .count();
        assert!(shared >= 2, "{shared}");
        assert!(fingerprints("短短一句").is_empty());
    }

    #[test]
    fn fingerprints_point_at_their_text_and_thin_it_out() {
        let text = "围绕乡村振兴、惠民补贴、财政预决算等群众关心的事项，通过门户网站主动公开政府信息，在各村公开栏张贴公示材料。";
        let found = fingerprints(text);
        let chars = text.chars().count();
        assert!(
            !found.is_empty() && found.len() * 3 < chars,
            "{}",
            found.len()
        );
        for f in &found {
            assert_eq!(text[f.start as usize..f.end as usize].chars().count(), K);
        }
    }
}
