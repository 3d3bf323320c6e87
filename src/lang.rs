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

/// A text in both languages, told in the one chosen when it is shown: for
/// messages made before the language is known (a pack's problems).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Bilingual {
    /// 中文.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Bilingual {
    /// The text in `lang`.
    pub fn pick(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// Formats a message in both languages: `bilingual!("中文 {x}", "English {x}")`.
#[macro_export]
macro_rules! bilingual {
    ($zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        $crate::lang::Bilingual {
            zh: format!($zh $(, $arg)*),
            en: format!($en $(, $arg)*),
        }
    };
}
