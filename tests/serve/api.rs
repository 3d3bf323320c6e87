//! The API answers what the command line prints, byte for byte: `check
//! --format json`, `parse`, `rules`, `explain`, `check --annotate`; the
//! OpenAPI description names every route; the page is embedded.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use disclint::cli::{run_with, Environment};
use disclint::serve::endpoints;
use disclint::synth::{Rendering, Rng, SynthReport};
use disclint::{LintOptions, Linter};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

use crate::common;
use crate::http::{get, multipart, post, request};
use crate::server::{options, TestServer};

/// A query value, encoded.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, NON_ALPHANUMERIC).to_string()
}

/// Runs the CLI in this process; gives its exit code and standard output.
pub fn cli(args: &[&str]) -> (i32, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = std::iter::once("disclint").chain(args.iter().copied());
    let code = run_with(args, Environment::default(), &mut out, &mut err);
    (code, String::from_utf8(out).unwrap())
}

/// `check --no-config --format json PATH` with `flags`.
fn cli_json(path: &str, flags: &[&str]) -> String {
    let mut args = vec!["check", "--no-config", "--format", "json"];
    args.extend_from_slice(flags);
    args.push(path);
    cli(&args).1
}

/// A report with defects (a total that does not add up, a period of the
/// wrong year) as a Word draft.
pub fn defective_docx() -> Vec<u8> {
    let report = SynthReport::consistent(&mut Rng::new(5), 2024);
    let text = common::with_wrong_total(&report.render(Rendering::Markdown)).replace(
        "所列数据统计期限为2024年1月1日",
        "所列数据统计期限为2023年1月1日",
    );
    common::docx::report_docx(&text)
}

/// A fresh folder under the system's temporary folder.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("disclint-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The options the comparisons run with, as query and as flags.
const OPTIONS: [(&str, &[&str]); 2] = [
    ("", &[]),
    (
        "&lang=en&select=A,S,X,P&ignore=S004&edition=2021",
        &[
            "--lang",
            "en",
            "--select",
            "A,S,X,P",
            "--ignore",
            "S004",
            "--edition",
            "2021",
        ],
    ),
];

/// Posts `path` as the raw body and as a multipart upload, with each of
/// [`OPTIONS`], and compares the answers with the CLI's output.
fn assert_same_as_cli(server: &TestServer, path: &str) {
    let bytes = std::fs::read(path).unwrap();
    for (query, flags) in OPTIONS {
        let expected = cli_json(path, flags);
        let target = format!("/api/v1/check?filename={}{query}", encode(path));
        let raw = post(server.addr, &target, &bytes);
        assert_eq!(raw.status, 200, "{path}: {}", raw.text());
        assert_eq!(
            raw.header("content-type"),
            Some("application/json; charset=utf-8")
        );
        assert_eq!(raw.text(), expected, "{path} {query}");
        let (content_type, body) = multipart(path, &bytes);
        let target = format!("/api/v1/check?{}", query.trim_start_matches('&'));
        let headers = [("Content-Type", content_type.as_str())];
        let form = request(server.addr, "POST", &target, &headers, &body);
        assert_eq!(form.text(), expected, "{path} {query} (multipart)");
    }
}

