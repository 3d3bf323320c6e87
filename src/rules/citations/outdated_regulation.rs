//! C001 `outdated-regulation`.

use std::collections::HashSet;

use crate::model::DocNumber;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// A registered document cited with a number that was repealed before the report year.
pub struct OutdatedRegulation;

impl Rule for OutdatedRegulation {
    declare_rule! {
        code: "C001",
        name: "outdated-regulation",
        family: Citations,
        severity: Error,
        summary_zh: "引用了已被修订的条例文号（国务院令第492号）",
        summary_en: "The regulation is cited with the number of its repealed text",
        explanation_zh: "《中华人民共和国政府信息公开条例》最初以国务院令第492号公布（2007年），\
            2019年4月3日经国务院令第711号修订，自2019年5月15日起施行。\
            2019年及以后的报告只以“第492号”引用条例，引的就是已被修订的旧文本，\
            其期限和义务与现行条例不同（例如旧条例第三十一条规定年度报告一律在3月31日前公布）。\
            报告引用了已登记文件的旧文号（见 `rules/citations.toml` 或规则包），\
            而全文没有一处引用现行文号时，即作提示。",
        explanation_en: "《中华人民共和国政府信息公开条例》 was first issued as 国务院令第492号 \
            (2007) and revised by 国务院令第711号 (2019-04-03, in force 2019-05-15). A report \
            for 2019 or later that cites the regulation only as 第492号 names the repealed text, \
            whose deadlines and duties differ (31 March for all under the old 第三十一条). The \
            rule fires on a registered document cited with a superseded number from \
            `rules/citations.toml` (or a pack) when no citation in the report carries the \
            current number.",
        basis: "《中华人民共和国政府信息公开条例》（国务院令第711号）",
        bad: Opening "根据《中华人民共和国政府信息公开条例》(国务院令第492号)编制。",
        good: Opening "根据《中华人民共和国政府信息公开条例》(国务院令第711号)编制。",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let Some(year) = ctx.report.year_value() else {
            return;
        };
        let documents = &ctx.format.documents;
        // Each citation's registered document, looked up once.
        let cited: Vec<_> = ctx
            .report
            .citations
            .iter()
            .map(|citation| documents.by_title(&citation.title.value))
            .collect();
        // The documents some citation carries with their current number: one
        // pass over the citations, not one per citation.
        let current: HashSet<&str> = ctx
            .report
            .citations
            .iter()
            .zip(&cited)
            .filter_map(|(citation, document)| {
                let document = (*document)?;
                let key = document.key.as_ref()?;
                citation
                    .numbers
                    .iter()
                    .filter_map(DocNumber::key)
                    .any(|k| k.same_document(key))
                    .then_some(document.spec.id.as_str())
            })
            .collect();
        for (citation, document) in ctx.report.citations.iter().zip(&cited) {
            let Some(document) = *document else {
                continue;
            };
            if document.spec.superseded.is_empty() || current.contains(document.spec.id.as_str()) {
                continue;
            }
            for number in &citation.numbers {
                let Some(key) = number.key() else { continue };
                let Some((old, _)) = document
                    .spec
                    .superseded
                    .iter()
                    .zip(&document.superseded)
                    .find(|(old, k)| {
                        old.until < year && k.as_ref().is_some_and(|k| k.same_document(&key))
                    })
                else {
                    continue;
                };
                let span = number.span();
                sink.report(
                    span,
                    tr!(
                        ctx.lang,
                        "《{}》引用的是已失效的{}，{}年度报告应依据现行的{}",
                        "《{}》 is cited as {}, which no longer applies; a report for {} rests on {}",
                        document.spec.title,
                        old.number,
                        year,
                        document.spec.number
                    ),
                )
                .label(citation.title.span, tr!(ctx.lang, "被引用的文件", "the cited document"))
                .help(tr!(
                    ctx.lang,
                    "将文号改为“{}”{}",
                    "write “{}” instead{}",
                    document.spec.number,
                    old.note
                        .as_ref()
                        .map(|n| ctx.lang.pick("（{}）", " ({})").replace("{}", n))
                        .unwrap_or_default()
                ));
            }
        }
    }
}
