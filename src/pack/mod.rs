//! Rule packs: declarative TOML describing the report format and extra rules.
//!
//! The built-in packs (`rules/*.toml`) are embedded in the binary; users add
//! their own with `--rules PATH`.

mod citations;
mod error;
mod identity;
mod identity_rules;
pub mod ids;
mod pack_str;
mod patterns;
mod set;
mod spec;

pub use citations::{CitationSpec, SupersededSpec, BUILTIN_CITATIONS};
pub(crate) use error::Problem;
pub use error::{PackError, PackProblem};
pub use identity::{parse_expr, Each, Expr, IdentitySpec, Part, Resolved, Term, TermKind};
pub use identity_rules::{ExampleSpec, IdentityRuleSpec, FIRST_USER_CODE};
pub use pack_str::PackStr;
pub(crate) use patterns::already_replaced;
pub use patterns::{PatternKind, PatternRuleSpec, SwapSpec};
pub(crate) use set::table_in;
pub use set::PackSet;
pub use spec::{ColumnSpec, PackInfo, RowSpec, SectionSpec, TableSpec, TopicSpec};

use serde::Deserialize;

use crate::bilingual;
use crate::config::settings_file;
use crate::Edition;
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
    /// Identities added to a table of this or an earlier pack (each names its `table`).
    #[serde(default)]
    pub identities: Vec<IdentitySpec>,
    /// The codes identities report under, with their documentation.
    #[serde(default)]
    pub identity_rules: Vec<IdentityRuleSpec>,
    /// Whether the pack stands for a built-in one ([`PackSet::from_texts`]):
    /// only those may declare identity codes below [`FIRST_USER_CODE`].
    #[serde(skip)]
    pub builtin: bool,
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
        "rules/identities.toml",
        include_str!("../../rules/identities.toml"),
    ),
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

    /// Parses a pack's TOML and its identities' expressions; the pack is
    /// checked when a [`PackSet`] admits it ([`Pack::check_after`]).
    pub(crate) fn parse(path: &str, text: &str) -> Result<Pack, PackError> {
        let mut pack: Pack =
            toml::from_str(text).map_err(|err| PackError::from_toml(path, text, &err))?;
        pack.source = PackSource {
            path: path.to_owned(),
            text: text.to_owned(),
        };
        pack.parse_identities();
        Ok(pack)
    }

    /// Checks the pack, on its own and against the packs loaded before it:
    /// its expressions, tables and citations; the tables its identities
    /// name, the sections its rules name, rule codes and names taken,
    /// substitutions that rewrite each other. Built-in and user packs alike
    /// come through here. Every problem is reported, in the order of the
    /// pack text, each at its own place.
    pub(crate) fn check_after(&self, earlier: &[Pack]) -> Result<(), PackError> {
        let mut problems = Vec::new();
        self.validate_expressions(&mut problems);
        self.validate_tables(&mut problems);
        for citation in &self.citations {
            citation.validate(&mut problems);
        }
        self.validate_identity_rules(&mut problems);
        self.validate_identities(earlier, &mut problems);
        self.validate_document(earlier, &mut problems);
        patterns::validate_rules(
            &self.rules,
            &self.section_kinds(earlier),
            &self.source.text,
            &mut problems,
        );
        self.check_rule_ids(earlier, &mut problems);
        problems.sort_by_key(|p| p.span.as_ref().map(|s| s.start));
        // An identity of a pack for both editions is resolved twice.
        problems.dedup();
        let own = PackError::of(&self.source.path, &self.source.text, problems);
        // A substitution may feed one of an earlier pack, whose rule is the one pointed at.
        PackError::join(
            [own, Pack::check_substitutions(earlier, self)]
                .into_iter()
                .filter_map(Result::err)
                .collect(),
        )
    }

    /// Whether the pack applies to reports of format `edition`: it names
    /// that edition, or none.
    pub fn applies_to(&self, edition: Edition) -> bool {
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
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| error.in_lang(lang))?;
        let builtin = PackSet::builtin();
        let set = builtin
            .with_user(packs)
            .map_err(|error| error.in_lang(lang))?;
        Ok(set.into_tail(builtin.packs().len()))
    }

    /// Checks that no substitution of `pack` and the packs before it
    /// rewrites what another writes: `--fix` would rewrite its own output.
    /// Each error points at the rule whose replacement is rewritten.
    fn check_substitutions(earlier: &[Pack], pack: &Pack) -> Result<(), PackError> {
        let (owners, substitutions): (Vec<&Pack>, Vec<patterns::Substitution<'_>>) = earlier
            .iter()
            .chain(std::iter::once(pack))
            .enumerate()
            .flat_map(|(index, pack)| {
                pack.rules.iter().map(move |rule| {
                    let substitution = patterns::Substitution {
                        rule,
                        edition: pack.pack.edition,
                        pack: index,
                        origin: bilingual!(
                            "（规则包“{}”，{}）",
                            " (pack `{}`, {})",
                            pack.pack.name,
                            pack.source.path
                        ),
                    };
                    (pack, substitution)
                })
            })
            .unzip();
        let errors = patterns::find_feeding(&substitutions)
            .into_iter()
            .filter_map(|(index, message)| {
                let owner = owners[index];
                let problem = Problem::at(substitutions[index].rule.code.span(), message);
                PackError::of(&owner.source.path, &owner.source.text, vec![problem]).err()
            })
            .collect();
        PackError::join(errors)
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

    /// The codes and names of the rules the pack declares (pattern and
    /// identity rules), with where each is written.
    fn rule_ids(&self) -> impl Iterator<Item = (&PackStr, &PackStr)> {
        let patterns = self.rules.iter().map(|r| (&r.code, &r.name));
        patterns.chain(self.identity_rules.iter().map(|r| (&r.code, &r.name)))
    }

    /// Checks that no rule of the pack takes the code or name of a rule of
    /// a pack before it, nor a built-in rule's code or name.
    fn check_rule_ids(&self, earlier: &[Pack], problems: &mut Vec<Problem>) {
        let native = crate::rules::Registry::native();
        for (code, name) in self.rule_ids() {
            let declared = |same: &dyn Fn(&PackStr, &PackStr) -> bool| {
                earlier
                    .iter()
                    .find(|p| p.rule_ids().any(|(c, n)| same(c, n)))
            };
            let problem = if let Some(other) = declared(&|c, _| c == code) {
                Problem::at(
                    code.span(),
                    bilingual!(
                        "规则代码“{}”已由规则包“{}”（{}）声明",
                        "rule code `{}` is already declared by pack `{}` ({})",
                        code,
                        other.pack.name,
                        other.source.path
                    ),
                )
            } else if let Some(other) = declared(&|_, n| n == name) {
                Problem::at(
                    name.span(),
                    bilingual!(
                        "规则名称“{}”已由规则包“{}”（{}）声明",
                        "rule name `{}` is already declared by pack `{}` ({})",
                        name,
                        other.pack.name,
                        other.source.path
                    ),
                )
            } else if native.metas().any(|m| m.code == code.as_str()) {
                Problem::at(
                    code.span(),
                    bilingual!(
                        "规则代码“{}”是内置规则的代码",
                        "rule code `{}` is a built-in rule's code",
                        code
                    ),
                )
            } else if native.metas().any(|m| m.name == name.as_str()) {
                Problem::at(
                    name.span(),
                    bilingual!(
                        "规则名称“{}”是内置规则的名称",
                        "rule name `{}` is a built-in rule's name",
                        name
                    ),
                )
            } else {
                continue;
            };
            problems.push(problem);
        }
    }

    /// Checks that the document the pack names is a citation of this or an earlier pack.
    fn validate_document(&self, earlier: &[Pack], problems: &mut Vec<Problem>) {
        let Some(document) = &self.pack.document else {
            return;
        };
        let known = earlier
            .iter()
            .chain(std::iter::once(self))
            .flat_map(|p| &p.citations)
            .any(|c| c.id == document.as_str());
        if !known {
            problems.push(Problem::at(
                document.span(),
                bilingual!(
                    "`document`：没有 id 为“{}”的引用文件",
                    "`document`: no citation has the id `{}`",
                    document
                ),
            ));
        }
    }

    /// Checks the rows of the pack's tables: ids unique, columns known.
    fn validate_tables(&self, problems: &mut Vec<Problem>) {
        for table in &self.tables {
            let mut seen = std::collections::HashSet::new();
            for row in &table.rows {
                if !seen.insert(row.id.as_str()) {
                    problems.push(Problem::at(
                        row.id.span(),
                        bilingual!(
                            "表“{1}”中的行 id“{0}”重复",
                            "duplicate row id `{0}` in table `{1}`",
                            row.id,
                            table.kind
                        ),
                    ));
                }
                for column in row.columns.iter().flatten() {
                    if !table.columns.iter().any(|c| c.id == column.as_str()) {
                        problems.push(Problem::at(
                            column.span(),
                            bilingual!(
                                "表“{1}”的行“{0}”所列的列“{2}”不存在",
                                "row `{0}` of table `{1}` names unknown column `{2}`",
                                row.id,
                                table.kind,
                                column
                            ),
                        ));
                    }
                }
            }
        }
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
        let editions: Vec<Option<Edition>> = formats.iter().map(|p| p.pack.edition).collect();
        assert_eq!(editions, [Some(Edition::E2021), Some(Edition::E2019)]);
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
