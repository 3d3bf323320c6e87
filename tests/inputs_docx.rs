//! Word documents (`.docx`): what the extractor reads, where positions
//! point, and what it says about documents it cannot read.

mod common;

use std::io::Write;

use common::docx::*;
use disclint::extract::{extract, SourceKind};
use disclint::input::InputOptions;
use disclint::location::Location;
use disclint::model::Number;
use disclint::synth::{Rendering, Rng, SynthReport};
use disclint::{Diagnostic, Lang, LintOptions, Linter, SourceFile};

fn read(bytes: &[u8]) -> SourceFile {
    match extract("draft.docx", bytes, &InputOptions::default()) {
        Ok(source) => source,
        Err(diagnostic) => panic!("not read: {}: {}", diagnostic.code, diagnostic.message),
    }
}

fn text_of(body: &str) -> String {
    read(&Docx::new(body).numbered().build()).text
}

fn refused(name: &str, bytes: &[u8], lang: Lang) -> Diagnostic {
    let options = InputOptions {
        lang,
        ..InputOptions::default()
    };
    match extract(name, bytes, &options) {
        Ok(source) => panic!("read: {:?}", source.text),
        Err(diagnostic) => *diagnostic,
    }
}

/// A zip of these entries (stored as given).
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        out.start_file(*name, options).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn paragraphs_split_across_runs_and_proofing_marks_read_whole() {
    let body = concat!(
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>总体</w:t></w:r><w:proofErr w:type="spellStart"/>"#,
        r#"<w:r><w:t>情</w:t></w:r><w:r><w:t xml:space="preserve">况</w:t></w:r><w:proofErr w:type="spellEnd"/>"#,
        r#"<w:bookmarkStart w:id="0" w:name="a"/><w:r><w:t>：A&amp;B</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>"#,
    );
    assert_eq!(text_of(body), "总体情况：A&B\n");
}

#[test]
fn tabs_breaks_hyphens_symbols_hidden_text_and_fields() {
    let body = concat!(
        r#"<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:noBreakHyphen/><w:t>丁</w:t>"#,
        r#"<w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="2605"/></w:r>"#,
        r#"<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
    );
    let source = read(&Docx::new(body).build());
    // A tab reads as a space (a tab would make the line a table row), a
    // line break starts a new line; in the original the tab stays a tab.
    assert_eq!(source.text, "甲 乙\n丙-丁★3\n");
    let original = &source.map.original().unwrap().text;
    assert_eq!(original, "甲\t乙 丙-丁★3\n");
}

#[test]
fn tracked_changes_read_as_accepted() {
    let body = concat!(
        r#"<w:p><w:r><w:t>本年度共收到申请</w:t></w:r>"#,
        r#"<w:del w:id="1" w:author="张三" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>12</w:delText></w:r></w:del>"#,
        r#"<w:ins w:id="2" w:author="张三" w:date="2025-01-01T00:00:00Z"><w:r><w:t>24</w:t></w:r></w:ins>"#,
        r#"<w:r><w:t>件。</w:t></w:r>"#,
        r#"<w:moveFrom w:id="3" w:author="张三"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom></w:p>"#,
        r#"<w:p><w:moveTo w:id="4" w:author="张三"><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p>"#,
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>留</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>"#,
        r#"<w:tr><w:trPr><w:del w:id="5" w:author="张三"/></w:trPr><w:tc><w:p><w:r><w:delText>删</w:delText></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"#,
    );
    assert_eq!(
        text_of(body),
        "本年度共收到申请24件。\n新位置\n| 留 | 1 |\n"
    );
}

#[test]
fn a_text_box_is_read_once_after_its_paragraph() {
    let body = format!(
        "<w:p>{}{}</w:p>{}",
        r("前文"),
        text_box(&["框内第一段", "框内第二段"]),
        p("后文")
    );
    assert_eq!(text_of(&body), "前文\n框内第一段\n框内第二段\n后文\n");
}

