//! The exit code of `check`: 0 clean, 1 findings that fail the gate, 2 could
//! not run. The same whatever the output format.

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

    #[test]
    fn every_combination() {
        let plain = Gate::default();
        let zero = Gate {
            exit_zero: true,
            ..Gate::default()
        };
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
}
