//! Finding and reading inputs, as a process: files that are not regular files,
//! unreadable directories met in a walk or a glob, symbolic links (not
//! followed without `--follow`, never written through out of the searched
//! folder), and byte offsets in input diagnostics.
//!
//! Every run has a timeout, so that a regression that blocks (a FIFO with no
//! writer) fails the test instead of hanging the suite.
//!
//! Permission tests need permissions that hold: root reads a mode-000
//! directory anyway. When the tests run as root they run disclint as user
//! `nobody` with `setpriv`; where that is not possible they say so on
//! standard error and skip.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

const CLEAN: &str = "examples/reports/clean-2024.txt";
const TIMEOUT: Duration = Duration::from_secs(60);

fn disclint() -> Command {
    let mut cmd = Command::cargo_bin("disclint").unwrap();
    cmd.env_remove("NO_COLOR").timeout(TIMEOUT);
    cmd
}

/// A scratch folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("disclint-inputs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// Writes a file (and its folders) under the scratch folder.
    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn arg(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // Give locked folders their permissions back so that they can be removed.
        restore_permissions(&self.0);
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn restore_permissions(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755));
            restore_permissions(&path);
        }
    }
}

/// Runs `cmd` with `--format json --lang en`; returns the exit code and the
/// JSON document. A run that timed out (killed: no exit code) fails here.
fn json_run(cmd: &mut Command) -> (i32, Value) {
    let output = cmd
        .args(["--format", "json", "--lang", "en"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let code = output
        .status
        .code()
        .unwrap_or_else(|| panic!("disclint did not finish (timeout?): {stderr}"));
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}); exit {code}; stderr: {stderr}"));
    (code, json)
}

/// The files of a JSON document: (path, codes, first message).
fn files(json: &Value) -> Vec<(String, Vec<String>, String)> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| {
            let diagnostics = file["diagnostics"].as_array().unwrap();
            (
                file["path"].as_str().unwrap().to_owned(),
                diagnostics
                    .iter()
                    .map(|d| d["code"].as_str().unwrap().to_owned())
                    .collect(),
                diagnostics
                    .first()
                    .map(|d| d["message"].as_str().unwrap().to_owned())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn paths(json: &Value) -> Vec<String> {
    files(json).into_iter().map(|(path, ..)| path).collect()
}

/// The clean example report with one `&nbsp;` (X002, a safe fix).
fn fixable_report() -> String {
    std::fs::read_to_string(CLEAN)
        .unwrap()
        .replacen("门户网站下载。", "门户网站下载。&nbsp;", 1)
}

/// Makes a FIFO with `mkfifo`; `false` (with a note) when there is none.
fn mkfifo(path: &Path) -> bool {
    match std::process::Command::new("mkfifo").arg(path).status() {
        Ok(status) if status.success() => true,
        other => {
            eprintln!("note: skipped: mkfifo is not available ({other:?})");
            false
        }
    }
}

#[test]
fn a_fifo_named_on_the_command_line_is_refused_without_waiting_for_a_writer() {
    let scratch = Scratch::new("fifo-arg");
    let fifo = scratch.path("pipe.txt");
    if !mkfifo(&fifo) {
        return;
    }
    let (code, json) = json_run(disclint().arg("check").arg(&fifo).arg(CLEAN));
    assert_eq!(code, 2);
    let files = files(&json);
    assert_eq!(files.len(), 2, "{files:?}");
    assert_eq!(files[0].1, ["I004"]);
    assert!(
        files[0].2.contains("not a regular file") && files[0].2.contains("FIFO"),
        "{}",
        files[0].2
    );
    assert!(
        files[1].1.is_empty(),
        "the other file is checked: {files:?}"
    );
    let output = disclint().arg("check").arg(&fifo).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("不是普通文件"), "{text}");
    assert!(
        text.contains("disclint check -"),
        "the help names stdin: {text}"
    );
}

#[test]
fn a_fifo_met_in_a_walk_is_reported_without_waiting_for_a_writer() {
    let scratch = Scratch::new("fifo-walk");
    scratch.write("reports/r.txt", std::fs::read(CLEAN).unwrap());
    if !mkfifo(&scratch.path("reports/pipe.txt")) {
        return;
    }
    let (code, json) = json_run(disclint().arg("check").arg(scratch.path("reports")));
    assert_eq!(code, 2);
    let files = files(&json);
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files[0].0.ends_with("pipe.txt") && files[0].1 == ["I004"]);
    assert!(files[1].0.ends_with("r.txt") && files[1].1.is_empty());
}

