//! I009 `unreadable-pdf-text`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// A PDF whose text layer cannot be read: scanned, garbled, protected, or
/// `pdftotext` failed on it.
pub struct UnreadablePdfText;

impl Rule for UnreadablePdfText {
    declare_rule! {
        code: "I009",
        name: "unreadable-pdf-text",
        family: Input,
        severity: Error,
        summary_zh: "PDF 的文字无法读取（扫描件、字体损坏、加密或读取失败）",
        summary_en: "A PDF's text cannot be read (a scan, broken fonts, a password, or pdftotext failed)",
        explanation_zh: "检查 PDF 靠它的文字层。没有文字层（扫描件：几乎读不出文字）、\
            文字层是乱码（大量 U+FFFD、私用区或控制字符，或者汉字被空格逐字隔开，如“政 府 信 息”，\
            多因字体缺少 Unicode 映射）、设有打开密码，或 `pdftotext` 出错、超时，\
            都只报告这一条诊断，说明看到了什么，而不是据乱码报告一连串格式问题。\
            请取得报告的原始 Word 文档（.docx）或网页再检查；扫描件可先做文字识别\
            （如 `ocrmypdf -l chi_sim 扫描件.pdf 识别后.pdf`）。该文件不检查（退出码为2）。\
            由读取环节报告；和其他规则一样可以选用、忽略或调整级别，\
            忽略后该文件仍不检查，但不再导致退出码2。",
        explanation_en: "A PDF is checked through its text layer. When it has none (a scan: \
            almost no text comes out), when the layer is garbled (a high share of U+FFFD, \
            private-use or control characters, or Chinese characters split by spaces like \
            `政 府 信 息`, usually fonts without a Unicode map), when the PDF needs a password \
            to open, or when `pdftotext` fails or times out, this one diagnostic says what was \
            seen, instead of a cascade of format findings about garbage. Check the original \
            Word document (.docx) or web page instead; run OCR on a scan first (e.g. \
            `ocrmypdf -l chi_sim scan.pdf text.pdf`). The file is not checked (exit code 2). \
            Reported by the reader; selected, ignored and given a severity like any rule \
            (ignored, the file is still not checked but no longer makes the exit code 2).",
        basis: "disclint 读取的输入格式（docs/inputs.md）",
        bad: Command "disclint check 扫描件.pdf   # pages scanned as images, no text layer",
        good: Command "disclint check 年度报告.pdf   # saved as PDF from Word or WPS",
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
