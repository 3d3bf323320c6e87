//! Every limit and fault of the service: 413 over the body limit, 503 on
//! the time limit with no check left running, the cap on checks at once
//! (a short queue, then 503), 400/422 with a JSON error in the language
//! asked for, a panic answered 500 with the server going on, and a log
//! without anything a client sent. The limits are set low in the test
//! servers; nothing sleeps long.

use std::time::{Duration, Instant};

use axum::routing::get;
use disclint::serve::Limits;

use crate::http::{connect, get as http_get, head, multipart, post, read_response, request};
use crate::server::{options, TestServer};

/// Limits small enough for a test: a 64 KiB body, and `time`, `checks`,
/// `queue_wait` as given.
fn limits(time: Duration, checks: usize, queue_wait: Duration) -> Limits {
    Limits {
        max_body: 64 * 1024,
        time_limit: time,
        checks,
        queue_wait,
    }
}

#[test]
fn a_body_over_the_limit_is_refused_with_413_however_it_is_sent() {
    let mut options = options();
    options.limits = limits(Duration::from_secs(30), 2, Duration::from_secs(2));
    let server = TestServer::start(options);
    let big = vec![b'a'; 64 * 1024 + 1];
    // Announced by its length: refused before it is read.
    let mut stream = connect(server.addr);
    use std::io::Write;
    let announced = head(
        "POST",
        "/api/v1/check?lang=en",
        &[("Connection", "close")],
        big.len(),
    );
    stream.write_all(&announced).unwrap();
    let answer = read_response(&mut std::io::BufReader::new(stream));
    assert_eq!(answer.status, 413);
    assert_eq!(answer.error_code(), "body-too-large");
    assert!(answer.text().contains("65536 bytes"), "{}", answer.text());
    // Streamed without a length: refused when the limit is passed.
    let mut chunked = format!("{:x}\r\n", big.len()).into_bytes();
    chunked.extend_from_slice(&big);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let answer = request(
        server.addr,
        "POST",
        "/api/v1/check",
        &[("Transfer-Encoding", "chunked")],
        &chunked,
    );
    assert_eq!(answer.status, 413);
    assert_eq!(answer.error_code(), "body-too-large");
    assert!(answer.text().contains("字节"), "in Chinese by default");
    // In a multipart upload.
    let (content_type, body) = multipart("big.txt", &big);
    let answer = request(
        server.addr,
        "POST",
        "/api/v1/check",
        &[
            ("Content-Type", &content_type),
            ("Transfer-Encoding", "chunked"),
        ],
        &{
            let mut chunked = format!("{:x}\r\n", body.len()).into_bytes();
            chunked.extend_from_slice(&body);
            chunked.extend_from_slice(b"\r\n0\r\n\r\n");
            chunked
        },
    );
    assert_eq!(answer.status, 413);
    assert_eq!(answer.error_code(), "body-too-large");
    // Just under the limit is read.
    let fits = post(server.addr, "/api/v1/check?filename=a.txt", &big[1..]);
    assert_eq!(fits.status, 200, "{}", fits.text());
    assert!(server.log().contains("POST /api/v1/check 413"));
}