#[test]
fn a_socket_and_devices_named_on_the_command_line_are_refused() {
    let scratch = Scratch::new("socket");
    let socket = scratch.path("socket.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let mut cmd = disclint();
    cmd.arg("check").arg(&socket);
    let devices: Vec<&str> = ["/dev/zero", "/dev/null"]
        .into_iter()
        .filter(|d| Path::new(d).exists())
        .collect();
    cmd.args(&devices);
    let (code, json) = json_run(&mut cmd);
    assert_eq!(code, 2);
    let files = files(&json);
    assert_eq!(files.len(), 1 + devices.len());
    assert!(files[0].2.contains("a socket"), "{}", files[0].2);
    for file in &files[1..] {
        assert_eq!(file.1, ["I004"], "{file:?}");
        assert!(file.2.contains("a character device"), "{}", file.2);
    }
}

/// A command running disclint with file permissions in force: as is when
/// they already hold, as user `nobody` (`setpriv`) when running as root;
/// `None`, with a note, when they cannot be made to hold.
fn unprivileged(scratch: &Scratch) -> Option<Command> {
    use std::os::unix::fs::PermissionsExt;
    let probe = scratch.write("probe", "x");
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).unwrap();
    let privileged = std::fs::read(&probe).is_ok();
    std::fs::remove_file(&probe).unwrap();
    if !privileged {
        return Some(disclint());
    }
    let binary = assert_cmd::cargo::cargo_bin("disclint");
    let setpriv = |program: &Path| {
        let mut cmd = std::process::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(program);
        cmd
    };
    let works = setpriv(&binary)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !works {
        eprintln!(
            "note: skipped: running as a privileged user that reads any file, and cannot \
             drop privileges with setpriv (or user nobody cannot run {})",
            binary.display()
        );
        return None;
    }
    let mut cmd = Command::from_std(setpriv(&binary));
    cmd.env_remove("NO_COLOR").timeout(TIMEOUT);
    Some(cmd)
}

fn lock(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
}

#[test]
fn an_unreadable_subdirectory_met_in_a_walk_or_a_glob_is_i004() {
    let scratch = Scratch::new("locked-sub");
    scratch.write("reports/r.txt", std::fs::read(CLEAN).unwrap());
    scratch.write(
        "reports/locked/hidden-report.txt",
        std::fs::read(CLEAN).unwrap(),
    );
    let Some(mut cmd) = unprivileged(&scratch) else {
        return;
    };
    lock(&scratch.path("reports/locked"));
    for argument in [scratch.arg("reports"), scratch.arg("reports/**/*.txt")] {
        let (code, json) = json_run(cmd.arg("check").arg(&argument));
        let files = files(&json);
        assert_eq!(code, 2, "{argument}: {files:?}");
        assert_eq!(files.len(), 2, "{argument}: {files:?}");
        assert_eq!(files[0].0, scratch.arg("reports/locked"));
        assert_eq!(files[0].1, ["I004"]);
        assert!(files[0].2.contains("denied"), "{}", files[0].2);
        assert_eq!(files[1].0, scratch.arg("reports/r.txt"));
        assert!(files[1].1.is_empty());
        cmd = unprivileged(&scratch).unwrap();
    }
}

