//! Stage 1 for a batch: which files to read, and reading each into a [`SourceFile`].
//!
//! Problems with the input are diagnostics too (family `I`), so that a bad
//! file is reported like any other finding and does not stop the others.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::extract::PdfToText;
use crate::rules::input::{InputTooLarge, NoInputMatched, UnreadablePath};
use crate::rules::Rule;
use crate::source::{SourceFile, TextEncoding};
use crate::span::Span;
use crate::{tr, Lang};

/// How inputs are found and read.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// Force an encoding instead of detecting it.
    pub encoding: Option<TextEncoding>,
    /// Files larger than this many bytes are not read.
    pub max_file_size: u64,
    /// File extensions (without dot) a directory is searched for.
    pub extensions: Vec<String>,
    /// Follow symbolic links met in walks and globs (`--follow`). Links named
    /// on the command line are read either way.
    pub follow: bool,
    /// Message language.
    pub lang: Lang,
    /// The `pdftotext` PDFs are read with (looked up once, on first use).
    pub pdftotext: PdfToText,
}

impl Default for InputOptions {
    fn default() -> Self {
        Self {
            encoding: None,
            max_file_size: 32 * 1024 * 1024,
            extensions: ["txt", "md", "html", "htm", "shtml", "docx", "pdf"]
                .map(String::from)
                .to_vec(),
            follow: false,
            lang: Lang::Zh,
            pdftotext: PdfToText::default(),
        }
    }
}

/// One thing to lint: a file found, or an input that failed before reading.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file to read.
    File {
        /// The path, as given or as found.
        path: PathBuf,
        /// For a file found in a walk or a glob, the folder searched
        /// (canonical): fixes are written only while the file resolves
        /// inside it ([`check_fix_target`]). `None` for a file named on the
        /// command line.
        root: Option<PathBuf>,
    },
    /// An input that failed before reading: an argument that matched
    /// nothing (I005), or a folder or entry met in a walk or a glob that
    /// could not be read (I004).
    Failed {
        /// The argument as given, or the path met.
        path: String,
        /// What went wrong.
        diagnostic: Diagnostic,
    },
}

impl Input {
    /// The path, to sort and deduplicate by.
    fn path(&self) -> &Path {
        match self {
            Input::File { path, .. } => path,
            Input::Failed { path, .. } => Path::new(path),
        }
    }

    /// The path shown in output.
    pub fn display_path(&self) -> String {
        match self {
            Input::File { path, .. } => path.display().to_string(),
            Input::Failed { path, .. } => path.clone(),
        }
    }
}

/// A diagnostic of input rule `rule` (family `I`), with the code, name and
/// severity of its metadata; the pipeline applies the run's selection,
/// severities and per-file-ignores to it ([`crate::lint::Linter::admit_input`]).
pub(crate) fn input_diagnostic(rule: &dyn Rule, message: String, help: String) -> Diagnostic {
    let meta = rule.meta();
    Diagnostic {
        code: meta.code.to_string(),
        name: meta.name.to_string(),
        severity: meta.severity,
        message,
        help: Some(help),
        span: Span::new(0, 0),
        labels: Vec::new(),
        fix: None,
    }
}

/// Expands arguments into inputs: files as given, directories recursively
/// (matching extensions, skipping hidden and git-ignored entries), glob
/// patterns (matched directories are walked too). Symbolic links met in
/// walks and globs are followed only with [`InputOptions::follow`]. Sorted by
/// path within each argument; duplicates removed. A directory that cannot be
/// read, met anywhere, is an input that failed (I004).
pub fn expand(arguments: &[String], options: &InputOptions) -> Vec<Input> {
    let lang = options.lang;
    let mut inputs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for argument in arguments {
        let path = Path::new(argument);
        let mut found: Vec<Input> = Vec::new();
        if path.is_dir() {
            walk(path, &canonical_root(path), options, &mut found);
        } else if path.exists() || !has_glob_chars(argument) {
            found.push(Input::File {
                path: path.to_path_buf(),
                root: None,
            });
        } else if let Err(err) = expand_glob(argument, options, &mut found) {
            inputs.push(no_input(
                argument,
                tr!(
                    lang,
                    "无效的通配符模式：{}",
                    "invalid glob pattern: {}",
                    err
                ),
                tr!(lang, "检查模式的写法", "check the pattern's syntax"),
            ));
            continue;
        }
        if found.is_empty() {
            inputs.push(no_input(
                argument,
                tr!(
                    lang,
                    "“{}”没有匹配到任何报告文件",
                    "“{}” matched no report file",
                    argument
                ),
                tr!(
                    lang,
                    "检查路径或模式；目录中只查找扩展名为 {} 的文件",
                    "check the path or pattern; directories are searched for {} files",
                    options.extensions.join("/")
                ),
            ));
            continue;
        }
        found.sort_by(|a, b| a.path().cmp(b.path()));
        for input in found {
            if seen.insert(input.path().to_path_buf()) {
                inputs.push(input);
            }
        }
    }
    inputs
}

