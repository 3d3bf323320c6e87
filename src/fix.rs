//! Applying fixes: choosing non-overlapping edits, applying them, re-linting
//! until nothing more can be fixed, and splicing the edits into the original
//! bytes so that the encoding, byte-order mark, line endings and every byte
//! outside the edits stay as they were.

use std::collections::{BTreeMap, HashSet};

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::lint::Linter;
use crate::read::encode;
use crate::source::{SourceFile, TextEncoding};
use crate::{tr, Lang};

/// Passes of fix → re-lint at most; `--fix` never loops forever (and
/// [`growth_limit`] bounds the size the text may reach).
pub const MAX_PASSES: usize = 10;

/// Which fixes may be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FixOptions {
    /// Also apply fixes marked unsafe (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
}

impl FixOptions {
    /// Whether `fix` may be applied under these options.
    pub fn allows(&self, fix: &Fix) -> bool {
        fix.applicability == Applicability::Safe || self.unsafe_fixes
    }
}

/// Whether a fix's edits are in bounds, on character boundaries, sorted and
/// do not overlap one another.
fn well_formed(fix: &Fix, text: &str) -> bool {
    let mut end = 0;
    fix.edits.iter().enumerate().all(|(i, edit)| {
        let edit_end = edit.offset.saturating_add(edit.length);
        let ok = edit_end <= text.len()
            && text.is_char_boundary(edit.offset)
            && text.is_char_boundary(edit_end)
            && (i == 0 || edit.offset >= end);
        end = edit_end;
        ok
    })
}

#[cfg(test)]
thread_local! {
    /// Lookups among the chosen edits, counted by the tests to show that
    /// choosing fixes takes linear work.
    static PROBES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The edits chosen so far in one pass, as the furthest end of the edits
/// starting at each offset.
///
/// Two edits overlap when they start at the same offset (two insertions
/// there would come out in an arbitrary order) or their ranges intersect.
/// Chosen edits do not overlap one another (those of one fix are sorted and
/// disjoint), so in offset order their ends never decrease: an edit overlaps
/// a chosen one exactly when one starts at its offset or the last one that
/// starts before its end reaches past its offset. Two lookups per edit, not
/// one comparison per chosen edit.
#[derive(Default)]
struct Chosen {
    ends: BTreeMap<usize, usize>,
}

impl Chosen {
    /// Whether `edit` (in bounds) overlaps a chosen edit.
    fn overlaps(&self, edit: &Edit) -> bool {
        #[cfg(test)]
        PROBES.with(|p| p.set(p.get() + 1));
        let end = edit.offset + edit.length;
        self.ends.contains_key(&edit.offset)
            || self
                .ends
                .range(..end)
                .next_back()
                .is_some_and(|(_, &chosen_end)| chosen_end > edit.offset)
    }

    fn insert(&mut self, edit: &Edit) {
        let end = edit.offset + edit.length;
        let furthest = self.ends.entry(edit.offset).or_insert(end);
        *furthest = (*furthest).max(end);
    }
}

/// The line break a replacement's bare `\n` should become: `\r\n` when the
/// text uses it (`crlf`).
fn adapt_line_endings(replacement: &str, crlf: bool) -> String {
    if crlf && replacement.contains('\n') {
        replacement.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        replacement.to_owned()
    }
}

/// Chooses the fixes to apply in one pass: allowed, well formed, in order
/// of their first edit, skipping any that overlaps one already chosen (it is
/// left for the next pass). A fix is taken whole or not at all. Returns the
/// edits, sorted, and how many diagnostics they fix. Takes O(n log n) time
/// for n edits.
pub fn select<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    text: &str,
    options: FixOptions,
) -> (Vec<Edit>, usize) {
    let (edits, fixed) = choose(diagnostics, text, options);
    (edits, fixed.len())
}

