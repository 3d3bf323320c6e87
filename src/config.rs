//! The configuration file `disclint.toml`: found in the current directory or
//! its parents, or named with `--config`; `--no-config` skips it.
//!
//! ```toml
//! select = ["S", "P", "C"]          # only these rules (instead of the default set)
//! extend-select = ["X003"]          # these rules too
//! ignore = ["S006"]                 # not these
//! rule_packs = ["packs/province.toml"]  # relative to this file
//! lang = "zh"                       # or "en"
//! edition = 2021                    # force a format edition
//!
//! [severity]
//! S006 = "info"
//!
//! [per-file-ignores]
//! "excerpts/*.txt" = ["S001", "S003"]
//! ```
//!
//! Command-line flags override the file: `--select` replaces its selection
//! (select, extend-select and ignore), `--extend-select` and `--ignore` add to
//! it, `--lang`, `--edition` replace its values, `--rules` adds packs.

pub mod nearest;
pub mod settings_file;
pub mod toml_message;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::rules::{PerFileIgnores, Selection, Selector};
use crate::{tr, Edition, Lang};

/// The file name looked for.
pub const FILE_NAME: &str = "disclint.toml";

/// `disclint.toml` as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Only these rules run (codes, prefixes, names).
    #[serde(default)]
    pub select: Option<Vec<String>>,
    /// These rules run too.
    #[serde(default, alias = "extend_select")]
    pub extend_select: Vec<String>,
    /// These rules do not run.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity per rule code or name.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Glob → rules not run on matching files.
    #[serde(default, alias = "per_file_ignores")]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    /// Rule packs to load, relative to the file.
    #[serde(default, rename = "rule_packs", alias = "rule-packs")]
    pub rule_packs: Vec<PathBuf>,
    /// Message language.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Format edition to check against.
    #[serde(default)]
    pub edition: Option<Edition>,
}

/// A loaded configuration: the file's settings and where it is.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The settings.
    pub file: ConfigFile,
    /// The file's path (`None` when no file is used).
    pub path: Option<PathBuf>,
}

/// A configuration file that fails to load, pointing into the file.
#[derive(Debug, Diagnostic)]
pub struct ConfigError {
    message: Box<str>,
    #[source_code]
    source_code: NamedSource<String>,
    #[label("{label}")]
    span: Option<SourceSpan>,
    label: toml_message::Here,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source_code.name(), self.message)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    fn new(
        path: &str,
        text: &str,
        message: String,
        span: Option<std::ops::Range<usize>>,
        lang: Lang,
    ) -> Self {
        Self {
            message: message.into(),
            source_code: NamedSource::new(path, text.to_owned()),
            span: span.map(|r| (r.start, r.len()).into()),
            label: toml_message::Here(lang),
        }
    }

    fn at_text(path: &str, text: &str, needle: &str, message: String, lang: Lang) -> Self {
        let span = text.find(needle).map(|at| at..at + needle.len());
        Self::new(path, text, message, span, lang)
    }
}

/// The nearest `disclint.toml` in `start` or its parents.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

