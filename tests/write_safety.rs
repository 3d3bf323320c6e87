//! What disclint writes never destroys what it reads: `--fix` leaves
//! read-only files alone and keeps hard links, owner, group and mode.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

const FAILING: &str = "tests/fixtures/output/failing.txt";
/// The wrong period in the failing fixture (P002 offers an unsafe fix) and its correction.
const WRONG: &str = "2023年1月1日至2023年12月31日";
const RIGHT: &str = "2024年1月1日至2024年12月31日";

/// A scratch folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "disclint-write-safety-{name}-{}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// A copy of the failing fixture named `name`.
    fn report(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        fs::copy(FAILING, &path).unwrap();
        path
    }

    /// The names in the folder, sorted.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.0)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn disclint() -> Command {
    Command::cargo_bin("disclint").unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs `check --fix --unsafe-fixes` on `path`.
fn fix(path: &Path) -> Output {
    disclint()
        .args([
            "check",
            "--select",
            "S,P",
            "--fix",
            "--unsafe-fixes",
            "--lang",
            "en",
        ])
        .arg(path)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn fix_leaves_a_read_only_file_alone() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new("read-only");
    let report = scratch.report("r.txt");
    fs::set_permissions(&report, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&report).unwrap();
    // Also as root, who may write anything: the mode bits decide.
    let output = fix(&report);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("read-only"), "{}", stderr(&output));
    assert_eq!(fs::read(&report).unwrap(), before);
    assert_eq!(
        fs::metadata(&report).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert_eq!(scratch.names(), ["r.txt"]);
}

#[cfg(unix)]
#[test]
fn fix_keeps_hard_links() {
    use std::os::unix::fs::MetadataExt;
    let scratch = Scratch::new("hard-link");
    let report = scratch.report("r.txt");
    let other = scratch.path("other.txt");
    fs::hard_link(&report, &other).unwrap();
    let inode = fs::metadata(&report).unwrap().ino();
    let output = fix(&report);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let fixed = fs::read_to_string(&other).unwrap();
    assert!(fixed.contains(RIGHT) && !fixed.contains(WRONG));
    assert_eq!(fs::read_to_string(&report).unwrap(), fixed);
    assert_eq!(fs::metadata(&report).unwrap().ino(), inode);
    assert_eq!(fs::metadata(&report).unwrap().nlink(), 2);
    assert_eq!(scratch.names(), ["other.txt", "r.txt"]);
}

#[cfg(unix)]
#[test]
fn fix_keeps_owner_group_and_mode() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let scratch = Scratch::new("owner");
    let report = scratch.report("r.txt");
    fs::set_permissions(&report, fs::Permissions::from_mode(0o640)).unwrap();
    // Another owner can only be given by root; elsewhere the mode is checked.
    let chowned = std::os::unix::fs::chown(&report, Some(4242), Some(4243)).is_ok();
    let output = fix(&report);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(fs::read_to_string(&report).unwrap().contains(RIGHT));
    let metadata = fs::metadata(&report).unwrap();
    assert_eq!(metadata.permissions().mode() & 0o7777, 0o640);
    if chowned {
        assert_eq!((metadata.uid(), metadata.gid()), (4242, 4243));
    } else {
        println!("note: not root; owner and group not checked");
    }
    assert_eq!(scratch.names(), ["r.txt"]);
}
