//! Replacing a file without ever leaving it half written.
//!
//! New content goes to a temporary file in the same folder (a hidden name,
//! `.NAME.disclint-PID-N.tmp`, that directory walks skip), is flushed to
//! disk, and is then renamed over the original: a reader sees either the old
//! or the new content, never half of it, and a run that fails before the end
//! leaves the original untouched (the temporary file is removed).
//!
//! What stays the same:
//!
//! - **Links.** A symbolic link is followed: its target is replaced, the link
//!   stays. A file with more than one hard link keeps its inode: the rename
//!   would split it from its other names, so instead the temporary file is
//!   completed, read back and checked, and then copied over the original in
//!   place. Every name sees the new content; a reader may see it half
//!   written, but the content is never lost: should writing in place fail,
//!   the original bytes are put back, and should that fail too, the
//!   temporary file (the complete new content) is kept and named in the
//!   error.
//! - **Owner, group and mode** (Unix): the temporary file is given them
//!   before the rename. When the owner cannot be given (only root may give a
//!   file away), the original is written in place as for hard links.
//! - **Read-only files** are not replaced: a file without any write
//!   permission bit is refused ([`ReplaceError::ReadOnly`]), also for root,
//!   who could write it anyway.
//! - **Special files** (devices such as `/dev/null`, named pipes) and paths
//!   of open descriptors (`/dev/stdout`, `/dev/fd/N`) are written directly,
//!   appending; there is nothing to replace.
//!
//! [`Snapshot::replace`] also refuses to replace a file that changed since
//! it was read: the check runs last, right before the rename. No lock is
//! taken, so a write in the moment between that check and the rename is
//! still lost; any earlier one is not.

use std::fs::{self, File, Metadata, OpenOptions};
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Why a file was not replaced. In every case but [`Damaged`](Self::Damaged)
/// the file is as it was.
#[derive(Debug)]
pub enum ReplaceError {
    /// The file has no write permission bit: it is meant to stay as it is.
    ReadOnly,
    /// The file changed since it was read.
    Changed,
    /// The file was deleted (or moved away) since it was read; it is not recreated.
    Vanished,
    /// Reading or writing failed.
    Io(io::Error),
    /// Writing in place failed and the original could not be put back: the
    /// file may be damaged; the complete new content is in `kept`.
    Damaged {
        /// What failed.
        error: io::Error,
        /// The temporary file holding the new content.
        kept: PathBuf,
    },
}

impl From<io::Error> for ReplaceError {
    fn from(error: io::Error) -> Self {
        ReplaceError::Io(error)
    }
}

impl From<ReplaceError> for io::Error {
    fn from(error: ReplaceError) -> Self {
        match error {
            ReplaceError::Io(error) => error,
            ReplaceError::ReadOnly => io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the file is read-only (no write permission bit), so it is left as it is",
            ),
            ReplaceError::Changed => {
                io::Error::other("the file changed while it was being written")
            }
            ReplaceError::Vanished => io::Error::new(
                io::ErrorKind::NotFound,
                "the file was deleted while it was being written",
            ),
            ReplaceError::Damaged { error, kept } => io::Error::new(
                error.kind(),
                format!(
                    "{error}; the file may be damaged, its new content is kept in {}",
                    kept.display()
                ),
            ),
        }
    }
}

/// Writes `bytes` to `path` atomically (see the module documentation).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A file being written: a temporary file beside the target that becomes
/// the target on [`commit`](Self::commit), and is removed if dropped before.
/// A special file (a device, a pipe) is written directly instead.
pub struct AtomicFile {
    file: BufWriter<File>,
    /// `None` for a special file written directly.
    replacement: Option<Replacement>,
}

/// The temporary file of an [`AtomicFile`] and how it is put in place.
struct Replacement {
    /// The file replaced (symbolic links resolved).
    target: PathBuf,
    temp: PathBuf,
    /// Copy over the target instead of renaming (hard links, or an owner
    /// that cannot be kept).
    in_place: bool,
    /// Bytes written and their hash, to check the temporary file (kept
    /// only for a copy in place).
    written: u64,
    hash: DefaultHasher,
    /// Whether the temporary file is gone (renamed, removed) or to be kept.
    settled: bool,
}

