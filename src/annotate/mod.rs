//! `--annotate`: a copy of a Word document with one review comment per
//! finding, anchored on the text (or cell) it is about.
//!
//! The copy differs from the original in four parts only: the document part
//! (comment ranges and reference runs inserted, runs split where a span
//! starts or ends inside them, nothing else touched), the comments part
//! (created, or extended after the comments already there, with ids above
//! theirs), and — when the comments part is new — the content types and the
//! document's relationships. Every other entry of the zip is copied raw,
//! byte for byte. The parts written are read back as XML, and the copy is
//! read back with the extractor: its text must be the original's.

mod anchor;
mod comments;

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::diagnostic::Diagnostic;
use crate::extract::docx::package::Package;
use crate::extract::docx::relationships::{self, Relationship};
use crate::extract::docx::xml::{attribute, Node, Ns, XmlReader};
use crate::extract::docx::{self, DocxError};
use crate::source::SourceFile;
use crate::{tr, Lang};

use self::anchor::{original_range, Anchors, Site};
use self::comments::W_DECLARATION;

/// The content type of a comments part.
const COMMENTS_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
/// The relationship type of a comments part.
const COMMENTS_RELATIONSHIP: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";

/// Why an annotated copy was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnnotateError {
    /// The document could not be read (again).
    Unreadable(DocxError),
    /// The document read now is not the one that was checked.
    Changed,
    /// The document's XML does not use the `w` prefix the comments need.
    Unsupported(String),
    /// The copy could not be written or did not read back.
    Failed(String),
}

impl AnnotateError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AnnotateError::Unreadable(error) => error.diagnostic(lang).message,
            AnnotateError::Changed => tr!(
                lang,
                "文档在检查期间被修改，未生成批注副本；请重新运行",
                "the document changed while it was checked; no annotated copy was written: run again"
            ),
            AnnotateError::Unsupported(what) => tr!(
                lang,
                "无法在该文档中添加批注（{}）；请在 Word 中另存为 .docx 后再试",
                "comments cannot be added to this document ({}); save it as .docx in Word and try again",
                what
            ),
            AnnotateError::Failed(what) => tr!(
                lang,
                "批注副本生成失败（{}）",
                "the annotated copy could not be made ({})",
                what
            ),
        }
    }
}

impl From<DocxError> for AnnotateError {
    fn from(error: DocxError) -> Self {
        AnnotateError::Unreadable(error)
    }
}

/// Where the annotated copy of `input` goes: `NAME.disclint.docx` beside it,
/// or in `dir`.
pub fn annotated_path(input: &Path, dir: Option<&Path>) -> PathBuf {
    let stem = input
        .file_stem()
        .map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
    let name = format!("{stem}.disclint.docx");
    match dir {
        Some(dir) => dir.join(name),
        None => input.with_file_name(name),
    }
}

