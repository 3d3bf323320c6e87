//! The packs of a run, in order: the built-in ones, then the user's. Every
//! pack, built-in or not, is admitted by the same check against the packs
//! before it ([`PackSet::push`]), and the check never reaches for a global,
//! so the built-in packs can declare anything a user pack can. (A release
//! build trusts the built-in packs its tests admitted: [`PackSet::builtin`].)

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::OnceLock;

use super::ids::Need;
use super::{Pack, PackError, Problem, TableSpec, BUILTIN};
use crate::lang::Bilingual;
use crate::{bilingual, Edition, Lang};

/// Packs checked together, in load order.
#[derive(Debug, Clone, Default)]
pub struct PackSet {
    packs: Vec<Pack>,
}

impl PackSet {
    /// The built-in packs (`rules/*.toml`), parsed on first use. A debug
    /// build (every test run) admits them with the check of any pack; a
    /// release build trusts the packs the tests admitted and only parses
    /// them, which halves their share of a one-report run.
    pub fn builtin() -> &'static PackSet {
        static SET: OnceLock<PackSet> = OnceLock::new();
        SET.get_or_init(|| {
            let set = if cfg!(debug_assertions) {
                PackSet::from_texts(BUILTIN)
            } else {
                PackSet::parse_trusted(BUILTIN)
            };
            set.unwrap_or_else(|err| {
                panic!("a built-in pack is invalid (a test checks this): {err:#}")
            })
        })
    }

    /// The packs of `texts`, parsed and marked built-in but not checked
    /// (see [`PackSet::builtin`]).
    fn parse_trusted(texts: &[(&str, &str)]) -> Result<PackSet, PackError> {
        let mut set = PackSet::default();
        for (path, text) in texts {
            let mut pack = Pack::parse(path, text)?;
            pack.builtin = true;
            set.packs.push(pack);
        }
        Ok(set)
    }

    /// A set of packs given as (file name, TOML text), in order, each
    /// admitted like any pack: the embedded built-in packs, or packs a
    /// test puts in their place.
    pub fn from_texts(texts: &[(&str, &str)]) -> Result<PackSet, PackError> {
        let mut set = PackSet::default();
        for (path, text) in texts {
            let mut pack = Pack::parse(path, text)?;
            pack.builtin = true;
            set.push(pack)?;
        }
        set.check_needs()?;
        Ok(set)
    }

    /// This set followed by `packs` (the user's), each admitted in turn.
    pub fn with_user(&self, packs: Vec<Pack>) -> Result<PackSet, PackError> {
        let mut set = self.clone();
        for pack in packs {
            set.push(pack)?;
        }
        set.check_needs()?;
        Ok(set)
    }

    /// Checks `pack` against the packs of the set and adds it. The ids the
    /// code relies on are checked once the set is complete
    /// ([`PackSet::from_texts`], [`PackSet::with_user`]).
    pub fn push(&mut self, pack: Pack) -> Result<(), PackError> {
        pack.check_after(&self.packs)?;
        self.packs.push(pack);
        Ok(())
    }

    /// Checks `pack` as if it came after the packs of the set, without adding it.
    pub fn check(&self, pack: &Pack) -> Result<(), PackError> {
        self.with_user(vec![pack.clone()]).map(drop)
    }

    /// The packs, in load order.
    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    /// The packs after the first `count` (the user's, after the built-in ones).
    pub fn into_tail(mut self, count: usize) -> Vec<Pack> {
        self.packs.split_off(count.min(self.packs.len()))
    }

    /// Checks that the packs declare, in each edition they describe, every
    /// id that the rules written in Rust and the report model rely on
    /// ([`super::ids`]). A missing row or column is reported at the table
    /// that lacks it, with the rules that read it.
    fn check_needs(&self) -> Result<(), PackError> {
        let native = crate::rules::Registry::native();
        let model = (
            crate::model::Report::REQUIRES,
            bilingual!("报告模型", "the report model"),
        );
        let rules = native.iter().map(|(meta, rule)| {
            let user = bilingual!("{} `{}`", "{} `{}`", meta.code, meta.name);
            (rule.requires(), user)
        });
        let mut readers: BTreeMap<Need, BTreeSet<Bilingual>> = BTreeMap::new();
        for (needs, user) in std::iter::once(model).chain(rules) {
            for need in needs {
                readers.entry(*need).or_default().insert(user.clone());
            }
        }
        let editions: BTreeSet<Edition> =
            self.packs.iter().filter_map(|p| p.pack.edition).collect();
        // Per place (pack, span, what is there): what it lacks and who reads it.
        type Place = (usize, Option<(usize, usize)>, Bilingual);
        let mut missing: BTreeMap<Place, BTreeMap<Bilingual, BTreeSet<Bilingual>>> =
            BTreeMap::new();
        for edition in editions {
            for (need, users) in &readers {
                if let Some(lack) = self.lack(edition, *need) {
                    let span = lack.span.map(|r| (r.start, r.end));
                    missing
                        .entry((lack.pack, span, lack.subject))
                        .or_default()
                        .entry(lack.what)
                        .or_default()
                        .extend(users.iter().cloned());
                }
            }
        }
        let mut by_pack: BTreeMap<usize, Vec<Problem>> = BTreeMap::new();
        for ((pack, span, subject), lacks) in missing {
            let items: Vec<Bilingual> = lacks
                .into_iter()
                .map(|(what, users)| {
                    let users = |lang| {
                        let names: Vec<&str> = users.iter().map(|u| u.pick(lang)).collect();
                        names.join(lang.pick("、", ", "))
                    };
                    Bilingual {
                        zh: format!("{}（{}读取）", what.zh, users(Lang::Zh)),
                        en: format!("{} (read by {})", what.en, users(Lang::En)),
                    }
                })
                .collect();
            let joined = |lang| {
                let items: Vec<&str> = items.iter().map(|i| i.pick(lang)).collect();
                items.join(lang.pick("；", ", "))
            };
            let mut message = Bilingual {
                zh: format!("{}缺少{}", subject.zh, joined(Lang::Zh)),
                en: format!("{} lacks {}", subject.en, joined(Lang::En)),
            };
            if span.is_some() {
                message
                    .zh
                    .push_str("：替换内置表的表须保留规则读取的 id（标签可以改）");
                message.en.push_str(
                    ": a table that replaces a built-in one keeps the ids the rules read (its labels may change)",
                );
            }
            let problem = Problem {
                span: span.map(|(start, end)| start..end),
                message,
            };
            by_pack.entry(pack).or_default().push(problem);
        }
        let errors = by_pack
            .into_iter()
            .filter_map(|(index, problems)| {
                let pack = &self.packs[index];
                PackError::of(&pack.source.path, &pack.source.text, problems).err()
            })
            .collect();
        PackError::join(errors)
    }

    /// What of `need` the packs lack in `edition`, if anything. A row or
    /// column is missed at the table in effect; an absent section or table
    /// is reported in the edition's last pack.
    fn lack(&self, edition: Edition, need: Need) -> Option<Lack> {
        let last = self
            .packs
            .iter()
            .rposition(|p| p.pack.edition == Some(edition))?;
        let absent = |what: Need| {
            Some(Lack {
                pack: last,
                span: None,
                subject: bilingual!("{} 年版的规则包", "the packs of the {} edition", edition),
                what: Bilingual {
                    zh: what.zh(),
                    en: what.to_string(),
                },
            })
        };
        if let Need::Section(kind) = need {
            let found = self
                .packs
                .iter()
                .filter(|p| p.applies_to(edition))
                .any(|p| p.sections.iter().any(|s| s.kind == kind));
            return if found { None } else { absent(need) };
        }
        let kind = need.table()?;
        let Some((owner, table)) = effective_table(&self.packs, edition, kind) else {
            return absent(Need::Table(kind));
        };
        let what = match need {
            Need::Row(_, row) if !table.rows.iter().any(|r| r.id == row) => {
                bilingual!("行“{}”", "row `{}`", row)
            }
            Need::Column(_, column) if !table.columns.iter().any(|c| c.id == column) => {
                bilingual!("列“{}”", "column `{}`", column)
            }
            _ => return None,
        };
        Some(Lack {
            pack: self.packs.iter().position(|p| std::ptr::eq(p, owner))?,
            span: Some(table.kind.span()),
            subject: bilingual!("表“{}”", "table `{}`", kind),
            what,
        })
    }
}

