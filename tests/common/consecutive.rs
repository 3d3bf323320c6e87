//! The hand-written pairs of consecutive sections in
//! `tests/data/consecutive-sections.txt` (agencies that write each year's
//! report anew), and a report around them. Shared by `tests/cross_years.rs`
//! and `examples/copy_similarity.rs` (which includes this file by path).

use std::path::Path;

/// Sections 一 and 五 of one agency's reports of 2023 and 2024.
pub struct Agency {
    /// Its name, as its titles give it.
    pub name: String,
    /// Section 一's paragraphs: 2023's, 2024's.
    pub overview: [Vec<String>; 2],
    /// Section 五's paragraphs: 2023's, 2024's.
    pub problems: [Vec<String>; 2],
}

/// Every agency of the data file.
pub fn agencies() -> Vec<Agency> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/consecutive-sections.txt");
    let text = std::fs::read_to_string(path).expect("the data file");
    let mut agencies: Vec<Agency> = Vec::new();
    let (mut problems, mut year) = (false, 0);
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some(name) = line.strip_prefix("@ ") {
            agencies.push(Agency {
                name: name.to_owned(),
                overview: [Vec::new(), Vec::new()],
                problems: [Vec::new(), Vec::new()],
            });
        } else if let Some(kind) = line.strip_prefix("= ") {
            problems = kind == "problems";
        } else if let Some(y) = line.strip_prefix("- ") {
            year = usize::from(y == "2024");
        } else if let Some(agency) = agencies.last_mut() {
            let section = if problems {
                &mut agency.problems
            } else {
                &mut agency.overview
            };
            section[year].push(line.to_owned());
        }
    }
    agencies
}

/// A report of `agency` for `year` with these sections 一 and 五 (and the
/// other headings, so that its sections are found).
pub fn report(agency: &str, year: i32, overview: &[String], problems: &[String]) -> String {
    let mut text = format!("{agency}{year}年政府信息公开工作年度报告\n一、总体情况\n");
    for paragraph in overview {
        text.push_str(paragraph);
        text.push('\n');
    }
    text.push_str("二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n");
    for paragraph in problems {
        text.push_str(paragraph);
        text.push('\n');
    }
    text.push_str("六、其他需要报告的事项\n无。\n");
    text
}
