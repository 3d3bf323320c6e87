//! Suppressions kept beside the reports (`disclint-suppressions.toml`), not
//! in them: inline comments would end up in the published text.
//!
//! Each entry names a rule, a path and the [fingerprint](crate::fingerprint)
//! of the flagged text and its line, so it survives edits elsewhere in the
//! report; `reason` is for the reviewer who accepted it. Paths are stored
//! relative to the folder of the suppressions file when the report is inside
//! it, so the file works from any working directory.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_write::write_atomic;
use crate::config::settings_file::{self, FileProblem};
use crate::diagnostic::Diagnostic;
use crate::fingerprint::{fingerprint, path_key};
use crate::source::SourceFile;
use crate::{tr, Lang};

/// The file name looked for in the working directory.
pub const DEFAULT_FILE: &str = "disclint-suppressions.toml";

/// The largest suppressions file read: 64 MiB (hundreds of thousands of entries).
pub const MAX_SIZE: u64 = 64 << 20;

/// One accepted diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    /// Rule code.
    pub rule: String,
    /// Path of the report (relative to the suppressions file's folder when possible).
    pub path: String,
    /// Fingerprint of the flagged text and its line.
    pub fingerprint: String,
    /// The flagged text, for people reading the file.
    #[serde(default)]
    pub text: String,
    /// Why the diagnostic is accepted.
    #[serde(default)]
    pub reason: String,
}

#[derive(Serialize, Deserialize)]
struct FileFormat {
    version: u32,
    #[serde(default)]
    suppression: Vec<Suppression>,
}

const HEADER: &str = "# disclint suppressions: each entry hides one accepted diagnostic.\n\
# Written by `disclint check --add-suppressions`; fill in `reason`.\n\
# `disclint check --prune-suppressions` removes entries that match nothing.\n\n";

/// The suppressions of a run.
#[derive(Debug, Clone)]
pub struct Suppressions {
    file: PathBuf,
    base: Option<PathBuf>,
    entries: Vec<Suppression>,
    index: HashMap<(String, String, String), usize>,
}

