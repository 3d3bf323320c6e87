//! I003 `input-too-large`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};

/// The file is over `--max-file-size`.
pub struct InputTooLarge;

impl Rule for InputTooLarge {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "I003".into(),
            name: "input-too-large".into(),
            family: Family::Input,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "文件超过大小上限".into(),
            summary_en: "The file is larger than --max-file-size".into(),
            explanation: "An annual report is 5–50 KB of text; a file over `--max-file-size` \
(default 32 MiB) is almost certainly something else (a log, a data dump, a device) and is not \
read, so that one stray file cannot exhaust memory. It is reported and not checked (exit code 2). \
Raise the limit with `--max-file-size 64M` if the file really is a report. Reported by the reader, \
not by `check` rules."
                .into(),
            basis: "disclint 的资源上限（--max-file-size）".into(),
            bad_example: "disclint check --max-file-size 1K report.txt   # report.txt has 10 KB"
                .into(),
            good_example: "disclint check report.txt   # default limit 32 MiB".into(),
        }
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
