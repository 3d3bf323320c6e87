//! A bounded load test of `disclint serve`, against 127.0.0.1 only.
//!
//! It starts the server binary on a free loopback port (`--bind
//! 127.0.0.1:0`), has `--clients` threads post real-size reports (64
//! synthetic reports of 8 to 12 KB in four table renderings, and 16 of them
//! as web pages) to `POST /api/v1/check` until `--requests` are answered or
//! `--seconds` have passed, then prints requests/s, the latency percentiles
//! and the server's peak RSS (`VmHWM`), and stops it with SIGTERM.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example load_test -- --clients 8 --requests 4000 --seconds 60
//! ```
//!
//! `--max-checks N` is passed to the server; `--query '&ignore=X003'` adds
//! parameters to every request (a request with rules of its own gets a
//! linter of its own).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use disclint::synth::{Rendering, Rng, SynthReport};

/// The options.
struct Options {
    clients: usize,
    requests: usize,
    seconds: u64,
    server: String,
    max_checks: Option<usize>,
    /// More query parameters (`&ignore=X003`: a linter per request).
    query: String,
}

fn options() -> Options {
    let mut options = Options {
        clients: 8,
        requests: 2000,
        seconds: 60,
        server: "target/release/disclint".into(),
        max_checks: None,
        query: String::new(),
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).map(String::as_str).unwrap_or_default();
        let number = || value.parse::<usize>().expect("a number");
        match pair[0].as_str() {
            "--clients" => options.clients = number().max(1),
            "--requests" => options.requests = number(),
            "--seconds" => options.seconds = number() as u64,
            "--server" => options.server = value.to_owned(),
            "--max-checks" => options.max_checks = Some(number()),
            "--query" => options.query = value.to_owned(),
            other => panic!("unknown option {other}"),
        }
    }
    options
}

/// The reports posted: text renderings of synthetic reports.
fn reports() -> Vec<(String, Vec<u8>)> {
    let renderings = [
        Rendering::SeedPipes,
        Rendering::Markdown,
        Rendering::Tabs,
        Rendering::CellPerLine,
    ];
    (0..64)
        .map(|seed| {
            let mut report = SynthReport::consistent(&mut Rng::new(seed), 2024);
            // 8 to 12 KB, as benches/corpus.sh sizes its reports: a filler
            // paragraph is about 150 bytes, the fixed part about 4 KB.
            report.filler_paragraphs = (8 * 1024 + seed as usize * 64 - 4 * 1024) / 150;
            let text = report.render(renderings[seed as usize % renderings.len()]);
            (format!("report-{seed}.txt"), text.into_bytes())
        })
        .collect()
}

/// One `POST /api/v1/check` on a connection of its own; the status.
fn post(addr: SocketAddr, target: &str, body: &[u8]) -> std::io::Result<u16> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    let head = format!(
        "POST {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer)?;
    let status = answer
        .split(|&b| b == b' ')
        .nth(1)
        .and_then(|s| std::str::from_utf8(s).ok()?.parse().ok())
        .unwrap_or(0);
    Ok(status)
}

/// The peak resident set of a process, in KiB.
fn peak_rss(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn main() {
    let options = options();
    let mut command = Command::new(&options.server);
    command.args(["serve", "--bind", "127.0.0.1:0", "--no-config"]);
    if let Some(n) = options.max_checks {
        command.args(["--max-checks", &n.to_string()]);
    }
    let mut server = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the server binary (cargo build --release)");
    let mut lines = BufReader::new(server.stderr.take().unwrap()).lines();
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    let addr: SocketAddr = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("no address in {first:?}"));
    assert!(
        addr.ip().is_loopback(),
        "the load test targets 127.0.0.1 only"
    );
    // The access log is read (and dropped) so that the server never blocks on it.
    std::thread::spawn(move || for _ in lines {});

    let mut reports = reports();
    let pages: Vec<(String, Vec<u8>)> = reports
        .iter()
        .take(16)
        .map(|(name, text)| {
            let text = String::from_utf8_lossy(text);
            (name.replace(".txt", ".html"), page(&text))
        })
        .collect();
    reports.extend(pages);
    let reports = Arc::new(reports);
    let size: usize = reports.iter().map(|(_, b)| b.len()).sum::<usize>() / reports.len();

    let issued = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs(options.seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..options.clients)
        .map(|_| {
            let (issued, reports) = (Arc::clone(&issued), Arc::clone(&reports));
            let limit = options.requests;
            let query = options.query.clone();
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let mut failures = 0;
                loop {
                    let n = issued.fetch_add(1, Ordering::SeqCst);
                    if n >= limit || Instant::now() >= deadline {
                        break;
                    }
                    let (name, body) = &reports[n % reports.len()];
                    let sent = Instant::now();
                    let target = format!("/api/v1/check?filename={name}{query}");
                    match post(addr, &target, body) {
                        Ok(200) => latencies.push(sent.elapsed()),
                        _ => failures += 1,
                    }
                }
                (latencies, failures)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut failures = 0;
    for worker in workers {
        let (mut l, f) = worker.join().unwrap();
        latencies.append(&mut l);
        failures += f;
    }
    let elapsed = started.elapsed();
    let rss = peak_rss(server.id());
    // SAFETY: `kill` has no memory-safety preconditions.
    #[cfg(unix)]
    unsafe {
        libc::kill(server.id() as libc::pid_t, libc::SIGTERM);
    }
    let _ = server.wait();

    latencies.sort();
    let at = |q: f64| {
        let i = ((latencies.len() as f64 - 1.0) * q).round() as usize;
        latencies.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!("clients {}", options.clients);
    println!(
        "answered {} (failed {failures}) in {:.2} s",
        latencies.len(),
        elapsed.as_secs_f64()
    );
    println!(
        "mean body {size} bytes ({} reports, a fifth of them web pages)",
        reports.len()
    );
    println!(
        "requests/s {:.0}",
        latencies.len() as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
    match rss {
        Some(kib) => println!("server peak RSS {:.1} MiB", kib as f64 / 1024.0),
        None => println!("server peak RSS unknown (no /proc)"),
    }
}

/// A report's text as a web page (one paragraph per line), as a CMS
/// publishes it.
fn page(text: &str) -> Vec<u8> {
    let mut html = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>报告</title></head><body><div class=\"article\">\n");
    for line in text.lines() {
        let line = line.replace('&', "&amp;").replace('<', "&lt;");
        html.push_str(&format!("<p>{line}</p>\n"));
    }
    html.push_str("</div></body></html>\n");
    html.into_bytes()
}
