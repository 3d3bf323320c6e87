//! PDF attachments, read through their text layer with Poppler's
//! `pdftotext -layout` (run as a subprocess: no PDF library runs in this
//! process, where the fonts of Chinese PDFs make them panic).
//!
//! The original a position refers to is `pdftotext`'s output (UTF-8, a
//! form feed ending each page): the extracted text is made of verbatim runs
//! of it ([`pages`]) and every run knows its page and line on the page.
//! Without `pdftotext` a PDF is I008; a PDF whose text cannot be read (no
//! text layer, a garbled one, a password, `pdftotext` failing or hanging)
//! is one I009 that says what was seen ([`readable`]).

mod pages;
mod readable;
mod tool;

pub use tool::{PdfToText, PDFTOTEXT_VARIABLE};

use crate::diagnostic::Diagnostic;
use crate::input::{input_diagnostic, InputOptions};
use crate::line_index::LineIndex;
use crate::location::Regions;
use crate::rules::input::{InputTooLarge, PdfToolMissing, UnreadablePdfText};
use crate::source::{SourceFile, TextEncoding};
use crate::source_map::SourceMap;
use crate::{tr, Lang};

use readable::Unreadable;
use tool::Failure;

use super::SourceKind;

/// Reads a PDF's text layer into a [`SourceFile`].
pub(super) fn extract(
    name: &str,
    bytes: &[u8],
    options: &InputOptions,
) -> Result<SourceFile, Box<Diagnostic>> {
    let lang = options.lang;
    let tool = &options.pdftotext;
    let Some(program) = tool.program() else {
        return Err(Box::new(missing(
            tr!(
                lang,
                "未找到 pdftotext（Poppler），无法读取 PDF（查找位置：{}）",
                "pdftotext (Poppler) was not found, so the PDF cannot be read (looked in {})",
                tool.searched()
            ),
            lang,
        )));
    };
    let output = tool::run(
        program,
        bytes,
        tool.handover(),
        tool.time_limit(),
        options.max_file_size,
    )
    .map_err(|failure| Box::new(failed(failure, program, options)))?;
    let output = match String::from_utf8(output) {
        Ok(output) => output,
        Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
    };
    from_output(name, output, lang)
}

/// The report text of what `pdftotext -layout` wrote for a PDF (`output`,
/// the original positions refer to): I009 if it is no readable text.
pub fn from_output(name: &str, output: String, lang: Lang) -> Result<SourceFile, Box<Diagnostic>> {
    readable::check(&output).map_err(|unreadable| Box::new(cannot_read(unreadable, lang)))?;
    let page = pages::page_text(&output);
    let lines = LineIndex::new(&page.text);
    Ok(SourceFile {
        path: name.to_owned(),
        text: page.text,
        encoding: TextEncoding::Utf8,
        had_bom: false,
        lines,
        kind: SourceKind::Pdf,
        map: SourceMap::from_pieces(output, page.pieces),
        regions: Regions::new(page.regions),
    })
}

/// I008, with how to install `pdftotext`.
fn missing(message: String, lang: Lang) -> Diagnostic {
    input_diagnostic(
        &PdfToolMissing,
        message,
        tr!(
            lang,
            "安装 Poppler 的 pdftotext：Debian/Ubuntu 运行 apt-get install poppler-utils，macOS 运行 brew install poppler，Windows 下载 Poppler 的 Windows 版本并把其 bin 目录加入 PATH；也可以用环境变量 {} 指定 pdftotext 的路径",
            "install Poppler's pdftotext: apt-get install poppler-utils (Debian/Ubuntu), brew install poppler (macOS), or a Poppler build for Windows with its bin folder on PATH; or name the program with the environment variable {}",
            PDFTOTEXT_VARIABLE
        ),
    )
}

/// What to do about a PDF whose text cannot be read.
fn original_instead(lang: Lang) -> String {
    tr!(
        lang,
        "请取得报告的原始 Word 文档（.docx）或网页再检查",
        "check the report's original Word document (.docx) or web page instead"
    )
}

/// I009 with `message` and `help`.
fn unreadable(message: String, help: String) -> Diagnostic {
    input_diagnostic(&UnreadablePdfText, message, help)
}

