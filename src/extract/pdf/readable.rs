//! Whether the text `pdftotext` gave is a text at all: a scan gives (almost)
//! nothing, and fonts without a Unicode map give replacement, private-use
//! or control characters, Latin-1 letters for Chinese ones, or every
//! Chinese character set apart by spaces (`政 府 信 息 公 开`).

use crate::normalize::is_cjk;

/// What makes a PDF's text unreadable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Unreadable {
    /// Almost no letters: a scan, or pages of images.
    NoText {
        /// Letters, digits and Chinese characters found.
        letters: usize,
        /// Pages.
        pages: usize,
    },
    /// A high share of U+FFFD, private-use or control characters.
    Replaced {
        /// Per cent of the visible characters.
        percent: usize,
    },
    /// Latin-1 letters where Chinese characters should be (`Õþ¸®ÐÅÏ¢`).
    Mojibake {
        /// Per cent of the visible characters.
        percent: usize,
    },
    /// Chinese characters one by one between spaces.
    Spaced {
        /// Per cent of the Chinese characters.
        percent: usize,
        /// The first such run, for the message.
        sample: String,
    },
}

/// Fewer letters than this per page is no text layer.
const MIN_LETTERS_PER_PAGE: usize = 30;

/// Per cent of bad characters (replacement, private use, control) that makes a garbled layer.
const MAX_REPLACED_PERCENT: usize = 5;

/// Fewer bad characters than this never make a garbled layer.
const MIN_REPLACED: usize = 10;

/// Per cent of Latin-1 letters, with hardly any Chinese, that makes mojibake.
const MIN_MOJIBAKE_PERCENT: usize = 20;

/// Per cent of Chinese characters set apart by spaces that makes a spaced layer.
const MIN_SPACED_PERCENT: usize = 30;

/// Below this many Chinese characters, spacing is not judged.
const MIN_CJK_FOR_SPACING: usize = 40;

/// Judges the text `pdftotext` wrote for a PDF (pages end with `\f`).
pub(super) fn check(output: &str) -> Result<(), Unreadable> {
    let pages = output
        .trim_end_matches(['\n', '\r'])
        .strip_suffix('\u{c}')
        .unwrap_or(output)
        .matches('\u{c}')
        .count()
        + 1;
    let (mut visible, mut letters, mut replaced, mut latin, mut cjk) = (0, 0, 0, 0, 0);
    for c in output.chars() {
        if c.is_whitespace() {
            continue;
        }
        visible += 1;
        if is_cjk(c) {
            cjk += 1;
            letters += 1;
        } else if c.is_alphanumeric() {
            letters += 1;
        }
        if matches!(c, '\u{fffd}' | '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..)
            || (c.is_control() && c != '\u{c}')
        {
            replaced += 1;
        }
        if matches!(c, '\u{c0}'..='\u{ff}') {
            latin += 1;
        }
    }
    let percent = |part: usize, whole: usize| part * 100 / whole.max(1);
    if replaced >= MIN_REPLACED && percent(replaced, visible) >= MAX_REPLACED_PERCENT {
        return Err(Unreadable::Replaced {
            percent: percent(replaced, visible),
        });
    }
    if letters < MIN_LETTERS_PER_PAGE * pages {
        return Err(Unreadable::NoText { letters, pages });
    }
    if percent(latin, visible) >= MIN_MOJIBAKE_PERCENT && percent(cjk, visible) < 5 {
        return Err(Unreadable::Mojibake {
            percent: percent(latin, visible),
        });
    }
    if cjk >= MIN_CJK_FOR_SPACING {
        let (spaced, sample) = spaced_cjk(output);
        if percent(spaced, cjk) >= MIN_SPACED_PERCENT {
            return Err(Unreadable::Spaced {
                percent: percent(spaced, cjk),
                sample,
            });
        }
    }
    Ok(())
}

/// How many Chinese characters stand alone between single spaces
/// (`政 府 信`: each has a space and another Chinese character on a side),
/// and the text of the first run of them on a line (up to 12 of them).
fn spaced_cjk(output: &str) -> (usize, String) {
    let chars: Vec<char> = output.chars().collect();
    let apart = |i: usize, step: isize| {
        let space = i.checked_add_signed(step);
        let next = i.checked_add_signed(2 * step);
        matches!((space, next), (Some(s), Some(n)) if chars.get(s) == Some(&' ') && chars.get(n).copied().is_some_and(is_cjk))
    };
    let mut count = 0;
    // The run sampled: first and last character, how many stand alone.
    let mut run: Option<(usize, usize, usize)> = None;
    let mut sampling = true;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' && run.is_some() {
            sampling = false;
        }
        if !is_cjk(c) {
            continue;
        }
        let alone = apart(i, -1) || apart(i, 1);
        if !alone {
            sampling &= run.is_none();
            continue;
        }
        count += 1;
        if sampling {
            run = match run {
                None => Some((i, i, 1)),
                Some((first, _, n)) if n < 12 => Some((first, i, n + 1)),
                Some(done) => {
                    sampling = false;
                    Some(done)
                }
            };
        }
    }
    let sample = run.map_or_else(String::new, |(first, last, _)| {
        chars[first..=last].iter().collect()
    });
    (count, sample)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report_text() -> String {
        "示例县人民政府2024年政府信息公开工作年度报告\n\n一、总体情况\n    本年度共收到政府信息公开申请 12 件，均在法定期限内答复。\n"
            .repeat(3)
    }

    #[test]
    fn a_report_reads() {
        assert_eq!(check(&report_text()), Ok(()));
        // A title set apart by spaces does not make the whole text spaced.
        let titled = format!("政 府 信 息 公 开\n{}", report_text());
        assert_eq!(check(&titled), Ok(()));
    }

    #[test]
    fn a_scan_has_no_text() {
        assert_eq!(
            check("\u{c}\u{c}\u{c}"),
            Err(Unreadable::NoText {
                letters: 0,
                pages: 3
            })
        );
        assert_eq!(
            check("  - 1 -\n\u{c}  - 2 -\n\u{c}"),
            Err(Unreadable::NoText {
                letters: 2,
                pages: 2
            })
        );
    }

    #[test]
    fn garbled_layers_are_told_apart() {
        let replaced = format!("{}{}", report_text(), "\u{fffd}".repeat(20));
        assert!(matches!(check(&replaced), Err(Unreadable::Replaced { .. })));
        let private = "\u{e001}\u{e002}".repeat(40);
        assert!(matches!(check(&private), Err(Unreadable::Replaced { .. })));
        let mojibake = "ÊÐÕþ¸®ÐÅÏ¢¹«¿ª¹¤×÷Äê¶È±¨¸æ ".repeat(10);
        assert!(matches!(check(&mojibake), Err(Unreadable::Mojibake { .. })));
        let spaced = "政 府 信 息 公 开 工 作 年 度 报 告\n".repeat(10);
        match check(&spaced) {
            Err(Unreadable::Spaced { percent, sample }) => {
                assert_eq!(percent, 100);
                assert_eq!(sample, "政 府 信 息 公 开 工 作 年 度 报 告");
            }
            other => panic!("{other:?}"),
        }
    }
}
