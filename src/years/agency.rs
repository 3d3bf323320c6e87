//! Which reports are the same agency's: the name in the title, normalised
//! ([`key`]), a short name joined to the one longer name in the batch that
//! ends with it, and the `[agencies]` table of `disclint.toml` over both.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use crate::normalize::canon;
use crate::rules::ConfigPath;

/// Where a title's agency stops: the rest names the report.
const REPORT_WORDS: [&str; 3] = ["政府信息公开", "政务公开", "信息公开"];
/// Words a title has after the agency but before the year (`某局关于2023年度…`).
const TRAILING_WORDS: [&str; 5] = ["关于", "的", "年度", "年", "度"];

/// The key an agency is matched by: its name folded (spaces, quotes and
/// punctuation widths), cut before the words that name the report, with
/// `人民政府` as `政府` (`某市人民政府办公室` and `某市政府办公室` are one
/// agency); `None` for a name too short to tell agencies apart.
pub fn key(name: &str) -> Option<String> {
    let folded = canon(name);
    let mut name = folded.as_str();
    if let Some(at) = REPORT_WORDS.iter().filter_map(|w| name.find(w)).min() {
        name = &name[..at];
    }
    while let Some(rest) = TRAILING_WORDS.iter().find_map(|w| name.strip_suffix(w)) {
        name = rest;
    }
    // `某县人民政府信息公开…` was cut inside `人民政府`.
    let name = match name.strip_suffix("人民") {
        Some(place) => format!("{place}政府"),
        None => name.to_owned(),
    };
    let key = name.replace("人民政府", "政府");
    (key.chars().count() >= 2).then_some(key)
}

/// Characters that end a place's name (`省`, `市`, …): a longer name
/// may hold a shorter one after any of them.
const PLACE_ENDS: [char; 7] = ['省', '市', '州', '盟', '区', '县', '旗'];
/// Characters that name a place at any level.
const PLACES: [char; 11] = [
    '省', '市', '州', '盟', '区', '县', '旗', '镇', '乡', '街', '村',
];

/// Whether `name` starts with a place (two characters at least before its
/// first place character: `朝阳区…`, `白石镇…`, not `市场监督管理局`).
fn names_a_place(name: &str) -> bool {
    name.chars()
        .position(|c| PLACES.contains(&c))
        .is_some_and(|at| at >= 2)
}

/// For every key that is the end of exactly one longer key (after a place:
/// `朝阳区政府办公室` of `北京市朝阳区政府办公室`), that longer key; a key
/// that ends two unrelated names (two `朝阳区`) stays as it is.
fn longer_forms(keys: &BTreeSet<&str>) -> HashMap<String, String> {
    let mut ends: HashMap<&str, Vec<&str>> = HashMap::new();
    for &long in keys {
        for (at, c) in long.char_indices() {
            let tail = &long[at + c.len_utf8()..];
            if PLACE_ENDS.contains(&c) && at > 0 && names_a_place(tail) {
                ends.entry(tail).or_default().push(long);
            }
        }
    }
    let mut out = HashMap::new();
    for &short in keys {
        let Some(longer) = ends.get(short) else {
            continue;
        };
        let Some(&longest) = longer.iter().max_by_key(|l| l.len()) else {
            continue;
        };
        // Nested names (`白石镇政府` of `青禾县白石镇政府` of `某省青禾县白石镇政府`) are one.
        if longer.iter().all(|l| longest.ends_with(l)) {
            out.insert(short.to_owned(), longest.to_owned());
        }
    }
    out
}

/// The `[agencies]` table: agency names, or path globs (any key with `/`,
/// `*`, `?`, `[` or `.`), each giving the id of the agency its reports are.
#[derive(Debug, Clone, Default)]
pub struct AgencyMap {
    base: Option<PathBuf>,
    names: HashMap<String, String>,
    globs: Vec<(glob::Pattern, String)>,
}

/// Whether an `[agencies]` key is a path pattern rather than a name.
pub fn is_path_pattern(key: &str) -> bool {
    key.contains(['/', '*', '?', '[', '.'])
}

