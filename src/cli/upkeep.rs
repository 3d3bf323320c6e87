//! The upkeep of the suppressions file after a run of `check`: entries
//! added by `--add-suppressions`, stale entries reported or removed by
//! `--prune-suppressions`.

use std::io::Write;

use super::check::write;
use super::report::Failure;
use crate::suppress::{Suppression, Suppressions};
use crate::{tr, Lang};

/// How the upkeep speaks: in which language, and whether at all (`--quiet`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Voice {
    /// The language of the notes.
    pub lang: Lang,
    /// `--quiet`: no notes (errors are still told).
    pub quiet: bool,
}

/// Adds `entries` (`--add-suppressions`), saves the file if any was new,
/// and says how many were added.
pub(super) fn add(
    suppressions: &mut Suppressions,
    entries: Vec<Suppression>,
    voice: Voice,
    notes: &mut dyn Write,
) -> Result<(), Failure> {
    let added = suppressions.add(entries);
    if added > 0 {
        save(suppressions)?;
    }
    if !voice.quiet {
        let file = suppressions.file().display();
        write(
            notes,
            &tr!(
                voice.lang,
                "已向 {} 添加 {} 条抑制；请填写 reason\n",
                "added {1} suppressions to {0}; fill in their reason\n",
                file,
                added
            ),
        );
    }
    Ok(())
}

/// Removes the `stale` entries with `prune` and says how many, else lists
/// them with a warning.
pub(super) fn stale(
    suppressions: &mut Suppressions,
    stale: &[usize],
    prune: bool,
    voice: Voice,
    notes: &mut dyn Write,
) -> Result<(), Failure> {
    if stale.is_empty() {
        return Ok(());
    }
    let (lang, file) = (voice.lang, suppressions.file().display().to_string());
    if prune {
        suppressions.remove(stale);
        save(suppressions)?;
        if !voice.quiet {
            let n = stale.len();
            write(
                notes,
                &tr!(
                    lang,
                    "已从 {} 删除 {} 条过时的抑制\n",
                    "removed {1} stale suppressions from {0}\n",
                    file,
                    n
                ),
            );
        }
    } else if !voice.quiet {
        let mut text = tr!(
            lang,
            "警告：{} 中有 {} 条抑制已不匹配任何问题（用 --prune-suppressions 删除）：\n",
            "warning: {} has {} stale suppressions that match nothing (remove them with --prune-suppressions):\n",
            file,
            stale.len()
        );
        for index in stale {
            let entry = &suppressions.entries()[*index];
            text.push_str(&format!("  {} {} {}\n", entry.rule, entry.path, entry.text));
        }
        write(notes, &text);
    }
    Ok(())
}

/// Writes the suppressions file.
fn save(suppressions: &Suppressions) -> Result<(), Failure> {
    suppressions.save().map_err(|e| {
        let file = suppressions.file().display();
        Failure::new(
            format!(
                "错误：无法写入 {file}：{}\n",
                crate::io_error::describe(&e, crate::Lang::Zh)
            ),
            format!("error: cannot write {file}: {e}\n"),
        )
    })
}
