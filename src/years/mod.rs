//! The cross-file stage: what one report says against its agency's report
//! of the year before, and against the other agencies' reports of a batch.
//!
//! Each report's [`Facts`] are read in the parallel pass, beside its own
//! checks ([`crate::run::Pipeline::process_with_facts`]); reports of last
//! year given with `--previous` are read for their facts only. Once every
//! file is in, [`cross_check`] matches reports by agency ([`agency`]) and
//! year into a [`Batch`] and runs the `Y` rules over it
//! ([`crate::rules::years`]); their findings are ordinary diagnostics of the
//! file they are about, pointing into the other file with
//! [`crate::diagnostic::Related`] places. [`run`] holds the results back
//! only when such a rule can fire. See `docs/cross-year.md`.

pub mod agency;
pub mod facts;
pub mod index;
pub mod mask;
pub mod passages;
mod run;
pub mod shingles;

pub use agency::AgencyMap;
pub use facts::{Facts, Point};
pub use run::{check_bytes, check_inputs, check_sources, Previous, Unread};

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Related};
use crate::lint::Linter;
use crate::model::Formats;
use crate::rules::years::{cross_rules, CrossSink};
use crate::{Edition, Lang};

/// The settings of the cross-file rules (`[agencies]` and `[copies]` in
/// `disclint.toml`).
#[derive(Debug, Clone)]
pub struct CrossOptions {
    /// Names and path globs that say which agency a report is.
    pub agencies: AgencyMap,
    /// Y003: a section this similar to last year's (0 to 1) is reported.
    pub similarity: f64,
    /// Y005: the shortest passage reported, in masked characters.
    pub passage: usize,
}

/// Y003's threshold unless configured (see `docs/cross-year.md`, how it was chosen).
pub const DEFAULT_SIMILARITY: f64 = 0.7;
/// Y005's shortest passage unless configured (see `docs/cross-year.md`).
pub const DEFAULT_PASSAGE: usize = 60;

impl Default for CrossOptions {
    fn default() -> Self {
        CrossOptions {
            agencies: AgencyMap::default(),
            similarity: DEFAULT_SIMILARITY,
            passage: DEFAULT_PASSAGE,
        }
    }
}

/// One report of a cross-file run.
#[derive(Debug, Clone)]
pub struct Member {
    /// Its path, as output shows it.
    pub path: String,
    /// What it says.
    pub facts: Facts,
    /// Whether it is checked (an input), or only read for its facts (`--previous`).
    pub checked: bool,
}

/// A report of year Y and its agency's report of year Y − 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearPair {
    /// The report of year Y (a checked one), by index in the batch.
    pub current: usize,
    /// The report of year Y − 1.
    pub previous: usize,
}

/// The reports of a run, matched by agency and year: what the `Y` rules see.
pub struct Batch<'a> {
    /// Every report, checked ones in input order, then `--previous` ones.
    pub members: &'a [Member],
    /// Each report's agency id (`None`: its agency is not known).
    pub agencies: Vec<Option<String>>,
    /// The settings.
    pub options: &'a CrossOptions,
    /// The formats, for the names of sections, tables and columns.
    pub formats: &'a Formats,
    /// The language messages are written in.
    pub lang: Lang,
    pairs: Vec<YearPair>,
}

impl<'a> Batch<'a> {
    /// The batch of `members`: agencies assigned, and each checked report
    /// of year Y paired with its agency's report of Y − 1, where each is
    /// the only report of its agency and year (two reports of one agency
    /// and year — the same report twice, or two agencies the names do not
    /// tell apart — pair with nothing).
    pub fn new(
        members: &'a [Member],
        options: &'a CrossOptions,
        formats: &'a Formats,
        lang: Lang,
    ) -> Self {
        let reports: Vec<(&str, Option<&str>)> = members
            .iter()
            .map(|m| (m.path.as_str(), m.facts.agency.as_deref()))
            .collect();
        let agencies = options.agencies.assign(&reports);
        let mut by_agency_year: BTreeMap<(&str, i32), Vec<usize>> = BTreeMap::new();
        for (index, member) in members.iter().enumerate() {
            if let (Some(agency), Some(year)) = (&agencies[index], member.facts.year) {
                by_agency_year
                    .entry((agency.as_str(), year))
                    .or_default()
                    .push(index);
            }
        }
        let only = |key: (&str, i32)| match by_agency_year.get(&key).map(Vec::as_slice) {
            Some(&[one]) => Some(one),
            _ => None,
        };
        let mut pairs = by_agency_year
            .keys()
            .filter_map(|&(agency, year)| {
                let current = only((agency, year)).filter(|&i| members[i].checked)?;
                let previous = only((agency, year.checked_sub(1)?))?;
                Some(YearPair { current, previous })
            })
            .collect::<Vec<_>>();
        pairs.sort_by_key(|p| p.current);
        Batch {
            members,
            agencies,
            options,
            formats,
            lang,
            pairs,
        }
    }

    /// Every checked report paired with its agency's report of the year before.
    pub fn year_pairs(&self) -> &[YearPair] {
        &self.pairs
    }

    /// The name a message gives the column `column` of table `table`.
    pub fn column_name(&self, edition: Edition, table: &str, column: &str) -> String {
        self.formats
            .get(edition)
            .tables
            .iter()
            .find(|t| t.spec.kind == table)
            .and_then(|t| t.spec.columns.iter().find(|c| c.id == column))
            .map_or_else(|| column.to_owned(), |c| c.short_name())
    }

    /// The heading of the section `kind`, as the format writes it.
    pub fn section_heading(&self, edition: Edition, kind: &str) -> String {
        self.formats
            .get(edition)
            .section(kind)
            .map_or_else(|| kind.to_owned(), |s| s.heading.clone())
    }

    /// The name of the table `kind`, as the format writes it.
    pub fn table_name(&self, edition: Edition, kind: &str) -> String {
        self.formats
            .get(edition)
            .tables
            .iter()
            .find(|t| t.spec.kind == kind)
            .map_or_else(|| kind.to_owned(), |t| t.spec.name.clone())
    }

    /// A place in report `member`, for a finding in another one.
    pub fn related(&self, member: usize, point: &Point, message: String) -> Related {
        Related {
            path: self.members[member].path.clone(),
            line: point.line as usize,
            column: point.column as usize,
            location: point.location.clone(),
            message,
        }
    }
}

/// The findings of the `Y` rules that `linter` runs on `members`, per
/// member (a `--previous` report's stay empty); each file's in the order
/// the rules gave them.
pub fn cross_check(
    linter: &Linter,
    members: &[Member],
    options: &CrossOptions,
) -> Vec<Vec<Diagnostic>> {
    let lang = linter.options().lang;
    let batch = Batch::new(members, options, linter.formats(), lang);
    let mut per_member: Vec<Vec<Diagnostic>> = vec![Vec::new(); members.len()];
    let selection = &linter.options().selection;
    for rule in cross_rules() {
        let meta = rule.meta();
        if !selection.is_enabled(meta) {
            continue;
        }
        let mut found = Vec::new();
        let mut sink = CrossSink::new(
            &meta.code,
            &meta.name,
            selection.severity_of(meta),
            &mut found,
        );
        rule.check_batch(&batch, &mut sink);
        for (member, diagnostic) in found {
            let Some(target) = members.get(member).filter(|m| m.checked) else {
                continue;
            };
            if linter.runs_on(meta, &target.path) {
                per_member[member].push(diagnostic);
            }
        }
    }
    per_member
}
