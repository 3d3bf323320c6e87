//! The service's limits: how big a body, how long a request, how many
//! checks at once and how long a check waits for its turn.

use std::time::Duration;

/// The limits of `disclint serve` (each a flag of the command).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest body accepted, in bytes (413 beyond).
    pub max_body: usize,
    /// The most time a request may take from its arrival to its answer,
    /// upload included (503 beyond). `pdftotext` gets no more.
    pub time_limit: Duration,
    /// How many checks run at once; the next ones wait their turn.
    pub checks: usize,
    /// How long a check waits for its turn before it is refused (503).
    pub queue_wait: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body: 8 * 1024 * 1024,
            time_limit: Duration::from_secs(30),
            checks: std::thread::available_parallelism().map_or(2, usize::from),
            queue_wait: Duration::from_secs(2),
        }
    }
}
