//! A synthetic report as a government web page: the article inside a
//! content system's page (navigation, breadcrumb, `字号：大 中 小`, tool
//! bar, share buttons, footer, a script and a style in the head), its
//! three tables with the official merged cells (`rowspan` group labels
//! such as 三、本年度办理结果, `colspan` headers).

use super::{applications_spec, table_spec, Rendering, SynthReport};
use crate::pack::ids;

/// How a page marks up its section headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingMarkup {
    /// `<p><strong>一、总体情况</strong></p>`.
    Strong,
    /// `<h2>` for sections, `<h3>` for subsections.
    Heading,
    /// `<p style="font-weight:bold"><span style="font-family:黑体">…</span></p>`.
    Styled,
    /// `<div class="title">…</div>`.
    Div,
}

impl HeadingMarkup {
    /// Every form.
    pub const ALL: [HeadingMarkup; 4] = [
        HeadingMarkup::Strong,
        HeadingMarkup::Heading,
        HeadingMarkup::Styled,
        HeadingMarkup::Div,
    ];
}

/// How a synthetic page is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageStyle {
    /// The markup of headings.
    pub headings: HeadingMarkup,
    /// All on one line, as minified pages are; else one element a line,
    /// indented.
    pub minified: bool,
}

impl PageStyle {
    /// The style of page number `n`: every heading form, minified or not.
    pub fn nth(n: u64) -> PageStyle {
        PageStyle {
            headings: HeadingMarkup::ALL[(n % 4) as usize],
            minified: (n / 4) % 2 == 1,
        }
    }
}

/// Text as HTML text.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Whether a line of the text rendering is a section heading (`一、…`).
fn is_section(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| "一二三四五六".contains(c))
        && line.chars().nth(1) == Some('、')
}

/// Whether a line of the text rendering is a subsection heading (`(一)…`).
fn is_subsection(line: &str) -> bool {
    line.starts_with('(') && line.chars().nth(2) == Some(')')
}

/// A table being written: rows of `<td>` cells.
struct Table {
    html: String,
}

impl Table {
    fn new() -> Table {
        Table {
            html: "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:collapse\"><tbody>".to_owned(),
        }
    }

    /// A row of cells: text, colspan, rowspan.
    fn row(&mut self, cells: &[(&str, usize, usize)]) {
        self.html.push_str("<tr>");
        for (text, colspan, rowspan) in cells {
            self.html.push_str("<td");
            if *colspan > 1 {
                self.html.push_str(&format!(" colspan=\"{colspan}\""));
            }
            if *rowspan > 1 {
                self.html.push_str(&format!(" rowspan=\"{rowspan}\""));
            }
            // Cell text as word processors export it: a paragraph with a span.
            self.html.push_str(&format!(
                " style=\"width:60px\"><p style=\"text-align:center\"><span style=\"font-size:14px\">{}</span></p></td>",
                escape(text)
            ));
        }
        self.html.push_str("</tr>");
    }

    fn finish(mut self) -> String {
        self.html.push_str("</tbody></table>");
        self.html
    }
}

impl SynthReport {
    /// The report as a web page in `style`. Its text and figures are those
    /// of [`SynthReport::render`]; its tables are the official ones, with
    /// merged cells.
    pub fn render_html(&self, style: PageStyle) -> String {
        let text = self.render(Rendering::Markdown);
        let mut lines = text.lines().filter(|line| !line.starts_with('|'));
        let title = lines.next().unwrap_or_default();
        let mut article = Vec::new();
        for line in lines {
            if is_section(line) {
                article.push(heading(style.headings, line, true));
                match line.chars().next() {
                    Some('二') => article.push(self.active_table()),
                    Some('三') => article.push(self.applications_table()),
                    Some('四') => article.push(self.review_table()),
                    _ => {}
                }
            } else if is_subsection(line) {
                article.push(heading(style.headings, line, false));
            } else {
                article.push(format!(
                    "<p style=\"text-indent:2em;line-height:1.8\"><span style=\"font-size:16px;font-family:仿宋\">{}</span></p>",
                    escape(line)
                ));
            }
        }
        let y = self.year;
        let page = [
            "<!DOCTYPE html>".to_owned(),
            "<html lang=\"zh-CN\">".to_owned(),
            "<head>".to_owned(),
            "<meta charset=\"utf-8\">".to_owned(),
            format!("<title>{}_{}</title>", escape(title), escape(&self.agency)),
            "<style>.nav a{margin:0 8px}</style>".to_owned(),
            "<script>var tip = \"<p>一、总体情况</p>\"; if (a < b && c > d) {}</script>".to_owned(),
            "</head>".to_owned(),
            "<body>".to_owned(),
            "<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/zwgk/\">政务公开</a><a href=\"/hd/\">互动交流</a><a href=\"/fw/\">办事服务</a></div>".to_owned(),
            "<div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; <a href=\"/zwgk/ndbg/\">政府信息公开年度报告</a></div>".to_owned(),
            "<div class=\"main\">".to_owned(),
            "<div class=\"article-head\">".to_owned(),
            format!("<h1 class=\"article-title\">{}</h1>", escape(title)),
            format!(
                "<div class=\"info\"><span>发布时间：{}-01-20</span> <span>来源：办公室</span> <span>字号：<a href=\"#\">大</a> <a href=\"#\">中</a> <a href=\"#\">小</a></span></div>",
                y + 1
            ),
            "</div>".to_owned(),
            "<div class=\"TRS_Editor\"><div class=\"Custom_UnionStyle\">".to_owned(),
            article.join(if style.minified { "" } else { "\n    " }),
            "</div></div>".to_owned(),
            "<div class=\"tools\">【<a href=\"javascript:window.print()\">打印本页</a>】【<a href=\"javascript:window.close()\">关闭窗口</a>】</div>".to_owned(),
            "<div class=\"share\">分享到：<a class=\"wx\" title=\"微信\"></a><a class=\"wb\" title=\"微博\"></a></div>".to_owned(),
            "<!-- 相关文章 <p>二、主动公开政府信息情况</p> -->".to_owned(),
            "</div>".to_owned(),
            "<div class=\"footer\"><p>主办单位：示例县人民政府办公室&nbsp;&nbsp;地址：示例县人民路1号</p><p>网站标识码：0000000000&nbsp;&nbsp;ICP备案号：示ICP备00000000号</p></div>".to_owned(),
            "</body>".to_owned(),
            "</html>".to_owned(),
        ];
        page.join(if style.minified { "" } else { "\n" })
    }

