//! The service's log: one line per request with its method, path, status,
//! sizes and duration, and a line per caught panic. Nothing a client sent
//! (no query, no file name, no body, no panic message) is ever written.

use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};

/// Where the log lines go (standard error for `disclint serve`, a buffer in
/// tests). Cloning shares the stream.
#[derive(Clone)]
pub struct Log(Arc<Mutex<Box<dyn Write + Send>>>);

impl Log {
    /// A log written to `stream`, a line at a time.
    pub fn to(stream: impl Write + Send + 'static) -> Log {
        Log(Arc::new(Mutex::new(Box::new(stream))))
    }

    /// Writes one line (a failing stream loses it: the service goes on).
    pub fn line(&self, line: &str) {
        let mut stream = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = writeln!(stream, "{line}").and_then(|()| stream.flush());
    }
}

impl std::fmt::Debug for Log {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Log")
    }
}
