//! C008 `outdated-basis`.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{find_coded_numbers, parse_number, Citation, CitedDocument, NumberKey};
use crate::pack::ids::{self, Need};
use crate::rules::sentences::{sentence_at, sentences};
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
use crate::{tr, Edition};

/// The report rests on a document that no longer applies to its year: the
/// 2019 format notice in a report for 2021 or later, or an earlier year's
/// 政务公开工作要点.
pub struct OutdatedBasis;

/// Words that make a document the basis of what the sentence says
/// (`根据《…》编制`, `按照《…》要求`).
const BASIS_WORDS: &[&str] = &[
    "根据", "按照", "依据", "依照", "遵照", "参照", "执行", "落实", "贯彻", "要求", "规定",
];

/// Words that make a mention of another year's document a comparison or a
/// look back, not the basis of this year's work.
const LOOKING_BACK: &[&str] = &[
    "上年",
    "去年",
    "上一年",
    "同比",
    "相比",
    "对比",
    "较",
    "取代",
    "废止",
    "替代",
];

/// `2023年政务公开工作要点`, `盐城市2022年政务公开工作要点` in a title.
static KEY_POINTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<year>(?:19|20)[0-9]{2})年(?:度)?[^0-9》]{0,12}?政务公开工作要点")
        .expect("valid regex")
});

impl Rule for OutdatedBasis {
    declare_rule! {
        code: "C008",
        name: "outdated-basis",
        family: Citations,
        severity: Error,
        summary_zh: "以已不适用于报告年度的文件为依据",
        summary_en: "The report rests on a document that no longer applies to its year",
        explanation_zh: "2021年度起，年度报告按《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民\
            共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）编制；\
            2019年的《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》\
            （国办公开办函〔2019〕60号）印发的是试行格式，只适用于2019、2020年度的报告。\
            2021年及以后的报告仍说“根据”“按照”这份通知（带不带文号都一样），\
            多半是照抄了旧报告，表格也常是旧格式。同样，把往年的政务公开工作要点\
            （“按照《2022年政务公开工作要点》要求”出现在2023年度报告中）当作本年度的依据，\
            也是沿用了旧文本。文件适用的年度见 `rules/citations.toml`（`until`）；\
            只有在同一句中以“根据”“按照”“要求”等说法把它作为依据时才提示，\
            回顾、对比（“取代了……”“较上年”）和第五部分不提示；\
            同一句同时引用了现行格式通知的，也不提示。",
        explanation_en: "From the 2021 report on, reports follow the 2021 format notice \
            (国办公开办函〔2021〕30号); the 2019 notice 《…关于政府信息公开工作年度报告有关事项的通知》 \
            (国办公开办函〔2019〕60号) issued the trial format, for the 2019 and 2020 reports \
            only. A report for 2021 or later that still says it follows that notice (with or \
            without its number) was most likely copied from an old report, and its tables are \
            often the old ones too. Likewise, an earlier year's 政务公开工作要点 cited as the \
            basis of this year's work (`按照《2022年政务公开工作要点》要求` in a 2023 report) \
            is left over from an old text. Which years a document applies to is in \
            `rules/citations.toml` (`until`). Only a document the same sentence names as its \
            basis (根据, 按照, 要求 …) is reported; looking back or comparing (`取代了…`, \
            `较上年`), section 五, and a sentence that also cites the current format notice \
            are not.",
        basis: "国办公开办函〔2021〕30号",
        bad: Opening "本报告根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告\
            有关事项的通知》(国办公开办函〔2019〕60号)编制。",
        good: Opening "本报告根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国\
            政府信息公开工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)编制。",
    }

