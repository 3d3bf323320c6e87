//! X002 `markup-residue`.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::normalize::is_cjk;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// Stray markup from web extraction: entities, tags, a dangling `…格式>`.
pub struct MarkupResidue;

static MARKUP_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<entity>&(?:nbsp|ensp|emsp|amp|lt|gt|quot|apos|#[0-9]{1,6}|#[xX][0-9a-fA-F]{1,6});|&nbsp)",
        r"|(?P<tag>(?i:</?(?:p|br|td|tr|th|table|tbody|thead|div|span|font|strong|b|i|u|em|a|img|li|ul|ol|h[1-6]|section|article|style|script|o:p)(?:\s[^<>\n]*)?\s*/?>))",
    ))
    .expect("valid regex")
});

/// This many tags and entities make a text web-page source rather than text with residue.
const PAGE_SOURCE_MARKUP: usize = 30;

/// What an entity stands for, when replacing it keeps the meaning.
fn entity_text(entity: &str) -> Option<&'static str> {
    match entity.trim_end_matches(';') {
        "&nbsp" | "&ensp" | "&emsp" | "&#160" => Some(" "),
        "&amp" => Some("&"),
        "&quot" => Some("\""),
        _ => None,
    }
}

/// Words a document title ends with: a fragment ending in one of them, or
/// holding `格式`, is the rest of a title written in ASCII `<…>`.
const TITLE_ENDS: &[&str] = &[
    "格式", "通知", "办法", "条例", "规定", "意见", "要点", "细则", "方案", "决定",
];

/// Fewest characters of a fragment that runs on into more text
/// (`…工作年度报告格式>如对本报告…`): breadcrumbs have short items.
const MIN_RUN_ON_FRAGMENT: usize = 6;

/// A dangling `…>` fragment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fragment {
    /// From the fragment's first character to the `>`.
    span: Span,
    /// Whether it stands inside `《…》` (`《关于印发…格式>的通知》`): the
    /// inner title lost its opening mark.
    in_title: bool,
}

/// Dangling `…>` fragments: a `>` right after a CJK character with no `<`
/// before it on its line. The fragment runs back to the previous space or
/// punctuation (inside a title, to after `印发`). It ends a paragraph or
/// clause, or, followed by more text, reads as the end of a title; a
/// breadcrumb (`首页>政府信息公开`) is none.
fn dangling_fragments(text: &str) -> Vec<Fragment> {
    let mut out = Vec::new();
    if !text.contains('>') {
        return out;
    }
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut open = false;
        // Where the last `《` still open on the line stands.
        let mut title_open: Option<usize> = None;
        for (i, c) in line.char_indices() {
            match c {
                '<' => open = true,
                '>' if open => open = false,
                '《' => title_open = Some(i),
                '》' => title_open = None,
                '>' => {
                    let head = &line[..i];
                    if !head.chars().next_back().is_some_and(is_cjk) {
                        continue;
                    }
                    let mut fragment = head
                        .char_indices()
                        .rev()
                        .take_while(|(_, c)| is_cjk(*c))
                        .last()
                        .map_or(i, |(at, _)| at);
                    // Breadcrumbs (`首页>政府信息公开>…`) chain `>` between words.
                    let next = line[i + 1..].chars().next();
                    let previous = head[..fragment].chars().next_back();
                    if previous.is_some_and(|c| matches!(c, '>' | '»' | '＞'))
                        || next.is_some_and(|c| matches!(c, '>' | '»' | '＞'))
                    {
                        continue;
                    }
                    let words = &head[fragment..];
                    let title_like =
                        words.contains("格式") || TITLE_ENDS.iter().any(|w| words.ends_with(w));
                    let in_title = title_open.is_some() && title_like;
                    if in_title {
                        if let Some(at) = words.rfind("印发") {
                            fragment += at + "印发".len();
                        }
                    }
                    if next.is_some_and(is_cjk)
                        && !(in_title
                            || (title_like && words.chars().count() >= MIN_RUN_ON_FRAGMENT))
                    {
                        continue;
                    }
                    out.push(Fragment {
                        span: Span::from_range(line_start + fragment, line_start + i + 1),
                        in_title,
                    });
                }
                _ => {}
            }
        }
        line_start += line.len();
    }
    out
}

