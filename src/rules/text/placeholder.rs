//! X001 `placeholder`.

use std::sync::LazyLock;

use regex::Regex;

use crate::byte_search::Words;
use crate::rules::sentences::sentences;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// Template text left unfilled: `XX`, `××`, `X月X日`, `某某县`, `（单位名称）`,
/// `（具体网址）`, `[填写…]`, `……件`, a count left blank (`累计发布   条`), and
/// the template's instructions (`（该部分以表格形式报告）`, `（此处填写…）`).
pub struct Placeholder;

/// A count left blank: spaces or underscores where the number belongs,
/// between a word and its unit, before punctuation (`累计发布   条,`).
static BLANK_COUNT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\p{Han}(?P<blank>[ \u{3000}\u{a0}_＿]{2,})(?:人次|万元|件|条|项|篇|个|次|期|份|场|元)",
        r"(?:$|[,，。;；、:：)）])",
    ))
    .expect("valid regex")
});

static PLACEHOLDER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // runs of X or ×, not inside an ASCII word or address
        r"(?P<x>(?:[0-9]{0,2}[XＸ×xｘ]{1,4}年)?[XＸ×xｘ]{1,2}月(?:[XＸ×xｘ]{1,2}日)?|[0-9]{0,2}[XＸ×xｘ]{1,4}年",
        r"|[XＸ×xｘ]{1,2}日|[XＸ×xｘ]{2,}[件条个次项]?|[XＸ×xｘ][件条个次项])",
        r"|(?P<some>某某(?:县|市|区|镇|乡|街道|局|单位|部门|委|办|厅|村|社区|公司|人民政府|年|月|日))",
        r"|(?P<name>[(（\[［【<〈]\s*(?:(?:单位|机关|部门|行政机关|报告单位)名称|具体网址|网址|网站地址|联系电话|电话号码|联系方式|通讯地址|具体地址|邮政编码)\s*[)）\]］】>〉])",
        r"|(?P<fill>[\[［【]\s*(?:请)?填写[^\]］】\n]{0,40}[\]］】])",
        r"|(?P<note>[(（]\s*(?:(?:该|本|此)部分以表格形式(?:报告|呈现|列示|填报)|(?:此处|请)填写[^)）\n]{0,40}|指上一?年度?事项数)\s*[)）])",
        r"|(?P<dots>(?:……|\.{6}|…{1,2})\s*(?:件|条|个|次|项|人次|人|份|期|篇|场|万元|元))",
    ))
    .expect("valid regex")
});

/// Characters or words one of which every placeholder holds.
static PLACEHOLDER_HINTS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(&[
        "X",
        "Ｘ",
        "×",
        "x",
        "ｘ",
        "…",
        "某某",
        "名称",
        "填写",
        "......",
        "网址",
        "地址)",
        "地址）",
        "电话)",
        "电话）",
        "号码",
        "联系方式",
        "邮政编码",
        "表格形式",
        "事项数",
    ])
});

/// What every blank count holds: two spaces, an ideographic space, or underscores.
static BLANK_HINTS: LazyLock<Words> =
    LazyLock::new(|| Words::new(&["  ", "\u{3000}", "\u{a0}", "__", "＿"]));

/// Whether the X-run at `span` stands alone: not inside an ASCII word,
/// number or address.
fn stands_alone(text: &str, span: Span) -> bool {
    let before = text[..span.offset].chars().next_back();
    let after = text[span.end()..].chars().next();
    let wordy = |c: Option<char>| {
        c.is_some_and(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '_' | '-' | '@' | ':' | '=' | '%')
        })
    };
    !wordy(before) && !wordy(after)
}

