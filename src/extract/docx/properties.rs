//! The property elements the body reader needs: of paragraphs (`w:pPr`),
//! runs (`w:rPr`), table rows (`w:trPr`) and cells (`w:tcPr`), and content
//! controls (`w:sdtPr`). Each reader is called just after the element
//! opened and reads to its end; tracked changes of the properties
//! themselves (`w:pPrChange` …) are skipped.

use quick_xml::events::BytesStart;

use super::body::Merge;
use super::error::DocxError;
use super::xml::{attribute, is_on, val_number, Node, Ns, XmlReader};

/// What `w:pPr` says about a paragraph's style and list numbering.
#[derive(Debug, Default)]
pub(crate) struct ParagraphProperties {
    /// Its style (`w:pStyle`).
    pub(crate) style: Option<String>,
    /// Its numbering instance (`w:numPr/w:numId`).
    pub(crate) num_id: Option<String>,
    /// Its list level (`w:numPr/w:ilvl`).
    pub(crate) level: Option<usize>,
}

/// What `w:trPr` says about a row.
#[derive(Debug, Default)]
pub(crate) struct RowProperties {
    /// Grid columns before its first cell (`w:gridBefore`).
    pub(crate) grid_before: usize,
    /// Whether the row is a tracked deletion.
    pub(crate) deleted: bool,
}

/// What `w:tcPr` says about a cell.
#[derive(Debug)]
pub(crate) struct CellProperties {
    /// Grid columns it spans.
    pub(crate) span: usize,
    /// Vertical merge.
    pub(crate) vertical: Merge,
    /// Legacy horizontal merge.
    pub(crate) horizontal: Merge,
    /// Whether the cell is a tracked deletion.
    pub(crate) deleted: bool,
}

/// Reads the children of the element just opened, handing each opening
/// WordprocessingML tag to `each` (which may skip it); stops at its end.
fn children(
    reader: &mut XmlReader<'_>,
    mut each: impl FnMut(&mut XmlReader<'_>, &BytesStart<'_>, bool) -> Result<(), DocxError>,
) -> Result<(), DocxError> {
    let base = reader.depth();
    loop {
        match reader.next()? {
            Node::Open {
                ns: Ns::W,
                element,
                empty,
                ..
            } => each(reader, &element, empty)?,
            Node::Close { .. } if reader.depth() < base => return Ok(()),
            Node::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// Reads `w:pPr`: the style and the list numbering.
pub(crate) fn paragraph(reader: &mut XmlReader<'_>) -> Result<ParagraphProperties, DocxError> {
    let mut properties = ParagraphProperties::default();
    children(reader, |reader, element, empty| {
        match element.local_name().as_ref() {
            b"pStyle" => properties.style = attribute(element, b"val"),
            b"numId" => properties.num_id = attribute(element, b"val"),
            b"ilvl" => properties.level = val_number(element).and_then(|l| usize::try_from(l).ok()),
            b"rPr" | b"pPrChange" | b"sectPr" if !empty => reader.skip()?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(properties)
}

/// Reads `w:rPr`: whether the run is hidden (`w:vanish`).
pub(crate) fn run_hidden(reader: &mut XmlReader<'_>) -> Result<bool, DocxError> {
    let mut hidden = false;
    children(reader, |reader, element, empty| {
        match element.local_name().as_ref() {
            b"vanish" => hidden = is_on(element),
            b"rPrChange" if !empty => reader.skip()?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(hidden)
}

/// Reads `w:trPr`.
pub(crate) fn row(reader: &mut XmlReader<'_>) -> Result<RowProperties, DocxError> {
    let mut properties = RowProperties::default();
    children(reader, |reader, element, empty| {
        match element.local_name().as_ref() {
            b"gridBefore" => properties.grid_before = count(element),
            b"del" => {
                properties.deleted = true;
                if !empty {
                    reader.skip()?;
                }
            }
            b"trPrChange" if !empty => reader.skip()?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(properties)
}

/// Reads `w:tcPr`.
pub(crate) fn cell(reader: &mut XmlReader<'_>) -> Result<CellProperties, DocxError> {
    let mut properties = CellProperties {
        span: 1,
        vertical: Merge::None,
        horizontal: Merge::None,
        deleted: false,
    };
    children(reader, |reader, element, empty| {
        match element.local_name().as_ref() {
            b"gridSpan" => properties.span = count(element).max(1),
            b"vMerge" => properties.vertical = merge(element),
            b"hMerge" => properties.horizontal = merge(element),
            b"cellDel" => properties.deleted = true,
            b"tcPrChange" if !empty => reader.skip()?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(properties)
}

/// Reads `w:sdtPr`: whether the content control is a table of contents
/// (`w:docPartObj/w:docPartGallery` "Table of Contents").
pub(crate) fn content_control(reader: &mut XmlReader<'_>) -> Result<bool, DocxError> {
    let mut contents = false;
    children(reader, |_, element, _| {
        if element.local_name().as_ref() == b"docPartGallery" {
            contents |= attribute(element, b"val")
                .is_some_and(|gallery| gallery.contains("Table of Contents"));
        }
        Ok(())
    })?;
    Ok(contents)
}

/// A grid count attribute (`w:val`), bounded: a table has at most 63
/// columns in Word; a hostile value must not make the grid huge.
fn count(element: &BytesStart<'_>) -> usize {
    val_number(element).map_or(1, |n| n.clamp(0, 256) as usize)
}

fn merge(element: &BytesStart<'_>) -> Merge {
    match attribute(element, b"val").as_deref() {
        Some("restart") => Merge::Restart,
        _ => Merge::Continue,
    }
}
