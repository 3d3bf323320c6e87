//! I004 `unreadable-path`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};

/// A path names nothing readable.
pub struct UnreadablePath;

impl Rule for UnreadablePath {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "I004".into(),
            name: "unreadable-path".into(),
            family: Family::Input,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "路径无法读取".into(),
            summary_en: "A path cannot be read".into(),
            explanation: "A path that does not exist, that the user may not read, a broken \
symbolic link, or a directory where a file was needed is reported with the operating system's \
reason (exit code 2); the other inputs are still checked. Reported by the reader, not by `check` \
rules."
                .into(),
            basis: "disclint 的输入处理".into(),
            bad_example: "disclint check 不存在的报告.txt".into(),
            good_example: "disclint check 报告.txt".into(),
        }
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