    fn active_table(&self) -> String {
        let spec = table_spec(ids::ACTIVE_DISCLOSURE);
        let width = spec
            .rows
            .iter()
            .map(|row| spec.row_columns(row).len())
            .max()
            .unwrap_or(1);
        let mut table = Table::new();
        let mut caption: Option<&str> = None;
        for (row, values) in spec.rows.iter().zip(&self.active) {
            let columns = spec.row_columns(row);
            // A row with fewer figures than the widest spans its last over the rest.
            let last_span = width + 1 - columns.len();
            if row.caption.as_deref() != caption {
                caption = row.caption.as_deref();
                table.row(&[(caption.unwrap_or_default(), width + 1, 1)]);
                let mut headers = vec![("信息内容", 1, 1)];
                for (i, column) in columns.iter().enumerate() {
                    let span = if i + 1 == columns.len() { last_span } else { 1 };
                    headers.push((column.label.as_str(), span, 1));
                }
                table.row(&headers);
            }
            let mut cells = vec![(row.label.as_str(), 1, 1)];
            for (i, value) in values.iter().enumerate() {
                let span = if i + 1 == values.len() { last_span } else { 1 };
                cells.push((value.as_str(), span, 1));
            }
            table.row(&cells);
        }
        table.finish()
    }

    fn applications_table(&self) -> String {
        let spec = applications_spec();
        let mut table = Table::new();
        let columns: Vec<&str> = spec.columns.iter().map(|c| c.label.as_str()).collect();
        table.row(&[
            (
                "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
                3,
                3,
            ),
            ("申请人情况", 7, 1),
        ]);
        table.row(&[
            (columns[0], 1, 2),
            ("法人或其他组织", 5, 1),
            (columns[6], 1, 2),
        ]);
        table.row(&columns[1..6].iter().map(|c| (*c, 1, 1)).collect::<Vec<_>>());
        // Value rows under a group (`results.…`) carry its label in their
        // first row, spanning them all; a row's label spans the label
        // columns its depth leaves free.
        let members = |group: &str| {
            spec.rows
                .iter()
                .filter(|r| !r.group && r.id.starts_with(&format!("{group}.")))
                .count()
        };
        let mut pending: Vec<(String, usize)> = Vec::new();
        let mut values = self.applications.iter();
        for row in &spec.rows {
            if row.group {
                pending.push((row.label.clone(), members(&row.id)));
                continue;
            }
            let depth = row.id.matches('.').count();
            let figures: Vec<String> = values
                .next()
                .map(|v| v.iter().map(u64::to_string).collect())
                .unwrap_or_default();
            let mut cells: Vec<(&str, usize, usize)> = pending
                .iter()
                .map(|(label, rows)| (label.as_str(), 1, *rows))
                .collect();
            cells.push((row.label.as_str(), 3 - depth, 1));
            cells.extend(figures.iter().map(|f| (f.as_str(), 1, 1)));
            table.row(&cells);
            pending.clear();
        }
        table.finish()
    }

    fn review_table(&self) -> String {
        let mut table = Table::new();
        let group = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        table.row(&[("行政复议", 5, 1), ("行政诉讼", 10, 1)]);
        let mut second: Vec<(&str, usize, usize)> = group.iter().map(|h| (*h, 1, 2)).collect();
        second.push(("未经复议直接起诉", 5, 1));
        second.push(("复议后起诉", 5, 1));
        table.row(&second);
        let third: Vec<(&str, usize, usize)> =
            group.iter().chain(&group).map(|h| (*h, 1, 1)).collect();
        table.row(&third);
        let values: Vec<String> = self.review.iter().map(u64::to_string).collect();
        table.row(
            &values
                .iter()
                .map(|v| (v.as_str(), 1, 1))
                .collect::<Vec<_>>(),
        );
        table.finish()
    }
}

/// A heading line in `markup`; `section` for 一、…, else a subsection.
fn heading(markup: HeadingMarkup, line: &str, section: bool) -> String {
    let text = escape(line);
    match markup {
        HeadingMarkup::Strong => format!("<p><strong>{text}</strong></p>"),
        HeadingMarkup::Heading if section => format!("<h2>{text}</h2>"),
        HeadingMarkup::Heading => format!("<h3>{text}</h3>"),
        HeadingMarkup::Styled => format!(
            "<p style=\"text-indent:2em;font-weight:bold\"><span style=\"font-family:黑体\">{text}</span></p>"
        ),
        HeadingMarkup::Div => format!("<div class=\"title\">{text}</div>"),
    }
}
