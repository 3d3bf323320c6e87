//! How citation and text findings read, in both languages (insta snapshots).

fn check(lang: &str) -> String {
    let mut out = Vec::new();
    let mut err = Vec::new();
    // Not the process's terminal: the snapshots are the same in a terminal.
    let code = disclint::cli::run_with(
        [
            "disclint",
            "check",
            "--no-config",
            "--select",
            "C,X001,X002",
            "--lang",
            lang,
            "tests/fixtures/citations/excerpt.txt",
        ],
        disclint::cli::Environment::default(),
        &mut out,
        &mut err,
    );
    assert_eq!(code, 1, "{}", String::from_utf8_lossy(&err));
    // The findings only: the summary line belongs to the renderer's own tests.
    let text = String::from_utf8(out).unwrap();
    let body = text
        .trim_end()
        .rsplit_once('\n')
        .map_or("", |(body, _)| body);
    body.to_owned()
}

#[test]
fn citation_findings_in_chinese() {
    insta::assert_snapshot!(check("zh"));
}

#[test]
fn citation_findings_in_english() {
    insta::assert_snapshot!(check("en"));
}
