//! I008 `pdf-tool-missing`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// A PDF was given, but `pdftotext` (Poppler) is not installed.
pub struct PdfToolMissing;

impl Rule for PdfToolMissing {
    declare_rule! {
        code: "I008",
        name: "pdf-tool-missing",
        family: Input,
        severity: Error,
        summary_zh: "未安装 pdftotext（Poppler），无法读取 PDF",
        summary_en: "pdftotext (Poppler) is not installed, so a PDF cannot be read",
        explanation_zh: "disclint 通过 Poppler 的 `pdftotext -layout` 读取 PDF 的文字层\
            （作为子进程运行，不在进程内解析 PDF）。在 `PATH` 中找不到 `pdftotext`\
            （或环境变量 `DISCLINT_PDFTOTEXT` 指向的程序无法运行）时，每个 PDF 报告一次本诊断，\
            其他文件照常检查。安装方法：Debian/Ubuntu `apt-get install poppler-utils`，\
            macOS `brew install poppler`，Windows 下载 Poppler 的 Windows 版本并把其 `bin` \
            目录加入 `PATH`。该文件不检查（退出码为2）。\
            由读取环节报告；和其他规则一样可以选用、忽略或调整级别，\
            忽略后该文件仍不检查，但不再导致退出码2。",
        explanation_en: "disclint reads a PDF's text layer with Poppler's `pdftotext -layout`, \
            run as a subprocess (no PDF library runs in-process). When `pdftotext` is not on \
            `PATH` (or the program `DISCLINT_PDFTOTEXT` names cannot be run), each PDF gets this \
            diagnostic once and the other files are checked as usual. Install it with \
            `apt-get install poppler-utils` (Debian/Ubuntu), `brew install poppler` (macOS), or \
            a Poppler build for Windows with its `bin` folder on `PATH`. The file is not checked \
            (exit code 2). \
            Reported by the reader; selected, ignored and given a severity like any rule \
            (ignored, the file is still not checked but no longer makes the exit code 2).",
        basis: "disclint 读取的输入格式（docs/inputs.md）",
        bad: Command "PATH=/usr/local/empty disclint check 年度报告.pdf   # no pdftotext on PATH",
        good: Command "disclint check 年度报告.pdf   # with poppler-utils installed",
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