impl Drop for Replacement {
    fn drop(&mut self) {
        if !self.settled {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

impl AtomicFile {
    /// Starts writing `path`. Fails when the folder cannot take a new file,
    /// or `path` is a directory or a read-only file.
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        Ok(Self::open(path)?)
    }

    fn open(path: &Path) -> Result<AtomicFile, ReplaceError> {
        let existing = fs::metadata(path).ok();
        if let Some(metadata) = &existing {
            if metadata.is_dir() {
                return Err(io::Error::other("it is a directory").into());
            }
            if !metadata.is_file() || names_a_descriptor(path) {
                // Appending: `--output-file /dev/stdout >> log` must not
                // overwrite the log (a shell's `>` has emptied it already).
                let file = OpenOptions::new().append(true).open(path)?;
                return Ok(AtomicFile {
                    file: BufWriter::new(file),
                    replacement: None,
                });
            }
            if metadata.permissions().readonly() {
                return Err(ReplaceError::ReadOnly);
            }
        }
        let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
        let (temp, file) = loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let temp = dir.join(format!(".{name}.disclint-{}-{n}.tmp", std::process::id()));
            match OpenOptions::new().write(true).create_new(true).open(&temp) {
                Ok(file) => break (temp, file),
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(err) => return Err(err.into()),
            }
        };
        let mut replacement = Replacement {
            target,
            temp,
            in_place: false,
            written: 0,
            hash: DefaultHasher::new(),
            settled: false,
        };
        if let Some(metadata) = &existing {
            replacement.in_place = !take_identity(&file, metadata)?;
        }
        Ok(AtomicFile {
            file: BufWriter::new(file),
            replacement: Some(replacement),
        })
    }

    /// Finishes: flushes to disk and puts the new content in place.
    pub fn commit(self) -> io::Result<()> {
        Ok(self.commit_checked(&mut |_| Ok(()))?)
    }

    /// Finishes, provided `check` (run last, right before the new content
    /// is put in place) passes.
    fn commit_checked(
        self,
        check: &mut dyn FnMut(&Path) -> Result<(), ReplaceError>,
    ) -> Result<(), ReplaceError> {
        let AtomicFile { file, replacement } = self;
        let file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
        let Some(mut replacement) = replacement else {
            return Ok(file.sync_all().or_else(ignore_unsupported)?);
        };
        file.sync_all()?;
        drop(file);
        if replacement.in_place {
            replacement.verify()?;
            check(&replacement.target)?;
            return replacement.copy_in_place();
        }
        check(&replacement.target)?;
        fs::rename(&replacement.temp, &replacement.target)?;
        replacement.settled = true;
        Ok(())
    }
}

/// Whether `path` names an open file descriptor (`/dev/stdout`,
/// `/dev/fd/1`, `/proc/self/fd/1`): written as it is, even when the
/// descriptor is a regular file, which a rename would replace by another.
fn names_a_descriptor(path: &Path) -> bool {
    ["/dev/stdout", "/dev/stderr"]
        .iter()
        .any(|name| path == Path::new(name))
        || ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"]
            .iter()
            .any(|dir| path.starts_with(dir))
}

/// Devices and pipes may not support `fsync`; that is no failure.
fn ignore_unsupported(error: io::Error) -> io::Result<()> {
    match error.kind() {
        io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported => Ok(()),
        _ => Err(error),
    }
}

/// Gives the temporary file the original's owner, group and mode; `false`
/// when the rename would still change the file's identity (more than one
/// hard link, or an owner this process cannot give).
#[cfg(unix)]
fn take_identity(temp: &File, original: &Metadata) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    if original.nlink() > 1 {
        return Ok(false);
    }
    let current = temp.metadata()?;
    if (current.uid(), current.gid()) != (original.uid(), original.gid())
        && std::os::unix::fs::fchown(temp, Some(original.uid()), Some(original.gid())).is_err()
    {
        return Ok(false);
    }
    // After the owner: changing it may clear the set-user-ID bit.
    temp.set_permissions(original.permissions())?;
    Ok(true)
}