#[test]
fn check_answers_the_json_of_the_cli_for_every_shipped_example_and_kind() {
    let server = TestServer::start(options());
    let dir = fresh_dir("kinds");
    let docx = dir.join("draft-2024.docx");
    std::fs::write(&docx, defective_docx()).unwrap();
    let mut paths: Vec<String> = std::fs::read_dir("examples/reports")
        .unwrap()
        .map(|entry| entry.unwrap().path().display().to_string())
        .collect();
    paths.sort();
    assert!(paths.len() >= 2, "{paths:?}");
    paths.push("tests/fixtures/html/cms-page.html".into());
    paths.push(docx.display().to_string());
    if common::pdftotext() {
        paths.push("tests/fixtures/inputs/pdf/defects-2024.pdf".into());
    }
    for path in &paths {
        assert_same_as_cli(&server, path);
    }
    // The name may come in a Content-Disposition header (RFC 5987).
    let path = "examples/reports/problems-2024.txt";
    let disposition = format!("attachment; filename*=UTF-8''{}", encode(path));
    let answer = request(
        server.addr,
        "POST",
        "/api/v1/check",
        &[("Content-Disposition", &disposition)],
        &std::fs::read(path).unwrap(),
    );
    assert_eq!(answer.text(), cli_json(path, &[]));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn check_answers_the_json_of_the_cli_for_every_real_report() {
    let Some(shared) = common::shared() else {
        return;
    };
    let files = common::files(&shared, "corpus/real", &[]);
    assert!(files.len() > 100, "{} files", files.len());
    let server = TestServer::start(options());
    for file in &files {
        let path = file.display().to_string();
        let target = format!("/api/v1/check?filename={}", encode(&path));
        let answer = post(server.addr, &target, &std::fs::read(file).unwrap());
        let expected = cli_json(&path, &[]);
        if answer.status == 422 {
            // Unreadable: the CLI reports the same input rule.
            let rule = answer.json()["error"]["rule"].as_str().unwrap().to_owned();
            assert!(
                expected.contains(&format!("\"code\": \"{rule}\"")),
                "{path}"
            );
        } else {
            assert_eq!(answer.status, 200, "{path}: {}", answer.text());
            assert_eq!(answer.text(), expected, "{path}");
        }
    }
}

#[test]
fn parse_answers_what_disclint_parse_prints() {
    let server = TestServer::start(options());
    for path in [
        "examples/reports/clean-2024.txt",
        "tests/fixtures/html/cms-page.html",
    ] {
        let target = format!("/api/v1/parse?filename={}", encode(path));
        let answer = post(server.addr, &target, &std::fs::read(path).unwrap());
        assert_eq!(answer.status, 200, "{}", answer.text());
        let (code, expected) = cli(&["parse", "--no-config", path]);
        assert_eq!(code, 0);
        assert_eq!(answer.text(), expected, "{path}");
    }
}

#[test]
fn the_rules_are_listed_and_explained_as_the_cli_does() {
    let server = TestServer::start(options());
    let linter = Linter::new(LintOptions::default());
    let list = get(server.addr, "/api/v1/rules?lang=en").json();
    let rules = list["rules"].as_array().unwrap();
    let codes: Vec<&str> = rules.iter().map(|r| r["code"].as_str().unwrap()).collect();
    let known: Vec<&str> = linter.registry().metas().map(|m| m.code.as_ref()).collect();
    assert_eq!(codes, known);
    let x003 = rules.iter().find(|r| r["code"] == "X003").unwrap();
    assert_eq!(x003["enabled"], false, "X003 is off by default");
    assert_eq!(x003["effective_severity"], serde_json::Value::Null);
    let a003 = rules.iter().find(|r| r["code"] == "A003").unwrap();
    assert_eq!(a003["enabled"], true);
    assert_eq!(a003["family_name"], "arithmetic");
    let meta = linter.registry().find("A003").unwrap();
    assert_eq!(a003["summary"], meta.summary_en.as_ref());
    let zh = get(server.addr, "/api/v1/rules").json();
    assert_eq!(
        zh["rules"][0]["summary"],
        linter
            .registry()
            .metas()
            .next()
            .unwrap()
            .summary_zh
            .as_ref()
    );

    for (target, args) in [
        (
            "/api/v1/rules/A003?lang=en",
            &["explain", "--no-config", "A003", "--lang", "en"][..],
        ),
        (
            "/api/v1/rules/missing-section",
            &["explain", "--no-config", "missing-section"][..],
        ),
    ] {
        let rule = get(server.addr, target).json();
        let (code, text) = cli(args);
        assert_eq!(code, 0);
        assert_eq!(rule["text"], text.as_str(), "{target}");
    }
    let s001 = get(server.addr, "/api/v1/rules/missing-section").json();
    assert_eq!(s001["code"], "S001");
    assert!(s001["bad_example"]["text"].as_str().is_some(), "{s001}");
    let none = get(server.addr, "/api/v1/rules/Z999?lang=en");
    assert_eq!(none.status, 404);
    assert_eq!(none.error_code(), "no-rule");
    assert!(none.text().contains("Z999"), "{}", none.text());
}

#[test]
fn annotate_answers_the_copy_check_annotate_writes() {
    let server = TestServer::start(options());
    let dir = fresh_dir("annotate");
    let draft = dir.join("draft-2024.docx");
    let bytes = defective_docx();
    std::fs::write(&draft, &bytes).unwrap();
    let out = dir.join("out");
    let (code, _) = cli(&[
        "check",
        "--no-config",
        "--annotate",
        "--annotate-dir",
        &out.display().to_string(),
        &draft.display().to_string(),
    ]);
    assert_eq!(code, 1, "the draft has errors");
    let expected = std::fs::read(out.join("draft-2024.disclint.docx")).unwrap();
    let answer = post(
        server.addr,
        "/api/v1/annotate?filename=draft-2024.docx",
        &bytes,
    );
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    assert_eq!(
        answer.header("content-type"),
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    );
    let disposition = answer.header("content-disposition").unwrap();
    assert!(
        disposition.contains("draft-2024.disclint.docx"),
        "{disposition}"
    );
    let findings: usize = answer.header("disclint-findings").unwrap().parse().unwrap();
    assert!(findings >= 2, "{findings}");
    assert!(
        answer.body == expected,
        "the copy differs from check --annotate's"
    );
    // Only a Word document can be annotated.
    let text = post(
        server.addr,
        "/api/v1/annotate?filename=a.txt&lang=en",
        b"text",
    );
    assert_eq!(text.status, 422);
    assert_eq!(text.error_code(), "not-a-word-document");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn health_and_metrics_count_requests_findings_and_refusals() {
    let server = TestServer::start(options());
    let health = get(server.addr, "/healthz");
    assert_eq!(health.status, 200);
    assert_eq!(health.json()["status"], "ok");
    let report = std::fs::read("examples/reports/problems-2024.txt").unwrap();
    let checked = post(
        server.addr,
        "/api/v1/check?filename=problems-2024.txt",
        &report,
    )
    .json();
    let diagnostics = checked["files"][0]["diagnostics"].as_array().unwrap();
    let a003 = diagnostics.iter().filter(|d| d["code"] == "A003").count();
    assert!(a003 >= 1);
    assert_eq!(post(server.addr, "/api/v1/check", b"").status, 400);
    let metrics = get(server.addr, "/metrics");
    assert_eq!(
        metrics.header("content-type"),
        Some("text/plain; version=0.0.4; charset=utf-8")
    );
    let text = metrics.text();
    for line in [
        format!("disclint_findings_total{{code=\"A003\"}} {a003}"),
        "disclint_requests_total{route=\"/api/v1/check\",status=\"200\"} 1".to_owned(),
        "disclint_requests_total{route=\"/api/v1/check\",status=\"400\"} 1".to_owned(),
        "disclint_requests_total{route=\"/healthz\",status=\"200\"} 1".to_owned(),
        "disclint_rejected_total{reason=\"missing-body\"} 1".to_owned(),
        "disclint_request_duration_seconds_count{route=\"/api/v1/check\"} 2".to_owned(),
        "disclint_checks_running 0".to_owned(),
        // The request for the metrics is the one in flight.
        "disclint_requests_in_flight 1".to_owned(),
    ] {
        assert!(text.lines().any(|l| l == line), "no {line:?} in\n{text}");
    }
    assert!(text.contains("# TYPE disclint_request_duration_seconds histogram"));
}

/// The `(METHOD, path)` pairs of `docs/openapi.json`.
fn documented() -> BTreeSet<(String, String)> {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("../../docs/openapi.json")).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let mut pairs = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            assert!(
                operation["summary"].is_string() && operation["responses"].is_object(),
                "{method} {path}: a summary and responses"
            );
            pairs.insert((method.to_ascii_uppercase(), path.clone()));
        }
    }
    pairs
}