    fn requires(&self) -> &'static [Need] {
        &[Need::Section(ids::PROBLEMS)]
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let Some(year) = ctx.report.year_value() else {
            return;
        };
        let text = ctx.text();
        let documents = &ctx.format.documents;
        let mut candidates: Vec<Candidate<'_>> = Vec::new();
        for citation in &ctx.report.citations {
            if let Some(document) = outdated_document(ctx, citation, year) {
                candidates.push(Candidate::Document {
                    at: citation.title.span,
                    number: citation.number.as_ref().map(|n| n.span),
                    document,
                });
            } else if let Some(stated) =
                key_points_year(&citation.title.value).filter(|y| *y < year)
            {
                candidates.push(Candidate::KeyPoints {
                    at: citation.title.span,
                    stated,
                });
            }
        }
        // A number without its title (`按照国办公开办函〔2019〕60号要求`).
        let outdated_years: Vec<String> = documents
            .iter()
            .filter(|d| d.spec.until.is_some_and(|until| until < year))
            .filter_map(|d| match d.key {
                Some(NumberKey::Coded { year, .. }) => Some(year.to_string()),
                _ => None,
            })
            .collect();
        if outdated_years.iter().any(|y| text.contains(y.as_str())) {
            for number in ctx.coded_numbers() {
                let cited = citation_at(&ctx.report.citations, number.span.offset).is_some();
                let document = number
                    .key()
                    .and_then(|key| documents.by_number(&key))
                    .filter(|d| d.spec.until.is_some_and(|until| until < year));
                if let (false, Some(document)) = (cited, document) {
                    candidates.push(Candidate::Document {
                        at: number.span,
                        number: None,
                        document,
                    });
                }
            }
        }
        if candidates.is_empty() {
            return;
        }
        let current = ctx
            .formats
            .get(Edition::for_year(Some(year)))
            .basis
            .as_deref()
            .and_then(parse_number)
            .and_then(|n| n.key())
            .and_then(|key| documents.by_number(&key));
        let sentences: Vec<(Span, &str)> = sentences(ctx).collect();
        let findings = Findings {
            ctx,
            current,
            sentences: &sentences,
            problems: ctx.report.section(ids::PROBLEMS).map(|s| s.span),
            year,
        };
        candidates.sort_by_key(|c| c.at().offset);
        // Whether the last sentence looked at cites the current notice.
        let mut last: Option<(Span, bool)> = None;
        for candidate in candidates {
            let Some(sentence) = findings.basis_sentence(candidate.at()) else {
                continue;
            };
            let cites_current = match last {
                Some((span, cites)) if span == sentence => cites,
                _ => findings.cites_current(sentence),
            };
            last = Some((sentence, cites_current));
            // Cited beside the current notice, it is one basis among others.
            if !cites_current {
                findings.report(sink, candidate);
            }
        }
    }
}

/// The citation that holds `offset` (citations are in text order and do not overlap).
fn citation_at(citations: &[Citation], offset: usize) -> Option<&Citation> {
    let after = citations.partition_point(|c| c.span.offset <= offset);
    citations
        .get(after.checked_sub(1)?)
        .filter(|c| c.span.contains(offset))
}

/// A citation or number that may name an outdated basis.
#[derive(Debug, Clone, Copy)]
enum Candidate<'d> {
    /// A registered document that applies to earlier years only.
    Document {
        /// The title or the number.
        at: Span,
        /// The number after the title.
        number: Option<Span>,
        /// The document.
        document: &'d CitedDocument,
    },
    /// An earlier year's 政务公开工作要点.
    KeyPoints {
        /// The title.
        at: Span,
        /// The year it names.
        stated: i32,
    },
}

impl Candidate<'_> {
    /// Where it stands.
    fn at(&self) -> Span {
        match self {
            Candidate::Document { at, .. } | Candidate::KeyPoints { at, .. } => *at,
        }
    }
}

/// The registered document a citation names, when it applies only to years
/// before `year` and the citation gives it no other document's number (that
/// is C002's).
fn outdated_document<'d>(
    ctx: &'d Context<'_>,
    citation: &Citation,
    year: i32,
) -> Option<&'d CitedDocument> {
    // A short title several documents share means the one in force.
    let candidates = ctx.format.documents.all_by_title(&citation.title.value);
    let [document] = candidates.as_slice() else {
        return None;
    };
    document.spec.until.filter(|until| *until < year)?;
    let own = citation.numbers.iter().all(|number| {
        number
            .key()
            .zip(document.key.as_ref())
            .is_some_and(|(key, own)| own.same_document(&key))
    });
    own.then_some(*document)
}

/// The year of the 政务公开工作要点 a title names.
fn key_points_year(title: &str) -> Option<i32> {
    if !title.contains("政务公开工作要点") {
        return None;
    }
    KEY_POINTS
        .captures(title)?
        .name("year")?
        .as_str()
        .parse()
        .ok()
}

