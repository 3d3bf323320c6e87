//! A pack that fails to load, as a miette diagnostic pointing into the pack.

use std::fmt;

use miette::{Diagnostic, NamedSource, SourceSpan};

use crate::config::settings_file::FileProblem;
use crate::{tr, Lang};

/// Why a pack did not load.
#[derive(Debug, Diagnostic)]
#[diagnostic(code(disclint::pack))]
pub struct PackError {
    message: String,
    #[source_code]
    source_code: NamedSource<String>,
    #[label("here")]
    span: Option<SourceSpan>,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source_code.name(), self.message)
    }
}

impl std::error::Error for PackError {}

impl PackError {
    /// A TOML syntax or shape error.
    pub fn from_toml(path: &str, text: &str, err: &toml::de::Error) -> Self {
        Self {
            message: err.message().to_owned(),
            source_code: NamedSource::new(path, text.to_owned()),
            span: err.span().map(|r| (r.start, r.len()).into()),
        }
    }

    /// An error about the first occurrence of `needle` in the pack text.
    pub fn at_text(path: &str, text: &str, needle: &str, message: String) -> Self {
        Self {
            message,
            source_code: NamedSource::new(path, text.to_owned()),
            span: text.find(needle).map(|at| (at, needle.len()).into()),
        }
    }

    /// An error about the `problem.occurrence`-th appearance of `problem.needle`.
    pub fn at_problem(path: &str, text: &str, problem: &super::patterns::Problem) -> Self {
        let span = text
            .match_indices(problem.needle.as_str())
            .nth(problem.occurrence)
            .map(|(at, found)| (at, found.len()).into());
        Self {
            message: problem.message.clone(),
            source_code: NamedSource::new(path, text.to_owned()),
            span,
        }
    }

    /// The pack file could not be read, or is not TOML: the message is in
    /// `lang`, and nothing of the file is quoted.
    pub fn unreadable(path: &str, problem: &FileProblem, lang: Lang) -> Self {
        Self {
            message: tr!(
                lang,
                "无法读取规则包：{}",
                "cannot read pack: {}",
                problem.message(lang)
            ),
            source_code: NamedSource::new(path, String::new()),
            span: None,
        }
    }

    /// The text the error points at, if any.
    pub fn span_text(&self) -> Option<&str> {
        let span = self.span?;
        self.source_code
            .inner()
            .get(span.offset()..span.offset() + span.len())
    }
}
