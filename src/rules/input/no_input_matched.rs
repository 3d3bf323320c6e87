//! I005 `no-input-matched`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// A glob or directory matched no report file.
pub struct NoInputMatched;

impl Rule for NoInputMatched {
    declare_rule! {
        code: "I005",
        name: "no-input-matched",
        family: Input,
        severity: Error,
        summary_zh: "通配符或目录没有匹配到任何报告文件",
        summary_en: "A glob or directory matched no report file",
        explanation_zh: "目录会递归查找其中的 `*.txt`、`*.md` 、网页（`*.html`、`*.htm`、\
            `*.shtml`）、Word 文档（`*.docx`）和 `*.pdf` 文件（用 `--extension` 可增加类型），跳过隐藏的文件和目录\
            以及 `.gitignore` 排除的内容；通配符模式会被展开。\
            什么也没有匹配到，或者模式本身无效，都会提示该参数（退出码为2），\
            以免一个笔误被当作“检查通过”。\
            由读取环节报告；和其他规则一样可以选用、忽略或调整级别，\
            忽略后该文件仍不检查，但不再导致退出码2。",
        explanation_en: "A directory is searched recursively for `*.txt`, `*.md`, web pages \
            (`*.html`, `*.htm`, `*.shtml`), Word documents (`*.docx`) and PDFs (`*.pdf`; more with `--extension`), skipping hidden entries and \
            what `.gitignore` excludes; a glob pattern is expanded. When nothing matches, or the \
            pattern is invalid, the argument is reported (exit code 2) so that a typo does not \
            pass silently as a clean run. Reported by the reader; selected, ignored and given a \
            severity like any rule (ignored, the file is still not checked but no longer makes \
            the exit code 2).",
        basis: "disclint 的输入处理",
        bad: Command "disclint check 'reports/*.docx'",
        good: Command "disclint check 'reports/*.txt'",
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