/// An argument that names no input (I005).
fn no_input(argument: &str, message: String, help: String) -> Input {
    Input::Failed {
        path: argument.to_owned(),
        diagnostic: input_diagnostic(&NoInputMatched, message, help),
    }
}

fn has_glob_chars(argument: &str) -> bool {
    argument.contains(['*', '?', '['])
}

/// Directory depth beyond which the walk stops.
const MAX_DEPTH: usize = 64;

/// Finds the report files under `dir`: entries with one of the extensions,
/// skipping hidden entries and whatever `.gitignore`/`.ignore` files exclude
/// (also outside a git repository). Symbolic links are not followed unless
/// [`InputOptions::follow`]; then a link that leads back to an ancestor is
/// skipped, so loops never hang. `root` is the folder searched, recorded in
/// each file found.
fn walk(dir: &Path, root: &Path, options: &InputOptions, found: &mut Vec<Input>) {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(false)
        .git_global(false)
        .require_git(false)
        .follow_links(options.follow)
        .max_depth(Some(MAX_DEPTH))
        .build();
    for entry in walker {
        match entry {
            // Not only regular files: a FIFO or a device named like a report is
            // kept, so that reading it says what it is (I004) without opening it.
            // A link not followed is skipped.
            Ok(entry) => {
                let listed = entry
                    .file_type()
                    .is_some_and(|kind| !kind.is_dir() && !kind.is_symlink());
                let path = entry.into_path();
                if listed && has_extension(&path, &options.extensions) {
                    found.push(Input::File {
                        path,
                        root: Some(root.to_path_buf()),
                    });
                }
            }
            Err(err) => found.extend(walk_error(&err, options, |path| {
                has_extension(path, &options.extensions)
            })),
        }
    }
}

/// How glob patterns match, as with the `glob` crate's `glob()`: wildcards
/// do not cross `/`, and match names that start with a dot.
const GLOB_MATCH: glob::MatchOptions = glob::MatchOptions {
    case_sensitive: true,
    require_literal_separator: true,
    require_literal_leading_dot: false,
};

