//! Suppressions kept beside the reports (`disclint-suppressions.toml`), not
//! in them: inline comments would end up in the published text.
//!
//! Each entry names a rule, a path and the [fingerprint](crate::fingerprint)
//! of the flagged text and its line, so it survives edits elsewhere in the
//! report; `reason` is for the reviewer who accepted it. Paths are stored
//! relative to the folder of the suppressions file when the report is inside
//! it, so the file works from any working directory.
//!
//! People edit the file (a `reason`, a comment, a field of their own), so
//! disclint edits it in place with `toml_edit`: adding appends entries,
//! pruning removes them, and every other byte stays as written.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

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

#[derive(Deserialize)]
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
    /// The file as written; its `suppression` array holds `entries`, in order.
    document: DocumentMut,
    /// The file's lines end in CRLF.
    crlf: bool,
    /// The file starts with a byte-order mark.
    bom: bool,
}

/// Whether `document` holds `count` entries in a way disclint can edit: no
/// `suppression` key yet, `[[suppression]]` tables, or an inline array.
fn editable(document: &DocumentMut, count: usize) -> bool {
    match document.get("suppression") {
        None => true,
        Some(Item::ArrayOfTables(tables)) => tables.len() == count,
        Some(Item::Value(Value::Array(array))) => array.len() == count,
        Some(_) => false,
    }
}

/// An entry as a table, its fields in the order of [`Suppression`].
fn table_of(entry: &Suppression) -> Table {
    let mut table = Table::new();
    for (key, value) in [
        ("rule", &entry.rule),
        ("path", &entry.path),
        ("fingerprint", &entry.fingerprint),
        ("text", &entry.text),
        ("reason", &entry.reason),
    ] {
        table.insert(key, toml_edit::value(value.as_str()));
    }
    table
}

/// Of the lines above a table header, the part that stands apart from the
/// table: up to and including the last blank line. (The comment lines right
/// above the header, after it, belong to the table.)
fn standing_apart(prefix: &str) -> &str {
    let mut end = 0;
    let mut at = 0;
    for line in prefix.split_inclusive('\n') {
        at += line.len();
        if line.ends_with('\n') && line.trim().is_empty() {
            end = at;
        }
    }
    &prefix[..end]
}

