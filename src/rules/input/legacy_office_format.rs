//! I006 `legacy-office-format`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// The file is a binary `.doc` or `.wps` document.
pub struct LegacyOfficeFormat;

impl Rule for LegacyOfficeFormat {
    declare_rule! {
        code: "I006",
        name: "legacy-office-format",
        family: Input,
        severity: Error,
        summary_zh: "旧版 Word/WPS 二进制文档，无法读取",
        summary_en: "An old binary Word/WPS document, which cannot be read",
        explanation_zh: "`.doc`（Word 97–2003）和 `.wps`（旧版 WPS 文字）是二进制格式，\
            disclint 不读取它们（按内容识别：扩展名写错也一样）。请在 Word 或 WPS 中\
            “另存为” `.docx`，或用 LibreOffice 转换：`soffice --headless --convert-to docx 报告.doc`，\
            再检查 `.docx`。该文件不检查（退出码为2）。\
            由读取环节报告；和其他规则一样可以选用、忽略或调整级别，\
            忽略后该文件仍不检查，但不再导致退出码2。",
        explanation_en: "`.doc` (Word 97–2003) and `.wps` (old WPS Writer) are binary formats \
            that disclint does not read (recognised by content, whatever the extension). Save \
            the document as `.docx` in Word or WPS (Save As), or convert it with LibreOffice: \
            `soffice --headless --convert-to docx report.doc`, then check the `.docx`. The file \
            is not checked (exit code 2). \
            Reported by the reader; selected, ignored and given a severity like any rule \
            (ignored, the file is still not checked but no longer makes the exit code 2).",
        basis: "disclint 读取的输入格式（docs/inputs.md）",
        bad: File "\\xD0\\xCF\\x11\\xE0\\xA1\\xB1\\x1A\\xE1\\x00\\x00\\x00\\x00",
        good: File "城关镇人民政府2024年政府信息公开工作年度报告\n\
            一、总体情况\n\
            本镇全年主动公开政府信息120条。",
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
