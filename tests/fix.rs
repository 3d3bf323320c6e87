//! `--fix` and `--diff` on real files: UTF-8, UTF-8 with BOM and CRLF,
//! GB18030 and UTF-16 round trips that change no byte outside the edits.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use disclint::read::encode;
use disclint::source::TextEncoding;

const FAILING: &str = "tests/fixtures/output/failing.txt";
/// The wrong period in the failing fixture (P002 offers an unsafe fix) and its correction.
const WRONG: &str = "2023年1月1日至2023年12月31日";
const RIGHT: &str = "2024年1月1日至2024年12月31日";

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("disclint-fix-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn disclint() -> Command {
    Command::cargo_bin("disclint").unwrap()
}

/// Replaces the one occurrence of `from` in `bytes` by `to`.
fn replace_once(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("pattern present");
    assert!(
        bytes[at + 1..].windows(from.len()).all(|w| w != from),
        "pattern unique"
    );
    [&bytes[..at], to, &bytes[at + from.len()..]].concat()
}

fn fixture_text(crlf: bool) -> String {
    let text = std::fs::read_to_string(FAILING).unwrap();
    if crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn fix_round_trips_keep_encoding_bom_line_endings_and_every_other_byte() {
    let cases = [
        ("utf8", TextEncoding::Utf8, false, false),
        ("utf8-bom-crlf", TextEncoding::Utf8, true, true),
        ("gb18030", TextEncoding::Gb18030, false, false),
        ("gb18030-crlf", TextEncoding::Gb18030, false, true),
        ("utf16le", TextEncoding::Utf16Le, true, true),
    ];
    for (name, encoding, bom, crlf) in cases {
        let scratch = Scratch::new(name);
        let path = scratch.0.join("report.txt");
        let before = encode(&fixture_text(crlf), encoding, bom);
        std::fs::write(&path, &before).unwrap();

        // Safe fixes only: P002's fix is unsafe, so nothing changes.
        disclint()
            .args(["check", "--select", "S,P", "--fix"])
            .arg(&path)
            .assert()
            .code(1);
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{name}: unsafe fix applied"
        );

        // --diff shows the change and writes nothing.
        let output = disclint()
            .args(["check", "--select", "S,P", "--diff", "--unsafe-fixes"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{name}");
        let diff = String::from_utf8(output.stdout).unwrap();
        let old_line: String = fixture_text(false)
            .lines()
            .nth(1)
            .unwrap()
            .chars()
            .take(10)
            .collect();
        assert!(diff.contains(&format!("\n-{old_line}")), "{name}: {diff}");
        assert!(diff.contains(RIGHT), "{name}: {diff}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{name}: --diff wrote"
        );

        let output = disclint()
            .args([
                "check",
                "--select",
                "S,P",
                "--fix",
                "--unsafe-fixes",
                "--format",
                "json",
            ])
            .arg(&path)
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(json["summary"]["fixed"], 1, "{name}");
        assert_eq!(json["summary"]["errors"], 0, "{name}");
        assert_eq!(output.status.code(), Some(0), "{name}");

        let after = std::fs::read(&path).unwrap();
        let expected = replace_once(
            &before,
            &encode(WRONG, encoding, false),
            &encode(RIGHT, encoding, false),
        );
        assert_eq!(after, expected, "{name}: bytes outside the edit changed");
        assert_eq!(
            files_in(&scratch.0),
            ["report.txt"],
            "{name}: temporary file left"
        );

        // Nothing left to fix: a second run changes nothing and --diff is empty.
        disclint()
            .args(["check", "--select", "S,P", "--fix", "--unsafe-fixes"])
            .arg(&path)
            .assert()
            .code(0);
        assert_eq!(std::fs::read(&path).unwrap(), expected, "{name}");
        let output = disclint()
            .args(["check", "--select", "S,P", "--diff", "--unsafe-fixes"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{name}");
        assert!(output.stdout.is_empty(), "{name}");
    }
}

#[test]
fn fix_refuses_rather_than_change_bytes_that_do_not_round_trip() {
    let scratch = Scratch::new("gb-euro");
    let path = scratch.0.join("report.txt");
    // 0x80 reads as € in GB18030, but € is written A2 E3: rewriting would change it.
    let mut before = encode(&fixture_text(false), TextEncoding::Gb18030, false);
    before.extend_from_slice(b"\x80\n");
    std::fs::write(&path, &before).unwrap();
    let output = disclint()
        .args([
            "check",
            "--select",
            "S,P",
            "--fix",
            "--unsafe-fixes",
            "--lang",
            "en",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("fixes not applied"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn fix_through_a_symbolic_link_replaces_the_target() {
    let scratch = Scratch::new("symlink");
    let target = scratch.0.join("real.txt");
    let link = scratch.0.join("link.txt");
    std::fs::write(&target, fixture_text(false)).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    disclint()
        .args(["check", "--select", "S,P", "--fix", "--unsafe-fixes"])
        .arg(&link)
        .assert()
        .code(0);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&target).unwrap().contains(RIGHT));
}

#[test]
fn fix_on_standard_input_writes_the_fixed_report_to_standard_output() {
    let before = encode(&fixture_text(true), TextEncoding::Gb18030, false);
    let output = disclint()
        .args([
            "check",
            "-",
            "--select",
            "S,P",
            "--fix",
            "--unsafe-fixes",
            "--format",
            "concise",
        ])
        .write_stdin(before.clone())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let expected = replace_once(
        &before,
        &encode(WRONG, TextEncoding::Gb18030, false),
        &encode(RIGHT, TextEncoding::Gb18030, false),
    );
    assert_eq!(output.stdout, expected);
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("-:3:1: warning[S006]"));
}
