//! `disclint server`, the language server: in memory over a connection pair
//! (as Ruff's server tests run), and over standard input and output with the
//! real binary and hand-written `Content-Length` framing. Positions are
//! checked in both encodings against counts made here, on Chinese text with
//! a character outside the Basic Multilingual Plane on the line.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use disclint::config::Config;
use disclint::lsp::{run, Connection, ServerError, ServerOptions};
use disclint::rules::{Context, Example, Family, Registry, Rule, RuleMeta, Sink};
use disclint::span::Span;
use disclint::{LintOptions, Linter, Severity};
use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{json, Value};

const URI: &str = "file:///virtual/report.txt";

/// A report with a C003 on line 2 (after 𠀀 and 94 more characters) and
/// two A001 (one broken balance, each with its four terms as labels).
fn report() -> String {
    let clean = include_str!("../examples/reports/clean-2024.txt");
    let text = clean
        .replacen("国办公开办函〔2021〕30号", "国办公开办函[2021]30号", 1)
        .replacen(
            "| 四、结转下年度继续办理 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |",
            "| 四、结转下年度继续办理 |\n0 |\n1 |\n0 |\n0 |\n0 |\n0 |\n1 |",
            1,
        );
    let (title, rest) = text.split_once('\n').unwrap();
    format!("{title}\n𠀀{rest}")
}

/// The 0-based line and column of byte `offset` of `text`, counted here
/// without the library: UTF-16 units or bytes.
fn position(text: &str, offset: usize, utf16: bool) -> Value {
    let before = &text[..offset];
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = if utf16 {
        before[start..].encode_utf16().count()
    } else {
        offset - start
    };
    json!({"line": before.matches('\n').count(), "character": column})
}

/// The byte offset of a protocol position in `text`, counted here.
fn offset(text: &str, position: &Value, utf16: bool) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let column = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut counted = 0;
    for (at, c) in text[start..].char_indices() {
        if counted >= column {
            return start + at;
        }
        counted += if utf16 { c.len_utf16() } else { c.len_utf8() };
    }
    text.len()
}

/// The range of `needle`'s first occurrence in `text`.
fn range_of(text: &str, needle: &str, utf16: bool) -> Value {
    let at = text.find(needle).unwrap();
    json!({"start": position(text, at, utf16), "end": position(text, at + needle.len(), utf16)})
}

/// The client's end of an in-memory session.
struct Client {
    connection: Connection,
    server: Option<JoinHandle<Result<(), ServerError>>>,
    queue: VecDeque<Message>,
    next: i32,
}

/// Long enough never to be reached by a working server: a guard against
/// hanging, not a timed assertion.
const PATIENCE: Duration = Duration::from_secs(60);

impl Client {
    /// Starts a server with `options`, initializes it with `capabilities`
    /// (and `options` as initialization options), and returns the client
    /// and the `initialize` result.
    fn start(capabilities: Value, init: Value, options: ServerOptions) -> (Client, Value) {
        let (client, server) = Connection::memory();
        let server = std::thread::spawn(move || run(server, options));
        let mut client = Client {
            connection: client,
            server: Some(server),
            queue: VecDeque::new(),
            next: 0,
        };
        let result = client.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": capabilities, "initializationOptions": init}),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    /// The options of the tests: no configuration file, a short debounce.
    fn options() -> ServerOptions {
        ServerOptions {
            config: Some(Config::default()),
            debounce: Duration::from_millis(20),
            ..ServerOptions::default()
        }
    }

    fn receive(&mut self) -> Message {
        self.connection
            .receiver
            .recv_timeout(PATIENCE)
            .expect("the server answers")
    }

    fn notify(&self, method: &str, params: Value) {
        let notification = Notification::new(method.to_owned(), params);
        self.connection.sender.send(notification.into()).unwrap();
    }

    /// Sends a request and returns its result (an error answer panics).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = RequestId::from(self.next);
        let request = Request::new(id.clone(), method.to_owned(), params);
        self.connection.sender.send(request.into()).unwrap();
        loop {
            match self.receive() {
                Message::Response(response) if response.id == id => {
                    return response.response_result.expect("a result");
                }
                other => self.queue.push_back(other),
            }
        }
    }
}

