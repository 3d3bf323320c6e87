//! S009 `contents-mismatch`.

use crate::model::Contents;
use crate::pack::SectionSpec;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// The contents sentence miscounts, omits or repeats the report's parts.
pub struct ContentsMismatch;

impl Rule for ContentsMismatch {
    declare_rule! {
        code: "S009",
        name: "contents-mismatch",
        family: Structure,
        severity: Warning,
        summary_zh: "开头的目录句所称部分数与所列不符，或漏列、重复列出某一部分",
        summary_en: "The contents sentence miscounts, omits or repeats a part",
        explanation_zh: "不少报告在开头用一句话列出全文的组成（“本报告由总体情况、……、其他需要报告的事项\
            等六部分组成”“全文包括……”）。所称部分数与实际列出的不一致，或漏列、重复列出格式规定的\
            某一部分，说明这句话是从别处照抄后没有核对，读者会以为报告缺了或多了一部分。\n\n\
            只列出部分内容并以“等”结尾、又未说明部分数的，不算漏列；列出的某一项认不出是哪一部分的\
            （如旧格式的“收费及减免情况”），不作判断。",
        explanation_en: "Many reports open with a sentence listing their parts (`本报告由总体情况、\
            ……、其他需要报告的事项等六部分组成`, `全文包括……`). A count that differs from the \
            parts listed, or a part of the format left out or listed twice, shows a sentence \
            copied without checking, and tells readers the report lacks a part or has one more.\n\n\
            A list that ends with 等 and states no count need not be complete; a list with an \
            item that names no part of the format (such as the old outline's 收费及减免情况) is \
            not judged.",
        basis: "国办公开办函〔2021〕30号",
        bad: Opening "本年度报告根据《中华人民共和国政府信息公开条例》编制，由总体情况、主动公开政府信息情况、\
            收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。\
            所列数据统计期限为2024年1月1日至2024年12月31日。",
        good: Opening "本年度报告根据《中华人民共和国政府信息公开条例》编制，由总体情况、主动公开政府信息情况、\
            收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、\
            其他需要报告的事项等六部分组成。所列数据统计期限为2024年1月1日至2024年12月31日。",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let Some(contents) = &ctx.report.contents else {
            return;
        };
        if contents.unread {
            return;
        }
        let sections = &ctx.format.sections;
        let missing: Vec<&SectionSpec> = sections
            .iter()
            .filter(|s| !contents.parts.iter().any(|p| p.kind == s.kind))
            .collect();
        let repeated = repeated_parts(contents);
        let listed = contents.parts.len();
        let miscounted = contents.stated.as_ref().filter(|n| n.value != listed);
        let omitted = !missing.is_empty() && (contents.stated.is_some() || !contents.open);
        if miscounted.is_none() && !omitted && repeated.is_empty() {
            return;
        }
        let names = |specs: &[&SectionSpec]| -> String {
            specs
                .iter()
                .map(|s| format!("“{}”", s.name()))
                .collect::<Vec<_>>()
                .join(ctx.lang.pick("、", ", "))
        };
        let mut problems = Vec::new();
        if omitted {
            problems.push(tr!(
                ctx.lang,
                "未列出{}",
                "{} is not listed",
                names(&missing)
            ));
        }
        let repeated_specs: Vec<&SectionSpec> = sections
            .iter()
            .filter(|s| repeated.iter().any(|(kind, _)| *kind == s.kind))
            .collect();
        if !repeated_specs.is_empty() {
            problems.push(tr!(
                ctx.lang,
                "重复列出{}",
                "{} is listed twice",
                names(&repeated_specs)
            ));
        }
        let joined = problems.join(ctx.lang.pick("，", "; "));
        let message = match miscounted {
            Some(stated) => {
                let extra = if joined.is_empty() {
                    String::new()
                } else {
                    format!(
                        "{}{joined}{}",
                        ctx.lang.pick("（", " ("),
                        ctx.lang.pick("）", ")")
                    )
                };
                tr!(
                    ctx.lang,
                    "目录句写“{}”，实际列出{}部分{}",
                    "the contents sentence says “{}” and lists {} parts{}",
                    stated.span.slice(ctx.text()),
                    listed,
                    extra
                )
            }
            None => tr!(ctx.lang, "目录句{}", "in the contents sentence, {}", joined),
        };
        let all = sections
            .iter()
            .map(|s| format!("“{}”", s.name()))
            .collect::<String>();
        let diagnostic = sink.report(contents.span, message);
        if let Some(stated) = miscounted {
            diagnostic.label(
                stated.span,
                tr!(ctx.lang, "列出的是{}部分", "{} parts are listed", listed),
            );
        }
        for (_, span) in &repeated {
            diagnostic.label(*span, tr!(ctx.lang, "又一次列出", "listed again"));
        }
        diagnostic.help(tr!(
            ctx.lang,
            "目录句与正文不符，读者会以为报告缺了或多了一部分：按格式列出{}部分{}，并核对所称部分数",
            "a contents sentence that disagrees with the text tells readers a part is missing or extra: list the format's {} parts, {}, and check the count",
            sections.len(),
            all
        ));
    }
}

/// The parts listed again after their first mention: section kind and
/// where the repetition stands.
fn repeated_parts(contents: &Contents) -> Vec<(&str, crate::span::Span)> {
    let parts = &contents.parts;
    parts
        .iter()
        .enumerate()
        .filter(|(at, part)| parts[..*at].iter().any(|p| p.kind == part.kind))
        .map(|(_, part)| (part.kind.as_str(), part.span))
        .collect()
}
