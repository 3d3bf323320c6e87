//! S006 `missing-topic`.

use crate::normalize::canon;
use crate::pack::ids::{self, Need};
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// 总体情况 says nothing of one of its five topics.
pub struct MissingTopic;

impl Rule for MissingTopic {
    declare_rule! {
        code: "S006",
        name: "missing-topic",
        family: Structure,
        severity: Warning,
        summary_zh: "“总体情况”未涉及规定的某一方面",
        summary_en: "总体情况 says nothing of one of its five topics",
        explanation_zh: "“总体情况”应涵盖五个方面：主动公开、依申请公开、政府信息管理、\
            政府信息公开平台建设、监督保障，通常分为（一）至（五）五个小标题。某一方面只字未提，\
            通常是漏掉了一个小节。",
        explanation_en: "Section 一 covers five topics: 主动公开, 依申请公开, 政府信息管理, \
            政府信息公开平台建设 and 监督保障, usually as subsections (一) to (五). A topic that \
            is never mentioned is usually a subsection that was dropped.",
        basis: "国办公开办函〔2021〕30号",
        bad: Sections(1, 1) "一、总体情况\n\
            （一）主动公开\n\
            ……\n\
            （二）依申请公开\n\
            ……",
        good: Sections(1, 1) "一、总体情况\n\
            （一）主动公开\n\
            ……\n\
            （二）依申请公开\n\
            ……\n\
            （三）政府信息管理\n\
            ……\n\
            （四）政府信息公开平台建设\n\
            ……\n\
            （五）监督保障\n\
            ……",
    }

    fn requires(&self) -> &'static [Need] {
        &[Need::Section(ids::OVERVIEW)]
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        // A report in an outline before the format gets S010 instead.
        if ctx.report.outdated_outline.is_some() {
            return;
        }
        let Some(spec) = ctx.format.section(ids::OVERVIEW) else {
            return;
        };
        let Some(section) = ctx.report.section(ids::OVERVIEW) else {
            return;
        };
        let body = canon(section.span.slice(ctx.text()));
        for topic in &spec.topics {
            if topic
                .keys
                .iter()
                .any(|key| body.contains(canon(key).as_str()))
            {
                continue;
            }
            sink.report(
                section.heading.span,
                tr!(
                    ctx.lang,
                    "“总体情况”未涉及“{}”",
                    "总体情况 does not mention “{}”",
                    topic.name
                ),
            )
            .help(tr!(
                ctx.lang,
                "补写“{}”情况（通常作为一个小标题）",
                "add a paragraph on “{}” (usually its own subsection)",
                topic.name
            ));
        }
    }
}