impl AgencyMap {
    /// The table's entries; globs are relative to `base`, the
    /// configuration file's directory. A glob that does not parse is left
    /// out (the configuration's loading reports it).
    pub fn new(base: Option<PathBuf>, entries: &BTreeMap<String, String>) -> Self {
        let mut map = AgencyMap {
            base: base.map(|b| std::path::absolute(&b).unwrap_or(b)),
            ..AgencyMap::default()
        };
        for (pattern, id) in entries {
            if is_path_pattern(pattern) {
                if let Ok(glob) = glob::Pattern::new(pattern) {
                    map.globs.push((glob, id.clone()));
                }
            } else if let Some(name) = key(pattern) {
                map.names.insert(name, id.clone());
            }
        }
        map
    }

    /// The agency of each report, given its path and the agency its title
    /// names: the table's (a glob, then a name), else the name's key joined
    /// to the longer name it is the end of. `None` where neither says.
    pub fn assign(&self, reports: &[(&str, Option<&str>)]) -> Vec<Option<String>> {
        let keys: Vec<Option<String>> =
            reports.iter().map(|(_, name)| name.and_then(key)).collect();
        let guessed: BTreeSet<&str> = keys
            .iter()
            .zip(reports)
            .filter(|(_, (path, _))| self.by_glob(path).is_none())
            .filter_map(|(key, _)| key.as_deref())
            .filter(|key| !self.names.contains_key(*key))
            .collect();
        let longer = longer_forms(&guessed);
        reports
            .iter()
            .zip(&keys)
            .map(|((path, _), key)| {
                if let Some(id) = self.by_glob(path) {
                    return Some(id.to_owned());
                }
                let key = key.as_deref()?;
                if let Some(id) = self.names.get(key) {
                    return Some(id.clone());
                }
                Some(longer.get(key).cloned().unwrap_or_else(|| key.to_owned()))
            })
            .collect()
    }

    fn by_glob(&self, path: &str) -> Option<&str> {
        if self.globs.is_empty() {
            return None;
        }
        let path = ConfigPath::new(path, self.base.as_deref());
        self.globs
            .iter()
            .find(|(glob, _)| path.matches(glob))
            .map(|(_, id)| id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_the_name_and_drop_the_report_words() {
        assert_eq!(key("某市人民政府办公室").as_deref(), Some("某市政府办公室"));
        assert_eq!(key("某市政府办公室").as_deref(), Some("某市政府办公室"));
        assert_eq!(
            key("青禾县 白石镇人民政府").as_deref(),
            Some("青禾县白石镇政府")
        );
        assert_eq!(key("某某局关于").as_deref(), Some("某某局"));
        assert_eq!(key("某某局政府信息公开工作").as_deref(), Some("某某局"));
        assert_eq!(key("某县人民政府信息公开").as_deref(), Some("某县政府"));
        assert_eq!(key("某县人民").as_deref(), Some("某县政府"));
        assert_eq!(key("局"), None);
    }

    fn assigned(map: &AgencyMap, reports: &[(&str, Option<&str>)]) -> Vec<Option<String>> {
        map.assign(reports)
    }

    #[test]
    fn a_short_name_joins_the_one_longer_name_it_ends() {
        let map = AgencyMap::default();
        let ids = assigned(
            &map,
            &[
                ("a", Some("北京市朝阳区人民政府办公室")),
                ("b", Some("朝阳区政府办公室")),
                ("c", Some("某市财政局")),
                ("d", Some("财政局")),
            ],
        );
        assert_eq!(ids[0].as_deref(), Some("北京市朝阳区政府办公室"));
        assert_eq!(ids[1], ids[0]);
        // `财政局` names no place: it stays apart.
        assert_eq!(ids[3].as_deref(), Some("财政局"));
        // Two longer names end with it: ambiguous, so it stays apart.
        let ids = assigned(
            &map,
            &[
                ("a", Some("北京市朝阳区政府办公室")),
                ("b", Some("长春市朝阳区政府办公室")),
                ("c", Some("朝阳区政府办公室")),
            ],
        );
        assert_eq!(ids[2].as_deref(), Some("朝阳区政府办公室"));
    }

    #[test]
    fn the_table_overrides_names_and_globs_override_both() {
        let entries = BTreeMap::from([
            ("白石镇".to_owned(), "白石".to_owned()),
            ("old/*.txt".to_owned(), "白石".to_owned()),
        ]);
        let map = AgencyMap::new(None, &entries);
        let ids = assigned(
            &map,
            &[
                ("new/a.txt", Some("白石镇")),
                ("old/b.txt", Some("青禾县石桥镇人民政府")),
                ("new/c.txt", None),
            ],
        );
        assert_eq!(ids, [Some("白石".into()), Some("白石".into()), None]);
    }
}
