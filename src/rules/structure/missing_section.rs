//! S001 `missing-section`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::tr;

/// One of the six required sections is absent.
pub struct MissingSection;

impl Rule for MissingSection {
    declare_rule! {
        code: "S001",
        name: "missing-section",
        family: Structure,
        severity: Error,
        summary_zh: "缺少规定的章节",
        summary_en: "A required section is missing",
        explanation_zh: "2021年格式规定报告由六个部分组成：一、总体情况；二、\
            主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、\
            行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。\
            缺少其中任何一个部分，报告即不符合格式要求。提示指向缺少的部分本应所在的位置：\
            其后第一个现有部分的标题，或报告末尾。各部分按关键词识别，标题措辞略有出入也能识别。",
        explanation_en: "The 2021 format fixes six sections: 一、总体情况; 二、\
            主动公开政府信息情况; 三、收到和处理政府信息公开申请情况; 四、政府信息公开行政复议、\
            行政诉讼情况; 五、存在的主要问题及改进情况; 六、其他需要报告的事项. A report without \
            one of them does not meet the format. The diagnostic points at the place the missing \
            section belongs: the heading of the next section that is present, or the end of the \
            report. Sections are recognised by their key phrase, so wording variants are accepted.",
        basis: "《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号",
        bad: Sections(3, 5) "三、收到和处理政府信息公开申请情况\n\
            ……\n\
            五、存在的主要问题及改进情况",
        good: Sections(3, 5) "三、收到和处理政府信息公开申请情况\n\
            ……\n\
            四、政府信息公开行政复议、行政诉讼情况\n\
            ……\n\
            五、存在的主要问题及改进情况",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        // A report in an outline before the format gets S010 instead.
        if ctx.report.outdated_outline.is_some() {
            return;
        }
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
