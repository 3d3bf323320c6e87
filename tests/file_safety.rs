//! The files disclint reads and rewrites besides reports — `disclint.toml`,
//! rule packs, the suppressions file: the suppressions file is edited in
//! place (comments, unknown fields and filled-in reasons survive), and only
//! regular files of bounded size are read, without ever quoting a file that
//! is not TOML.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

const FAILING: &str = "tests/fixtures/output/failing.txt";

/// A scratch folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("disclint-safety-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the CLI in this process: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = disclint::cli::run(
        std::iter::once("disclint").chain(args.iter().copied()),
        &mut out,
        &mut err,
    );
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// The binary, with a time limit so that a regression blocks no one.
fn disclint() -> Command {
    let mut cmd = Command::cargo_bin("disclint").unwrap();
    cmd.timeout(Duration::from_secs(20));
    cmd
}

/// The field lines (`rule = …` to `reason = …`) of the entry for `rule` in a
/// suppressions file written by disclint.
fn fields_of(text: &str, rule: &str) -> String {
    let start = text
        .find(&format!("rule = \"{rule}\""))
        .unwrap_or_else(|| panic!("no {rule} entry in\n{text}"));
    let reason = start + text[start..].find("reason = ").unwrap();
    let end = text[reason..].find('\n').map_or(text.len(), |n| reason + n);
    format!("{}\n", &text[start..end])
}

