//! Synthetic reports: consistent figures in any of the text renderings
//! ([`Rendering`]), or as a web page ([`SynthReport::render_html`]).
//!
//! Used by the property tests, the corpus generator (`examples/gen_corpus.rs`)
//! and the benchmarks. Labels come from the built-in 2021 pack, so the
//! generated tables always match what the extractor expects.

mod aligned;
mod html;
mod merged;
mod prose;
mod prose_layout;

pub use prose::Prose;
use prose_layout::ProseLayout;

pub use html::{HeadingMarkup, PageStyle};

use crate::pack::ids;
use crate::pack::{PackSet, TableSpec};

/// How a report is written as text: its tables, and where its headings stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// The seed's: one cell per line ending in ` |`, rows opened by `| `.
    SeedPipes,
    /// Markdown pipe tables, one row per line.
    Markdown,
    /// Tab-separated rows.
    Tabs,
    /// One cell per line, no separators.
    CellPerLine,
    /// Cells set in columns by spaces, as `pdftotext -layout` gives a PDF's
    /// tables: merged headers centred, long labels wrapped in their cell,
    /// values on the middle line of their label (see `synth/aligned.rs`).
    SpaceAligned,
    /// Markdown pipe tables on the grid of the official tables, as
    /// converters (pandoc, Word-to-Markdown tools) leave merged cells: the
    /// merged cell's text in its first cell, empty cells for the rest, every
    /// row as wide as the table, a delimiter row under the first (see
    /// `synth/merged.rs`).
    MergedMarkdown,
    /// What pandoc writes for a Word report: the title and headings bold
    /// (`**一、总体情况**`), blank lines between blocks, tables as in
    /// [`Rendering::MergedMarkdown`].
    Pandoc,
    /// Every heading run into the text after it on its line (`五、存在的主要问题及改进情况 主要问题是…`,
    /// `一、总体情况 (一)主动公开情况 本单位…`), as web pages and
    /// document-sharing sites give them; tables tab-separated.
    RunInHeadings,
    /// The prose flattened onto a handful of lines: title, opening
    /// paragraph and section 一 on one line (ending in section 二's heading),
    /// sections 五 and 六 on one; tables tab-separated on lines of their own.
    Flattened,
}

/// Township `i`'s name, its number in Chinese digits (`示例县第一〇二镇人民政府`):
/// a title reads the first `19xx`/`20xx` as its year, so ASCII digits in a
/// name would give agencies 1900–2099 the wrong year.
pub fn township_name(i: usize) -> String {
    let digits: String = i
        .to_string()
        .chars()
        .map(|d| {
            "〇一二三四五六七八九"
                .chars()
                .nth(d as usize - '0' as usize)
                .unwrap_or(d)
        })
        .collect();
    format!("示例县第{digits}镇人民政府")
}

impl Rendering {
    /// All nine renderings.
    pub const ALL: [Rendering; 9] = [
        Rendering::SeedPipes,
        Rendering::Markdown,
        Rendering::Tabs,
        Rendering::CellPerLine,
        Rendering::SpaceAligned,
        Rendering::MergedMarkdown,
        Rendering::Pandoc,
        Rendering::RunInHeadings,
        Rendering::Flattened,
    ];

    /// Where the rendering puts headings and paragraphs, and how it writes tables.
    fn layout(self) -> (ProseLayout, Tables) {
        match self {
            Rendering::SeedPipes => (ProseLayout::Lines, Tables::Rows(Rows::SeedPipes)),
            Rendering::Markdown => (ProseLayout::Lines, Tables::Rows(Rows::Markdown)),
            Rendering::Tabs => (ProseLayout::Lines, Tables::Rows(Rows::Tabs)),
            Rendering::CellPerLine => (ProseLayout::Lines, Tables::Rows(Rows::CellPerLine)),
            Rendering::SpaceAligned => (ProseLayout::Lines, Tables::Aligned),
            Rendering::MergedMarkdown => (ProseLayout::Lines, Tables::Merged),
            Rendering::Pandoc => (ProseLayout::Bold, Tables::Merged),
            Rendering::RunInHeadings => (ProseLayout::RunIn, Tables::Rows(Rows::Tabs)),
            Rendering::Flattened => (ProseLayout::Flat, Tables::Rows(Rows::Tabs)),
        }
    }
}

/// How a rendering writes tables.
#[derive(Debug, Clone, Copy)]
enum Tables {
    /// Row by row.
    Rows(Rows),
    /// Laid out whole, by spaces.
    Aligned,
    /// On the official grid, merged cells left empty.
    Merged,
}

