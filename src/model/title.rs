//! The title line: agency and report year.

use serde::Serialize;

use crate::normalize::canon;
use crate::parse::{BlockKind, Document};
use crate::span::{Span, Spanned};

/// The report's title, e.g. `某某镇2024年政府信息公开工作年度报告`.
#[derive(Debug, Clone, Serialize)]
pub struct Title {
    /// The title text (lines joined when it wraps).
    pub text: String,
    /// Where it stands.
    pub span: Span,
    /// The agency: the title's text before the year (or after it).
    pub agency: Option<Spanned<String>>,
    /// The report year written in the title.
    pub year: Option<Spanned<i32>>,
}

/// How many blocks from the top the title may be found in.
const TITLE_WINDOW: usize = 8;

/// Finds the title among the first blocks before `limit` (the first section's block).
///
/// The first title-like line that names both agency and year wins; a title
/// that wraps onto two lines is joined. Failing that, the first title-like line.
pub fn find_title(text: &str, doc: &Document, limit: usize) -> Option<Title> {
    let window = &doc.blocks[..limit.min(doc.blocks.len()).min(TITLE_WINDOW)];
    let mut first = None;
    for (at, block) in window.iter().enumerate() {
        let span = if is_title_like(block.span.slice(text), block.kind) {
            block.span
        } else if let Some(head) = (at == 0).then(|| run_in_title(text, block)).flatten() {
            head
        } else {
            continue;
        };
        let mut title = parse_title(text, span);
        // A title that wraps: `某某局` / `2022政府信息公开工作年度报告`, or `…2023年度政府` / `信息公开工作年度报告`.
        if at > 0 && (title.agency.is_none() || title.year.is_none()) {
            let previous = &window[at - 1];
            let prev_text = previous.span.slice(text).trim();
            if previous.kind == BlockKind::Paragraph
                && prev_text.chars().count() <= 40
                && !prev_text.contains(['。', ':', '：', '|'])
            {
                title = parse_title(text, previous.span.cover(block.span));
            }
        }
        if title.agency.is_some() && title.year.is_some() {
            return Some(title);
        }
        first.get_or_insert(title);
    }
    first
}

/// Words after which a preamble names the report it opens: `现公布…`,
/// `特编制…`, `特向社会公布…`, `现将…予以公布`.
const NAMING_VERBS: [&str; 5] = ["公布", "发布", "编制", "现将", "制作"];

/// Characters that end the clause before a named report.
const CLAUSE_BREAKS: [char; 11] = [
    ',', '，', '。', ';', '；', ':', '：', '》', '\n', '\r', '、',
];

/// Characters a clause naming the report has at most.
const MAX_NAMED_CHARS: usize = 60;

/// The report as the opening text names it, when the text has no title line
/// (a web page keeps the title in its header): `根据《条例》规定,现公布区统计局
/// 2023年政府信息公开工作年度报告。` names 区统计局 and 2023. The first clause in
/// `scope`, outside title marks, that ends with `报告`, holds a year and speaks
/// of 信息; its agency is what stands between the naming verb and the year
/// (or follows the year: `特向社会公布2022年度某某局政府信息公开…`).
pub fn find_named_report(text: &str, scope: Span) -> Option<Title> {
    let within = scope.slice(text);
    within.match_indices("报告").find_map(|(at, word)| {
        let before = &within[..at];
        // Inside 《…》: the title of a cited document (`《…年度报告格式》`).
        if before.matches('《').count() > before.matches('》').count() {
            return None;
        }
        let clause_start = before.rfind(CLAUSE_BREAKS).map_or(0, |i| {
            i + before[i..].chars().next().map_or(0, char::len_utf8)
        });
        let clause = &before[clause_start..];
        let start = NAMING_VERBS
            .iter()
            .filter_map(|verb| clause.rfind(verb).map(|i| i + verb.len()))
            .max()
            .map_or(clause_start, |i| clause_start + i);
        let named = &within[start..at + word.len()];
        let year = find_year(named)?;
        let after_year = &named[year.end..];
        if named.chars().count() > MAX_NAMED_CHARS || !after_year.contains("信息") {
            return None;
        }
        let title = parse_title(
            text,
            Span::from_range(scope.offset + start, scope.offset + at + word.len()),
        );
        title.year.is_some().then_some(title)
    })
}

/// The title a flattened report's first line opens with (`某局2024年政府信息
/// 公开工作年度报告 本年度报告根据…`): its text up to the first white space,
/// when that is title-like and ends in `报告`.
fn run_in_title(text: &str, block: &crate::parse::Block) -> Option<Span> {
    let raw = block.span.slice(text);
    let start = raw.len() - raw.trim_start().len();
    let len = raw[start..].find(char::is_whitespace)?;
    let head = &raw[start..start + len];
    let title_like =
        is_title_like(head, block.kind) && head.trim_end_matches('*').ends_with("报告");
    title_like.then(|| Span::new(block.span.offset + start, len))
}

/// Words of page chrome (publication metadata) that a title never contains.
const CHROME: [&str; 6] = ["根据", "主题词", "发布", "索引号", "来源", "当前位置"];

fn is_title_like(line: &str, kind: BlockKind) -> bool {
    let folded = canon(line);
    kind == BlockKind::Paragraph
        && folded.contains("信息公开")
        && folded.contains("报告")
        && folded.chars().count() <= 80
        && !folded.contains(['。', ',', ':', '>', '»'])
        && !CHROME.iter().any(|word| folded.contains(word))
        && !has_numeric_date(&folded)
}

/// Whether the text holds a date like `2024-01-16` or `2024/1/16` (page metadata).
fn has_numeric_date(folded: &str) -> bool {
    let bytes = folded.as_bytes();
    bytes.windows(6).any(|w| {
        w[..4].iter().all(u8::is_ascii_digit)
            && matches!(w[4], b'-' | b'/')
            && w[5].is_ascii_digit()
    })
}

