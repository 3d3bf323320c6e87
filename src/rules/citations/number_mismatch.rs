//! C002 `citation-number-mismatch`.

use crate::model::{DocNumber, NumberKey};
use crate::normalize::canon;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// A registered title cited with a number that is not its own.
pub struct CitationNumberMismatch;

impl Rule for CitationNumberMismatch {
    declare_rule! {
        code: "C002",
        name: "citation-number-mismatch",
        family: Citations,
        severity: Error,
        summary_zh: "文件标题与文号不符",
        summary_en: "A cited title carries another document's number",
        explanation_zh: "“《标题》（文号）”这样的引用两次指向同一份文件；\
            文号属于另一份文件（例如2021年格式通知配上国办公开办函〔2019〕60号，\
            或信息处理费管理办法配上国办函〔2020〕109号以外的文号），\
            或者发文机关代字写错（把“国办公开办函”写成“国办公开函”），\
            读者就无法判断报告依据的是哪份文件。文件标题和文号的登记表见 `rules/citations.toml`，\
            规则包可以增补。已废止文本的文号由 C001 检查，括号和文号格式问题由 C003、C004 检查。\
            几份文件共用的简称（2019年和2021年的通知都印发过《中华人民共和国政府信息公开工作年度\
            报告格式》）指适用于报告年度的那一份。",
        explanation_en: "A citation `《title》(number)` names one document twice; when the \
            number belongs to another document (the 2021 format notice with \
            国办公开办函〔2019〕60号, the fee measures with anything but 国办函〔2020〕109号) or \
            its issuer code is misspelt (国办公开函 for 国办公开办函), readers cannot tell which \
            document the report rests on. The registry of titles and numbers is \
            `rules/citations.toml`; packs add entries. Numbers of repealed texts are C001's; \
            bracket and form problems are C003's and C004's. A short title several documents \
            share (`《中华人民共和国政府信息公开工作年度报告格式》` was issued by both the 2019 \
            and the 2021 notice) means the one that applies to the report year.",
        basis: "GB/T 9704-2012《党政机关公文格式》7.2.5；国办公开办函〔2021〕30号",
        bad: Opening "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开\
            工作年度报告格式〉的通知》(国办公开办函〔2019〕60号)",
        good: Opening "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开\
            工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let documents = &ctx.format.documents;
        for citation in &ctx.report.citations {
            let mut candidates = documents.all_by_title(&citation.title.value);
            // A short title shared by several documents means the one in force.
            if let (true, Some(year)) = (candidates.len() > 1, ctx.report.year_value()) {
                let applicable: Vec<_> = candidates
                    .iter()
                    .copied()
                    .filter(|d| d.spec.applies_to(year))
                    .collect();
                if !applicable.is_empty() {
                    candidates = applicable;
                }
            }
            let Some(document) = candidates.first() else {
                continue;
            };
            let Some(number) = citation.numbers.first() else {
                continue;
            };
            let Some(key) = number.key() else { continue };
            let own = |d: &crate::model::CitedDocument| {
                d.key.as_ref().is_some_and(|k| k.same_document(&key))
                    || d.superseded.iter().flatten().any(|k| k.same_document(&key))
            };
            let span = number.span();
            if let Some(matching) = candidates.iter().find(|d| own(d)) {
                // The right document; is the issuer code right too?
                let (DocNumber::Coded(found), Some(NumberKey::Coded { prefix, .. })) =
                    (number, &matching.key)
                else {
                    continue;
                };
                let written = canon(&found.prefix.value);
                if written.ends_with(prefix.as_str()) {
                    continue;
                }
                sink.report(
                    found.prefix.span,
                    tr!(
                        ctx.lang,
                        "《{}》的发文机关代字应为“{}”，这里写作“{}”",
                        "the issuer code of 《{}》 is “{}”, not “{}”",
                        matching.spec.title,
                        prefix,
                        found.prefix.value
                    ),
                )
                .label(
                    citation.title.span,
                    tr!(ctx.lang, "被引用的文件", "the cited document"),
                )
                .help(tr!(
                    ctx.lang,
                    "文号应为“{}”",
                    "the number is “{}”",
                    matching.spec.number
                ));
                continue;
            }
            let other = documents
                .by_number(&key)
                .filter(|d| d.spec.id != document.spec.id);
            let message = match other {
                Some(other) => tr!(
                    ctx.lang,
                    "《{}》的文号应为{}，而{}是《{}》的文号",
                    "《{}》 is numbered {}; {} is the number of 《{}》",
                    document.spec.title,
                    document.spec.number,
                    span.slice(ctx.text()),
                    other.spec.title
                ),
                None => tr!(
                    ctx.lang,
                    "《{}》的文号应为{}，这里写作{}",
                    "《{}》 is numbered {}, not {}",
                    document.spec.title,
                    document.spec.number,
                    span.slice(ctx.text())
                ),
            };
            sink.report(span, message)
                .label(
                    citation.title.span,
                    tr!(ctx.lang, "被引用的文件", "the cited document"),
                )
                .help(tr!(
                    ctx.lang,
                    "核对所依据的文件：标题与文号应指同一份文件（“{}”）",
                    "check which document is meant: title and number must name the same one (“{}”)",
                    document.spec.number
                ));
        }
    }
}