/// Expands a glob pattern: walks the folder named by its leading components
/// without wildcards, pruning folders that cannot match, and takes the
/// entries the pattern matches (folders matched are walked as above). Links
/// are followed only with [`InputOptions::follow`], loops are skipped, and
/// unreadable folders are inputs that failed (I004), as in a walk. A
/// trailing `/` or `/**` matches folders only: `reports/**` is `reports`.
fn expand_glob(
    argument: &str,
    options: &InputOptions,
    found: &mut Vec<Input>,
) -> Result<(), glob::PatternError> {
    let (argument, only_dirs) = folders_only(argument);
    if !has_glob_chars(argument) {
        let dir = Path::new(if argument.is_empty() { "." } else { argument });
        if dir.is_dir() {
            walk(dir, &canonical_root(dir), options, found);
        }
        return Ok(());
    }
    let pattern = glob::Pattern::new(argument)?;
    let wildcard = argument.find(['*', '?', '[']).unwrap_or(0);
    let base_len = argument[..wildcard]
        .rfind(std::path::is_separator)
        .map_or(0, |i| i + 1);
    let (base, rest) = argument.split_at(base_len);
    // The components after the base, up to the first `**`: a folder at depth
    // d (1-based) can only lead to a match if its name matches the d-th.
    let components: Vec<glob::Pattern> = rest
        .split(std::path::is_separator)
        .take_while(|component| *component != "**")
        .map(glob::Pattern::new)
        .collect::<Result<_, _>>()?;
    let recursive = rest.split(std::path::is_separator).any(|c| c == "**");
    let start = match base.trim_end_matches(std::path::is_separator) {
        "" if base.is_empty() => Path::new("."),
        "" => Path::new(base),
        folder => Path::new(folder),
    };
    if std::fs::metadata(start).is_err_and(|err| err.kind() == std::io::ErrorKind::NotFound) {
        return Ok(());
    }
    let root = canonical_root(start);
    let depth = if recursive {
        MAX_DEPTH
    } else {
        components.len()
    };
    let prune = components.clone();
    let walker = ignore::WalkBuilder::new(start)
        .standard_filters(false)
        .follow_links(options.follow)
        .max_depth(Some(depth))
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|kind| kind.is_dir());
            match (entry.depth(), is_dir) {
                (0, _) | (_, false) => true,
                (depth, true) => prune.get(depth - 1).is_none_or(|component| {
                    entry
                        .file_name()
                        .to_str()
                        .is_some_and(|name| component.matches_with(name, GLOB_MATCH))
                }),
            }
        })
        .build();
    // Paths as the pattern sees them: without `./` when walking `.`.
    let shown = |path: &Path| {
        if base.is_empty() {
            path.strip_prefix(".").unwrap_or(path).to_path_buf()
        } else {
            path.to_path_buf()
        }
    };
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                found.extend(walk_error(&err, options, |path| {
                    pattern.matches_path_with(&shown(path), GLOB_MATCH)
                }));
                continue;
            }
        };
        let Some(kind) = entry.file_type() else {
            continue;
        };
        // The base is named, not matched; a link not followed is skipped.
        if entry.depth() == 0 || kind.is_symlink() {
            continue;
        }
        let path = shown(entry.path());
        if !pattern.matches_path_with(&path, GLOB_MATCH) {
            continue;
        }
        if kind.is_dir() {
            walk(&path, &root, options, found);
        } else if !only_dirs {
            found.push(Input::File {
                path,
                root: Some(root.clone()),
            });
        }
    }
    Ok(())
}

/// A pattern without its trailing separators and `**` components, and
/// whether there were any (then only folders match).
fn folders_only(mut pattern: &str) -> (&str, bool) {
    let mut only_dirs = false;
    loop {
        let trimmed = pattern.trim_end_matches(std::path::is_separator);
        if trimmed.len() < pattern.len() && !trimmed.is_empty() {
            (pattern, only_dirs) = (trimmed, true);
        } else if let Some(prefix) = pattern
            .strip_suffix("**")
            .filter(|p| p.is_empty() || p.ends_with(std::path::is_separator))
        {
            (pattern, only_dirs) = (prefix, true);
        } else {
            return (pattern, only_dirs);
        }
    }
}

/// The folder a walk or a glob searches, canonical, to compare the files
/// found against when writing fixes. If it cannot be resolved, the path as
/// given: then no file resolves inside it and no fix is written.
fn canonical_root(dir: &Path) -> PathBuf {
    std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
}

/// Whether fixes may be written to `path`, found under `root` (see
/// [`Input::File`]): only while it resolves inside that folder. A link
/// followed with `--follow` (or put in place since) to a file outside is
/// refused, with the reason. A file named on the command line (`root` is
/// `None`) is written, through a link if it is one.
pub fn check_fix_target(path: &Path, root: Option<&Path>, lang: Lang) -> Result<(), String> {
    let Some(root) = root else {
        return Ok(());
    };
    match std::fs::canonicalize(path) {
        Ok(target) if target.starts_with(root) => Ok(()),
        Ok(target) => Err(tr!(
            lang,
            "未写入修复：此路径经由符号链接指向所检查的目录“{1}”之外的“{0}”；要修复，请直接指定该文件",
            "fixes not written: this path leads through a symbolic link to “{}”, outside the searched folder “{}”; name that file to fix it",
            target.display(),
            root.display()
        )),
        Err(err) => Err(tr!(
            lang,
            "未写入修复：无法确定文件的实际位置：{}",
            "fixes not written: cannot tell where the file really is: {}",
            err
        )),
    }
}

