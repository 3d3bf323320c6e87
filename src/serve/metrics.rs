//! The service's counters, written for `GET /metrics` in the Prometheus
//! text format: requests by route and status, their durations, findings by
//! code, requests refused by reason, and the requests and checks under way.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// The upper bounds of the duration histogram's buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// A histogram of durations: counts per bucket (not cumulative), sum, count.
#[derive(Debug, Default, Clone)]
struct Histogram {
    buckets: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        if let Some(bucket) = BUCKETS.iter().position(|&bound| seconds <= bound) {
            self.buckets[bucket] += 1;
        }
        self.sum += seconds;
        self.count += 1;
    }
}

/// The counters behind one lock (each update is a few map lookups).
#[derive(Debug, Default)]
struct Counters {
    /// Per route and status.
    requests: BTreeMap<(String, u16), u64>,
    /// Per route.
    durations: BTreeMap<String, Histogram>,
    /// Per rule code.
    findings: BTreeMap<String, u64>,
    /// Per reason (the error code of the answer).
    rejected: BTreeMap<&'static str, u64>,
}

/// The service's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    counters: Mutex<Counters>,
    requests_in_flight: AtomicU64,
    checks_running: AtomicU64,
}

/// Counts one thing under way while it lives.
pub(super) struct Running<'m>(&'m AtomicU64);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Metrics {
    fn counters(&self) -> std::sync::MutexGuard<'_, Counters> {
        self.counters.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A request under way, until the guard drops.
    pub(super) fn request(&self) -> Running<'_> {
        self.requests_in_flight.fetch_add(1, Ordering::SeqCst);
        Running(&self.requests_in_flight)
    }

    /// A check running (it holds a slot), until the guard drops.
    pub(super) fn check(&self) -> Running<'_> {
        self.checks_running.fetch_add(1, Ordering::SeqCst);
        Running(&self.checks_running)
    }

    /// How many checks run now.
    pub fn checks_running(&self) -> u64 {
        self.checks_running.load(Ordering::SeqCst)
    }

    /// Records an answered request: its route (the path pattern, never the
    /// path asked for), status, duration and, when it was refused, why.
    pub(super) fn answered(
        &self,
        route: &str,
        status: u16,
        took: Duration,
        rejected: Option<&'static str>,
    ) {
        let mut counters = self.counters();
        *counters
            .requests
            .entry((route.to_owned(), status))
            .or_default() += 1;
        counters
            .durations
            .entry(route.to_owned())
            .or_default()
            .observe(took.as_secs_f64());
        if let Some(reason) = rejected {
            *counters.rejected.entry(reason).or_default() += 1;
        }
    }

    /// Records the findings of a check.
    pub(super) fn found<'c>(&self, codes: impl Iterator<Item = &'c str>) {
        let mut counters = self.counters();
        for code in codes {
            match counters.findings.get_mut(code) {
                Some(count) => *count += 1,
                None => {
                    counters.findings.insert(code.to_owned(), 1);
                }
            }
        }
    }

    /// The counters in the Prometheus text exposition format (0.0.4).
    pub fn render(&self) -> String {
        let counters = self.counters();
        let mut out = String::new();
        let name = header(
            &mut out,
            "disclint_requests_total",
            "counter",
            "Requests answered, by route and status.",
        );
        for ((route, status), count) in &counters.requests {
            let route = label(route);
            let _ = writeln!(
                out,
                "{name}{{route=\"{route}\",status=\"{status}\"}} {count}"
            );
        }
        let name = header(
            &mut out,
            "disclint_request_duration_seconds",
            "histogram",
            "Time from a request's arrival to its answer, by route.",
        );
        for (route, histogram) in &counters.durations {
            let route = label(route);
            let mut cumulative = 0;
            for (bound, count) in BUCKETS.iter().zip(histogram.buckets) {
                cumulative += count;
                let _ = writeln!(
                    out,
                    "{name}_bucket{{route=\"{route}\",le=\"{bound}\"}} {cumulative}"
                );
            }
            let count = histogram.count;
            let _ = writeln!(
                out,
                "{name}_bucket{{route=\"{route}\",le=\"+Inf\"}} {count}\n{name}_sum{{route=\"{route}\"}} {}\n{name}_count{{route=\"{route}\"}} {count}",
                histogram.sum
            );
        }
        let name = header(
            &mut out,
            "disclint_findings_total",
            "counter",
            "Findings reported by checks, by rule code.",
        );
        for (code, count) in &counters.findings {
            let _ = writeln!(out, "{name}{{code=\"{}\"}} {count}", label(code));
        }
        let name = header(
            &mut out,
            "disclint_rejected_total",
            "counter",
            "Requests refused, by reason (the error code of the answer).",
        );
        for (reason, count) in &counters.rejected {
            let _ = writeln!(out, "{name}{{reason=\"{reason}\"}} {count}");
        }
        let name = header(
            &mut out,
            "disclint_requests_in_flight",
            "gauge",
            "Requests being answered now.",
        );
        let requests = self.requests_in_flight.load(Ordering::SeqCst);
        let _ = writeln!(out, "{name} {requests}");
        let name = header(
            &mut out,
            "disclint_checks_running",
            "gauge",
            "Checks running now (each holds one of the --max-checks slots).",
        );
        let _ = writeln!(out, "{name} {}", self.checks_running());
        out
    }
}

/// Writes the `# HELP` and `# TYPE` lines of a family; gives its name.
fn header<'n>(out: &mut String, name: &'n str, kind: &str, help: &str) -> &'n str {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
    name
}

/// A label value escaped as the text format wants (`\`, `"`, line breaks).
fn label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}
