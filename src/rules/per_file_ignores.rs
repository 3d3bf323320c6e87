//! `per-file-ignores`: rules switched off for files matching a glob.

use std::path::{Path, PathBuf};

use super::{RuleMeta, Selector};

/// Globs with the rules they switch off. Patterns match the path relative to
/// `base` (the configuration file's directory), the path as given, or — for
/// patterns without `/` — the file name.
#[derive(Debug, Clone, Default)]
pub struct PerFileIgnores {
    base: Option<PathBuf>,
    entries: Vec<(glob::Pattern, Vec<Selector>)>,
}

impl PerFileIgnores {
    /// Ignores relative to `base` (absolute, or relative to the current directory).
    pub fn new(base: Option<PathBuf>, entries: Vec<(glob::Pattern, Vec<Selector>)>) -> Self {
        Self {
            base: base.map(|b| std::path::absolute(&b).unwrap_or(b)),
            entries,
        }
    }

    /// Every selector of every entry (to check them against the registry).
    pub fn selectors(&self) -> impl Iterator<Item = &Selector> {
        self.entries.iter().flat_map(|(_, selectors)| selectors)
    }

    /// Whether the rule is switched off for the file at `path`.
    pub fn ignores(&self, path: &str, meta: &RuleMeta) -> bool {
        if self.entries.is_empty() {
            return false;
        }
        let path = ConfigPath::new(path, self.base.as_deref());
        self.entries.iter().any(|(pattern, selectors)| {
            path.matches(pattern) && selectors.iter().any(|s| s.matches(meta))
        })
    }
}

/// A report's path as a configuration's patterns match it: relative to the
/// configuration file's directory, as given, or — for patterns without `/`
/// — by file name.
pub struct ConfigPath<'p> {
    given: &'p Path,
    relative: Option<PathBuf>,
}

impl<'p> ConfigPath<'p> {
    /// `path` as seen from `base` (absolute), the configuration's directory.
    pub fn new(path: &'p str, base: Option<&Path>) -> Self {
        let given = Path::new(path);
        let relative = base.and_then(|base| {
            let absolute = std::path::absolute(given).ok()?;
            absolute.strip_prefix(base).ok().map(Path::to_path_buf)
        });
        Self { given, relative }
    }

    /// Whether `pattern` matches the path.
    pub fn matches(&self, pattern: &glob::Pattern) -> bool {
        let given = self.given;
        let name = given.file_name().map(Path::new);
        (!pattern.as_str().contains('/') && name.is_some_and(|n| pattern.matches_path(n)))
            || pattern.matches_path(given.strip_prefix("./").unwrap_or(given))
            || self
                .relative
                .as_deref()
                .is_some_and(|r| pattern.matches_path(r))
    }
}
