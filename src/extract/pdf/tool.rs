//! Running Poppler's `pdftotext` as a subprocess: found once per run,
//! given the PDF through a private temporary file (or, for the checking
//! service, on its standard input), stopped when it takes too long or
//! writes too much. No shell is involved, and no PDF library
//! runs in this process.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// The environment variable that names the `pdftotext` to run, instead of
/// looking for it on `PATH`.
pub const PDFTOTEXT_VARIABLE: &str = "DISCLINT_PDFTOTEXT";

/// How long `pdftotext` may take on one PDF by default.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Where `pdftotext` is found, and how long it may run. Cloning shares the
/// lookup: the search is made once, on the first PDF of a run.
#[derive(Debug, Clone)]
pub struct PdfToText {
    search: Search,
    timeout: Duration,
    handover: Handover,
    found: Arc<OnceLock<Option<PathBuf>>>,
}

/// How the PDF reaches `pdftotext`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Handover {
    /// A private temporary file, removed afterwards (the default).
    PrivateFile,
    /// Its standard input: nothing is written to disk.
    StandardInput,
}

#[derive(Debug, Clone)]
enum Search {
    /// `DISCLINT_PDFTOTEXT` if set, else `pdftotext` on `PATH`.
    Environment,
    /// This program.
    At(PathBuf),
    /// `pdftotext` in these folders only.
    In(Vec<PathBuf>),
}

impl Default for PdfToText {
    fn default() -> Self {
        Self::with(Search::Environment)
    }
}

impl PdfToText {
    fn with(search: Search) -> Self {
        Self {
            search,
            timeout: DEFAULT_TIMEOUT,
            handover: Handover::PrivateFile,
            found: Arc::new(OnceLock::new()),
        }
    }

    /// `DISCLINT_PDFTOTEXT` if it is set, else `pdftotext` on `PATH` (the default).
    pub fn from_environment() -> Self {
        Self::default()
    }

    /// This program, whatever `PATH` says.
    pub fn at(program: impl Into<PathBuf>) -> Self {
        Self::with(Search::At(program.into()))
    }

    /// `pdftotext` looked for in these folders only, as if they were `PATH`.
    pub fn in_folders(folders: Vec<PathBuf>) -> Self {
        Self::with(Search::In(folders))
    }

    /// The same, with another time limit per PDF.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The time limit per PDF.
    pub fn time_limit(&self) -> Duration {
        self.timeout
    }

    /// The same, handing each PDF over on `pdftotext`'s standard input
    /// instead of a temporary file, so that nothing of it is written to disk
    /// (the checking service's way: drafts are confidential).
    pub fn through_standard_input(mut self) -> Self {
        self.handover = Handover::StandardInput;
        self
    }

    /// How each PDF reaches the program.
    pub(super) fn handover(&self) -> Handover {
        self.handover
    }

