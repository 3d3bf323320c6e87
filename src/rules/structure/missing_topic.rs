//! S006 `missing-topic`.

use crate::diagnostic::Severity;
use crate::normalize::canon;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};
use crate::tr;

/// 总体情况 says nothing of one of its five topics.
pub struct MissingTopic;

impl Rule for MissingTopic {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "S006".into(),
            name: "missing-topic".into(),
            family: Family::Structure,
            severity: Severity::Warning,
            default_enabled: true,
            fixable: false,
            summary_zh: "“总体情况”未涉及规定的某一方面".into(),
            summary_en: "总体情况 says nothing of one of its five topics".into(),
            explanation: "Section 一 covers five topics: 主动公开, 依申请公开, 政府信息管理, \
政府信息公开平台建设 and 监督保障, usually as subsections (一) to (五). A topic that is never \
mentioned is usually a subsection that was dropped."
                .into(),
            basis: "国办公开办函〔2021〕30号".into(),
            bad_example: "一、总体情况\n(一)主动公开\n……\n(二)依申请公开\n……".into(),
            good_example: "一、总体情况\n(一)主动公开\n(二)依申请公开\n(三)政府信息管理\n(四)平台建设\n(五)监督保障".into(),
        }
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let Some(spec) = ctx.format.section("overview") else {
            return;
        };
        let Some(section) = ctx.report.section("overview") else {
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
