//! The Chinese text of the command line's help: one entry per command and
//! argument, beside the English of the doc comments in `args.rs` (clap's
//! derive reads those). [`super::localize`] puts them in place;
//! a test keeps both lists in step.

/// The about text of each command (by name), then the help of each
/// argument: `(command, argument id, 中文)`. An empty command applies to the
/// argument in every command that has no entry of its own.
#[rustfmt::skip]
pub(super) const HELP: &[(&str, &str, &str)] = &[
    ("disclint", "", "政府信息公开工作年度报告检查工具"),
    ("check", "", "检查报告：文件、目录（递归查找）或文件模式"),
    ("parse", "", "显示报告模型（标题、年度、统计期间、各部分、各表）"),
    ("rules", "", "列出全部规则：代码、名称、级别、简介"),
    ("explain", "", "解释一条规则，附不通过和通过的示例（也可写作 rule CODE）"),
    ("report", "", "检查一批报告并写成一份文件：独立的网页（-o report.html）、工作簿（-o report.xlsx）或 CSV 格式的诊断"),
    ("help", "", "显示帮助，或某个命令的帮助"),
    ("", "help", "显示帮助（-h 为简要帮助）"),
    ("", "version", "显示版本"),
    // check
    ("check", "paths", "文件、目录或文件模式；“-”从标准输入读取一份报告。不写时检查当前目录"),
    ("check", "format", "输出格式（也可写作 --output-format，与 Ruff 相同）"),
    ("check", "select", "只运行这些规则（代码、前缀如 S 或 S00、或名称），逗号分隔"),
    ("check", "extend_select", "另外运行这些规则，逗号分隔"),
    ("check", "ignore", "不运行这些规则，逗号分隔"),
    ("check", "stdin_filename", "从标准输入读取的报告（check -）在输出中使用的文件名"),
    ("check", "exit_zero", "发现错误时也以 0 退出（disclint 无法运行时仍为 2）"),
    ("check", "deny_warnings", "有警告时退出码也为 1"),
    ("check", "max_warnings", "警告多于 N 个时退出码为 1"),
    ("check", "statistics", "按规则统计诊断数（JSON 中为 summary.by_rule）"),
    ("check", "quiet", "只输出诊断和最后的计数（不输出注意事项）"),
    ("check", "output_file", "把结果写入此文件，而不是标准输出"),
    ("check", "color", "输出是否着色"),
    ("check", "fix", "应用安全修复、写回文件，并报告剩余的问题"),
    ("check", "unsafe_fixes", "与 --fix 或 --diff 同用：也应用不安全的修复"),
    ("check", "diff", "以统一差异格式显示 --fix 将作的修改；不写入任何文件"),
    ("check", "suppressions", "抑制文件（默认：从每个文件所在目录向上最近的 disclint-suppressions.toml）"),
    ("check", "add_suppressions", "把当前的每条诊断加入抑制文件"),
    ("check", "prune_suppressions", "删除不再匹配任何诊断的抑制条目"),
    ("check", "annotate", "为每个 Word 文档（.docx）写一份副本，每条诊断一条批注，保存为旁边的 NAME.disclint.docx；原文件不变"),
    ("check", "annotate_dir", "与 --annotate 同用：把副本写入此目录"),
    ("check", "show_settings", "显示 FILE 适用的设置及其来源的配置文件；不检查"),
    ("check", "show_files", "列出本次将检查的文件，每行一个；不检查"),
    ("check", "show_fixes", "在诊断之后列出已应用（--fix）或可应用的修复"),
    // report
    ("report", "paths", "文件、目录或文件模式"),
    ("report", "output", "写入此文件（不能是输入文件）；未用 --format 时按扩展名（.html、.csv、.xlsx）定格式。不写时 CSV 输出到标准输出"),
    ("report", "format", "格式（默认：按 --output 的扩展名，否则为 html）"),
    ("report", "select", "只运行这些规则（代码、前缀如 S 或 S00、或名称），逗号分隔"),
    ("report", "extend_select", "另外运行这些规则，逗号分隔"),
    ("report", "ignore", "不运行这些规则，逗号分隔"),
    ("report", "suppressions", "抑制文件：已接受的诊断不列入，与 check 相同（默认：从每个文件所在目录向上最近的 disclint-suppressions.toml）"),
    ("report", "exit_zero", "发现错误时也以 0 退出（disclint 无法运行时仍为 2）"),
    // shared by the commands that read reports
    ("", "lang", "消息语言"),
    ("", "edition", "按此格式版本（2019 或 2021）检查，而不按报告年度推断"),
    ("", "encoding", "按此编码读取文件，不自动检测"),
    ("", "max_file_size", "跳过大于此大小的文件：字节数，或带单位（512K、64M）"),
    ("", "extensions", "在目录中另外查找此扩展名的文件（txt、md、html、htm、shtml 之外），可重复"),
    ("", "follow", "查找目录和展开文件模式时跟随符号链接（命令行上写明的链接总会读取）"),
    ("", "packs", "另外加载一个规则包（TOML），可重复"),
    ("", "config", "从此文件读取配置，而不查找 disclint.toml"),
    ("", "no_config", "不使用任何配置文件"),
    // parse, rules, explain
    ("parse", "path", "报告文件"),
    ("parse", "format", "输出格式（默认：输出到终端时为 human，否则为 json）"),
    ("rules", "markdown", "输出 Markdown（docs/rules.md 的内容），而不是表格"),
    ("rules", "lang", "简介的语言"),
    ("explain", "rule", "规则代码（S001）或名称（missing-section）"),
    ("explain", "lang", "解释的语言（标题也用此语言）"),
];

