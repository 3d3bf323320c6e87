//! Lines of page furniture inside the article: `字号：大 中 小`, `【打印】
//! 【关闭窗口】`, `分享到：`, breadcrumbs, lists of links.

/// Words of page tools, longest first (a line made of them alone, with at
/// least one of [`TOOLS`], is furniture).
const VOCABULARY: &[&str] = &[
    "在手机上打开",
    "视力保护色",
    "打印本页",
    "打印此页",
    "打印文章",
    "关闭窗口",
    "关闭本页",
    "文字大小",
    "收藏本页",
    "加入收藏",
    "返回顶部",
    "手机扫码",
    "扫一扫",
    "分享到",
    "QQ空间",
    "打印",
    "关闭",
    "字号",
    "字体",
    "默认",
    "分享",
    "收藏",
    "返回",
    "保存",
    "纠错",
    "微信",
    "微博",
    "大",
    "中",
    "小",
];

/// Words that make a line of [`VOCABULARY`] a tool bar (`大 中 小` alone
/// is not one).
const TOOLS: &[&str] = &[
    "字号",
    "字体",
    "文字大小",
    "打印",
    "关闭",
    "分享",
    "收藏",
    "扫一扫",
    "返回顶部",
    "视力保护色",
];

/// How breadcrumbs begin.
const BREADCRUMBS: &[&str] = &[
    "当前位置",
    "您的位置",
    "您现在的位置",
    "你的位置",
    "您当前的位置",
    "所在位置",
    "当前的位置",
];

/// Punctuation and spaces between tool words.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{3000}'
                | '\u{a0}'
                | '【'
                | '】'
                | '['
                | ']'
                | '('
                | ')'
                | '（'
                | '）'
                | ':'
                | '：'
                | '|'
                | '｜'
                | '/'
                | '·'
                | '•'
                | '-'
                | '>'
                | '＞'
                | '»'
                | '、'
                | ','
                | '，'
                | '丨'
        )
}

/// Whether a line of the article is page furniture: mostly link text
/// (menus, breadcrumbs, related pages), a breadcrumb, or tool words alone.
pub(super) fn is_chrome(line: &str, chars: usize, link_chars: usize) -> bool {
    if chars > 0 && link_chars * 10 >= chars * 6 {
        return true;
    }
    let trimmed = line.trim_start_matches(is_separator);
    if BREADCRUMBS.iter().any(|start| trimmed.starts_with(start)) {
        return true;
    }
    only_tools(line)
}

/// Whether the text is tool words alone, one of them a tool.
pub(super) fn only_tools(line: &str) -> bool {
    let mut rest = line;
    let mut tool = false;
    loop {
        rest = rest.trim_start_matches(is_separator);
        if rest.is_empty() {
            return tool;
        }
        let Some(word) = VOCABULARY.iter().find(|word| rest.starts_with(**word)) else {
            return false;
        };
        tool |= TOOLS.iter().any(|t| word.contains(t));
        rest = &rest[word.len()..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_bars_and_breadcrumbs() {
        assert!(is_chrome("字号：大 中 小", 8, 0));
        assert!(is_chrome("【打印本页】【关闭窗口】", 12, 0));
        assert!(is_chrome("分享到：", 4, 0));
        assert!(is_chrome("当前位置：首页 > 政务公开", 12, 0));
        assert!(is_chrome("首页 > 政务公开 > 年度报告", 14, 12));
    }

    #[test]
    fn report_text_is_not() {
        assert!(!is_chrome("大 中 小", 3, 0));
        assert!(!is_chrome("一、总体情况", 6, 0));
        assert!(!is_chrome("本机关打印发放宣传资料。", 12, 0));
        assert!(!is_chrome("发布时间：2025-01-20 字号：大 中 小", 20, 3));
    }
}
