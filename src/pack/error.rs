//! A pack that fails to load: every problem found in it, each a miette
//! diagnostic pointing into its pack.

use std::fmt;
use std::ops::Range;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode, SourceSpan};

use crate::config::settings_file::FileProblem;
use crate::config::toml_message::{translate, Here};
use crate::lang::Bilingual;
use crate::{tr, Lang};

/// What is wrong at one place of a pack, before it is tied to its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// The bytes of the pack text to point at.
    pub span: Option<Range<usize>>,
    /// The message, in both languages.
    pub message: Bilingual,
}

impl Problem {
    /// A problem at `span`.
    pub fn at(span: Range<usize>, message: Bilingual) -> Self {
        Self {
            span: Some(span),
            message,
        }
    }
}

/// One problem of a pack, pointing into it.
#[derive(Debug, Diagnostic)]
pub struct PackProblem {
    /// The message shown: in English until [`PackError::in_lang`] tells it
    /// in another language.
    message: String,
    /// disclint's own message in both languages (`None` for TOML's, which
    /// [`PackError::in_lang`] translates).
    own: Option<Bilingual>,
    #[source_code]
    source_code: NamedSource<String>,
    #[label("{label}")]
    span: Option<SourceSpan>,
    label: Here,
}

impl fmt::Display for PackProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source_code.name(), self.message)
    }
}

impl std::error::Error for PackProblem {}

impl PackProblem {
    fn new(path: &str, text: &str, problem: Problem) -> Self {
        Self {
            message: problem.message.en.clone(),
            own: Some(problem.message),
            source_code: NamedSource::new(path, text.to_owned()),
            span: problem.span.map(|r| (r.start, r.len()).into()),
            label: Here(Lang::En),
        }
    }

    /// The message, without the file name.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The text the problem points at, if any.
    pub fn span_text(&self) -> Option<&str> {
        let span = self.span?;
        self.source_code
            .inner()
            .get(span.offset()..span.offset() + span.len())
    }

    /// The 1-based line and column (in characters) the problem points at.
    pub fn position(&self) -> Option<(usize, usize)> {
        let text = self.source_code.inner();
        let before = text.get(..self.span?.offset())?;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Some((
            before.matches('\n').count() + 1,
            before[line_start..].chars().count() + 1,
        ))
    }
}

/// Why a pack (or a set of packs) did not load: one or more problems, the
/// first shown as the diagnostic and the others as related ones.
#[derive(Debug)]
pub struct PackError {
    problems: Vec<PackProblem>,
}

/// The first problem (a diagnostic shows the others as related ones; `{:#}`
/// lists them all, one a line).
impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = if f.alternate() {
            self.problems.len()
        } else {
            1
        };
        for (index, problem) in self.problems.iter().take(shown).enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PackError {}

impl Diagnostic for PackError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.first().code()
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.first().source_code()
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.first().labels()
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.problems.len() < 2 {
            return None;
        }
        Some(Box::new(
            self.problems[1..].iter().map(|p| p as &dyn Diagnostic),
        ))
    }
}

impl PackError {
    /// The problems of the pack at `path` with text `text`, if there are any.
    pub(crate) fn of(path: &str, text: &str, problems: Vec<Problem>) -> Result<(), PackError> {
        if problems.is_empty() {
            return Ok(());
        }
        Err(PackError {
            problems: problems
                .into_iter()
                .map(|problem| PackProblem::new(path, text, problem))
                .collect(),
        })
    }

    /// Several errors as one, in order.
    pub(crate) fn join(errors: Vec<PackError>) -> Result<(), PackError> {
        let problems: Vec<PackProblem> = errors.into_iter().flat_map(|e| e.problems).collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(PackError { problems })
        }
    }

    /// A TOML syntax or shape error (TOML stops at the first).
    pub fn from_toml(path: &str, text: &str, err: &toml::de::Error) -> Self {
        let message = err.message().to_owned();
        let problem = Problem {
            span: err.span(),
            message: Bilingual {
                zh: message.clone(),
                en: message,
            },
        };
        let mut error = Self::single(path, text, problem);
        for problem in &mut error.problems {
            problem.own = None;
        }
        error
    }

    /// The error as told in `lang`: disclint's own messages in that
    /// language, TOML's translated, the labels too.
    pub fn in_lang(mut self, lang: Lang) -> Self {
        for problem in &mut self.problems {
            problem.label = Here(lang);
            problem.message = match &problem.own {
                Some(own) => own.pick(lang).to_owned(),
                None => translate(&problem.message, lang),
            };
        }
        self
    }

    /// The pack file could not be read, or is not TOML: the message is in
    /// `lang`, and nothing of the file is quoted.
    pub fn unreadable(path: &str, problem: &FileProblem, lang: Lang) -> Self {
        let message = tr!(
            lang,
            "无法读取规则包：{}",
            "cannot read pack: {}",
            problem.message(lang)
        );
        Self::single(
            path,
            "",
            Problem {
                span: None,
                message: Bilingual {
                    zh: message.clone(),
                    en: message,
                },
            },
        )
    }

    fn single(path: &str, text: &str, problem: Problem) -> Self {
        PackError {
            problems: vec![PackProblem::new(path, text, problem)],
        }
    }

    /// Every problem, in order.
    pub fn problems(&self) -> &[PackProblem] {
        &self.problems
    }

    /// The text the first problem points at, if any.
    pub fn span_text(&self) -> Option<&str> {
        self.first().span_text()
    }

    fn first(&self) -> &PackProblem {
        &self.problems[0]
    }
}