#[test]
fn the_openapi_description_names_every_route_and_each_is_served() {
    let routed: BTreeSet<(String, String)> = endpoints()
        .iter()
        .map(|e| (e.method.to_owned(), e.path.to_owned()))
        .collect();
    assert_eq!(documented(), routed);
    let server = TestServer::start(options());
    let report = std::fs::read("examples/reports/clean-2024.txt").unwrap();
    for (method, path) in &routed {
        let target = path.replace("{code}", "S001");
        let body: &[u8] = if method == "POST" { &report } else { b"" };
        let answer = request(server.addr, method, &target, &[], body);
        assert!(
            ![404, 405].contains(&answer.status),
            "{method} {path}: {}",
            answer.status
        );
    }
    let served = get(server.addr, "/api/v1/openapi.json");
    assert_eq!(served.text(), include_str!("../../docs/openapi.json"));
}

#[test]
fn the_page_and_its_assets_are_embedded_and_load_nothing_from_elsewhere() {
    let server = TestServer::start(options());
    let page = get(server.addr, "/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let policy = page.header("content-security-policy").unwrap();
    assert!(policy.starts_with("default-src 'none'"), "{policy}");
    let html = page.text();
    assert!(html.contains("/assets/app.js") && html.contains("/assets/style.css"));
    for (path, kind) in [
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/style.css", "text/css; charset=utf-8"),
    ] {
        let asset = get(server.addr, path);
        assert_eq!(asset.header("content-type"), Some(kind), "{path}");
        assert!(!asset.text().is_empty());
    }
    let root = Path::new("src/serve/page");
    for file in ["index.html", "app.js", "style.css"] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        assert!(
            !text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"),
            "{file} names another origin"
        );
    }
}

