//! I007 `unreadable-document`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// A Word document that cannot be read: a damaged zip, a zip that is not a
/// Word document, a missing body, malformed XML, a DTD, a zip bomb, or a
/// password.
pub struct UnreadableDocument;

impl Rule for UnreadableDocument {
    declare_rule! {
        code: "I007",
        name: "unreadable-document",
        family: Input,
        severity: Error,
        summary_zh: "Word 文档无法读取（损坏、不是 Word 文档、加密或不安全）",
        summary_en: "A Word document that cannot be read (damaged, not a Word document, encrypted or unsafe)",
        explanation_zh: "`.docx` 是装有 XML 的 zip 包。以下情况无法读取，消息会说明是哪一种：\
            zip 包损坏或不完整（下载、复制中断）；zip 包不是 Word 文档（Excel 工作簿、\
            PowerPoint 演示文稿、OpenDocument 文档或普通压缩包）；缺少正文部分 \
            `word/document.xml`；XML 格式错误或不是 UTF-8；含有文档类型声明（DTD、实体声明，\
            出于安全从不展开）；解压后过大、条目过多或压缩比异常（可能是 zip 炸弹）；\
            设置了打开密码（加密的文档实为 OLE 文件，内含 `EncryptedPackage`）。\
            请重新获取文件，或在 Word/WPS 中打开后“另存为” `.docx`；加密文档请先取消密码。\
            该文件不检查（退出码为2）。由读取环节报告；和其他规则一样可以选用、忽略或调整级别。",
        explanation_en: "A `.docx` is a zip package of XML parts. It cannot be read when (the \
            message says which): the zip is damaged or truncated (an interrupted download or \
            copy); the zip is not a Word document (an Excel workbook, a PowerPoint \
            presentation, an OpenDocument file or a plain archive); the body part \
            `word/document.xml` is missing; a part is malformed XML or not UTF-8; a part has a \
            document type declaration (DTD, entity declarations — never expanded, for safety); \
            the package is too large once unpacked, has too many entries or an abnormal \
            compression ratio (a zip bomb); or it is password-protected (an encrypted document \
            is an OLE file holding an `EncryptedPackage`). Get the file again, or open it in \
            Word or WPS and save it as `.docx`; remove the password of an encrypted one first. \
            The file is not checked (exit code 2). Reported by the reader; selected, ignored \
            and given a severity like any rule.",
        basis: "disclint 读取的输入格式（docs/inputs.md）",
        bad: File "PK\\x03\\x04\\x14\\x00\\x00\\x00\\x08\\x00 damaged",
        good: File "城关镇人民政府2024年政府信息公开工作年度报告\n\
            一、总体情况\n\
            本镇全年主动公开政府信息120条。",
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
