//! X003 `halfwidth-punctuation`.

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::normalize::is_cjk;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// ASCII `,;:?!()` between Chinese characters.
pub struct HalfwidthPunctuation;

/// The full-width form of an ASCII punctuation mark this rule checks.
fn fullwidth(c: char) -> Option<char> {
    match c {
        ',' => Some('，'),
        ';' => Some('；'),
        ':' => Some('：'),
        '?' => Some('？'),
        '!' => Some('！'),
        '(' => Some('（'),
        ')' => Some('）'),
        _ => None,
    }
}

/// Chinese on the left: an ideograph or closing Chinese punctuation.
fn chinese_before(c: Option<char>) -> bool {
    c.is_some_and(|c| is_cjk(c) || "。，、；：？！”’）》〉〕】」』".contains(c))
}

/// Chinese on the right: an ideograph or opening Chinese punctuation.
fn chinese_after(c: Option<char>) -> bool {
    c.is_some_and(|c| is_cjk(c) || "“‘（《〈〔【「『".contains(c))
}

impl Rule for HalfwidthPunctuation {
    declare_rule! {
        code: "X003",
        name: "halfwidth-punctuation",
        family: Text,
        severity: Info,
        default_enabled: false,
        fixable: true,
        summary_zh: "中文之间使用了半角标点",
        summary_en: "ASCII punctuation between Chinese characters",
        explanation_zh: "中文文本使用全角标点（GB/T 15834-2011）：“，；：？！（）”。中文之间的 \
            ASCII 标点“,;:?!()”通常是输入时的疏忽。本规则默认关闭：从网页提取的文字常经过 NFKC \
            规范化，所有全角标点都变成了 ASCII，那样每句话都会被提示。括号对只在括号内有汉字、\
            括号外至少一侧是中文时提示一次；修复改写为全角标点。",
        explanation_en: "Chinese text takes full-width punctuation (GB/T 15834-2011): `，；：\
            ？！（）`. ASCII `,;:?!()` between Chinese characters is usually a typing slip. Off \
            by default: text extracted from web pages is often NFKC-folded, which turns every \
            full-width mark into ASCII, and then every sentence would be reported. A parenthesis \
            pair is reported once when its content is Chinese and Chinese stands on either side; \
            the fix writes the full-width marks.",
        basis: "GB/T 15834-2011《标点符号用法》",
        bad: Opening "全年共收到申请24件,均按期答复(含延期答复2件)。",
        good: Opening "全年共收到申请24件，均按期答复（含延期答复2件）。",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let text = ctx.text();
        for line_span in ctx.doc.lines.iter().map(|l| l.span) {
            let line = line_span.slice(text);
            let chars: Vec<(usize, char)> = line.char_indices().collect();
            let mut open_paren: Option<usize> = None;
            for (k, &(at, c)) in chars.iter().enumerate() {
                let before = k.checked_sub(1).map(|p| chars[p].1);
                let after = chars.get(k + 1).map(|&(_, c)| c);
                let offset = line_span.offset + at;
                match c {
                    '(' => open_paren = Some(k),
                    ')' => {
                        let Some(open) = open_paren.take() else {
                            continue;
                        };
                        let inside = &chars[open + 1..k];
                        let outside_before = open.checked_sub(1).map(|p| chars[p].1);
                        if inside.iter().any(|&(_, c)| is_cjk(c))
                            && (chinese_before(outside_before) || chinese_after(after))
                        {
                            let open_at = line_span.offset + chars[open].0;
                            self.report(ctx, sink, &[(open_at, '('), (offset, ')')]);
                        }
                    }
                    ',' | ';' | ':' | '?' | '!'
                        if chinese_before(before) && chinese_after(after) =>
                    {
                        self.report(ctx, sink, &[(offset, c)]);
                    }
                    _ => {}
                }
            }
        }
    }
}

impl HalfwidthPunctuation {
    fn report(&self, ctx: &Context<'_>, sink: &mut Sink<'_>, marks: &[(usize, char)]) {
        let Some(&(first, _)) = marks.first() else {
            return;
        };
        let last = marks.last().map_or(first + 1, |&(at, _)| at + 1);
        let written: String = marks.iter().map(|&(_, c)| c).collect();
        let right: String = marks.iter().filter_map(|&(_, c)| fullwidth(c)).collect();
        let span = if marks.len() == 1 {
            Span::new(first, 1)
        } else {
            Span::from_range(first, last)
        };
        sink.report(
            span,
            tr!(
                ctx.lang,
                "中文之间使用了半角标点“{}”",
                "ASCII punctuation “{}” between Chinese characters",
                written
            ),
        )
        .help(tr!(
            ctx.lang,
            "改为全角“{}”",
            "write the full-width “{}”",
            right
        ))
        .fix(Fix {
            applicability: Applicability::Safe,
            edits: marks
                .iter()
                .filter_map(|&(at, c)| {
                    Some(Edit {
                        offset: at,
                        length: 1,
                        replacement: fullwidth(c)?.to_string(),
                    })
                })
                .collect(),
        });
    }
}
