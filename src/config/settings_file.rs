//! Reading the files that configure disclint — `disclint.toml`, rule packs,
//! the suppressions file — without trusting what a path points at.
//!
//! A configuration can name any path (`rule_packs = ["/dev/zero"]`), so
//! [`read`] takes regular files only (a FIFO would block, a device never
//! end, a `/proc` file say it is empty and then print the environment), of
//! bounded size however large the file claims to be, holding UTF-8 text
//! without control characters. And since an error quotes the text it points
//! at, [`not_toml`] tells a file that is not TOML at all — whose text must
//! not be shown — from a TOML file with a mistake in it.

use std::fs::{File, FileType};
use std::io::Read;
use std::path::Path;

use crate::{tr, Lang};

/// The largest configuration file or rule pack read: 4 MiB.
pub const MAX_SIZE: u64 = 4 << 20;

/// What a path names instead of a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A directory.
    Directory,
    /// A named pipe.
    Fifo,
    /// A character device (`/dev/zero`, a terminal).
    CharDevice,
    /// A block device (a disk).
    BlockDevice,
    /// A Unix socket.
    Socket,
    /// Anything else that is not a regular file.
    Other,
}

impl FileKind {
    fn of(file_type: FileType) -> Self {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return FileKind::Fifo;
            }
            if file_type.is_char_device() {
                return FileKind::CharDevice;
            }
            if file_type.is_block_device() {
                return FileKind::BlockDevice;
            }
            if file_type.is_socket() {
                return FileKind::Socket;
            }
        }
        if file_type.is_dir() {
            FileKind::Directory
        } else {
            FileKind::Other
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match self {
            FileKind::Directory => lang.pick("目录", "a directory"),
            FileKind::Fifo => lang.pick("命名管道（FIFO）", "a named pipe (FIFO)"),
            FileKind::CharDevice => lang.pick("字符设备", "a character device"),
            FileKind::BlockDevice => lang.pick("块设备", "a block device"),
            FileKind::Socket => lang.pick("套接字", "a socket"),
            FileKind::Other => lang.pick("特殊文件", "a special file"),
        }
    }
}

/// Why a file was not read, or is not TOML. None of them quotes the file.
#[derive(Debug)]
pub enum FileProblem {
    /// The file could not be opened or read (missing, no permission, …).
    Io(std::io::Error),
    /// The path names something other than a regular file.
    NotRegular(FileKind),
    /// The file says it is empty but has content: a `/proc` or `/sys` file.
    Pseudo,
    /// The file is larger than the cap (in bytes).
    TooLarge(u64),
    /// The text is not UTF-8 from this line (1-based) on.
    NotUtf8 {
        /// The line.
        line: usize,
    },
    /// A control character (other than tab, line feed, carriage return),
    /// which TOML allows nowhere.
    ControlCharacter {
        /// The line (1-based).
        line: usize,
        /// The byte.
        byte: u8,
    },
    /// The TOML syntax is wrong before anything of TOML was read.
    NotToml {
        /// Line of the error (1-based).
        line: usize,
        /// Column of the error, in characters (1-based).
        column: usize,
        /// The parser's message.
        message: String,
    },
}

impl FileProblem {
    /// Whether the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, FileProblem::Io(err) if err.kind() == std::io::ErrorKind::NotFound)
    }

    /// The problem, in `lang`, without the file's name.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FileProblem::Io(err) => crate::io_error::describe(err, lang),
            FileProblem::NotRegular(kind) => tr!(
                lang,
                "不是普通文件（而是{}）",
                "not a regular file (it is {})",
                kind.name(lang)
            ),
            FileProblem::Pseudo => tr!(
                lang,
                "不是普通文件（其大小为 0 却读出了内容，如 /proc 下的文件）",
                "not a regular file (its size is 0 yet it has content, like a file under /proc)"
            ),
            FileProblem::TooLarge(cap) => {
                tr!(lang, "文件大于 {} MiB", "larger than {} MiB", cap >> 20)
            }
            FileProblem::NotUtf8 { line } => tr!(
                lang,
                "第 {} 行不是 UTF-8 文本（TOML 文件须用 UTF-8 编码）",
                "line {} is not UTF-8 text (a TOML file is UTF-8)",
                line
            ),
            FileProblem::ControlCharacter { line, byte } => tr!(
                lang,
                "第 {} 行有控制字符 0x{:02X}，不是 TOML 文本",
                "line {} has the control character 0x{:02X}: not TOML text",
                line,
                byte
            ),
            FileProblem::NotToml {
                line,
                column,
                message,
            } => tr!(
                lang,
                "不是 TOML 文件（第 {} 行第 {} 列：{}）",
                "not a TOML file (line {}, column {}: {})",
                line,
                column,
                message
            ),
        }
    }
}

