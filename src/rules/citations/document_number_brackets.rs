//! C003 `document-number-brackets`.

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// The year of a document number in brackets other than `〔〕`.
pub struct DocumentNumberBrackets;

impl Rule for DocumentNumberBrackets {
    declare_rule! {
        code: "C003",
        name: "document-number-brackets",
        family: Citations,
        severity: Warning,
        fixable: true,
        summary_zh: "文号年份未使用六角括号〔〕",
        summary_en: "The year of a document number is not in 〔〕",
        explanation_zh: "按 GB/T 9704-2012 第7.2.5条，\
            发文字号中的年份用六角括号“〔〕”（U+3014/U+3015）括入。方括号“[]”“［］”、\
            方头括号“【】”和圆括号“()”“（）”都是常见错误；小六角括号“﹝﹞”（U+FE5D/U+FE5E）\
            看起来没错，NFKC 规范化后也会变成“〔〕”，但实际是另外的字符。修复会同时替换两个括号。",
        explanation_en: "GB/T 9704-2012 §7.2.5 writes the year of a document number in 六角括号 \
            `〔〕` (U+3014/U+3015). Square brackets `[]` `［］`, lenticular brackets `【】` and \
            parentheses `()` `（）` are common mistakes; small brackets `﹝﹞` (U+FE5D/U+FE5E) \
            look right and fold to `〔〕` under NFKC but are other characters. The fix replaces \
            both brackets.",
        basis: "GB/T 9704-2012《党政机关公文格式》7.2.5",
        bad: Opening "《国务院办公厅政府信息与政务公开办公室关于规范政府信息公开平台有关事项的通\
            知》(国办公开办函[2019]61号)",
        good: Opening "《国务院办公厅政府信息与政务公开办公室关于规范政府信息公开平台有关事项的通\
            知》(国办公开办函〔2019〕61号)",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let text = ctx.text();
        for number in ctx.coded_numbers() {
            let (open, close) = (number.open.value, number.close.value);
            if open == '〔' && close == '〕' {
                continue;
            }
            let span = Span::from_range(number.open.span.offset, number.close.span.end());
            sink.report(
                span,
                tr!(
                    ctx.lang,
                    "文号年份应使用六角括号“〔〕”，这里是“{}{}”",
                    "the year of a document number belongs in 〔〕, not {}{}",
                    open,
                    close
                ),
            )
            .help(tr!(
                ctx.lang,
                "改为“{}〔{}〕{}号”",
                "write “{}〔{}〕{}号”",
                number.prefix.value,
                number.year.value,
                number.serial.value
            ))
            .fix(Fix {
                applicability: Applicability::Safe,
                edits: [(number.open.span, "〔"), (number.close.span, "〕")]
                    .into_iter()
                    .filter(|(span, right)| span.slice(text) != *right)
                    .map(|(span, right)| Edit {
                        offset: span.offset,
                        length: span.len,
                        replacement: right.to_owned(),
                    })
                    .collect(),
            });
        }
    }
}
