//! Where `check` writes: the report goes to `--output-file`, else to
//! standard output; the notes (counts, stale suppressions, errors) to
//! standard error. For `check - --fix` standard output carries the fixed
//! report, so the diagnostics go to standard error and the notes after them.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::args::CheckArgs;
use super::report::Failure;
use super::scopes::FileRead;
use crate::atomic_write::AtomicFile;
use crate::input::Input;

/// The streams of one run of `check`, routed.
pub(super) struct Outputs<'o> {
    /// Standard output, buffered and flushed after every file: output
    /// streams file by file without a system call per line.
    out: BufWriter<&'o mut dyn Write>,
    /// Standard error.
    err: &'o mut dyn Write,
    /// `--output-file`, written beside itself and renamed by [`Self::commit_file`].
    file: Option<AtomicFile>,
    /// Whether standard output carries the fixed report (`check - --fix`).
    fixed_stdin: bool,
    /// The notes held back until the diagnostics are on standard error.
    deferred: Vec<u8>,
}

impl<'o> Outputs<'o> {
    /// The streams of a run; `fixed_stdin` for `check - --fix`.
    pub(super) fn new(out: &'o mut dyn Write, err: &'o mut dyn Write, fixed_stdin: bool) -> Self {
        Outputs {
            out: BufWriter::with_capacity(1 << 16, out),
            err,
            file: None,
            fixed_stdin,
            deferred: Vec::new(),
        }
    }

    /// Opens `--output-file`, if asked for, once the inputs are known: it is
    /// not one of them, nor a file that `check` reads.
    /// `read` are the other files the run reads ([`Scopes::files_read`]).
    pub(super) fn open_file(
        &mut self,
        args: &CheckArgs,
        inputs: &[Input],
        read: &[FileRead],
    ) -> Result<(), Failure> {
        let Some(path) = &args.gate.output_file else {
            return Ok(());
        };
        if let Some(conflict) = output_conflict(path, "--output-file", inputs, read) {
            return Err(conflict);
        }
        let file = AtomicFile::create(path).map_err(|e| {
            let path = path.display();
            Failure::new(
                format!(
                    "错误：无法创建 {path}：{}\n",
                    crate::io_error::describe(&e, crate::Lang::Zh)
                ),
                format!("error: cannot create {path}: {e}\n"),
            )
        })?;
        self.file = Some(file);
        Ok(())
    }

    /// Whether the report goes to standard output (and may be coloured).
    pub(super) fn report_is_stdout(&self) -> bool {
        self.file.is_none() && !self.fixed_stdin
    }

    /// Where the report goes.
    pub(super) fn report(&mut self) -> &mut dyn Write {
        match (&mut self.file, self.fixed_stdin) {
            (Some(file), _) => file,
            (None, true) => &mut *self.err,
            (None, false) => &mut self.out,
        }
    }

    /// Where the notes go.
    pub(super) fn notes(&mut self) -> &mut dyn Write {
        match (&self.file, self.fixed_stdin) {
            (None, true) => &mut self.deferred,
            _ => &mut *self.err,
        }
    }

    /// Replaces `--output-file` with the complete report.
    pub(super) fn commit_file(&mut self, args: &CheckArgs) -> Result<(), Failure> {
        let (Some(file), Some(path)) = (self.file.take(), &args.gate.output_file) else {
            return Ok(());
        };
        file.commit().map_err(|e| {
            let path = path.display();
            Failure::new(
                format!(
                    "错误：无法写入 {path}：{}\n",
                    crate::io_error::describe(&e, crate::Lang::Zh)
                ),
                format!("error: cannot write {path}: {e}\n"),
            )
        })
    }

    /// Writes the fixed report of `check - --fix` to standard output.
    pub(super) fn write_fixed(&mut self, fixed: &[u8]) -> Result<(), Failure> {
        if !self.fixed_stdin {
            return Ok(());
        }
        self.out
            .write_all(fixed)
            .and_then(|()| self.out.flush())
            .map_err(|e| {
                Failure::new(
                    format!(
                        "错误：无法把修复后的报告写到标准输出：{}\n",
                        crate::io_error::describe(&e, crate::Lang::Zh)
                    ),
                    format!("error: cannot write the fixed report to standard output: {e}\n"),
                )
            })
    }

    /// Ends the run: standard output is flushed, and the notes held back
    /// follow the diagnostics on standard error, whatever happened before.
    pub(super) fn close(mut self) {
        let _ = self.out.flush();
        let _ = self.err.write_all(&self.deferred);
    }
}

/// What names a file: its device and inode (Unix), else its canonical path.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// What names a file: its device and inode (Unix), else its canonical path.
#[cfg(not(unix))]
fn file_id(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// The absolute path a file not yet there would have.
fn future_path(path: &Path) -> PathBuf {
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(parent), path.file_name()) {
        (Ok(parent), Some(name)) => parent.join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// Whether two paths name the same file: followed through symbolic links,
/// and hard links too (Unix); paths of files not there yet are compared.
fn same_file(a: &Path, b: &Path) -> bool {
    match (file_id(a), file_id(b)) {
        (Some(a), Some(b)) => a == b,
        (None, None) => future_path(a) == future_path(b),
        _ => false,
    }
}

/// Why `output`, named by the option `flag` (`--output-file`, `-o`), may
/// not be written: it is an input, the suppressions file, the configuration
/// file or a rule pack (writing it would destroy it).
pub(super) fn output_conflict(
    output: &Path,
    flag: &str,
    inputs: &[Input],
    read: &[FileRead],
) -> Option<Failure> {
    let shown = output.display();
    // An output not there yet cannot be an input (files found exist).
    if let Some(id) = file_id(output) {
        let input = inputs.iter().find_map(|input| match input {
            Input::File { path, .. } if file_id(path).as_ref() == Some(&id) => Some(path),
            _ => None,
        });
        if let Some(input) = input {
            let input = input.display();
            return Some(Failure::new(
                format!("错误：{flag} {shown} 也是输入文件（{input}），写入会毁掉它；未做任何操作\n"),
                format!("error: {flag} {shown} is also an input ({input}); writing it would destroy it, so nothing was done\n"),
            ));
        }
    }
    for (file, zh, en) in read.iter().map(|(f, zh, en)| (f.as_path(), zh, en)) {
        if same_file(output, file) {
            let file = file.display();
            return Some(Failure::new(
                format!("错误：{flag} {shown} 是{zh}（{file}），写入会毁掉它；未做任何操作\n"),
                format!("error: {flag} {shown} is {en} ({file}); writing it would destroy it, so nothing was done\n"),
            ));
        }
    }
    None
}