impl Rule for MarkupResidue {
    declare_rule! {
        code: "X002",
        name: "markup-residue",
        family: Text,
        severity: Warning,
        fixable: true,
        summary_zh: "正文中残留网页标记",
        summary_en: "Web-page markup was left in the text",
        explanation_zh: "从网页复制的文字可能带有 HTML 实体（“&nbsp;”）、标签（“<p>”“</td>”），\
            或者在标题用 ASCII“<…>”书写时，留下浏览器当作标签结尾的残片，如“…格式>”，\
            无论它在段末还是后面还接着正文（“…格式>如对本报告有疑问…”）；\
            导航路径（“首页>政府信息公开>…”）不算。这些都不属于报告内容。“&nbsp;”等实体有安全修复（改为它所代表的字符）；\
            标签和残片有不安全修复（删除；书名中丢了“〈”的内层书名改用“〈〉”）。整页网页源码（有“<html>”“<body>”，\
            或有三十个以上的标签和实体）只提示一次。",
        explanation_en: "Text copied from a web page can keep HTML entities (`&nbsp;`), tags \
            (`<p>`, `</td>`) or, when a title was written with ASCII `<…>`, a fragment such as \
            `…格式>` that a browser took for the end of a tag, at a paragraph's end or run on \
            into more text (`…格式>如对本报告有疑问…`); breadcrumbs (`首页>政府信息公开>…`) are \
            not. None of it belongs in the report. \
            `&nbsp;` and similar entities have a safe fix (the character they stand for); tags \
            and fragments have an unsafe fix (delete them; an inner title that lost its `<` gets \
            its 〈〉). The source of a whole web page \
            (`<html>`, `<body>`, or thirty and more tags and entities) is reported once.",
        basis: "《中华人民共和国政府信息公开条例》第五十条（年度报告应准确、完整）",
        bad: Opening "如对本年度报告有疑问,请与办公室联系。 \
            中华人民共和国政府信息公开工作年度报告格式>",
        good: Opening "如对本年度报告有疑问,请与办公室联系。",
    }

    /// Page source is often why a text is not recognised as a report at all:
    /// saying so is the useful finding there.
    fn checks_non_reports(&self) -> bool {
        true
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let text = ctx.text();
        // Tags and entities need `<` or `&`: most reports have neither, and then
        // the pattern is never compiled.
        let count = if memchr::memchr2(b'<', b'&', text.as_bytes()).is_some() {
            MARKUP_RE.find_iter(text).count()
        } else {
            0
        };
        if count >= PAGE_SOURCE_MARKUP || (count > 0 && ctx.report.page_source) {
            // A whole page of source is one finding, not one per tag.
            let Some(first) = MARKUP_RE.find(text) else {
                return;
            };
            sink.report(
                Span::new(first.start(), first.len()),
                tr!(
                    ctx.lang,
                    "这是网页源码而不是报告正文（共有{}处标签或字符实体）",
                    "this is the source of a web page, not report text ({} tags or entities)",
                    count
                ),
            )
            .help(tr!(
                ctx.lang,
                "先从网页中提取正文，再检查",
                "extract the text from the page first, then check it"
            ));
            return;
        }
        let markup = if count > 0 {
            Some(MARKUP_RE.captures_iter(text))
        } else {
            None
        };
        for caps in markup.into_iter().flatten() {
            let Some(whole) = caps.get(0) else { continue };
            let span = Span::new(whole.start(), whole.len());
            let found = whole.as_str();
            let diagnostic = sink.report(
                span,
                tr!(
                    ctx.lang,
                    "正文中残留网页标记“{}”",
                    "web-page markup “{}” left in the text",
                    found
                ),
            );
            match caps.name("entity").and_then(|_| entity_text(found)) {
                Some(replacement) => {
                    diagnostic
                        .help(tr!(
                            ctx.lang,
                            "替换为它所代表的字符",
                            "replace it with the character it stands for"
                        ))
                        .fix(Fix {
                            applicability: Applicability::Safe,
                            edits: vec![Edit {
                                offset: span.offset,
                                length: span.len,
                                replacement: replacement.to_owned(),
                            }],
                        });
                }
                None => {
                    diagnostic
                        .help(tr!(ctx.lang, "删去该标记", "delete the markup"))
                        .fix(delete(span));
                }
            }
        }
        for Fragment { span, in_title } in dangling_fragments(text) {
            let diagnostic = sink.report(
                span,
                tr!(
                    ctx.lang,
                    "残留的网页标记片段“{}”（“<…>”被网页当作标签后留下的部分）",
                    "a fragment of markup “{}” (left when a web page took “<…>” for a tag)",
                    span.slice(text)
                ),
            );
            if in_title {
                // The inner title of a citation: give it its marks back.
                let inner = &text[span.offset..span.end() - 1];
                diagnostic
                    .help(tr!(
                        ctx.lang,
                        "书名中的书名应写作“〈{}〉”",
                        "a title inside a title takes 〈〉: “〈{}〉”",
                        inner
                    ))
                    .fix(Fix {
                        applicability: Applicability::Unsafe,
                        edits: vec![Edit {
                            offset: span.offset,
                            length: span.len,
                            replacement: format!("〈{inner}〉"),
                        }],
                    });
                continue;
            }
            // Take the spaces before the fragment along when deleting it.
            let before = &text[..span.offset];
            let spaces = before.len()
                - before
                    .trim_end_matches([' ', '\t', '\u{3000}', '\u{a0}'])
                    .len();
            diagnostic
                .help(tr!(
                    ctx.lang,
                    "删去该片段；书名中的书名应写作“〈〉”",
                    "delete the fragment; a title inside a title takes 〈〉"
                ))
                .fix(delete(Span::from_range(span.offset - spaces, span.end())));
        }
    }
}

/// Deleting residue is right unless the text around it relied on it: unsafe.
fn delete(span: Span) -> Fix {
    Fix {
        applicability: Applicability::Unsafe,
        edits: vec![Edit {
            offset: span.offset,
            length: span.len,
            replacement: String::new(),
        }],
    }
}
