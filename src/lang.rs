//! The language diagnostics are written in.

use serde::{Deserialize, Serialize};

/// Output language: Chinese by default, English on request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Formats a message in the language of `$lang`: `tr!(lang, "中文 {x}", "English {x}")`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::Lang::Zh => format!($zh $(, $arg)*),
            $crate::Lang::En => format!($en $(, $arg)*),
        }
    };
}
