//! A batch of results gathered for the batch report, and what it adds up
//! to: per rule, per agency, per kind of agency.

use std::collections::HashMap;

use super::agency_kind::{kinds, AgencyKind};
use super::entry::Entry;
use crate::diagnostic::Severity;
use crate::normalize::canon;
use crate::rules::RuleMeta;
use crate::run::{FileResult, Summary};
use crate::Lang;

/// Every report of a batch, in path order, with the batch's totals.
#[derive(Debug, Clone)]
pub struct Batch {
    /// The language of the report.
    pub lang: Lang,
    /// The reports.
    pub entries: Vec<Entry>,
    /// The totals, as `check` counts them.
    pub summary: Summary,
    /// The metadata of the rules that ran.
    rules: HashMap<String, RuleMeta>,
}

/// What one rule found in the batch.
#[derive(Debug, Clone)]
pub struct RuleTally<'b> {
    /// The rule's code.
    pub code: &'b str,
    /// The rule's name.
    pub name: &'b str,
    /// The most severe of its findings.
    pub severity: Severity,
    /// Its findings.
    pub findings: usize,
    /// The reports with at least one of them.
    pub reports: usize,
    /// Its metadata (its summary and explanation), when the run knows it.
    pub meta: Option<&'b RuleMeta>,
}

/// The reports of one agency.
#[derive(Debug, Clone)]
pub struct AgencyTally<'b> {
    /// The agency as its first report names it (`None`: the reports whose
    /// agency is not known).
    pub name: Option<&'b str>,
    /// Its kind, when the name tells it.
    pub kind: Option<&'static AgencyKind>,
    /// Its reports, as indices into [`Batch::entries`], in path order.
    pub entries: Vec<usize>,
    /// Error findings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
    /// The rules it was found at fault by, worst first (by severity, then
    /// number of findings), with their counts.
    pub rules: Vec<(&'b str, Severity, usize)>,
}

/// The agencies of one kind.
#[derive(Debug, Clone, Copy)]
pub struct KindTally {
    /// The kind (`None`: agencies of no known kind).
    pub kind: Option<&'static AgencyKind>,
    /// Agencies.
    pub agencies: usize,
    /// Reports.
    pub reports: usize,
    /// Reports with at least one error.
    pub reports_with_errors: usize,
    /// Error findings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
}

impl Batch {
    /// An empty batch reported in `lang`, knowing the rules in `rules`.
    pub fn new(lang: Lang, rules: impl IntoIterator<Item = RuleMeta>) -> Batch {
        Batch {
            lang,
            entries: Vec::new(),
            summary: Summary::default(),
            rules: rules
                .into_iter()
                .map(|meta| (meta.code.to_string(), meta))
                .collect(),
        }
    }

    /// Adds one file's result.
    pub fn add(&mut self, result: &FileResult) {
        self.summary.add(result);
        self.entries.push(Entry::new(result, self.lang));
    }

    /// The metadata of the rule `code`, if the run knows it.
    pub fn rule(&self, code: &str) -> Option<&RuleMeta> {
        self.rules.get(code)
    }