/// The renderings that write a table row by row (see [`Rendering`]).
#[derive(Debug, Clone, Copy)]
enum Rows {
    SeedPipes,
    Markdown,
    Tabs,
    CellPerLine,
}

/// A part of the report's text.
#[derive(Debug, Clone)]
enum Piece {
    Title(String),
    Heading(String),
    Subheading(String),
    Paragraph(String),
    /// A table, by kind.
    Table(&'static str),
}

/// A small deterministic pseudo-random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        if bound == 0 {
            0
        } else {
            self.next_u64() % bound
        }
    }
}

/// The figures and names of one synthetic report.
#[derive(Debug, Clone)]
pub struct SynthReport {
    /// The agency in the title.
    pub agency: String,
    /// The report year.
    pub year: i32,
    /// Rows of the 主动公开 table, in pack order (values only).
    pub active: Vec<Vec<String>>,
    /// Rows of the applications table with values, in pack order, 7 values each.
    pub applications: Vec<Vec<u64>>,
    /// The fifteen values of the review/litigation table.
    pub review: Vec<u64>,
    /// Extra paragraphs in section 一, to reach a target size.
    pub filler_paragraphs: usize,
    /// Seeds the layout of the space-aligned rendering (column widths,
    /// spacing).
    pub layout: u64,
    /// The words of sections 一, 五 and 六, when not the fixed wording every
    /// synthetic report shares.
    pub prose: Option<Prose>,
}

/// Row ids of the applications table (2021 format) that carry values, in order.
fn application_rows() -> Vec<&'static str> {
    applications_spec()
        .rows
        .iter()
        .filter(|r| !r.group)
        .map(|r| r.id.as_str())
        .collect()
}

fn table_spec(kind: &str) -> &'static TableSpec {
    crate::pack::table_in(PackSet::builtin().packs(), crate::Edition::E2021, kind)
        .expect("the 2021 pack has the three tables")
}

fn applications_spec() -> &'static TableSpec {
    table_spec(ids::APPLICATIONS)
}