/// The bytes of a copy of the Word document `bytes` (read as `source`)
/// with one comment per diagnostic, in `lang` (with no diagnostics, the
/// bytes as they are).
pub fn annotate_docx(
    bytes: &[u8],
    source: &SourceFile,
    diagnostics: &[Diagnostic],
    lang: Lang,
) -> Result<Vec<u8>, AnnotateError> {
    let document = docx::read(bytes)?;
    let same = source
        .map
        .original()
        .is_some_and(|original| original.text == document.layout.original);
    if !same {
        return Err(AnnotateError::Changed);
    }
    if diagnostics.is_empty() {
        return Ok(bytes.to_vec());
    }
    if !root_tag(&document.xml, &document.part)?.contains(W_DECLARATION) {
        return Err(AnnotateError::Unsupported(format!(
            "{} does not bind the prefix w",
            document.part
        )));
    }
    let mut package = Package::open(bytes)?;
    let rels_part = relationships::rels_part_of(&document.part);
    let rels_xml = package.read_xml(&rels_part)?;
    let rels = match &rels_xml {
        Some(xml) => relationships::parse(xml, &rels_part)?,
        None => Vec::new(),
    };
    let folder = relationships::folder_of(&document.part).to_owned();
    let comments_part = rels
        .iter()
        .find(|r| r.kind == COMMENTS_RELATIONSHIP && !r.external)
        .map(|r| relationships::resolve(&folder, &r.target))
        .filter(|name| package.has(name));
    let existing = match &comments_part {
        Some(name) => {
            let xml = package.read_xml(name)?.unwrap_or_default();
            let found = comments::existing(&xml, name)?;
            if !found.binds_w {
                return Err(AnnotateError::Unsupported(format!(
                    "{name} does not bind the prefix w"
                )));
            }
            Some((name.clone(), xml, found))
        }
        None => None,
    };
    let first_id = existing
        .as_ref()
        .and_then(|(_, _, found)| found.max_id)
        .max(max_comment_id_in(&document.xml, &document.part)?)
        .map_or(0, |max| max + 1);

    // The comments and where they go.
    let anchors = Anchors::new(
        &document.xml,
        &document.layout.original,
        &document.layout.lines,
    );
    let mut marks: Vec<Mark> = Vec::new();
    let mut comment_xml = String::new();
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        let id = first_id + index as u64;
        let range = if diagnostic.span.len == 0 && diagnostic.span.offset == 0 {
            None
        } else {
            original_range(source, diagnostic.span)
        };
        let sites = match range {
            Some((start, end)) => anchors.sites(start, end),
            None => anchors.document_start().map(|site| (site, site)),
        };
        let Some((start, end)) = sites else {
            return Err(AnnotateError::Unsupported(
                "the document has no paragraph to anchor a comment on".into(),
            ));
        };
        marks.push(Mark {
            site: start,
            order: 1,
            id,
            index,
        });
        marks.push(Mark {
            site: end,
            order: if start == end { 2 } else { 0 },
            id,
            index,
        });
        comment_xml.push_str(&comments::comment(id, diagnostic, lang));
    }
    let new_document = insert_marks(&document.xml, &marks);

    // The parts that change.
    let mut replaced: Vec<(String, String)> = vec![(document.part.clone(), new_document)];
    let mut added: Vec<(String, String)> = Vec::new();
    match existing {
        Some((name, xml, found)) => {
            let (from, to) = found.insert;
            let mut extended = String::with_capacity(xml.len() + comment_xml.len());
            extended.push_str(&xml[..from]);
            if found.empty_root {
                extended.push('>');
                extended.push_str(&comment_xml);
                extended.push_str(&format!("</{}>", root_name(&xml, &name)?));
            } else {
                extended.push_str(&comment_xml);
            }
            extended.push_str(&xml[to..]);
            replaced.push((name, extended));
        }
        None => {
            let name = free_name(&package, &folder, "comments", ".xml");
            let types = package
                .read_xml("[Content_Types].xml")?
                .ok_or_else(|| AnnotateError::Unsupported("no [Content_Types].xml".into()))?;
            let types = insert_before_end(
                &types,
                "</Types>",
                &format!(r#"<Override PartName="/{name}" ContentType="{COMMENTS_TYPE}"/>"#),
            )?;
            let types = if types.contains(r#"Extension="rels""#) || rels_xml.is_some() {
                types
            } else {
                insert_before_end(
                    &types,
                    "</Types>",
                    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
                )?
            };
            replaced.push(("[Content_Types].xml".into(), types));
            let relationship = format!(
                r#"<Relationship Id="{}" Type="{COMMENTS_RELATIONSHIP}" Target="{}"/>"#,
                free_id(&rels),
                name.strip_prefix(&format!("{folder}/")).unwrap_or(&name)
            );
            match &rels_xml {
                Some(xml) => {
                    replaced.push((rels_part.clone(), insert_before_end(xml, "</Relationships>", &relationship)?))
                }
                None => added.push((
                    rels_part.clone(),
                    format!(
                        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relationship}</Relationships>"#
                    ),
                )),
            }
            added.push((name, comments::new_part(&comment_xml)));
        }
    }
    for (name, xml) in replaced.iter().chain(&added) {
        well_formed(xml, name)?;
    }
    let copy = write_package(&mut package, &replaced, &added)?;
    let reread = docx::read(&copy).map_err(|error| {
        AnnotateError::Failed(format!("the copy does not read back: {error:?}"))
    })?;
    if reread.layout.original != document.layout.original {
        return Err(AnnotateError::Failed(
            "the copy's text differs from the original's".into(),
        ));
    }
    Ok(copy)
}

/// A comment's start or end to insert into the document part.
#[derive(Debug, Clone, Copy)]
struct Mark {
    site: Site,
    /// At one place: ends of earlier comments (0), starts (1), ends of
    /// comments that start there too (2).
    order: u8,
    id: u64,
    /// The diagnostic's index, to keep marks of one order in finding order.
    index: usize,
}