#[test]
fn the_view_gives_the_check_and_the_findings_places_in_the_text_read() {
    let server = TestServer::start(options());
    let path = "examples/reports/problems-2024.txt";
    let bytes = std::fs::read(path).unwrap();
    let target = format!("/api/v1/view?filename={}", encode(path));
    let answer = post(server.addr, &target, &bytes);
    assert_eq!(answer.status, 200, "{}", answer.text());
    let view = answer.json();
    let check: serde_json::Value = serde_json::from_str(&cli_json(path, &[])).unwrap();
    assert_eq!(view["check"], check);
    let text = view["view"]["text"].as_str().unwrap();
    assert_eq!(text, std::str::from_utf8(&bytes).unwrap());
    assert_eq!(view["view"]["kind"], "text");
    let diagnostics = check["files"][0]["diagnostics"].as_array().unwrap();
    let places = view["view"]["findings"].as_array().unwrap();
    assert_eq!(places.len(), diagnostics.len());
    for (diagnostic, place) in diagnostics.iter().zip(places) {
        // Plain text: the places read are the original's.
        assert_eq!(place["start"], diagnostic["offset"]);
        let end = place["end"].as_u64().unwrap() - place["start"].as_u64().unwrap();
        assert_eq!(end, diagnostic["length"].as_u64().unwrap());
    }
    let x001 = diagnostics
        .iter()
        .position(|d| d["code"] == "X001")
        .unwrap();
    let place = &places[x001];
    let (start, end) = (
        place["start"].as_u64().unwrap() as usize,
        place["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "XX条");
    let summary = view["view"]["summary"].as_str().unwrap();
    assert!(summary.starts_with("检查了 1 个文件："), "{summary}");
    let tables = view["view"]["tables"].as_array().unwrap();
    let applications = tables.iter().find(|t| t["kind"] == "applications").unwrap();
    assert_eq!(applications["columns"][0], "自然人");
    let row = &applications["rows"][0];
    assert_eq!(row["cells"].as_array().unwrap().len(), 7);
    // An identity's terms are labelled at the cells they name.
    let a003 = diagnostics
        .iter()
        .position(|d| d["code"] == "A003")
        .unwrap();
    let labels = places[a003]["labels"].as_array().unwrap();
    assert!(labels
        .iter()
        .any(|l| l["message"].as_str().unwrap().starts_with("商业企业")));
    let cells: Vec<&serde_json::Value> = applications["rows"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["cells"].as_array().unwrap())
        .filter(|c| !c.is_null())
        .collect();
    for label in labels {
        assert!(
            cells.iter().any(|c| c["start"] == label["start"]),
            "label {label} is at no cell"
        );
    }
}