/// An id the packs lack: where to say so, and what is missing.
struct Lack {
    /// The pack the problem is reported in.
    pack: usize,
    /// The place in it (the table that lacks a row or column).
    span: Option<Range<usize>>,
    /// What lacks it: a table, or an edition's packs.
    subject: Bilingual,
    /// What is missing: `row `new``, `table `applications``.
    what: Bilingual,
}

/// The table of `kind` in effect for `edition` after `packs`: a later pack's
/// table of a kind replaces an earlier one's.
pub(crate) fn table_in<'p>(
    packs: &'p [Pack],
    edition: Edition,
    kind: &str,
) -> Option<&'p TableSpec> {
    effective_table(packs, edition, kind).map(|(_, table)| table)
}

/// [`table_in`], with the pack that declares the table.
fn effective_table<'p>(
    packs: &'p [Pack],
    edition: Edition,
    kind: &str,
) -> Option<(&'p Pack, &'p TableSpec)> {
    packs
        .iter()
        .rev()
        .filter(|p| p.applies_to(edition))
        .find_map(|p| Some((p, p.tables.iter().rev().find(|t| t.kind == kind)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trusted_builtin_packs_are_the_checked_ones() {
        let checked = PackSet::from_texts(BUILTIN).expect("the built-in packs pass the check");
        let trusted = PackSet::parse_trusted(BUILTIN).expect("the built-in packs parse");
        let paths = |set: &PackSet| -> Vec<String> {
            set.packs().iter().map(|p| p.source.path.clone()).collect()
        };
        assert_eq!(paths(&checked), paths(&trusted));
        assert!(trusted.packs().iter().all(|p| p.builtin));
        assert_eq!(format!("{checked:?}"), format!("{trusted:?}"));
    }
}