/// The first `19xx` or `20xx` in `raw` (what the regex `(?:19|20)[0-9]{2}`
/// finds, without compiling one at start-up).
fn find_year(raw: &str) -> Option<std::ops::Range<usize>> {
    raw.as_bytes()
        .windows(4)
        .position(|w| {
            matches!(&w[..2], b"19" | b"20") && w[2].is_ascii_digit() && w[3].is_ascii_digit()
        })
        .map(|start| start..start + 4)
}

fn parse_title(text: &str, span: Span) -> Title {
    // Without the bold marks pandoc sets a title in (`**…报告**`).
    let raw = span.slice(text);
    let lead = raw.len() - raw.trim_start_matches(['*', ' ', '\u{3000}']).len();
    let span = Span::new(
        span.offset + lead,
        raw[lead..].trim_end_matches(['*', ' ', '\u{3000}']).len(),
    );
    let raw = span.slice(text);
    let display: String = raw.lines().map(str::trim).collect::<Vec<_>>().join("");
    let year_match = find_year(raw);
    let year = year_match.as_ref().and_then(|m| {
        raw[m.clone()]
            .parse()
            .ok()
            .map(|y| Spanned::new(y, Span::new(span.offset + m.start, m.len())))
    });
    let agency = year_match.and_then(|m| {
        let before = &raw[..m.start];
        let trimmed = before.trim();
        if !trimmed.is_empty() {
            let start = before.len() - before.trim_start().len();
            return Some(Spanned::new(
                trimmed.lines().map(str::trim).collect::<String>(),
                Span::new(span.offset + start, trimmed.len()),
            ));
        }
        // `2024年某某局政府信息公开工作年度报告`: the agency follows the year.
        let after = &raw[m.end..];
        let after_year = after.trim_start_matches(['年', '度', ' ']);
        let end = after_year
            .find("政府信息公开")
            .or_else(|| after_year.find("信息公开"))?;
        let name = after_year[..end].trim();
        (!name.is_empty()).then(|| {
            let start = m.end + (after.len() - after_year.len());
            Spanned::new(name.to_owned(), Span::new(span.offset + start, name.len()))
        })
    });
    Title {
        text: display,
        span,
        agency,
        year,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn title(text: &str) -> Title {
        let doc = parse(text);
        find_title(text, &doc, doc.blocks.len()).unwrap()
    }

    #[test]
    fn agency_before_year() {
        let t = title("某某镇人民政府2024年政府信息公开工作年度报告\n正文。");
        assert_eq!(t.agency.unwrap().value, "某某镇人民政府");
        assert_eq!(t.year.unwrap().value, 2024);
    }

    #[test]
    fn agency_after_year() {
        let t = title("2023年某某市统计局政府信息公开工作年度报告");
        assert_eq!(t.agency.unwrap().value, "某某市统计局");
    }

    #[test]
    fn prefers_the_complete_title() {
        let t = title(
            "2022年政府信息公开工作年度报告\n某某镇人民政府\n2022年政府信息公开工作年度报告\n",
        );
        assert_eq!(t.agency.unwrap().value, "某某镇人民政府");
    }

    fn named(text: &str) -> Option<(Option<String>, Option<i32>)> {
        find_named_report(text, Span::new(0, text.len()))
            .map(|t| (t.agency.map(|a| a.value), t.year.map(|y| y.value)))
    }

    #[test]
    fn report_named_in_the_opening_text() {
        assert_eq!(
            named("根据《中华人民共和国政府信息公开条例》规定,现公布区统计局2023年政府信息公开工作年度报告。本报告由…"),
            Some((Some("区统计局".to_owned()), Some(2023)))
        );
        assert_eq!(
            named(
                "根据《条例》要求,特编制某某市人民政府地方志办公室2023年政府信息公开工作年度报告。"
            ),
            Some((Some("某某市人民政府地方志办公室".to_owned()), Some(2023)))
        );
        assert_eq!(
            named("根据《条例》第五十条的规定,特向社会公布2022年度某某市生态环境局某某分局政府信息公开工作年度报告。"),
            Some((Some("某某市生态环境局某某分局".to_owned()), Some(2022)))
        );
        assert_eq!(
            named("根据《条例》有关要求,现将某某区某某街道办事处2024年度政府信息工作年度报告予以公布。"),
            Some((Some("某某区某某街道办事处".to_owned()), Some(2024)))
        );
        // The title of a cited document, a report named without a year.
        assert_eq!(
            named("根据《某某省2023年政府信息公开工作年度报告编制要求》,编制本报告。"),
            None
        );
        assert_eq!(named("依据《条例》第五十条规定,编制本报告。"), None);
    }

    #[test]
    fn bold_and_run_in_titles() {
        let t = title("**某某镇人民政府2024年政府信息公开工作年度报告**\n正文。");
        assert_eq!(t.text, "某某镇人民政府2024年政府信息公开工作年度报告");
        assert_eq!(t.agency.unwrap().value, "某某镇人民政府");
        let t = title("某某镇人民政府2024年政府信息公开工作年度报告 本年度报告根据条例编制。");
        assert_eq!(t.text, "某某镇人民政府2024年政府信息公开工作年度报告");
        assert_eq!(t.year.unwrap().value, 2024);
    }

    #[test]
    fn wrapped_title() {
        let t = title("某某省某某厅\n\n2022政府信息公开工作年度报告\n");
        assert_eq!(t.agency.unwrap().value, "某某省某某厅");
        assert_eq!(t.text, "某某省某某厅2022政府信息公开工作年度报告");
    }
}
