//! I002 `binary-input`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// The file is not text.
pub struct BinaryInput;

impl Rule for BinaryInput {
    declare_rule! {
        code: "I002",
        name: "binary-input",
        family: Input,
        severity: Error,
        summary_zh: "文件不是纯文本",
        summary_en: "The file is not plain text",
        explanation_zh: "含有 NUL 字节，或前 8 KiB 中控制字符超过十分之一的文件，是二进制文件：\
            图片、压缩包、数据库或 disclint 不读取的其他格式（Word 文档、网页和 PDF 按内容识别，\
            不算二进制）。提示第一个这样的字节的位置，该文件不检查（退出码为2）。\
            请把报告另存为纯文本、网页、Word 文档（.docx）或 PDF。\
            由读取环节报告；和其他规则一样可以选用、忽略或调整级别，\
            忽略后该文件仍不检查，但不再导致退出码2。",
        explanation_en: "A file with NUL bytes, or whose first 8 KiB are more than a tenth \
            control characters, is a binary file: an image, an archive, a database or another \
            kind disclint does not read (Word documents, web pages and PDFs are recognised by \
            content and are not binary). It is reported with the offset of the first such byte \
            and not checked (exit code 2). Save the report as plain text, a web page, a Word \
            document (.docx) or a PDF. \
            Reported by the reader; selected, ignored and given a severity like any rule \
            (ignored, the file is still not checked but no longer makes the exit code 2).",
        basis: "《政府信息公开工作年度报告格式》以文本形式发布",
        bad: File "\\x89PNG\\x0D\\x0A\\x1A\\x0A\\x00\\x00\\x00\\x0DIHDR",
        good: File "城关镇人民政府2024年政府信息公开工作年度报告\n\
            一、总体情况\n\
            本镇全年主动公开政府信息120条。",
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
