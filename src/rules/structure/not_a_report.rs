//! S000 `not-a-report`.

use crate::extract::SourceKind;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// The text has no title, no statistics period and none of the six sections: it is not a report.
pub struct NotAReport;

impl Rule for NotAReport {
    declare_rule! {
        code: "S000",
        name: "not-a-report",
        family: Structure,
        severity: Error,
        summary_zh: "文本不是政府信息公开工作年度报告",
        summary_en: "The text is not an information-disclosure annual report",
        explanation_zh: "没有报告标题、没有数据统计期限、六个规定部分一个也没有的文本，\
            根本不是政府信息公开工作年度报告：可能是一份通知、一个网站导航页，\
            或是用通配符检查混杂的文件夹时带进来的空文件。这样的文本只得到这一条提示，\
            而不是六个部分各报一次“缺少章节”，其他格式规则也不再对它检查，\
            这样检查整个文件夹时输出仍然清楚。有标题、有统计期限或至少有一个可识别部分的文本，\
            按年度报告完整检查；但如果它是网页的 HTML 源码（有网页标记，或通篇是标签），\
            其标题和表格都在标签里，就改为提示它是网页源码。检查网页（.html）时读取的是网页正文，\
            正文中既没有任何规定部分、也没有数据统计期限的网页（报告列表页、栏目首页、\
            只放了附件链接的页面）得到这条提示，说明网页上没有报告：只有标题不算。\
            2019年格式施行以前按旧提纲编写、\
            没有规定标题和部分的旧报告，也会得到这条提示：它们无法按现行格式检查。",
        explanation_en: "A text with no report title, no statistics period and none of the six \
            sections is not a 政府信息公开工作年度报告 at all: a notice, a page of navigation, \
            an empty file picked up by a glob over a mixed folder. It gets this one diagnostic \
            instead of a missing-section finding for each of the six sections, and no other \
            format rule runs on it, so that the output over a mixed folder stays readable. A \
            text with a title, a statistics period or at least one recognised section is a \
            report and is checked in full, unless it is the HTML source of a web page (page \
            markers, or markup throughout): its headings and tables are inside tags, so it is \
            reported as page source instead. A web page (`.html`) is read for its text; a page whose \
            text has none of the sections and no statistics period (a list of reports, an index, a \
            page that only links to an attachment) gets this diagnostic saying that the page holds no \
            report: a title alone does not count there. Old reports written before the 2019 format, without \
            its title and sections, get this diagnostic too: they cannot be checked against the format.",
        basis: "《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号",
        bad: Whole "关于开展2024年度安全生产检查的通知\n\
            各科室：\n\
            现将有关事项通知如下……",
        good: Whole "城关镇人民政府2024年政府信息公开工作年度报告\n\
            一、总体情况\n\
            ……",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        if ctx.report.is_report(ctx.source.kind) {
            return;
        }
        let span = match ctx.text().find(|c: char| !c.is_whitespace()) {
            Some(first) => ctx.line_span(first),
            None => Span::new(0, 0),
        };
        let (message, help) = if ctx.source.kind == SourceKind::Html {
            (
                tr!(
                    ctx.lang,
                    "这个网页上没有政府信息公开工作年度报告：正文中找不到报告的章节和数据统计期限（可能是列表页、栏目首页，或报告在附件里）",
                    "this web page holds no information-disclosure annual report: its text has none of the report's sections and no statistics period (a list of reports, an index page, or a page whose report is an attachment)"
                ),
                tr!(
                    ctx.lang,
                    "检查报告正文所在的网页；报告是附件（PDF、Word）时，下载附件检查",
                    "check the page that holds the report's text; when the report is an attachment (PDF, Word), download and check that"
                ),
            )
        } else if ctx.report.page_source {
            (
                tr!(
                    ctx.lang,
                    "这是网页源码，不能按年度报告检查：章节和表格都藏在标签里",
                    "this is the source of a web page and cannot be checked as a report: its sections and tables are inside markup"
                ),
                tr!(
                    ctx.lang,
                    "先从网页中提取正文（浏览器“另存为文本”或复制正文），再检查",
                    "extract the text first (the browser's “save as text”, or copy the page text), then check it"
                ),
            )
        } else {
            (
                tr!(
                    ctx.lang,
                    "无法识别为政府信息公开工作年度报告：没有报告标题、数据统计期限，也没有六个规定章节中的任何一个",
                    "not recognisable as an information-disclosure annual report: no report title, no statistics period and none of the six sections"
                ),
                tr!(
                    ctx.lang,
                    "如果这是年度报告，按格式写明标题和章节；否则不要把它列入检查范围",
                    "if this is an annual report, give it the format's title and sections; otherwise leave it out of the check"
                ),
            )
        };
        sink.report(span, message).help(help);
    }

    fn checks_non_reports(&self) -> bool {
        true
    }
}
