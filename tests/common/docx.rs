//! A small writer of `.docx` packages for the tests: WordprocessingML
//! written as strings, zipped with the `zip` crate.
//!
//! [`Docx`] holds the body and the optional parts; the free functions write
//! body XML (paragraphs, numbered headings, tables with merged cells, text
//! boxes). [`synth_docx`] renders a [`SynthReport`] as a Word document the
//! way a clerk's draft looks: section headings numbered by Word's list
//! numbering (`一、` and `(一)` are not in the text) and the tables with
//! merged cells (`w:gridSpan` and `w:vMerge`).

use std::io::Write;

use disclint::synth::{Rendering, SynthReport};

/// The WordprocessingML namespace.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const NAMESPACES: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps""#
);

/// The list numbering the writer's numbered headings use: instance 1 is
/// `一、` (level 0, `chineseCounting`), `(一)` (level 1) and `1.` (level 2);
/// instance 2 is `（一）` with `ideographTraditional` at level 0 (甲、乙…)
/// and `①` at level 1.
pub const NUMBERING: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>"#,
    r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>"#,
    r#"<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/></w:lvl>"#,
    r#"<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>"#,
    r#"</w:abstractNum>"#,
    r#"<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>"#,
    r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>"#,
    r#"<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%2"/><w:lvlJc w:val="left"/></w:lvl>"#,
    r#"</w:abstractNum>"#,
    r#"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
    r#"<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#,
    r#"</w:numbering>"#
);

/// Styles with a heading style numbered through the style (`Heading1` →
/// instance 1, level 0), so a paragraph of that style gets `一、` without
/// any `w:numPr` of its own.
pub const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>"#,
    r#"</w:styles>"#
);

/// A Word document being written.
#[derive(Debug, Clone, Default)]
pub struct Docx {
    body: String,
    numbering: Option<String>,
    styles: Option<String>,
    comments: Option<String>,
    parts: Vec<(String, Vec<u8>)>,
}

impl Docx {
    /// A document with this body XML (paragraphs and tables).
    pub fn new(body: impl Into<String>) -> Docx {
        Docx {
            body: body.into(),
            ..Docx::default()
        }
    }

    /// With [`NUMBERING`] and [`STYLES`].
    pub fn numbered(mut self) -> Docx {
        self.numbering = Some(NUMBERING.to_owned());
        self.styles = Some(STYLES.to_owned());
        self
    }

    /// With this numbering part.
    pub fn numbering(mut self, xml: &str) -> Docx {
        self.numbering = Some(xml.to_owned());
        self
    }

    /// With a comments part already holding these `w:comment` elements.
    pub fn comments(mut self, comments: &str) -> Docx {
        self.comments = Some(format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {NAMESPACES}>{comments}</w:comments>"#
        ));
        self
    }

    /// With one more part (not referenced by any relationship).
    pub fn part(mut self, name: &str, content: &[u8]) -> Docx {
        self.parts.push((name.to_owned(), content.to_vec()));
        self
    }

    /// The document part's XML.
    pub fn document_xml(&self) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NAMESPACES}><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
            self.body
        )
    }

    /// The package's bytes.
    pub fn build(&self) -> Vec<u8> {
        let mut types = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
        );
        let mut rels = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        );
        let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
        let related = [
            (&self.styles, "styles", "styles"),
            (&self.numbering, "numbering", "numbering"),
            (&self.comments, "comments", "comments"),
        ];
        for (index, (content, name, kind)) in related.into_iter().enumerate() {
            if let Some(content) = content {
                types.push_str(&format!(
                    r#"<Override PartName="/word/{name}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{name}+xml"/>"#
                ));
                rels.push_str(&format!(
                    r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{name}.xml"/>"#,
                    index + 1
                ));
                parts.push((format!("word/{name}.xml"), content.clone().into_bytes()));
            }
        }
        types.push_str("</Types>");
        rels.push_str("</Relationships>");
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut add = |name: &str, bytes: &[u8]| {
            out.start_file(name, options).expect("start a zip entry");
            out.write_all(bytes).expect("write a zip entry");
        };
        add("[Content_Types].xml", types.as_bytes());
        add(
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        );
        add("word/document.xml", self.document_xml().as_bytes());
        add("word/_rels/document.xml.rels", rels.as_bytes());
        for (name, content) in parts.iter().chain(&self.parts) {
            add(name, content);
        }
        out.finish().expect("finish the zip").into_inner()
    }
}

/// Escapes text for XML.
pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A run of text.
pub fn r(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(text)
    )
}