#[test]
fn content_controls_are_read_through_at_every_level() {
    let body = concat!(
        r#"<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>"#,
        r#"<w:p><w:r><w:t>城关镇</w:t></w:r><w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>2024</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t>年报告</w:t></w:r></w:p>"#,
        r#"</w:sdtContent></w:sdt>"#,
        r#"<w:tbl><w:sdt><w:sdtContent><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc>"#,
        r#"<w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt></w:tbl>"#,
    );
    assert_eq!(text_of(body), "城关镇2024年报告\n| 规章 | 3 |\n");
}

#[test]
fn numbering_generates_the_section_numerals() {
    let body = [
        numbered(1, 0, "总体情况"),
        numbered(1, 1, "主动公开情况"),
        numbered(1, 1, "依申请公开情况"),
        numbered(1, 2, "第一项"),
        numbered(1, 0, "主动公开政府信息情况"),
        numbered(1, 1, "第一小节"),
        styled("Heading1", "收到和处理政府信息公开申请情况"),
        styled("Heading2", "经由样式编号"),
        numbered(2, 0, "天干"),
        numbered(2, 0, "天干"),
        numbered(2, 1, "圈码"),
        p("不编号"),
        numbered(1, 0, "存在的主要问题及改进情况"),
    ]
    .concat();
    assert_eq!(
        text_of(&body),
        "一、总体情况\n(一)主动公开情况\n(二)依申请公开情况\n1.第一项\n\
         二、主动公开政府信息情况\n(一)第一小节\n三、收到和处理政府信息公开申请情况\n\
         (一)经由样式编号\n甲、天干\n乙、天干\n①圈码\n不编号\n四、存在的主要问题及改进情况\n"
    );
}

#[test]
fn a_restarted_list_and_start_values_count_like_word() {
    let numbering = concat!(
        r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        r#"<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>"#,
        r#"<w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num>"#,
        r#"<w:num w:numId="5"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
        r#"</w:numbering>"#
    );
    let body = [
        numbered(4, 0, "甲"),
        numbered(4, 0, "乙"),
        numbered(5, 0, "丙"),
        numbered(5, 0, "丁"),
        numbered(0, 0, "无"),
    ]
    .concat();
    let source = read(&Docx::new(body).numbering(numbering).build());
    assert_eq!(source.text, "（三）甲\n（四）乙\n（一）丙\n（二）丁\n无\n");
}

#[test]
fn merged_cells_appear_once_where_they_start() {
    let body = table(&[
        vec![tc("项目").span(2).restart(), tc("数量").span(2)],
        vec![tc("").span(2).cont(), tc("本年"), tc("上年")],
        vec![
            tc("三、办理结果").restart(),
            tc("(一)予以公开"),
            tc("3"),
            tc("2"),
        ],
        vec![tc("").cont(), tc("(二)部分公开|区分"), tc(""), tc("1")],
    ]);
    let source = read(&Docx::new(body).build());
    assert_eq!(
        source.text,
        "| 项目 | 数量 |\n| 本年 | 上年 |\n| 三、办理结果 | (一)予以公开 | 3 | 2 |\n\
         | (二)部分公开｜区分 |  | 1 |\n"
    );
    // Cells are located on the grid after spans are expanded.
    let at = source.text.rfind("| 1 |").unwrap() + 2;
    assert_eq!(
        source.location(at),
        Some(&Location::Cell {
            table: 1,
            row: 4,
            column: 4
        })
    );
    let at = source.text.find("上年").unwrap();
    assert_eq!(
        source.location(at),
        Some(&Location::Cell {
            table: 1,
            row: 2,
            column: 4
        })
    );
}