/// `text` without its leading blank lines.
fn without_leading_blank_lines(text: &str) -> &str {
    let mut rest = text;
    while let Some(end) = rest.find('\n') {
        if !rest[..end].trim().is_empty() {
            break;
        }
        rest = &rest[end + 1..];
    }
    rest
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
        let text = match settings_file::read(file, MAX_SIZE) {
            Ok(text) => text,
            Err(problem) if problem.is_not_found() => format!("{HEADER}version = 1\n"),
            Err(problem) => return Err(unreadable(problem)),
        };
        let not_loaded = |err: &dyn std::fmt::Display| match settings_file::not_toml(&text) {
            Some(problem) => unreadable(problem),
            None => format!("{}: {err}", file.display()),
        };
        let parsed: FileFormat = toml::from_str(&text).map_err(|err| not_loaded(&err))?;
        if parsed.version != 1 {
            return Err(tr!(
                lang,
                "{}：不支持的版本 {}（应为 1）",
                "{}: unsupported version {} (expected 1)",
                file.display(),
                parsed.version
            ));
        }
        let entries = parsed.suppression;
        let document: DocumentMut = text.parse().map_err(|err| not_loaded(&err))?;
        if !editable(&document, entries.len()) {
            return Err(tr!(
                lang,
                "{}：条目应写作 [[suppression]] 表或 suppression = [ … ] 数组",
                "{}: entries are written as [[suppression]] tables or a suppression = [ … ] array",
                file.display()
            ));
        }
        let crlf = text
            .find('\n')
            .is_some_and(|end| text[..end].ends_with('\r'));
        let bom = text.starts_with('\u{feff}');
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
            document,
            crlf,
            bom,
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

    /// Adds entries (skipping ones already present) at the end of the
    /// file's list; returns how many were new.
    pub fn add(&mut self, entries: Vec<Suppression>) -> usize {
        let before = self.entries.len();
        for entry in entries {
            let key = (
                entry.rule.clone(),
                entry.path.clone(),
                entry.fingerprint.clone(),
            );
            if !self.index.contains_key(&key) {
                self.append(&entry);
                self.index.insert(key, self.entries.len());
                self.entries.push(entry);
            }
        }
        self.entries.len() - before
    }

    /// Appends `entry` to the document.
    fn append(&mut self, entry: &Suppression) {
        let table = table_of(entry);
        match self.document.get_mut("suppression") {
            Some(Item::ArrayOfTables(tables)) => tables.push(table),
            Some(Item::Value(Value::Array(array))) => {
                // Laid out like the last entry (one a line, say).
                let mut value = Value::InlineTable(table.into_inline_table());
                match array
                    .iter()
                    .last()
                    .and_then(|v| v.decor().prefix()?.as_str())
                {
                    Some(prefix) => {
                        value.decor_mut().set_prefix(prefix.to_owned());
                        array.push_formatted(value);
                    }
                    None => array.push(value),
                }
            }
            // No entries yet (`load` checked that nothing else is there).
            _ => {
                let mut tables = ArrayOfTables::new();
                tables.push(table);
                self.document
                    .insert("suppression", Item::ArrayOfTables(tables));
            }
        }
    }

    /// Removes the entries at `indices` from the file. The comment lines
    /// right above a removed entry go with it; lines standing apart (after a
    /// blank line) stay, above the next entry.
    pub fn remove(&mut self, indices: &[usize]) {
        let mut drop: Vec<usize> = indices
            .iter()
            .copied()
            .filter(|&i| i < self.entries.len())
            .collect();
        drop.sort_unstable();
        drop.dedup();
        for &i in drop.iter().rev() {
            self.entries.remove(i);
            match self.document.get_mut("suppression") {
                Some(Item::ArrayOfTables(tables)) if i < tables.len() => {
                    let prefix = tables
                        .get(i)
                        .and_then(|t| t.decor().prefix())
                        .and_then(|p| p.as_str())
                        .unwrap_or_default();
                    let apart = standing_apart(prefix);
                    let kept = if apart.contains('#') {
                        apart.to_owned()
                    } else {
                        String::new()
                    };
                    tables.remove(i);
                    if kept.is_empty() {
                        continue;
                    }
                    if let Some(next) = tables.get_mut(i) {
                        let rest = next
                            .decor()
                            .prefix()
                            .and_then(|p| p.as_str())
                            .map(without_leading_blank_lines)
                            .unwrap_or_default()
                            .to_owned();
                        next.decor_mut().set_prefix(format!("{kept}{rest}"));
                    } else {
                        let trailing = self.document.trailing().as_str().unwrap_or_default();
                        let trailing = format!("{kept}{trailing}");
                        self.document.set_trailing(trailing);
                    }
                }
                Some(Item::Value(Value::Array(array))) if i < array.len() => {
                    let prefix = array.get(i).and_then(|v| v.decor().prefix()?.as_str());
                    let prefix = prefix.map(str::to_owned).unwrap_or_default();
                    array.remove(i);
                    // The next entry takes the removed one's place (and
                    // layout), unless a comment is in the way.
                    if let Some(next) = array.get_mut(i) {
                        let own = next.decor().prefix().and_then(|p| p.as_str());
                        if !prefix.contains('#') && !own.unwrap_or_default().contains('#') {
                            next.decor_mut().set_prefix(prefix);
                        }
                    }
                }
                _ => {}
            }
        }
        self.reindex();
    }

    /// The file's text: as read, with the entries added and removed since.
    pub fn to_toml(&self) -> String {
        let mut text = self.document.to_string();
        if self.crlf {
            text = text.replace("\r\n", "\n").replace('\n', "\r\n");
        }
        if self.bom {
            text.insert(0, '\u{feff}');
        }
        text
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
            related: Vec::new(),
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

    /// A scratch file with `text`, in a folder of its own.
    fn scratch(name: &str, text: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("disclint-suppress-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s.toml");
        std::fs::write(&path, text).unwrap();
        path
    }

    fn entry(rule: &str) -> Suppression {
        Suppression {
            rule: rule.into(),
            path: "r.txt".into(),
            fingerprint: "f".into(),
            text: String::new(),
            reason: String::new(),
        }
    }

    #[test]
    fn a_new_file_starts_with_the_header() {
        let mut list = Suppressions::load(Path::new("/nonexistent/s.toml"), Lang::En).unwrap();
        list.add(vec![entry("P002")]);
        let text = list.to_toml();
        assert!(
            text.starts_with(&format!(
                "{HEADER}version = 1\n\n[[suppression]]\nrule = \"P002\"\n"
            )),
            "{text}"
        );
    }

    #[test]
    fn edits_keep_line_endings_and_the_byte_order_mark() {
        let path = scratch(
            "crlf",
            "\u{feff}# mine\r\nversion = 1\r\n\r\n[[suppression]]\r\nrule = \"A\"\r\npath = \"r.txt\"\r\nfingerprint = \"f\"\r\n",
        );
        let mut list = Suppressions::load(&path, Lang::En).unwrap();
        assert_eq!(list.add(vec![entry("B")]), 1);
        list.remove(&[0]);
        assert_eq!(
            list.to_toml(),
            "\u{feff}# mine\r\nversion = 1\r\n\r\n[[suppression]]\r\nrule = \"B\"\r\npath = \"r.txt\"\r\nfingerprint = \"f\"\r\ntext = \"\"\r\nreason = \"\"\r\n"
        );
        list.save().unwrap();
        let again = Suppressions::load(&path, Lang::En).unwrap();
        assert_eq!(again.entries(), [entry("B")]);
        std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }

    #[test]
    fn an_inline_array_is_edited_in_place() {
        let path = scratch(
            "inline",
            "version = 1\nsuppression = [\n  { rule = \"A\", path = \"r.txt\", fingerprint = \"f\" },\n] # keep\n",
        );
        let mut list = Suppressions::load(&path, Lang::En).unwrap();
        list.add(vec![entry("B")]);
        list.remove(&[0]);
        let text = list.to_toml();
        assert_eq!(
            text,
            "version = 1\nsuppression = [\n  { rule = \"B\", path = \"r.txt\", fingerprint = \"f\", text = \"\", reason = \"\" },\n] # keep\n"
        );
        let parsed: FileFormat = toml::from_str(&text).unwrap();
        assert_eq!(parsed.suppression, [entry("B")]);
        std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }

    #[test]
    fn a_comment_standing_apart_outlives_the_entry_below_it() {
        let text = "version = 1\n\n[[suppression]]\nrule = \"A\"\npath = \"r.txt\"\nfingerprint = \"f\"\n\n# Checked in 2024.\n\n# About B.\n[[suppression]]\nrule = \"B\"\npath = \"r.txt\"\nfingerprint = \"f\"\n";
        let path = scratch("apart", text);
        let mut list = Suppressions::load(&path, Lang::En).unwrap();
        list.remove(&[1]);
        assert_eq!(
            list.to_toml(),
            "version = 1\n\n[[suppression]]\nrule = \"A\"\npath = \"r.txt\"\nfingerprint = \"f\"\n\n# Checked in 2024.\n\n"
        );
        std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }
}