/// The input a walk error stands for: the path it is about, as an input that
/// failed (I004), or `None` for a link loop (skipped, so that loops end) and
/// for errors in `.gitignore` files (the walk goes on without their rules;
/// unlike the walker's own errors, they carry no depth).
/// A folder that cannot be read is reported whatever its name: its reports
/// would be lost silently. An entry that is not there (a broken link, a file
/// removed meanwhile) is reported only if `wanted`: named like a report in a
/// walk, matching the pattern in a glob.
fn walk_error(
    err: &ignore::Error,
    options: &InputOptions,
    wanted: impl Fn(&Path) -> bool,
) -> Option<Input> {
    if err.is_partial() || err.depth().is_none() {
        return None;
    }
    let (path, err) = (error_path(err)?, err.io_error()?);
    if err.kind() == std::io::ErrorKind::NotFound && !wanted(path) {
        return None;
    }
    let lang = options.lang;
    let name = path.display().to_string();
    let mut diagnostic = unreadable_path(&name, crate::io_error::describe(err, lang), lang);
    if path.is_dir() {
        diagnostic.message = tr!(
            lang,
            "无法读取目录“{}”：{}",
            "cannot read the folder “{}”: {}",
            name,
            err
        );
        diagnostic.help = Some(tr!(
            lang,
            "检查目录是否可以列出和进入（r 与 x 权限）；其中的报告没有检查",
            "check that the folder may be listed and entered (r and x permissions); the reports in it were not checked"
        ));
    }
    Some(Input::Failed {
        path: name,
        diagnostic,
    })
}

/// The path a walk error is about, unless it is a link loop.
fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Why a `--max-file-size` is not a size, told in either language
/// (`Display` in English, as clap shows it; [`SizeError::message`] in Chinese).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SizeError {
    /// The text does not start with a number.
    NotASize(String),
    /// The unit is not K, M or G.
    UnknownUnit(String),
    /// The size does not fit in 64 bits.
    TooLarge(String),
}

impl SizeError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SizeError::NotASize(text) => tr!(
                lang,
                "“{}”不是大小（例如 1048576、512K、32M）",
                "“{}” is not a size (examples: 1048576, 512K, 32M)",
                text
            ),
            SizeError::UnknownUnit(unit) => tr!(
                lang,
                "未知的单位“{}”（可用 K、M 或 G）",
                "unknown size unit “{}” (use K, M or G)",
                unit
            ),
            SizeError::TooLarge(text) => tr!(lang, "“{}”太大", "“{}” is too large", text),
        }
    }
}

impl std::fmt::Display for SizeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SizeError {}

/// Parses a size for `--max-file-size`: bytes, or a number with `K`, `M` or
/// `G` (binary units, optionally followed by `iB` or `B`): `32M`, `512KiB`.
pub fn parse_size(text: &str) -> Result<u64, SizeError> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| SizeError::NotASize(text.to_owned()))?;
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        other => return Err(SizeError::UnknownUnit(other.to_owned())),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| SizeError::TooLarge(text.to_owned()))
}

