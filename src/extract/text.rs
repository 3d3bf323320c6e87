//! Plain text and Markdown: the text is the decoded file, the map the identity.

use crate::diagnostic::Diagnostic;
use crate::input::{input_diagnostic, InputOptions};
use crate::read::{decode, ReadError};
use crate::rules::input::{BinaryInput, UndecodableInput};
use crate::source::SourceFile;
use crate::tr;

/// Decodes text bytes; an encoding that does not fit is I001, binary data I002.
pub(super) fn extract(
    name: &str,
    bytes: &[u8],
    options: &InputOptions,
) -> Result<SourceFile, Box<Diagnostic>> {
    let lang = options.lang;
    decode(name, bytes, options.encoding).map_err(|err| Box::new(match err {
        ReadError::Undecodable { encoding, offset } => input_diagnostic(
            &UndecodableInput,
            tr!(
                lang,
                "无法按 {} 解码：第 {} 字节无效",
                "cannot decode as {}: invalid byte at offset {}",
                encoding.as_str(),
                offset
            ),
            tr!(
                lang,
                "将文件另存为 UTF-8，或用 --encoding 指定编码（utf-8、gb18030、utf-16le、utf-16be）",
                "save the file as UTF-8, or name its encoding with --encoding (utf-8, gb18030, utf-16le, utf-16be)"
            ),
        ),
        ReadError::Binary { offset } => input_diagnostic(
            &BinaryInput,
            tr!(
                lang,
                "这不是文本文件（第 {} 字节为控制字符）",
                "this is not a text file (control byte at offset {})",
                offset
            ),
            tr!(
                lang,
                "另存为 disclint 能读取的格式再检查：纯文本（.txt、.md）、网页（.html）、Word 文档（.docx）或 PDF",
                "save it in a kind disclint reads, then check it: plain text (.txt, .md), a web page (.html), a Word document (.docx) or a PDF"
            ),
        ),
    }))
}
