//! C006 `nested-title-marks`.

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::model::InnerMarks;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// A title inside a title not written with `〈〉`.
pub struct NestedTitleMarks;

impl Rule for NestedTitleMarks {
    declare_rule! {
        code: "C006",
        name: "nested-title-marks",
        family: Citations,
        severity: Warning,
        fixable: true,
        summary_zh: "书名中的书名应使用单书名号〈〉",
        summary_en: "A title inside a title is not marked with 〈〉",
        explanation_zh: "按 GB/T 15834-2011，书名中还有书名时，里面一层用单书名号“〈〉”，\
            再里面一层又用“《》”。报告引用格式通知时，里层标题常常又写成“《》”，或写成 ASCII \
            的“<>”（网页会把它当作标签，留下“…格式>”这样的残片），或写成全角的“＜＞”。\
            修复改写为“〈〉”，并删去书名号与外层标题之间的空格。",
        explanation_en: "GB/T 15834-2011 marks a title inside a title with single title marks \
            `〈〉`, and a title inside that with `《》` again. Reports often write the inner \
            title of the format notice with `《》` again, with ASCII `<>` (which web pages then \
            take for a tag, leaving fragments like `…格式>` behind) or with full-width `＜＞`. \
            The fix writes `〈〉` and drops spaces between the mark and the title around it.",
        basis: "GB/T 15834-2011《标点符号用法》4.15.3",
        bad: Opening "《国务院办公厅政府信息与政务公开办公室关于印发 \
            <中华人民共和国政府信息公开工作年度报告格式> 的通知》",
        good: Opening "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开\
            工作年度报告格式〉的通知》",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let text = ctx.text();
        for citation in &ctx.report.citations {
            for inner in &citation.inner {
                if inner.marks == InnerMarks::Single {
                    continue;
                }
                let open = widen(text, inner.open, true, citation.title.span);
                let close = widen(text, inner.close, false, citation.title.span);
                let marks = format!("{}{}", inner.open.slice(text), inner.close.slice(text));
                sink.report(
                    Span::from_range(inner.open.offset, inner.close.end()),
                    tr!(
                        ctx.lang,
                        "书名中的书名应使用“〈〉”，这里是“{}”",
                        "a title inside a title takes 〈〉, not {}",
                        marks
                    ),
                )
                .label(
                    citation.title.span,
                    tr!(ctx.lang, "外层书名", "the enclosing title"),
                )
                .help(tr!(
                    ctx.lang,
                    "把内层书名号改为“〈〉”",
                    "mark the inner title with 〈〉"
                ))
                .fix(Fix {
                    applicability: Applicability::Safe,
                    edits: vec![
                        Edit {
                            offset: open.offset,
                            length: open.len,
                            replacement: "〈".to_owned(),
                        },
                        Edit {
                            offset: close.offset,
                            length: close.len,
                            replacement: "〉".to_owned(),
                        },
                    ],
                });
            }
        }
    }
}

/// The mark with the spaces on its outer side (before an opening mark,
/// after a closing one), staying within the enclosing title.
fn widen(text: &str, mark: Span, opening: bool, title: Span) -> Span {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}');
    if opening {
        let before = &text[title.offset..mark.offset];
        let trimmed = before.trim_end_matches(is_space);
        Span::from_range(title.offset + trimmed.len(), mark.end())
    } else {
        let after = &text[mark.end()..title.end()];
        let trimmed = after.trim_start_matches(is_space);
        Span::from_range(mark.offset, mark.end() + after.len() - trimmed.len())
    }
}
