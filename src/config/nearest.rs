//! The nearest file of a name from a file's own folder upward (Ruff's
//! hierarchical configuration): `disclint.toml` and the suppressions file.
//! Each folder is looked at once a run, however many files it holds.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Finds the nearest `name` above files, remembering what each folder gave.
#[derive(Debug)]
pub struct Nearest {
    name: &'static str,
    /// The working directory: relative paths start there, and found files
    /// inside it are given relative to it.
    cwd: PathBuf,
    /// Folder (absolute) → the nearest file from it upward.
    found: HashMap<PathBuf, Option<PathBuf>>,
}

impl Nearest {
    /// A finder of files called `name`, for paths relative to `cwd`.
    pub fn new(name: &'static str, cwd: &Path) -> Self {
        Nearest {
            name,
            cwd: cwd.to_path_buf(),
            found: HashMap::new(),
        }
    }

    /// The nearest `name` in the folder of `file` or a folder above it:
    /// relative to the working directory when it is inside it.
    pub fn above(&mut self, file: &Path) -> Option<PathBuf> {
        let folder = file.parent().unwrap_or(Path::new(""));
        self.in_folder(&self.cwd.join(folder))
    }

    /// The nearest `name` in `folder` (absolute) or a folder above it.
    pub fn in_folder(&mut self, folder: &Path) -> Option<PathBuf> {
        // The folders walked up to the first one already known or holding
        // the file; all of them get its answer.
        let mut walked = Vec::new();
        let mut answer = None;
        for dir in folder.ancestors() {
            if let Some(known) = self.found.get(dir) {
                answer = known.clone();
                break;
            }
            walked.push(dir.to_path_buf());
            let candidate = dir.join(self.name);
            if candidate.is_file() {
                let shown = candidate
                    .strip_prefix(&self.cwd)
                    .map(Path::to_path_buf)
                    .unwrap_or(candidate);
                answer = Some(shown);
                break;
            }
        }
        for dir in walked {
            self.found.insert(dir, answer.clone());
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_file_from_the_folder_up_wins_and_each_folder_is_remembered() {
        let root = std::env::temp_dir().join(format!("disclint-nearest-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("a/b/c")).unwrap();
        std::fs::write(root.join("x.toml"), "").unwrap();
        std::fs::write(root.join("a/b/x.toml"), "").unwrap();
        let mut nearest = Nearest::new("x.toml", &root);
        assert_eq!(
            nearest.above(Path::new("a/b/c/r.txt")),
            Some("a/b/x.toml".into())
        );
        assert_eq!(nearest.above(Path::new("a/r.txt")), Some("x.toml".into()));
        assert_eq!(nearest.above(Path::new("r.txt")), Some("x.toml".into()));
        // Known now: removing the file does not change the answer in this run.
        std::fs::remove_file(root.join("a/b/x.toml")).unwrap();
        assert_eq!(
            nearest.above(Path::new("a/b/c/s.txt")),
            Some("a/b/x.toml".into())
        );
        let outside = Nearest::new("x.toml", &root.join("a")).above(&root.join("a/b/c/r.txt"));
        assert_eq!(outside, Some(root.join("x.toml")));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
