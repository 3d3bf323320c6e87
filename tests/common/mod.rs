//! Access to the real reports in `../shared`, shared by the test files that
//! read them. CI has `../shared`; a fresh clone may not, and then these tests
//! skip with a printed note.

use std::path::{Path, PathBuf};

/// `../shared`, or `None` (with a note) when it is absent.
pub fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("note: ../shared is absent; skipping the tests on real reports");
        None
    }
}

/// The files of a folder of `../shared` (e.g. `corpus/real`) with one of
/// `extensions` (all files when empty), sorted.
pub fn files(shared: &Path, folder: &str, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join(folder))
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        extensions.is_empty()
            || p.extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
    });
    files.sort();
    files
}
