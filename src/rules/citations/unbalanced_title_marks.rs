//! C005 `unbalanced-title-marks`.

use crate::diagnostic::Severity;
use crate::model::scan_title_marks;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::tr;

/// `《` without `》` in its sentence, or `》` without `《`.
pub struct UnbalancedTitleMarks;

impl Rule for UnbalancedTitleMarks {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "C005".into(),
            name: "unbalanced-title-marks".into(),
            family: Family::Citations,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "书名号不成对".into(),
            summary_en: "A title mark has no partner".into(),
            explanation: "Every `《` closes with `》` in the same sentence (GB/T 15834-2011). A mark \
left open, or a `》` that closes nothing, hides where a cited title begins or ends, so the citation \
cannot be checked and reads as a typo. A text that ends inside a title (a cut-off excerpt) is not \
reported."
                .into(),
            basis: "GB/T 15834-2011《标点符号用法》4.15".into(),
            bad_example: "根据《中华人民共和国政府信息公开条例(国务院令第711号)编制。".into(),
            good_example: "根据《中华人民共和国政府信息公开条例》(国务院令第711号)编制。".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        for mark in scan_title_marks(ctx.text()).stray {
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
