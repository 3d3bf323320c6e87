//! `check --show-fixes`: after the findings, the fixes `--fix` applied
//! (how many of each rule, file by file, as Ruff lists them) and the fixes
//! still available (each edit, with the flag that applies it).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::diagnostic::Applicability;
use crate::render::{quote_path, visible};
use crate::run::FileResult;
use crate::{tr, Lang};

/// The longest original or replacement text shown, in characters.
const SHOWN_CHARS: usize = 30;

/// The fixes of a run, gathered file by file.
pub(super) struct FixList {
    lang: Lang,
    /// The lines of the fixes applied.
    applied: String,
    /// The lines of the fixes available.
    available: String,
}

impl FixList {
    /// An empty list, told in `lang`.
    pub(super) fn new(lang: Lang) -> Self {
        FixList {
            lang,
            applied: String::new(),
            available: String::new(),
        }
    }

    /// Adds the fixes of one file: those applied, and those its remaining
    /// diagnostics offer.
    pub(super) fn add(&mut self, result: &FileResult) {
        let lang = self.lang;
        let path = quote_path(&result.path);
        if !result.fixed_rules.is_empty() {
            let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
            for (code, name) in &result.fixed_rules {
                *counts.entry((code, name)).or_default() += 1;
            }
            let _ = writeln!(self.applied, "{}", tr!(lang, "- {}：", "- {}:", path));
            for ((code, name), count) in counts {
                let _ = writeln!(self.applied, "    {count} × {code} {name}");
            }
        }
        let Some(source) = &result.source else {
            return;
        };
        let mut lines = String::new();
        for diagnostic in &result.diagnostics {
            let Some(fix) = &diagnostic.fix else {
                continue;
            };
            let edits: Vec<String> = fix
                .edits
                .iter()
                .map(|edit| {
                    let before = source
                        .text
                        .get(edit.offset..edit.offset + edit.length)
                        .unwrap_or_default();
                    format!("“{}” → “{}”", shown(before), shown(&edit.replacement))
                })
                .collect();
            let flag = match fix.applicability {
                Applicability::Safe => tr!(lang, "［--fix］", "[--fix]"),
                Applicability::Unsafe => tr!(
                    lang,
                    "［不安全：--fix --unsafe-fixes］",
                    "[unsafe: --fix --unsafe-fixes]"
                ),
            };
            let at = source.position(diagnostic.span.offset);
            let _ = writeln!(
                lines,
                "    {}:{} {} {}{}{} {flag}",
                at.line,
                at.column,
                diagnostic.code,
                diagnostic.name,
                lang.pick("：", ": "),
                edits.join(lang.pick("；", "; ")),
            );
        }
        if !lines.is_empty() {
            let _ = writeln!(self.available, "{}", tr!(lang, "- {}：", "- {}:", path));
            self.available.push_str(&lines);
        }
    }

    /// The list: the fixes applied, then those available (or a line saying
    /// there are none), then a blank line.
    pub(super) fn text(&self) -> String {
        let lang = self.lang;
        let mut text = String::new();
        if !self.applied.is_empty() {
            text.push_str(&tr!(lang, "已应用的修复：\n", "Fixes applied:\n"));
            text.push_str(&self.applied);
        }
        if !self.available.is_empty() {
            text.push_str(&tr!(lang, "可应用的修复：\n", "Fixes available:\n"));
            text.push_str(&self.available);
        }
        if text.is_empty() {
            text.push_str(&tr!(lang, "没有可应用的修复\n", "No fixes available\n"));
        }
        text.push('\n');
        text
    }
}

/// `text` as shown in the list: control characters escaped, at most
/// [`SHOWN_CHARS`] characters (then `…`).
fn shown(text: &str) -> String {
    let visible = visible(text);
    match visible.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &visible[..cut]),
        None => visible.into_owned(),
    }
}
