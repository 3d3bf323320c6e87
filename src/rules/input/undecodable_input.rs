//! I001 `undecodable-input`.

use crate::rules::{declare_rule, Context, Rule, Sink};

/// No supported encoding decodes the file.
pub struct UndecodableInput;

impl Rule for UndecodableInput {
    declare_rule! {
        code: "I001",
        name: "undecodable-input",
        family: Input,
        severity: Error,
        summary_zh: "无法识别文件的文字编码",
        summary_en: "The file's text encoding cannot be decoded",
        explanation_zh: "disclint 能读取 UTF-8（带或不带字节顺序标记）、带字节顺序标记的 UTF-16，\
            以及在字节不是有效 UTF-8 时读取 GB18030（兼容 GBK 和 GB2312，是中文 Windows \
            工具的默认编码）。这几种编码都解不开的文件，或者按 `--encoding` \
            指定的编码解不开的文件，会提示第一个无效字节的位置，该文件不检查（退出码为2），\
            其他文件照常检查。\
            由读取环节报告；和其他规则一样可以选用、忽略或调整级别，\
            忽略后该文件仍不检查，但不再导致退出码2。",
        explanation_en: "disclint reads UTF-8 (with or without a byte-order mark), UTF-16 with a \
            byte-order mark, and GB18030 (which covers GBK and GB2312, the default of Chinese \
            Windows tools) when the bytes are not valid UTF-8. A file that none of them decodes, \
            or that does not decode in the encoding named with `--encoding`, is reported with \
            the offset of the first bad byte, and the file is not checked (exit code 2); the \
            other files go on. \
            Reported by the reader; selected, ignored and given a severity like any rule \
            (ignored, the file is still not checked but no longer makes the exit code 2).",
        basis: "《信息技术 中文编码字符集》GB 18030-2022；RFC 3629 (UTF-8)",
        bad: File "城关镇人民政府2024年政府信息公开工作年度报告\n\
            一、总体情况\n\
            本镇全年主动公开政府信息120条。\\xFF",
        good: File "城关镇人民政府2024年政府信息公开工作年度报告\n\
            一、总体情况\n\
            本镇全年主动公开政府信息120条。",
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