/// What the findings are reported against.
struct Findings<'a, 'c> {
    ctx: &'a Context<'c>,
    /// The notice that issued the format the report year calls for.
    current: Option<&'a CitedDocument>,
    /// The report's sentences, in text order.
    sentences: &'a [(Span, &'a str)],
    /// Section 五, where reports look back.
    problems: Option<Span>,
    /// The report year.
    year: i32,
}

impl Findings<'_, '_> {
    /// The sentence around `at`, if it names what it cites as its basis.
    fn basis_sentence(&self, at: Span) -> Option<Span> {
        if self.problems.is_some_and(|p| p.contains(at.offset)) {
            return None;
        }
        let &(span, sentence) = sentence_at(self.sentences, at.offset)?;
        let names_basis = BASIS_WORDS.iter().any(|w| sentence.contains(w));
        let looks_back = LOOKING_BACK.iter().any(|w| sentence.contains(w));
        (names_basis && !looks_back).then_some(span)
    }

    /// Whether the sentence also cites the notice of the current format, by
    /// title or number.
    fn cites_current(&self, sentence: Span) -> bool {
        let Some(current) = self.current else {
            return false;
        };
        let is_current = |key: Option<NumberKey>| {
            key.zip(current.key.as_ref())
                .is_some_and(|(key, own)| own.same_document(&key))
        };
        let documents = &self.ctx.format.documents;
        let citations = &self.ctx.report.citations;
        let first = citations.partition_point(|c| c.span.offset < sentence.offset);
        citations[first..]
            .iter()
            .take_while(|c| c.span.offset < sentence.end())
            .any(|c| {
                documents
                    .all_by_title(&c.title.value)
                    .iter()
                    .any(|d| d.spec.id == current.spec.id)
            })
            || find_coded_numbers(self.ctx.text(), sentence)
                .iter()
                .any(|n| is_current(n.key()))
    }

    /// Reports a candidate that a sentence names as its basis.
    fn report(&self, sink: &mut Sink<'_>, candidate: Candidate<'_>) {
        let (ctx, year) = (self.ctx, self.year);
        match candidate {
            Candidate::Document {
                at,
                number,
                document,
            } => {
                let diagnostic = sink.report(
                    at,
                    tr!(
                        ctx.lang,
                        "{}年度报告以《{}》（{}）为依据，但该文件只适用于{}年度及以前的报告",
                        "the {} report rests on 《{}》 ({}), which applies to reports up to {} only",
                        year,
                        document.spec.title,
                        document.spec.number,
                        document.spec.until.unwrap_or(year - 1)
                    ),
                );
                if let Some(number) = number {
                    diagnostic.label(
                        number,
                        tr!(ctx.lang, "旧文件的文号", "the old document's number"),
                    );
                }
                diagnostic.help(match self.current {
                    Some(current) => tr!(
                        ctx.lang,
                        "改为依据《{}》（{}），并按该格式核对全文和表格",
                        "rest the report on 《{}》 ({}) and check the text and tables against its format",
                        current.spec.title,
                        current.spec.number
                    ),
                    None => tr!(
                        ctx.lang,
                        "改为依据适用于{}年度的文件",
                        "rest the report on the document that applies to {}",
                        year
                    ),
                });
            }
            Candidate::KeyPoints { at, stated } => {
                sink.report(
                    at,
                    tr!(
                        ctx.lang,
                        "{}年度报告以{}年的政务公开工作要点为依据",
                        "the {} report rests on the 政务公开工作要点 of {}",
                        year,
                        stated
                    ),
                )
                .help(tr!(
                    ctx.lang,
                    "引用{}年的政务公开工作要点；若确指往年的要点，请写明是回顾",
                    "cite the 政务公开工作要点 of {}; if the earlier one is meant, say that the text looks back",
                    year
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_year_of_key_points() {
        assert_eq!(
            key_points_year("国务院办公厅关于印发2022年政务公开工作要点的通知"),
            Some(2022)
        );
        assert_eq!(
            key_points_year("市政府办公室关于印发盐城市2022年政务公开工作要点的通知"),
            Some(2022)
        );
        assert_eq!(key_points_year("2022年政务公开工作要点"), Some(2022));
        assert_eq!(key_points_year("政务公开工作要点"), None);
        assert_eq!(key_points_year("2022年政府信息公开工作年度报告"), None);
    }
}
