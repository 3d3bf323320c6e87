//! The TOML shapes of a pack's parts.

use serde::Deserialize;

use super::identity::IdentitySpec;
use super::PackStr;
use crate::Edition;

/// The `[pack]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    /// The pack's name.
    pub name: String,
    /// The format edition the pack describes, if it describes one.
    #[serde(default)]
    pub edition: Option<Edition>,
    /// One line about the pack.
    #[serde(default)]
    pub description: Option<String>,
    /// For a pack that describes an edition: the citation id (`[[citations]]`
    /// of this or an earlier pack) of the document that issued the format.
    #[serde(default)]
    pub document: Option<PackStr>,
}

/// A required section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    /// Stable identifier: `overview`, `active_disclosure`, …
    pub kind: String,
    /// Its number (1 = 一).
    pub number: u8,
    /// The heading as the format writes it.
    pub heading: String,
    /// Key phrases: a heading matches when it contains every `+`-separated part of one entry.
    pub keys: Vec<String>,
    /// Topics the section must speak of.
    #[serde(default)]
    pub topics: Vec<TopicSpec>,
}

impl SectionSpec {
    /// The heading without its numeral: `总体情况`.
    pub fn name(&self) -> &str {
        self.heading
            .split_once('、')
            .map_or(self.heading.as_str(), |(_, name)| name)
    }
}

/// An outline reports followed before the format of the packs
/// (`[[outdated_outlines]]`): a report written in it for a later year is
/// reported once (S010), not section by section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutlineSpec {
    /// The last report year it was the outline for.
    pub last_year: i32,
    /// Its headings in order, each with key phrases as `[[sections]]` have
    /// them. A heading that matches one of them and no section of the
    /// format is one only the outline has.
    pub headings: Vec<OutlineHeadingSpec>,
}

/// A heading of an outdated outline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutlineHeadingSpec {
    /// The heading as the outline writes it.
    pub heading: String,
    /// Key phrases: a heading matches when it contains every `+`-separated part of one entry.
    pub keys: Vec<String>,
}

/// A topic a section must mention.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSpec {
    /// The topic's name.
    pub name: String,
    /// Any of these phrases counts as mentioning it.
    pub keys: Vec<String>,
}

/// A table: where it lives and its row and column labels.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// Stable identifier: `active_disclosure`, `applications`, `review_litigation`.
    pub kind: PackStr,
    /// The section kind the table belongs in.
    pub section: String,
    /// The table's name, for messages.
    pub name: String,
    /// Header and caption labels (vocabulary that is not a row or column).
    #[serde(default)]
    pub headers: Vec<String>,
    /// Value columns.
    pub columns: Vec<ColumnSpec>,
    /// Rows in order; a row with an empty label is the table's one unlabelled row.
    pub rows: Vec<RowSpec>,
    /// Identities every report's table must satisfy (`[[tables.identities]]`).
    #[serde(default)]
    pub identities: Vec<IdentitySpec>,
}

/// A value column.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnSpec {
    /// Identifier used by rows and identities.
    pub id: String,
    /// The header label.
    pub label: String,
    /// Values may be decimals (the 万元 fee).
    #[serde(default)]
    pub decimal: bool,
    /// Values may be negative (2019's 本年增/减).
    #[serde(default)]
    pub signed: bool,
    /// Values are free text (2019's 采购总金额).
    #[serde(default)]
    pub text: bool,
    /// A short name for messages (the label if absent).
    #[serde(default)]
    pub short: Option<String>,
}

/// A row.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowSpec {
    /// Identifier used by identities; dots make groups (`results.withheld.state_secret`).
    pub id: PackStr,
    /// The row label as the format writes it.
    pub label: String,
    /// Other accepted labels.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The caption over the row's block (`第二十条第(一)项`).
    #[serde(default)]
    pub caption: Option<String>,
    /// The row's columns, if not all of the table's.
    #[serde(default)]
    pub columns: Option<Vec<PackStr>>,
    /// A group label that carries no values.
    #[serde(default)]
    pub group: bool,
    /// A short name for messages (`本年新收`; the label without numbering if absent).
    #[serde(default)]
    pub short: Option<String>,
}

impl TableSpec {
    /// The columns of a row, in order.
    pub fn row_columns<'s>(&'s self, row: &'s RowSpec) -> Vec<&'s ColumnSpec> {
        match &row.columns {
            Some(ids) => ids
                .iter()
                .filter_map(|id| self.columns.iter().find(|c| c.id == id.as_str()))
                .collect(),
            None => self.columns.iter().collect(),
        }
    }
}

impl RowSpec {
    /// The name messages use for the row.
    pub fn short_name(&self) -> String {
        self.short
            .clone()
            .unwrap_or_else(|| short_label(&self.label))
    }
}

impl ColumnSpec {
    /// The name messages use for the column.
    pub fn short_name(&self) -> String {
        self.short
            .clone()
            .unwrap_or_else(|| short_label(&self.label))
    }
}

/// A label without its numbering and without a trailing parenthetical note:
/// `(二)部分公开(区分处理的…)` → `部分公开`, `2.重复申请` → `重复申请`.
fn short_label(label: &str) -> String {
    const NUMERALS: &str = "一二三四五六七八九十0123456789０１２３４５６７８９";
    let trimmed = label.trim();
    let rest = trimmed.trim_start_matches(['(', '（']);
    let rest = rest.trim_start_matches(|c| NUMERALS.contains(c));
    let numbered = rest.len() < trimmed.len();
    let rest = if numbered {
        rest.trim_start_matches([')', '）', '、', '.', '．', ' '])
    } else {
        trimmed
    };
    let bare = rest.split(['(', '（']).next().unwrap_or(rest).trim();
    if bare.is_empty() {
        label.to_owned()
    } else {
        bare.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::short_label;

    #[test]
    fn short_labels_drop_numbering_and_notes() {
        assert_eq!(
            short_label("(二)部分公开(区分处理的,只计这一情形,不计其他情形)"),
            "部分公开"
        );
        assert_eq!(short_label("2.重复申请"), "重复申请");
        assert_eq!(
            short_label("2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理"),
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理"
        );
        assert_eq!(
            short_label("一、本年新收政府信息公开申请数量"),
            "本年新收政府信息公开申请数量"
        );
        assert_eq!(short_label("自然人"), "自然人");
        assert_eq!(short_label("本年收费金额(单位:万元)"), "本年收费金额");
    }
}
