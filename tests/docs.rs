//! Generated documentation stays in sync with the rule metadata.

use disclint::cli::rules_markdown;
use disclint::rules::Registry;

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let expected = rules_markdown(&Registry::builtin());
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/rules.md is stale: run `cargo run -q -- rules --markdown > docs/rules.md`"
    );
}
