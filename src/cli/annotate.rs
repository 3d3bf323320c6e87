//! `check --annotate`: each Word document checked gets a copy with one
//! review comment per finding (`NAME.disclint.docx` beside it, or in
//! `--annotate-dir`). The copy is written atomically; the original is only
//! read. A copy that would land on one of the inputs, or on a copy already
//! written in this run, is refused.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::annotate::{annotate_docx, annotated_path};
use crate::atomic_write::write_atomic;
use crate::extract::SourceKind;
use crate::input::Input;
use crate::render::quote_path;
use crate::run::FileResult;
use crate::{tr, Lang};

/// What `--annotate` did for one file.
pub(super) enum Outcome {
    /// A copy was written: a note.
    Written(String),
    /// Nothing to do for this file (not a Word document): a note.
    Skipped(String),
    /// The copy could not be written: an error.
    Failed(String),
}

/// Writes the annotated copies of a run.
pub(super) struct Annotator {
    dir: Option<PathBuf>,
    lang: Lang,
    /// The inputs, resolved: a copy never replaces one.
    inputs: HashSet<PathBuf>,
    /// The copies written so far, resolved.
    written: HashSet<PathBuf>,
    /// Whether the run reads standard input (which has no file to copy).
    stdin: bool,
}

/// `path` with its folder resolved (the file itself may not exist yet).
fn resolved(path: &Path) -> PathBuf {
    if let Ok(path) = path.canonicalize() {
        return path;
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match (folder.canonicalize(), path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

impl Annotator {
    /// An annotator for the files `inputs` (or standard input), writing
    /// into `dir` (or beside each document).
    pub(super) fn new(
        dir: Option<PathBuf>,
        inputs: &[Input],
        stdin: bool,
        lang: Lang,
    ) -> Annotator {
        let inputs = inputs
            .iter()
            .filter_map(|input| match input {
                Input::File { path, .. } => Some(resolved(path)),
                Input::Failed { .. } => None,
            })
            .collect();
        Annotator {
            dir,
            lang,
            inputs,
            written: HashSet::new(),
            stdin,
        }
    }

    /// Annotates the document of one result, if it is a Word document that
    /// was read.
    pub(super) fn annotate(&mut self, result: &FileResult) -> Option<Outcome> {
        let lang = self.lang;
        let source = result.source.as_ref()?;
        let shown = quote_path(&result.path).into_owned();
        if source.kind != SourceKind::Docx {
            return Some(Outcome::Skipped(tr!(
                lang,
                "{}：只有 Word 文档（.docx）能生成批注副本，该文件照常检查",
                "{}: only Word documents (.docx) can be annotated; this file was checked as usual",
                shown
            )));
        }
        if self.stdin {
            return Some(Outcome::Skipped(tr!(
                lang,
                "{}：标准输入读入的文档不能生成批注副本；请给出文件路径",
                "{}: a document read from standard input cannot be annotated; name its file instead",
                shown
            )));
        }
        let path = Path::new(&result.path);
        let target = annotated_path(path, self.dir.as_deref());
        let fail = |why: String| Some(Outcome::Failed(why));
        if let Some(dir) = &self.dir {
            if let Err(error) = std::fs::create_dir_all(dir) {
                return fail(tr!(
                    lang,
                    "{}：无法创建目录 {}：{}",
                    "{}: cannot create the folder {}: {}",
                    shown,
                    dir.display(),
                    error
                ));
            }
        }
        let key = resolved(&target);
        if self.inputs.contains(&key) {
            return fail(tr!(
                lang,
                "{}：批注副本 {} 是本次检查的输入之一，不覆盖；用 --annotate-dir 放到别处",
                "{}: the annotated copy {} is one of the inputs and is not overwritten: use --annotate-dir to put it elsewhere",
                shown,
                target.display()
            ));
        }
        if self.written.contains(&key) {
            return fail(tr!(
                lang,
                "{}：批注副本 {} 已由同名文档写出，不覆盖；请分别检查",
                "{}: the annotated copy {} was already written for a document of the same name and is not overwritten: check them separately",
                shown,
                target.display()
            ));
        }
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                return fail(tr!(
                    lang,
                    "{}：无法读取：{}",
                    "{}: cannot read it: {}",
                    shown,
                    error
                ))
            }
        };
        let copy = match annotate_docx(&bytes, source, &result.diagnostics, lang) {
            Ok(copy) => copy,
            Err(error) => return fail(format!("{shown}: {}", error.message(lang))),
        };
        if let Err(error) = write_atomic(&target, &copy) {
            return fail(tr!(
                lang,
                "{}：无法写出批注副本 {}：{}",
                "{}: cannot write the annotated copy {}: {}",
                shown,
                target.display(),
                error
            ));
        }
        self.written.insert(key);
        let n = result.diagnostics.len();
        Some(Outcome::Written(tr!(
            lang,
            "{}：已写出批注副本 {}（{} 条批注）",
            "{}: wrote the annotated copy {} ({} comments)",
            shown,
            target.display(),
            n
        )))
    }
}
