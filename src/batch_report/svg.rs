//! Charts as inline SVG: labels are `<text>`, drawn by the browser in the
//! reader's own fonts, so Chinese shows as Chinese; nothing is rasterised
//! and nothing is fetched.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

use crate::render::escape_xml;

/// The fonts labels are drawn in: the reader's system fonts, Chinese first.
pub const FONTS: &str = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Zen Hei',sans-serif";

/// One bar of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Its label.
    pub label: String,
    /// Its length.
    pub value: f64,
    /// The value as written beside (or above) the bar.
    pub shown: String,
    /// Its colour (a CSS colour).
    pub color: &'static str,
    /// A longer text shown on hover (the SVG `<title>`).
    pub hint: String,
}

/// Width of every chart, in CSS pixels.
const WIDTH: u32 = 1000;
/// Width of the label column of a horizontal chart.
const LABEL_WIDTH: u32 = 340;
/// Height of one row of a horizontal chart.
const ROW: u32 = 22;
/// Label widths in columns (a CJK character takes two) beyond which labels are cut.
const LABEL_COLUMNS: usize = 50;

/// A horizontal bar chart, one row per bar, bars scaled to `max` (the
/// largest value when `None`); `title` names it for screen readers.
pub fn horizontal_bars(title: &str, bars: &[Bar], max: Option<f64>) -> String {
    let max = max
        .unwrap_or_else(|| bars.iter().map(|b| b.value).fold(0.0, f64::max))
        .max(f64::MIN_POSITIVE);
    let height = ROW * bars.len() as u32 + 10;
    let span = f64::from(WIDTH - LABEL_WIDTH - 60);
    let mut svg = open(title, height);
    for (i, bar) in bars.iter().enumerate() {
        let y = 5 + ROW * i as u32;
        let length = (bar.value / max * span).clamp(0.0, span);
        let _ = write!(
            svg,
            "<g><title>{hint}</title><text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{label}</text>\
             <rect x=\"{bx}\" y=\"{ry}\" width=\"{length:.1}\" height=\"{bh}\" fill=\"{color}\"/>\
             <text x=\"{vx:.1}\" y=\"{ty}\">{shown}</text></g>",
            hint = escape_xml(&bar.hint),
            lx = LABEL_WIDTH - 8,
            ty = y + 15,
            label = escape_xml(&cut(&bar.label, LABEL_COLUMNS)),
            bx = LABEL_WIDTH,
            ry = y + 3,
            bh = ROW - 6,
            color = bar.color,
            vx = f64::from(LABEL_WIDTH) + length + 6.0,
            shown = escape_xml(&bar.shown),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A histogram: one vertical bar per bin, its label below and its count
/// above; `title` names it for screen readers.
pub fn histogram(title: &str, bins: &[Bar]) -> String {
    let height = 200;
    let (top, bottom) = (24.0, 160.0);
    let max = bins
        .iter()
        .map(|b| b.value)
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let slot = f64::from(WIDTH - 40) / bins.len().max(1) as f64;
    let mut svg = open(title, height);
    let _ = write!(
        svg,
        "<line x1=\"20\" y1=\"{bottom}\" x2=\"{}\" y2=\"{bottom}\" stroke=\"#888\"/>",
        WIDTH - 20
    );
    for (i, bin) in bins.iter().enumerate() {
        let x = 20.0 + slot * i as f64;
        let bar_height = bin.value / max * (bottom - top);
        let middle = x + slot / 2.0;
        let _ = write!(
            svg,
            "<g><title>{hint}</title><rect x=\"{bx:.1}\" y=\"{by:.1}\" width=\"{bw:.1}\" height=\"{bar_height:.1}\" fill=\"{color}\"/>\
             <text x=\"{middle:.1}\" y=\"{vy:.1}\" text-anchor=\"middle\">{shown}</text>\
             <text x=\"{middle:.1}\" y=\"{ly}\" text-anchor=\"middle\">{label}</text></g>",
            hint = escape_xml(&bin.hint),
            bx = x + slot * 0.15,
            by = bottom - bar_height,
            bw = slot * 0.7,
            color = bin.color,
            vy = bottom - bar_height - 5.0,
            shown = escape_xml(&bin.shown),
            ly = bottom + 18.0,
            label = escape_xml(&cut(&bin.label, (slot / 7.0) as usize)),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The opening tag of a chart `height` pixels high, with its title.
fn open(title: &str, height: u32) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{label}\" font-family=\"{FONTS}\" \
         font-size=\"12\" fill=\"#222\"><title>{label}</title>",
        label = escape_xml(title),
    )
}

/// `text` cut to `columns` display columns, `…` where it was cut.
fn cut(text: &str, columns: usize) -> String {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > columns.saturating_sub(1) && text[at..].chars().nth(1).is_some() {
            return format!("{}…", &text[..at]);
        }
    }
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: f64) -> Bar {
        Bar {
            label: label.into(),
            value,
            shown: format!("{value}"),
            color: "#c0392b",
            hint: format!("{label}: <{value}>"),
        }
    }

    #[test]
    fn labels_are_escaped_text() {
        let svg = horizontal_bars(
            "各规则<问题>数",
            &[bar("S001 缺少\"规定\"的章节", 3.0), bar("X001", 1.0)],
            None,
        );
        assert!(svg.contains("<text x=\"332\" y=\"20\" text-anchor=\"end\">S001 缺少&quot;规定&quot;的章节</text>"), "{svg}");
        assert!(svg.contains("<title>各规则&lt;问题&gt;数</title>"));
        assert!(svg.contains("S001 缺少&quot;规定&quot;的章节: &lt;3&gt;"));
        assert!(!svg.contains("<问题>"));
        let svg = histogram("h", &[bar("0", 0.0), bar("1–9", 4.0)]);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains(">1–9</text>"));
    }

    #[test]
    fn bars_scale_to_the_largest() {
        let svg = horizontal_bars("t", &[bar("a", 4.0), bar("b", 2.0)], None);
        let span = f64::from(WIDTH - LABEL_WIDTH - 60);
        assert!(svg.contains(&format!("width=\"{span:.1}\"")));
        assert!(svg.contains(&format!("width=\"{:.1}\"", span / 2.0)));
        let empty = horizontal_bars("t", &[bar("a", 0.0)], None);
        assert!(empty.contains("width=\"0.0\""));
    }

    #[test]
    fn long_labels_are_cut_by_display_width() {
        assert_eq!(cut("abc", 10), "abc");
        assert_eq!(cut("一二三四五六", 6), "一二…");
        assert_eq!(cut("一二三", 6), "一二三");
    }
}
