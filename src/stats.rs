//! `--statistics`: how many diagnostics each rule produced.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::{tr, Lang};

/// The count of one rule's diagnostics in a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// Rule code.
    pub code: String,
    /// Rule name.
    pub name: String,
    /// Severity of its diagnostics (the highest seen).
    pub severity: &'static str,
    /// Number of diagnostics.
    pub count: usize,
}

/// Counts per rule over a run.
#[derive(Debug, Clone, Default)]
pub struct Statistics {
    by_code: BTreeMap<String, (String, crate::Severity, usize)>,
}

impl Statistics {
    /// Counts one diagnostic.
    pub fn add(&mut self, diagnostic: &Diagnostic) {
        let entry = self
            .by_code
            .entry(diagnostic.code.clone())
            .or_insert_with(|| (diagnostic.name.clone(), diagnostic.severity, 0));
        entry.1 = entry.1.max(diagnostic.severity);
        entry.2 += 1;
    }

    /// The counts, most frequent first, then by code.
    pub fn sorted(&self) -> Vec<RuleCount> {
        let mut counts: Vec<RuleCount> = self
            .by_code
            .iter()
            .map(|(code, (name, severity, count))| RuleCount {
                code: code.clone(),
                name: name.clone(),
                severity: severity.as_str(),
                count: *count,
            })
            .collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
        counts
    }
}

/// The statistics as a text table: count, code, severity, name.
pub fn statistics_table(counts: &[RuleCount], lang: Lang) -> String {
    let mut out = tr!(lang, "按规则统计：\n", "by rule:\n");
    for count in counts {
        out.push_str(&format!(
            "{:>6}  {:<6} {:<8} {}\n",
            count.count, count.code, count.severity, count.name
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::Severity;

    fn diagnostic(code: &str) -> Diagnostic {
        Diagnostic {
            code: code.into(),
            name: format!("rule-{code}"),
            severity: Severity::Warning,
            message: String::new(),
            help: None,
            span: Span::new(0, 0),
            labels: Vec::new(),
            fix: None,
        }
    }

    #[test]
    fn sorts_by_count_then_code() {
        let mut stats = Statistics::default();
        for code in ["S002", "P001", "S002", "A001"] {
            stats.add(&diagnostic(code));
        }
        let codes: Vec<_> = stats
            .sorted()
            .into_iter()
            .map(|c| (c.code, c.count))
            .collect();
        assert_eq!(
            codes,
            [("S002".into(), 2), ("A001".into(), 1), ("P001".into(), 1)]
        );
    }
}
