//! `disclint serve` as a process: it starts on a free port (`--bind
//! 127.0.0.1:0`) and says where, stops at start on a bad configuration,
//! finishes the requests in flight on SIGTERM and exits 0, and leaves
//! nothing on disk or in its log of what clients sent.

use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::api::{cli, encode, fresh_dir};
use crate::common;
use crate::http::{connect, get, head, post, read_response};

/// A `disclint serve` process and its log lines.
struct Served {
    child: Child,
    addr: SocketAddr,
    lines: mpsc::Receiver<String>,
    log: Vec<String>,
}

impl Served {
    /// Starts `disclint serve --bind 127.0.0.1:0 --no-config ARGS` in `dir`,
    /// with `dir/tmp` as its temporary folder.
    fn start(dir: &Path, args: &[&str]) -> Served {
        let tmp = dir.join("tmp");
        std::fs::create_dir_all(&tmp).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_disclint"))
            .args(["serve", "--bind", "127.0.0.1:0", "--no-config"])
            .args(args)
            .current_dir(dir)
            .env("TMPDIR", &tmp)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (send, lines) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let first = lines
            .recv_timeout(Duration::from_secs(30))
            .expect("a first line");
        let addr = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|addr| addr.parse().ok())
            .unwrap_or_else(|| panic!("no address in {first:?}"));
        Served {
            child,
            addr,
            lines,
            log: vec![first],
        }
    }

    /// Sends SIGTERM.
    fn terminate(&self) {
        let pid = libc::pid_t::try_from(self.child.id()).unwrap();
        // SAFETY: `kill` has no memory-safety preconditions.
        assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    }

    /// Waits for the exit (at most 30 s); gives the code and the whole log.
    fn wait(mut self) -> (Option<i32>, String) {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "serve did not stop"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(5)) {
            self.log.push(line);
        }
        (status.code(), self.log.join("\n"))
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The number in a Prometheus sample line `name value`.
fn gauge(metrics: &str, name: &str) -> u64 {
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(name)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {name} in {metrics}"))
}

#[cfg(unix)]
#[test]
fn on_sigterm_serve_finishes_the_request_in_flight_and_exits_0() {
    let dir = fresh_dir("sigterm");
    let served = Served::start(&dir, &[]);
    let report = std::fs::read("examples/reports/problems-2024.txt").unwrap();
    // A connection the server has accepted and served once.
    let stream = connect(served.addr);
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    writer.write_all(&head("GET", "/healthz", &[], 0)).unwrap();
    assert_eq!(read_response(&mut reader).status, 200);
    // A check under way: its head and half its body are in.
    let target = format!(
        "/api/v1/check?filename={}",
        encode("examples/reports/problems-2024.txt")
    );
    writer
        .write_all(&head("POST", &target, &[], report.len()))
        .unwrap();
    let half = report.len() / 2;
    writer.write_all(&report[..half]).unwrap();
    let start = Instant::now();
    while gauge(
        &get(served.addr, "/metrics").text(),
        "disclint_requests_in_flight",
    ) < 2
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the check never started"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    served.terminate();
    // Some time for the signal to land before the rest of the body.
    std::thread::sleep(Duration::from_millis(200));
    writer.write_all(&report[half..]).unwrap();
    let answer = read_response(&mut reader);
    assert_eq!(answer.status, 200, "{}", answer.text());
    let (_, expected) = cli(&[
        "check",
        "--no-config",
        "--format",
        "json",
        "examples/reports/problems-2024.txt",
    ]);
    assert_eq!(answer.text(), expected);
    let (code, log) = served.wait();
    assert_eq!(code, Some(0), "{log}");
    assert!(log.contains("shutting down"), "{log}");
    assert!(log.contains("POST /api/v1/check 200"), "{log}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn serve_writes_nothing_a_client_sends_to_disk_or_to_its_log() {
    let dir = fresh_dir("disk");
    let served = Served::start(&dir, &["--lang", "en"]);
    let marker = "CONFIDENTIAL-DRAFT-7781";
    let text = std::fs::read_to_string("examples/reports/problems-2024.txt").unwrap();
    let body = format!("{text}\n{marker}\n");
    let name = encode(&format!("{marker}.txt"));
    let mut uploads = vec![
        (
            format!("/api/v1/check?filename={name}"),
            body.clone().into_bytes(),
        ),
        (
            format!("/api/v1/view?filename={name}"),
            body.clone().into_bytes(),
        ),
        (
            format!("/api/v1/annotate?filename={marker}.docx"),
            crate::api::defective_docx(),
        ),
    ];
    if common::pdftotext() {
        let pdf = std::fs::read("tests/fixtures/inputs/pdf/defects-2024.pdf").unwrap();
        uploads.push((format!("/api/v1/check?filename={marker}.pdf"), pdf));
    }
    for (target, bytes) in &uploads {
        let answer = post(served.addr, target, bytes);
        assert_eq!(
            answer.status,
            200,
            "{target}: {}",
            String::from_utf8_lossy(&answer.body)
        );
    }
    served.terminate();
    let (code, log) = served.wait();
    assert_eq!(code, Some(0), "{log}");
    assert!(!log.contains(marker) && !log.contains("filename"), "{log}");
    assert_eq!(log.matches(" 200 in=").count(), uploads.len(), "{log}");
    // Neither the temporary folder nor the working folder got a file.
    let left: Vec<_> = walk(&dir);
    assert_eq!(left, vec![dir.join("tmp")], "files left: {left:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

/// Everything under `dir`, sorted.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        }
        found.push(path);
    }
    found.sort();
    found
}

#[test]
fn a_bad_configuration_or_address_stops_serve_at_start() {
    let dir = fresh_dir("config");
    let config = dir.join("disclint.toml");
    std::fs::write(&config, "selct = [\"S\"]\n").unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = ["disclint", "serve", "--config", config.to_str().unwrap()];
    let code = disclint::cli::run_with(
        args,
        disclint::cli::Environment::default(),
        &mut out,
        &mut err,
    );
    let err = String::from_utf8(err).unwrap();
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("selct"), "the diagnostic names the key: {err}");
    std::fs::write(&config, "ignore = [\"Q999\"]\n").unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = disclint::cli::run_with(
        args,
        disclint::cli::Environment::default(),
        &mut out,
        &mut err,
    );
    assert_eq!(code, 2);
    assert!(String::from_utf8(err).unwrap().contains("Q999"));
    // An address already taken.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let bind = taken.local_addr().unwrap().to_string();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "disclint",
        "serve",
        "--no-config",
        "--lang",
        "en",
        "--bind",
        &bind,
    ];
    let code = disclint::cli::run_with(
        args,
        disclint::cli::Environment::default(),
        &mut out,
        &mut err,
    );
    let err = String::from_utf8(err).unwrap();
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot listen on"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
}
