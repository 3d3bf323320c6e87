//! I005 `no-input-matched`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};

/// A glob or directory matched no report file.
pub struct NoInputMatched;

impl Rule for NoInputMatched {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "I005".into(),
            name: "no-input-matched".into(),
            family: Family::Input,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "通配符或目录没有匹配到任何报告文件".into(),
            summary_en: "A glob or directory matched no report file".into(),
            explanation:
                "A directory is searched recursively for `*.txt` and `*.md` files (more \
with `--extension`), skipping hidden entries and what `.gitignore` excludes; a glob pattern is \
expanded. When nothing matches, or the pattern is invalid, the argument is reported (exit code 2) \
so that a typo does not pass silently as a clean run. Reported by the reader, not by `check` rules."
                    .into(),
            basis: "disclint 的输入处理".into(),
            bad_example: "disclint check 'reports/*.docx'".into(),
            good_example: "disclint check 'reports/*.txt'".into(),
        }
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
