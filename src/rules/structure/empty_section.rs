//! S008 `empty-section`.

use crate::model::Section;
use crate::normalize::cjk_count;
use crate::pack::ids::{self, Need};
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// Section 五 says nothing (empty, `无`, a stub), or section 六 is blank.
pub struct EmptySection;

/// Fewer characters than this (ideographs, letters and digits) in section 五
/// are a stub, not a statement of problems and improvements.
const MIN_CHARS: usize = 10;

/// Characters a heading may run over the format's before what follows is
/// taken for text run into it (`五、存在的主要问题及改进情况一是……`).
const HEADING_SLACK: usize = 8;

impl Rule for EmptySection {
    declare_rule! {
        code: "S008",
        name: "empty-section",
        family: Structure,
        severity: Warning,
        summary_zh: "“存在的主要问题及改进情况”为空、只写“无”或寥寥数字",
        summary_en: "Section 五 is empty, says 无, or is a stub",
        explanation_zh: "第五部分“存在的主要问题及改进情况”须写明本年度工作中存在的主要问题\
            和改进措施（条例第五十条第（四）项）；空着、只写“无”或不足十个字，等于没有报告，\
            是审查中常被指出的缺陷。\n\n\
            第六部分“其他需要报告的事项”确实可能无事可报，写“无”或“本年度无其他需要报告的事项”\
            是常见的合规写法，因此只在第六部分完全空白（标题下一个字也没有）时提示。文本在该部分\
            中途截断时不报。",
        explanation_en: "Section 五 states the main problems of the year's work and how they \
            are being remedied (条例 第五十条 (四)); left empty, written `无`, or a stub of fewer \
            than ten characters, it reports nothing, a defect reviewers point out again and \
            again.\n\n\
            Section 六 may truly have nothing to report: `无` or `本年度无其他需要报告的事项` is \
            a common and proper answer, so section 六 is reported only when nothing at all stands \
            under its heading. A text that stops inside the section is not reported.",
        basis: "中华人民共和国政府信息公开条例（国务院令第711号）第五十条",
        bad: Sections(5, 5) "五、存在的主要问题及改进情况\n无。",
        good: Sections(5, 5) "五、存在的主要问题及改进情况\n\
            主要问题是政策解读形式较为单一。下一步将制作图解材料，丰富解读形式。",
    }

    fn requires(&self) -> &'static [Need] {
        &[Need::Section(ids::PROBLEMS), Need::Section(ids::OTHER)]
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        for (kind, least) in [(ids::PROBLEMS, MIN_CHARS), (ids::OTHER, 1)] {
            let Some(section) = ctx.report.section(kind) else {
                continue;
            };
            let Some(spec) = ctx.format.section(kind) else {
                continue;
            };
            if ctx.cut_off_at(section.span.end()) {
                continue;
            }
            let Some(said) = chars_said(ctx, section, spec.name()) else {
                continue;
            };
            if said >= least {
                continue;
            }
            let name = spec.name();
            let message = if said == 0 {
                tr!(
                    ctx.lang,
                    "“{}”下没有内容",
                    "nothing stands under “{}”",
                    name
                )
            } else {
                tr!(
                    ctx.lang,
                    "“{}”只有{}个字，未写明实际情况",
                    "“{}” has {} characters only, and states nothing",
                    name,
                    said
                )
            };
            let help = if kind == ids::PROBLEMS {
                tr!(
                    ctx.lang,
                    "写明本年度工作中存在的主要问题和相应的改进措施；格式要求报告这一部分，“无”不是报告",
                    "state the main problems of the year's work and what is being done about them; the format requires this part, and 无 reports nothing"
                )
            } else {
                tr!(
                    ctx.lang,
                    "写明需要报告的其他事项（如信息处理费的收取情况）；确无其他事项的，写明“本年度无其他需要报告的事项”",
                    "state the other matters to report (such as the 信息处理费 charged); where there are none, say so (本年度无其他需要报告的事项)"
                )
            };
            sink.report(section.heading.span, message).help(help);
        }
    }
}

/// The characters (ideographs, letters, digits) the section says under its
/// heading and run into it (`五、存在的主要问题及改进情况：无`); `None` when the
/// heading runs on too far past the format's for its text to be told apart
/// from it (`五、存在的主要问题及改进情况一是……`).
fn chars_said(ctx: &Context<'_>, section: &Section, format_name: &str) -> Option<usize> {
    let text = ctx.text();
    let blocks = &ctx.doc.blocks;
    let body: usize = blocks
        .get(section.blocks.clone())
        .unwrap_or_default()
        .iter()
        .map(|block| meaningful(block.span.slice(text)))
        .sum();
    let heading = section
        .blocks
        .start
        .checked_sub(1)
        .and_then(|at| blocks.get(at))
        .map_or("", |block| block.text.slice(text).trim_start());
    let run_in = match heading.find([':', '：', '。', ' ', '\u{3000}', '\t']) {
        Some(at) => meaningful(&heading[at..]),
        None => {
            if cjk_count(heading) > cjk_count(format_name) + HEADING_SLACK {
                return None;
            }
            0
        }
    };
    Some(body + run_in)
}

/// The ideographs, letters and digits of `text`.
fn meaningful(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}