impl Rule for Placeholder {
    declare_rule! {
        code: "X001",
        name: "placeholder",
        family: Text,
        severity: Error,
        summary_zh: "模板占位文字未替换",
        summary_en: "Template placeholder text was left in",
        explanation_zh: "报告依模板起草，“XX”“××”“20XX年”“X月X日”“某某县”“（单位名称）\
            ”“（具体网址）”“[填写…]”或代替数字的“……件”这类占位文字，以及空着没填的数字\
            （“累计发布   条”），应在公开前替换掉；模板里的填写说明（“（该部分以表格形式报告）”\
            “（此处填写……）”“（指上一年度事项数）”）应删去。留下一处，\
            就说明公开的报告缺了一个数字、日期或名称。ASCII 单词、代码或网址中的 \
            X（“www.xx.gov.cn”“xxgk@”）不是占位文字，匿名处理的人名（“王某某”）也不是；\
            “某某”只有用在地名、机构或日期之前（“某某县”“某某局”）才算。",
        explanation_en: "Reports are drafted from templates; placeholders such as `XX`, `××`, \
            `20XX年`, `X月X日`, `某某县`, `（单位名称）`, `（具体网址）`, `[填写…]` or `……件` \
            standing for a number, and counts left blank (`累计发布   条`), are meant to be \
            replaced before publication, and the template's instructions \
            (`（该部分以表格形式报告）`, `（此处填写…）`, `（指上一年度事项数）`) deleted. One left \
            in means a figure, date or name is missing from the published report. An X inside an ASCII word, code or web \
            address (`www.xx.gov.cn`, `xxgk@`) is not a placeholder, nor is an anonymised name \
            (`王某某`); `某某` counts only before a place, body or date (`某某县`, `某某局`).",
        basis: "《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号",
        bad: Opening "全年共收到政府信息公开申请XX件,于20XX年X月X日前全部办结。",
        good: Opening "全年共收到政府信息公开申请24件,于2025年1月10日前全部办结。",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let text = ctx.text();
        if PLACEHOLDER_HINTS.any_in(text) {
            // Otherwise the pattern is never compiled.
            for caps in PLACEHOLDER_RE.captures_iter(text) {
                let Some(whole) = caps.get(0) else { continue };
                let span = Span::new(whole.start(), whole.len());
                if caps.name("x").is_some() && !stands_alone(text, span) {
                    continue;
                }
                if caps.name("note").is_some() {
                    report_instruction(ctx, sink, span);
                } else {
                    report_placeholder(ctx, sink, span);
                }
            }
        }
        if BLANK_HINTS.any_in(text) {
            for (sentence_span, sentence) in sentences(ctx) {
                for caps in BLANK_COUNT_RE.captures_iter(sentence) {
                    let Some(blank) = caps.name("blank") else {
                        continue;
                    };
                    let span = Span::new(sentence_span.offset + blank.start(), blank.len());
                    sink.report(
                        span,
                        tr!(
                            ctx.lang,
                            "此处的数字空着未填",
                            "the number here was left blank",
                        ),
                    )
                    .help(tr!(
                        ctx.lang,
                        "填入实际的数字",
                        "fill in the actual figure"
                    ));
                }
            }
        }
    }
}

/// A placeholder for a figure, date or name.
fn report_placeholder(ctx: &Context<'_>, sink: &mut Sink<'_>, span: Span) {
    sink.report(
        span,
        tr!(
            ctx.lang,
            "模板占位文字“{}”未替换",
            "template placeholder “{}” was left in",
            span.slice(ctx.text())
        ),
    )
    .help(tr!(
        ctx.lang,
        "填入实际的数字、日期或名称",
        "fill in the actual figure, date or name"
    ));
}

/// An instruction of the template (`（该部分以表格形式报告）`).
fn report_instruction(ctx: &Context<'_>, sink: &mut Sink<'_>, span: Span) {
    sink.report(
        span,
        tr!(
            ctx.lang,
            "模板的填写说明“{}”未删去",
            "the template's instruction “{}” was left in",
            span.slice(ctx.text())
        ),
    )
    .help(tr!(
        ctx.lang,
        "按说明填好内容后删去这段说明",
        "do what it says, then delete the instruction"
    ));
}
