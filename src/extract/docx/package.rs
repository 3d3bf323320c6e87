//! The zip package of a Word document, opened with limits.
//!
//! A `.docx` is a zip of XML parts. Its central directory says how many
//! entries there are and how large each is once inflated, but a hostile zip
//! (a "zip bomb") can say anything, so every limit is checked both against
//! what the directory declares and against what is actually inflated: the
//! entry count, each part's size, the total read, and the ratio of inflated
//! to compressed bytes.

use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use super::error::{DocxError, NotWordKind};

/// At most this many entries in a package (a long report has a few dozen).
pub(crate) const MAX_ENTRIES: usize = 10_000;
/// At most this many bytes in one XML part once inflated.
pub(crate) const MAX_PART_SIZE: u64 = 64 * 1024 * 1024;
/// At most this many bytes inflated from all the parts read.
pub(crate) const MAX_TOTAL_SIZE: u64 = 256 * 1024 * 1024;
/// An entry that inflates more than this many times its compressed size,
/// past [`RATIO_FLOOR`] bytes, is refused (XML compresses about 10:1).
pub(crate) const MAX_RATIO: u64 = 200;
/// Entries smaller than this once inflated are never refused for their ratio.
const RATIO_FLOOR: u64 = 1024 * 1024;

/// The content type of a Word document's main part (also macro-enabled
/// documents and templates, which have the same body).
const WORD_MAIN_TYPES: [&str; 4] = [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];

/// An opened package: its zip and how many inflated bytes were read so far.
pub(crate) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    read_so_far: u64,
}

impl<'a> Package<'a> {
    /// Opens the zip in `bytes`, checking the entry count and each entry's
    /// declared size and ratio.
    pub(crate) fn open(bytes: &'a [u8]) -> Result<Package<'a>, DocxError> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|error| match error {
            ZipError::UnsupportedArchive(reason) => DocxError::UnsupportedZip(reason.to_owned()),
            other => DocxError::CorruptZip(other.to_string()),
        })?;
        if archive.len() > MAX_ENTRIES {
            return Err(DocxError::TooManyEntries(archive.len()));
        }
        let mut package = Package {
            archive,
            read_so_far: 0,
        };
        let mut declared: u64 = 0;
        for index in 0..package.archive.len() {
            let entry = package
                .archive
                .by_index_raw(index)
                .map_err(|error| DocxError::CorruptZip(error.to_string()))?;
            check_ratio(entry.name(), entry.size(), entry.compressed_size())?;
            declared = declared.saturating_add(entry.size());
        }
        if declared > MAX_TOTAL_SIZE.saturating_mul(4) {
            return Err(DocxError::TotalTooLarge);
        }
        Ok(package)
    }

    /// Whether the package has an entry named `name`.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The inflated bytes of part `name`, or `None` when there is no such
    /// entry. Limits are checked on the bytes actually inflated.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        let mut entry = self.archive.by_index(index).map_err(|error| match error {
            ZipError::UnsupportedArchive(reason) => DocxError::UnsupportedZip(reason.to_owned()),
            other => DocxError::CorruptZip(other.to_string()),
        })?;
        let compressed = entry.compressed_size();
        let mut data = Vec::with_capacity(entry.size().min(MAX_PART_SIZE) as usize);
        let limit = MAX_PART_SIZE.min(MAX_TOTAL_SIZE - self.read_so_far);
        (&mut entry)
            .take(limit + 1)
            .read_to_end(&mut data)
            .map_err(|error| DocxError::CorruptZip(format!("{name}: {error}")))?;
        let size = data.len() as u64;
        if size > limit {
            return Err(if size > MAX_PART_SIZE {
                DocxError::PartTooLarge(name.to_owned())
            } else {
                DocxError::TotalTooLarge
            });
        }
        check_ratio(name, size, compressed)?;
        self.read_so_far += size;
        Ok(Some(data))
    }

    /// Reads part `name` as XML text (UTF-8, a byte-order mark dropped).
    pub(crate) fn read_xml(&mut self, name: &str) -> Result<Option<String>, DocxError> {
        let Some(data) = self.read(name)? else {
            return Ok(None);
        };
        let data = match data.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => rest.to_vec(),
            None => data,
        };
        String::from_utf8(data)
            .map(Some)
            .map_err(|_| DocxError::NotUtf8(name.to_owned()))
    }

    /// The name of the main document part: the target of the package's
    /// `officeDocument` relationship, else `word/document.xml`. A package
    /// that is some other kind of document says so.
    pub(crate) fn main_part(&mut self) -> Result<String, DocxError> {
        let types = self.read_xml("[Content_Types].xml")?;
        let from_rels = match self.read_xml("_rels/.rels")? {
            Some(rels) => super::relationships::office_document(&rels)?,
            None => None,
        };
        let main = from_rels
            .filter(|name| self.has(name))
            .unwrap_or_else(|| "word/document.xml".to_owned());
        if let Some(types) = &types {
            let is_word = WORD_MAIN_TYPES.iter().any(|t| types.contains(t));
            if !is_word {
                if let Some(kind) = self.other_kind(types) {
                    return Err(DocxError::NotWord(kind));
                }
            }
        }
        if !self.has(&main) {
            return Err(
                match self.other_kind(types.as_deref().unwrap_or_default()) {
                    Some(kind) => DocxError::NotWord(kind),
                    None if types.is_some() => DocxError::MissingDocument,
                    None => DocxError::NotWord(NotWordKind::PlainZip),
                },
            );
        }
        Ok(main)
    }

    /// What a package that is not a Word document is, when it can be told.
    fn other_kind(&self, types: &str) -> Option<NotWordKind> {
        if self.has("xl/workbook.xml") || types.contains("spreadsheetml.sheet.main") {
            Some(NotWordKind::Excel)
        } else if self.has("ppt/presentation.xml") || types.contains("presentationml") {
            Some(NotWordKind::PowerPoint)
        } else if self.has("content.xml") && self.has("mimetype") {
            Some(NotWordKind::OpenDocument)
        } else if !self.has("[Content_Types].xml") {
            Some(NotWordKind::PlainZip)
        } else {
            None
        }
    }

    /// The zip itself, for copying entries raw.
    pub(crate) fn archive(&mut self) -> &mut ZipArchive<Cursor<&'a [u8]>> {
        &mut self.archive
    }
}

/// Refuses an entry whose inflated size is out of proportion to its
/// compressed size.
fn check_ratio(name: &str, size: u64, compressed: u64) -> Result<(), DocxError> {
    if size > RATIO_FLOOR && size / compressed.max(1) > MAX_RATIO {
        return Err(DocxError::CompressionRatio(name.to_owned()));
    }
    if size > MAX_TOTAL_SIZE {
        return Err(DocxError::PartTooLarge(name.to_owned()));
    }
    Ok(())
}
