//! `.doc` and `.wps`: binary Word and WPS documents, which disclint does not
//! read; the clerk is told how to save them as `.docx` (I006).

use crate::diagnostic::Diagnostic;
use crate::input::{input_diagnostic, InputOptions};
use crate::rules::input::LegacyOfficeFormat;
use crate::tr;

/// The I006 diagnostic for a binary Office file.
pub(super) fn refuse(options: &InputOptions) -> Box<Diagnostic> {
    let lang = options.lang;
    Box::new(input_diagnostic(
        &LegacyOfficeFormat,
        tr!(
            lang,
            "这是旧版 Word/WPS 二进制文档（.doc 或 .wps），无法读取",
            "this is an old binary Word/WPS document (.doc or .wps), which cannot be read"
        ),
        tr!(
            lang,
            "在 Word 或 WPS 中“另存为” .docx 再检查，或运行 soffice --headless --convert-to docx 文件名",
            "save it as .docx in Word or WPS (Save As), or run soffice --headless --convert-to docx FILE, then check the .docx"
        ),
    ))
}
