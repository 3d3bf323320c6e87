//! The time from `didChange` to `publishDiagnostics` in `disclint server`,
//! for a typical (10 KB) synthetic report: the server runs in memory, and
//! each round types one character (an incremental change) and waits for the
//! diagnostics of that version. Prints the median and the slowest round,
//! with the debounce given (default 0 ms: the check alone).
//!
//! `cargo run --release --example lsp_latency -- [ROUNDS] [DEBOUNCE_MS]`

use std::time::{Duration, Instant};

use disclint::config::Config;
use disclint::lsp::{run, Connection, ServerOptions};
use disclint::synth::{Rendering, Rng, SynthReport};
use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{json, Value};

fn notify(connection: &Connection, method: &str, params: Value) {
    let notification = Notification::new(method.to_owned(), params);
    connection.sender.send(notification.into()).unwrap();
}

/// Waits for the diagnostics of `version`.
fn published(connection: &Connection, version: i32) {
    loop {
        if let Message::Notification(n) = connection.receiver.recv().unwrap() {
            if n.method == "textDocument/publishDiagnostics" && n.params["version"] == version {
                return;
            }
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: i32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(50);
    let debounce: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut report = SynthReport::consistent(&mut Rng::new(1), 2024);
    // About 150 bytes each, on a fixed part of about 4 KB: 10 KB in all (as
    // the corpus of docs/performance.md).
    report.filler_paragraphs = 6 * 1024 / 150;
    let text = report.render(Rendering::SeedPipes);
    let (client, server) = Connection::memory();
    let options = ServerOptions {
        config: Some(Config::default()),
        debounce: Duration::from_millis(debounce),
        ..ServerOptions::default()
    };
    let session = std::thread::spawn(move || run(server, options));
    let initialize = Request::new(
        RequestId::from(1),
        "initialize".to_owned(),
        json!({"capabilities": {}}),
    );
    client.sender.send(initialize.into()).unwrap();
    let _ = client.receiver.recv().unwrap();
    notify(&client, "initialized", json!({}));
    let uri = "file:///virtual/report.txt";
    notify(
        &client,
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    published(&client, 1);
    let mut times = Vec::new();
    // Type into the last paragraph, one character a round (the title and
    // the figures stay as they were: every round checks a whole report).
    let last = text.trim_end().lines().count() - 1;
    for version in 2..rounds + 2 {
        let at = json!({"line": last, "character": 0});
        let change = json!({
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": at, "end": at}, "text": "此"}]
        });
        let start = Instant::now();
        notify(&client, "textDocument/didChange", change);
        published(&client, version);
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "{} bytes, {} rounds, debounce {} ms: median {:.2} ms, slowest {:.2} ms",
        text.len(),
        rounds,
        debounce,
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0
    );
    let shutdown = Request::new(RequestId::from(2), "shutdown".to_owned(), Value::Null);
    client.sender.send(shutdown.into()).unwrap();
    notify(&client, "exit", Value::Null);
    drop(client);
    let _ = session.join();
}
