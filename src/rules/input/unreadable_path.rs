//! I004 `unreadable-path`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// A path names nothing readable.
pub struct UnreadablePath;

impl Rule for UnreadablePath {
    declare_rule! {
        code: "I004",
        name: "unreadable-path",
        family: Input,
        severity: Error,
        summary_zh: "路径无法读取",
        summary_en: "A path cannot be read",
        explanation_zh: "路径不存在、用户无权读取、符号链接已失效，或者需要文件的地方给的是目录，\
            都会附上操作系统给出的原因提示（退出码为2）；其他输入照常检查。\
            由读取环节报告；和其他规则一样可以选用、忽略或调整级别，\
            忽略后该文件仍不检查，但不再导致退出码2。",
        explanation_en: "A path that does not exist, that the user may not read, a broken \
            symbolic link, or a directory where a file was needed is reported with the operating \
            system's reason (exit code 2); the other inputs are still checked. \
            Reported by the reader; selected, ignored and given a severity like any rule \
            (ignored, the file is still not checked but no longer makes the exit code 2).",
        basis: "disclint 的输入处理",
        bad: Command "disclint check 不存在的报告.txt",
        good: Command "disclint check 报告.txt",
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
