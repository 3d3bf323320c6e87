//! I001 `undecodable-input`.

use crate::diagnostic::Severity;
use crate::rules::{Context, Family, Rule, RuleMeta, Sink};

/// No supported encoding decodes the file.
pub struct UndecodableInput;

impl Rule for UndecodableInput {
    fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: "I001".into(),
            name: "undecodable-input".into(),
            family: Family::Input,
            severity: Severity::Error,
            default_enabled: true,
            fixable: false,
            summary_zh: "无法识别文件的文字编码".into(),
            summary_en: "The file's text encoding cannot be decoded".into(),
            explanation: "disclint reads UTF-8 (with or without a byte-order mark), UTF-16 with a \
byte-order mark, and GB18030 (which covers GBK and GB2312, the default of Chinese Windows tools) when \
the bytes are not valid UTF-8. A file that none of them decodes, or that does not decode in the \
encoding named with `--encoding`, is reported with the offset of the first bad byte, and the file \
is not checked (exit code 2); the other files go on. Reported by the reader, not by `check` rules."
                .into(),
            basis: "《信息技术 中文编码字符集》GB 18030-2022；RFC 3629 (UTF-8)".into(),
            bad_example: "bytes FF FE FF (no BOM), or GB18030 bytes read with --encoding utf-8".into(),
            good_example: "the same text saved as UTF-8 (or as GB18030 without --encoding)".into(),
        }
    }

    fn check(&self, _ctx: &Context<'_>, _sink: &mut Sink<'_>) {}
}
