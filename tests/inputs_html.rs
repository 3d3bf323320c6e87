//! Web pages: the report read out of a page as a reader sees it — the
//! article without the page's chrome, headings in any markup, tables on the
//! grid their merged cells expand to, GBK pages — with every finding at its
//! place in the HTML source; a page without a report gets one S000; bad
//! pages never panic.
//!
//! The fixtures in `tests/fixtures/html/` are pages written for these tests
//! (one invented report, 青石镇人民政府 2024, as two content systems would
//! publish it, and a list page); `../shared/corpus/real/098.html` is a real
//! page, read when `../shared` is there.

mod common;

use assert_cmd::Command;
use disclint::diagnostic::Diagnostic;
use disclint::extract::{extract, SourceKind};
use disclint::input::InputOptions;
use disclint::location::Location;
use disclint::model::Number;
use disclint::render::json_diagnostic;
use disclint::source::TextEncoding;
use disclint::source_map::SourceMap;
use disclint::{Lang, LintOptions, Linter, SourceFile};
use proptest::prelude::*;

const TITLE: &str = "青石镇人民政府2024年政府信息公开工作年度报告";

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn read(name: &str, bytes: &[u8]) -> SourceFile {
    extract(name, bytes, &InputOptions::default()).unwrap()
}

fn linter() -> Linter {
    Linter::new(LintOptions::default())
}

