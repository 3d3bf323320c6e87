//! S000 `not-a-report`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::span::Span;
use crate::tr;

/// The text has no title, no statistics period and none of the six sections: it is not a report.
pub struct NotAReport;

impl Rule for NotAReport {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "S000".into(),
            name: "not-a-report".into(),
            family: Family::Structure,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "文本不是政府信息公开工作年度报告".into(),
            summary_en: "The text is not an information-disclosure annual report".into(),
            explanation: "A text with no report title, no statistics period and none of the six \
sections is not a 政府信息公开工作年度报告 at all: a notice, a page of navigation, an empty file picked up by a glob \
over a mixed folder. It gets this one diagnostic instead of a missing-section finding for each of \
the six sections, and no other format rule runs on it, so that the output over a mixed folder stays \
readable. A text with a title, a statistics period or at least one recognised section is a report \
and is checked in full. \
Old reports written before the 2019 format, without its title and sections, get this diagnostic too: \
they cannot be checked against the format."
                .into(),
            basis: "《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号".into(),
            bad_example: "关于开展2024年度安全生产检查的通知\n各科室：\n现将有关事项通知如下……".into(),
            good_example: "某某镇人民政府2024年政府信息公开工作年度报告\n一、总体情况\n……".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        if ctx.report.is_report() {
            return;
        }
        let span = match ctx.text().find(|c: char| !c.is_whitespace()) {
            Some(first) => ctx.line_span(first),
            None => Span::new(0, 0),
        };
        sink.report(
            span,
            tr!(
                ctx.lang,
                "无法识别为政府信息公开工作年度报告：没有报告标题、数据统计期限，也没有六个规定章节中的任何一个",
                "not recognisable as an information-disclosure annual report: no report title, no statistics period and none of the six sections"
            ),
        )
        .help(tr!(
            ctx.lang,
            "如果这是年度报告，按格式写明标题和章节；否则不要把它列入检查范围",
            "if this is an annual report, give it the format's title and sections; otherwise leave it out of the check"
        ));
    }

    fn checks_non_reports(&self) -> bool {
        true
    }
}