impl Suppressions {
    /// Loads `file`; a missing file is an empty list. The file must be a
    /// regular file of at most [`MAX_SIZE`]; a problem with the file itself
    /// is told in `lang`, and a file that is not TOML is not quoted.
    pub fn load(file: &Path, lang: Lang) -> Result<Self, String> {
        let unreadable = |problem: FileProblem| {
            tr!(
                lang,
                "{}：无法读取抑制文件：{}",
                "{}: cannot read the suppressions file: {}",
                file.display(),
                problem.message(lang)
            )
        };
        let entries = match settings_file::read(file, MAX_SIZE) {
            Ok(text) => {
                let parsed: FileFormat =
                    toml::from_str(&text).map_err(|err| match settings_file::not_toml(&text) {
                        Some(problem) => unreadable(problem),
                        None => format!("{}: {err}", file.display()),
                    })?;
                if parsed.version != 1 {
                    return Err(format!(
                        "{}: unsupported version {} (expected 1)",
                        file.display(),
                        parsed.version
                    ));
                }
                parsed.suppression
            }
            Err(problem) if problem.is_not_found() => Vec::new(),
            Err(problem) => return Err(unreadable(problem)),
        };
        let base = file
            .parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                }
            })
            .and_then(|p| std::fs::canonicalize(p).ok());
        let mut suppressions = Self {
            file: file.to_path_buf(),
            base,
            entries,
            index: HashMap::new(),
        };
        suppressions.reindex();
        Ok(suppressions)
    }

    fn reindex(&mut self) {
        self.index = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.rule.clone(), e.path.clone(), e.fingerprint.clone()), i))
            .collect();
    }

    /// The entries, in file order.
    pub fn entries(&self) -> &[Suppression] {
        &self.entries
    }

    /// The file they are kept in.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The key of a report's path: relative to the suppressions file's
    /// folder when it is inside it, else the path as shown.
    pub fn path_key(&self, shown: &str) -> String {
        let relative = self.base.as_ref().and_then(|base| {
            let full = std::fs::canonicalize(shown).ok()?;
            full.strip_prefix(base)
                .ok()
                .map(|p| p.to_string_lossy().into_owned())
        });
        path_key(&relative.unwrap_or_else(|| shown.to_owned()))
    }

    /// The entry that suppresses `diagnostic`, if any.
    pub fn find(
        &self,
        key: &str,
        diagnostic: &Diagnostic,
        source: Option<&SourceFile>,
    ) -> Option<usize> {
        if self.index.is_empty() {
            return None;
        }
        let print = fingerprint(key, diagnostic, source);
        self.index
            .get(&(diagnostic.code.clone(), key.to_owned(), print))
            .copied()
    }

    /// An entry that would suppress `diagnostic`.
    pub fn entry_for(
        key: &str,
        diagnostic: &Diagnostic,
        source: Option<&SourceFile>,
    ) -> Suppression {
        Suppression {
            rule: diagnostic.code.clone(),
            path: key.to_owned(),
            fingerprint: fingerprint(key, diagnostic, source),
            text: source
                .map(|s| s.slice(diagnostic.span).to_owned())
                .unwrap_or_default(),
            reason: String::new(),
        }
    }

    /// The entries that matched nothing although their report was checked
    /// and their rule ran: `used` are the indices that matched, `checked`
    /// the path keys of the reports, `ran` whether a rule code ran.
    pub fn stale(
        &self,
        used: &HashSet<usize>,
        checked: &HashSet<String>,
        ran: &dyn Fn(&str) -> bool,
    ) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|i| {
                let entry = &self.entries[*i];
                !used.contains(i) && checked.contains(&entry.path) && ran(&entry.rule)
            })
            .collect()
    }

    /// Adds entries (skipping ones already present); returns how many were new.
    pub fn add(&mut self, entries: Vec<Suppression>) -> usize {
        let before = self.entries.len();
        for entry in entries {
            let key = (
                entry.rule.clone(),
                entry.path.clone(),
                entry.fingerprint.clone(),
            );
            if !self.index.contains_key(&key) {
                self.index.insert(key, self.entries.len());
                self.entries.push(entry);
            }
        }
        self.entries.len() - before
    }

    /// Removes the entries at `indices`.
    pub fn remove(&mut self, indices: &[usize]) {
        let drop: HashSet<usize> = indices.iter().copied().collect();
        let mut i = 0;
        self.entries.retain(|_| {
            i += 1;
            !drop.contains(&(i - 1))
        });
        self.reindex();
    }

    /// The file's text.
    pub fn to_toml(&self) -> String {
        let format = FileFormat {
            version: 1,
            suppression: self.entries.clone(),
        };
        let body = toml::to_string(&format).expect("TOML of plain data");
        format!("{HEADER}{body}")
    }

    /// Writes the file (atomically).
    pub fn save(&self) -> std::io::Result<()> {
        write_atomic(&self.file, self.to_toml().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::Severity;

    fn diagnostic(offset: usize) -> Diagnostic {
        Diagnostic {
            code: "P002".into(),
            name: "period-year-mismatch".into(),
            severity: Severity::Error,
            message: String::new(),
            help: None,
            span: Span::new(offset, 4),
            labels: Vec::new(),
            fix: None,
        }
    }

    #[test]
    fn round_trips_through_toml_and_matches() {
        let source = SourceFile::from_text("r.txt", "标题\n期限为2023年\n");
        let d = diagnostic(source.text.find("2023").unwrap());
        let mut list = Suppressions::load(
            Path::new("/nonexistent/disclint-suppressions.toml"),
            Lang::En,
        )
        .unwrap();
        assert_eq!(
            list.add(vec![Suppressions::entry_for("r.txt", &d, Some(&source))]),
            1
        );
        assert_eq!(
            list.add(vec![Suppressions::entry_for("r.txt", &d, Some(&source))]),
            0
        );
        let text = list.to_toml();
        assert!(text.contains("[[suppression]]"), "{text}");
        let parsed: FileFormat = toml::from_str(&text).unwrap();
        assert_eq!(parsed.suppression, list.entries);
        assert_eq!(list.find("r.txt", &d, Some(&source)), Some(0));
        let moved = SourceFile::from_text("r.txt", "标题\n\n前言\n期限为2023年\n");
        let d2 = diagnostic(moved.text.find("2023").unwrap());
        assert_eq!(list.find("r.txt", &d2, Some(&moved)), Some(0));
        let checked: HashSet<String> = ["r.txt".to_owned()].into();
        assert_eq!(list.stale(&HashSet::new(), &checked, &|_| true), [0]);
        assert!(list.stale(&[0].into(), &checked, &|_| true).is_empty());
        assert!(list.stale(&HashSet::new(), &checked, &|_| false).is_empty());
        list.remove(&[0]);
        assert!(list.entries().is_empty());
    }
}
