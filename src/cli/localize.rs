//! The command line in the language of the run: clap's help and usage
//! errors in Chinese by default, clap's own English with `--lang en`.
//!
//! The English is clap's (the doc comments of `args.rs`, clap's templates
//! and messages); the Chinese is [`super::help_zh`]'s texts, put in place
//! of the English on the built command, with a help template, headings and
//! an [`ErrorFormatter`] of its own.

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::builder::{StyledStr, Styles};
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Arg, Command, CommandFactory};

use super::args::Cli;
use super::help_zh::{HELP, VALUES};
use crate::Lang;

/// The help template in Chinese: clap's default with its heading translated.
const TEMPLATE: &str = "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// The language the command line speaks before it is parsed: the last
/// `--lang` among `args` (before a `--`), else the `lang` of the
/// configuration the run would use ([`super::settings::configured_lang`]),
/// else Chinese.
pub(super) fn command_lang(args: &[OsString]) -> Lang {
    let mut lang = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--lang") {
            _ if word == "--" => break,
            Some("") => words.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => continue,
        };
        match value.as_deref() {
            Some("zh") => lang = Some(Lang::Zh),
            Some("en") => lang = Some(Lang::En),
            _ => {}
        }
    }
    lang.unwrap_or_else(|| super::settings::configured_lang(args))
}

/// The command line's definition, its help in `lang`.
pub(super) fn command(lang: Lang) -> Command {
    let mut command = Cli::command();
    if lang == Lang::Zh {
        command.build();
        in_chinese(&mut command);
    }
    command
}

/// The Chinese text for `id` (an argument id, or "" for the command's about)
/// of the command `name`.
fn zh_help(name: &str, id: &str) -> Option<&'static str> {
    let entry = |command: &str| {
        HELP.iter()
            .find(|(c, i, _)| *c == command && *i == id)
            .map(|(_, _, text)| *text)
    };
    entry(name).or_else(|| (!id.is_empty()).then(|| entry("")).flatten())
}

/// The Chinese help of `value` of the argument `id` of the command `name`.
fn zh_value(name: &str, id: &str, value: &str) -> Option<&'static str> {
    let entry = |command: &str| {
        VALUES
            .iter()
            .find(|(c, i, v, _)| *c == command && *i == id && *v == value)
            .map(|(_, _, _, text)| *text)
    };
    entry(name).or_else(|| entry(""))
}

/// Puts the Chinese texts in place in a built command and its subcommands.
fn in_chinese(command: &mut Command) {
    let name = command.get_name().to_owned();
    let mut chinese = std::mem::take(command)
        .help_template(TEMPLATE)
        .subcommand_help_heading("命令")
        .mut_args(|arg| chinese_arg(&name, arg));
    if let Some(about) = zh_help(&name, "") {
        chinese = chinese.about(about);
    }
    *command = chinese;
    for sub in command.get_subcommands_mut() {
        in_chinese(sub);
    }
}

/// An argument with its Chinese help and heading; its possible values and
/// default, which clap would add in English, written in Chinese.
fn chinese_arg(command: &str, arg: Arg) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let heading = if arg.is_positional() {
        "参数"
    } else {
        "选项"
    };
    let Some(text) = zh_help(command, &id) else {
        return arg.help_heading(heading);
    };
    let takes_values = arg.get_action().takes_values();
    let values: Vec<_> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let mut short = text.to_owned();
    let mut long = text.to_owned();
    if takes_values && !values.is_empty() && !arg.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        let _ = write!(short, "［可选：{}］", names.join("、"));
        long.push_str("\n\n可选值：");
        for value in &values {
            let help = zh_value(command, &id, value.get_name()).unwrap_or_default();
            let _ = write!(long, "\n- {}：{help}", value.get_name());
        }
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        let default = format!("［默认：{}］", defaults.join("、"));
        short.push_str(&default);
        if values.is_empty() {
            long.push_str(&default);
        } else {
            let _ = write!(long, "\n\n{default}");
        }
    }
    let arg = arg
        .help(short)
        .help_heading(heading)
        .hide_possible_values(true)
        .hide_default_value(true);
    if long.contains('\n') {
        arg.long_help(long)
    } else {
        arg
    }
}

/// Renders a parse error (or help, or the version) in `lang`.
pub(super) fn render(error: clap::Error, lang: Lang) -> StyledStr {
    match lang {
        Lang::Zh => error.apply::<Chinese>().render(),
        Lang::En => error.render(),
    }
}

/// clap's errors in Chinese: the kind of error and its context (the
/// argument, the value, the suggestion, the usage) in sentences of its own.
struct Chinese;