impl Mark {
    fn markup(&self) -> String {
        match self.order {
            1 => format!(r#"<w:commentRangeStart w:id="{}"/>"#, self.id),
            _ => format!(
                r#"<w:commentRangeEnd w:id="{0}"/><w:r><w:commentReference w:id="{0}"/></w:r>"#,
                self.id
            ),
        }
    }
}

/// The document part with the marks inserted; a run holding a mark inside
/// its text is split there, the second half with the same properties.
fn insert_marks(xml: &str, marks: &[Mark]) -> String {
    let mut marks = marks.to_vec();
    marks.sort_by_key(|m| (m.site.offset(), m.order, m.index));
    let mut out = String::with_capacity(xml.len() + marks.len() * 96);
    let mut copied = 0;
    let mut index = 0;
    while index < marks.len() {
        let at = marks[index].site.offset();
        let group_end = index
            + marks[index..]
                .iter()
                .take_while(|m| m.site.offset() == at)
                .count();
        let group = &marks[index..group_end];
        out.push_str(&xml[copied..at]);
        copied = at;
        let split = group.iter().find_map(|m| match m.site {
            Site::Inside { properties, .. } => Some(properties),
            Site::Between(_) => None,
        });
        let markup: String = group.iter().map(Mark::markup).collect();
        match split {
            Some(properties) => {
                out.push_str("</w:t></w:r>");
                out.push_str(&markup);
                out.push_str("<w:r>");
                if let Some((from, to)) = properties {
                    out.push_str(&xml[from..to]);
                }
                out.push_str(r#"<w:t xml:space="preserve">"#);
            }
            None => out.push_str(&markup),
        }
        index = group_end;
    }
    out.push_str(&xml[copied..]);
    out
}

/// The highest comment id the document part itself uses (ranges and
/// references), so that new ids stay above them even where the comments
/// part lacks their comments.
fn max_comment_id_in(xml: &str, part: &str) -> Result<Option<u64>, AnnotateError> {
    let mut reader = XmlReader::new(xml, part);
    let mut max = None;
    loop {
        match reader.next()? {
            Node::Open {
                ns: Ns::W, element, ..
            } => {
                if matches!(
                    element.local_name().as_ref(),
                    b"commentRangeStart" | b"commentRangeEnd" | b"commentReference"
                ) {
                    let id = attribute(&element, b"id").and_then(|id| id.trim().parse().ok());
                    max = max.max(id);
                }
            }
            Node::Eof => return Ok(max),
            _ => {}
        }
    }
}

/// The start tag of a part's root element.
fn root_tag<'x>(xml: &'x str, part: &str) -> Result<&'x str, AnnotateError> {
    let mut reader = XmlReader::new(xml, part);
    loop {
        match reader.next()? {
            Node::Open { start, end, .. } => return Ok(&xml[start..end]),
            Node::Eof => {
                return Err(AnnotateError::Unsupported(format!(
                    "{part} has no root element"
                )))
            }
            _ => {}
        }
    }
}

/// The qualified name of a part's root element.
fn root_name(xml: &str, part: &str) -> Result<String, AnnotateError> {
    let tag = root_tag(xml, part)?;
    Ok(tag
        .trim_start_matches('<')
        .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .next()
        .unwrap_or_default()
        .to_owned())
}

/// `xml` with `insert` just before its last `end` tag.
fn insert_before_end(xml: &str, end: &str, insert: &str) -> Result<String, AnnotateError> {
    let at = xml
        .rfind(end)
        .ok_or_else(|| AnnotateError::Unsupported(format!("no {end} to add to")))?;
    Ok(format!("{}{insert}{}", &xml[..at], &xml[at..]))
}

/// A part name in `folder` not yet in the package (`comments.xml`,
/// `comments1.xml`, …).
fn free_name(package: &Package<'_>, folder: &str, stem: &str, extension: &str) -> String {
    let prefix = if folder.is_empty() {
        String::new()
    } else {
        format!("{folder}/")
    };
    (0..)
        .map(|n| match n {
            0 => format!("{prefix}{stem}{extension}"),
            n => format!("{prefix}{stem}{n}{extension}"),
        })
        .find(|name| !package.has(name))
        .expect("some name is free")
}

/// A relationship id not used in `rels`.
fn free_id(rels: &[Relationship]) -> String {
    (1..)
        .map(|n| format!("rIdDisclint{n}"))
        .find(|id| rels.iter().all(|r| &r.id != id))
        .expect("some id is free")
}

/// Reads a part written to its end: it must be well-formed XML.
fn well_formed(xml: &str, part: &str) -> Result<(), AnnotateError> {
    let mut reader = XmlReader::new(xml, part);
    loop {
        match reader.next() {
            Ok(Node::Eof) => return Ok(()),
            Ok(_) => {}
            Err(error) => {
                return Err(AnnotateError::Failed(format!(
                    "{part} written is not well-formed: {error:?}"
                )))
            }
        }
    }
}

/// The package with `replaced` parts rewritten, `added` parts appended,
/// and every other entry copied raw.
fn write_package(
    package: &mut Package<'_>,
    replaced: &[(String, String)],
    added: &[(String, String)],
) -> Result<Vec<u8>, AnnotateError> {
    let failed = |error: zip::result::ZipError| AnnotateError::Failed(error.to_string());
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let archive = package.archive();
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(failed)?;
        match replaced.iter().find(|(name, _)| name == entry.name()) {
            Some((name, xml)) => {
                let mut options =
                    SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
                if let Some(time) = entry.last_modified() {
                    options = options.last_modified_time(time);
                }
                drop(entry);
                writer.start_file(name.as_str(), options).map_err(failed)?;
                writer
                    .write_all(xml.as_bytes())
                    .map_err(|error| AnnotateError::Failed(error.to_string()))?;
            }
            None => writer.raw_copy_file(entry).map_err(failed)?,
        }
    }
    for (name, xml) in added {
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        writer.start_file(name.as_str(), options).map_err(failed)?;
        writer
            .write_all(xml.as_bytes())
            .map_err(|error| AnnotateError::Failed(error.to_string()))?;
    }
    Ok(writer.finish().map_err(failed)?.into_inner())
}