impl Client {
    /// The next notification of `method` (others are kept for later).
    fn notification(&mut self, method: &str) -> Value {
        let queued = self
            .queue
            .iter()
            .position(|m| matches!(m, Message::Notification(n) if n.method == method));
        if let Some(Message::Notification(n)) = queued.and_then(|i| self.queue.remove(i)) {
            return n.params;
        }
        loop {
            match self.receive() {
                Message::Notification(n) if n.method == method => return n.params,
                other => self.queue.push_back(other),
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        loop {
            let published = self.notification("textDocument/publishDiagnostics");
            if published["uri"] == uri {
                return published;
            }
        }
    }

    fn open(&self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    /// Shuts the server down; it must end without error, every message it
    /// sent read.
    fn shutdown(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let server = self.server.take().unwrap();
        assert!(server.join().unwrap().is_ok());
        let unread: Vec<&Message> = self
            .queue
            .iter()
            .filter(|m| !matches!(m, Message::Notification(n) if n.method == "textDocument/publishDiagnostics"))
            .collect();
        assert!(unread.is_empty(), "{unread:?}");
    }
}

/// The codes of published diagnostics.
fn codes(published: &Value) -> Vec<&str> {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

fn utf16_client() -> Value {
    json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"publishDiagnostics": {"relatedInformation": true}}
    })
}

/// Applies protocol text edits (in `text`'s positions, none overlapping)
/// here, as an editor would.
fn apply(text: &str, edits: &[Value], utf16: bool) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], utf16),
                offset(text, &e["range"]["end"], utf16),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| s.0);
    let mut out = text.to_owned();
    for (start, end, new) in spans.into_iter().rev() {
        out.replace_range(start..end, new);
    }
    out
}

#[test]
fn open_fix_and_see_the_diagnostics_update_in_utf16() {
    let (mut client, initialized) = Client::start(utf16_client(), Value::Null, Client::options());
    assert_eq!(initialized["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(initialized["capabilities"]["textDocumentSync"]["change"], 2);
    let text = report();
    client.open(URI, "plaintext", &text);
    let published = client.diagnostics(URI);
    assert_eq!(published["version"], 1);
    assert_eq!(codes(&published), ["C003", "A001", "A001"]);
    let c003 = &published["diagnostics"][0];
    // 𠀀 is two units: the bracket starts at unit 95 of the line.
    assert_eq!(c003["range"], range_of(&text, "[2021]", true));
    assert_eq!(c003["range"]["start"], json!({"line": 1, "character": 95}));
    let a001 = &published["diagnostics"][1];
    assert_eq!(a001["relatedInformation"].as_array().unwrap().len(), 4);
    insta::assert_json_snapshot!("lsp_open_utf16", published);

    // The quick fix of C003, from its own data, and "fix all safe".
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": c003["range"], "context": {"diagnostics": [c003]}}),
    );
    insta::assert_json_snapshot!("lsp_code_actions_utf16", actions);
    let quick_fix = &actions[0];
    assert_eq!(quick_fix["kind"], "quickfix");
    assert_eq!(quick_fix["isPreferred"], true);
    assert_eq!(actions[1]["kind"], "source.fixAll.disclint");
    let edits = quick_fix["edit"]["changes"][URI].as_array().unwrap();
    let fixed = apply(&text, edits, true);
    assert!(fixed.contains("𠀀") && fixed.contains("国办公开办函〔2021〕30号"));

    // The editor sends the same edits as an incremental change.
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": changes}),
    );
    let published = client.diagnostics(URI);
    assert_eq!(published["version"], 2);
    assert_eq!(codes(&published), ["A001", "A001"]);

    // A stale quick fix (of version 1) is not offered on version 2.
    let stale = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": c003["range"], "context": {"diagnostics": [c003], "only": ["quickfix"]}}),
    );
    assert_eq!(stale, json!([]));

    // Hover over an A001: its rule's explanation, in Chinese.
    let a001 = &published["diagnostics"][0];
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": a001["range"]["start"]}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.starts_with("# A001 application-balance"), "{shown}");
    assert!(shown.contains("## 检查内容"), "{shown}");
    assert_eq!(hover["range"], a001["range"]);

    // The editor's settings change: English messages, checked again.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"disclint": {"lang": "en"}}}),
    );
    let published = client.diagnostics(URI);
    let message = published["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("column “商业企业”"), "{message}");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": a001["range"]["start"]}),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("## What it checks"));

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    let cleared = client.diagnostics(URI);
    assert_eq!(cleared["diagnostics"], json!([]));
    client.shutdown();
}

