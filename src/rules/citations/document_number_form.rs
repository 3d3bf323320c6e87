//! C004 `document-number-form`.

use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// A document number with leading zeros, `第`, no `号`, or an impossible year.
pub struct DocumentNumberForm;

impl Rule for DocumentNumberForm {
    declare_rule! {
        code: "C004",
        name: "document-number-form",
        family: Citations,
        severity: Warning,
        summary_zh: "文号格式不规范（序号前有0或“第”、缺“号”、年份不合理）",
        summary_en: "A document number is malformed (leading zeros, 第, no 号, impossible year)",
        explanation_zh: "按 GB/T 9704-2012 第7.2.5条，发文字号写作“代字〔YYYY〕N号”：\
            年份写全四位，序号不编虚位（不加0）、不加“第”字，以“号”结尾。\
            “〔2021〕030号”“〔2021〕第30号”“〔21〕30号”“〔2021〕30”都不规范。年份早于1949年，\
            或晚于报告发布的年份（报告年度加一：报告在次年年初发布，可能引用当年的通知），\
            不可能正确。“国务院令第711号”这类令号有“第”字、没有年份，不在此检查。",
        explanation_en: "GB/T 9704-2012 §7.2.5: a document number is `代字〔YYYY〕N号` with the \
            full four-digit year, a serial without leading zeros and without `第`, ending in \
            `号`. `〔2021〕030号`, `〔2021〕第30号`, `〔21〕30号` and `〔2021〕30` are \
            malformed. A year before 1949 or after the year the report was published (the report \
            year plus one: reports appear early in the next year and may cite that year's \
            notices) cannot be right. Decree numbers such as `国务院令第711号` have `第` and no \
            year and are not checked here.",
        basis: "GB/T 9704-2012《党政机关公文格式》7.2.5",
        bad: Opening "(国办公开办函〔2021〕030号)",
        good: Opening "(国办公开办函〔2021〕30号)",
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let latest = ctx.report.year_value().map(|y| y + 1);
        for number in ctx.coded_numbers() {
            let serial = &number.serial;
            if serial.value.len() > 1 && serial.value.starts_with('0') {
                sink.report(
                    serial.span,
                    tr!(
                        ctx.lang,
                        "文号序号“{}”前不应加0",
                        "the serial “{}” has leading zeros",
                        serial.value
                    ),
                )
                .help(tr!(
                    ctx.lang,
                    "写作“{}号”",
                    "write “{}号”",
                    serial.value.trim_start_matches('0')
                ));
            }
            if let Some(di) = number.di {
                sink.report(
                    di,
                    tr!(
                        ctx.lang,
                        "文号序号前不加“第”",
                        "a document number has no 第 before its serial"
                    ),
                )
                .help(tr!(ctx.lang, "删去“第”", "remove 第"));
            }
            if !number.hao {
                sink.report(
                    serial.span,
                    tr!(ctx.lang, "文号缺少“号”字", "the document number lacks 号"),
                )
                .help(tr!(
                    ctx.lang,
                    "在序号后加“号”：“{}号”",
                    "add 号 after the serial: “{}号”",
                    serial.value
                ));
            }
            let year = &number.year;
            if year.value.len() != 4 {
                sink.report(
                    year.span,
                    tr!(
                        ctx.lang,
                        "文号年份“{}”应写全四位",
                        "the year “{}” of a document number must have four digits",
                        year.value
                    ),
                )
                .help(tr!(
                    ctx.lang,
                    "写出完整年份，如〔2021〕",
                    "write the full year, e.g. 〔2021〕"
                ));
            } else if let Ok(value) = year.value.parse::<i32>() {
                let too_late = latest.is_some_and(|latest| value > latest);
                if value < 1949 || too_late {
                    sink.report(
                        year.span,
                        tr!(
                            ctx.lang,
                            "文号年份{}不合理",
                            "the year {} of a document number is impossible",
                            value
                        ),
                    )
                    .help(tr!(
                        ctx.lang,
                        "核对文号：年份应在1949年至报告发布年份之间",
                        "check the number: its year lies between 1949 and the year the report is published"
                    ));
                }
            }
        }
    }
}
