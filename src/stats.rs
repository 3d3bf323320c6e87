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
    /// How many of them `--fix` fixes (a safe fix; omitted from JSON when 0).
    #[serde(skip_serializing_if = "is_zero")]
    pub fixable: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Counts per rule over a run.
#[derive(Debug, Clone, Default)]
pub struct Statistics {
    by_code: BTreeMap<String, Counted>,
}

/// What is counted of one rule.
#[derive(Debug, Clone)]
struct Counted {
    name: String,
    severity: crate::Severity,
    count: usize,
    fixable: usize,
}

impl Statistics {
    /// Counts one diagnostic.
    pub fn add(&mut self, diagnostic: &Diagnostic) {
        let entry = self
            .by_code
            .entry(diagnostic.code.clone())
            .or_insert_with(|| Counted {
                name: diagnostic.name.clone(),
                severity: diagnostic.severity,
                count: 0,
                fixable: 0,
            });
        entry.severity = entry.severity.max(diagnostic.severity);
        entry.count += 1;
        entry.fixable += usize::from(diagnostic.has_safe_fix());
    }

    /// The counts, most frequent first, then by code.
    pub fn sorted(&self) -> Vec<RuleCount> {
        let mut counts: Vec<RuleCount> = self
            .by_code
            .iter()
            .map(|(code, counted)| RuleCount {
                code: code.clone(),
                name: counted.name.clone(),
                severity: counted.severity.as_str(),
                count: counted.count,
                fixable: counted.fixable,
            })
            .collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
        counts
    }
}

/// The statistics as a text table: count, code, severity, `[*]` when some
/// are fixable by `--fix` (how many, when not all), name. A run without
/// findings says so.
pub fn statistics_table(counts: &[RuleCount], lang: Lang) -> String {
    let mut out = tr!(lang, "按规则统计：", "by rule:");
    if counts.is_empty() {
        out.push_str(&tr!(lang, "没有发现问题\n", " no diagnostics\n"));
        return out;
    }
    out.push('\n');
    for count in counts {
        let fixable = match count.fixable {
            0 => String::new(),
            n if n == count.count => "[*] ".to_owned(),
            n => tr!(lang, "[*{} 个可修复] ", "[*{} fixable] ", n),
        };
        out.push_str(&format!(
            "{:>6}  {:<6} {:<8} {fixable}{}\n",
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
            related: Vec::new(),
            fix: None,
        }
    }

    #[test]
    fn the_table_marks_fixable_rules_and_says_when_there_is_nothing() {
        assert_eq!(
            statistics_table(&[], Lang::Zh),
            "按规则统计：没有发现问题\n"
        );
        assert_eq!(statistics_table(&[], Lang::En), "by rule: no diagnostics\n");
        let mut stats = Statistics::default();
        let mut fixable = diagnostic("X002");
        fixable.fix = Some(crate::diagnostic::Fix {
            applicability: crate::diagnostic::Applicability::Safe,
            edits: Vec::new(),
        });
        stats.add(&fixable);
        stats.add(&fixable);
        stats.add(&diagnostic("C003"));
        stats.add(&fixable.clone());
        let mut c003 = fixable.clone();
        c003.code = "C003".into();
        stats.add(&c003);
        assert_eq!(
            statistics_table(&stats.sorted(), Lang::Zh),
            "按规则统计：\n     3  X002   warning  [*] rule-X002\n     2  C003   warning  [*1 个可修复] rule-C003\n"
        );
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
