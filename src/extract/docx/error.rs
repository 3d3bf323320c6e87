//! Why a Word document cannot be read, said to its reader (I007).

use crate::diagnostic::Diagnostic;
use crate::input::input_diagnostic;
use crate::rules::input::UnreadableDocument;
use crate::{tr, Lang};

/// What a zip that is not a Word document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotWordKind {
    /// An Excel workbook (`.xlsx`).
    Excel,
    /// A PowerPoint presentation (`.pptx`).
    PowerPoint,
    /// An OpenDocument file (`.odt`, `.ods`…).
    OpenDocument,
    /// A zip archive that is no Office document.
    PlainZip,
}

/// Why a `.docx` could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// The zip is damaged or truncated.
    CorruptZip(String),
    /// The zip uses something the reader does not support (zip encryption,
    /// an unusual compression method).
    UnsupportedZip(String),
    /// The zip is another kind of document.
    NotWord(NotWordKind),
    /// A package without its main document part.
    MissingDocument,
    /// More entries than [`super::package::MAX_ENTRIES`].
    TooManyEntries(usize),
    /// A part larger than the limit once inflated.
    PartTooLarge(String),
    /// All parts together larger than the limit once inflated.
    TotalTooLarge,
    /// A part that inflates out of proportion (a zip bomb).
    CompressionRatio(String),
    /// A part that is not UTF-8.
    NotUtf8(String),
    /// A part that is not well-formed XML.
    MalformedXml {
        /// The part.
        part: String,
        /// Byte offset in the part.
        offset: usize,
        /// The parser's reason.
        reason: String,
    },
    /// A part with a document type declaration (entity declarations).
    Dtd(String),
    /// A part whose elements nest too deep.
    TooDeep(String),
    /// A password-protected (encrypted) Word document.
    PasswordProtected,
}

impl DocxError {
    /// The I007 diagnostic for this error, in `lang`.
    pub fn diagnostic(&self, lang: Lang) -> Diagnostic {
        let (message, help) = self.describe(lang);
        input_diagnostic(&UnreadableDocument, message, help)
    }

