//! Indicators of a report's work, read from its tables: how many
//! applications it received, what share it disclosed in full, how many of
//! its administrative reviews corrected it. They describe the agency's year,
//! not defects of the report.

use crate::model::Report;
use crate::pack::ids;

/// The indicators of one report; each is absent where its cells cannot be
/// read (no table, a row with cells lost, a cut-off text).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Indicators {
    /// 表三 一、本年新收政府信息公开申请数量, 总计.
    pub applications: Option<u64>,
    /// 表三 (一)予以公开 and (七)总计 of the results, 总计 column.
    pub disclosed: Option<Share>,
    /// 表四 行政复议 结果纠正, and the reviews decided (总计 − 尚未审结).
    pub review_corrected: Option<Share>,
}

/// A part of a whole: `part` of `whole` (a whole of 0 is no share).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    /// How many.
    pub part: u64,
    /// Of how many.
    pub whole: u64,
}

impl Share {
    /// `part` of `whole`, when `whole` is not 0 and not less than `part`.
    pub fn new(part: u64, whole: u64) -> Option<Share> {
        (whole > 0 && part <= whole).then_some(Share { part, whole })
    }

    /// The share in per cent (0 to 100).
    pub fn percent(self) -> f64 {
        self.part as f64 * 100.0 / self.whole as f64
    }
}

impl Indicators {
    /// Reads the indicators of `report`, whose text is `text`.
    pub fn read(report: &Report, text: &str) -> Indicators {
        let applications = |row| report.count(text, ids::APPLICATIONS, row, ids::TOTAL);
        let review =
            |column| report.count(text, ids::REVIEW_LITIGATION, ids::REVIEW_COUNTS, column);
        let disclosed = applications(ids::DISCLOSED)
            .zip(applications(ids::RESULTS_TOTAL))
            .and_then(|(part, whole)| Share::new(part, whole));
        let decided = review(ids::REVIEW_TOTAL)
            .zip(review(ids::REVIEW_PENDING))
            .and_then(|(total, pending)| total.checked_sub(pending));
        let review_corrected = review(ids::REVIEW_CORRECTED)
            .zip(decided)
            .and_then(|(part, whole)| Share::new(part, whole));
        Indicators {
            applications: applications(ids::NEW),
            disclosed,
            review_corrected,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Linter;
    use crate::synth::{Rendering, Rng, SynthReport};
    use crate::SourceFile;

    fn indicators(text: &str) -> Indicators {
        let source = SourceFile::from_text("r.txt", text.to_owned());
        let linter = Linter::new(crate::LintOptions::default());
        Indicators::read(&linter.analyze(&source).report, text)
    }

    #[test]
    fn read_in_every_rendering() {
        let synth = SynthReport::consistent(&mut Rng::new(7), 2024);
        let new = synth.application_total(ids::NEW);
        let disclosed = Share::new(
            synth.application_total(ids::DISCLOSED),
            synth.application_total(ids::RESULTS_TOTAL),
        );
        let [_, corrected, _, pending, total] = synth.review[..5] else {
            unreachable!("fifteen review values")
        };
        let review_corrected = Share::new(corrected, total - pending);
        for rendering in Rendering::ALL {
            let read = indicators(&synth.render(rendering));
            assert_eq!(read.applications, Some(new), "{rendering:?}");
            assert_eq!(read.disclosed, disclosed, "{rendering:?}");
            assert_eq!(read.review_corrected, review_corrected, "{rendering:?}");
        }
    }

    #[test]
    fn nothing_is_read_without_tables() {
        let read =
            indicators("某某局2024年政府信息公开工作年度报告\n一、总体情况\n全年收到申请3件。\n");
        assert_eq!(read, Indicators::default());
    }

    #[test]
    fn shares_need_a_whole() {
        assert_eq!(Share::new(1, 0), None);
        assert_eq!(Share::new(3, 2), None);
        assert_eq!(Share::new(1, 4).map(Share::percent), Some(25.0));
    }
}
