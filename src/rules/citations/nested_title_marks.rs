//! C006 `nested-title-marks`.

use crate::diagnostic::{Applicability, Edit, Fix, Severity};
use crate::model::InnerMarks;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::span::Span;
use crate::tr;

/// A title inside a title not written with `〈〉`.
pub struct NestedTitleMarks;

impl Rule for NestedTitleMarks {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "C006".into(),
            name: "nested-title-marks".into(),
            family: Family::Citations,
            severity: Severity::Warning,
            default_enabled: true,
            fixable: true,
            summary_zh: "书名中的书名应使用单书名号〈〉".into(),
            summary_en: "A title inside a title is not marked with 〈〉".into(),
            explanation: "GB/T 15834-2011 marks a title inside a title with single title marks \
`〈〉`, and a title inside that with `《》` again. Reports often write the inner title of the format \
notice with `《》` again, with ASCII `<>` (which web pages then take for a tag, leaving fragments \
like `…格式>` behind) or with full-width `＜＞`. The fix writes `〈〉` and drops spaces between the \
mark and the title around it."
                .into(),
            basis: "GB/T 15834-2011《标点符号用法》4.15.3".into(),
            bad_example: "《国务院办公厅政府信息与政务公开办公室关于印发 <中华人民共和国政府信息公开工作年度报告格式> 的通知》".into(),
            good_example: "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》".into(),
        }
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