/// The diagnostic for a run of `pdftotext` that gave no text.
fn failed(failure: Failure, program: &std::path::Path, options: &InputOptions) -> Diagnostic {
    let lang = options.lang;
    match failure {
        Failure::Start(err) => missing(
            tr!(
                lang,
                "无法运行 pdftotext（{}）：{}",
                "cannot run pdftotext ({}): {}",
                program.display(),
                err
            ),
            lang,
        ),
        Failure::Handover(err) => unreadable(
            tr!(
                lang,
                "无法把 PDF 交给 pdftotext：不能在临时目录 {} 中写入文件：{}",
                "cannot hand the PDF to pdftotext: cannot write a file in the temporary folder {}: {}",
                std::env::temp_dir().display(),
                err
            ),
            tr!(
                lang,
                "检查临时目录（环境变量 TMPDIR）是否存在且可写",
                "check that the temporary folder (environment variable TMPDIR) exists and is writable"
            ),
        ),
        Failure::TimedOut(limit) => unreadable(
            tr!(
                lang,
                "pdftotext 在 {} 秒内没有读完这个 PDF，已被终止",
                "pdftotext did not finish reading this PDF within {} s and was stopped",
                limit.as_secs_f64()
            ),
            tr!(
                lang,
                "PDF 可能已损坏或异常庞大；{}",
                "the PDF may be damaged or unusually large; {}",
                original_instead(lang)
            ),
        ),
        Failure::TooMuch(limit) => input_diagnostic(
            &InputTooLarge,
            tr!(
                lang,
                "这个 PDF 的文字超过 {} 字节，未读取",
                "the text of this PDF is over {} bytes and was not read",
                limit
            ),
            tr!(
                lang,
                "用 --max-file-size 提高上限，或只检查报告所在的页",
                "raise the limit with --max-file-size, or check only the report's pages"
            ),
        ),
        Failure::Failed { code, stderr } => {
            let said = last_line(&stderr);
            if stderr.to_lowercase().contains("password") {
                unreadable(
                    tr!(
                        lang,
                        "PDF 设有打开密码，无法读取其文字（pdftotext：{}）",
                        "the PDF is password-protected, so its text cannot be read (pdftotext: {})",
                        said
                    ),
                    tr!(
                        lang,
                        "取得未加密的 PDF 或原始 Word 文档（.docx）；知道密码时可先解密：qpdf --decrypt --password=密码 原文件.pdf 解密后.pdf",
                        "get an unprotected PDF or the original Word document (.docx); with the password, decrypt it first: qpdf --decrypt --password=PASSWORD in.pdf out.pdf"
                    ),
                )
            } else if code == Some(3) {
                unreadable(
                    tr!(
                        lang,
                        "PDF 的权限设置禁止提取文字（pdftotext：{}）",
                        "the PDF's permissions forbid extracting its text (pdftotext: {})",
                        said
                    ),
                    original_instead(lang),
                )
            } else {
                let code = code.map_or_else(
                    || tr!(lang, "被信号终止", "killed by a signal"),
                    |code| tr!(lang, "退出码 {}", "exit code {}", code),
                );
                unreadable(
                    tr!(
                        lang,
                        "pdftotext 无法读取这个 PDF（{}）：{}",
                        "pdftotext could not read this PDF ({}): {}",
                        code,
                        said
                    ),
                    tr!(
                        lang,
                        "确认文件能在 PDF 阅读器中打开（可能已损坏，或并不是 PDF）；{}",
                        "check that the file opens in a PDF reader (it may be damaged, or not a PDF); {}",
                        original_instead(lang)
                    ),
                )
            }
        }
    }
}

/// The last line `pdftotext` wrote on standard error (its most telling),
/// at most 200 characters; a dash when it wrote nothing.
fn last_line(stderr: &str) -> String {
    let line = stderr
        .lines()
        .rev()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("-");
    line.chars().take(200).collect()
}

/// I009 for a text layer that is no text.
fn cannot_read(unreadable_text: Unreadable, lang: Lang) -> Diagnostic {
    let redo = tr!(
        lang,
        "{}；扫描件可先做文字识别（OCR），如 ocrmypdf -l chi_sim 原文件.pdf 识别后.pdf",
        "{}; run OCR on a scan first, e.g. ocrmypdf -l chi_sim scan.pdf text.pdf",
        original_instead(lang)
    );
    let message = match unreadable_text {
        Unreadable::NoText { letters, pages } => tr!(
            lang,
            "PDF 没有文字层：pdftotext 从 {} 页中只读出 {} 个字，可能是扫描件或图片",
            "the PDF has no text layer: pdftotext read {1} letters from {0} pages; it is probably a scan or images",
            pages,
            letters
        ),
        Unreadable::Replaced { percent } => tr!(
            lang,
            "PDF 的文字层是乱码：{}% 的字符是替换符（U+FFFD）、私用区或控制字符，多因字体缺少 Unicode 映射",
            "the PDF's text layer is garbled: {}% of its characters are U+FFFD, private-use or control characters, usually fonts without a Unicode map",
            percent
        ),
        Unreadable::Mojibake { percent } => tr!(
            lang,
            "PDF 的文字层是乱码：{}% 的字符是拉丁字母（如 Ê、Õ），几乎没有汉字，字体编码无法映射",
            "the PDF's text layer is garbled: {}% of its characters are Latin-1 letters (like Ê, Õ) and hardly any is Chinese, a font encoding that does not map",
            percent
        ),
        Unreadable::Spaced { percent, sample } => tr!(
            lang,
            "PDF 的文字层把汉字用空格逐字隔开（{}% 的汉字，如“{}”），无法按词句读取",
            "the PDF's text layer sets Chinese characters apart by spaces ({}% of them, like “{}”), which cannot be read as words",
            percent,
            sample
        ),
    };
    unreadable(message, redo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_line_of_stderr_is_kept_short() {
        assert_eq!(
            last_line(
                "Syntax Warning: May not be a PDF\nSyntax Error: Couldn't read xref table\n\n"
            ),
            "Syntax Error: Couldn't read xref table"
        );
        assert_eq!(last_line(""), "-");
        assert_eq!(last_line(&"x".repeat(500)).len(), 200);
    }
}
