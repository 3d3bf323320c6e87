//! The command line as data, trycmd-style: each case in `tests/cmd/` is a
//! `NAME.toml` (the arguments, and the exit code when it is not 0) beside
//! the standard input it is given (`NAME.stdin`) and the standard output
//! and error it must write (`NAME.stdout`, `NAME.stderr`); a `NAME.in/`
//! folder is the working directory of the case. In the expected files
//! `[..]` stands for any text within a line and `...` for any lines.
//!
//! After a deliberate change of output, `TRYCMD=overwrite cargo test --test
//! cli_cases` rewrites the expected files: read the diff before committing.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .default_bin_path(env!("CARGO_BIN_EXE_disclint"))
        // Human output wraps at `COLUMNS`; the cases are written at 100.
        .env("COLUMNS", "100")
        .case("tests/cmd/*.toml");
}
