//! Web pages: the report as a reader of the page sees it.
//!
//! The page is decoded (a byte-order mark, else the encoding its
//! `<meta>` declares, else UTF-8, else GB18030; `--encoding` forces one),
//! tokenized with `lol_html`, which gives every tag and text chunk its
//! byte range, and built into a tree ([`tree`]). The article body is found
//! by where the text is ([`body`]), and its text written out a line per
//! block and a pipe row per table row ([`emit`], [`grid`]), with
//! references decoded ([`entities`]), white space as a browser shows it
//! ([`run`]) and tool bars left out ([`chrome`]). The map's original is
//! the decoded page source: every position reported is one in the HTML.

mod body;
mod charset;
mod chrome;
mod emit;
mod entities;
mod grid;
mod run;
mod tags;
mod tree;

use crate::diagnostic::Diagnostic;
use crate::input::InputOptions;
use crate::line_index::LineIndex;
use crate::location::Regions;
use crate::source::SourceFile;
use crate::source_map::SourceMap;

use super::SourceKind;

/// Reads a web page; bytes that are not text get the text reader's
/// diagnostics (I001, I002).
pub(super) fn extract(
    name: &str,
    bytes: &[u8],
    options: &InputOptions,
) -> Result<SourceFile, Box<Diagnostic>> {
    let page = decode(name, bytes, options)?;
    // A file named `.html` that holds no markup is text.
    if !has_markup(&page.text) {
        return Ok(page);
    }
    let Ok(tree) = tree::parse(&page.text) else {
        // `lol_html` refuses nothing it is given here (no memory limit,
        // not strict); should it, the page is read as its source.
        return Ok(page);
    };
    let weights = body::Weights::new(&tree, &page.text);
    let body = body::find(&tree, &weights);
    let extracted = emit::emit(&tree, &page.text, &weights, &body);
    let lines = LineIndex::new(&extracted.text);
    Ok(SourceFile {
        path: page.path,
        text: extracted.text,
        encoding: page.encoding,
        had_bom: page.had_bom,
        lines,
        kind: SourceKind::Html,
        map: SourceMap::from_pieces(page.text, extracted.pieces),
        regions: Regions::new(extracted.regions),
    })
}

/// The page source, decoded: a forced encoding or a byte-order mark
/// decides; else the encoding the page declares, when the bytes decode in
/// it; else UTF-8 or GB18030, as for text.
fn decode(name: &str, bytes: &[u8], options: &InputOptions) -> Result<SourceFile, Box<Diagnostic>> {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF");
    if options.encoding.is_none() && !has_bom {
        if let Some(declared) = charset::declared(bytes) {
            let declared = InputOptions {
                encoding: Some(declared),
                ..options.clone()
            };
            if let Ok(page) = super::text::extract(name, bytes, &declared) {
                return Ok(page);
            }
        }
    }
    super::text::extract(name, bytes, options)
}

/// Whether the text has a tag in it (`<` and a letter, `/`, `!` or `?`).
fn has_markup(text: &str) -> bool {
    text.as_bytes().windows(2).any(|pair| {
        pair[0] == b'<' && (pair[1].is_ascii_alphabetic() || matches!(pair[1], b'/' | b'!' | b'?'))
    })
}