#[test]
fn utf8_is_chosen_when_offered_and_ranges_count_bytes() {
    let capabilities = json!({"general": {"positionEncodings": ["utf-16", "utf-8"]}});
    let (mut client, initialized) = Client::start(capabilities, Value::Null, Client::options());
    assert_eq!(initialized["capabilities"]["positionEncoding"], "utf-8");
    let text = report();
    client.open(URI, "plaintext", &text);
    let published = client.diagnostics(URI);
    let c003 = &published["diagnostics"][0];
    assert_eq!(c003["range"], range_of(&text, "[2021]", false));
    // 𠀀 is 4 bytes, each of the 93 other characters before 3 (and one
    // ASCII digit run): the column counts bytes.
    let line = text.lines().nth(1).unwrap();
    let column = line.find("[2021]").unwrap();
    assert_eq!(c003["range"]["start"]["character"], column);
    // Without related-information support, the labels are not sent.
    assert!(published["diagnostics"][1]
        .get("relatedInformation")
        .is_none());
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": c003["range"], "context": {"diagnostics": [c003], "only": ["quickfix"]}}),
    );
    let edits = actions[0]["edit"]["changes"][URI].as_array().unwrap();
    assert!(apply(&text, edits, false).contains("国办公开办函〔2021〕30号"));
    // "Fix all safe" alone, asked for as editors do on save.
    let all = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    assert_eq!(all.as_array().unwrap().len(), 1, "{all}");
    let edits = all[0]["edit"]["changes"][URI].as_array().unwrap();
    let fixed = apply(&text, edits, false);
    assert_eq!(fixed, text.replacen("[2021]", "〔2021〕", 1));
    client.shutdown();
}

#[test]
fn a_pulling_client_gets_no_pushes_and_unchanged_results_are_said_so() {
    let capabilities = json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}});
    let (mut client, _) = Client::start(capabilities, json!({"lang": "en"}), Client::options());
    let text = report();
    client.open(URI, "plaintext", &text);
    let pull = json!({"textDocument": {"uri": URI}});
    let first = client.request("textDocument/diagnostic", pull.clone());
    assert_eq!(first["kind"], "full");
    let items = first["items"].as_array().unwrap();
    let codes: Vec<&str> = items.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["C003", "A001", "A001"]);
    assert!(
        items[0]["message"]
            .as_str()
            .unwrap()
            .contains("belongs in 〔〕"),
        "{}",
        items[0]
    );
    let again = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}, "previousResultId": first["resultId"]}),
    );
    assert_eq!(
        again,
        json!({"kind": "unchanged", "resultId": first["resultId"]})
    );
    // A pull right after a change waits for the check of the new version.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": text.replacen("[2021]", "〔2021〕", 1)}]}),
    );
    let after = client.request("textDocument/diagnostic", pull);
    assert_eq!(after["items"].as_array().unwrap().len(), 2);
    assert!(client.queue.iter().all(
        |m| !matches!(m, Message::Notification(n) if n.method == "textDocument/publishDiagnostics")
    ));
    client.shutdown();
}

#[test]
fn web_pages_point_into_their_source_and_word_documents_are_read_from_disk() {
    let (mut client, _) = Client::start(utf16_client(), Value::Null, Client::options());
    let page = include_str!("fixtures/html/minified.html").replacen(
        "国办公开办函〔2021〕30号",
        "国办公开办函[2021]30号",
        1,
    );
    let uri = "file:///virtual/report.html";
    client.open(uri, "html", &page);
    let published = client.diagnostics(uri);
    assert_eq!(codes(&published), ["C003"]);
    let c003 = &published["diagnostics"][0];
    assert_eq!(c003["range"], range_of(&page, "[2021]", true));
    // No fix on a page: an edit of its text cannot be written back.
    assert_eq!(c003["data"], json!({"version": 1}));

    let word = std::path::absolute("tests/fixtures/rules/I007/fail-no-body.docx").unwrap();
    let uri = lsp_types::Url::from_file_path(&word).unwrap().to_string();
    client.open(&uri, "", "");
    let published = client.diagnostics(&uri);
    assert_eq!(codes(&published), ["I007"]);
    client.shutdown();
}

/// A rule that panics on any text with `PANIC` in it.
struct Panics;

impl Rule for Panics {
    fn meta(&self) -> &RuleMeta {
        Box::leak(Box::new(RuleMeta {
            code: "X900".into(),
            name: "panics".into(),
            family: Family::Text,
            severity: Severity::Warning,
            default_enabled: true,
            fixable: false,
            summary_zh: "测试".into(),
            summary_en: "test".into(),
            explanation_zh: "测试".into(),
            explanation_en: "test".into(),
            basis: "test".into(),
            bad_example: Example::excerpt("PANIC"),
            good_example: Example::excerpt("calm"),
        }))
    }

    fn checks_non_reports(&self) -> bool {
        true
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        assert!(!ctx.text().contains("PANIC"), "a rule's bug");
        if let Some(at) = ctx.text().find("calm") {
            sink.report(Span::new(at, 4), "calm here");
        }
    }
}

