//! C005 `unbalanced-title-marks`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// `《` without `》` in its sentence, or `》` without `《`.
pub struct UnbalancedTitleMarks;

impl Rule for UnbalancedTitleMarks {
    declare_rule! {
        code: "C005",
        name: "unbalanced-title-marks",
        family: Citations,
        severity: Error,
        summary_zh: "书名号不成对",
        summary_en: "A title mark has no partner",
        explanation_zh: "每个“《”都应在同一句中以“》”闭合（GB/T 15834-2011）。书名号只有前一半，\
            或者出现没有对应前半的“》”，就看不出引用的标题从哪里开始、到哪里结束，引用无法检查，\
            读起来也像笔误。文本在书名中间结束（被截断的摘录）时不作提示。",
        explanation_en: "Every `《` closes with `》` in the same sentence (GB/T 15834-2011). A \
            mark left open, or a `》` that closes nothing, hides where a cited title begins or \
            ends, so the citation cannot be checked and reads as a typo. A text that ends inside \
            a title (a cut-off excerpt) is not reported.",
        basis: "GB/T 15834-2011《标点符号用法》4.15",
        bad: Opening "根据《中华人民共和国政府信息公开条例(国务院令第711号)编制。",
        good: Opening "根据《中华人民共和国政府信息公开条例》(国务院令第711号)编制。",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        for mark in &ctx.report.stray_title_marks {
            if mark.opening {
                sink.report(
                    mark.span,
                    tr!(
                        ctx.lang,
                        "“《”在本句中没有对应的“》”",
                        "“《” is not closed in its sentence"
                    ),
                )
                .help(tr!(
                    ctx.lang,
                    "在书名结束处补上“》”，或删去多余的“《”",
                    "add “》” where the title ends, or remove the stray “《”"
                ));
            } else {
                sink.report(
                    mark.span,
                    tr!(ctx.lang, "“》”前没有对应的“《”", "“》” closes no “《”"),
                )
                .help(tr!(
                    ctx.lang,
                    "在书名开始处补上“《”，或删去多余的“》”",
                    "add “《” where the title begins, or remove the stray “》”"
                ));
            }
        }
    }
}