/// [`select`], giving the diagnostics the edits fix instead of their number.
pub fn choose<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    text: &str,
    options: FixOptions,
) -> (Vec<Edit>, Vec<&'a Diagnostic>) {
    let mut fixes: Vec<(&Diagnostic, &Fix)> = diagnostics
        .into_iter()
        .filter_map(|d| Some((d, d.fix.as_ref()?)))
        .filter(|(_, fix)| options.allows(fix) && !fix.edits.is_empty() && well_formed(fix, text))
        .collect();
    // Stable: fixes starting at the same offset keep their order.
    fixes.sort_by_key(|(_, fix)| fix.edits[0].offset);
    let crlf = text.contains("\r\n");
    let mut chosen = Chosen::default();
    let mut edits: Vec<Edit> = Vec::new();
    let mut fixed = Vec::new();
    for (diagnostic, fix) in fixes {
        if fix.edits.iter().any(|edit| chosen.overlaps(edit)) {
            continue;
        }
        for edit in &fix.edits {
            chosen.insert(edit);
            edits.push(Edit {
                offset: edit.offset,
                length: edit.length,
                replacement: adapt_line_endings(&edit.replacement, crlf),
            });
        }
        fixed.push(diagnostic);
    }
    // Stable: edits at one offset (of one fix) keep their order.
    edits.sort_by_key(|edit| edit.offset);
    (edits, fixed)
}

/// Applies sorted, non-overlapping edits to `text`.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.offset]);
        out.push_str(&edit.replacement);
        at = edit.offset + edit.length;
    }
    out.push_str(&text[at..]);
    out
}

/// Why edits could not be spliced into the original bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpliceError {
    /// Byte offset in the original where the re-encoded text stopped matching.
    pub offset: usize,
}

fn bom_length(encoding: TextEncoding, had_bom: bool) -> usize {
    match (had_bom, encoding) {
        (false, _) => 0,
        (true, TextEncoding::Utf8) => 3,
        (true, _) => 2,
    }
}

/// Applies `edits` (offsets into `text`, the decoding of `bytes`) to the
/// bytes themselves. Every byte outside the edits is copied from the
/// original; the function fails rather than change one (when the text does
/// not re-encode to the same bytes, e.g. a GB18030 byte sequence with two
/// spellings).
pub fn splice(
    bytes: &[u8],
    text: &str,
    encoding: TextEncoding,
    had_bom: bool,
    edits: &[Edit],
) -> Result<Vec<u8>, SpliceError> {
    let mut at_byte = bom_length(encoding, had_bom).min(bytes.len());
    let mut out = bytes[..at_byte].to_vec();
    let mut at_text = 0;
    let keep = |segment: &str, at_byte: &mut usize, out: Option<&mut Vec<u8>>| {
        let encoded = encode(segment, encoding, false);
        let end = *at_byte + encoded.len();
        if bytes.get(*at_byte..end) != Some(encoded.as_slice()) {
            // The file byte where the re-encoded text first differs.
            let rest = bytes.get(*at_byte..).unwrap_or_default();
            let same = rest
                .iter()
                .zip(&encoded)
                .take_while(|(a, b)| a == b)
                .count();
            return Err(SpliceError {
                offset: *at_byte + same,
            });
        }
        if let Some(out) = out {
            out.extend_from_slice(&bytes[*at_byte..end]);
        }
        *at_byte = end;
        Ok(())
    };
    for edit in edits {
        keep(&text[at_text..edit.offset], &mut at_byte, Some(&mut out))?;
        let end = edit.offset + edit.length;
        keep(&text[edit.offset..end], &mut at_byte, None)?;
        out.extend_from_slice(&encode(&edit.replacement, encoding, false));
        at_text = end;
    }
    keep(&text[at_text..], &mut at_byte, Some(&mut out))?;
    if at_byte != bytes.len() {
        return Err(SpliceError { offset: at_byte });
    }
    Ok(out)
}

/// How much fixes may grow a text: to twice its size, or by 64 KiB,
/// whichever allows more.
///
/// Fixes correct marks and words and keep a report's size: C003 swaps
/// brackets, X002 shortens `&nbsp;`, C006 turns `<` into `〈` (two bytes
/// more per mark, within a title of many more bytes), and a pack's
/// substitution writes a phrase for another. Doubling the text is far
/// beyond any honest sequence of them; the 64 KiB keep a small file or
/// excerpt from hitting the bound on a few long replacements. A pass that
/// would go further means fixes that feed each other (`0 → 1111` with
/// `1 → 0000` grows the text fourfold each pass): without the bound, ten
/// passes take a text to a million times its size. With it, time and memory
/// stay within a small multiple of the input's.
pub fn growth_limit(original: usize) -> usize {
    original
        .saturating_mul(2)
        .max(original.saturating_add(64 * 1024))
}

