//! `check --show-settings FILE` and `check --show-files`: what a run would
//! do, told instead of doing it (as Ruff's flags of the same names).

use std::io::Write;
use std::path::Path;

use super::args::CheckArgs;
use super::check::write;
use super::scopes::{Scope, Scopes};
use crate::input::Input;
use crate::render::quote_path;
use crate::rules::Selector;
use crate::{tr, Lang};

/// How many rule codes one line of the enabled rules holds.
const CODES_PER_LINE: usize = 12;

/// `--show-settings FILE`: the settings `FILE` is checked with and the
/// files they come from; exit code 0 (2 when they do not load).
pub(super) fn show_settings(
    args: &CheckArgs,
    file: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut scopes = Scopes::new(args);
    match scopes.place(file) {
        Ok(place) => {
            let suppressions = &scopes.suppression_files[place.suppressions];
            let text = settings(args, file, scopes.scope(place.scope), suppressions);
            write(out, &text);
            0
        }
        Err(message) => {
            write(err, &message);
            2
        }
    }
}

/// The settings of `file` in `scope`, one `name：value` a line.
fn settings(args: &CheckArgs, file: &Path, scope: &Scope, suppressions: &Path) -> String {
    let lang = args.common.lang;
    let options = scope.linter.options();
    let selection = &options.selection;
    let list = |selectors: &[Selector]| -> String {
        let names: Vec<&str> = selectors.iter().map(Selector::as_str).collect();
        if names.is_empty() {
            lang.pick("（无）", "(none)").to_owned()
        } else {
            names.join(", ")
        }
    };
    let shown = |path: &Path| quote_path(&path.display().to_string()).into_owned();
    let config = match &scope.config.path {
        Some(path) if args.common.setup.config_args.config.is_some() => {
            format!("{} (--config)", shown(path))
        }
        Some(path) => shown(path),
        None if args.common.setup.config_args.no_config => {
            tr!(lang, "无（--no-config）", "none (--no-config)")
        }
        None => tr!(lang, "无（默认设置）", "none (the defaults)"),
    };
    let suppressions = if suppressions.is_file() {
        shown(suppressions)
    } else {
        tr!(
            lang,
            "{}（尚不存在）",
            "{} (not there yet)",
            shown(suppressions)
        )
    };
    let edition = match options.edition {
        Some(edition) => edition.to_string(),
        None => tr!(lang, "按报告年度", "from the report year"),
    };
    let mut packs: Vec<String> = scope.config.rule_packs().iter().map(|p| shown(p)).collect();
    packs.extend(args.common.setup.packs.iter().map(|p| shown(p)));
    let select = match &selection.select {
        Some(select) => list(select),
        None => tr!(lang, "（默认规则）", "(the default rules)"),
    };
    let severity: Vec<String> = selection
        .severity
        .iter()
        .map(|(selector, severity)| format!("{selector} = {}", severity.as_str()))
        .collect();
    let per_file: Vec<String> = scope
        .config
        .file
        .per_file_ignores
        .iter()
        .map(|(pattern, codes)| format!("\"{pattern}\" = [{}]", codes.join(", ")))
        .collect();
    let path = file.display().to_string();
    let (on, off): (Vec<_>, Vec<_>) = scope
        .linter
        .registry()
        .metas()
        .filter(|meta| selection.is_enabled(meta))
        .partition(|meta| !options.per_file_ignores.ignores(&path, meta));
    let codes = |metas: &[&crate::rules::RuleMeta]| -> Vec<String> {
        metas.iter().map(|m| m.code.to_string()).collect()
    };
    let none = lang.pick("（无）", "(none)");
    let or_none = |items: Vec<String>| {
        if items.is_empty() {
            none.to_owned()
        } else {
            items.join(", ")
        }
    };
    let lines = [
        (lang.pick("文件", "file"), shown(file)),
        (lang.pick("配置文件", "configuration"), config),
        (lang.pick("抑制文件", "suppressions"), suppressions),
        (lang.pick("语言", "language"), lang_name(lang).to_owned()),
        (lang.pick("格式版本", "edition"), edition),
        (lang.pick("规则包", "rule packs"), or_none(packs)),
        ("select", select),
        ("extend-select", list(&selection.extend_select)),
        ("ignore", list(&selection.ignore)),
        ("severity", or_none(severity)),
        ("per-file-ignores", or_none(per_file)),
        (
            lang.pick("对此文件关闭", "off for this file"),
            or_none(codes(&off)),
        ),
    ];
    let mut text = String::new();
    for (name, value) in lines {
        text.push_str(&tr!(lang, "{}：{}\n", "{}: {}\n", name, value));
    }
    text.push_str(&tr!(
        lang,
        "启用的规则（{} 条）：\n",
        "rules that run ({}):\n",
        on.len()
    ));
    for line in codes(&on).chunks(CODES_PER_LINE) {
        text.push_str("  ");
        text.push_str(&line.join(" "));
        text.push('\n');
    }
    text
}

/// The name of a language as `--lang` writes it.
fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// `--show-files`: the files the run would check, one a line; to standard
/// error, the arguments that name none. Exit code 0.
pub(super) fn show_files(
    inputs: &[Input],
    stdin: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut listed = String::new();
    for input in inputs {
        match input {
            Input::File { path, .. } => {
                listed.push_str(&quote_path(&path.display().to_string()));
                listed.push('\n');
            }
            Input::Failed { path, diagnostic } => write(
                err,
                &tr!(
                    lang,
                    "注意：{}：{}\n",
                    "note: {}: {}\n",
                    quote_path(path),
                    diagnostic.message
                ),
            ),
        }
    }
    if let Some(name) = stdin {
        listed.push_str(&quote_path(name));
        listed.push('\n');
    }
    write(out, &listed);
    0
}