/// Gives the temporary file the original's permissions; a rename keeps
/// everything else that matters here.
#[cfg(not(unix))]
fn take_identity(temp: &File, original: &Metadata) -> io::Result<bool> {
    temp.set_permissions(original.permissions())?;
    Ok(true)
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        if let Some(replacement) = self.replacement.as_mut().filter(|r| r.in_place) {
            replacement.written += n as u64;
            replacement.hash.write(&buf[..n]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Replacement {
    /// Reads the temporary file back: it must hold exactly what was written.
    fn verify(&self) -> io::Result<()> {
        let mut file = File::open(&self.temp)?;
        let mut hash = DefaultHasher::new();
        let mut buffer = vec![0; 1 << 16];
        let mut read = 0u64;
        loop {
            let n = file.read(&mut buffer)?;
            if n == 0 {
                break;
            }
            hash.write(&buffer[..n]);
            read += n as u64;
        }
        if read == self.written && hash.finish() == self.hash.finish() {
            Ok(())
        } else {
            Err(io::Error::other(format!(
                "the temporary file {} does not hold what was written",
                self.temp.display()
            )))
        }
    }

    /// Copies the temporary file over the target, keeping its inode; puts
    /// the original back if that fails.
    fn copy_in_place(mut self) -> Result<(), ReplaceError> {
        let original = fs::read(&self.target)?;
        let mut target = OpenOptions::new().write(true).open(&self.target)?;
        let copied = File::open(&self.temp).and_then(|mut temp| overwrite(&mut target, &mut temp));
        match copied {
            Ok(()) => {
                let _ = fs::remove_file(&self.temp);
                self.settled = true;
                Ok(())
            }
            Err(error) => match overwrite(&mut target, &mut original.as_slice()) {
                Ok(()) => Err(error.into()),
                Err(_) => {
                    self.settled = true;
                    Err(ReplaceError::Damaged {
                        error,
                        kept: self.temp.clone(),
                    })
                }
            },
        }
    }
}

/// Replaces the whole content of `file` by what `from` reads, on disk.
fn overwrite(file: &mut File, from: &mut dyn Read) -> io::Result<()> {
    file.rewind()?;
    let len = io::copy(from, file)?;
    file.set_len(len)?;
    file.sync_all()
}

/// What tells one version of a file from another without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// Device and inode: a file replaced by another (an editor's save) differs.
    #[cfg(unix)]
    id: (u64, u64),
}

impl Stamp {
    fn of(metadata: &Metadata) -> Stamp {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            #[cfg(unix)]
            id: (metadata.dev(), metadata.ino()),
        }
    }
}

/// A file as it was read: its bytes, and what it takes to tell whether it
/// is still so (size, modification time, inode, and the bytes themselves).
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The bytes read.
    pub bytes: Vec<u8>,
    stamp: Stamp,
}

impl Snapshot {
    /// Reads `path` (following symbolic links).
    pub fn read(path: &Path) -> io::Result<Snapshot> {
        let mut file = File::open(path)?;
        let stamp = Stamp::of(&file.metadata()?);
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(Snapshot { bytes, stamp })
    }

    /// Replaces `path` by `bytes` atomically (see the module documentation),
    /// unless it is read-only, not a regular file, or no longer what was
    /// read. `before_check` runs once the new content is written, right
    /// before the last check (tests change the file there; otherwise pass
    /// `&mut || {}`).
    pub fn replace(
        &self,
        path: &Path,
        bytes: &[u8],
        before_check: &mut dyn FnMut(),
    ) -> Result<(), ReplaceError> {
        match fs::metadata(path) {
            Ok(metadata) if !metadata.is_file() || names_a_descriptor(path) => {
                return Err(io::Error::other("not a regular file").into())
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReplaceError::Vanished),
            _ => {}
        }
        let mut file = AtomicFile::open(path)?;
        file.write_all(bytes)?;
        file.flush()?;
        before_check();
        file.commit_checked(&mut |target| self.unchanged(target))
    }