#[test]
fn an_unreadable_directory_argument_is_i004_not_i005() {
    let scratch = Scratch::new("locked-arg");
    scratch.write("locked/r.txt", std::fs::read(CLEAN).unwrap());
    let Some(_) = unprivileged(&scratch) else {
        return;
    };
    lock(&scratch.path("locked"));
    for argument in [scratch.arg("locked"), scratch.arg("locked/*.txt")] {
        let (code, json) = json_run(unprivileged(&scratch).unwrap().arg("check").arg(&argument));
        let files = files(&json);
        assert_eq!(code, 2);
        assert_eq!(files.len(), 1, "{argument}: {files:?}");
        assert_eq!(files[0].0, scratch.arg("locked"));
        assert_eq!(files[0].1, ["I004"], "{argument}: {files:?}");
        assert!(files[0].2.contains("denied"), "{}", files[0].2);
    }
    // A glob under a folder that does not exist still matches nothing.
    let (code, json) = json_run(disclint().arg("check").arg(scratch.arg("missing/*.txt")));
    assert_eq!(code, 2);
    assert_eq!(files(&json)[0].1, ["I005"]);
}

/// `root/` with a report, a link to a file outside, a link to a folder
/// outside, and `outside/` holding a "secret" and a fixable report.
fn linked_tree(scratch: &Scratch) {
    scratch.write("root/r.txt", std::fs::read(CLEAN).unwrap());
    scratch.write("outside/secret.txt", "root:x:0:0:SECRET-LINE\n");
    scratch.write("outside/fixable.txt", fixable_report());
    std::os::unix::fs::symlink(
        scratch.path("outside/secret.txt"),
        scratch.path("root/passwd.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(scratch.path("outside"), scratch.path("root/elsewhere")).unwrap();
}

#[test]
fn walks_and_globs_do_not_follow_links_unless_asked() {
    let scratch = Scratch::new("links");
    linked_tree(&scratch);
    for argument in [scratch.arg("root"), scratch.arg("root/**/*.txt")] {
        let output = disclint().arg("check").arg(&argument).output().unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(!text.contains("SECRET"), "{argument}: {text}");
        let (code, json) = json_run(disclint().arg("check").arg(&argument));
        assert_eq!(code, 0, "{argument}");
        assert_eq!(paths(&json), [scratch.arg("root/r.txt")], "{argument}");

        let (_, json) = json_run(disclint().args(["check", "--follow"]).arg(&argument));
        assert_eq!(
            paths(&json),
            [
                scratch.arg("root/elsewhere/fixable.txt"),
                scratch.arg("root/elsewhere/secret.txt"),
                scratch.arg("root/passwd.txt"),
                scratch.arg("root/r.txt"),
            ],
            "{argument} --follow"
        );
        let (_, json) = json_run(disclint().args(["check", "-L"]).arg(&argument));
        assert_eq!(paths(&json).len(), 4, "-L is --follow");
    }
    // Named on the command line, a link is read.
    let (_, json) = json_run(disclint().arg("check").arg(scratch.path("root/passwd.txt")));
    assert_eq!(files(&json)[0].1, ["S000"]);
    let (_, json) = json_run(disclint().arg("check").arg(scratch.path("root/elsewhere")));
    assert_eq!(paths(&json).len(), 2, "a folder link named is searched");
}

#[test]
fn fix_never_writes_through_a_link_out_of_the_searched_folder() {
    let scratch = Scratch::new("fix-links");
    linked_tree(&scratch);
    // A link that stays inside the folder: to a file the walk does not list itself.
    scratch.write("root/data/inside.report", fixable_report());
    std::os::unix::fs::symlink("data/inside.report", scratch.path("root/inside.txt")).unwrap();
    let outside = scratch.path("outside/fixable.txt");
    let before = std::fs::read(&outside).unwrap();

    // Without --follow the links are not even read.
    let (code, json) = json_run(
        disclint()
            .args(["check", "--fix", "--select", "X002"])
            .arg(scratch.path("root")),
    );
    assert_eq!(code, 0, "{json}");
    assert_eq!(paths(&json), [scratch.arg("root/r.txt")]);
    assert_eq!(std::fs::read(&outside).unwrap(), before);

    // With --follow: read and reported, but the file outside is not written.
    let output = disclint()
        .args([
            "check", "--follow", "--fix", "--select", "X002", "--lang", "en",
        ])
        .arg(scratch.path("root"))
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert_eq!(std::fs::read(&outside).unwrap(), before, "{text}");
    assert!(text.contains("outside"), "the refusal says why: {text}");
    // The link inside the folder is fixed through; the link stays a link.
    let inside = std::fs::read_to_string(scratch.path("root/data/inside.report")).unwrap();
    assert!(!inside.contains("&nbsp;"), "{text}");
    assert!(std::fs::symlink_metadata(scratch.path("root/inside.txt"))
        .unwrap()
        .file_type()
        .is_symlink());

    // Named on the command line, a link is fixed through (its target replaced).
    disclint()
        .args(["check", "--fix", "--select", "X002"])
        .arg(scratch.path("root/elsewhere/fixable.txt"))
        .assert()
        .code(0);
    assert!(!std::fs::read_to_string(&outside)
        .unwrap()
        .contains("&nbsp;"));
}

#[test]
fn a_link_loop_under_a_glob_ends_and_each_file_is_listed_once() {
    let scratch = Scratch::new("glob-loop");
    scratch.write("tree/a/r.txt", std::fs::read(CLEAN).unwrap());
    std::os::unix::fs::symlink("..", scratch.path("tree/a/up")).unwrap();
    std::os::unix::fs::symlink(".", scratch.path("tree/a/here")).unwrap();
    for follow in [false, true] {
        let mut cmd = disclint();
        cmd.arg("check").arg(scratch.arg("tree/**/*.txt"));
        if follow {
            cmd.arg("--follow");
        }
        let (code, json) = json_run(&mut cmd);
        assert_eq!(code, 0, "--follow {follow}");
        assert_eq!(
            paths(&json),
            [scratch.arg("tree/a/r.txt")],
            "--follow {follow}"
        );
    }
}

#[test]
fn input_diagnostic_offsets_are_file_bytes() {
    use disclint::read::encode;
    use disclint::source::TextEncoding;
    let scratch = Scratch::new("offsets");
    let text = "总体情况：某某镇人民政府2024年政府信息公开工作年度报告\n一、总体情况\n";
    let message = |bytes: Vec<u8>, extra: &[&str]| {
        let path = scratch.write("x.txt", bytes);
        let (code, json) = json_run(disclint().arg("check").arg(&path).args(extra));
        assert_eq!(code, 2);
        files(&json)[0].2.clone()
    };

    // UTF-16LE with a byte-order mark: the NUL is a 2-byte unit after the text.
    let mut utf16 = encode(text, TextEncoding::Utf16Le, true);
    let nul = utf16.len();
    utf16.extend_from_slice(&encode("\0尾", TextEncoding::Utf16Le, false));
    assert_eq!(
        message(utf16, &[]),
        format!("this is not a text file (control byte at offset {nul})")
    );

    // GB18030: a NUL after Chinese text.
    let mut gb = encode(text, TextEncoding::Gb18030, false);
    let nul = gb.len();
    gb.extend_from_slice(b"\0tail");
    assert_eq!(
        message(gb.clone(), &[]),
        format!("this is not a text file (control byte at offset {nul})")
    );

    // GB18030 with one byte that does not decode, detected and forced: the
    // offset is that byte's, not the first byte that is not UTF-8 (byte 0).
    let mut bad = encode(text, TextEncoding::Gb18030, false);
    let at = bad.len();
    bad.extend_from_slice(b"\x81\x20abc");
    let expected = format!("cannot decode as gb18030: invalid byte at offset {at}");
    assert_eq!(message(bad.clone(), &[]), expected);
    assert_eq!(message(bad, &["--encoding", "gb18030"]), expected);
}