    /// Per rule that found something: worst first (by severity, then number
    /// of findings, then code).
    pub fn rule_tallies(&self) -> Vec<RuleTally<'_>> {
        let mut by_code: HashMap<&str, RuleTally<'_>> = HashMap::new();
        for entry in &self.entries {
            let mut seen: Vec<&str> = Vec::new();
            for finding in &entry.findings {
                let tally = by_code.entry(&finding.code).or_insert_with(|| RuleTally {
                    code: &finding.code,
                    name: &finding.name,
                    severity: finding.severity,
                    findings: 0,
                    reports: 0,
                    meta: self.rule(&finding.code),
                });
                tally.severity = tally.severity.max(finding.severity);
                tally.findings += 1;
                if !seen.contains(&finding.code.as_str()) {
                    seen.push(&finding.code);
                    tally.reports += 1;
                }
            }
        }
        let mut tallies: Vec<RuleTally<'_>> = by_code.into_values().collect();
        tallies.sort_by(|a, b| {
            (b.severity, b.findings)
                .cmp(&(a.severity, a.findings))
                .then_with(|| a.code.cmp(b.code))
        });
        tallies
    }

    /// Per agency (by its name, white space and bracket widths folded): the
    /// worst first (by errors, then warnings, then name); the reports whose
    /// agency is not known last.
    pub fn agencies(&self) -> Vec<AgencyTally<'_>> {
        let mut index: HashMap<Option<String>, usize> = HashMap::new();
        let mut tallies: Vec<AgencyTally<'_>> = Vec::new();
        for (at, entry) in self.entries.iter().enumerate() {
            let name = entry.facts.agency.as_deref();
            let slot = *index.entry(name.map(canon)).or_insert_with(|| {
                tallies.push(AgencyTally {
                    name,
                    kind: entry.kind,
                    entries: Vec::new(),
                    errors: 0,
                    warnings: 0,
                    infos: 0,
                    rules: Vec::new(),
                });
                tallies.len() - 1
            });
            let tally = &mut tallies[slot];
            tally.entries.push(at);
            tally.errors += entry.count(Severity::Error);
            tally.warnings += entry.count(Severity::Warning);
            tally.infos += entry.count(Severity::Info);
            for finding in &entry.findings {
                match tally
                    .rules
                    .iter_mut()
                    .find(|(code, ..)| *code == finding.code)
                {
                    Some((_, severity, count)) => {
                        *severity = (*severity).max(finding.severity);
                        *count += 1;
                    }
                    None => tally.rules.push((&finding.code, finding.severity, 1)),
                }
            }
        }
        for tally in &mut tallies {
            tally
                .rules
                .sort_by(|a, b| (b.1, b.2).cmp(&(a.1, a.2)).then_with(|| a.0.cmp(b.0)));
        }
        tallies.sort_by(|a, b| {
            (a.name.is_none(), b.errors, b.warnings)
                .cmp(&(b.name.is_none(), a.errors, a.warnings))
                .then_with(|| a.name.cmp(&b.name))
        });
        tallies
    }

    /// How many agencies the batch holds (reports of no known agency not
    /// counted).
    pub fn agency_count(&self) -> usize {
        self.agencies().iter().filter(|a| a.name.is_some()).count()
    }

    /// Per kind of agency, in the vocabulary's order, then the agencies of
    /// no known kind; kinds without reports are left out.
    pub fn kinds(&self) -> Vec<KindTally> {
        let agencies = self.agencies();
        let known = kinds().iter().map(Some);
        known
            .chain([None])
            .filter_map(|kind| {
                let mut tally = KindTally {
                    kind,
                    agencies: 0,
                    reports: 0,
                    reports_with_errors: 0,
                    errors: 0,
                    warnings: 0,
                };
                for agency in agencies.iter().filter(|a| a.kind == kind) {
                    tally.agencies += usize::from(agency.name.is_some());
                    tally.reports += agency.entries.len();
                    tally.reports_with_errors += agency
                        .entries
                        .iter()
                        .filter(|&&i| self.entries[i].count(Severity::Error) > 0)
                        .count();
                    tally.errors += agency.errors;
                    tally.warnings += agency.warnings;
                }
                (tally.reports > 0).then_some(tally)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::span::Span;
    use crate::{Linter, SourceFile};

    /// The result of a report of `agency` (a text with only its title; no
    /// agency: one without a title) with findings of these codes.
    fn result(agency: Option<&str>, codes: &[(&str, Severity)]) -> FileResult {
        let diagnostics = codes
            .iter()
            .map(|(code, severity)| Diagnostic {
                code: (*code).into(),
                name: code.to_lowercase(),
                severity: *severity,
                message: "m".into(),
                help: None,
                span: Span::new(0, 1),
                labels: Vec::new(),
                fix: None,
                related: Vec::new(),
            })
            .collect();
        let text = agency.map_or("x\n".to_owned(), |a| {
            format!("{a}2024年政府信息公开工作年度报告\n")
        });
        let source = SourceFile::from_text("r.txt", text);
        let report = Linter::new(crate::LintOptions::default())
            .analyze(&source)
            .report;
        FileResult {
            report: Some(report),
            ..FileResult::checked(source, diagnostics)
        }
    }

    fn batch() -> Batch {
        let mut batch = Batch::new(Lang::Zh, []);
        let (e, w) = (Severity::Error, Severity::Warning);
        let township = Some("青禾县白石镇人民政府");
        batch.add(&result(township, &[("A003", e), ("A003", e), ("X001", w)]));
        batch.add(&result(Some("青禾县 白石镇人民政府"), &[("X001", w)]));
        batch.add(&result(Some("青禾县教育局"), &[]));
        batch.add(&result(None, &[("S000", Severity::Info)]));
        batch
    }

    #[test]
    fn rules_count_findings_and_reports_worst_first() {
        let batch = batch();
        let tallies: Vec<(&str, usize, usize)> = batch
            .rule_tallies()
            .iter()
            .map(|t| (t.code, t.findings, t.reports))
            .collect();
        assert_eq!(tallies, [("A003", 2, 1), ("X001", 2, 2), ("S000", 1, 1)]);
    }

    #[test]
    fn agencies_group_their_reports_by_folded_name() {
        let batch = batch();
        let agencies = batch.agencies();
        let rows: Vec<(Option<&str>, Vec<usize>, usize, usize)> = agencies
            .iter()
            .map(|a| (a.name, a.entries.clone(), a.errors, a.warnings))
            .collect();
        assert_eq!(
            rows,
            [
                (Some("青禾县白石镇人民政府"), vec![0, 1], 2, 2),
                (Some("青禾县教育局"), vec![2], 0, 0),
                (None, vec![3], 0, 0),
            ]
        );
        assert_eq!(
            agencies[0].rules,
            [("A003", Severity::Error, 2), ("X001", Severity::Warning, 2)]
        );
        assert_eq!(batch.agency_count(), 2);
    }

    #[test]
    fn kinds_add_up_their_agencies() {
        let kinds: Vec<(Option<&str>, usize, usize, usize)> = batch()
            .kinds()
            .iter()
            .map(|k| {
                (
                    k.kind.map(|k| k.id.as_str()),
                    k.agencies,
                    k.reports,
                    k.reports_with_errors,
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [
                (Some("township"), 1, 2, 1),
                (Some("department"), 1, 1, 0),
                (None, 0, 1, 0),
            ]
        );
    }
}
