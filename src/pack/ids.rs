//! The section, table, row and column ids that code written in Rust relies
//! on, declared once. Rules name what they read in
//! [`Rule::requires`](crate::rules::Rule::requires) (the report model in
//! [`Report::REQUIRES`](crate::model::Report::REQUIRES)), and a set of packs
//! that lacks one of them does not load: a user pack that replaces the
//! applications table without its `new` row is an error naming the rules
//! that read it, not a rule silently switched off.

use std::fmt;

/// Section `一、总体情况`.
pub const OVERVIEW: &str = "overview";
/// Section `二、主动公开政府信息情况`, and its table.
pub const ACTIVE_DISCLOSURE: &str = "active_disclosure";
/// Section `五、存在的主要问题及改进情况`.
pub const PROBLEMS: &str = "problems";
/// Section `六、其他需要报告的事项`.
pub const OTHER: &str = "other";
/// The table of section 三.
pub const APPLICATIONS: &str = "applications";
/// The table of section 四.
pub const REVIEW_LITIGATION: &str = "review_litigation";

/// Row `规章` of the active-disclosure table.
pub const REGULATIONS: &str = "regulations";
/// Row `行政规范性文件` (2019: `规范性文件`) of the active-disclosure table.
pub const NORMATIVE_DOCUMENTS: &str = "normative_documents";
/// Column `本年制发件数` of the active-disclosure table (2021 format).
pub const ISSUED: &str = "issued";
/// Column `现行有效件数` of the active-disclosure table (2021 format).
pub const IN_FORCE: &str = "in_force";

/// Row `一、本年新收政府信息公开申请数量` of the applications table.
pub const NEW: &str = "new";
/// Row `二、上年结转政府信息公开申请数量` of the applications table.
pub const CARRIED_OVER: &str = "carried_over";
/// Row `（七）总计` of the applications table: the requests handled.
pub const RESULTS_TOTAL: &str = "results.total";
/// Row `四、结转下年度继续办理` of the applications table.
pub const CARRIED_FORWARD: &str = "carried_forward";
/// Row `(一)予以公开` of the applications table.
pub const DISCLOSED: &str = "results.disclosed";
/// Column `总计` of the applications table.
pub const TOTAL: &str = "total";
/// The one row of the review/litigation table.
pub const REVIEW_COUNTS: &str = "counts";
/// Column `结果纠正` of the review group of the review/litigation table.
pub const REVIEW_CORRECTED: &str = "review.corrected";
/// Column `尚未审结` of the review group of the review/litigation table.
pub const REVIEW_PENDING: &str = "review.pending";
/// Column `总计` of the review group of the review/litigation table.
pub const REVIEW_TOTAL: &str = "review.total";
/// Column `总计` of the direct-suit group of the review/litigation table.
pub const DIRECT_TOTAL: &str = "direct.total";
/// Column `总计` of the suit-after-review group of the review/litigation table.
pub const AFTER_REVIEW_TOTAL: &str = "after_review.total";

/// An id that code relies on a pack to declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// A section of this kind.
    Section(&'static str),
    /// A table of this kind.
    Table(&'static str),
    /// A row of a table.
    Row(&'static str, &'static str),
    /// A column of a table.
    Column(&'static str, &'static str),
}

impl Need {
    /// The table the need is about, if any.
    pub fn table(self) -> Option<&'static str> {
        match self {
            Need::Section(_) => None,
            Need::Table(table) | Need::Row(table, _) | Need::Column(table, _) => Some(table),
        }
    }
}

impl Need {
    /// What is needed, in Chinese (`Display` says it in English).
    pub fn zh(&self) -> String {
        match self {
            Need::Section(kind) => format!("部分“{kind}”"),
            Need::Table(kind) => format!("表“{kind}”"),
            Need::Row(table, row) => format!("表“{table}”的行“{row}”"),
            Need::Column(table, column) => format!("表“{table}”的列“{column}”"),
        }
    }
}

impl fmt::Display for Need {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Need::Section(kind) => write!(f, "section `{kind}`"),
            Need::Table(kind) => write!(f, "table `{kind}`"),
            Need::Row(table, row) => write!(f, "row `{row}` of table `{table}`"),
            Need::Column(table, column) => write!(f, "column `{column}` of table `{table}`"),
        }
    }
}