/// A fake `pdftotext` that runs `body` (a shell script).
#[cfg(unix)]
fn fake_pdftotext(name: &str, body: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let dir = crate::api::fresh_dir(name);
    let program = dir.join("pdftotext");
    std::fs::write(&program, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    program
}

#[cfg(unix)]
#[test]
fn a_request_over_the_time_limit_gets_503_and_leaves_no_check_running() {
    // A PDF reader that hangs: the request's time limit is its limit too.
    let program = fake_pdftotext("hang", "cat > /dev/null\nsleep 20");
    let mut options = options();
    options.pdftotext = disclint::extract::PdfToText::at(&program);
    options.limits = limits(Duration::from_millis(400), 1, Duration::from_secs(5));
    let server = TestServer::start(options);
    let started = Instant::now();
    let answer = post(
        server.addr,
        "/api/v1/check?filename=a.pdf&lang=en",
        b"%PDF-1.7\n",
    );
    assert_eq!(answer.status, 503, "{}", answer.text());
    assert_eq!(answer.error_code(), "timed-out");
    assert!(answer.text().contains("0.4 s"), "{}", answer.text());
    assert!(started.elapsed() < Duration::from_secs(10));
    // The reader was stopped at the same limit: the slot is free again long
    // before the reader's 20 s were up.
    assert!(
        server.wait_for(Duration::from_secs(5), |s| s.metrics().checks_running()
            == 0),
        "a check is still running"
    );
    let after = post(
        server.addr,
        "/api/v1/check?filename=a.txt",
        &std::fs::read("examples/reports/clean-2024.txt").unwrap(),
    );
    assert_eq!(after.status, 200, "{}", after.text());
    assert!(started.elapsed() < Duration::from_secs(15));
    let metrics = http_get(server.addr, "/metrics").text();
    assert!(
        metrics.contains("disclint_rejected_total{reason=\"timed-out\"} 1"),
        "{metrics}"
    );
    std::fs::remove_dir_all(program.parent().unwrap()).unwrap();
}

#[cfg(unix)]
#[test]
fn checks_over_the_cap_wait_their_turn_briefly_then_get_503() {
    // A PDF reader that takes a second holds the one slot.
    let program = fake_pdftotext("slow", "cat > /dev/null\nsleep 1");
    let report = std::fs::read("examples/reports/clean-2024.txt").unwrap();
    for (queue_wait, expected) in [
        (Duration::from_millis(100), 503),
        (Duration::from_secs(20), 200),
    ] {
        let mut options = options();
        options.pdftotext = disclint::extract::PdfToText::at(&program);
        options.limits = limits(Duration::from_secs(30), 1, queue_wait);
        let server = TestServer::start(options);
        let addr = server.addr;
        let holder =
            std::thread::spawn(move || post(addr, "/api/v1/check?filename=a.pdf", b"%PDF-1.7\n"));
        assert!(
            server.wait_for(Duration::from_secs(10), |s| s.metrics().checks_running()
                == 1)
        );
        let waiting = post(server.addr, "/api/v1/check?filename=a.txt&lang=en", &report);
        assert_eq!(waiting.status, expected, "{}", waiting.text());
        let held = holder.join().unwrap();
        // The fake reader writes nothing: the PDF has no text (I009).
        assert_eq!(held.status, 422, "{}", held.text());
        if expected == 503 {
            assert_eq!(waiting.error_code(), "busy");
            assert_eq!(waiting.header("retry-after"), Some("1"));
            assert!(waiting.text().contains("busy"), "{}", waiting.text());
        }
    }
    std::fs::remove_dir_all(program.parent().unwrap()).unwrap();
}

/// A bad request and its answer: path, headers, body, the status and the
/// error code expected.
type BadRequest = (
    &'static str,
    Vec<(&'static str, &'static str)>,
    Vec<u8>,
    u16,
    &'static str,
);

#[test]
fn bad_requests_get_400_or_422_with_a_json_error_in_the_language_asked_for() {
    let server = TestServer::start(options());
    let truncated = std::fs::read("tests/fixtures/rules/I007/fail-truncated.docx").unwrap();
    let broken_multipart =
        b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno end"
            .to_vec();
    let no_file =
        b"--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--b--\r\n".to_vec();
    let cases: Vec<BadRequest> = vec![
        ("/api/v1/check", vec![], Vec::new(), 400, "missing-body"),
        (
            "/api/v1/check",
            vec![("Content-Type", "multipart/form-data; boundary=b")],
            broken_multipart,
            400,
            "malformed-multipart",
        ),
        (
            "/api/v1/check",
            vec![("Content-Type", "multipart/form-data; boundary=b")],
            no_file,
            400,
            "malformed-multipart",
        ),
        (
            "/api/v1/check",
            vec![("Content-Type", "multipart/form-data")],
            b"x".to_vec(),
            400,
            "malformed-multipart",
        ),
        (
            "/api/v1/check?filename=report.xls",
            vec![],
            b"text".to_vec(),
            422,
            "unknown-kind",
        ),
        (
            "/api/v1/check?filename=draft.docx",
            vec![],
            truncated.clone(),
            422,
            "unreadable-input",
        ),
        (
            "/api/v1/view?filename=draft.docx",
            vec![],
            truncated.clone(),
            422,
            "unreadable-input",
        ),
        (
            "/api/v1/parse?filename=draft.docx",
            vec![],
            truncated.clone(),
            422,
            "unreadable-input",
        ),
        (
            "/api/v1/annotate?filename=draft.docx",
            vec![],
            truncated,
            422,
            "unreadable-input",
        ),
        (
            "/api/v1/check?filename=old.doc",
            vec![],
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest".to_vec(),
            422,
            "unreadable-input",
        ),
        (
            "/api/v1/check?selct=S",
            vec![],
            b"text".to_vec(),
            400,
            "unknown-parameter",
        ),
        (
            "/api/v1/check?edition=2020",
            vec![],
            b"text".to_vec(),
            400,
            "bad-parameter",
        ),
        (
            "/api/v1/check?select=Q999",
            vec![],
            b"text".to_vec(),
            400,
            "unknown-selector",
        ),
        (
            "/api/v1/nothing",
            vec![],
            b"text".to_vec(),
            404,
            "not-found",
        ),
    ];
    for (target, headers, body, status, code) in cases {
        let mut messages = Vec::new();
        for lang in ["zh", "en"] {
            let separator = if target.contains('?') { '&' } else { '?' };
            let target = format!("{target}{separator}lang={lang}");
            let answer = request(server.addr, "POST", &target, &headers, &body);
            assert_eq!(answer.status, status, "{target}: {}", answer.text());
            assert_eq!(answer.error_code(), code, "{target}");
            assert_eq!(answer.json()["error"]["status"], status);
            messages.push(
                answer.json()["error"]["message"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
        let (zh, en) = (&messages[0], &messages[1]);
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{target}: {zh}"
        );
        assert!(
            !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{target}: {en}"
        );
    }
    let rule = post(
        server.addr,
        "/api/v1/check?filename=d.docx",
        &std::fs::read("tests/fixtures/rules/I007/fail-truncated.docx").unwrap(),
    );
    assert_eq!(rule.json()["error"]["rule"], "I007");
    let method = request(server.addr, "GET", "/api/v1/check?lang=en", &[], b"");
    assert_eq!(method.status, 405);
    assert_eq!(method.error_code(), "method-not-allowed");
}

#[test]
fn a_panic_in_a_handler_is_answered_500_and_the_server_goes_on() {
    let server = TestServer::with_routes(options(), |router| {
        router.route(
            "/test/panic",
            get(|| async {
                panic!("the draft says SECRET-PANIC-TEXT");
                #[allow(unreachable_code)]
                ""
            }),
        )
    });
    for _ in 0..2 {
        let answer = http_get(server.addr, "/test/panic?lang=en");
        assert_eq!(answer.status, 500);
        assert_eq!(answer.error_code(), "internal-error");
        assert!(
            answer.text().contains("the service goes on"),
            "{}",
            answer.text()
        );
    }
    assert_eq!(http_get(server.addr, "/healthz").status, 200);
    let log = server.log();
    assert!(log.contains("panic: a handler panicked"), "{log}");
    assert!(log.contains("GET /test/panic 500"), "{log}");
    assert!(!log.contains("SECRET-PANIC-TEXT"), "{log}");
    let metrics = http_get(server.addr, "/metrics").text();
    assert!(
        metrics.contains("disclint_rejected_total{reason=\"internal-error\"} 2"),
        "{metrics}"
    );
}

#[test]
fn the_log_has_method_route_status_sizes_and_duration_and_nothing_sent() {
    let server = TestServer::start(options());
    let marker = "机密草稿SECRET";
    let report = std::fs::read_to_string("examples/reports/problems-2024.txt").unwrap();
    let body = format!("{report}\n{marker}\n");
    let name = crate::api::encode(&format!("{marker}.txt"));
    let answer = request(
        server.addr,
        "POST",
        &format!("/api/v1/check?filename={name}&lang=en"),
        &[("X-Note", "SECRET-HEADER")],
        body.as_bytes(),
    );
    assert_eq!(answer.status, 200);
    assert!(answer.text().contains(marker), "the answer names the file");
    let (content_type, form) = multipart(&format!("{marker}.txt"), body.as_bytes());
    request(
        server.addr,
        "POST",
        "/api/v1/view",
        &[("Content-Type", &content_type)],
        &form,
    );
    post(
        server.addr,
        &format!("/api/v1/check?filename={name}.xls"),
        body.as_bytes(),
    );
    let rule = crate::api::encode(marker);
    http_get(server.addr, &format!("/api/v1/rules/{rule}"));
    let log = server.log();
    for secret in [marker, "SECRET", "SECRET-HEADER", "filename", "lang="] {
        assert!(!log.contains(secret), "{secret:?} in the log:\n{log}");
    }
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 4, "{log}");
    assert!(lines[0].starts_with("POST /api/v1/check 200 in="), "{log}");
    assert!(lines[1].starts_with("POST /api/v1/view 200 in="), "{log}");
    assert!(lines[2].starts_with("POST /api/v1/check 422 in="), "{log}");
    assert!(
        lines[3].starts_with("GET /api/v1/rules/{code} 404 in=0"),
        "{log}"
    );
    for line in lines {
        let fields: Vec<&str> = line.split(' ').collect();
        assert_eq!(fields.len(), 6, "{line}");
        assert!(
            fields[3].starts_with("in=") && fields[4].starts_with("out="),
            "{line}"
        );
        assert!(fields[5].ends_with("ms"), "{line}");
    }
}