    /// Where the program was looked for, as the user would say it.
    pub fn searched(&self) -> String {
        match &self.search {
            Search::Environment => match std::env::var_os(PDFTOTEXT_VARIABLE) {
                Some(program) if !program.is_empty() => {
                    format!("{PDFTOTEXT_VARIABLE}={}", Path::new(&program).display())
                }
                _ => "PATH".to_owned(),
            },
            Search::At(program) => program.display().to_string(),
            Search::In(folders) => std::env::join_paths(folders)
                .map(|paths| paths.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    /// The program, found on first use; `None` when there is none.
    pub fn program(&self) -> Option<&Path> {
        self.found
            .get_or_init(|| match &self.search {
                Search::Environment => match std::env::var_os(PDFTOTEXT_VARIABLE) {
                    Some(program) if !program.is_empty() => Some(PathBuf::from(program)),
                    _ => find_in(std::env::split_paths(
                        &std::env::var_os("PATH").unwrap_or_default(),
                    )),
                },
                Search::At(program) => Some(program.clone()),
                Search::In(folders) => find_in(folders.iter().cloned()),
            })
            .as_deref()
    }
}

/// `pdftotext` (`pdftotext.exe` on Windows) in the first of `folders` that
/// has it as a file.
fn find_in(folders: impl Iterator<Item = PathBuf>) -> Option<PathBuf> {
    let name = if cfg!(windows) {
        "pdftotext.exe"
    } else {
        "pdftotext"
    };
    folders
        .map(|folder| folder.join(name))
        .find(|candidate| candidate.is_file())
}

/// Why `pdftotext` gave no text.
#[derive(Debug)]
pub(super) enum Failure {
    /// It could not be started.
    Start(io::Error),
    /// The PDF could not be handed to it (the temporary file).
    Handover(io::Error),
    /// It ran past the time limit and was stopped.
    TimedOut(Duration),
    /// It wrote more than the limit and was stopped.
    TooMuch(u64),
    /// It ended with a failure status.
    Failed {
        /// The exit code, if it exited (not killed by a signal).
        code: Option<i32>,
        /// The start of what it wrote on standard error.
        stderr: String,
    },
}

/// The most of `pdftotext`'s standard error that is kept.
const STDERR_LIMIT: u64 = 16 * 1024;

/// Runs `program -layout -enc UTF-8 FILE -` on a private copy of `pdf`
/// (or `program -layout -enc UTF-8 - -` with `pdf` on its standard input),
/// for at most `timeout`, keeping at most `limit` bytes of output.
pub(super) fn run(
    program: &Path,
    pdf: &[u8],
    handover: Handover,
    timeout: Duration,
    limit: u64,
) -> Result<Vec<u8>, Failure> {
    let file = match handover {
        Handover::PrivateFile => Some(PrivateFile::with(pdf).map_err(Failure::Handover)?),
        Handover::StandardInput => None,
    };
    let mut command = Command::new(program);
    command.args(["-layout", "-enc", "UTF-8"]);
    match &file {
        Some(file) => command.arg(file.path()).stdin(Stdio::null()),
        None => command.arg("-").stdin(Stdio::piped()),
    };
    command
        .arg("-")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Its own process group, so that a stop reaches whatever it started.
        command.process_group(0);
    }
    let mut child = command.spawn().map_err(Failure::Start)?;
    let stdin = child.stdin.take();
    std::thread::scope(|scope| {
        if let Some(mut stdin) = stdin {
            // Written beside the reading: a program that stops reading (or
            // is stopped) ends the write with a broken pipe, and its exit
            // status says what happened.
            scope.spawn(move || {
                let _ = stdin.write_all(pdf);
            });
        }
        collect(&mut child, timeout, limit)
    })
}

/// Reads the output of a started `pdftotext` within `timeout` (at most
/// `limit` bytes) and waits for it to exit; stops it when it takes too long
/// or writes too much.
fn collect(child: &mut Child, timeout: Duration, limit: u64) -> Result<Vec<u8>, Failure> {
    let deadline = Instant::now() + timeout;
    let stdout = drain(child.stdout.take(), limit);
    let stderr = drain(child.stderr.take(), STDERR_LIMIT);
    let output = match stdout.recv_timeout(timeout) {
        Ok(output) => output,
        Err(_) => {
            stop(child);
            return Err(Failure::TimedOut(timeout));
        }
    };
    if output.len() as u64 > limit {
        stop(child);
        return Err(Failure::TooMuch(limit));
    }
    let status = match wait_until(child, deadline) {
        Some(status) => status,
        None => {
            stop(child);
            return Err(Failure::TimedOut(timeout));
        }
    };
    if status.success() {
        return Ok(output);
    }
    let stderr = stderr
        .recv_timeout(Duration::from_millis(200))
        .unwrap_or_default();
    Err(Failure::Failed {
        code: status.code(),
        stderr: String::from_utf8_lossy(&stderr).trim().to_owned(),
    })
}

/// Reads `pipe` to its end (at most `limit` + 1 bytes) on a thread of its
/// own; the bytes arrive on the channel.
fn drain(pipe: Option<impl Read + Send + 'static>, limit: u64) -> mpsc::Receiver<Vec<u8>> {
    let (send, receive) = mpsc::channel();
    if let Some(pipe) = pipe {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            // A read error ends the output as it stands.
            let _ = pipe.take(limit.saturating_add(1)).read_to_end(&mut bytes);
            let _ = send.send(bytes);
        });
    } else {
        let _ = send.send(Vec::new());
    }
    receive
}