/// A parse error told by [`Chinese`].
type ZhError = clap::error::Error<Chinese>;

impl ErrorFormatter for Chinese {
    fn format_error(error: &ZhError) -> StyledStr {
        let styles = Styles::default();
        let mut out = StyledStr::new();
        let red = styles.get_error();
        let _ = write!(out, "{red}错误：{red:#}");
        message(error, &styles, &mut out);
        suggestions(error, &styles, &mut out);
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
            let _ = write!(out, "\n\n用法：{usage}");
        }
        let literal = styles.get_literal();
        let _ = write!(out, "\n\n更多信息请用“{literal}--help{literal:#}”。\n");
        out
    }
}

/// A string of the error's context.
fn text(error: &ZhError, kind: ContextKind) -> Option<&str> {
    match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text),
        _ => None,
    }
}

/// The strings of the error's context (one string is a list of one).
fn texts(error: &ZhError, kind: ContextKind) -> Vec<&str> {
    match error.get(kind) {
        Some(ContextValue::String(text)) => vec![text.as_str()],
        Some(ContextValue::Strings(texts)) => texts.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A number of the error's context.
fn number(error: &ZhError, kind: ContextKind) -> Option<isize> {
    match error.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    }
}

/// Writes “text” in `style`.
fn quote(out: &mut StyledStr, style: &clap::builder::styling::Style, text: &str) {
    let _ = write!(out, "“{style}{text}{style:#}”");
}

/// Writes each of `texts` “quoted” in `style`, `between` them.
fn quote_all(
    out: &mut StyledStr,
    style: &clap::builder::styling::Style,
    texts: &[&str],
    between: &str,
) {
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            out.push_str(between);
        }
        quote(out, style, text);
    }
}

/// The sentence saying what is wrong.
fn message(error: &ZhError, styles: &Styles, out: &mut StyledStr) {
    let (bad, good) = (styles.get_invalid(), styles.get_valid());
    let arg = text(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(error, ContextKind::InvalidValue).unwrap_or_default();
    match error.kind() {
        ErrorKind::UnknownArgument => {
            out.push_str("无法识别的参数");
            quote(out, bad, arg);
        }
        ErrorKind::InvalidSubcommand => {
            out.push_str("没有命令");
            quote(
                out,
                bad,
                text(error, ContextKind::InvalidSubcommand).unwrap_or_default(),
            );
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            out.push_str("参数");
            quote(out, bad, arg);
            out.push_str("需要一个值，但没有给出");
            possible_values(error, styles, out);
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            out.push_str("参数");
            quote(out, styles.get_literal(), arg);
            out.push_str("的值");
            quote(out, bad, value);
            out.push_str("无效");
            if let Some(reason) = std::error::Error::source(error) {
                let reason = match reason.downcast_ref::<crate::input::SizeError>() {
                    Some(size) => size.message(Lang::Zh),
                    None => reason.to_string(),
                };
                let _ = write!(out, "：{reason}");
            }
            possible_values(error, styles, out);
        }
        ErrorKind::MissingRequiredArgument => {
            out.push_str("缺少必需的参数：");
            for missing in texts(error, ContextKind::InvalidArg) {
                let _ = write!(out, "\n  {good}{missing}{good:#}");
            }
        }
        ErrorKind::MissingSubcommand => {
            quote(
                out,
                bad,
                text(error, ContextKind::InvalidSubcommand).unwrap_or_default(),
            );
            out.push_str("需要一个命令");
            let commands = texts(error, ContextKind::ValidSubcommand);
            if !commands.is_empty() {
                let _ = write!(out, "\n  可用的命令：{}", commands.join("、"));
            }
        }
        ErrorKind::ArgumentConflict => {
            let prior = texts(error, ContextKind::PriorArg);
            out.push_str("参数");
            quote(out, bad, arg);
            if prior.is_empty() || prior == [arg] {
                out.push_str("只能使用一次");
            } else {
                out.push_str("不能与");
                quote_all(out, bad, &prior, "、");
                out.push_str("同时使用");
            }
        }
        ErrorKind::NoEquals => {
            out.push_str("给参数");
            quote(out, bad, arg);
            out.push_str("赋值时须写等号");
        }
        ErrorKind::TooManyValues => {
            out.push_str("参数");
            quote(out, styles.get_literal(), arg);
            out.push_str("多出了值");
            quote(out, bad, value);
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected = number(error, ContextKind::MinValues)
                .or_else(|| number(error, ContextKind::ExpectedNumValues))
                .unwrap_or_default();
            let actual = number(error, ContextKind::ActualNumValues).unwrap_or_default();
            out.push_str("参数");
            quote(out, styles.get_literal(), arg);
            let _ = write!(out, "需要 {expected} 个值，却给出了 {actual} 个");
        }
        ErrorKind::InvalidUtf8 => out.push_str("参数不是有效的 UTF-8 文本"),
        _ => match std::error::Error::source(error) {
            Some(source) => {
                let _ = write!(out, "{source}");
            }
            None => out.push_str("命令行有误"),
        },
    }
}

/// The list of the values an argument takes, if the error has one.
fn possible_values(error: &ZhError, styles: &Styles, out: &mut StyledStr) {
    let values = texts(error, ContextKind::ValidValue);
    if !values.is_empty() {
        let good = styles.get_valid();
        let listed: Vec<String> = values
            .iter()
            .map(|v| format!("{good}{v}{good:#}"))
            .collect();
        let _ = write!(out, "\n  可选值：{}", listed.join("、"));
    }
}

/// The “did you mean” tips: a similar command, argument or value, and
/// clap's other tips.
fn suggestions(error: &ZhError, styles: &Styles, out: &mut StyledStr) {
    let good = styles.get_valid();
    let mut first = true;
    let mut tip = |out: &mut StyledStr| {
        out.push_str(if first { "\n\n" } else { "\n" });
        first = false;
        let _ = write!(out, "  {good}提示：{good:#}");
    };
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let similar = texts(error, kind);
        if similar.is_empty() {
            continue;
        }
        tip(out);
        out.push_str("是不是");
        quote_all(out, good, &similar, "或");
        out.push_str("？");
    }
    if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
        for other in tips {
            tip(out);
            out.push_str(&chinese_tip(&other.to_string()));
        }
    }
}

