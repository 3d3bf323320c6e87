//! Rule packs: declarative TOML describing the report format and extra rules.
//!
//! The built-in packs (`rules/*.toml`) are embedded in the binary; users add
//! their own with `--rules PATH`.

mod error;
mod spec;

pub use error::PackError;
pub use spec::{ColumnSpec, PackInfo, RowSpec, SectionSpec, TableSpec, TopicSpec};

use serde::Deserialize;

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
        let pack: Pack =
            toml::from_str(text).map_err(|err| PackError::from_toml(path, text, &err))?;
        pack.validate()
            .map_err(|(needle, message)| PackError::at_text(path, text, &needle, message))?;
        Ok(pack)
    }

    /// Reads a pack from a file.
    pub fn load(path: &std::path::Path) -> Result<Pack, PackError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|err| PackError::io(&name, &err))?;
        Pack::from_toml(&name, &text)
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
    fn unknown_key_is_an_error() {
        let err = Pack::from_toml("t.toml", "[pack]\nname = \"t\"\nbogus = 1\n").unwrap_err();
        assert!(err.to_string().contains("bogus"), "{err}");
    }
}
