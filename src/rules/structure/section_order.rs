//! S002 `section-order`.

use crate::model::Section;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// Sections that stand out of the prescribed order.
pub struct SectionOrder;

impl Rule for SectionOrder {
    declare_rule! {
        code: "S002",
        name: "section-order",
        family: Structure,
        severity: Error,
        summary_zh: "章节顺序与格式不符",
        summary_en: "Sections are out of the prescribed order",
        explanation_zh: "六个部分须按格式规定的顺序排列，\
            公众和评估人员才能在预期的位置找到各部分内容。某一部分排在了本应在它之后的部分后面，\
            提示即指向该部分。",
        explanation_en: "The six sections must appear in the order of the format, so that \
            readers and assessors find each part where they expect it. The diagnostic points at \
            each section that comes after a section that should follow it.",
        basis: "国办公开办函〔2021〕30号",
        bad: Sections(2, 3) "三、收到和处理政府信息公开申请情况\n\
            ……\n\
            二、主动公开政府信息情况",
        good: Sections(2, 3) "二、主动公开政府信息情况\n\
            ……\n\
            三、收到和处理政府信息公开申请情况",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        // A report in an outline before the format gets S010 instead.
        if ctx.report.outdated_outline.is_some() {
            return;
        }
        // First occurrence of each known section, with its place in the format.
        let mut placed: Vec<(usize, &Section)> = Vec::new();
        for section in &ctx.report.sections {
            if placed.iter().any(|(_, s)| s.kind == section.kind) {
                continue;
            }
            if let Some(order) = ctx
                .format
                .sections
                .iter()
                .position(|s| s.kind == section.kind)
            {
                placed.push((order, section));
            }
        }
        // The sections outside the longest run in format order are the misplaced ones.
        let in_order = longest_increasing(&placed.iter().map(|(o, _)| *o).collect::<Vec<_>>());
        for (index, (order, section)) in placed.iter().enumerate() {
            if in_order.contains(&index) {
                continue;
            }
            let after = placed
                .iter()
                .filter(|(o, _)| o < order)
                .max_by_key(|(o, _)| *o)
                .map(|(_, s)| *s);
            let diagnostic = sink.report(
                section.heading.span,
                match after {
                    Some(previous) => tr!(
                        ctx.lang,
                        "“{}”位置不对：按格式应在“{}”之后",
                        "“{}” is out of place: the format puts it after “{}”",
                        section.heading.value,
                        previous.heading.value
                    ),
                    None => tr!(
                        ctx.lang,
                        "“{}”位置不对：按格式应在其他各节之前",
                        "“{}” is out of place: the format puts it before the other sections",
                        section.heading.value
                    ),
                },
            );
            if let Some(previous) = after {
                diagnostic.label(
                    previous.heading.span,
                    tr!(ctx.lang, "应排在这一节之后", "belongs after this section"),
                );
            }
            diagnostic.help(tr!(
                ctx.lang,
                "按“一”至“六”的顺序排列各节",
                "put the sections in the order 一 to 六"
            ));
        }
    }
}

/// Indices of one longest strictly increasing subsequence of `values`.
fn longest_increasing(values: &[usize]) -> Vec<usize> {
    let n = values.len();
    let mut length = vec![1usize; n];
    let mut previous = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if values[j] < values[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1;
                previous[i] = j;
            }
        }
    }
    let Some(mut at) = (0..n).max_by_key(|&i| (length[i], std::cmp::Reverse(i))) else {
        return Vec::new();
    };
    let mut indices = vec![at];
    while previous[at] != usize::MAX {
        at = previous[at];
        indices.push(at);
    }
    indices
}
