//! Rule packs: declarative TOML describing the report format and extra rules.
//!
//! The built-in packs (`rules/*.toml`) are embedded in the binary; users add
//! their own with `--rules PATH`.

mod citations;
mod error;
mod identity;
mod patterns;
mod spec;

pub use citations::{CitationSpec, SupersededSpec, BUILTIN_CITATIONS};
pub use error::PackError;
pub use identity::{parse_expr, Each, Expr, IdentitySpec, Part, Resolved, Term, TermKind};
pub(crate) use patterns::already_replaced;
pub use patterns::{PatternKind, PatternRuleSpec, Problem, SwapSpec};
pub use spec::{ColumnSpec, PackInfo, RowSpec, SectionSpec, TableSpec, TopicSpec};

use serde::Deserialize;

use crate::config::settings_file;
use crate::Lang;

/// One rule pack as written in TOML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Name, edition and description.
    pub pack: PackInfo,
    /// Required sections, in order.
    #[serde(default)]
    pub sections: Vec<SectionSpec>,
    /// Table schemas.
    #[serde(default)]
    pub tables: Vec<TableSpec>,
    /// Documents for the citation registry.
    #[serde(default)]
    pub citations: Vec<CitationSpec>,
    /// Pattern rules.
    #[serde(default)]
    pub rules: Vec<PatternRuleSpec>,
    /// Identities added to a table of this or a built-in pack (each names its `table`).
    #[serde(default)]
    pub identities: Vec<IdentitySpec>,
    /// Where the pack was read from, for errors that involve several packs.
    #[serde(skip)]
    pub source: PackSource,
}

/// A pack's file name and text.
#[derive(Debug, Clone, Default)]
pub struct PackSource {
    /// The path shown in errors.
    pub path: String,
    /// The TOML text.
    pub text: String,
}

/// The built-in packs, as (file name, TOML text).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/format-2021.toml",
        include_str!("../../rules/format-2021.toml"),
    ),
    (
        "rules/format-2019.toml",
        include_str!("../../rules/format-2019.toml"),
    ),
];

impl Pack {
    /// Parses and validates a pack; errors point into `text`.
    pub fn from_toml(path: &str, text: &str) -> Result<Pack, PackError> {
        let mut pack: Pack =
            toml::from_str(text).map_err(|err| PackError::from_toml(path, text, &err))?;
        pack.parse_identities()
            .map_err(|(needle, message)| PackError::at_text(path, text, &needle, message))?;
        pack.validate()
            .map_err(|(needle, message)| PackError::at_text(path, text, &needle, message))?;
        for citation in &pack.citations {
            citation
                .validate()
                .map_err(|(needle, message)| PackError::at_text(path, text, &needle, message))?;
        }
        if !pack.rules.is_empty() {
            patterns::validate_rules(&pack.rules, &pack.section_kinds())
                .map_err(|problem| PackError::at_problem(path, text, &problem))?;
        }
        pack.source = PackSource {
            path: path.to_owned(),
            text: text.to_owned(),
        };
        Ok(pack)
    }

    /// Reads a pack from a file (a regular file of at most
    /// [`settings_file::MAX_SIZE`]); a problem with the file itself is told
    /// in `lang`, and a file that is not TOML is not quoted.
    pub fn load(path: &std::path::Path, lang: Lang) -> Result<Pack, PackError> {
        let name = path.display().to_string();
        let text = settings_file::read(path, settings_file::MAX_SIZE)
            .map_err(|problem| PackError::unreadable(&name, &problem, lang))?;
        Pack::from_toml(&name, &text).map_err(|err| match settings_file::not_toml(&text) {
            Some(problem) => PackError::unreadable(&name, &problem, lang),
            None => err,
        })
    }

    /// Reads the packs of a run, in order, and checks them together
    /// ([`Pack::check_rule_ids`], [`Pack::check_substitutions`]).
    pub fn load_all(paths: &[std::path::PathBuf], lang: Lang) -> Result<Vec<Pack>, PackError> {
        let packs = paths
            .iter()
            .map(|path| Pack::load(path, lang))
            .collect::<Result<Vec<_>, _>>()?;
        Pack::check_rule_ids(&packs)?;
        Pack::check_substitutions(&packs)?;
        Ok(packs)
    }

