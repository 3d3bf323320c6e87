//! The CLI in an injected [`Environment`], as a checking service or an
//! editor server embeds it: standard input, terminals and `NO_COLOR` come
//! from the environment given, not from the process.

use disclint::cli::{run_with, Environment};

const FAILING: &str = "tests/fixtures/output/failing.txt";

/// Runs `disclint ARGS` in `env`: exit code, standard output, standard error.
fn run(args: &[&str], env: Environment) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let argv = std::iter::once("disclint").chain(args.iter().copied());
    let code = run_with(argv, env, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// An environment whose standard input holds `bytes`.
fn with_stdin(bytes: Vec<u8>) -> Environment {
    Environment {
        stdin: Box::new(std::io::Cursor::new(bytes)),
        ..Environment::default()
    }
}

const CHECK: [&str; 6] = ["check", "--no-config", "--select", "S,P", "--lang", "en"];

#[test]
fn check_dash_reads_the_injected_standard_input() {
    let report = std::fs::read(FAILING).unwrap();
    let args = [
        &CHECK[..],
        &["-", "--stdin-filename", "buffer.txt", "--format", "concise"],
    ]
    .concat();
    let (code, out, err) = run(&args, with_stdin(report));
    assert_eq!(code, 1, "{err}");
    assert!(out.starts_with("buffer.txt:2:116: error[P002]"), "{out}");
    // Nothing injected, nothing read: an empty report is not a report.
    let (_, out, _) = run(&args, Environment::default());
    assert!(out.contains("buffer.txt:1:1: error[S000]"), "{out}");
}

#[test]
fn check_dash_fix_writes_the_fixed_report_and_tells_a_read_failure() {
    let report = std::fs::read_to_string(FAILING).unwrap();
    let args = [
        &CHECK[..],
        &["-", "--fix", "--unsafe-fixes", "--format", "concise"],
    ]
    .concat();
    let (_, out, err) = run(&args, with_stdin(report.clone().into_bytes()));
    assert_ne!(out, report, "the period's year is rewritten");
    assert!(out.contains("2024年1月1日"), "{out}");
    assert!(err.contains("checked 1 file"), "{err}");
    // The notes of `check - --fix` are held back until the diagnostics are
    // written; a failure to read is one of them and is not lost.
    let args = [&args[..], &["--max-file-size", "16"]].concat();
    let (code, out, err) = run(&args, with_stdin(report.into_bytes()));
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.contains("cannot read standard input: more than 16 bytes"),
        "{err}"
    );
}

#[test]
fn colour_follows_the_injected_terminal_flag_and_no_color() {
    let human = |stdout_is_terminal: bool, no_color: bool, extra: &[&str]| {
        let env = Environment {
            stdout_is_terminal,
            no_color,
            ..Environment::default()
        };
        let (_, out, _) = run(&[&CHECK[..], &[FAILING], extra].concat(), env);
        out.contains('\x1b')
    };
    assert!(human(true, false, &[]), "a terminal is coloured");
    assert!(!human(false, false, &[]), "a pipe is not");
    assert!(!human(true, true, &[]), "NO_COLOR wins over a terminal");
    assert!(
        human(false, true, &["--color", "always"]),
        "--color always wins"
    );
    assert!(!human(true, false, &["--color", "never"]));
    // The report is not on standard output: no colour for the terminal.
    let dir = std::env::temp_dir().join(format!("disclint-env-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("report.txt");
    let file = file.to_str().unwrap();
    assert!(!human(true, false, &["--output-file", file]));
    let written = std::fs::read_to_string(file).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        !written.contains('\x1b') && written.contains("P002"),
        "{written}"
    );
}

#[test]
fn argument_errors_are_coloured_for_a_terminal_without_no_color() {
    let error = |stderr_is_terminal: bool, no_color: bool| {
        let env = Environment {
            stderr_is_terminal,
            no_color,
            ..Environment::default()
        };
        let (code, out, err) = run(&["check", "--no-such-flag", FAILING], env);
        assert_eq!((code, out.as_str()), (2, ""));
        assert!(err.contains("--no-such-flag"), "{err}");
        err.contains('\x1b')
    };
    assert!(error(true, false));
    assert!(!error(false, false));
    assert!(!error(true, true));
}

#[test]
fn parse_shows_people_the_grid_and_programs_json() {
    let args = ["parse", "--no-config", "examples/reports/clean-2024.txt"];
    let terminal = Environment {
        stdout_is_terminal: true,
        ..Environment::default()
    };
    let (code, out, err) = run(&args, terminal);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("文件：examples/reports/clean-2024.txt"),
        "{out}"
    );
    assert!(
        out.contains("表：收到和处理政府信息公开申请情况表"),
        "{out}"
    );
    // Not a terminal: JSON, as before the human view.
    let (code, out, err) = run(&args, Environment::default());
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["tables"][1]["columns"][0]["label"], "自然人");
    assert_eq!(json["tables"][1]["rows"][0]["columns"][6], "total");
}