/// Reads and decodes one file, or says why it cannot be.
///
/// Only a regular file (or a link to one) is read. Its metadata is looked at
/// before it is opened, so that a FIFO with no writer cannot block the run
/// and a device is not opened at all; on Unix the file is also opened
/// without blocking and checked again, in case it was replaced meanwhile.
pub fn read_file(path: &Path, options: &InputOptions) -> Result<SourceFile, Box<Diagnostic>> {
    let lang = options.lang;
    let name = path.display().to_string();
    let unreadable = |err: std::io::Error| {
        Box::new(unreadable_path(
            &name,
            crate::io_error::describe(&err, lang),
            lang,
        ))
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    not_a_regular_file(&name, &metadata, lang)?;
    let too_large = |size: u64| {
        Box::new(input_diagnostic(
            &InputTooLarge,
            tr!(
                lang,
                "文件大小为 {} 字节，超过上限 {} 字节",
                "the file has {} bytes, over the limit of {} bytes",
                size,
                options.max_file_size
            ),
            tr!(
                lang,
                "用 --max-file-size 调高上限",
                "raise the limit with --max-file-size"
            ),
        ))
    };
    if metadata.len() > options.max_file_size {
        return Err(too_large(metadata.len()));
    }
    let file = open_without_blocking(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    not_a_regular_file(&name, &metadata, lang)?;
    let bytes = read_bounded(file, options.max_file_size, metadata.len()).map_err(unreadable)?;
    if bytes.len() as u64 > options.max_file_size {
        return Err(too_large(bytes.len() as u64));
    }
    crate::extract::extract(&name, &bytes, options)
}

/// I004 for `name`, with the reason it could not be read.
fn unreadable_path(name: &str, reason: String, lang: Lang) -> Diagnostic {
    input_diagnostic(
        &UnreadablePath,
        tr!(
            lang,
            "无法读取“{}”：{}",
            "cannot read “{}”: {}",
            name,
            reason
        ),
        tr!(
            lang,
            "检查文件是否存在、是否有读取权限、是否为文件而非目录",
            "check that the file exists, is readable, and is a file, not a directory"
        ),
    )
}

/// I004 unless `metadata` is a regular file's: a directory, a FIFO, a
/// socket or a device is not read.
fn not_a_regular_file(
    name: &str,
    metadata: &std::fs::Metadata,
    lang: Lang,
) -> Result<(), Box<Diagnostic>> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return Ok(());
    }
    if kind.is_dir() {
        let reason = tr!(lang, "这是一个目录", "it is a directory");
        return Err(Box::new(unreadable_path(name, reason, lang)));
    }
    let mut diagnostic = unreadable_path(
        name,
        tr!(
            lang,
            "不是普通文件，而是{}",
            "not a regular file but {}",
            special_kind(&kind, lang)
        ),
        lang,
    );
    diagnostic.help = Some(tr!(
        lang,
        "要检查管道或设备送出的内容，请从标准输入读取：disclint check - < 路径",
        "to check what a pipe or device delivers, read it from standard input: disclint check - < PATH"
    ));
    Err(Box::new(diagnostic))
}

/// What a file that is neither a regular file nor a directory is.
fn special_kind(kind: &std::fs::FileType, lang: Lang) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return tr!(lang, "命名管道（FIFO）", "a named pipe (FIFO)");
        }
        if kind.is_socket() {
            return tr!(lang, "套接字", "a socket");
        }
        if kind.is_char_device() {
            return tr!(lang, "字符设备", "a character device");
        }
        if kind.is_block_device() {
            return tr!(lang, "块设备", "a block device");
        }
    }
    #[cfg(not(unix))]
    let _ = kind;
    tr!(lang, "特殊文件", "a special file")
}

/// Opens a file for reading; on Unix with `O_NONBLOCK`, so that a FIFO put in
/// place of a checked file cannot block the open (reads from a regular file
/// do not heed the flag).
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut open = std::fs::OpenOptions::new();
    open.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        open.custom_flags(libc::O_NONBLOCK);
    }
    open.open(path)
}