/// Reads the text of a settings file: a regular file (after following
/// symbolic links) of at most `cap` bytes, read so that a file larger than
/// its size claims cannot exhaust memory, holding UTF-8 text without
/// control characters.
pub fn read(path: &Path, cap: u64) -> Result<String, FileProblem> {
    // Checked before opening: opening a FIFO blocks until someone writes.
    let metadata = std::fs::metadata(path).map_err(FileProblem::Io)?;
    if !metadata.is_file() {
        return Err(FileProblem::NotRegular(FileKind::of(metadata.file_type())));
    }
    let file = File::open(path).map_err(FileProblem::Io)?;
    // And again for the file opened, in case the path changed in between.
    let metadata = file.metadata().map_err(FileProblem::Io)?;
    if !metadata.is_file() {
        return Err(FileProblem::NotRegular(FileKind::of(metadata.file_type())));
    }
    if metadata.len() > cap {
        return Err(FileProblem::TooLarge(cap));
    }
    let mut bytes = Vec::new();
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(FileProblem::Io)?;
    if bytes.len() as u64 > cap {
        return Err(FileProblem::TooLarge(cap));
    }
    if metadata.len() == 0 && !bytes.is_empty() {
        return Err(FileProblem::Pseudo);
    }
    let line_at = |bytes: &[u8], at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let text = String::from_utf8(bytes).map_err(|err| FileProblem::NotUtf8 {
        line: line_at(err.as_bytes(), err.utf8_error().valid_up_to()),
    })?;
    if let Some(at) = text
        .bytes()
        .position(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f)
    {
        return Err(FileProblem::ControlCharacter {
            line: line_at(text.as_bytes(), at),
            byte: text.as_bytes()[at],
        });
    }
    Ok(text)
}

/// Given a text that did not load, the problem to report instead of the
/// parser's error when the text is not TOML at all: its syntax is wrong
/// before a single key or table was read (a password file, a shell script,
/// a binary). `None` when the text is TOML syntax (the error is about its
/// content) or the lines before the error are a TOML document: then the
/// error may quote the text.
pub fn not_toml(text: &str) -> Option<FileProblem> {
    let err = text.parse::<toml::Table>().err()?;
    let at = err.span().map_or(0, |span| span.start);
    let before = text.get(..at).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let read_before = text[..line_start]
        .parse::<toml::Table>()
        .is_ok_and(|table| !table.is_empty());
    if read_before {
        return None;
    }
    Some(FileProblem::NotToml {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        message: err.message().lines().collect::<Vec<_>>().join("; "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_toml_tells_other_files_from_toml_with_a_mistake() {
        for other in [
            "root:x:0:0:root:/root:/bin/bash\n",
            "#!/bin/sh\nexport TOKEN=abc\n",
            "[pack\nname = \"x\"\n",
            "\n\n  garbage here\n",
        ] {
            assert!(not_toml(other).is_some(), "{other:?}");
        }
        for toml in [
            "a = 1\n",
            "a = 1\nb = \n",
            "[pack]\nname = \"x\"\nbad line\n",
            "unknown = 3\n",
        ] {
            assert!(not_toml(toml).is_none(), "{toml:?}");
        }
        let Some(FileProblem::NotToml { line, column, .. }) = not_toml("# 注释\n\"键\" 值\n")
        else {
            panic!("not TOML");
        };
        assert_eq!((line, column), (2, 5));
    }

    #[test]
    fn read_refuses_what_is_not_plain_text() {
        let dir = std::env::temp_dir().join(format!("disclint-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = |name: &str, bytes: &[u8]| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        };
        assert_eq!(read(&file("ok", b"a = 1\r\n"), 16).unwrap(), "a = 1\r\n");
        assert!(matches!(
            read(&file("big", &[b'#'; 17]), 16),
            Err(FileProblem::TooLarge(16))
        ));
        assert!(matches!(
            read(&file("nul", b"a = 1\n\0"), 16),
            Err(FileProblem::ControlCharacter { line: 2, byte: 0 })
        ));
        assert!(matches!(
            read(&file("gbk", b"a = 1\n\xd6\xd0\n"), 16),
            Err(FileProblem::NotUtf8 { line: 2 })
        ));
        assert!(matches!(
            read(&dir, 16),
            Err(FileProblem::NotRegular(FileKind::Directory))
        ));
        assert!(read(&dir.join("missing"), 16).unwrap_err().is_not_found());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