#[test]
fn a_panic_in_one_check_is_told_once_and_the_server_goes_on() {
    let linter = Linter::with_registry(
        Registry::from_rules(vec![Box::new(Panics)]),
        LintOptions::default(),
    );
    let options = ServerOptions {
        linter: Some(Arc::new(linter)),
        ..Client::options()
    };
    let (mut client, _) = Client::start(utf16_client(), Value::Null, options);
    let bad = "file:///virtual/bad.txt";
    client.open(bad, "plaintext", "PANIC");
    let message = client.notification("window/showMessage");
    assert_eq!(message["type"], 1);
    let text = message["message"].as_str().unwrap();
    assert!(
        text.contains("bad.txt") && text.contains("a rule's bug"),
        "{text}"
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": bad, "version": 2}, "contentChanges": [{"text": "PANIC again"}]}),
    );
    let good = "file:///virtual/good.txt";
    client.open(good, "plaintext", "calm");
    let published = client.diagnostics(good);
    assert_eq!(codes(&published), ["X900"]);
    // The second panic (of bad.txt's version 2) was not told again.
    assert!(client
        .queue
        .iter()
        .all(|m| !matches!(m, Message::Notification(n) if n.method == "window/showMessage")));
    client.shutdown();
}

/// One framed message.
fn frame(message: &Value) -> Vec<u8> {
    let body = message.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// Reads one framed message.
fn read_frame(reader: &mut impl BufRead) -> Value {
    let mut length = 0;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).unwrap();
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some(value) = header.strip_prefix("Content-Length: ") {
            length = value.parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap()
}

#[test]
fn the_binary_speaks_the_protocol_on_standard_input_and_output() {
    let mut server = Command::new(env!("CARGO_BIN_EXE_disclint"))
        .args(["server", "--no-config"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = server.stdin.take().unwrap();
    let mut output = BufReader::new(server.stdout.take().unwrap());
    let text = report();
    let mut send = |message: Value| input.write_all(&frame(&message)).unwrap();
    send(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    let initialized = read_frame(&mut output);
    assert_eq!(initialized["id"], 1);
    // No encoding offered: UTF-16, the protocol's default.
    assert_eq!(
        initialized["result"]["capabilities"]["positionEncoding"],
        "utf-16"
    );
    assert_eq!(initialized["result"]["serverInfo"]["name"], "disclint");
    send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": URI, "languageId": "plaintext", "version": 1, "text": text}}}),
    );
    let published = read_frame(&mut output);
    assert_eq!(published["method"], "textDocument/publishDiagnostics");
    let diagnostics = &published["params"]["diagnostics"];
    assert_eq!(diagnostics[0]["code"], "C003");
    assert_eq!(diagnostics[0]["range"], range_of(&text, "[2021]", true));
    assert_eq!(diagnostics[0]["severity"], 2);
    assert_eq!(diagnostics[1]["severity"], 1);
    send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    let shut = read_frame(&mut output);
    assert_eq!(
        (shut["id"].clone(), shut["result"].clone()),
        (json!(2), Value::Null)
    );
    send(json!({"jsonrpc": "2.0", "method": "exit"}));
    drop(input);
    let status = server.wait().unwrap();
    let mut log = String::new();
    server
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    assert!(status.success(), "{status}: {log}");
}

#[test]
fn each_document_has_its_nearest_configuration_reloaded_when_it_changes() {
    let folder = std::env::temp_dir().join(format!("disclint-lsp-config-{}", std::process::id()));
    std::fs::create_dir_all(folder.join("drafts")).unwrap();
    let config = folder.join("disclint.toml");
    std::fs::write(&config, "ignore = [\"C003\"]\n").unwrap();
    let options = ServerOptions {
        config: None,
        ..Client::options()
    };
    let (mut client, _) = Client::start(utf16_client(), Value::Null, options);
    let uri = lsp_types::Url::from_file_path(folder.join("drafts/r.txt"))
        .unwrap()
        .to_string();
    client.open(&uri, "plaintext", &report());
    assert_eq!(codes(&client.diagnostics(&uri)), ["A001", "A001"]);
    std::fs::write(&config, "lang = \"en\"\n").unwrap();
    let changed = lsp_types::Url::from_file_path(&config).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": changed, "type": 2}]}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(codes(&published), ["C003", "A001", "A001"]);
    let message = published["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("belongs in 〔〕"), "{message}");
    client.shutdown();
    std::fs::remove_dir_all(&folder).unwrap();
}