/// Waits for the child to exit until `deadline`: its output has ended, so
/// it is exiting; the checks start every 50 µs and slow down to 5 ms.
fn wait_until(child: &mut Child, deadline: Instant) -> Option<ExitStatus> {
    let mut pause = Duration::from_micros(50);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(5));
            }
            _ => return None,
        }
    }
}

/// Kills the child and, on Unix, every process of its group (which hold
/// its output pipes open), then reaps it.
fn stop(child: &mut Child) {
    #[cfg(unix)]
    if let Ok(group) = libc::pid_t::try_from(child.id()) {
        // SAFETY: `kill` has no memory-safety preconditions; a negative pid
        // names the process group the child leads (`process_group(0)`).
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// A file of the system's temporary folder that only this process made
/// (created exclusively, readable by its owner only), removed when dropped.
struct PrivateFile {
    path: PathBuf,
}

impl PrivateFile {
    /// A new private file holding `bytes`.
    fn with(bytes: &[u8]) -> io::Result<PrivateFile> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let folder = std::env::temp_dir();
        let mut attempt = 0;
        loop {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let name = format!(
                "disclint-{}-{}-{nanos}.pdf",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            );
            let path = folder.join(name);
            let mut open = std::fs::OpenOptions::new();
            open.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                open.mode(0o600);
            }
            match open.open(&path) {
                Ok(mut file) => {
                    let file_guard = PrivateFile { path };
                    file.write_all(bytes)?;
                    return Ok(file_guard);
                }
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists && attempt < 16 => {
                    attempt += 1;
                }
                Err(err) => return Err(err),
            }
        }
    }

    fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for PrivateFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_private_file_holds_the_bytes_and_is_removed() {
        let file = PrivateFile::with(b"%PDF-1.4").unwrap();
        let path = file.path().to_path_buf();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.4");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let other = PrivateFile::with(b"").unwrap();
        assert_ne!(other.path(), path);
        drop(file);
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn through_standard_input_the_pdf_is_piped_and_no_file_is_named() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("disclint-stdin-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Echoes its input when it is told to read standard input, and
        // names its arguments otherwise.
        let program = dir.join("pdftotext");
        std::fs::write(
            &program,
            "#!/bin/sh\nif [ \"$4\" = - ]; then cat; else echo \"$@\"; fi\n",
        )
        .unwrap();
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        let pdf = vec![b'%'; 200_000];
        let piped = run(
            &program,
            &pdf,
            Handover::StandardInput,
            Duration::from_secs(10),
            1 << 20,
        );
        assert_eq!(piped.unwrap(), pdf);
        let named = run(
            &program,
            b"%PDF",
            Handover::PrivateFile,
            Duration::from_secs(10),
            1 << 20,
        );
        let named = String::from_utf8(named.unwrap()).unwrap();
        assert!(
            named.contains("disclint-") && named.ends_with(".pdf -\n"),
            "{named}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_program_is_looked_for_once_in_the_folders_given() {
        let dir = std::env::temp_dir().join(format!("disclint-tool-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let tool = PdfToText::in_folders(vec![dir.clone()]);
        let copy = tool.clone();
        assert_eq!(tool.program(), None);
        // Found once: a program put there later is not seen by this run.
        std::fs::write(dir.join("pdftotext"), "").unwrap();
        assert_eq!(copy.program(), None);
        let fresh = PdfToText::in_folders(vec![dir.clone()]);
        assert_eq!(fresh.program(), Some(dir.join("pdftotext").as_path()));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