    /// Checks that no substitution rewrites what another pack's substitution
    /// writes (within a pack, [`Pack::from_toml`] checks it): `--fix` would
    /// rewrite its own output. The error points at the rule whose
    /// replacement is rewritten.
    pub fn check_substitutions(packs: &[Pack]) -> Result<(), PackError> {
        let (owners, substitutions): (Vec<&Pack>, Vec<patterns::Substitution<'_>>) = packs
            .iter()
            .flat_map(|pack| {
                pack.rules.iter().map(move |rule| {
                    let substitution = patterns::Substitution {
                        rule,
                        edition: pack.pack.edition,
                        origin: format!(" (pack `{}`, {})", pack.pack.name, pack.source.path),
                    };
                    (pack, substitution)
                })
            })
            .unzip();
        match patterns::find_feeding(&substitutions) {
            Some((index, message)) => {
                let pack = owners[index];
                let problem = Problem {
                    needle: format!("\"{}\"", substitutions[index].rule.code),
                    occurrence: 0,
                    message,
                };
                Err(PackError::at_problem(
                    &pack.source.path,
                    &pack.source.text,
                    &problem,
                ))
            }
            None => Ok(()),
        }
    }

    /// The built-in pack describing format `edition` (2019 or 2021): the
    /// embedded `format-<edition>.toml`, else the first one. Each is parsed on
    /// first use, so a run that needs one edition never parses the other.
    pub fn builtin_format(edition: u16) -> &'static Pack {
        static PACKS: [std::sync::OnceLock<Pack>; BUILTIN.len()] =
            [const { std::sync::OnceLock::new() }; BUILTIN.len()];
        let wanted = format!("format-{edition}.toml");
        let index = BUILTIN
            .iter()
            .position(|(path, _)| path.ends_with(&wanted))
            .unwrap_or(0);
        PACKS[index].get_or_init(|| {
            let (path, text) = BUILTIN[index];
            Pack::from_toml(path, text).unwrap_or_else(|err| {
                panic!("built-in pack {path} is invalid (a test checks this): {err}")
            })
        })
    }

