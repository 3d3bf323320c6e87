//! OLE compound files: `.doc` and `.wps`, binary Word and WPS documents,
//! which disclint does not read (the clerk is told how to save them as
//! `.docx`, I006), and password-protected `.docx` files, which Word stores
//! as an OLE file holding an `EncryptedPackage` stream (I007).

use crate::diagnostic::Diagnostic;
use crate::input::{input_diagnostic, InputOptions};
use crate::rules::input::LegacyOfficeFormat;
use crate::tr;

use super::docx::DocxError;

/// The diagnostic for an OLE file: I007 for an encrypted Word document,
/// I006 for a binary Office file.
pub(super) fn refuse(bytes: &[u8], options: &InputOptions) -> Box<Diagnostic> {
    let lang = options.lang;
    if has_encrypted_package(bytes) {
        return Box::new(DocxError::PasswordProtected.diagnostic(lang));
    }
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

/// The name of the stream an encrypted Office document keeps its package
/// in, as an OLE directory entry writes it (UTF-16LE, NUL-terminated).
const ENCRYPTED_PACKAGE: &str = "EncryptedPackage";

/// Whether an OLE file has a directory entry named `EncryptedPackage`.
/// Directory entries are 128 bytes, aligned on 128 bytes in the file
/// (sectors are 512 or 4096 bytes), and give their name's length in bytes
/// (terminating NUL included) at offset 64.
fn has_encrypted_package(bytes: &[u8]) -> bool {
    let name: Vec<u8> = ENCRYPTED_PACKAGE
        .encode_utf16()
        .chain([0])
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes
        .chunks_exact(128)
        .skip(4) // the 512-byte header
        .any(|entry| {
            entry.starts_with(&name)
                && u16::from_le_bytes([entry[64], entry[65]]) as usize == name.len()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_encrypted_package_entry_is_found_on_its_boundary_only() {
        let mut file = vec![0u8; 1024];
        file[..8].copy_from_slice(super::super::OLE_MAGIC);
        let name: Vec<u8> = "EncryptedPackage\0"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        file[640..640 + name.len()].copy_from_slice(&name);
        assert!(!has_encrypted_package(&file));
        file[640 + 64] = name.len() as u8;
        assert!(has_encrypted_package(&file));
        let mut shifted = vec![0u8; 2];
        shifted.extend_from_slice(&file);
        assert!(!has_encrypted_package(&shifted));
    }
}
