//! Rule packs: declarative TOML describing the report format and extra rules.
//!
//! The built-in packs (`rules/*.toml`) are embedded in the binary; users add
//! their own with `--rules PATH`.

mod citations;
mod error;
mod identity;
mod patterns;
mod set;
mod spec;

pub use citations::{CitationSpec, SupersededSpec, BUILTIN_CITATIONS};
pub use error::PackError;
pub use identity::{parse_expr, Each, Expr, IdentitySpec, Part, Resolved, Term, TermKind};
pub(crate) use patterns::already_replaced;
pub use patterns::{PatternKind, PatternRuleSpec, Problem, SwapSpec};
pub(crate) use set::table_in;
pub use set::PackSet;
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

/// The built-in packs, as (file name, TOML text), in load order.
pub const BUILTIN: &[(&str, &str)] = &[
    BUILTIN_CITATIONS,
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
    /// Parses a pack and checks it as a user pack, after the built-in ones;
    /// errors point into `text`.
    pub fn from_toml(path: &str, text: &str) -> Result<Pack, PackError> {
        let pack = Pack::parse(path, text)?;
        PackSet::builtin().check(&pack)?;
        Ok(pack)
    }

    /// Parses a pack and checks what it says of itself alone (its TOML
    /// shape, its expressions, its own tables and citations); what it says
    /// of other packs is checked when a [`PackSet`] admits it.
    pub(crate) fn parse(path: &str, text: &str) -> Result<Pack, PackError> {
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
        pack.source = PackSource {
            path: path.to_owned(),
            text: text.to_owned(),
        };
        Ok(pack)
    }

    /// Checks what the pack says of the packs loaded before it: the tables
    /// its identities name, the sections its rules name, rule codes and
    /// names taken, substitutions that rewrite each other. Built-in and user
    /// packs alike come through here.
    pub(crate) fn check_after(&self, earlier: &[Pack]) -> Result<(), PackError> {
        let (path, text) = (&self.source.path, &self.source.text);
        self.validate_identities(earlier)
            .map_err(|(needle, message)| PackError::at_text(path, text, &needle, message))?;
        if !self.rules.is_empty() {
            patterns::validate_rules(&self.rules, &self.section_kinds(earlier))
                .map_err(|problem| PackError::at_problem(path, text, &problem))?;
        }
        self.check_rule_ids(earlier)?;
        Pack::check_substitutions(earlier, self)
    }

    /// Whether the pack applies to reports of format `edition`: it names
    /// that edition, or none.
    pub fn applies_to(&self, edition: u16) -> bool {
        self.pack.edition.is_none_or(|own| own == edition)
    }

    /// Reads a pack file (a regular file of at most
    /// [`settings_file::MAX_SIZE`]) and parses it; a problem with the file
    /// itself is told in `lang`, and a file that is not TOML is not quoted.
    fn read(path: &std::path::Path, lang: Lang) -> Result<Pack, PackError> {
        let name = path.display().to_string();
        let text = settings_file::read(path, settings_file::MAX_SIZE)
            .map_err(|problem| PackError::unreadable(&name, &problem, lang))?;
        Pack::parse(&name, &text).map_err(|err| match settings_file::not_toml(&text) {
            Some(problem) => PackError::unreadable(&name, &problem, lang),
            None => err,
        })
    }

    /// Reads a pack from a file and checks it as a user pack (see [`Pack::read`]).
    pub fn load(path: &std::path::Path, lang: Lang) -> Result<Pack, PackError> {
        let pack = Pack::read(path, lang)?;
        PackSet::builtin().check(&pack)?;
        Ok(pack)
    }

    /// Reads the user packs of a run, in order, and admits each after the
    /// built-in packs and the user packs before it.
    pub fn load_all(paths: &[std::path::PathBuf], lang: Lang) -> Result<Vec<Pack>, PackError> {
        let packs = paths
            .iter()
            .map(|path| Pack::read(path, lang))
            .collect::<Result<Vec<_>, _>>()?;
        let builtin = PackSet::builtin();
        Ok(builtin.with_user(packs)?.into_tail(builtin.packs().len()))
    }

    /// Checks that no substitution of `pack` and the packs before it
    /// rewrites what another writes: `--fix` would rewrite its own output.
    /// The error points at the rule whose replacement is rewritten.
    fn check_substitutions(earlier: &[Pack], pack: &Pack) -> Result<(), PackError> {
        let (owners, substitutions): (Vec<&Pack>, Vec<patterns::Substitution<'_>>) = earlier
            .iter()
            .chain(std::iter::once(pack))
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

    /// The section kinds a rule of this pack may name: those of the packs
    /// before it and its own.
    fn section_kinds(&self, earlier: &[Pack]) -> Vec<String> {
        let mut kinds: Vec<String> = Vec::new();
        for section in earlier
            .iter()
            .flat_map(|p| &p.sections)
            .chain(&self.sections)
        {
            if !kinds.contains(&section.kind) {
                kinds.push(section.kind.clone());
            }
        }
        kinds
    }

    /// Checks that no rule of the pack takes the code or name of a rule of
    /// a pack before it, nor a built-in rule's name; the error points into
    /// this pack.
    fn check_rule_ids(&self, earlier: &[Pack]) -> Result<(), PackError> {
        let native = crate::rules::Registry::native();
        for rule in &self.rules {
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
            } else if native.metas().any(|m| m.name == rule.name) {
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
                    &self.source.path,
                    &self.source.text,
                    &problem,
                ));
            }
        }
        Ok(())
    }

    /// Checks references inside the pack. On error: a snippet of the pack text
    /// to point at, and the message.
    fn validate(&self) -> Result<(), (String, String)> {
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
        let set = PackSet::builtin();
        let formats: Vec<&Pack> = set
            .packs()
            .iter()
            .filter(|p| !p.tables.is_empty())
            .collect();
        let editions: Vec<Option<u16>> = formats.iter().map(|p| p.pack.edition).collect();
        assert_eq!(editions, [Some(2021), Some(2019)]);
        for pack in formats {
            assert_eq!(pack.sections.len(), 6, "{}", pack.source.path);
            assert_eq!(pack.tables.len(), 3, "{}", pack.source.path);
        }
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
        let builtin = PackSet::builtin();
        let zeros = pack("zeros", 2021, "SW001", r#"{ from = "0", to = "1111" }"#);
        let ones = pack("ones", 2019, "SW002", r#"{ from = "1", to = "0000" }"#);
        builtin.with_user(vec![zeros.clone(), ones]).unwrap();
        let ones = pack("ones", 2021, "SW002", r#"{ from = "1", to = "0000" }"#);
        let err = builtin.with_user(vec![zeros, ones]).unwrap_err();
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
