//! Which settings each file of `check` is checked with (Ruff's hierarchical
//! configuration): the nearest `disclint.toml` from the file's own folder
//! upward, unless `--config` (or `--no-config`) settles it for every file;
//! and the nearest suppressions file the same way, unless `--suppressions`
//! names one. Each configuration becomes one [`Scope`] with its linter,
//! built once however many files it covers; the command line's flags apply
//! in every scope, over each file's settings.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::args::{CheckArgs, CommonArgs, ReportArgs, RuleSelectionArgs};
use super::check::unknown_selector;
use super::report::Failure;
use super::settings::render_error;
use crate::config::nearest::Nearest;
use crate::config::{selectors, Config, FILE_NAME};
use crate::lint::{LintOptions, Linter};
use crate::pack::Pack;
use crate::rules::RuleMeta;
use crate::suppress::{Suppressions, DEFAULT_FILE};
use crate::years::CrossOptions;
use crate::Lang;

/// The settings of some files: their configuration and the linter built
/// from it and the command line.
pub(super) struct Scope {
    /// The configuration (without a path when no file applies).
    pub config: Config,
    /// The linter of these settings.
    pub linter: Linter,
}

/// Where one file's settings come from: its scope and its suppressions file,
/// as indices into [`Scopes::scopes`] and [`Scopes::suppression_files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Place {
    /// The scope.
    pub scope: usize,
    /// The suppressions file.
    pub suppressions: usize,
}

/// What the scopes of a run are built from: the options of `check` or of
/// `report` that choose settings.
#[derive(Clone, Copy)]
pub(super) struct ScopeArgs<'a> {
    /// The shared options (configuration, packs, language, edition).
    pub common: &'a CommonArgs,
    /// `--select`, `--extend-select`, `--ignore`.
    pub rules: &'a RuleSelectionArgs,
    /// `--suppressions` (none: each file's nearest).
    pub suppressions: Option<&'a PathBuf>,
}

impl<'a> From<&'a CheckArgs> for ScopeArgs<'a> {
    fn from(args: &'a CheckArgs) -> Self {
        ScopeArgs {
            common: &args.common,
            rules: &args.rules,
            suppressions: args.suppressions.suppressions.as_ref(),
        }
    }
}

impl<'a> From<&'a ReportArgs> for ScopeArgs<'a> {
    fn from(args: &'a ReportArgs) -> Self {
        ScopeArgs {
            common: &args.common,
            rules: &args.rules,
            suppressions: args.suppressions.as_ref(),
        }
    }
}

/// The scopes of a run, found file by file.
pub(super) struct Scopes<'a> {
    args: ScopeArgs<'a>,
    /// Every scope met, in the order first met.
    pub scopes: Vec<Scope>,
    /// The scope of each configuration path (`None`: no file).
    by_config: HashMap<Option<PathBuf>, usize>,
    /// Finds each file's `disclint.toml`; `None` when the run's configuration
    /// (`--config`, `--no-config`) applies to every file.
    configs: Option<Nearest>,
    /// Every suppressions file met, in the order first met.
    pub suppression_files: Vec<PathBuf>,
    /// Finds each file's suppressions file; `None` with `--suppressions`.
    suppressions: Option<Nearest>,
}

impl<'a> Scopes<'a> {
    /// The scopes of `check` or `report` with `args`, none built yet.
    pub(super) fn new(args: impl Into<ScopeArgs<'a>>) -> Self {
        let args = args.into();
        let cwd = std::env::current_dir().unwrap_or_default();
        let config_args = &args.common.setup.config_args;
        let fixed = config_args.config.is_some() || config_args.no_config;
        Scopes {
            args,
            scopes: Vec::new(),
            by_config: HashMap::new(),
            configs: (!fixed).then(|| Nearest::new(FILE_NAME, &cwd)),
            suppression_files: args.suppressions.into_iter().cloned().collect(),
            suppressions: args
                .suppressions
                .is_none()
                .then(|| Nearest::new(DEFAULT_FILE, &cwd)),
        }
    }

    /// The place of the file at `path` (which need not exist), building its
    /// scope if it is new; on error, the message to show (exit code 2).
    pub(super) fn place(&mut self, path: &Path) -> Result<Place, String> {
        let config = match &mut self.configs {
            Some(nearest) => nearest.above(path),
            None => self.args.common.setup.config.path.clone(),
        };
        let scope = match self.by_config.get(&config) {
            Some(&scope) => scope,
            None => {
                let scope = self.build(config.as_deref())?;
                self.scopes.push(scope);
                self.by_config.insert(config, self.scopes.len() - 1);
                self.scopes.len() - 1
            }
        };
        let file = match &mut self.suppressions {
            Some(nearest) => nearest
                .above(path)
                .unwrap_or_else(|| PathBuf::from(DEFAULT_FILE)),
            None => self.suppression_files[0].clone(),
        };
        let suppressions = match self.suppression_files.iter().position(|f| *f == file) {
            Some(index) => index,
            None => {
                self.suppression_files.push(file);
                self.suppression_files.len() - 1
            }
        };
        Ok(Place {
            scope,
            suppressions,
        })
    }

