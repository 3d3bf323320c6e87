//! The page in a real browser: headless Chromium, driven over WebDriver,
//! against a service on a free loopback port. One session: the shipped
//! problem example uploaded, its findings counted, one clicked and its span
//! checked; the filters; the page at 200 % zoom; a Word draft uploaded and
//! its annotated copy downloaded. With `DISCLINT_SCREENSHOTS=DIR` the page
//! is also saved — empty, after a check, at the tables — as
//! `DIR/page-*.png` (the screenshots in docs/).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::api::{defective_docx, encode, fresh_dir};
use crate::common;
use crate::http::post;
use crate::server::{options, TestServer};
use crate::webdriver::Browser;

/// Saves a screenshot when `DISCLINT_SCREENSHOTS` names a folder.
fn keep(browser: &Browser, name: &str) {
    if let Some(dir) = std::env::var_os("DISCLINT_SCREENSHOTS") {
        std::fs::write(Path::new(&dir).join(name), browser.screenshot()).unwrap();
    }
}

/// Waits (at most 30 s) for a finished download of `name` in `dir`.
fn downloaded(dir: &Path, name: &str) -> Vec<u8> {
    let start = Instant::now();
    let path = dir.join(name);
    loop {
        let partial = std::fs::read_dir(dir).unwrap().any(|e| {
            e.unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "crdownload")
        });
        if path.is_file() && !partial {
            return std::fs::read(path).unwrap();
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no download of {name}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_page_checks_a_report_shows_its_findings_and_downloads_the_annotated_copy() {
    let Some((chromium, driver)) = common::chromium() else {
        return;
    };
    let server = TestServer::start(options());
    let dir = fresh_dir("browser");
    let downloads = dir.join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let browser = Browser::start(&chromium, &driver, &downloads, dir.join("profile"));
    browser.goto(&format!("http://{}/", server.addr));
    browser.wait_for("return document.title.includes('年度报告');");
    keep(&browser, "page-empty.png");

    // The problem example: as many findings as the API gives.
    let example: PathBuf = std::fs::canonicalize("examples/reports/problems-2024.txt").unwrap();
    let bytes = std::fs::read(&example).unwrap();
    let target = format!("/api/v1/view?filename={}", encode("problems-2024.txt"));
    let view = post(server.addr, &target, &bytes).json();
    let diagnostics = view["check"]["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .clone();
    assert!(diagnostics.len() >= 5);
    let file_input = browser.find("#file");
    browser.type_into(&file_input, &example.display().to_string());
    let shown = browser.wait_for(
        "const n = document.querySelectorAll('#findings .finding').length; return n > 0 && n;",
    );
    assert_eq!(shown, diagnostics.len());
    let summary = browser.script("return document.getElementById('summary').textContent;");
    assert_eq!(summary, view["view"]["summary"]);

    // A finding clicked: the text scrolls to its span, marked and focused.
    let x001 = diagnostics.iter().find(|d| d["code"] == "X001").unwrap();
    let span = &bytes[x001["offset"].as_u64().unwrap() as usize..]
        [..x001["length"].as_u64().unwrap() as usize];
    browser.click(&browser.find(".finding[data-code='X001']"));
    let focused = browser.script(
        "const a = document.activeElement; return [a.tagName, a.textContent, a.classList.contains('current'), a.className];",
    );
    assert_eq!(focused[0], "MARK", "{focused}");
    assert_eq!(focused[1], std::str::from_utf8(span).unwrap(), "{focused}");
    assert_eq!(focused[2], true, "{focused}");
    assert!(
        focused[3].as_str().unwrap().contains("sev-error"),
        "{focused}"
    );
    // Errors and warnings in different colours.
    let colours = browser.script(
        "const c = (s) => getComputedStyle(document.querySelector(s)).backgroundColor; return [c('mark.sev-error'), c('mark.sev-warning')];",
    );
    assert_ne!(colours[0], colours[1], "{colours}");
    // The tables as grids, offending cells marked, an identity's terms labelled.
    let grids = browser.script(
        "return [document.querySelectorAll('#tables table').length, document.querySelectorAll('#tables td.sev-error').length, [...document.querySelectorAll('#tables .term')].map(t => t.textContent)];",
    );
    assert_eq!(grids[0], 3, "{grids}");
    assert!(grids[1].as_u64().unwrap() >= 1, "{grids}");
    assert!(
        grids[2]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t.as_str().unwrap().starts_with("商业企业")),
        "{grids}"
    );
    if std::env::var_os("DISCLINT_SCREENSHOTS").is_some() {
        browser.resize(1280, 1700);
        browser.script("document.getElementById('result').scrollIntoView(); return null;");
        keep(&browser, "page-checked.png");
        browser
            .script("document.querySelectorAll('#tables table')[1].scrollIntoView(); return null;");
        keep(&browser, "page-tables.png");
        browser.resize(1280, 1000);
    }

    // The filters: warnings off, then only one family.
    browser.click(&browser.find("#filters input[value='warning']"));
    let errors = diagnostics
        .iter()
        .filter(|d| d["severity"] == "error")
        .count();
    let left = browser.script("return document.querySelectorAll('#findings .finding').length;");
    assert_eq!(left, errors);
    browser.click(&browser.find("#filters input[value='warning']"));
    let families = browser.script(
        "const s = document.getElementById('family'); s.value = s.options[1].value; s.dispatchEvent(new Event('change')); return [s.value, [...document.querySelectorAll('#findings .finding')].map(b => b.dataset.code)];",
    );
    assert!(!families[1].as_array().unwrap().is_empty(), "{families}");

    // At 200 % zoom (half the CSS width) nothing needs scrolling sideways.
    browser.resize(640, 1000);
    let overflow =
        browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
    assert!(overflow.as_i64().unwrap() <= 0, "{overflow}");
    browser.resize(1280, 1000);

    // A Word draft: checked, and its annotated copy downloaded.
    let draft = dir.join("draft-2024.docx");
    let docx = defective_docx();
    std::fs::write(&draft, &docx).unwrap();
    browser.type_into(&file_input, &draft.display().to_string());
    browser.wait_for("return !document.getElementById('download').hidden;");
    browser.click(&browser.find("#download"));
    let copy = downloaded(&downloads, "draft-2024.disclint.docx");
    let expected = post(
        server.addr,
        "/api/v1/annotate?filename=draft-2024.docx",
        &docx,
    );
    assert!(
        copy == expected.body,
        "the download is not the annotated copy"
    );
    drop(browser);
    std::fs::remove_dir_all(dir).unwrap();
}
