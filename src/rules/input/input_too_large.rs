//! I003 `input-too-large`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// The file is over `--max-file-size`.
pub struct InputTooLarge;

impl Rule for InputTooLarge {
    declare_rule! {
        code: "I003",
        name: "input-too-large",
        family: Input,
        severity: Error,
        summary_zh: "文件超过大小上限",
        summary_en: "The file is larger than --max-file-size",
        explanation_zh: "一份年度报告的文本只有 5–50 KB；超过 `--max-file-size`（默认 32 MiB）\
            的文件几乎肯定是别的东西（日志、数据导出、设备文件），不予读取，\
            以免一个误入的文件耗尽内存。提示后该文件不检查（退出码为2）。如果它确实是报告，可用 \
            `--max-file-size 64M` 调高上限。\
            由读取环节报告；和其他规则一样可以选用、忽略或调整级别，\
            忽略后该文件仍不检查，但不再导致退出码2。",
        explanation_en: "An annual report is 5–50 KB of text; a file over `--max-file-size` \
            (default 32 MiB) is almost certainly something else (a log, a data dump, a device) \
            and is not read, so that one stray file cannot exhaust memory. It is reported and \
            not checked (exit code 2). Raise the limit with `--max-file-size 64M` if the file \
            really is a report. \
            Reported by the reader; selected, ignored and given a severity like any rule \
            (ignored, the file is still not checked but no longer makes the exit code 2).",
        basis: "disclint 的资源上限（--max-file-size）",
        bad: Command "disclint check --max-file-size 1K report.txt   # report.txt has 10 KB",
        good: Command "disclint check report.txt   # default limit 32 MiB",
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