#[test]
fn editing_the_suppressions_file_keeps_what_people_wrote() {
    let scratch = Scratch::new("suppressions");
    std::fs::copy(FAILING, scratch.path("r.txt")).unwrap();
    let report = scratch.path("r.txt").display().to_string();
    let list = scratch.path("disclint-suppressions.toml");
    let list_arg = list.display().to_string();
    let check = |extra: &[&str]| {
        let mut args = vec![
            "check",
            &report,
            "--no-config",
            "--select",
            "S,P",
            "--lang",
            "en",
            "--suppressions",
            &list_arg,
        ];
        args.extend_from_slice(extra);
        run(&args)
    };

    // The entries disclint writes for the report's three diagnostics.
    let (code, _, err) = check(&["--add-suppressions"]);
    assert_eq!(code, 0, "{err}");
    let generated = std::fs::read_to_string(&list).unwrap();
    let (p002, s006, s004) = (
        fields_of(&generated, "P002"),
        fields_of(&generated, "S006"),
        fields_of(&generated, "S004"),
    );

    // Reviewers edit the file: comments, blank lines, an unknown key and an
    // unknown field, a reason filled in, a stale entry; S004 is left out.
    let p002 = p002.replace("reason = \"\"", "reason = \"经核实，期限表述无误\"");
    let edited = format!(
        "# 本文件由审核人员维护。\n\
         # Kept by the reviewers: edit by hand, disclint keeps your edits.\n\
         \n\
         version = 1\n\
         owner = \"办公室\"  # not a field disclint knows\n\
         \n\
         [[suppression]]\n\
         {p002}\
         reviewed-by = \"张三\"   # nor this one\n\
         \n\
         # Entries of the 2023 review, kept for the record.\n\
         \n\
         # This one was fixed in the report.\n\
         [[suppression]]\n\
         rule = \"P002\"\n\
         path = \"r.txt\"\n\
         fingerprint = \"00000000000000000000000000000000\"\n\
         text = \"2022\"\n\
         reason = \"old\"\n\
         \n\
         [[suppression]]\n\
         {s006}"
    );
    std::fs::write(&list, &edited).unwrap();

    // Adding appends the missing entry and changes no other byte.
    let (code, _, err) = check(&["--add-suppressions"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("added 1 suppressions"), "{err}");
    let added = std::fs::read_to_string(&list).unwrap();
    assert_eq!(added, format!("{edited}\n[[suppression]]\n{s004}"));

    // Pruning removes the stale entry and the comment right above it; the
    // comment standing apart, and everything else, stays byte for byte.
    let (code, _, err) = check(&["--prune-suppressions"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("removed 1 stale suppressions"), "{err}");
    let pruned = std::fs::read_to_string(&list).unwrap();
    let stale = "# This one was fixed in the report.\n\
                 [[suppression]]\n\
                 rule = \"P002\"\n\
                 path = \"r.txt\"\n\
                 fingerprint = \"00000000000000000000000000000000\"\n\
                 text = \"2022\"\n\
                 reason = \"old\"\n\
                 \n";
    assert!(added.contains(stale));
    assert_eq!(pruned, added.replacen(stale, "", 1));

    // The edited file still does its job.
    let (code, out, err) = check(&["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["summary"]["suppressed"], 3, "{out}");
    assert_eq!(err, "");
}

/// `check` with a pack, a configuration and a suppressions file named by
/// `args`, in English: (exit code, stderr).
fn refused(args: &[&str]) -> (i32, String) {
    let (code, out, err) = run(&[&["check", "--lang", "en"], args, &[FAILING]].concat());
    assert_eq!(out, "", "nothing is linted");
    (code, err)
}

#[test]
fn a_file_that_is_not_toml_is_named_but_never_quoted() {
    let scratch = Scratch::new("not-toml");
    let secret = "s3cret-Passw0rd";
    let cases: [(&str, Vec<u8>); 4] = [
        (
            "passwd",
            format!("root:x:0:0:{secret}:/root:/bin/bash\n").into_bytes(),
        ),
        (
            "script.sh",
            format!("#!/bin/sh\nexport TOKEN={secret}\n").into_bytes(),
        ),
        (
            "binary",
            format!("a = 1\n{secret}\0\x01\x02\n").into_bytes(),
        ),
        (
            "latin1",
            [b"a = \"", secret.as_bytes(), b"\xe9\"\n"].concat(),
        ),
    ];
    for (name, bytes) in cases {
        let path = scratch.write(name, &bytes);
        let config = scratch.write(
            "disclint.toml",
            format!("rule_packs = [{:?}]\n", path).as_bytes(),
        );
        for args in [
            vec!["--no-config", "--rules", &path],
            vec!["--config", &config],
            vec!["--config", &path],
            vec!["--no-config", "--suppressions", &path],
        ] {
            let (code, err) = refused(&args);
            assert_eq!(code, 2, "{name} {args:?}: {err}");
            assert!(err.contains(name), "{name} {args:?}: names the file: {err}");
            assert!(
                !err.contains(secret),
                "{name} {args:?}: quotes the file: {err}"
            );
        }
    }
    // The problem is told in the language asked for.
    let path = scratch.path("passwd").display().to_string();
    let (_, err) = refused(&["--no-config", "--rules", &path]);
    assert!(err.contains("not a TOML file"), "{err}");
    let (code, _, err) = run(&["check", "--no-config", "--rules", &path, FAILING]);
    assert_eq!(code, 2);
    assert!(err.contains("不是 TOML 文件"), "{err}");
    let binary = scratch.path("binary").display().to_string();
    let (_, err) = refused(&["--no-config", "--rules", &binary]);
    assert!(err.contains("control character"), "{err}");
    let latin1 = scratch.path("latin1").display().to_string();
    let (_, err) = refused(&["--no-config", "--rules", &latin1]);
    assert!(err.contains("not UTF-8"), "{err}");

    // A TOML file with a mistake further down is still shown where it is wrong.
    let pack = scratch.write("pack.toml", "[pack]\nname = \"p\"\ncolour = 1\n");
    let (code, err) = refused(&["--no-config", "--rules", &pack]);
    assert_eq!(code, 2);
    assert!(err.contains("colour = 1"), "{err}");
}

#[test]
fn a_pack_or_configuration_over_the_size_cap_is_refused() {
    let scratch = Scratch::new("large");
    // Valid TOML (a comment), so only the size can be wrong with it.
    let big = format!("# {}\n[pack]\nname = \"big\"\n", "x".repeat(4 << 20));
    let pack = scratch.write("big.toml", &big);
    let (code, err) = refused(&["--no-config", "--rules", &pack]);
    assert_eq!(code, 2);
    assert!(err.contains("big.toml") && err.contains("4 MiB"), "{err}");
    let (code, err) = refused(&["--config", &pack]);
    assert_eq!(code, 2);
    assert!(err.contains("big.toml") && err.contains("4 MiB"), "{err}");
}

/// Runs the binary under a 1 GiB address-space limit, so that reading a file
/// without end fails instead of exhausting the machine's memory.
#[cfg(unix)]
fn bounded(args: &[&str], env: (&str, &str)) -> (Option<i32>, String) {
    let bin = assert_cmd::cargo::cargo_bin("disclint");
    let output = Command::new("sh")
        .args(["-c", "ulimit -v 1048576 && exec \"$0\" \"$@\""])
        .arg(bin)
        .args(args)
        .env(env.0, env.1)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn proc_files_and_devices_are_not_read() {
    let scratch = Scratch::new("devices");
    let secret = ("DISCLINT_TEST_SECRET", "hunter2-do-not-print");
    for file in ["/proc/self/environ", "/dev/zero"] {
        let config = scratch.write(
            "disclint.toml",
            format!("rule_packs = [{file:?}]\n").as_bytes(),
        );
        for args in [
            vec!["--no-config", "--rules", file],
            vec!["--config", &config],
            vec!["--config", file],
            vec!["--no-config", "--suppressions", file],
        ] {
            let all = [&["check", "--lang", "en"], &args[..], &[FAILING]].concat();
            let (code, err) = bounded(&all, secret);
            assert_eq!(code, Some(2), "{args:?}: {err}");
            assert!(err.contains(file), "{args:?}: names the file: {err}");
            assert!(err.contains("not a regular file"), "{args:?}: {err}");
            assert!(!err.contains(secret.1), "{args:?}: prints the environment");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_not_opened() {
    let scratch = Scratch::new("fifo");
    let fifo = scratch.path("pack.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        println!("note: mkfifo is not available; skipping");
        return;
    }
    let fifo = fifo.display().to_string();
    for args in [
        &["--no-config", "--rules", &fifo][..],
        &["--config", &fifo],
        &["--no-config", "--suppressions", &fifo],
    ] {
        let output = disclint()
            .args(["check", "--lang", "en"])
            .args(args)
            .arg(FAILING)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("FIFO"), "{args:?}: {err}");
    }
}

#[test]
fn a_directory_is_not_a_pack() {
    let scratch = Scratch::new("dir");
    let dir = scratch.path("pack.toml");
    std::fs::create_dir_all(&dir).unwrap();
    let dir = dir.display().to_string();
    let (code, err) = refused(&["--no-config", "--rules", &dir]);
    assert_eq!(code, 2);
    assert!(err.contains("a directory"), "{err}");
    let (code, _, err) = run(&["check", "--no-config", "--rules", &dir, FAILING]);
    assert_eq!(code, 2);
    assert!(err.contains("目录"), "{err}");
    assert!(Path::new(&dir).is_dir());
}
