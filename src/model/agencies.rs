//! The kind of agency a name is, by how it ends (the kinds of the packs,
//! `rules/agencies.toml`).

use crate::normalize::canon;
use crate::pack::AgencySpec;

/// The kinds of agencies of the packs, with their words folded once.
#[derive(Debug, Clone, Default)]
pub struct AgencyKinds {
    kinds: Vec<FoldedKind>,
}

#[derive(Debug, Clone)]
struct FoldedKind {
    spec: AgencySpec,
    endings: Vec<String>,
    within: Vec<String>,
    unless_starting: Vec<String>,
}

impl AgencyKinds {
    /// The kinds `specs` declare, a later one replacing an earlier one of the same `kind`.
    pub fn new(specs: &[&AgencySpec]) -> Self {
        let mut kinds: Vec<FoldedKind> = Vec::new();
        for spec in specs {
            let fold =
                |words: &[String]| -> Vec<String> { words.iter().map(|w| canon(w)).collect() };
            let folded = FoldedKind {
                spec: (*spec).clone(),
                endings: spec.endings.iter().map(|e| canon(e)).collect(),
                within: fold(&spec.within),
                unless_starting: fold(&spec.unless_starting),
            };
            match kinds.iter_mut().find(|k| k.spec.kind == spec.kind) {
                Some(existing) => *existing = folded,
                None => kinds.push(folded),
            }
        }
        Self { kinds }
    }

    /// The kind of the agency named `name`: the kind with the longest
    /// ending that fits, if any does.
    pub fn kind_of(&self, name: &str) -> Option<&AgencySpec> {
        let name = canon(name);
        self.kinds
            .iter()
            .filter(|kind| {
                !kind
                    .unless_starting
                    .iter()
                    .any(|w| name.starts_with(w.as_str()))
            })
            .filter_map(|kind| {
                let ending = kind
                    .endings
                    .iter()
                    .filter(|ending| {
                        name.len() > ending.len()
                            && name.strip_suffix(ending.as_str()).is_some_and(|before| {
                                kind.within.is_empty()
                                    || kind.within.iter().any(|w| before.contains(w.as_str()))
                            })
                    })
                    .map(|ending| ending.chars().count())
                    .max()?;
                Some((ending, kind))
            })
            // The first of equally long endings wins.
            .fold(
                None,
                |best: Option<(usize, &FoldedKind)>, (length, kind)| match best {
                    Some((best_length, _)) if best_length >= length => best,
                    _ => Some((length, kind)),
                },
            )
            .map(|(_, kind)| &kind.spec)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Formats;
    use crate::pack::PackSet;
    use crate::Edition;

    fn kind(name: &str) -> Option<String> {
        let formats = Formats::new(PackSet::builtin().packs());
        let kinds = &formats.get(Edition::E2021).agencies;
        kinds.kind_of(name).map(|k| k.kind.to_string())
    }

    #[test]
    fn kinds_by_their_names() {
        for (name, expected) in [
            ("青禾县白石镇人民政府", Some("township")),
            ("东街街道", Some("township")),
            ("巴音乌兰苏木", Some("township")),
            ("合水县", Some("county")),
            ("某某市白石区人民政府", Some("county")),
            ("某某工业园区", Some("development_zone")),
            ("某某市财政局", Some("local_department")),
            ("某某省教育厅", Some("local_department")),
            ("某某县人民政府办公室", Some("county_office")),
            ("某某市人民政府办公室", Some("government_office")),
            ("某某壮族自治区人民政府", Some("province")),
            ("某某自治区人民政府办公室", Some("government_office")),
            ("某某地区", Some("prefecture")),
            // A State Council department, a city of either level, no place at all.
            ("国家某某局", None),
            ("某某部", None),
            ("某某市人民政府", None),
            ("统计局", None),
        ] {
            assert_eq!(kind(name).as_deref(), expected, "{name}");
        }
    }
}