/// A paragraph of plain text.
pub fn p(text: &str) -> String {
    format!("<w:p>{}</w:p>", r(text))
}

/// A paragraph numbered by list instance `num` at `level`, with this text.
pub fn numbered(num: u32, level: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{}</w:p>"#,
        r(text)
    )
}

/// A paragraph of style `style` (numbered through the style).
pub fn styled(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
        r(text)
    )
}

/// A table cell: its text, the grid columns it spans, its vertical merge.
#[derive(Debug, Clone)]
pub struct Tc {
    text: String,
    span: usize,
    merge: Option<&'static str>,
}

/// A cell with this text.
pub fn tc(text: &str) -> Tc {
    Tc {
        text: text.to_owned(),
        span: 1,
        merge: None,
    }
}

impl Tc {
    /// Spanning `n` grid columns.
    pub fn span(mut self, n: usize) -> Tc {
        self.span = n;
        self
    }

    /// Starting a vertical merge.
    pub fn restart(mut self) -> Tc {
        self.merge = Some("restart");
        self
    }

    /// Continuing the vertical merge above (its text is not written).
    pub fn cont(mut self) -> Tc {
        self.merge = Some("continue");
        self.text.clear();
        self
    }
}

/// A table of these rows.
pub fn table(rows: &[Vec<Tc>]) -> String {
    let columns = rows
        .iter()
        .map(|row| row.iter().map(|c| c.span).sum::<usize>())
        .max()
        .unwrap_or(1);
    let mut xml = String::from(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr><w:tblGrid>"#,
    );
    for _ in 0..columns {
        xml.push_str(r#"<w:gridCol w:w="800"/>"#);
    }
    xml.push_str("</w:tblGrid>");
    for row in rows {
        xml.push_str("<w:tr>");
        for cell in row {
            xml.push_str("<w:tc><w:tcPr>");
            xml.push_str(&format!(
                r#"<w:tcW w:w="{}" w:type="dxa"/>"#,
                800 * cell.span
            ));
            if cell.span > 1 {
                xml.push_str(&format!(r#"<w:gridSpan w:val="{}"/>"#, cell.span));
            }
            match cell.merge {
                Some("restart") => xml.push_str(r#"<w:vMerge w:val="restart"/>"#),
                Some(_) => xml.push_str("<w:vMerge/>"),
                None => {}
            }
            xml.push_str("</w:tcPr>");
            xml.push_str(&if cell.text.is_empty() {
                "<w:p/>".to_owned()
            } else {
                p(&cell.text)
            });
            xml.push_str("</w:tc>");
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

/// A run holding a text box with these paragraphs (DrawingML, with the VML
/// fallback Word writes beside it: the text is in the file twice).
pub fn text_box(paragraphs: &[&str]) -> String {
    let content: String = paragraphs.iter().map(|t| p(t)).collect();
    format!(
        concat!(
            r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>"#,
            r#"<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">"#,
            r#"<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>"#,
            r#"<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>"#,
            r#"<wp:extent cx="2000000" cy="500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>"#,
            r#"<wp:docPr id="1" name="Text Box 1"/><wp:cNvGraphicFramePr/>"#,
            r#"<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">"#,
            r#"<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>"#,
            r#"<wps:txbx><w:txbxContent>{0}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"/></wps:wsp>"#,
            r#"</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"#,
            r#"<mc:Fallback><w:pict><v:shape id="TextBox1" style="position:absolute;width:157.5pt;height:39.4pt" stroked="t"><v:textbox><w:txbxContent>{0}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"#,
            r#"</mc:AlternateContent></w:r>"#
        ),
        content
    )
}

/// Whether a line is a first-level heading (`一、…`) and where its text starts.
fn heading(line: &str, open: &str, close: &str) -> Option<usize> {
    let rest = line.strip_prefix(open)?;
    let numeral: String = rest
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .collect();
    if numeral.is_empty() {
        return None;
    }
    let after = &rest[numeral.len()..];
    after
        .strip_prefix(close)
        .map(|text| line.len() - text.len())
}

fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_start_matches('|')
        .trim_end_matches('|')
        .split('|')
        .map(|c| c.trim().to_owned())
        .collect()
}

/// The 主动公开 table: 4 grid columns; a caption row spans them all, and a
/// row of fewer cells has its last cell span the rest.
fn active_table(lines: &[&str]) -> String {
    let rows: Vec<Vec<Tc>> = lines
        .iter()
        .map(|line| {
            let cells = cells(line);
            let n = cells.len();
            cells
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let cell = tc(text);
                    if i + 1 == n && n < 4 {
                        cell.span(4 - i)
                    } else {
                        cell
                    }
                })
                .collect()
        })
        .collect();
    table(&rows)
}

/// The applications table as it is printed: 3 label columns and 7 value
/// columns; the header merged both ways, each group label (`三、本年度办理结果`,
/// `(三)不予公开`) merged down over its rows.
fn applications_table(lines: &[&str]) -> String {
    let header: Vec<Vec<String>> = lines[..3].iter().map(|l| cells(l)).collect();
    let mut rows = vec![
        vec![
            tc(&header[0][0]).span(3).restart(),
            tc(&header[0][1]).span(7),
        ],
        vec![
            tc("").span(3).cont(),
            tc(&header[1][0]).restart(),
            tc(&header[1][1]).span(5),
            tc(&header[1][2]).restart(),
        ],
    ];
    let mut third = vec![tc("").span(3).cont(), tc("").cont()];
    third.extend(header[2].iter().map(|t| tc(t)));
    third.push(tc("").cont());
    rows.push(third);
    let mut group: Option<(String, bool)> = None;
    let mut subgroup: Option<(String, bool)> = None;
    for line in &lines[3..] {
        let cells = cells(line);
        if cells.len() == 1 {
            if cells[0].starts_with('(') {
                subgroup = Some((cells[0].clone(), true));
            } else {
                group = Some((cells[0].clone(), true));
            }
            continue;
        }
        let label = &cells[0];
        let mut row = Vec::new();
        let top_level = heading(label, "", "、").is_some();
        if top_level {
            group = None;
            subgroup = None;
            row.push(tc(label).span(3));
        } else {
            if let Some((text, first)) = &mut group {
                row.push(if *first {
                    tc(text).restart()
                } else {
                    tc("").cont()
                });
                *first = false;
            }
            if label.starts_with('(') {
                subgroup = None;
                row.push(tc(label).span(2));
            } else {
                if let Some((text, first)) = &mut subgroup {
                    row.push(if *first {
                        tc(text).restart()
                    } else {
                        tc("").cont()
                    });
                    *first = false;
                }
                row.push(tc(label));
            }
        }
        row.extend(cells[1..].iter().map(|t| tc(t)));
        rows.push(row);
    }
    table(&rows)
}

/// The review table: 行政复议 over 5 columns, 行政诉讼 over 10, the five
/// review headings merged down over two rows.
fn review_table(lines: &[&str]) -> String {
    let all: Vec<Vec<String>> = lines.iter().map(|l| cells(l)).collect();
    let mut second: Vec<Tc> = all[1][..5].iter().map(|t| tc(t).restart()).collect();
    second.extend(all[1][5..].iter().map(|t| tc(t).span(5)));
    let mut third: Vec<Tc> = (0..5).map(|_| tc("").cont()).collect();
    third.extend(all[2].iter().map(|t| tc(t)));
    table(&[
        vec![tc(&all[0][0]).span(5), tc(&all[0][1]).span(10)],
        second,
        third,
        all[3].iter().map(|t| tc(t)).collect(),
    ])
}

/// The body of a report written as text (one paragraph per line, tables
/// as Markdown pipe rows): headings `一、…` and `(一)…` become paragraphs
/// numbered by Word (their numerals left out of the text), the three
/// tables become Word tables with merged cells.
pub fn report_body(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut body = String::new();
    let mut tables = 0;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        if line.starts_with('|') {
            let start = index;
            while index < lines.len() && lines[index].starts_with('|') {
                index += 1;
            }
            let rows = &lines[start..index];
            tables += 1;
            body.push_str(&match tables {
                1 => active_table(rows),
                2 => applications_table(rows),
                _ => review_table(rows),
            });
            continue;
        }
        if let Some(at) = heading(line, "", "、") {
            body.push_str(&numbered(1, 0, &line[at..]));
        } else if let Some(at) = heading(line, "(", ")") {
            body.push_str(&numbered(1, 1, &line[at..]));
        } else {
            body.push_str(&p(line));
        }
        index += 1;
    }
    body
}

/// A synthetic report as a Word draft (see [`report_body`]).
pub fn synth_docx(report: &SynthReport) -> Vec<u8> {
    report_docx(&report.render(Rendering::Markdown))
}

/// A report written as text, as a Word draft (see [`report_body`]).
pub fn report_docx(text: &str) -> Vec<u8> {
    Docx::new(report_body(text)).numbered().build()
}