fn lint(source: &SourceFile) -> Vec<Diagnostic> {
    linter().lint(source)
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<&str> {
    diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// The original (decoded page source) of an extracted page.
fn original(source: &SourceFile) -> &str {
    &source.map.original().expect("a page has its source").text
}

/// The table rows the model read: row id and values.
fn grid(source: &SourceFile) -> Vec<(String, Vec<Option<Number>>)> {
    common::table_grid(&linter(), source)
}

#[test]
fn a_cms_page_reads_as_its_article_and_lints_clean() {
    let page = fixture("cms-page.html");
    let source = read("cms-page.html", page.as_bytes());
    assert_eq!(source.kind, SourceKind::Html);
    assert_eq!(source.text.lines().next(), Some(TITLE));
    assert_eq!(lint(&source), vec![], "{}", source.text);
    // None of the page around the article, nothing of its scripts.
    for chrome in [
        "首页",
        "您现在的位置",
        "字号",
        "打印",
        "关闭窗口",
        "分享",
        "相关文章",
        "主办",
        "网站标识码",
        "索引号",
        "请输入关键字",
        "浏览器版本",
        "doZoom",
        "<",
    ] {
        assert!(!source.text.contains(chrome), "{chrome} in {}", source.text);
    }
    assert_eq!(source.text.matches("一、总体情况").count(), 1);
    // A paragraph split by `<br>` is two lines; cells hold their text once.
    assert!(source
        .text
        .contains("重点工作进展。\n全年更新公开栏四期，做到应公开尽公开。\n"));
    assert!(source
        .text
        .contains("\n| 三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |\n"));
    assert!(source
        .text
        .contains("\n| （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"));
    assert_eq!(grid(&source).len(), 6 + 25 + 1);
}

#[test]
fn a_minified_page_reads_the_same_report() {
    let page = fixture("minified.html");
    assert_eq!(page.lines().count(), 1, "the fixture is one line");
    let source = read("minified.html", page.as_bytes());
    assert_eq!(lint(&source), vec![], "{}", source.text);
    let cms = read("cms-page.html", fixture("cms-page.html").as_bytes());
    assert_eq!(grid(&source), grid(&cms));
    let analysis = linter().analyze(&source);
    assert_eq!(analysis.report.sections.len(), 6);
    assert_eq!(source.text.lines().next(), Some(TITLE));
    // `<h3>`, `<h4>` and a `<div>` are headings on lines of their own.
    for heading in [
        "一、总体情况",
        "（三）政府信息管理情况",
        "六、其他需要报告的事项",
    ] {
        assert!(source.text.lines().any(|line| line == heading), "{heading}");
    }
    // Positions are in the one line of the source.
    let at = source.text.find("六、其他需要报告的事项").unwrap();
    let position = source.position(at);
    assert_eq!(position.line, 1);
    assert!(original(&source)[source.original_offset(at)..].starts_with("六、其他需要报告的事项"));
}

/// The minified page as a GBK page declared by `http-equiv`.
fn gbk_page() -> Vec<u8> {
    let page = fixture("minified.html").replace(
        "<meta charset=\"utf-8\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
    );
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&page);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn a_gbk_page_is_read_in_the_encoding_it_declares() {
    let bytes = gbk_page();
    assert!(std::str::from_utf8(&bytes).is_err());
    let source = read("gbk.htm", &bytes);
    assert_eq!(source.encoding, TextEncoding::Gb18030);
    let utf8 = read("minified.html", fixture("minified.html").as_bytes());
    assert_eq!(source.text, utf8.text);
    assert_eq!(lint(&source), vec![]);
    // Offsets are in the decoded source.
    let at = source.text.find("二、主动公开").unwrap();
    assert!(original(&source)[source.original_offset(at)..].starts_with("二、主动公开"));
    // Undeclared, GBK bytes are read as GB18030 all the same; forced to
    // UTF-8, they are not UTF-8.
    let undeclared = fixture("minified.html").replace("<meta charset=\"utf-8\">", "");
    let (undeclared, _, _) = encoding_rs::GBK.encode(&undeclared);
    assert_eq!(read("gbk.htm", &undeclared).text, utf8.text);
    let forced = InputOptions {
        encoding: Some(TextEncoding::Utf8),
        ..InputOptions::default()
    };
    assert_eq!(
        extract("gbk.htm", &bytes, &forced).unwrap_err().code,
        "I001"
    );
    // A declaration the bytes do not decode in is passed over.
    let mislabelled = fixture("minified.html").replace("charset=\"utf-8\"", "charset=\"gbk\"");
    assert!(encoding_rs::GBK
        .decode_without_bom_handling_and_without_replacement(mislabelled.as_bytes())
        .is_none());
    let source = read("x.html", mislabelled.as_bytes());
    assert_eq!(source.encoding, TextEncoding::Utf8);
    assert_eq!(source.text, utf8.text);
}

#[test]
fn headings_in_every_form_are_lines_of_their_own() {
    let page = "<div class=content>\
        <p><strong>一、总体情况</strong></p>\
        <p style=\"text-indent:2em\"><span style=\"font-family:楷体\"><b>（一）主动公开情况</b></span></p>\
        <p>本机关主动公开信息<span style=\"color:red\"><span>12</span></span>条。</p>\
        <h2>二、主动公开政府信息情况</h2>\
        <div style=\"font-weight:bold\">三、收到和处理政府信息公开申请情况</div>\
        <h4>&nbsp;&nbsp;四、政府信息公开行政复议、行政诉讼情况&nbsp;</h4>\
        <p>第一段<br>第二段<br/><br/>第三段</p>\
        <ul><li>一项</li><li>二项</ul>\
        <pre>保留  空格\n第二行</pre>\
        </div>";
    let source = read("h.html", page.as_bytes());
    assert_eq!(
        source.text,
        "一、总体情况\n（一）主动公开情况\n本机关主动公开信息12条。\n二、主动公开政府信息情况\n\
         三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n\
         第一段\n第二段\n第三段\n一项\n二项\n保留  空格\n第二行\n"
    );
}

#[test]
fn nothing_a_reader_sees_is_lost() {
    // Word's anchors around a heading are no links; text after `</body>`,
    // and text standing in a table outside its cells, a browser shows.
    let page = "<html><body><h1><a name=\"_Toc1\">一、总体情况</a></h1>\
        <table>注：单位为件<tr><td>1</td></tr></table></body></html><p>页尾文字</p>";
    let source = read("a.html", page.as_bytes());
    assert_eq!(source.text, "一、总体情况\n注：单位为件\n| 1 |\n页尾文字\n");
}

#[test]
fn merged_cells_are_written_once_where_they_start_and_named_on_the_grid() {
    let page = "<table>\
        <tr><th colspan=\"2\">信息内容</th><th>数量</th></tr>\
        <tr><td rowspan=\"2\">甲</td><td>乙</td><td><p>1</p><p>2</p></td></tr>\
        <tr><td>丙|丁</td><td>&nbsp;</td></tr>\
        <tr><td>&nbsp;</td><td> </td><td>&#12288;</td></tr>\
        <tr><td colspan=\"100000\" rowspan=\"0\">宽</td><td>末</td></tr>\
        </table>";
    let source = read("t.html", page.as_bytes());
    assert_eq!(
        source.text,
        "| 信息内容 | 数量 |\n| 甲 | 乙 | 1 2 |\n| 丙｜丁 |  |\n| 宽 | 末 |\n"
    );
    let cell = |text: &str| {
        let at = source.text.find(text).unwrap();
        source.location(at).cloned()
    };
    let at = |table, row, column| Some(Location::Cell { table, row, column });
    assert_eq!(cell("数量"), at(1, 1, 3));
    assert_eq!(cell("乙"), at(1, 2, 2));
    assert_eq!(cell("丙"), at(1, 3, 2));
    // The blank row (row 4) is left out, but counted.
    assert_eq!(cell("宽"), at(1, 5, 1));
    assert_eq!(cell("末"), at(1, 5, 1001));
    // The blank cell is placed at its `<td>`.
    let blank = source.text.find("|  |").unwrap() + 1;
    let td = source.original_offset(blank);
    assert!(original(&source)[td..].starts_with("<td>&nbsp;"));
}

#[test]
fn a_page_without_a_report_gets_one_diagnostic_saying_so() {
    let page = fixture("list-page.html");
    let source = read("list-page.html", page.as_bytes());
    let found = lint(&source);
    assert_eq!(codes(&found), ["S000"]);
    assert!(found[0]
        .message
        .contains("网页上没有政府信息公开工作年度报告"));
    let english = Linter::new(LintOptions {
        lang: Lang::En,
        ..LintOptions::default()
    });
    assert!(english.lint(&source)[0]
        .message
        .starts_with("this web page holds no information-disclosure annual report"));
    // An empty page, a page of chrome alone: the same.
    for page in [
        "",
        "<html><body></body></html>",
        "<p>首页</p><div class=footer>主办：某县人民政府</div>",
    ] {
        let source = read("x.html", page.as_bytes());
        assert_eq!(codes(&lint(&source)), ["S000"], "{page}");
    }
}

#[test]
fn markup_a_reader_sees_is_reported_where_it_stands_in_the_source() {
    let page = fixture("cms-page.html")
        .replace(
            "〈中华人民共和国政府信息公开工作年度报告格式〉",
            "&lt;中华人民共和国政府信息公开工作年度报告格式&gt;",
        )
        .replace("做到应公开尽公开。", "做到应公开尽公开。&lt;br&gt;");
    let source = read("cms-page.html", page.as_bytes());
    let found = lint(&source);
    assert_eq!(codes(&found), ["C006", "X002"], "{found:#?}");
    for (diagnostic, escaped) in found.iter().zip(["&lt;中华", "&lt;br&gt;"]) {
        let json = json_diagnostic(diagnostic, Some(&source));
        assert!(
            original(&source)[json.offset..].starts_with(escaped),
            "{} at {}",
            diagnostic.code,
            &original(&source)[json.offset..json.offset + 20]
        );
        assert!(diagnostic.fix.is_none(), "no fix on a page");
    }
}

#[test]
fn a_report_page_that_shows_markup_is_still_a_report() {
    // Escaped source a reader sees, enough to look like a page's source
    // once decoded: on a page it is text with markup (X002), never page
    // source (S000).
    let shown = "&lt;p&gt;示例&lt;/p&gt;".repeat(40);
    let page = fixture("cms-page.html").replace(
        "本年度未收取信息处理费。",
        &format!("本年度未收取信息处理费。{shown}"),
    );
    let source = read("cms-page.html", page.as_bytes());
    assert!(source.text.matches("</p>").count() >= 40);
    assert_eq!(codes(&lint(&source)), ["X002"]);
}

#[test]
fn a_blank_cell_is_reported_at_its_td_and_named_by_its_place_in_the_table() {
    // The 总计 of (七)总计 left blank.
    let page = fixture("cms-page.html");
    let total = "（七）总计";
    let row = page.find(total).unwrap();
    let last_cell = page[row..].find("</tr>").unwrap() + row;
    let value = page[..last_cell].rfind(">6<").unwrap() + 1;
    let page = format!("{}&nbsp;{}", &page[..value], &page[value + 1..]);
    let dir = std::env::temp_dir().join(format!("disclint-html-blank-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("blank.html");
    std::fs::write(&path, &page).unwrap();
    let output = Command::cargo_bin("disclint")
        .unwrap()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    let t004 = diagnostics.iter().find(|d| d["code"] == "T004").unwrap();
    let offset = t004["offset"].as_u64().unwrap() as usize;
    assert!(
        page[offset..].starts_with("<td"),
        "{}",
        &page[offset..offset + 40]
    );
    assert_eq!(t004["line"], page[..offset].lines().count());
    assert_eq!(
        t004["location"],
        serde_json::json!({"kind": "cell", "table": 2, "row": 27, "column": 10})
    );
    // The human output names the cell and shows the report's text, not markup.
    let output = Command::cargo_bin("disclint")
        .unwrap()
        .args(["check", "--color", "never"])
        .arg(&path)
        .output()
        .unwrap();
    let human = String::from_utf8(output.stdout).unwrap();
    assert!(human.contains("blank.html · 表2 第27行 第10列"), "{human}");
    assert!(
        human.contains("| （七）总计 | 5 | 1 | 0 | 0 | 0 | 0 |  |"),
        "{human}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_real_page_098_is_read_completely_with_its_defects() {
    let Some(shared) = common::shared() else {
        return;
    };
    let path = shared.join("corpus/real/098.html");
    let bytes = std::fs::read(&path).unwrap();
    let source = read("098.html", &bytes);
    assert_eq!(source.kind, SourceKind::Html);
    // Complete: from the title to the last section's text.
    assert!(source
        .text
        .starts_with("2019年上海市人民政府办公厅政府信息公开工作年度报告\n"));
    assert!(source.text.ends_with("六、其他需要报告的事项\n无。\n"));
    let analysis = linter().analyze(&source);
    assert_eq!(analysis.report.sections.len(), 6);
    assert_eq!(analysis.report.tables.len(), 3);
    let found = lint(&source);
    let page = original(&source);
    let json: Vec<_> = found
        .iter()
        .map(|d| (d.code.as_str(), json_diagnostic(d, Some(&source))))
        .collect();
    assert!(
        !json.iter().any(|(code, _)| code.starts_with('S')),
        "{found:#?}"
    );
    assert!(
        !json.iter().any(|(code, _)| *code == "X002"),
        "no page markup"
    );
    // The escaped nested title marks, at the `&lt;` of the source.
    let c006: Vec<_> = json.iter().filter(|(code, _)| *code == "C006").collect();
    assert_eq!(c006.len(), 1);
    assert!(page[c006[0].1.offset..].starts_with("&lt;长江三角洲"));
    // The blank cells, 总计 among them, each at its `<td>`, named on the grid.
    let blanks: Vec<_> = found.iter().filter(|d| d.code == "T004").collect();
    assert!(blanks.len() >= 20, "{}", blanks.len());
    assert!(blanks.iter().any(|d| d.message.contains("总计")));
    for blank in &blanks {
        for label in &blank.labels {
            let at = source.original_offset(label.span.offset);
            assert!(page[at..].starts_with("<td"), "{}", &page[at..at + 30]);
        }
    }
    // `251000元` under 采购总金额 is the 2019 table's free-text amount with its
    // unit (the table fixes no unit), read as written and not reported.
    let procurement = analysis
        .report
        .tables
        .iter()
        .flat_map(|table| &table.rows)
        .find(|row| row.id == "procurement")
        .unwrap();
    assert_eq!(procurement.values.len(), 2);
    assert!(!found.iter().any(|d| d.code == "T003"), "{found:#?}");
    // A total that disagrees with its blank parts is named by its cell.
    let a002 = json.iter().find(|(code, _)| *code == "A002").unwrap();
    assert_eq!(
        a002.1.location,
        Some(Location::Cell {
            table: 2,
            row: 25,
            column: 10
        })
    );
}

#[test]
fn directories_are_searched_for_web_pages() {
    let dir = std::env::temp_dir().join(format!("disclint-html-walk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("report.shtml"), fixture("minified.html")).unwrap();
    std::fs::write(dir.join("list.htm"), fixture("list-page.html")).unwrap();
    let output = Command::cargo_bin("disclint")
        .unwrap()
        .args(["check", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    let list = &files[0];
    assert!(list["path"].as_str().unwrap().ends_with("list.htm"));
    assert_eq!(list["diagnostics"][0]["code"], "S000");
    assert_eq!(files[1]["diagnostics"], serde_json::json!([]));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_page_without_markup_is_read_as_text() {
    let text = "某县2024年政府信息公开工作年度报告\n一、总体情况\n";
    let source = read("r.html", text.as_bytes());
    assert_eq!(source.text, text);
    assert!(source.map.is_identity());
}

/// Extraction and linting finish; every piece of the map is copied
/// verbatim from the source, and every region lies in the text.
fn check_extracted(name: &str, bytes: &[u8]) {
    let Ok(source) = extract(name, bytes, &InputOptions::default()) else {
        return;
    };
    if let SourceMap::Pieces { original, pieces } = &source.map {
        for piece in pieces {
            assert_eq!(
                &source.text[piece.text..piece.text + piece.len],
                &original.text[piece.original..piece.original + piece.len]
            );
        }
    }
    for diagnostic in lint(&source) {
        let json = json_diagnostic(&diagnostic, Some(&source));
        let original = source.map.original().map_or(&source.text, |o| &o.text);
        assert!(json.offset + json.length <= original.len());
    }
}

#[test]
fn bad_pages_never_panic() {
    let deep_divs = format!("{}正文{}", "<div>".repeat(200_000), "</div>".repeat(10));
    let deep_tables = "<table><tr><td>".repeat(20_000) + "一、总体情况";
    let deep_inline = "<span><b><font>".repeat(50_000) + "一、总体情况";
    let unclosed = "<p>一、总体情况<td>1<tr><td>2<li><table><th colspan=99999999999 rowspan=-4>x"
        .repeat(2_000);
    let wide = format!(
        "<table>{}</table>",
        "<tr><td colspan=1000 rowspan=65534>1</td><td>2</td></tr>".repeat(5_000)
    );
    let references = "&#99999999999999999999999;&#x110000;&#0;&nbsp&amp&;&#;&#x;&lt".repeat(10_000);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("deep-divs.html", deep_divs.into_bytes()),
        ("deep-tables.html", deep_tables.into_bytes()),
        ("deep-inline.html", deep_inline.into_bytes()),
        ("unclosed.html", unclosed.into_bytes()),
        ("wide.html", wide.into_bytes()),
        (
            "references.html",
            format!("<p>{references}</p>").into_bytes(),
        ),
        (
            "garbage.html",
            (0..20_000u32).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
        ("nul.html", b"<p>\0</p>".to_vec()),
        (
            "bad-utf8.html",
            b"<meta charset=utf-8><p>\xff\xfe\xfd</p>".to_vec(),
        ),
        ("half.html", b"<p>a</p><table><tr><td".to_vec()),
        ("script.html", b"<script>".to_vec()),
        ("comment.html", b"<!-- <p>".to_vec()),
    ];
    for (name, bytes) in cases {
        check_extracted(name, &bytes);
    }
    // Garbage bytes are an input diagnostic, not a panic.
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let error = extract("g.html", &garbage, &InputOptions::default()).unwrap_err();
    assert!(
        matches!(error.code.as_str(), "I001" | "I002"),
        "{}",
        error.code
    );
}

#[test]
fn a_fifty_megabyte_page_is_read() {
    // Long paragraphs of styled text; `tests/pathological.rs` shows the
    // work linear in pages of dense markup.
    let paragraph = format!(
        "<p style=\"text-indent:2em\"><span>{}</span>&nbsp;<b>{}</b></p>\n",
        "本机关依法公开政府信息，做好依申请公开工作。".repeat(80),
        "重点领域".repeat(20)
    );
    let mut page = format!("<html><body><h1>{TITLE}</h1><div class=content>");
    while page.len() < 50 << 20 {
        page.push_str(&paragraph);
    }
    page.push_str("</div></body></html>");
    let source = read("big.html", page.as_bytes());
    assert!(source.text.len() > 49 << 20);
    assert_eq!(source.text.lines().next(), Some(TITLE));
    assert_eq!(source.text.lines().count(), 1 + page.matches("<p ").count());
    assert_eq!(codes(&lint(&source)), ["S000"]);
}

/// Bits of pages, to shuffle into token soup.
const SOUP: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=content>",
    "</div>",
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td colspan=3>",
    "<td rowspan=2>",
    "<td>",
    "</td>",
    "<th>",
    "<br>",
    "<span>",
    "</span>",
    "<a href=#>",
    "</a>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<h1>",
    "</h1>",
    "<pre>",
    "</pre>",
    "&nbsp;",
    "&lt;",
    "&#12288;",
    "&",
    "|",
    "\n",
    " ",
    "一、总体情况",
    "2024年政府信息公开工作年度报告",
    "12",
    "打印",
    "字号：大 中 小",
    "<",
    ">",
    "\"",
    "'",
    "<ul><li>",
    "<caption>",
    "<tbody>",
    "<p style=\"display:none\">",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn token_soup_extracts_with_verbatim_pieces(tokens in prop::collection::vec(0..SOUP.len(), 0..300)) {
        let page: String = tokens.iter().map(|i| SOUP[*i]).collect();
        check_extracted("soup.html", page.as_bytes());
    }

    #[test]
    fn any_bytes_named_html_read_or_get_an_input_diagnostic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check_extracted("bytes.html", &bytes);
    }
}
