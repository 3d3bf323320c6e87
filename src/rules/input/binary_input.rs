//! I002 `binary-input`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};

/// The file is not text.
pub struct BinaryInput;

impl Rule for BinaryInput {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "I002".into(),
            name: "binary-input".into(),
            family: Family::Input,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "文件不是纯文本".into(),
            summary_en: "The file is not plain text".into(),
            explanation:
                "A file with NUL bytes, or whose first 8 KiB are more than a tenth control \
characters, is a binary file: a Word document, a PDF, an image saved with a .txt name. It is \
reported with the offset of the first such byte and not checked (exit code 2). Save the document \
as plain text first. Reported by the reader, not by `check` rules."
                    .into(),
            basis: "《政府信息公开工作年度报告格式》以文本形式发布".into(),
            bad_example: "PK\\x03\\x04… (a .docx file renamed to .txt)".into(),
            good_example:
                "某某镇人民政府2024年政府信息公开工作年度报告 (the same report saved as .txt)"
                    .into(),
        }
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
