//! The three tables as Markdown converters (pandoc, Word-to-Markdown
//! tools) write the official tables with their merged cells: every row has
//! a cell for each column of the grid, a merged cell's text stands in its
//! first cell and the cells it covers are empty, and a delimiter row
//! follows the first row.
//!
//! The grids are the official ones: the active-disclosure table four
//! columns wide (a caption over each block, `本年处理决定数量` and its value
//! over three), the applications table three label columns (`三、本年度办理结果`
//! beside the result rows, `(三)不予公开` beside its items) and seven value
//! columns, the review table fifteen columns under two header rows.

use super::{applications_spec, table_spec, SynthReport};
use crate::pack::ids;

/// Columns of the applications table's labels: a top-level row, a result,
/// an item of a result.
const LABEL_COLUMNS: usize = 3;

/// Writes grid rows as Markdown pipe rows, with the delimiter row after the first.
struct Writer<'o> {
    out: &'o mut String,
    width: usize,
    rows: usize,
}

impl<'o> Writer<'o> {
    fn new(out: &'o mut String, width: usize) -> Self {
        Writer {
            out,
            width,
            rows: 0,
        }
    }

    /// Writes `cells` placed from column `at`, the other columns empty.
    fn row(&mut self, at: usize, cells: &[String]) {
        let mut line = String::from("|");
        for column in 0..self.width {
            let cell = column
                .checked_sub(at)
                .and_then(|i| cells.get(i))
                .map_or("", String::as_str);
            line.push_str(&format!(" {cell} |"));
        }
        line.push('\n');
        self.out.push_str(&line);
        if self.rows == 0 {
            self.out.push('|');
            self.out.push_str(&"---|".repeat(self.width));
            self.out.push('\n');
        }
        self.rows += 1;
    }
}

impl SynthReport {
    pub(super) fn merged_active(&self, out: &mut String) {
        let spec = table_spec(ids::ACTIVE_DISCLOSURE);
        let mut writer = Writer::new(out, 4);
        let mut caption: Option<&str> = None;
        for (row, values) in spec.rows.iter().zip(&self.active) {
            if row.caption.as_deref() != caption {
                caption = row.caption.as_deref();
                writer.row(0, &[caption.unwrap_or_default().to_owned()]);
                let columns = spec.row_columns(row);
                let header: Vec<String> = std::iter::once("信息内容".to_owned())
                    .chain(columns.iter().map(|c| c.label.clone()))
                    .collect();
                writer.row(0, &header);
            }
            let cells: Vec<String> = std::iter::once(row.label.clone())
                .chain(values.iter().cloned())
                .collect();
            writer.row(0, &cells);
        }
    }

    pub(super) fn merged_applications(&self, out: &mut String) {
        let spec = applications_spec();
        let labels: Vec<String> = spec.columns.iter().map(|c| c.label.clone()).collect();
        let mut writer = Writer::new(out, LABEL_COLUMNS + labels.len());
        writer.row(
            0,
            &[
                "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)".to_owned(),
                String::new(),
                String::new(),
                "申请人情况".to_owned(),
            ],
        );
        let mut header = vec![labels[0].clone(), "法人或其他组织".to_owned()];
        header.extend(std::iter::repeat_n(String::new(), labels.len() - 3));
        header.push(labels[labels.len() - 1].clone());
        writer.row(LABEL_COLUMNS, &header);
        writer.row(LABEL_COLUMNS + 1, &labels[1..labels.len() - 1]);
        // Group labels waiting for the first row they stand beside, by level.
        let mut groups: [Option<&str>; LABEL_COLUMNS] = [None; LABEL_COLUMNS];
        let mut values = self.applications.iter();
        for row in &spec.rows {
            let level = row.id.as_str().matches('.').count().min(LABEL_COLUMNS - 1);
            if row.group {
                groups[level] = Some(&row.label);
                continue;
            }
            let mut cells: Vec<String> = (0..level)
                .map(|l| groups[l].take().unwrap_or_default().to_owned())
                .collect();
            cells.push(row.label.clone());
            cells.resize(LABEL_COLUMNS, String::new());
            cells.extend(values.next().into_iter().flatten().map(u64::to_string));
            writer.row(0, &cells);
        }
    }

    pub(super) fn merged_review(&self, out: &mut String) {
        let group: Vec<String> = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
            .map(String::from)
            .to_vec();
        let width = 3 * group.len();
        let mut writer = Writer::new(out, width);
        let mut top = vec![String::new(); width];
        top[0] = "行政复议".to_owned();
        top[group.len()] = "行政诉讼".to_owned();
        writer.row(0, &top);
        let mut kinds = group.clone();
        kinds.resize(width, String::new());
        kinds[group.len()] = "未经复议直接起诉".to_owned();
        kinds[2 * group.len()] = "复议后起诉".to_owned();
        writer.row(0, &kinds);
        writer.row(group.len(), &[&group[..], &group[..]].concat());
        let values: Vec<String> = self.review.iter().map(u64::to_string).collect();
        writer.row(0, &values);
    }
}
