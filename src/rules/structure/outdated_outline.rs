//! S010 `outdated-outline`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// A report for 2019 or later written in the outline that preceded the format.
pub struct OutdatedOutline;

impl Rule for OutdatedOutline {
    declare_rule! {
        code: "S010",
        name: "outdated-outline",
        family: Structure,
        severity: Error,
        summary_zh: "报告按2019年以前的旧提纲编写",
        summary_en: "The report follows the outline of the reports before 2019",
        explanation_zh: "2019年以前的年度报告按旧提纲编写：一、概述；二、主动公开政府信息情况；\
            三、依申请公开政府信息情况；四、政府信息公开的收费及减免情况；\
            五、因政府信息公开申请行政复议、提起行政诉讼的情况；\
            六、政府信息公开工作存在的主要问题及改进措施；七、其他需要报告的事项。\
            2019年起报告须按国务院办公厅政府信息与政务公开办公室规定的格式编写六个部分，\
            并以统计表报告主动公开、依申请公开和行政复议、行政诉讼的数据。\
            2019年及以后的报告沿用旧提纲，说明套用了旧报告，各部分和统计表都不符合格式。\
            这条提示只出现一次，指向第一个只有旧提纲才有的标题（“概述”“收费及减免情况”），\
            并标出其余旧标题；缺少章节、序号不符、缺少统计表等逐项提示不再给出。\
            旧提纲由规则包声明（rules/outline-2008.toml）。",
        explanation_en: "Reports before 2019 followed an older outline: 一、概述; 二、主动公开政府信息情况; \
            三、依申请公开政府信息情况; 四、政府信息公开的收费及减免情况; \
            五、因政府信息公开申请行政复议、提起行政诉讼的情况; \
            六、政府信息公开工作存在的主要问题及改进措施; 七、其他需要报告的事项. From 2019 on, the \
            report follows the format of the national office: six sections, with tables for \
            proactive disclosure, requests, and reconsideration and litigation. A report for 2019 or \
            later in the old outline was copied from an old one, and none of its sections or tables \
            meets the format. It gets this one diagnostic, at the first heading only the old outline \
            has (概述, 收费及减免情况), with the other old headings labelled, instead of a missing \
            section, a wrong numeral or a missing table for each. The old outline is declared in a \
            pack (rules/outline-2008.toml).",
        basis: "《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2019〕60号；国办公开办函〔2021〕30号",
        bad: Sections(1, 6) "一、概述\n\
            ……\n\
            二、主动公开政府信息情况\n\
            ……\n\
            三、依申请公开政府信息情况\n\
            ……\n\
            四、政府信息公开的收费及减免情况\n\
            ……\n\
            五、因政府信息公开申请行政复议、提起行政诉讼的情况\n\
            ……\n\
            六、政府信息公开工作存在的主要问题及改进措施\n\
            ……\n\
            七、其他需要报告的事项\n\
            ……",
        good: Sections(1, 1) "一、总体情况\n\
            （一）主动公开情况\n\
            ……",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let Some(outline) = &ctx.report.outdated_outline else {
            return;
        };
        let Some(year) = ctx.report.year_value().filter(|y| *y > outline.last_year) else {
            return;
        };
        let Some((first, others)) = outline.headings.split_first() else {
            return;
        };
        let diagnostic = sink.report(
            first.span,
            tr!(
                ctx.lang,
                "{}年度报告沿用{}年以前的旧提纲（“{}”）：各部分和统计表都不符合现行格式",
                "the {} report follows the outline of the reports before {} (“{}”): none of its sections and tables meets the format",
                year,
                outline.last_year + 1,
                first.value
            ),
        );
        for heading in others {
            diagnostic.label(
                heading.span,
                tr!(ctx.lang, "旧提纲的标题", "a heading of the old outline"),
            );
        }
        let headings: Vec<&str> = ctx
            .format
            .sections
            .iter()
            .map(|s| s.heading.as_str())
            .collect();
        let basis = ctx.format.basis.as_deref().unwrap_or_default();
        diagnostic.help(tr!(
            ctx.lang,
            "按现行格式（{}）重写报告：{}，并填写规定的统计表",
            "rewrite the report in the format ({}): {}, with the format's tables",
            basis,
            headings.join("；")
        ));
    }
}
