//! S001 `missing-section`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::span::Span;
use crate::tr;

/// One of the six required sections is absent.
pub struct MissingSection;

impl Rule for MissingSection {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "S001".into(),
            name: "missing-section".into(),
            family: Family::Structure,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "缺少规定的章节".into(),
            summary_en: "A required section is missing".into(),
            explanation: "The 2021 format fixes six sections: 一、总体情况; 二、主动公开政府信息情况; \
三、收到和处理政府信息公开申请情况; 四、政府信息公开行政复议、行政诉讼情况; 五、存在的主要问题及改进情况; \
六、其他需要报告的事项. A report without one of them does not meet the format. The diagnostic points \
at the place the missing section belongs: the heading of the next section that is present, or the end of \
the report. Sections are recognised by their key phrase, so wording variants are accepted."
                .into(),
            basis: "《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号".into(),
            bad_example: "三、收到和处理政府信息公开申请情况\n……\n五、存在的主要问题及改进情况".into(),
            good_example: "三、收到和处理政府信息公开申请情况\n……\n四、政府信息公开行政复议、行政诉讼情况\n……\n五、存在的主要问题及改进情况".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let report = ctx.report;
        let specs = &ctx.format.sections;
        for (index, spec) in specs.iter().enumerate() {
            if report.section(&spec.kind).is_some() {
                continue;
            }
            let next_present = specs[index + 1..]
                .iter()
                .find_map(|later| report.section(&later.kind));
            let (span, place) = match next_present {
                Some(next) => (
                    next.heading.span,
                    tr!(
                        ctx.lang,
                        "应在“{}”之前",
                        "expected before “{}”",
                        next.heading.value
                    ),
                ),
                None => {
                    let end = ctx.text().trim_end().len();
                    (
                        Span::new(end, 0),
                        tr!(
                            ctx.lang,
                            "应在报告末尾",
                            "expected at the end of the report"
                        ),
                    )
                }
            };
            sink.report(
                span,
                tr!(
                    ctx.lang,
                    "缺少第{}部分“{}”",
                    "section {} “{}” is missing",
                    super::numeral(spec.number),
                    spec.heading
                ),
            )
            .label(span, place)
            .help(tr!(
                ctx.lang,
                "按格式补写“{}”一节；没有内容时也应保留标题并如实说明",
                "add the section “{}”; if there is nothing to report, keep the heading and say so",
                spec.heading
            ));
        }
    }
}