#[test]
fn legacy_horizontal_merges_grid_before_and_nested_tables() {
    let body = concat!(
        r#"<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>"#,
        r#"<w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc>"#,
        r#"<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>"#,
        r#"<w:tc><w:p><w:r><w:t>右</w:t></w:r></w:p></w:tc></w:tr>"#,
        r#"<w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内甲</w:t></w:r></w:p></w:tc>"#,
        r#"<w:tc><w:p><w:r><w:t>内乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>"#,
        r#"<w:tc><w:p><w:r><w:t>two</w:t></w:r></w:p><w:p><w:r><w:t>lines</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    );
    let source = read(&Docx::new(body).build());
    assert_eq!(source.text, "| 合并 | 右 |\n| 外内甲内乙 | two lines |\n");
    let at = source.text.find('右').unwrap();
    assert_eq!(
        source.location(at),
        Some(&Location::Cell {
            table: 1,
            row: 1,
            column: 4
        })
    );
}

#[test]
fn a_one_cell_layout_table_is_read_as_its_content() {
    let inner = table(&[vec![tc("规章"), tc("3")], vec![tc("规范性文件"), tc("4")]]);
    let body = format!(
        "<w:tbl><w:tr><w:tc>{}{}</w:tc></w:tr></w:tbl>",
        numbered(1, 0, "主动公开政府信息情况"),
        inner
    );
    assert_eq!(
        text_of(&body),
        "一、主动公开政府信息情况\n| 规章 | 3 |\n| 规范性文件 | 4 |\n"
    );
}

#[test]
fn positions_are_paragraphs_and_characters_of_the_document() {
    let body = [
        p("标题"),
        numbered(1, 0, "总体情况"),
        table(&[vec![tc("规章"), tc("3")]]),
        p("正文第二句。"),
    ]
    .concat();
    let source = read(&Docx::new(body).numbered().build());
    assert_eq!(
        source.text,
        "标题\n一、总体情况\n| 规章 | 3 |\n正文第二句。\n"
    );
    let original = &source.map.original().unwrap().text;
    assert_eq!(original, "标题\n一、总体情况\n规章\n3\n正文第二句。\n");
    // 第二句 is in paragraph 5 (table cells count), character 3.
    let at = source.text.find("第二句").unwrap();
    let position = source.position(at);
    assert_eq!((position.line, position.column), (5, 3));
    assert_eq!(
        source.location(at),
        Some(&Location::Paragraph {
            paragraph: 5,
            excerpt: "正文第二句。".into()
        })
    );
    // The generated numeral is where Word shows it: paragraph 2, column 1.
    let at = source.text.find("一、").unwrap();
    let position = source.position(at);
    assert_eq!((position.line, position.column), (2, 1));
    let at = source.text.find('3').unwrap();
    assert_eq!(
        (source.position(at).line, source.position(at).column),
        (4, 1)
    );
    assert!(!source.is_editable());
}

/// The grid of a report's tables, as `tests/renderings.rs` compares it.
fn grid(linter: &Linter, source: &SourceFile) -> Vec<(String, Vec<Option<Number>>)> {
    common::table_grid(linter, source)
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut codes: Vec<String> = diagnostics.iter().map(|d| d.code.clone()).collect();
    codes.sort();
    codes
}

#[test]
fn a_report_with_defects_gets_the_same_codes_as_docx_and_as_text() {
    let linter = Linter::new(LintOptions::default());
    let report = SynthReport::consistent(&mut Rng::new(3), 2024);
    let text = report.render(Rendering::Markdown);
    // A total that does not add up, a missing section (Word renumbers the
    // sections after it, so the text does too), a wrong year.
    let broken = common::with_wrong_total(&text)
        .replace("五、存在的主要问题及改进情况\n", "")
        .replace("六、其他需要报告的事项", "五、其他需要报告的事项")
        .replace(
            "所列数据统计期限为2024年1月1日",
            "所列数据统计期限为2023年1月1日",
        );
    let text_source = SourceFile::from_text("report.md", broken.as_str());
    let docx_source = read(&report_docx(&broken));
    assert_eq!(docx_source.kind, SourceKind::Docx);
    assert_eq!(grid(&linter, &docx_source), grid(&linter, &text_source));
    let as_text = linter.lint(&text_source);
    let as_docx = linter.lint(&docx_source);
    assert!(as_text.len() >= 3, "{as_text:#?}");
    assert_eq!(codes(&as_docx), codes(&as_text));
}

#[test]
fn a_docx_named_txt_is_read_as_a_docx() {
    let bytes = Docx::new(p("正文")).build();
    let source = extract("report.txt", &bytes, &InputOptions::default()).unwrap();
    assert_eq!(source.kind, SourceKind::Docx);
    assert_eq!(source.text, "正文\n");
}

#[test]
fn damaged_and_foreign_zips_are_i007_saying_what_they_are() {
    let good = Docx::new(p("正文")).build();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", good[..good.len() / 2].to_vec(), "damaged"),
        ("garbage", b"PK\x03\x04 not really a zip".to_vec(), "damaged"),
        (
            "xlsx",
            zip_of(&[
                ("[Content_Types].xml", br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#),
                ("xl/workbook.xml", b"<workbook/>"),
            ]),
            "Excel",
        ),
        ("plain zip", zip_of(&[("notes.txt", b"hello")]), "plain zip"),
        (
            "odt",
            zip_of(&[
                ("mimetype", b"application/vnd.oasis.opendocument.text"),
                ("content.xml", b"<office:document-content/>"),
            ]),
            "OpenDocument",
        ),
        (
            "no body",
            zip_of(&[(
                "[Content_Types].xml",
                br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
            )]),
            "word/document.xml",
        ),
    ];
    for (what, bytes, says) in cases {
        let diagnostic = refused("draft.docx", &bytes, Lang::En);
        assert_eq!(diagnostic.code, "I007", "{what}");
        assert!(
            diagnostic.message.contains(says),
            "{what}: {}",
            diagnostic.message
        );
        assert!(diagnostic.help.is_some(), "{what}");
        let zh = refused("draft.docx", &bytes, Lang::Zh);
        assert!(
            zh.message.contains("Word") || zh.message.contains("文档"),
            "{what}: {}",
            zh.message
        );
    }
}

fn with_document(xml: &str) -> Vec<u8> {
    zip_of(&[
        (
            "[Content_Types].xml",
            br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        ("word/document.xml", xml.as_bytes()),
    ])
}

#[test]
fn malformed_xml_and_entity_declarations_are_refused() {
    let malformed = with_document(&format!(
        r#"<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>未闭合</w:r></w:p></w:body></w:document>"#
    ));
    let diagnostic = refused("draft.docx", &malformed, Lang::En);
    assert_eq!(diagnostic.code, "I007");
    assert!(
        diagnostic.message.contains("not well-formed XML"),
        "{}",
        diagnostic.message
    );
    let billion_laughs = with_document(&format!(
        r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#
    ));
    let diagnostic = refused("draft.docx", &billion_laughs, Lang::En);
    assert_eq!(diagnostic.code, "I007");
    assert!(diagnostic.message.contains("DTD"), "{}", diagnostic.message);
    let unknown_entity = with_document(&format!(
        r#"<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p></w:body></w:document>"#
    ));
    assert_eq!(
        refused("draft.docx", &unknown_entity, Lang::En).code,
        "I007"
    );
    let deep = with_document(&format!(
        r#"<w:document xmlns:w="{W}"><w:body>{}</w:body></w:document>"#,
        "<w:sdt><w:sdtContent>".repeat(600)
    ));
    let diagnostic = refused("draft.docx", &deep, Lang::En);
    assert!(
        diagnostic.message.contains("nests deeper"),
        "{}",
        diagnostic.message
    );
}

#[test]
fn zip_bombs_are_refused() {
    // 8 MiB of blank space deflates to a few KiB: out of proportion.
    let mut xml = format!(r#"<w:document xmlns:w="{W}"><w:body>"#).into_bytes();
    xml.resize(8 << 20, b' ');
    let diagnostic = refused(
        "draft.docx",
        &with_document(std::str::from_utf8(&xml).unwrap()),
        Lang::En,
    );
    assert_eq!(diagnostic.code, "I007");
    assert!(
        diagnostic.message.contains("zip bomb"),
        "{}",
        diagnostic.message
    );
    let names: Vec<String> = (0..10_001).map(|i| format!("f{i}")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let diagnostic = refused("draft.docx", &zip_of(&entries), Lang::En);
    assert_eq!(diagnostic.code, "I007");
    assert!(
        diagnostic.message.contains("entries"),
        "{}",
        diagnostic.message
    );
}

/// An OLE compound file whose directory has an `EncryptedPackage` stream,
/// as Word writes a password-protected document.
fn encrypted_docx() -> Vec<u8> {
    let mut file = vec![0u8; 2048];
    file[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    let name: Vec<u8> = "EncryptedPackage\0"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let entry = 512 + 128;
    file[entry..entry + name.len()].copy_from_slice(&name);
    file[entry + 64] = name.len() as u8;
    file
}

#[test]
fn a_password_protected_docx_says_so_and_a_doc_stays_i006() {
    let diagnostic = refused("secret.docx", &encrypted_docx(), Lang::En);
    assert_eq!(diagnostic.code, "I007");
    assert!(
        diagnostic.message.contains("password-protected"),
        "{}",
        diagnostic.message
    );
    assert!(diagnostic.help.unwrap().contains("Encrypt with Password"));
    let zh = refused("secret.docx", &encrypted_docx(), Lang::Zh);
    assert!(zh.message.contains("密码"), "{}", zh.message);
    let mut doc = encrypted_docx();
    doc[512 + 128..512 + 256].fill(0);
    assert_eq!(refused("old.doc", &doc, Lang::En).code, "I006");
}

#[test]
fn a_folder_walk_finds_docx_files() {
    let dir = std::env::temp_dir().join(format!("disclint-docx-walk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("draft.docx"), Docx::new(p("正文")).build()).unwrap();
    std::fs::write(dir.join("notes.bin"), b"x").unwrap();
    let inputs = disclint::input::expand(&[dir.display().to_string()], &InputOptions::default());
    let names: Vec<String> = inputs.iter().map(|i| i.display_path()).collect();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with("draft.docx"));
}

#[test]
fn a_table_of_contents_and_phonetic_guides_are_not_read() {
    let body = concat!(
        r#"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>"#,
        r#"<w:sdtContent><w:p><w:r><w:t>一、总体情况……1</w:t></w:r></w:p></w:sdtContent></w:sdt>"#,
        r#"<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhèng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>政</w:t></w:r></w:rubyBase></w:ruby></w:r>"#,
        r#"<w:r><w:t>务公开</w:t></w:r></w:p>"#,
    );
    assert_eq!(text_of(body), "政务公开\n");
}

#[test]
fn json_output_gives_paragraph_positions_and_cell_locations() {
    let dir = std::env::temp_dir().join(format!("disclint-docx-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("draft.docx");
    let text = SynthReport::consistent(&mut Rng::new(2), 2024)
        .render(Rendering::Markdown)
        .replace("| 规章 |", "| 规章 | 5 |");
    std::fs::write(&path, report_docx(&text)).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_disclint"))
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // The location field is part of the schema (version 1).
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("docs/json-schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    let arity = diagnostics
        .iter()
        .find(|d| d["code"] == "T002")
        .unwrap_or_else(|| panic!("{diagnostics:#?}"));
    assert_eq!(arity["location"]["kind"], "cell");
    assert_eq!(arity["location"]["table"], 1);
    assert_eq!(arity["location"]["row"], 3);
    // Line and column: the paragraph of that cell, and a character in it.
    let source = read(&report_docx(&text));
    let original = &source.map.original().unwrap().text;
    let line = arity["line"].as_u64().unwrap() as usize;
    let paragraph = original.lines().nth(line - 1).unwrap();
    assert!(paragraph.chars().all(|c| c.is_ascii_digit()), "{paragraph}");
}