    /// What is wrong and what to do, in `lang`.
    fn describe(&self, lang: Lang) -> (String, String) {
        let resave = tr!(
            lang,
            "在 Word 或 WPS 中打开并“另存为” .docx 再检查",
            "open it in Word or WPS, save it again as .docx (Save As), and check that file"
        );
        match self {
            DocxError::CorruptZip(reason) => (
                tr!(
                    lang,
                    "Word 文档已损坏：zip 包无法读取（{}）",
                    "the Word document is damaged: its zip package cannot be read ({})",
                    reason
                ),
                tr!(
                    lang,
                    "文件可能未下载或复制完整；重新获取原文件，或在 Word 中打开（必要时“打开并修复”）后另存为 .docx",
                    "the file may be truncated by a download or copy: get it again, or open it in Word (Open and Repair if needed) and save it as .docx"
                ),
            ),
            DocxError::UnsupportedZip(reason) => (
                tr!(
                    lang,
                    "Word 文档的 zip 包使用了不支持的功能（{}）",
                    "the Word document's zip package uses a feature that is not supported ({})",
                    reason
                ),
                resave,
            ),
            DocxError::NotWord(kind) => {
                let (zh, en) = match kind {
                    NotWordKind::Excel => (" Excel 工作簿（.xlsx）", "an Excel workbook (.xlsx)"),
                    NotWordKind::PowerPoint => (
                        " PowerPoint 演示文稿（.pptx）",
                        "a PowerPoint presentation (.pptx)",
                    ),
                    NotWordKind::OpenDocument => (
                        " OpenDocument 文档（.odt 等）",
                        "an OpenDocument file (.odt or similar)",
                    ),
                    NotWordKind::PlainZip => ("普通 zip 压缩包", "a plain zip archive"),
                };
                (
                    tr!(
                        lang,
                        "这不是 Word 文档，而是{}",
                        "this is not a Word document but {}",
                        match lang {
                            Lang::Zh => zh,
                            Lang::En => en,
                        }
                    ),
                    tr!(
                        lang,
                        "检查报告的 Word 文档（.docx）；报告若在压缩包内，先解压；.odt 请另存为 .docx",
                        "check the report's Word document (.docx): unpack it first if it is inside an archive; save an .odt as .docx"
                    ),
                )
            }
            DocxError::MissingDocument => (
                tr!(
                    lang,
                    "Word 文档缺少正文部分（word/document.xml）",
                    "the Word document has no body part (word/document.xml)"
                ),
                resave,
            ),
            DocxError::TooManyEntries(count) => (
                tr!(
                    lang,
                    "Word 文档的 zip 包有 {} 个条目，超过上限 {}，不读取",
                    "the Word document's zip package has {} entries, more than the limit of {}, and is not read",
                    count,
                    super::package::MAX_ENTRIES
                ),
                resave,
            ),
            DocxError::PartTooLarge(part) => (
                tr!(
                    lang,
                    "Word 文档的 {} 解压后超过 {} MiB，不读取（可能是 zip 炸弹）",
                    "the Word document's part {} is larger than {} MiB once unpacked and is not read (it may be a zip bomb)",
                    part,
                    super::package::MAX_PART_SIZE >> 20
                ),
                tr!(
                    lang,
                    "确认文件来源可信；报告正文不会这么大，在 Word 中另存为 .docx 后再检查",
                    "make sure the file comes from a trusted source: a report's text is never that large; save it again as .docx in Word and check that file"
                ),
            ),
            DocxError::TotalTooLarge => (
                tr!(
                    lang,
                    "Word 文档解压后超过 {} MiB，不读取（可能是 zip 炸弹）",
                    "the Word document is larger than {} MiB once unpacked and is not read (it may be a zip bomb)",
                    super::package::MAX_TOTAL_SIZE >> 20
                ),
                tr!(
                    lang,
                    "确认文件来源可信；压缩文档中的大图片后另存为 .docx 再检查",
                    "make sure the file comes from a trusted source; compress its large pictures, save it as .docx and check that file"
                ),
            ),
            DocxError::CompressionRatio(part) => (
                tr!(
                    lang,
                    "Word 文档的 {} 压缩比超过 {}:1，不读取（可能是 zip 炸弹）",
                    "the Word document's part {} inflates more than {}:1 and is not read (it may be a zip bomb)",
                    part,
                    super::package::MAX_RATIO
                ),
                tr!(
                    lang,
                    "确认文件来源可信；在 Word 中另存为 .docx 后再检查",
                    "make sure the file comes from a trusted source; save it again as .docx in Word and check that file"
                ),
            ),
            DocxError::NotUtf8(part) => (
                tr!(
                    lang,
                    "Word 文档的 {} 不是 UTF-8 编码的 XML",
                    "the Word document's part {} is not XML in UTF-8",
                    part
                ),
                resave,
            ),
            DocxError::MalformedXml {
                part,
                offset,
                reason,
            } => (
                tr!(
                    lang,
                    "Word 文档的 {} 不是格式正确的 XML（第 {} 字节：{}）",
                    "the Word document's part {} is not well-formed XML (byte {}: {})",
                    part,
                    offset,
                    reason
                ),
                resave,
            ),
            DocxError::Dtd(part) => (
                tr!(
                    lang,
                    "Word 文档的 {} 含有文档类型声明（DTD/实体声明），出于安全不读取",
                    "the Word document's part {} has a document type declaration (DTD, entity declarations), which is refused for safety",
                    part
                ),
                tr!(
                    lang,
                    "Word 从不写入 DTD：文件可能由其他工具生成或被篡改；在 Word 中另存为 .docx 后再检查",
                    "Word never writes a DTD: the file was made by another tool or tampered with; save it again as .docx in Word and check that file"
                ),
            ),
            DocxError::TooDeep(part) => (
                tr!(
                    lang,
                    "Word 文档的 {} 嵌套超过 {} 层，不读取",
                    "the Word document's part {} nests deeper than {} levels and is not read",
                    part,
                    super::xml::MAX_DEPTH
                ),
                resave,
            ),
            DocxError::PasswordProtected => (
                tr!(
                    lang,
                    "这是加密（设置了打开密码）的 Word 文档，无法读取",
                    "this Word document is password-protected (encrypted) and cannot be read"
                ),
                tr!(
                    lang,
                    "在 Word 中打开，依次点“文件 > 信息 > 保护文档 > 用密码进行加密”，清空密码并保存，再检查；WPS 在“文件 > 文档加密”中取消",
                    "open it in Word, choose File > Info > Protect Document > Encrypt with Password, clear the password and save, then check it (WPS: File > Document Encryption)"
                ),
            ),
        }
    }
}
