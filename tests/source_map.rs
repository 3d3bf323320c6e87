//! The seam for input kinds: a source whose text is assembled from runs of
//! an original (as a web page or Word extractor will produce) is reported at
//! positions in the original, and its fixes are not offered.

use disclint::location::{Location, Region, Regions};
use disclint::render::json_diagnostic;
use disclint::source_map::{Piece, SourceMap};
use disclint::{LintOptions, Linter, SourceFile};

#[test]
fn findings_on_an_extracted_text_point_into_the_original_and_offer_no_fix() {
    // The text the rules read: one paragraph holding an `&nbsp;` (X002, fixable).
    let text = "2024年城关镇政府信息公开工作年度报告\n本年度共发布信息&nbsp;12条。\n";
    // The original wraps each line in markup on a line of its own.
    let original = "<html>\n<h1>2024年城关镇政府信息公开工作年度报告</h1>\n<p>本年度共发布信息&nbsp;12条。</p>\n</html>\n";
    let title = text.lines().next().unwrap();
    let body = text.lines().nth(1).unwrap();
    let pieces = vec![
        Piece {
            text: 0,
            original: original.find(title).unwrap(),
            len: title.len(),
        },
        Piece {
            text: text.find(body).unwrap(),
            original: original.find(body).unwrap(),
            len: body.len(),
        },
    ];
    let linter = Linter::new(LintOptions::default());

    let plain = SourceFile::from_text("r.txt", text);
    let found = linter.lint(&plain);
    let plain_x002 = found
        .iter()
        .find(|d| d.code == "X002")
        .expect("X002 on the text");
    assert!(plain_x002.fix.is_some(), "plain text keeps its fix");

    let mut page = SourceFile::from_text("r.html", text);
    page.map = SourceMap::from_pieces(original.to_owned(), pieces);
    let found = linter.lint(&page);
    let x002 = found
        .iter()
        .find(|d| d.code == "X002")
        .expect("X002 on the page");
    assert!(x002.fix.is_none(), "a fix of extracted text is not offered");
    let json = json_diagnostic(x002, Some(&page));
    assert_eq!((json.line, json.column), (3, 12));
    assert_eq!(
        &original[json.offset..json.offset + json.length],
        "&nbsp;",
        "offset and length are bytes of the original"
    );
    assert!(json.location.is_none(), "no regions, no location");

    // An extractor that knows paragraphs records them; JSON names the one
    // the finding is in.
    page.regions = Regions::new(vec![Region {
        start: text.find(body).unwrap(),
        end: text.find(body).unwrap() + body.len(),
        location: Location::Paragraph {
            paragraph: 2,
            excerpt: "本年度共发布信息".into(),
        },
    }]);
    let json = serde_json::to_value(json_diagnostic(x002, Some(&page))).unwrap();
    assert_eq!(
        json["location"],
        serde_json::json!({"kind": "paragraph", "paragraph": 2, "excerpt": "本年度共发布信息"})
    );
}
