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
//!
//! [agencies]                        # which reports are one agency's (the Y rules)
//! "青禾县白石镇人民政府" = "白石镇"     # a name in the titles …
//! "2023/baishi*.pdf" = "白石镇"       # … or a path glob → an agency id
//!
//! [copies]
//! similarity = 0.7                  # Y003: a section this similar to last year's
//! passage = 60                      # Y005: the shortest passage, in characters
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
    /// Agency names or path globs → agency id (the cross-file rules).
    #[serde(default)]
    pub agencies: BTreeMap<String, String>,
    /// Thresholds of the copy checks (Y003, Y005).
    #[serde(default)]
    pub copies: Copies,
}

/// `[copies]`: the thresholds of the copy checks.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Copies {
    /// Y003: the similarity (0 to 1) from which a section is reported.
    pub similarity: Option<f64>,
    /// Y005: the shortest passage reported, in masked characters.
    pub passage: Option<usize>,
}

/// The shortest Y005 passage a configuration may ask for: shorter shared
/// passages are stock phrases.
pub const MIN_PASSAGE: usize = 30;

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
        // Globs of per-file-ignores, and the keys of [agencies] that are globs.
        let globs = file.per_file_ignores.keys().chain(
            file.agencies
                .keys()
                .filter(|key| crate::years::agency::is_path_pattern(key)),
        );
        for pattern in globs {
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
        if let Some(problem) = copies_problem(&file.copies, lang) {
            return Err(ConfigError::at_text(&name, text, "[copies]", problem, lang));
        }
        Ok(Config {
            file,
            path: Some(path.to_path_buf()),
        })
    }

    /// The settings of the cross-file rules: `[agencies]` (globs relative
    /// to the file's directory) and `[copies]`, defaults for what is unset.
    pub fn cross_options(&self) -> crate::years::CrossOptions {
        let copies = self.file.copies;
        crate::years::CrossOptions {
            agencies: crate::years::AgencyMap::new(self.dir(), &self.file.agencies),
            similarity: copies
                .similarity
                .unwrap_or(crate::years::DEFAULT_SIMILARITY),
            passage: copies.passage.unwrap_or(crate::years::DEFAULT_PASSAGE),
        }
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

/// What is wrong with `[copies]`, if anything.
fn copies_problem(copies: &Copies, lang: Lang) -> Option<String> {
    if let Some(similarity) = copies.similarity.filter(|s| !(*s > 0.0 && *s <= 1.0)) {
        return Some(tr!(
            lang,
            "[copies] 的 similarity 应在 0 和 1 之间（不含 0），而不是 {}",
            "[copies] similarity must be above 0 and at most 1, not {}",
            similarity
        ));
    }
    let passage = copies.passage.filter(|p| *p < MIN_PASSAGE)?;
    Some(tr!(
        lang,
        "[copies] 的 passage 至少为 {}（更短的相同文字是常用语），而不是 {}",
        "[copies] passage must be at least {} (shorter shared passages are stock phrases), not {}",
        MIN_PASSAGE,
        passage
    ))
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
    fn copies_out_of_range_and_bad_agency_globs_are_errors() {
        let load = |text: &str| Config::from_toml(Path::new("d.toml"), text, Lang::En);
        let err = load("[copies]\nsimilarity = 1.5\n").unwrap_err();
        assert!(
            err.to_string().contains("similarity must be above 0"),
            "{err}"
        );
        let err = load("[copies]\npassage = 10\n").unwrap_err();
        assert!(
            err.to_string().contains("passage must be at least 30"),
            "{err}"
        );
        let err = load("[agencies]\n\"old/[x\" = \"白石镇\"\n").unwrap_err();
        assert!(err.to_string().contains("bad glob"), "{err}");
        let config = load("[agencies]\n\"白石镇\" = \"白石\"\n[copies]\npassage = 90\n").unwrap();
        assert_eq!(config.cross_options().passage, 90);
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
