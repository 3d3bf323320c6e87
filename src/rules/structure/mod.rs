//! `S`: the title and the six sections.

mod contents_mismatch;
mod duplicate_section;
mod empty_section;
mod missing_section;
mod missing_table;
mod missing_title;
mod missing_topic;
mod not_a_report;
mod outdated_outline;
mod section_numbering;
mod section_order;

use super::Rule;

/// The structure rules.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(not_a_report::NotAReport),
        Box::new(missing_section::MissingSection),
        Box::new(section_order::SectionOrder),
        Box::new(duplicate_section::DuplicateSection),
        Box::new(section_numbering::SectionNumbering),
        Box::new(missing_title::MissingTitle),
        Box::new(missing_topic::MissingTopic),
        Box::new(missing_table::MissingTable),
        Box::new(empty_section::EmptySection),
        Box::new(contents_mismatch::ContentsMismatch),
        Box::new(outdated_outline::OutdatedOutline),
    ]
}

/// The Chinese numeral for 1–19.
pub(crate) fn numeral(n: u8) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n as usize].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", DIGITS[(n - 10) as usize]),
        _ => n.to_string(),
    }
}
