//! A report written in an outline that preceded the format (the one of
//! the 2008–2018 reports: `一、概述`, `四、政府信息公开的收费及减免情况`, …),
//! as a pack declares it (`[[outdated_outlines]]`, `rules/outline-2008.toml`).

use serde::Serialize;

use super::format::{keys_match, Format};
use super::sections::{trimmed_line, Section};
use crate::normalize::{canon, strip_numbering};
use crate::parse::{BlockKind, Document};
use crate::span::Spanned;

/// The outdated outline a report is written in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutdatedOutline {
    /// The last report year it was the outline for.
    pub last_year: i32,
    /// The report's headings that only the outline has, in text order.
    pub headings: Vec<Spanned<String>>,
}

/// A heading this long (in characters, folded) is no heading of an outline.
const MAX_HEADING_CHARS: usize = 40;

/// The first outdated outline of `format` the report is written in: it has
/// headings only the outline has (matching one of its headings and no
/// section of the format), and none of the format's `sections` that the
/// outline has no heading for (`总体情况`, which the 2019 format brought).
pub(super) fn find_outdated_outline(
    text: &str,
    doc: &Document,
    format: &Format,
    sections: &[Section],
) -> Option<OutdatedOutline> {
    format.outdated_outlines.iter().find_map(|outline| {
        let in_outline = |kind: &str| {
            outline.headings.iter().any(|heading| {
                format
                    .section_for_heading(&canon(&heading.heading))
                    .is_some_and(|spec| spec.kind == kind)
            })
        };
        if sections.iter().any(|section| !in_outline(&section.kind)) {
            return None;
        }
        let headings: Vec<Spanned<String>> = doc
            .blocks
            .iter()
            .filter(|block| matches!(block.kind, BlockKind::SectionHeading(_)))
            .filter(|block| {
                let body = block.text.slice(text);
                let head = body.split(['。', ':', '：']).next().unwrap_or(body);
                let folded = canon(head);
                let folded = strip_numbering(folded.trim_matches('*'));
                folded.chars().count() <= MAX_HEADING_CHARS
                    && format.section_for_heading(folded).is_none()
                    && outline
                        .headings
                        .iter()
                        .any(|heading| keys_match(&heading.keys, folded))
            })
            .map(|block| trimmed_line(text, block.span))
            .collect();
        (!headings.is_empty()).then_some(OutdatedOutline {
            last_year: outline.last_year,
            headings,
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::{LintOptions, Linter, SourceFile};

    fn outline(text: &str) -> Option<Vec<String>> {
        let linter = Linter::new(LintOptions::default());
        let report = linter.analyze(&SourceFile::from_text("t.txt", text)).report;
        report
            .outdated_outline
            .map(|o| o.headings.into_iter().map(|h| h.value).collect())
    }

    #[test]
    fn the_old_outline_is_found_by_its_own_headings() {
        let old = "某局2024年政府信息公开工作年度报告\n一、概述\n正文。\n二、主动公开政府信息情况\n正文。\n四、政府信息公开的收费及减免情况\n未收费。\n";
        assert_eq!(
            outline(old),
            Some(vec![
                "一、概述".to_owned(),
                "四、政府信息公开的收费及减免情况".to_owned()
            ])
        );
        // A report of the format with 总体情况 is not in the old outline,
        // whatever else it has.
        let mixed = old.replace("一、概述", "一、总体情况");
        assert_eq!(outline(&mixed), None);
        assert_eq!(
            outline("某局2024年政府信息公开工作年度报告\n一、总体情况\n正文。\n"),
            None
        );
    }
}
