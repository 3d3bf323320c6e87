//! The messages TOML and serde give about a settings file or a pack, in the
//! user's language: `unknown field `ignor`, expected one of …` reads
//! `未知的设置项“ignor”；是不是“ignore”？（可用：…）` in Chinese, and in English
//! gains the suggestion.

use crate::Lang;

/// The label under the place a settings or pack error points at: `此处` or
/// `here`.
#[derive(Debug, Clone, Copy)]
pub struct Here(pub Lang);

impl std::fmt::Display for Here {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.pick("此处", "here"))
    }
}

/// `message` (as TOML or serde wrote it) in `lang`.
pub fn translate(message: &str, lang: Lang) -> String {
    let message = message.trim_end();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, expected) = split_expected(rest);
        let suggestion = closest(&field, &expected);
        return match lang {
            Lang::Zh => {
                let mut out = format!("未知的设置项“{field}”");
                if let Some(s) = suggestion {
                    out.push_str(&format!("；是不是“{s}”？"));
                }
                if expected.is_empty() {
                    out.push_str("（这里不能有设置项）");
                } else {
                    out.push_str(&format!("（可用：{}）", expected.join("、")));
                }
                out
            }
            Lang::En => match suggestion {
                Some(s) => format!("{message}; did you mean `{s}`?"),
                None => message.to_owned(),
            },
        };
    }
    if lang == Lang::En {
        return message.to_owned();
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, expected) = split_expected(rest);
        return format!("“{value}”不是可用的取值（可用：{}）", expected.join("、"));
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("缺少必填项“{}”", unquote(field));
    }
    if let Some(key) = message.strip_prefix("duplicate key ") {
        return format!("键“{}”重复", unquote(key));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!("类型不对：应为{}，这里是{}", kind(expected), kind(found));
        }
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!("取值无效：应为{}，这里是{}", kind(expected), kind(found));
        }
    }
    if let Some(value) = message
        .strip_prefix("edition ")
        .and_then(|rest| rest.strip_suffix(": use 2019 or 2021"))
    {
        return format!("没有“{value}”版的报告格式：应为 2019 或 2021");
    }
    format!("写法有误：{message}")
}

/// `` `name`, expected one of `a`, `b` `` → (`name`, [a, b]); also
/// `` expected `a` or `b` `` and `there are no fields`.
fn split_expected(rest: &str) -> (String, Vec<String>) {
    let (name, expected) = rest.split_once(", ").unwrap_or((rest, ""));
    let expected = expected
        .trim_start_matches("expected one of ")
        .trim_start_matches("expected ");
    let list = if expected.starts_with('`') {
        expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    } else {
        Vec::new()
    };
    (unquote(name), list)
}

fn unquote(text: &str) -> String {
    text.trim().trim_matches('`').to_owned()
}

/// serde's names of kinds of values, in Chinese.
fn kind(text: &str) -> String {
    let text = text.trim();
    let named = [
        ("a string", "字符串"),
        ("string", "字符串"),
        ("a sequence", "列表"),
        ("sequence", "列表"),
        ("an array", "列表"),
        ("a map", "表"),
        ("map", "表"),
        ("a table", "表"),
        ("integer", "整数"),
        ("an integer", "整数"),
        ("boolean", "true 或 false"),
        ("a boolean", "true 或 false"),
        ("float", "小数"),
    ];
    for (english, chinese) in named {
        if text == english {
            return chinese.to_owned();
        }
    }
    if let Some(value) = text.strip_prefix("string ") {
        return format!("字符串 {value}");
    }
    if let Some(value) = text.strip_prefix("integer ") {
        return format!("整数 {value}");
    }
    text.to_owned()
}

/// The expected name nearest to `given` (at most a third of its letters
/// off), if one is.
fn closest<'a>(given: &str, expected: &'a [String]) -> Option<&'a str> {
    expected
        .iter()
        .map(|name| (strsim::levenshtein(given, name), name))
        .filter(|(distance, name)| *distance * 3 <= name.len().max(given.len()) && *distance > 0)
        .min()
        .map(|(_, name)| name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNKNOWN: &str =
        "unknown field `ignor`, expected one of `select`, `extend-select`, `ignore`, `severity`";

    #[test]
    fn an_unknown_field_is_named_with_the_nearest_known_one() {
        assert_eq!(
            translate(UNKNOWN, Lang::Zh),
            "未知的设置项“ignor”；是不是“ignore”？（可用：select、extend-select、ignore、severity）"
        );
        assert_eq!(
            translate(UNKNOWN, Lang::En),
            format!("{UNKNOWN}; did you mean `ignore`?")
        );
        assert_eq!(
            translate("unknown field `zzz`, there are no fields", Lang::Zh),
            "未知的设置项“zzz”（这里不能有设置项）"
        );
    }

    #[test]
    fn other_messages_read_in_chinese() {
        assert_eq!(
            translate("missing field `name`", Lang::Zh),
            "缺少必填项“name”"
        );
        assert_eq!(
            translate("invalid type: string \"S\", expected a sequence", Lang::Zh),
            "类型不对：应为列表，这里是字符串 \"S\""
        );
        assert_eq!(
            translate(
                "unknown variant `2020`, expected `2019` or `2021`",
                Lang::Zh
            ),
            "“2020”不是可用的取值（可用：2019、2021）"
        );
        assert_eq!(
            translate("expected `.`, `=`", Lang::Zh),
            "写法有误：expected `.`, `=`"
        );
        assert_eq!(
            translate("edition 2020: use 2019 or 2021", Lang::Zh),
            "没有“2020”版的报告格式：应为 2019 或 2021"
        );
        assert_eq!(
            translate("missing field `name`", Lang::En),
            "missing field `name`"
        );
    }
}