impl Config {
    /// Parses and checks a configuration; errors point into `text`.
    pub fn from_toml(path: &Path, text: &str, lang: Lang) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let file: ConfigFile = toml::from_str(text).map_err(|err| {
            let message = toml_message::translate(err.message(), lang);
            ConfigError::new(&name, text, message, err.span(), lang)
        })?;
        for pattern in file.per_file_ignores.keys() {
            if let Err(err) = glob::Pattern::new(pattern) {
                return Err(ConfigError::at_text(
                    &name,
                    text,
                    pattern,
                    tr!(
                        lang,
                        "文件模式“{}”写法有误：{}",
                        "bad glob `{}`: {}",
                        pattern,
                        err
                    ),
                    lang,
                ));
            }
        }
        Ok(Config {
            file,
            path: Some(path.to_path_buf()),
        })
    }

    /// Reads a configuration file (a regular file of at most
    /// [`settings_file::MAX_SIZE`]); a problem with the file itself is told
    /// in `lang`, and a file that is not TOML is not quoted.
    pub fn load(path: &Path, lang: Lang) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let unreadable = |problem: settings_file::FileProblem| {
            let message = tr!(
                lang,
                "无法读取配置文件：{}",
                "cannot read configuration: {}",
                problem.message(lang)
            );
            ConfigError::new(&name, "", message, None, lang)
        };
        let text = settings_file::read(path, settings_file::MAX_SIZE).map_err(unreadable)?;
        Config::from_toml(path, &text, lang).map_err(|err| match settings_file::not_toml(&text) {
            Some(problem) => unreadable(problem),
            None => err,
        })
    }

    /// The configuration a run uses: `explicit` if given, none with
    /// `no_config`, else the nearest `disclint.toml` from `cwd` up; errors
    /// about the file itself are told in `lang`.
    pub fn resolve(
        explicit: Option<&Path>,
        no_config: bool,
        cwd: &Path,
        lang: Lang,
    ) -> Result<Config, ConfigError> {
        if no_config {
            return Ok(Config::default());
        }
        match explicit.map(Path::to_path_buf).or_else(|| discover(cwd)) {
            Some(path) => Config::load(&path, lang),
            None => Ok(Config::default()),
        }
    }

    /// The directory paths in the file are relative to.
    pub fn dir(&self) -> Option<PathBuf> {
        self.path
            .as_ref()
            .map(|p| p.parent().map(Path::to_path_buf).unwrap_or_default())
    }

    /// The rule packs the file names, resolved against its directory.
    pub fn rule_packs(&self) -> Vec<PathBuf> {
        let dir = self.dir().unwrap_or_default();
        self.file.rule_packs.iter().map(|p| dir.join(p)).collect()
    }

    /// The rule selection: the file's, overridden by the command line's.
    /// `cli_select` replaces the file's select, extend-select and ignore;
    /// `cli_extend` and `cli_ignore` add to them (a command-line
    /// `--extend-select` of a rule the file ignores wins).
    pub fn selection(
        &self,
        cli_select: Option<Vec<Selector>>,
        cli_extend: Vec<Selector>,
        cli_ignore: Vec<Selector>,
    ) -> Selection {
        let file = &self.file;
        let severity = file
            .severity
            .iter()
            .map(|(code, severity)| (code.trim().to_owned(), *severity))
            .collect();
        if cli_select.is_some() {
            return Selection {
                select: cli_select,
                extend_select: cli_extend,
                ignore: cli_ignore,
                severity,
            };
        }
        let mut extend_select = selectors(&file.extend_select);
        extend_select.extend(cli_extend.iter().cloned());
        let mut ignore: Vec<Selector> = selectors(&file.ignore)
            .into_iter()
            .filter(|s| !cli_extend.contains(s))
            .collect();
        ignore.extend(cli_ignore);
        Selection {
            select: file.select.as_deref().map(selectors),
            extend_select,
            ignore,
            severity,
        }
    }

    /// The per-file ignores, relative to the file's directory.
    pub fn per_file_ignores(&self) -> PerFileIgnores {
        let entries = self
            .file
            .per_file_ignores
            .iter()
            .filter_map(|(pattern, codes)| {
                Some((glob::Pattern::new(pattern).ok()?, selectors(codes)))
            })
            .collect();
        PerFileIgnores::new(self.dir(), entries)
    }
}

/// Selectors from their written forms, skipping blanks.
pub fn selectors(list: &[String]) -> Vec<Selector> {
    list.iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Selector::new(s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_points_into_the_file() {
        let err = Config::from_toml(Path::new("disclint.toml"), "selec = [\"S\"]\n", Lang::En)
            .unwrap_err();
        assert!(err.to_string().contains("selec"), "{err}");
    }

    #[test]
    fn errors_read_in_chinese_with_the_nearest_setting() {
        let err = Config::from_toml(Path::new("disclint.toml"), "ignor = [\"S\"]\n", Lang::Zh)
            .unwrap_err();
        let shown = crate::cli::render_error(&err);
        assert!(
            shown.contains("disclint.toml: 未知的设置项“ignor”；是不是“ignore”？"),
            "{shown}"
        );
        assert!(shown.contains("此处"), "{shown}");
        assert!(!shown.contains("disclint::config"), "{shown}");
    }

    #[test]
    fn bad_edition_is_an_error() {
        let err = Config::from_toml(Path::new("d.toml"), "edition = 2020\n", Lang::En).unwrap_err();
        assert!(err.to_string().contains("2019 or 2021"), "{err}");
    }

    #[test]
    fn command_line_select_replaces_the_file_selection() {
        let config = Config::from_toml(
            Path::new("d.toml"),
            "select = [\"S\"]\nignore = [\"S006\"]\n",
            Lang::En,
        )
        .unwrap();
        let selection = config.selection(Some(vec![Selector::new("S006")]), vec![], vec![]);
        assert_eq!(selection.select, Some(vec![Selector::new("S006")]));
        assert!(selection.ignore.is_empty());
        let selection = config.selection(None, vec![Selector::new("S006")], vec![]);
        assert!(selection.ignore.is_empty());
    }
}