/// The Chinese help of each possible value: `(command, argument id, value,
/// 中文)`, an empty command as in [`HELP`].
#[rustfmt::skip]
pub(super) const VALUES: &[(&str, &str, &str, &str)] = &[
    ("check", "format", "human", "带标注的原文摘录"),
    ("check", "format", "concise", "每条诊断一行：路径:行:列: 级别[代码] 消息"),
    ("check", "format", "json", "JSON，第 1 版（见 docs/json-output.md）"),
    ("check", "format", "jsonl", "每行一个诊断的 JSON 对象（第 1 版诊断加 path）"),
    ("check", "format", "sarif", "SARIF 2.1.0"),
    ("check", "format", "github", "GitHub Actions 工作流注解"),
    ("check", "format", "gitlab", "GitLab 代码质量报告"),
    ("check", "format", "junit", "JUnit XML"),
    ("check", "format", "rdjson", "reviewdog 的 rdjson"),
    ("report", "format", "html", "一个独立的网页"),
    ("report", "format", "csv", "每条诊断一行，UTF-8 带字节顺序标记（便于 Excel 打开）"),
    ("report", "format", "xlsx", "工作簿：概况、各机关、诊断"),
    ("parse", "format", "human", "给人看：标题、年度、统计期间、各部分，各表以网格显示"),
    ("parse", "format", "json", "给程序用：模型的 JSON"),
    ("", "color", "auto", "输出到终端且未设置 NO_COLOR（或为空）时着色"),
    ("", "color", "always", "总是着色（即使设置了 NO_COLOR）"),
    ("", "color", "never", "从不着色"),
    ("", "lang", "zh", "中文（默认）"),
    ("", "lang", "en", "英文"),
    ("", "edition", "2019", "2019 年试行格式，用于 2019、2020 年度报告"),
    ("", "edition", "2021", "2021 年格式，用于 2021 年度及以后的报告"),
    ("", "encoding", "utf-8", "UTF-8，有无字节顺序标记均可"),
    ("", "encoding", "gb18030", "GB18030（涵盖 GBK 和 GB2312）"),
    ("", "encoding", "utf-16le", "UTF-16，小端序"),
    ("", "encoding", "utf-16be", "UTF-16，大端序"),
];
