//! Checks run off the loop's thread, one at a time, so the loop keeps
//! answering while a report is checked. A job whose document has a newer
//! version by the time its turn comes is skipped (the loop drops any result
//! that is not of the latest version, too: a check under way is not
//! interrupted, but never shown once stale). A panic while checking one
//! document is caught and handed back as its message; the checker goes on.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use crossbeam_channel::{unbounded, Receiver, Sender};
use lsp_types::Url;

use super::diagnostics::Convert;
use super::documents::{Content, Snapshot};
use super::settings::Resolved;
use crate::input::{Input, InputOptions};
use crate::line_index::ColumnUnit;
use crate::run::{FileResult, FixMode, Pipeline};
use crate::source::TextEncoding;

/// One check to run.
pub(super) struct Job {
    /// The document.
    pub uri: Url,
    /// Its version, as checked.
    pub snapshot: Arc<Snapshot>,
    /// Its settings.
    pub settings: Arc<Resolved>,
    /// How its findings are converted.
    pub form: Form,
}

/// What the conversion of findings needs from the session.
#[derive(Clone)]
pub(super) struct Form {
    /// The negotiated position encoding.
    pub unit: ColumnUnit,
    /// Whether the client shows related information.
    pub related: bool,
    /// Where docs/rules.md is published.
    pub rules_url: String,
}

/// A check done.
pub(super) struct Done {
    /// The document.
    pub uri: Url,
    /// The version checked.
    pub version: i32,
    /// Its diagnostics, or the message of the panic that stopped the check.
    pub outcome: Result<Vec<lsp_types::Diagnostic>, String>,
}

/// The checking thread's end of the session.
pub(super) struct Checker {
    jobs: Sender<Job>,
    /// The checks done, in the order done.
    pub done: Receiver<Done>,
    /// The latest version of each document asked for.
    latest: Arc<Mutex<HashMap<Url, i32>>>,
}

impl Checker {
    /// Starts the checking thread; it ends when the checker is dropped.
    pub(super) fn start() -> std::io::Result<Checker> {
        let (jobs, receive_jobs) = unbounded::<Job>();
        let (send_done, done) = unbounded();
        let latest = Arc::new(Mutex::new(HashMap::new()));
        let versions = Arc::clone(&latest);
        thread::Builder::new()
            .name("disclint-checker".to_owned())
            .spawn(move || {
                for job in receive_jobs {
                    let current = versions
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .get(&job.uri)
                        .copied();
                    if current != Some(job.snapshot.version) {
                        continue;
                    }
                    let outcome = guard(|| check(&job));
                    let done = Done {
                        uri: job.uri,
                        version: job.snapshot.version,
                        outcome,
                    };
                    if send_done.send(done).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Checker { jobs, done, latest })
    }

    /// Queues a check (any queued check of an older version of the document
    /// is skipped).
    pub(super) fn submit(&self, job: Job) {
        self.versions()
            .insert(job.uri.clone(), job.snapshot.version);
        // The thread only ends with the checker.
        let _ = self.jobs.send(job);
    }

    /// Forgets a closed document: its queued checks are skipped.
    pub(super) fn forget(&self, uri: &Url) {
        self.versions().remove(uri);
    }

    fn versions(&self) -> std::sync::MutexGuard<'_, HashMap<Url, i32>> {
        self.latest.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Runs `work`, turning a panic into its message.
pub(super) fn guard<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_owned())
    })
}

/// One check: the document read as `check` reads a file (a buffer as
/// `check -` reads standard input), its findings converted.
fn check(job: &Job) -> Vec<lsp_types::Diagnostic> {
    let result = process(&job.snapshot, &job.settings, None);
    let settings = &job.settings;
    Convert {
        uri: &job.uri,
        unit: job.form.unit,
        related: job.form.related,
        rules_url: &job.form.rules_url,
        registry: settings.linter.registry(),
        lang: settings.lang,
    }
    .all(&result, job.snapshot.version)
}

/// The library's pipeline on one version of a document: read, lint,
/// suppress, and fix with `fix` (never written: a buffer's fixed text is in
/// the result).
pub(super) fn process(
    snapshot: &Snapshot,
    settings: &Resolved,
    fix: Option<FixMode>,
) -> FileResult {
    let input = InputOptions {
        // The client's buffer is text already, whatever its markup says.
        encoding: Some(TextEncoding::Utf8),
        lang: settings.lang,
        ..InputOptions::default()
    };
    let pipeline = Pipeline {
        linter: &settings.linter,
        input: &input,
        suppressions: settings.suppressions.as_ref(),
        fix,
        keep_report: false,
    };
    match &snapshot.content {
        Content::Buffer => {
            pipeline.process_bytes(&snapshot.name, snapshot.text.as_bytes().to_vec())
        }
        Content::Disk(path) => pipeline.process(&Input::File {
            path: path.clone(),
            root: None,
        }),
    }
}
