//! S006 `missing-topic`.

use crate::model::Section;
use crate::normalize::{canon, is_cjk};
use crate::pack::ids::{self, Need};
use crate::pack::TopicSpec;
use crate::parse::BlockKind;
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::span::Span;
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
            或只有小标题而没有内容，通常是漏掉了一个小节。判断依据是“总体情况”各段落实际写了什么\
            （同义说法见格式包中各方面的 `keys`，如“三审三校”“保密审查”算作政府信息管理），\
            不算目录句（“本报告由总体情况、……六部分组成”）；文本在“总体情况”中途截断时，\
            截断处之后可能出现的方面不报。",
        explanation_en: "Section 一 covers five topics: 主动公开, 依申请公开, 政府信息管理, \
            政府信息公开平台建设 and 监督保障, usually as subsections (一) to (五). A topic that \
            is never mentioned, or has a subsection heading with nothing under it, is usually a \
            subsection that was dropped. What counts is what the paragraphs of 总体情况 say (the \
            pack's `keys` of each topic list other words for it: 三审三校 and 保密审查 are \
            政府信息管理), never the contents sentence (`本报告由总体情况、……六部分组成`); where \
            the text stops inside 总体情况, the topics that could follow the cut are not reported.",
        basis: "国办公开办函〔2021〕30号",
        bad: Sections(1, 1) "一、总体情况\n\
            （一）主动公开\n\
            通过门户网站主动公开政府信息120条。\n\
            （二）依申请公开\n\
            收到政府信息公开申请3件，均按期答复。",
        good: Sections(1, 1) "一、总体情况\n\
            （一）主动公开\n\
            通过门户网站主动公开政府信息120条。\n\
            （二）依申请公开\n\
            收到政府信息公开申请3件，均按期答复。\n\
            （三）政府信息管理\n\
            落实信息发布审核制度，定期清理过期信息。\n\
            （四）政府信息公开平台建设\n\
            维护门户网站信息公开专栏。\n\
            （五）监督保障\n\
            组织业务培训2次。",
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
        let cut_off = ctx.cut_off_at(section.span.end());
        let said = TopicsSaid::read(ctx, section, &spec.topics, cut_off);
        // A topic after the last one a heading reached may follow the cut.
        let reached = said.last_heading();
        for (index, topic) in spec.topics.iter().enumerate() {
            if said.said[index] || (cut_off && reached.is_none_or(|last| index > last)) {
                continue;
            }
            if let Some(heading) = said.empty_heading[index] {
                sink.report(
                    heading,
                    tr!(
                        ctx.lang,
                        "“总体情况”中“{}”只有小标题，下面没有内容",
                        "总体情况 has a heading for “{}” and nothing under it",
                        topic.name
                    ),
                )
                .help(tr!(
                    ctx.lang,
                    "在该小标题下写明本年度“{}”的情况",
                    "say under the heading what was done for “{}” this year",
                    topic.name
                ));
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

/// Per topic (in pack order), what the paragraphs of 总体情况 say of it.
struct TopicsSaid {
    /// A paragraph names it, or a heading naming it has text under it.
    said: Vec<bool>,
    /// A heading names it and has nothing under it (the first such).
    empty_heading: Vec<Option<Span>>,
    /// A heading names it (with or without text under it).
    headed: Vec<bool>,
}

/// Characters of a heading that name its topic at most (what follows is
/// text run into it).
const MAX_TITLE_CHARS: usize = 16;

/// A heading of 总体情况 whose text is still to come.
struct OpenHeading {
    span: Span,
    topics: Vec<usize>,
    has_text: bool,
}

impl TopicsSaid {
    /// Reads the blocks of `section`: headings (with their run-in text),
    /// paragraphs without the contents sentence, not tables. `cut_off`: the
    /// text stops inside the section.
    fn read(ctx: &Context<'_>, section: &Section, topics: &[TopicSpec], cut_off: bool) -> Self {
        let text = ctx.text();
        let mut said = TopicsSaid {
            said: vec![false; topics.len()],
            empty_heading: vec![None; topics.len()],
            headed: vec![false; topics.len()],
        };
        let keys: Vec<Vec<String>> = topics
            .iter()
            .map(|t| t.keys.iter().map(|k| canon(k)).collect())
            .collect();
        // The topics among `wanted` that `raw` names.
        let named = |raw: &str, wanted: &dyn Fn(usize) -> bool| -> Vec<usize> {
            if !(0..keys.len()).any(wanted) {
                return Vec::new();
            }
            let folded = canon(raw);
            (0..keys.len())
                .filter(|&i| wanted(i) && keys[i].iter().any(|k| folded.contains(k.as_str())))
                .collect()
        };
        let contents = ctx.report.contents.as_ref().map(|c| c.span);
        let first = section.blocks.start.saturating_sub(1);
        let blocks = ctx
            .doc
            .blocks
            .get(first..section.blocks.end)
            .unwrap_or_default();
        let mut open: Option<OpenHeading> = None;
        for (at, block) in blocks.iter().enumerate() {
            let paragraph = match block.kind {
                BlockKind::Table => {
                    if let Some(heading) = &mut open {
                        heading.has_text = true;
                    }
                    continue;
                }
                BlockKind::Paragraph => without(text, block.span, contents),
                BlockKind::SectionHeading(_)
                | BlockKind::SubsectionHeading(_)
                | BlockKind::BulletHeading => {
                    let (title, run_in) = split_heading(block.text.slice(text));
                    said.close(open.take());
                    // The section's own heading names no topic.
                    let topics = if at == 0 {
                        Vec::new()
                    } else {
                        named(title, &|_| true)
                    };
                    open = Some(OpenHeading {
                        span: ctx.line_span(block.span.offset),
                        topics,
                        has_text: false,
                    });
                    run_in.to_owned()
                }
            };
            if !paragraph.chars().any(is_cjk) {
                continue;
            }
            if let Some(heading) = &mut open {
                heading.has_text = true;
            }
            // A topic already said need not be looked for again.
            for index in named(&paragraph, &|i| !said.said[i]) {
                said.said[index] = true;
            }
        }
        // The text under the last heading may have been cut off.
        if let Some(heading) = open.as_mut().filter(|_| cut_off) {
            heading.has_text = true;
        }
        said.close(open);
        said
    }

    /// Records what a heading whose text has all been read says.
    fn close(&mut self, heading: Option<OpenHeading>) {
        let Some(heading) = heading else {
            return;
        };
        for index in heading.topics {
            self.headed[index] = true;
            if heading.has_text {
                self.said[index] = true;
            } else {
                self.empty_heading[index].get_or_insert(heading.span);
            }
        }
    }

    /// The last topic (in pack order) a heading names: how far the text
    /// provably got (a paragraph may speak of a later topic in passing).
    fn last_heading(&self) -> Option<usize> {
        self.headed.iter().rposition(|&headed| headed)
    }
}

/// The heading's title and the text run into it: the title ends at `。`,
/// `:`, `,`, `;` or a space (`(二)依申请公开方面。全年未收到申请。`), and is at
/// most [`MAX_TITLE_CHARS`] long (`(一)公开政府信息情况本年度我乡通过…`).
fn split_heading(heading: &str) -> (&str, &str) {
    let heading = heading.trim_start();
    let end = heading
        .char_indices()
        .take(MAX_TITLE_CHARS + 1)
        .find(|(_, c)| {
            matches!(
                c,
                '。' | ':' | '：' | ',' | '，' | ';' | '；' | ' ' | '\u{3000}'
            )
        })
        .map(|(at, _)| at)
        .or_else(|| {
            heading
                .char_indices()
                .nth(MAX_TITLE_CHARS)
                .map(|(at, _)| at)
        })
        .unwrap_or(heading.len());
    let (title, rest) = heading.split_at(end);
    let separator = rest
        .chars()
        .next()
        .filter(|c| !c.is_alphanumeric())
        .map_or(0, char::len_utf8);
    (title, &rest[separator..])
}

/// The text of `span` without the part inside `cut` (the contents sentence).
fn without(text: &str, span: Span, cut: Option<Span>) -> String {
    let Some(cut) = cut.filter(|c| c.offset < span.end() && span.offset < c.end()) else {
        return span.slice(text).to_owned();
    };
    let before = Span::from_range(span.offset, cut.offset.max(span.offset));
    let after = Span::from_range(cut.end().min(span.end()), span.end());
    format!("{}{}", before.slice(text), after.slice(text))
}