impl SynthReport {
    /// A report whose figures satisfy every identity, drawn from `rng`.
    pub fn consistent(rng: &mut Rng, year: i32) -> Self {
        let rows = application_rows();
        let results: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].starts_with("results.") && rows[i] != "results.total")
            .collect();
        let index = |id: &str| rows.iter().position(|r| *r == id).expect("known row");
        // One applicant column at a time: results, carried forward, carried
        // over, and the new applications that balance them.
        let columns: Vec<Vec<u64>> = (0..6)
            .map(|_| {
                let mut column = vec![0u64; rows.len()];
                let busy = rng.below(3) == 0;
                let mut total = 0;
                for &r in &results {
                    let v = if busy { rng.below(4) } else { 0 };
                    column[r] = v;
                    total += v;
                }
                column[index("results.total")] = total;
                let forward = if busy { rng.below(3) } else { 0 };
                column[index(ids::CARRIED_FORWARD)] = forward;
                let over = rng.below(total + forward + 1);
                column[index(ids::CARRIED_OVER)] = over;
                column[index(ids::NEW)] = total + forward - over;
                column
            })
            .collect();
        let grid: Vec<Vec<u64>> = (0..rows.len())
            .map(|r| {
                let mut row: Vec<u64> = columns.iter().map(|c| c[r]).collect();
                row.push(row.iter().sum());
                row
            })
            .collect();
        let mut review = Vec::with_capacity(15);
        for _ in 0..3 {
            let parts: Vec<u64> = (0..4).map(|_| rng.below(3)).collect();
            review.extend(&parts);
            review.push(parts.iter().sum());
        }
        let active_spec = table_spec(ids::ACTIVE_DISCLOSURE);
        let active = active_spec
            .rows
            .iter()
            .map(|row| {
                active_spec
                    .row_columns(row)
                    .iter()
                    .map(|column| {
                        let drawn = if column.decimal {
                            format!("{}.{}", rng.below(50), rng.below(10))
                        } else {
                            rng.below(30).to_string()
                        };
                        // A township makes no 规章 (T006); the figure is
                        // still drawn, so that a seed gives the others it
                        // always gave.
                        if row.id == ids::REGULATIONS {
                            "0".to_owned()
                        } else {
                            drawn
                        }
                    })
                    .collect()
            })
            .collect();
        Self {
            agency: format!("示例县第{}乡人民政府", rng.below(90) + 10),
            year,
            active,
            applications: grid,
            review,
            filler_paragraphs: 0,
            layout: rng.next_u64(),
            prose: None,
        }
    }

    /// The report of `agency` for a year in which it had nothing to count:
    /// every table cell 0 (the host report of the rule examples).
    pub fn quiet(agency: &str, year: i32) -> Self {
        let active_spec = table_spec(ids::ACTIVE_DISCLOSURE);
        let active = active_spec
            .rows
            .iter()
            .map(|row| vec!["0".to_owned(); active_spec.row_columns(row).len()])
            .collect();
        Self {
            agency: agency.to_owned(),
            year,
            active,
            applications: vec![vec![0; 7]; application_rows().len()],
            review: vec![0; 15],
            filler_paragraphs: 0,
            layout: 0,
            prose: None,
        }
    }

    /// The applications table's 总计 of a row.
    pub fn application_total(&self, id: &str) -> u64 {
        let rows = application_rows();
        rows.iter()
            .position(|r| *r == id)
            .map_or(0, |i| self.applications[i][6])
    }

    /// The report as text, its tables in `rendering`.
    pub fn render(&self, rendering: Rendering) -> String {
        let (layout, tables) = rendering.layout();
        let pieces = self.pieces();
        let mut out = String::with_capacity(8192 + self.filler_paragraphs * 200);
        let mut previous: Option<&Piece> = None;
        for piece in &pieces {
            if let Some(previous) = previous {
                out.push_str(layout.separator(previous, piece));
            }
            match piece {
                Piece::Table(kind) => self.render_table(kind, tables, &mut out),
                Piece::Title(text) | Piece::Paragraph(text) => out.push_str(text),
                Piece::Heading(text) | Piece::Subheading(text) => {
                    out.push_str(&layout.heading(text));
                }
            }
            previous = Some(piece);
        }
        if !matches!(previous, Some(Piece::Table(_))) {
            out.push('\n');
        }
        out
    }

    /// The report's title, headings, paragraphs and tables, in order.
    fn pieces(&self) -> Vec<Piece> {
        let y = self.year;
        let mut pieces = vec![
            Piece::Title(format!("{}{y}年政府信息公开工作年度报告", self.agency)),
            Piece::Paragraph(format!(
                "本年度报告根据《中华人民共和国政府信息公开条例》(国务院令第711号)和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)编制。所列数据统计期限为{y}年1月1日至{y}年12月31日。"
            )),
            Piece::Heading("一、总体情况".to_owned()),
        ];
        const TOPICS: [&str; 5] = [
            "(一)主动公开情况",
            "(二)依申请公开情况",
            "(三)政府信息管理情况",
            "(四)政府信息公开平台建设情况",
            "(五)监督保障情况",
        ];
        let requests_received = format!(
            "本年度共收到政府信息公开申请{}件，均在法定期限内答复。",
            self.application_total(ids::NEW)
        );
        match &self.prose {
            Some(prose) => {
                pieces.extend(prose.opening.iter().cloned().map(Piece::Paragraph));
                for (index, (heading, paragraphs)) in TOPICS.iter().zip(&prose.overview).enumerate()
                {
                    pieces.push(Piece::Subheading((*heading).to_owned()));
                    if index == 1 {
                        pieces.push(Piece::Paragraph(requests_received.clone()));
                    }
                    pieces.extend(paragraphs.iter().cloned().map(Piece::Paragraph));
                }
            }
            None => {
                let fixed = [
                    "本单位通过门户网站及时发布政策文件和工作动态，主动公开政府信息。".to_owned(),
                    requests_received,
                    "建立信息发布审核制度，落实“三审三校”，定期清理过期信息。".to_owned(),
                    "持续维护门户网站信息公开专栏，及时更新栏目内容。".to_owned(),
                    "将政务公开工作纳入年度考核，本年度未发生责任追究情况。".to_owned(),
                ];
                for (heading, paragraph) in TOPICS.iter().zip(fixed) {
                    pieces.push(Piece::Subheading((*heading).to_owned()));
                    pieces.push(Piece::Paragraph(paragraph));
                }
            }
        }
        for i in 0..self.filler_paragraphs {
            pieces.push(Piece::Paragraph(format!(
                "围绕重点领域信息公开开展第{}项工作，梳理公开事项清单，规范公开流程，回应群众关切，提升公开质量和实效。",
                i + 1
            )));
        }
        for (heading, table) in [
            ("二、主动公开政府信息情况", ids::ACTIVE_DISCLOSURE),
            ("三、收到和处理政府信息公开申请情况", ids::APPLICATIONS),
            (
                "四、政府信息公开行政复议、行政诉讼情况",
                ids::REVIEW_LITIGATION,
            ),
        ] {
            pieces.push(Piece::Heading(heading.to_owned()));
            pieces.push(Piece::Table(table));
        }
        pieces.push(Piece::Heading("五、存在的主要问题及改进情况".to_owned()));
        match &self.prose {
            Some(prose) => pieces.extend(prose.problems.iter().cloned().map(Piece::Paragraph)),
            None => pieces.push(Piece::Paragraph("主要问题是公开内容的针对性仍需加强。下一步将细化公开目录，提高信息发布的及时性和准确性。".to_owned())),
        }
        pieces.push(Piece::Heading("六、其他需要报告的事项".to_owned()));
        match &self.prose {
            Some(prose) => pieces.extend(prose.other.iter().cloned().map(Piece::Paragraph)),
            None => pieces.push(Piece::Paragraph("本年度未收取信息处理费。".to_owned())),
        }
        pieces
    }

    fn render_table(&self, kind: &str, tables: Tables, out: &mut String) {
        match (tables, kind) {
            (Tables::Rows(rows), ids::ACTIVE_DISCLOSURE) => self.render_active(rows, out),
            (Tables::Rows(rows), ids::APPLICATIONS) => self.render_applications(rows, out),
            (Tables::Rows(rows), _) => self.render_review(rows, out),
            (Tables::Aligned, ids::ACTIVE_DISCLOSURE) => self.aligned_active(out),
            (Tables::Aligned, ids::APPLICATIONS) => self.aligned_applications(out),
            (Tables::Aligned, _) => self.aligned_review(out),
            (Tables::Merged, ids::ACTIVE_DISCLOSURE) => self.merged_active(out),
            (Tables::Merged, ids::APPLICATIONS) => self.merged_applications(out),
            (Tables::Merged, _) => self.merged_review(out),
        }
    }

    fn render_active(&self, rendering: Rows, out: &mut String) {
        let spec = table_spec(ids::ACTIVE_DISCLOSURE);
        let mut caption: Option<&str> = None;
        for (row, values) in spec.rows.iter().zip(&self.active) {
            if row.caption.as_deref() != caption {
                caption = row.caption.as_deref();
                let caption_text = caption.unwrap_or_default();
                write_row(rendering, out, caption_text, &[]);
                let headers: Vec<String> = spec
                    .row_columns(row)
                    .iter()
                    .map(|c| c.label.clone())
                    .collect();
                write_row(rendering, out, "信息内容", &headers);
            }
            write_row(rendering, out, &row.label, values);
        }
    }

    fn render_applications(&self, rendering: Rows, out: &mut String) {
        let spec = applications_spec();
        write_row(
            rendering,
            out,
            "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
            &["申请人情况".to_owned()],
        );
        let columns: Vec<String> = spec.columns.iter().map(|c| c.label.clone()).collect();
        write_row(
            rendering,
            out,
            "自然人",
            &["法人或其他组织".to_owned(), "总计".to_owned()],
        );
        write_row(rendering, out, &columns[1], &columns[2..6]);
        let mut values = self.applications.iter();
        for row in &spec.rows {
            if row.group {
                write_row(rendering, out, &row.label, &[]);
            } else {
                let row_values: Vec<String> = values
                    .next()
                    .map(|v| v.iter().map(u64::to_string).collect())
                    .unwrap_or_default();
                write_row(rendering, out, &row.label, &row_values);
            }
        }
    }

    fn render_review(&self, rendering: Rows, out: &mut String) {
        write_row(rendering, out, "行政复议", &["行政诉讼".to_owned()]);
        let group = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map(String::from);
        write_row(
            rendering,
            out,
            &group[0],
            &[
                &group[1..],
                &["未经复议直接起诉".to_owned(), "复议后起诉".to_owned()],
            ]
            .concat(),
        );
        let headers = [&group[..], &group[..]].concat();
        write_row(rendering, out, &headers[0], &headers[1..]);
        let values: Vec<String> = self.review.iter().map(u64::to_string).collect();
        write_row(rendering, out, &values[0], &values[1..]);
    }
}

/// Writes one table row: a first cell and the rest.
fn write_row(rendering: Rows, out: &mut String, first: &str, rest: &[String]) {
    match rendering {
        Rows::SeedPipes => {
            out.push_str(&format!("| {first} |\n"));
            for cell in rest {
                out.push_str(&format!("{cell} |\n"));
            }
            if rest.is_empty() {
                out.push_str("|||\n");
            }
        }
        Rows::Markdown => {
            out.push_str(&format!("| {first} |"));
            for cell in rest {
                out.push_str(&format!(" {cell} |"));
            }
            out.push('\n');
        }
        Rows::Tabs => {
            out.push_str(first);
            for cell in rest {
                out.push('\t');
                out.push_str(cell);
            }
            out.push('\n');
        }
        Rows::CellPerLine => {
            out.push_str(first);
            out.push('\n');
            for cell in rest {
                out.push_str(cell);
                out.push('\n');
            }
        }
    }
}
