//! Which settings each document is checked with: the editor's (initialization
//! options, `workspace/didChangeConfiguration`), over the nearest
//! `disclint.toml` from the document's folder upward (as `check` finds each
//! file's), or the one configuration `--config` names; and the nearest
//! suppressions file. Each configuration's linter is built once, and built
//! again when the settings or a configuration file change.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use super::ServerOptions;
use crate::cli::{build_linter, render_error};
use crate::config::nearest::Nearest;
use crate::config::{Config, FILE_NAME};
use crate::lint::{LintOptions, Linter};
use crate::suppress::{Suppressions, DEFAULT_FILE};
use crate::{tr, Lang};

/// Where `codeDescription` links point unless the editor's `rulesUrl` says
/// otherwise: docs/rules.md of the published documentation.
pub(super) const RULES_URL: &str = "https://github.com/disclint/disclint/blob/main/docs/rules.md";

/// The editor's settings, under `disclint` or as the object itself;
/// unknown keys are ignored.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct ClientSettings {
    /// The language of messages and explanations (`zh`, `en`).
    pub lang: Option<Lang>,
    /// Where docs/rules.md is published (each diagnostic links to its rule's section).
    pub rules_url: Option<String>,
}

impl ClientSettings {
    /// The settings in `value` (`{"disclint": {…}}` or `{…}`); on a value
    /// that does not read, the reason.
    pub(super) fn from_value(value: &serde_json::Value) -> Result<ClientSettings, String> {
        let value = value.get("disclint").unwrap_or(value);
        if value.is_null() {
            return Ok(ClientSettings::default());
        }
        ClientSettings::deserialize(value).map_err(|error| error.to_string())
    }
}

/// The settings one document is checked with.
pub(super) struct Resolved {
    /// Its linter.
    pub linter: Arc<Linter>,
    /// Its suppressions file, loaded.
    pub suppressions: Option<Suppressions>,
    /// The language of its messages.
    pub lang: Lang,
    /// Why its configuration could not be used (the defaults were), to tell
    /// the user once.
    pub problem: Option<String>,
}

/// The settings of every document, built as documents need them.
pub(super) struct Settings {
    options: ServerOptions,
    client: ClientSettings,
    cwd: PathBuf,
    configs: Nearest,
    suppressions: Nearest,
    /// By configuration file and suppressions file.
    built: HashMap<(Option<PathBuf>, Option<PathBuf>), Arc<Resolved>>,
}

impl Settings {
    /// The settings of a server started with `options`, configuration files
    /// found from `cwd`.
    pub(super) fn new(options: ServerOptions, client: ClientSettings, cwd: PathBuf) -> Settings {
        Settings {
            configs: Nearest::new(FILE_NAME, &cwd),
            suppressions: Nearest::new(DEFAULT_FILE, &cwd),
            options,
            client,
            cwd,
            built: HashMap::new(),
        }
    }

    /// Replaces the editor's settings and forgets every linter built.
    pub(super) fn set_client(&mut self, client: ClientSettings) {
        self.client = client;
        self.reload();
    }

    /// Forgets the configuration files found and the linters built (a
    /// `disclint.toml` or suppressions file changed).
    pub(super) fn reload(&mut self) {
        self.configs = Nearest::new(FILE_NAME, &self.cwd);
        self.suppressions = Nearest::new(DEFAULT_FILE, &self.cwd);
        self.built.clear();
    }

    /// Where `codeDescription` links point.
    pub(super) fn rules_url(&self) -> String {
        self.client
            .rules_url
            .clone()
            .unwrap_or_else(|| RULES_URL.to_owned())
    }

    /// The settings of the document at `path` (`None`: not a file, whose
    /// settings are found from the working directory, as `check -` finds
    /// them).
    pub(super) fn for_document(&mut self, path: Option<&Path>) -> Arc<Resolved> {
        let folder = path
            .and_then(Path::parent)
            .map_or_else(|| self.cwd.clone(), |folder| self.cwd.join(folder));
        let config = match self.options.config {
            Some(_) => None,
            None => self.configs.in_folder(&folder),
        };
        let suppressions = self.suppressions.in_folder(&folder);
        let key = (config, suppressions);
        if let Some(resolved) = self.built.get(&key) {
            return Arc::clone(resolved);
        }
        let resolved = Arc::new(self.build(key.0.as_deref(), key.1.as_deref()));
        self.built.insert(key, Arc::clone(&resolved));
        resolved
    }

    /// The settings of a configuration file and a suppressions file.
    fn build(&self, config: Option<&Path>, suppressions: Option<&Path>) -> Resolved {
        if let Some(linter) = &self.options.linter {
            return Resolved {
                lang: linter.options().lang,
                linter: Arc::clone(linter),
                suppressions: None,
                problem: None,
            };
        }
        let asked = self.client.lang.unwrap_or(self.options.lang);
        let mut problems = Vec::new();
        let config = match (&self.options.config, config) {
            (Some(fixed), _) => fixed.clone(),
            (None, Some(path)) => Config::load(path, asked).unwrap_or_else(|error| {
                problems.push(render_error(&error));
                Config::default()
            }),
            (None, None) => Config::default(),
        };
        let lang = self
            .client
            .lang
            .or(config.file.lang)
            .unwrap_or(self.options.lang);
        let linter = build_linter(&config, &self.options.packs, lang, None, None).unwrap_or_else(
            |message| {
                problems.push(message);
                Linter::new(LintOptions {
                    lang,
                    ..LintOptions::default()
                })
            },
        );
        let suppressions = suppressions.and_then(|file| {
            Suppressions::load(file, lang)
                .map_err(|message| problems.push(format!("{message}\n")))
                .ok()
        });
        let problem = (!problems.is_empty()).then(|| {
            tr!(
                lang,
                "disclint：设置有误，已按默认设置检查：\n{}",
                "disclint: the settings have a problem; checked with the defaults:\n{}",
                problems.concat()
            )
        });
        Resolved {
            linter: Arc::new(linter),
            suppressions,
            lang,
            problem,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_settings_read_under_disclint_or_bare_and_ignore_unknown_keys() {
        let read = |value: serde_json::Value| ClientSettings::from_value(&value);
        let english = ClientSettings {
            lang: Some(Lang::En),
            rules_url: None,
        };
        assert_eq!(
            read(serde_json::json!({"disclint": {"lang": "en"}})),
            Ok(english.clone())
        );
        assert_eq!(
            read(serde_json::json!({"lang": "en", "other": 1})),
            Ok(english)
        );
        assert_eq!(read(serde_json::Value::Null), Ok(ClientSettings::default()));
        assert!(read(serde_json::json!({"lang": "fr"})).is_err());
    }
}
