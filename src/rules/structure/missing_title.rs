//! S005 `missing-title`.

use crate::model::Title;
use crate::normalize::canon;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// No title naming the agency, the year and 政府信息公开工作年度报告.
pub struct MissingTitle;

/// The name of the document, as the format writes it in the title.
const DOCUMENT: &str = "政府信息公开工作年度报告";

impl Rule for MissingTitle {
    declare_rule! {
        code: "S005",
        name: "missing-title",
        family: Structure,
        severity: Warning,
        summary_zh: "缺少标题，或标题未写明机关名称、年份和“政府信息公开工作年度报告”",
        summary_en: "No title naming the agency, the year and the report",
        explanation_zh: "报告以标题开头：\
            “<机关名称><YYYY>年政府信息公开工作年度报告”（也可写作“<YYYY>年<机关名称>政府信息公开\
            工作年度报告”）。标题没有机关名称和年份，公开后就无法与同一平台上的其他报告区分；\
            而年份正是检查统计期限和各统计表的依据。标题把文件名写成别的名称（“政府信息公开年度报告”\
            “信息公开工作报告”“政务信息公开工作开展年度报告”），读者和检索都难以认出这是条例\
            第四十九条规定的年度报告。\n\n\
            本规则为警告：网页发布的报告常把标题放在页面标题栏而不在正文中，提取出的正文没有标题\
            并不一定是报告本身的缺陷；正文开头写明了所发布的报告（“现公布某某局2023年政府信息公开\
            工作年度报告”）的，视同有标题，不作提示。",
        explanation_en: "The report opens with its title, \
            `<机关名称><YYYY>年政府信息公开工作年度报告` (or `<YYYY>年<机关名称>…`). Without the \
            agency and the year a published report cannot be told apart from the others of its \
            portal, and the year is what every period and table check is measured against. A \
            title that names another document (`政府信息公开年度报告`, `信息公开工作报告`, \
            `政务信息公开工作开展年度报告`) hides from readers and searches that this is the \
            annual report of 条例 第四十九条.\n\n\
            The rule is a warning: a report published as a web page often has its title in the \
            page's header and not in its body, so extracted text without a title is not \
            necessarily a defect of the report; where the opening text names the report it \
            publishes (`现公布某某局2023年政府信息公开工作年度报告`), with agency and year, that \
            stands for the title and nothing is said.",
        basis: "国办公开办函〔2021〕30号",
        bad: Head "政府信息公开工作年度报告\n\
            本年度报告根据……",
        good: Head "城关镇人民政府2024年政府信息公开工作年度报告\n\
            本年度报告根据……",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let help = tr!(
            ctx.lang,
            "第一行写标题，如“某某镇人民政府2024年政府信息公开工作年度报告”",
            "put the title on the first line, e.g. “某某镇人民政府2024年政府信息公开工作年度报告”"
        );
        let Some(title) = &ctx.report.title else {
            // A web page keeps its title in the page's header; an opening
            // text that names the report, its agency and year, stands for it.
            if ctx
                .report
                .named
                .as_ref()
                .is_some_and(|named| named.agency.is_some() && named.year.is_some())
            {
                return;
            }
            let first = ctx.text().find(|c: char| !c.is_whitespace()).unwrap_or(0);
            sink.report(
                ctx.line_span(first),
                tr!(
                    ctx.lang,
                    "未找到报告标题（应写明机关名称、年份和“政府信息公开工作年度报告”）",
                    "no report title found (it names the agency, the year and “政府信息公开工作年度报告”)"
                ),
            )
            .help(help);
            return;
        };
        let missing: Vec<String> = [
            title
                .agency
                .is_none()
                .then(|| tr!(ctx.lang, "机关名称", "the agency")),
            title
                .year
                .is_none()
                .then(|| tr!(ctx.lang, "年份", "the year")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !missing.is_empty() {
            sink.report(
                title.span,
                tr!(
                    ctx.lang,
                    "标题未写明{}",
                    "the title does not name {}",
                    missing.join(ctx.lang.pick("和", " and "))
                ),
            )
            .help(help);
        }
        if !canon(&title.text).contains(DOCUMENT) {
            let name = document_name(ctx.text(), title);
            sink.report(
                name,
                tr!(
                    ctx.lang,
                    "标题中的文件名“{}”不是规定的“{}”",
                    "the title names the document “{}”, not “{}” as the format has it",
                    name.slice(ctx.text()).trim(),
                    DOCUMENT
                ),
            )
            .label(
                name,
                tr!(ctx.lang, "应为“{}”", "should read “{}”", DOCUMENT),
            )
            .help(tr!(
                ctx.lang,
                "标题写作“<机关名称><YYYY>年{}”，读者和检索才能认出这是年度报告",
                "write the title as “<机关名称><YYYY>年{}”, so that readers and searches know it for the annual report",
                DOCUMENT
            ));
        }
    }
}

/// Where the title names its document: after the agency and the year
/// (`年`, `年度`), or the whole title when it has no year.
fn document_name(text: &str, title: &Title) -> Span {
    let Some(year) = &title.year else {
        return title.span;
    };
    let start = year.span.end();
    let rest = Span::from_range(start, title.span.end()).slice(text);
    let after = rest.trim_start_matches(['年', '度', ' ']);
    // `2024年某某局政府信息公开…`: the agency stands between the year and the name.
    let agency_end = title
        .agency
        .as_ref()
        .map(|a| a.span.end())
        .filter(|&end| end > start);
    let from = agency_end.unwrap_or(start + rest.len() - after.len());
    Span::from_range(from, title.span.end())
}