/// Why fixing stopped while fixes were left to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unconverged {
    /// The next pass would have grown the text beyond [`growth_limit`]
    /// bytes; it was not applied.
    Growth {
        /// The size of the text before any fix, in bytes (of UTF-8).
        original: usize,
        /// The most it may grow to.
        limit: usize,
    },
    /// The next pass would have brought back an earlier text: fixes undo
    /// one another.
    Cycle,
    /// [`MAX_PASSES`] passes ran and fixes are still offered.
    Passes,
}

impl Unconverged {
    /// A note for the user: fixing stopped, and why.
    pub fn message(&self, lang: Lang) -> String {
        match *self {
            Unconverged::Growth { original, limit } => tr!(
                lang,
                "修复未收敛：再修复一轮将使文本超过 {} 字节（修复前为 {} 字节），已停止；可能是某些修复（如规则包的替换）互相触发，请检查剩下的可修复项",
                "fixes did not converge: another pass would grow the text beyond {} bytes (from {} before fixing), so fixing stopped; some fixes (e.g. a rule pack's substitutions) may feed each other, check the fixable findings left",
                limit,
                original
            ),
            Unconverged::Cycle => tr!(
                lang,
                "修复未收敛：某些修复互相抵消（再修复一轮将回到之前的文本），已停止；请检查剩下的可修复项",
                "fixes did not converge: some fixes undo each other (another pass would bring back an earlier text), so fixing stopped; check the fixable findings left"
            ),
            Unconverged::Passes => tr!(
                lang,
                "修复未收敛：修复 {} 轮后仍有可修复项，已停止",
                "fixes did not converge: fixes are still offered after {} passes, so fixing stopped",
                MAX_PASSES
            ),
        }
    }
}

/// The outcome of fixing one report.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The report after the last pass.
    pub source: SourceFile,
    /// Its bytes, in the original encoding.
    pub bytes: Vec<u8>,
    /// Diagnostics fixed over all passes.
    pub fixed: usize,
    /// The rule (code and name) of each diagnostic fixed, in the order fixed.
    pub fixed_rules: Vec<(String, String)>,
    /// Passes that changed the text.
    pub passes: usize,
    /// The diagnostics of the final text (all of them, before suppressions).
    pub diagnostics: Vec<Diagnostic>,
    /// Why fixing stopped with fixes left, if it did; the user should be told
    /// (the text is that of the last pass applied, which is still written).
    pub unconverged: Option<Unconverged>,
}

/// The length of `text` after `edits`.
fn length_after(text: &str, edits: &[Edit]) -> usize {
    edits.iter().fold(text.len(), |length, edit| {
        length
            .saturating_sub(edit.length)
            .saturating_add(edit.replacement.len())
    })
}

/// Fixes `source` (decoded from `bytes`) until no allowed fix is left or a
/// pass changes nothing; or stops, reporting it in [`Fixed::unconverged`],
/// when the next pass would bring back an earlier text, grow the text beyond
/// [`growth_limit`], or exceed [`MAX_PASSES`]. `keep` says which
/// diagnostics count (suppressed ones are not fixed).
pub fn fix_until_stable(
    linter: &Linter,
    source: SourceFile,
    bytes: Vec<u8>,
    diagnostics: Vec<Diagnostic>,
    keep: &dyn Fn(&SourceFile, &Diagnostic) -> bool,
    options: FixOptions,
) -> Result<Fixed, SpliceError> {
    let original = source.text.len();
    let limit = growth_limit(original);
    let mut current = Fixed {
        source,
        bytes,
        fixed: 0,
        fixed_rules: Vec::new(),
        passes: 0,
        diagnostics,
        unconverged: None,
    };
    let mut seen = HashSet::new();
    seen.insert(current.source.text.clone());
    loop {
        let (edits, fixed) = choose(
            current
                .diagnostics
                .iter()
                .filter(|d| keep(&current.source, d)),
            &current.source.text,
            options,
        );
        let rules: Vec<(String, String)> = fixed
            .iter()
            .map(|d| (d.code.clone(), d.name.clone()))
            .collect();
        if edits.is_empty() {
            break;
        }
        if current.passes == MAX_PASSES {
            current.unconverged = Some(Unconverged::Passes);
            break;
        }
        if length_after(&current.source.text, &edits) > limit {
            current.unconverged = Some(Unconverged::Growth { original, limit });
            break;
        }
        let text = apply(&current.source.text, &edits);
        if !seen.insert(text.clone()) {
            current.unconverged = Some(Unconverged::Cycle);
            break;
        }
        let bytes = splice(
            &current.bytes,
            &current.source.text,
            current.source.encoding,
            current.source.had_bom,
            &edits,
        )?;
        let mut source = SourceFile::from_text(current.source.path.clone(), text);
        source.encoding = current.source.encoding;
        source.had_bom = current.source.had_bom;
        current.diagnostics = linter.lint(&source);
        current.source = source;
        current.bytes = bytes;
        current.fixed += rules.len();
        current.fixed_rules.extend(rules);
        current.passes += 1;
    }
    Ok(current)
}