    /// Whether `target` is still what was read.
    fn unchanged(&self, target: &Path) -> Result<(), ReplaceError> {
        let metadata = match fs::metadata(target) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReplaceError::Vanished),
            Err(e) => return Err(e.into()),
        };
        if Stamp::of(&metadata) != self.stamp || fs::read(target)? != self.bytes {
            return Err(ReplaceError::Changed);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch folder, removed when dropped.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("disclint-atomic-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            Scratch(dir)
        }

        fn names(&self) -> Vec<String> {
            let mut names: Vec<String> = fs::read_dir(&self.0)
                .unwrap()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let scratch = Scratch::new("replace");
        let path = scratch.0.join("a.txt");
        fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(scratch.names(), ["a.txt"]);
    }

    #[test]
    fn an_unfinished_file_leaves_the_original_untouched() {
        let scratch = Scratch::new("unfinished");
        let path = scratch.0.join("report.json");
        fs::write(&path, "old report").unwrap();
        let mut file = AtomicFile::create(&path).unwrap();
        file.write_all(b"half of a new").unwrap();
        file.flush().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"old report");
        drop(file);
        assert_eq!(fs::read(&path).unwrap(), b"old report");
        assert_eq!(scratch.names(), ["report.json"]);
    }

    #[test]
    fn a_special_file_is_written_directly() {
        let mut file = AtomicFile::create(Path::new("/dev/null")).unwrap();
        file.write_all(b"anything").unwrap();
        file.commit().unwrap();
        let temporary = fs::read_dir("/dev")
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains(".disclint-"));
        assert!(!temporary, "a temporary file in /dev");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_descriptor_that_is_a_regular_file_is_appended_to() {
        let scratch = Scratch::new("descriptor");
        let path = scratch.0.join("log.txt");
        fs::write(&path, "earlier\n").unwrap();
        let log = OpenOptions::new().append(true).open(&path).unwrap();
        let descriptor = format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&log));
        write_atomic(Path::new(&descriptor), b"report\n").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"earlier\nreport\n");
        assert_eq!(scratch.names(), ["log.txt"]);
    }

    #[test]
    fn a_snapshot_replaces_only_what_was_read() {
        let scratch = Scratch::new("snapshot");
        let path = scratch.0.join("r.txt");
        fs::write(&path, "read").unwrap();
        let snapshot = Snapshot::read(&path).unwrap();
        assert_eq!(snapshot.bytes, b"read");

        // Changed after the new content was written, right before the check.
        let error = snapshot
            .replace(&path, b"fixed", &mut || {
                fs::write(&path, "edited meanwhile").unwrap()
            })
            .unwrap_err();
        assert!(matches!(error, ReplaceError::Changed), "{error:?}");
        assert_eq!(fs::read(&path).unwrap(), b"edited meanwhile");

        // The same size and content, but another file (an editor's save by rename).
        fs::write(&path, "read").unwrap();
        let snapshot = Snapshot::read(&path).unwrap();
        let error = snapshot
            .replace(&path, b"fixed", &mut || {
                let other = scratch.0.join("other");
                fs::write(&other, "read").unwrap();
                fs::rename(&other, &path).unwrap();
            })
            .unwrap_err();
        assert!(matches!(error, ReplaceError::Changed), "{error:?}");

        // Deleted: not recreated.
        let snapshot = Snapshot::read(&path).unwrap();
        let error = snapshot
            .replace(&path, b"fixed", &mut || fs::remove_file(&path).unwrap())
            .unwrap_err();
        assert!(matches!(error, ReplaceError::Vanished), "{error:?}");
        assert!(!path.exists());
        assert_eq!(scratch.names(), Vec::<String>::new());

        fs::write(&path, "read").unwrap();
        let snapshot = Snapshot::read(&path).unwrap();
        snapshot.replace(&path, b"fixed", &mut || {}).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"fixed");
        assert_eq!(scratch.names(), ["r.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn read_only_files_are_refused_and_hard_links_kept() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let scratch = Scratch::new("links");
        let path = scratch.0.join("r.txt");
        fs::write(&path, "read").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let snapshot = Snapshot::read(&path).unwrap();
        let error = snapshot.replace(&path, b"fixed", &mut || {}).unwrap_err();
        assert!(matches!(error, ReplaceError::ReadOnly), "{error:?}");
        assert!(write_atomic(&path, b"fixed").is_err());
        assert_eq!(fs::read(&path).unwrap(), b"read");

        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let link = scratch.0.join("link.txt");
        fs::hard_link(&path, &link).unwrap();
        let inode = fs::metadata(&path).unwrap().ino();
        let snapshot = Snapshot::read(&path).unwrap();
        // Changed before the copy in place: refused there too.
        let error = snapshot
            .replace(&path, b"fixed", &mut || fs::write(&link, "other").unwrap())
            .unwrap_err();
        assert!(matches!(error, ReplaceError::Changed), "{error:?}");
        // A temporary file that does not hold what was written is not copied.
        let snapshot = Snapshot::read(&path).unwrap();
        let error = snapshot
            .replace(&path, b"fixed", &mut || {
                for entry in fs::read_dir(&scratch.0).unwrap().flatten() {
                    if entry.file_name().to_string_lossy().ends_with(".tmp") {
                        fs::write(entry.path(), "fix").unwrap();
                    }
                }
            })
            .unwrap_err();
        assert!(matches!(error, ReplaceError::Io(_)), "{error:?}");
        assert_eq!(fs::read(&path).unwrap(), b"other");
        assert_eq!(scratch.names(), ["link.txt", "r.txt"]);
        let snapshot = Snapshot::read(&path).unwrap();
        snapshot
            .replace(&path, b"a longer fixed text", &mut || {})
            .unwrap();
        write_atomic(&path, b"short").unwrap();
        assert_eq!(fs::read(&link).unwrap(), b"short");
        let metadata = fs::metadata(&path).unwrap();
        assert_eq!((metadata.ino(), metadata.nlink()), (inode, 2));
        assert_eq!(metadata.permissions().mode() & 0o777, 0o600);
        assert_eq!(scratch.names(), ["link.txt", "r.txt"]);
    }
}