/// Reads at most one byte past `limit`, so that a file that grows or lies
/// about its size cannot make us read forever; `size` is the expected
/// length, to allocate once.
fn read_bounded(reader: impl Read, limit: u64, size: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(size.min(limit) as usize);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("disclint-input-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn files(dir: &Path, options: &InputOptions) -> Vec<String> {
        found(dir, &dir.display().to_string(), options)
    }

    /// What `argument` expands to: paths relative to `dir`, codes of failed inputs.
    fn found(dir: &Path, argument: &str, options: &InputOptions) -> Vec<String> {
        expand(&[argument.to_owned()], options)
            .iter()
            .map(|input| match input {
                Input::File { path, .. } => path.strip_prefix(dir).unwrap().display().to_string(),
                Input::Failed { diagnostic, .. } => diagnostic.code.clone(),
            })
            .collect()
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("512K"), Ok(512 << 10));
        assert_eq!(parse_size("32MiB"), Ok(32 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("12X").is_err());
        assert!(parse_size("M").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end_and_gitignore_and_extensions_apply() {
        let dir = scratch("walk");
        std::fs::create_dir_all(dir.join("a/b")).unwrap();
        std::fs::write(dir.join("a/b/r.txt"), "x").unwrap();
        std::fs::write(dir.join("a/r.md"), "x").unwrap();
        std::fs::write(dir.join("a/r.html"), "x").unwrap();
        std::fs::write(dir.join("a/skip.txt"), "x").unwrap();
        std::fs::write(dir.join(".gitignore"), "skip.txt\n").unwrap();
        std::os::unix::fs::symlink(&dir, dir.join("a/b/loop")).unwrap();
        std::os::unix::fs::symlink("nowhere", dir.join("a/broken.txt")).unwrap();
        let mut options = InputOptions {
            extensions: vec!["txt".into(), "md".into()],
            ..InputOptions::default()
        };
        // Links are not followed: neither the loop nor the broken link.
        assert_eq!(files(&dir, &options), ["a/b/r.txt", "a/r.md"]);
        let broken = read_file(&dir.join("a/broken.txt"), &options).unwrap_err();
        assert_eq!(broken.code, "I004");
        options.extensions.push("html".into());
        assert_eq!(files(&dir, &options), ["a/b/r.txt", "a/r.html", "a/r.md"]);
        // Followed, the loop ends and the broken link named like a report is I004.
        options.follow = true;
        assert_eq!(
            files(&dir, &options),
            ["a/b/r.txt", "I004", "a/r.html", "a/r.md"]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn globs_match_like_the_glob_crate() {
        let dir = scratch("glob");
        for file in [
            "r.txt",
            "a/r.txt",
            "a/b/r.txt",
            "a/b/r.md",
            "c/r.txt",
            ".h/r.txt",
        ] {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let options = InputOptions::default();
        let glob = |pattern: &str| found(&dir, &format!("{}/{pattern}", dir.display()), &options);
        // `**` matches zero or more folders, hidden ones too; `*` stays in one.
        assert_eq!(
            glob("**/*.txt"),
            [".h/r.txt", "a/b/r.txt", "a/r.txt", "c/r.txt", "r.txt"]
        );
        assert_eq!(glob("*/r.txt"), [".h/r.txt", "a/r.txt", "c/r.txt"]);
        assert_eq!(glob("a/*/r.*"), ["a/b/r.md", "a/b/r.txt"]);
        assert_eq!(glob("[ab]/**/r.md"), ["a/b/r.md"]);
        // Folders matched are walked (hidden ones skipped); a trailing `/` matches only folders.
        assert_eq!(glob("?/"), ["a/b/r.md", "a/b/r.txt", "a/r.txt", "c/r.txt"]);
        assert_eq!(glob("nothing*"), ["I005"]);
        assert_eq!(glob("missing/*.txt"), ["I005"]);
        assert_eq!(glob("a/[b"), ["I005"], "an invalid pattern");
        // Broken links: skipped unless followed; then reported if the pattern matches.
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("nowhere", dir.join("a/gone.txt")).unwrap();
            std::os::unix::fs::symlink("nowhere", dir.join("a/gone.dat")).unwrap();
            assert_eq!(glob("a/*.txt"), ["a/r.txt"]);
            let follow = InputOptions {
                follow: true,
                ..InputOptions::default()
            };
            let glob =
                |pattern: &str| found(&dir, &format!("{}/{pattern}", dir.display()), &follow);
            assert_eq!(glob("a/*.txt"), ["I004", "a/r.txt"]);
            assert_eq!(glob("a/*.dat"), ["I004"]);
            assert_eq!(glob("a/*.md"), ["I005"]);
        }
        // Relative to the current folder: paths as `glob` gives them, without `./`.
        let here = found(Path::new(""), "Cargo.*", &options);
        assert_eq!(here, ["Cargo.lock", "Cargo.toml"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn fixes_are_written_only_inside_the_searched_folder() {
        let dir = scratch("fix-target");
        std::fs::create_dir_all(dir.join("root/in")).unwrap();
        std::fs::write(dir.join("root/in/r.txt"), "x").unwrap();
        std::fs::write(dir.join("out.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.join("out.txt"), dir.join("root/out.txt")).unwrap();
        std::os::unix::fs::symlink("in/r.txt", dir.join("root/in.txt")).unwrap();
        let root = canonical_root(&dir.join("root"));
        let check =
            |name: &str, root: Option<&Path>| check_fix_target(&dir.join(name), root, Lang::En);
        assert_eq!(check("root/in/r.txt", Some(&root)), Ok(()));
        assert_eq!(check("root/in.txt", Some(&root)), Ok(()));
        let refused = check("root/out.txt", Some(&root)).unwrap_err();
        assert!(refused.contains("outside the searched folder"), "{refused}");
        assert_eq!(
            check("root/out.txt", None),
            Ok(()),
            "named on the command line"
        );
        assert!(check("root/gone.txt", Some(&root)).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A walk error as the `ignore` crate reports a directory it cannot read.
    fn walk_failure(path: &str, kind: std::io::ErrorKind) -> ignore::Error {
        ignore::Error::WithPath {
            path: path.into(),
            err: Box::new(ignore::Error::WithDepth {
                depth: 1,
                err: Box::new(ignore::Error::Io(kind.into())),
            }),
        }
    }

    /// Walk errors are simulated: root reads any directory, so a real
    /// permission error cannot be produced here (tests/inputs.rs produces
    /// them as user nobody).
    #[test]
    fn walk_errors_are_inputs_that_failed_except_loops_and_ignore_files() {
        let options = InputOptions {
            lang: Lang::En,
            ..InputOptions::default()
        };
        let dir = scratch("walk-errors");
        let locked = dir.display().to_string();
        let denied = walk_failure(&locked, std::io::ErrorKind::PermissionDenied);
        let Some(Input::Failed { path, diagnostic }) = walk_error(&denied, &options, |_| false)
        else {
            panic!("an unreadable folder is an input that failed");
        };
        assert_eq!(
            (path.as_str(), diagnostic.code.as_str()),
            (&*locked, "I004")
        );
        assert!(
            diagnostic.message.starts_with("cannot read the folder")
                && diagnostic.message.contains("permission denied"),
            "{}",
            diagnostic.message
        );
        // Unreadable, whatever its name; missing (a broken link), only if wanted.
        let file = walk_failure("a/r.dat", std::io::ErrorKind::PermissionDenied);
        assert!(walk_error(&file, &options, |_| false).is_some());
        let gone = walk_failure("a/latest", std::io::ErrorKind::NotFound);
        assert!(walk_error(&gone, &options, |_| false).is_none());
        assert!(walk_error(&gone, &options, |p| p.ends_with("latest")).is_some());
        let lasso = ignore::Error::WithDepth {
            depth: 2,
            err: Box::new(ignore::Error::Loop {
                ancestor: "a".into(),
                child: "a/b/up".into(),
            }),
        };
        assert!(
            walk_error(&lasso, &options, |_| true).is_none(),
            "loops are skipped"
        );
        let gitignore = ignore::Error::Partial(vec![walk_failure(
            ".gitignore",
            std::io::ErrorKind::PermissionDenied,
        )]);
        assert!(walk_error(&gitignore, &options, |_| true).is_none());
        let gitignore = ignore::Error::WithPath {
            path: ".gitignore".into(),
            err: Box::new(ignore::Error::Io(
                std::io::ErrorKind::PermissionDenied.into(),
            )),
        };
        assert!(walk_error(&gitignore, &options, |_| true).is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_without_being_opened() {
        let options = InputOptions {
            max_file_size: 1000,
            ..InputOptions::default()
        };
        let err = read_file(Path::new("/dev/zero"), &options).unwrap_err();
        assert_eq!(err.code, "I004");
        assert!(err.message.contains("字符设备"), "{}", err.message);
    }

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        // An endless reader, like a file that keeps growing.
        let bytes = read_bounded(std::io::repeat(b'x'), 1000, 0).unwrap();
        assert_eq!(bytes.len(), 1001);
        let bytes = read_bounded(&b"short"[..], 1000, 5).unwrap();
        assert_eq!(bytes, b"short");
    }
}
