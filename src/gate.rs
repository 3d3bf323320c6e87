//! The exit code of `check`: 0 clean, 1 findings that fail the gate, 2 could
//! not run. The same whatever the output format; `--diff` and
//! `--add-suppressions` have their own meaning of 1 and 0.

use crate::run::Summary;

/// How strict the gate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Gate {
    /// Exit 0 even with errors (still 2 when the tool could not run).
    pub exit_zero: bool,
    /// Warnings fail the gate too.
    pub deny_warnings: bool,
    /// More warnings than this fail the gate.
    pub max_warnings: Option<usize>,
}

impl Gate {
    /// The exit code for a run's totals.
    pub fn exit_code(&self, summary: &Summary) -> i32 {
        if summary.failed > 0 {
            2
        } else if self.exit_zero {
            0
        } else if summary.errors > 0
            || (self.deny_warnings && summary.warnings > 0)
            || self.max_warnings.is_some_and(|n| summary.warnings > n)
        {
            1
        } else {
            0
        }
    }

    /// Why the gate fails on warnings alone (no error was found), in
    /// Chinese and English; `None` when it does not.
    pub fn warnings_failure(&self, summary: &Summary) -> Option<(String, String)> {
        if summary.failed > 0 || self.exit_zero || summary.errors > 0 || summary.warnings == 0 {
            return None;
        }
        let n = summary.warnings;
        if self.deny_warnings {
            return Some((
                format!("未通过：有 {n} 个警告，而 --deny-warnings 要求没有警告\n"),
                format!("failed: {n} warnings, and --deny-warnings allows none\n"),
            ));
        }
        let max = self.max_warnings.filter(|max| n > *max)?;
        Some((
            format!("未通过：有 {n} 个警告，超过 --max-warnings 允许的 {max} 个\n"),
            format!("failed: {n} warnings, more than the {max} that --max-warnings allows\n"),
        ))
    }

    /// The exit code of `--diff`: 1 when a file would change (0 with
    /// `--exit-zero`), whatever diagnostics are left; 2 when a file could
    /// not be read.
    pub fn diff_exit_code(&self, summary: &Summary, changed_files: usize) -> i32 {
        if summary.failed > 0 {
            2
        } else if changed_files > 0 && !self.exit_zero {
            1
        } else {
            0
        }
    }
}

/// The exit code of `--add-suppressions`: every diagnostic found is now
/// accepted, so 0; 2 when a file could not be read.
pub fn accept_exit_code(summary: &Summary) -> i32 {
    if summary.failed > 0 {
        2
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(errors: usize, warnings: usize, failed: usize) -> Summary {
        Summary {
            files: 1,
            errors,
            warnings,
            failed,
            ..Summary::default()
        }
    }

    /// `--exit-zero`.
    const ZERO: Gate = Gate {
        exit_zero: true,
        deny_warnings: false,
        max_warnings: None,
    };

    #[test]
    fn a_gate_failed_by_warnings_says_why() {
        let strict = Gate {
            max_warnings: Some(1),
            ..Gate::default()
        };
        let (zh, en) = strict.warnings_failure(&summary(0, 2, 0)).unwrap();
        assert!(zh.contains("--max-warnings") && en.contains("more than the 1"));
        assert_eq!(strict.warnings_failure(&summary(0, 1, 0)), None);
        assert_eq!(
            strict.warnings_failure(&summary(1, 2, 0)),
            None,
            "errors say it"
        );
        let deny = Gate {
            deny_warnings: true,
            ..Gate::default()
        };
        assert!(deny.warnings_failure(&summary(0, 1, 0)).is_some());
        assert_eq!(ZERO.warnings_failure(&summary(0, 5, 0)), None);
    }

    #[test]
    fn every_combination() {
        let (plain, zero) = (Gate::default(), ZERO);
        let deny = Gate {
            deny_warnings: true,
            ..Gate::default()
        };
        let max1 = Gate {
            max_warnings: Some(1),
            ..Gate::default()
        };
        assert_eq!(plain.exit_code(&summary(0, 5, 0)), 0);
        assert_eq!(plain.exit_code(&summary(1, 0, 0)), 1);
        assert_eq!(plain.exit_code(&summary(1, 0, 1)), 2);
        assert_eq!(zero.exit_code(&summary(3, 3, 0)), 0);
        assert_eq!(zero.exit_code(&summary(3, 3, 1)), 2);
        assert_eq!(deny.exit_code(&summary(0, 1, 0)), 1);
        assert_eq!(deny.exit_code(&summary(0, 0, 0)), 0);
        assert_eq!(max1.exit_code(&summary(0, 1, 0)), 0);
        assert_eq!(max1.exit_code(&summary(0, 2, 0)), 1);
    }

    #[test]
    fn diff_says_whether_something_would_change() {
        let (plain, zero) = (Gate::default(), ZERO);
        assert_eq!(plain.diff_exit_code(&summary(3, 0, 0), 0), 0);
        assert_eq!(plain.diff_exit_code(&summary(0, 0, 0), 1), 1);
        assert_eq!(zero.diff_exit_code(&summary(0, 0, 0), 1), 0);
        assert_eq!(zero.diff_exit_code(&summary(0, 0, 1), 1), 2);
    }

    #[test]
    fn accepted_diagnostics_pass() {
        assert_eq!(accept_exit_code(&summary(3, 3, 0)), 0);
        assert_eq!(accept_exit_code(&summary(3, 3, 1)), 2);
    }
}