/// One of clap's own tips in Chinese (the one it gives for a value that
/// looks like an option); any other as clap wrote it.
fn chinese_tip(tip: &str) -> String {
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    match (tip.starts_with("to pass"), quoted.as_slice()) {
        (true, [value, written]) => format!("若“{value}”是一个值，请写作“{written}”"),
        _ => tip.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument, as (command name, argument id or "").
    fn entries(command: &Command, out: &mut Vec<(String, String)>) {
        let name = command.get_name().to_owned();
        out.push((name.clone(), String::new()));
        for arg in command.get_arguments() {
            out.push((name.clone(), arg.get_id().as_str().to_owned()));
        }
        for sub in command.get_subcommands() {
            entries(sub, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_chinese_and_every_text_is_used() {
        let mut command = Cli::command();
        command.build();
        let mut all = Vec::new();
        entries(&command, &mut all);
        let missing: Vec<_> = all
            .iter()
            .filter(|(c, id)| zh_help(c, id).is_none())
            .collect();
        assert!(missing.is_empty(), "no Chinese for {missing:?}");
        for (c, id, _) in HELP {
            let used = all
                .iter()
                .any(|(command, arg)| (c.is_empty() || command == c) && arg == id);
            assert!(used, "unused Chinese text for {c} {id}");
        }
        for (c, id, value, _) in VALUES {
            let takes = |command: &Command| {
                command.get_arguments().any(|arg| {
                    arg.get_id() == id
                        && arg
                            .get_possible_values()
                            .iter()
                            .any(|v| v.get_name() == *value)
                })
            };
            let used = command
                .get_subcommands()
                .any(|s| (c.is_empty() || s.get_name() == *c) && takes(s));
            assert!(used, "unused Chinese text for {c} {id}={value}");
        }
    }

    #[test]
    fn every_possible_value_has_its_chinese() {
        let mut command = Cli::command();
        command.build();
        for sub in command.get_subcommands() {
            for arg in sub.get_arguments() {
                for value in arg.get_possible_values() {
                    let id = arg.get_id().as_str();
                    assert!(
                        zh_value(sub.get_name(), id, value.get_name()).is_some(),
                        "no Chinese for {} --{id} {}",
                        sub.get_name(),
                        value.get_name()
                    );
                }
            }
        }
    }

    #[test]
    fn the_language_is_the_last_lang_before_a_double_dash() {
        let args = |words: &[&str]| -> Vec<OsString> {
            std::iter::once("disclint")
                .chain(words.iter().copied())
                .map(OsString::from)
                .collect()
        };
        assert_eq!(command_lang(&args(&["check", "--lang", "en"])), Lang::En);
        assert_eq!(
            command_lang(&args(&["check", "--lang=en", "--lang", "zh"])),
            Lang::Zh
        );
        assert_eq!(
            command_lang(&args(&["--no-config", "check", "--", "--lang=en"])),
            Lang::Zh
        );
    }
}