    /// The scope of the configuration at `path` (none: the default settings).
    fn build(&self, path: Option<&Path>) -> Result<Scope, String> {
        let common = &self.args.common;
        let lang = common.lang;
        let config = match (&self.configs, path) {
            (Some(_), Some(path)) => {
                Config::load(path, lang).map_err(|error| render_error(&error))?
            }
            (Some(_), None) => Config::default(),
            (None, _) => common.setup.config.clone(),
        };
        let linter = build_linter(
            &config,
            &common.setup.packs,
            lang,
            common.edition,
            Some(self.args.rules),
        )?;
        Ok(Scope { config, linter })
    }

    /// The scope at `index`.
    pub(super) fn scope(&self, index: usize) -> &Scope {
        &self.scopes[index]
    }

    /// Every suppressions file met, loaded, in the order of
    /// [`Scopes::suppression_files`].
    pub(super) fn load_suppressions(&self, lang: Lang) -> Result<Vec<Suppressions>, Failure> {
        self.suppression_files
            .iter()
            .map(|file| {
                Suppressions::load(file, lang).map_err(|message| {
                    Failure::new(format!("错误：{message}\n"), format!("error: {message}\n"))
                })
            })
            .collect()
    }

    /// The settings of the checks across reports (`[agencies]`, `[copies]`):
    /// those of the first file's configuration, else the run's.
    pub(super) fn cross_options(&self, places: &[Place]) -> CrossOptions {
        match places.first() {
            Some(place) => self.scope(place.scope).config.cross_options(),
            None => self.args.common.setup.config.cross_options(),
        }
    }

    /// The files the run reads besides the reports: the suppressions files,
    /// the configuration files and the rule packs (`--output-file` must be
    /// none of them).
    pub(super) fn files_read(&self) -> Vec<FileRead> {
        let suppressions = self
            .suppression_files
            .iter()
            .map(|f| (f.clone(), "抑制清单", "the suppressions file"));
        let configs = self.scopes.iter().filter_map(|scope| {
            let path = scope.config.path.clone()?;
            Some((path, "配置文件", "the configuration file"))
        });
        let packs = self
            .scopes
            .iter()
            .flat_map(|scope| scope.config.rule_packs())
            .chain(self.args.common.setup.packs.iter().cloned())
            .map(|p| (p, "规则包", "a rule pack"));
        suppressions.chain(configs).chain(packs).collect()
    }

    /// The rules that run in any scope, each once, in the order of the
    /// first scope's registry and then the others'.
    pub(super) fn enabled_rules(&self) -> Vec<RuleMeta> {
        let mut rules: Vec<RuleMeta> = Vec::new();
        for scope in &self.scopes {
            let linter = &scope.linter;
            let selection = &linter.options().selection;
            for meta in linter.registry().metas() {
                if selection.is_enabled(meta) && !rules.iter().any(|r| r.code == meta.code) {
                    rules.push(meta.clone());
                }
            }
        }
        rules
    }
}

/// The linter of `config` as `check` builds each scope's: the
/// configuration's packs and then `packs`, in `lang`, `edition` over the
/// configuration's, and the command line's rule flags (if any) over its
/// selection; on error (a pack that does not load, a selector that names no
/// rule), the message to show. `disclint server` builds each document's
/// linter with it too.
pub(crate) fn build_linter(
    config: &Config,
    packs: &[PathBuf],
    lang: Lang,
    edition: Option<crate::Edition>,
    rules: Option<&RuleSelectionArgs>,
) -> Result<Linter, String> {
    let mut all = config.rule_packs();
    all.extend(packs.iter().cloned());
    let packs = Pack::load_all(&all, lang).map_err(|error| render_error(&error))?;
    let selection = match rules {
        Some(rules) => config.selection(
            rules.select.as_deref().map(selectors),
            selectors(&rules.extend_select),
            selectors(&rules.ignore),
        ),
        None => config.selection(None, Vec::new(), Vec::new()),
    };
    let linter = Linter::new(LintOptions {
        selection,
        lang,
        edition: edition.or(config.file.edition),
        packs,
        per_file_ignores: config.per_file_ignores(),
    });
    known_selectors(&linter)?;
    Ok(linter)
}

/// A file the run reads, with what it is in Chinese and English.
pub(super) type FileRead = (PathBuf, &'static str, &'static str);

/// Every selector of the linter's options names a rule; else the message.
fn known_selectors(linter: &Linter) -> Result<(), String> {
    match linter.unknown_selector() {
        Some(unknown) => Err(unknown_selector(linter.options().lang, &unknown)),
        None => Ok(()),
    }
}