/// A unified diff of `before` → `after`, with `a/`/`b/` headers; empty when equal.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Context, Example, Family, Registry, Rule, RuleMeta, Sink};
    use crate::span::Span;
    use crate::{Lang, LintOptions, Severity};

    fn with_fix(edits: Vec<Edit>, applicability: Applicability) -> Diagnostic {
        Diagnostic {
            code: "X000".into(),
            name: "x".into(),
            severity: Severity::Error,
            message: String::new(),
            help: None,
            span: Span::new(0, 0),
            labels: Vec::new(),
            fix: Some(Fix {
                applicability,
                edits,
            }),
        }
    }

    fn edit(offset: usize, length: usize, replacement: &str) -> Edit {
        Edit {
            offset,
            length,
            replacement: replacement.into(),
        }
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_pass() {
        let text = "abcdef";
        let diagnostics = [
            with_fix(vec![edit(1, 2, "X")], Applicability::Safe),
            with_fix(vec![edit(2, 2, "Y")], Applicability::Safe),
            with_fix(vec![edit(4, 1, "Z")], Applicability::Safe),
            with_fix(vec![edit(5, 1, "U")], Applicability::Unsafe),
        ];
        let (edits, count) = select(&diagnostics, text, FixOptions::default());
        assert_eq!(count, 2);
        assert_eq!(apply(text, &edits), "aXdZf");
        let (edits, count) = select(&diagnostics, text, FixOptions { unsafe_fixes: true });
        assert_eq!(count, 3);
        assert_eq!(apply(text, &edits), "aXdZU");
    }

    #[test]
    fn choosing_fixes_takes_linear_work() {
        // One fix per byte, none overlapping: every fix is compared with a
        // bounded number of chosen edits, not with all of them.
        let probes = |n: usize| {
            let text = "x".repeat(n);
            let diagnostics: Vec<Diagnostic> = (0..n)
                .map(|i| with_fix(vec![edit(i, 1, "y")], Applicability::Safe))
                .collect();
            let before = PROBES.with(|p| p.get());
            let (edits, count) = select(&diagnostics, &text, FixOptions::default());
            assert_eq!((edits.len(), count), (n, n));
            PROBES.with(|p| p.get()) - before
        };
        let (small, big) = (probes(2_000), probes(8_000));
        assert!(
            big <= 6 * small + 1000,
            "{small} probes for n, {big} for 4n"
        );
        assert!(big <= 4 * 8_000, "{big} probes for 8,000 fixes");
    }

    #[test]
    fn choosing_fixes_agrees_with_comparing_every_pair() {
        // The quadratic definition: a fix is taken when none of its edits
        // starts where a chosen edit starts or intersects one.
        fn pairwise(fixes: &[Diagnostic], text: &str) -> Vec<Edit> {
            let overlaps = |a: &Edit, b: &Edit| {
                a.offset == b.offset
                    || (a.offset < b.offset + b.length && b.offset < a.offset + a.length)
            };
            let mut sorted: Vec<&Fix> = fixes
                .iter()
                .filter_map(|d| d.fix.as_ref())
                .filter(|f| !f.edits.is_empty() && well_formed(f, text))
                .collect();
            sorted.sort_by_key(|f| f.edits[0].offset);
            let mut chosen: Vec<Edit> = Vec::new();
            for fix in sorted {
                if !fix
                    .edits
                    .iter()
                    .any(|e| chosen.iter().any(|c| overlaps(c, e)))
                {
                    chosen.extend(fix.edits.iter().cloned());
                }
            }
            chosen.sort_by_key(|e| e.offset);
            chosen
        }
        let text = "0123456789abcdefghij";
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        for _ in 0..2_000 {
            let fixes: Vec<Diagnostic> = (0..next(8))
                .map(|_| {
                    let mut at = next(text.len() + 1);
                    let edits = (0..1 + next(3))
                        .map(|_| {
                            let length = next(4).min(text.len() - at);
                            let e = edit(at, length, "_");
                            at = (at + length + next(3)).min(text.len());
                            e
                        })
                        .collect();
                    with_fix(edits, Applicability::Safe)
                })
                .collect();
            let (edits, _) = select(&fixes, text, FixOptions::default());
            assert_eq!(edits, pairwise(&fixes, text), "{fixes:#?}");
        }
    }

    #[test]
    fn malformed_fixes_are_ignored() {
        let text = "总体";
        let diagnostics = [
            with_fix(vec![edit(1, 1, "x")], Applicability::Safe),
            with_fix(vec![edit(3, 9, "x")], Applicability::Safe),
        ];
        let (edits, _) = select(&diagnostics, text, FixOptions::default());
        assert!(edits.is_empty());
    }

    #[test]
    fn splice_keeps_every_other_byte() {
        for (encoding, bom) in [
            (TextEncoding::Utf8, true),
            (TextEncoding::Gb18030, false),
            (TextEncoding::Utf16Le, true),
        ] {
            let text = "期限为2023年\r\n其他&nbsp;内容\r\n";
            let bytes = encode(text, encoding, bom);
            let at = text.find("2023").unwrap();
            let edits = [edit(at, 4, "2024")];
            let out = splice(&bytes, text, encoding, bom, &edits).unwrap();
            assert_eq!(out, encode(&apply(text, &edits), encoding, bom));
        }
    }

    #[test]
    fn splice_refuses_bytes_that_do_not_round_trip() {
        // 0x80 decodes to € in GB18030 but € encodes as A2 E3.
        let bytes = [b'a', b'b', 0x80, b'c'];
        let text = "ab€c";
        let err = splice(
            &bytes,
            text,
            TextEncoding::Gb18030,
            false,
            &[edit(0, 1, "c")],
        );
        // The file byte that does not round-trip, not the segment's start.
        assert_eq!(err, Err(SpliceError { offset: 2 }));
    }

    #[test]
    fn line_endings_follow_the_file() {
        assert_eq!(adapt_line_endings("a\nb", true), "a\r\nb");
        assert_eq!(adapt_line_endings("a\r\nb", true), "a\r\nb");
        assert_eq!(adapt_line_endings("a\nb", false), "a\nb");
    }

    /// A rule whose safe fix rewrites every `from` into `to`.
    struct Rewrite {
        code: &'static str,
        from: &'static str,
        to: &'static str,
    }

    impl Rule for Rewrite {
        fn meta(&self) -> &RuleMeta {
            // A test rule asked a few dozen times: leaking its metadata is harmless.
            Box::leak(Box::new(RuleMeta {
                code: self.code.into(),
                name: "rewrite".into(),
                family: Family::Text,
                severity: Severity::Warning,
                default_enabled: true,
                fixable: true,
                summary_zh: "改写".into(),
                summary_en: "rewrite".into(),
                explanation_zh: "测试".into(),
                explanation_en: "test".into(),
                basis: "test".into(),
                bad_example: Example::excerpt(self.from),
                good_example: Example::excerpt(self.to),
            }))
        }

        fn checks_non_reports(&self) -> bool {
            true // the test texts are fragments, not reports
        }

        fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
            for (offset, _) in ctx.text().match_indices(self.from) {
                let span = Span::new(offset, self.from.len());
                sink.report(span, "rewrite").fix(Fix {
                    applicability: Applicability::Safe,
                    edits: vec![edit(offset, self.from.len(), self.to)],
                });
            }
        }
    }

    fn linter(rules: Vec<Box<dyn Rule>>) -> Linter {
        Linter::with_registry(Registry::from_rules(rules), LintOptions::default())
    }

    fn fix_text(linter: &Linter, text: &str) -> Fixed {
        let source = SourceFile::from_text("t.txt", text);
        let diagnostics = linter.lint(&source);
        fix_until_stable(
            linter,
            source,
            text.as_bytes().to_vec(),
            diagnostics,
            &|_, _| true,
            FixOptions::default(),
        )
        .unwrap()
    }

    #[test]
    fn fixes_that_undo_each_other_stop() {
        let linter = linter(vec![
            Box::new(Rewrite {
                code: "X901",
                from: "甲",
                to: "乙",
            }),
            Box::new(Rewrite {
                code: "X902",
                from: "乙",
                to: "甲",
            }),
        ]);
        let fixed = fix_text(&linter, "甲");
        assert!(fixed.passes < MAX_PASSES, "{}", fixed.passes);
        assert_eq!(fixed.unconverged, Some(Unconverged::Cycle));
    }

    #[test]
    fn fixes_that_never_converge_stop_after_max_passes() {
        let linter = linter(vec![Box::new(Rewrite {
            code: "X903",
            from: "a",
            to: "aa",
        })]);
        let fixed = fix_text(&linter, "a");
        assert_eq!(fixed.passes, MAX_PASSES);
        assert_eq!(fixed.bytes, fixed.source.text.as_bytes());
        assert_eq!(fixed.unconverged, Some(Unconverged::Passes));
    }

    #[test]
    fn fixes_that_grow_the_text_stop_at_the_growth_bound() {
        let linter = linter(vec![Box::new(Rewrite {
            code: "X907",
            from: "a",
            to: "aa",
        })]);
        // Small: 100 bytes may grow by 64 KiB; 51,200 bytes after 9 passes,
        // the 10th would make 102,400.
        let fixed = fix_text(&linter, &"a".repeat(100));
        assert_eq!(fixed.source.text.len(), 51_200);
        assert_eq!(fixed.passes, 9);
        assert_eq!(
            fixed.unconverged,
            Some(Unconverged::Growth {
                original: 100,
                limit: 65_636
            })
        );
        // Large: 70,000 bytes may double; the second pass would quadruple.
        let fixed = fix_text(&linter, &"a".repeat(70_000));
        assert_eq!(fixed.source.text.len(), 140_000);
        assert_eq!(fixed.passes, 1);
        assert_eq!(
            fixed.unconverged,
            Some(Unconverged::Growth {
                original: 70_000,
                limit: 140_000
            })
        );
        assert!(fixed
            .unconverged
            .unwrap()
            .message(Lang::Zh)
            .contains("140000"));
        assert_eq!(fixed.bytes, fixed.source.text.as_bytes());
    }

    #[test]
    fn fixes_that_feed_each_other_stop_at_the_growth_bound() {
        // 0 → 1111 → 0000000000000000 → …: four times longer every pass.
        let linter = linter(vec![
            Box::new(Rewrite {
                code: "X908",
                from: "0",
                to: "1111",
            }),
            Box::new(Rewrite {
                code: "X909",
                from: "1",
                to: "0000",
            }),
        ]);
        let fixed = fix_text(&linter, "0");
        let text = &fixed.source.text;
        assert!(text.len() == 65_536 && text.bytes().all(|b| b == b'0'));
        assert_eq!(fixed.passes, 8);
        assert_eq!(
            fixed.unconverged,
            Some(Unconverged::Growth {
                original: 1,
                limit: 65_537
            })
        );
    }

    #[test]
    fn overlapping_fixes_are_applied_over_several_passes() {
        // “ab” → “c” and “bc” → “d” overlap in “abc”: the first is applied,
        // then the text is linted again and what is left is fixed.
        let linter = linter(vec![
            Box::new(Rewrite {
                code: "X904",
                from: "ab",
                to: "x",
            }),
            Box::new(Rewrite {
                code: "X905",
                from: "bc",
                to: "y",
            }),
            Box::new(Rewrite {
                code: "X906",
                from: "xc",
                to: "z",
            }),
        ]);
        let fixed = fix_text(&linter, "abc abc");
        assert_eq!(fixed.source.text, "z z");
        assert_eq!(fixed.passes, 2);
        assert_eq!(fixed.fixed, 4);
        assert!(fixed.diagnostics.is_empty());
        assert_eq!(fixed.unconverged, None);
    }

    #[test]
    fn diff_has_headers_and_hunks() {
        let diff = unified_diff("r.txt", "a\nb\n", "a\nc\n");
        assert!(diff.starts_with("--- a/r.txt\n+++ b/r.txt\n@@"));
        assert!(diff.contains("-b\n+c\n"));
        assert!(unified_diff("r.txt", "a", "a").is_empty());
    }
}