    /// The built-in registry of cited documents.
    pub fn builtin_citations() -> &'static Pack {
        static PACK: std::sync::OnceLock<Pack> = std::sync::OnceLock::new();
        PACK.get_or_init(|| {
            let (path, text) = BUILTIN_CITATIONS;
            Pack::from_toml(path, text).unwrap_or_else(|err| {
                panic!("built-in pack {path} is invalid (a test checks this): {err}")
            })
        })
    }

    /// The section kinds a rule of this pack may name: the built-in ones and the pack's own.
    fn section_kinds(&self) -> Vec<String> {
        let mut kinds: Vec<String> = Vec::new();
        for section in Pack::builtin_format(2021)
            .sections
            .iter()
            .chain(&self.sections)
        {
            if !kinds.contains(&section.kind) {
                kinds.push(section.kind.clone());
            }
        }
        kinds
    }

    /// Checks that no two packs declare the same rule code or name, and that
    /// no pack rule takes a built-in rule's name; the error points into the
    /// later pack.
    pub fn check_rule_ids(packs: &[Pack]) -> Result<(), PackError> {
        let builtin = crate::rules::Registry::builtin();
        for (index, pack) in packs.iter().enumerate() {
            let earlier = &packs[..index];
            for rule in &pack.rules {
                let clash = |same: &dyn Fn(&PatternRuleSpec) -> bool| {
                    earlier.iter().find(|p| p.rules.iter().any(same))
                };
                let problem = if let Some(other) = clash(&|r| r.code == rule.code) {
                    Some((
                        &rule.code,
                        format!(
                            "rule code `{}` is already declared by pack `{}` ({})",
                            rule.code, other.pack.name, other.source.path
                        ),
                    ))
                } else if let Some(other) = clash(&|r| r.name == rule.name) {
                    Some((
                        &rule.name,
                        format!(
                            "rule name `{}` is already declared by pack `{}` ({})",
                            rule.name, other.pack.name, other.source.path
                        ),
                    ))
                } else if builtin.metas().any(|m| m.name == rule.name) {
                    Some((
                        &rule.name,
                        format!("rule name `{}` is a built-in rule's name", rule.name),
                    ))
                } else {
                    None
                };
                if let Some((needle, message)) = problem {
                    let problem = Problem {
                        needle: format!("\"{needle}\""),
                        occurrence: 0,
                        message,
                    };
                    return Err(PackError::at_problem(
                        &pack.source.path,
                        &pack.source.text,
                        &problem,
                    ));
                }
            }
        }
        Ok(())
    }

    /// Checks references inside the pack. On error: a snippet of the pack text
    /// to point at, and the message.
    fn validate(&self) -> Result<(), (String, String)> {
        self.validate_identities()?;
        for table in &self.tables {
            let mut seen = std::collections::HashSet::new();
            for row in &table.rows {
                if !seen.insert(row.id.as_str()) {
                    return Err((
                        format!("\"{}\"", row.id),
                        format!("duplicate row id `{}` in table `{}`", row.id, table.kind),
                    ));
                }
                for column in row.columns.iter().flatten() {
                    if !table.columns.iter().any(|c| &c.id == column) {
                        return Err((
                            format!("\"{column}\""),
                            format!(
                                "row `{}` of table `{}` names unknown column `{column}`",
                                row.id, table.kind
                            ),
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_packs_load() {
        for (path, text) in BUILTIN {
            let pack = Pack::from_toml(path, text).unwrap();
            assert_eq!(pack.sections.len(), 6, "{path}");
            assert_eq!(pack.tables.len(), 3, "{path}");
        }
        assert_eq!(Pack::builtin_format(2019).pack.edition, Some(2019));
        assert_eq!(Pack::builtin_format(2021).pack.edition, Some(2021));
    }

    #[test]
    fn unknown_column_is_an_error_pointing_at_it() {
        let text = r#"
[pack]
name = "t"
[[tables]]
kind = "x"
section = "x"
name = "x"
columns = [{ id = "a", label = "A" }]
rows = [{ id = "r", label = "R", columns = ["b"] }]
"#;
        let err = Pack::from_toml("t.toml", text).unwrap_err();
        assert!(err.to_string().contains("unknown column `b`"), "{err}");
        assert_eq!(err.span_text(), Some("\"b\""));
    }

    #[test]
    fn substitutions_of_packs_for_different_editions_never_meet() {
        let pack = |name: &str, edition: u16, code: &str, swap: &str| {
            let text = format!(
                "[pack]\nname = \"{name}\"\nedition = {edition}\n[[rules]]\ncode = \"{code}\"\nname = \"{name}\"\nkind = \"substitution\"\nswap = [{swap}]\nmessage = \"m\"\n"
            );
            Pack::from_toml(&format!("{name}.toml"), &text).unwrap()
        };
        let zeros = pack("zeros", 2021, "SW001", r#"{ from = "0", to = "1111" }"#);
        let ones = pack("ones", 2019, "SW002", r#"{ from = "1", to = "0000" }"#);
        Pack::check_substitutions(&[zeros.clone(), ones]).unwrap();
        let ones = pack("ones", 2021, "SW002", r#"{ from = "1", to = "0000" }"#);
        let err = Pack::check_substitutions(&[zeros, ones]).unwrap_err();
        assert!(
            err.to_string().starts_with("zeros.toml: rule `SW001`"),
            "{err}"
        );
        assert!(
            err.to_string().contains("(pack `ones`, ones.toml)"),
            "{err}"
        );
    }

    #[test]
    fn unknown_key_is_an_error() {
        let err = Pack::from_toml("t.toml", "[pack]\nname = \"t\"\nbogus = 1\n").unwrap_err();
        assert!(err.to_string().contains("bogus"), "{err}");
    }
}
