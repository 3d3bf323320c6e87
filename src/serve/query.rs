//! The query parameters of a request, checked: `lang`, `filename`,
//! `select`, `ignore`, `edition`, as `check` takes `--lang`,
//! `--stdin-filename`, `--select`, `--ignore` and `--edition`.

use axum::extract::Query;
use axum::http::Uri;

use super::error::ApiError;
use crate::{Edition, Lang};

/// The parameters of `POST /api/v1/check`, `/view` and `/annotate`.
pub(super) const CHECK: &[&str] = &["filename", "lang", "select", "ignore", "edition"];
/// The parameters of `POST /api/v1/parse`.
pub(super) const PARSE: &[&str] = &["filename", "lang", "edition"];
/// The parameters of the rule listings.
pub(super) const LANG: &[&str] = &["lang"];

/// What a request asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Params {
    /// The language of the answer.
    pub lang: Lang,
    /// The report's name (its kind goes by the extension).
    pub filename: Option<String>,
    /// `select`: only these rules (comma-separated, repeatable).
    pub select: Option<Vec<String>>,
    /// `ignore`: not these rules.
    pub ignore: Vec<String>,
    /// `edition`: check against this format edition.
    pub edition: Option<Edition>,
}

impl Params {
    /// Whether the request asks for rules or an edition of its own (else
    /// the service's configured linter serves it).
    pub(super) fn selects(&self) -> bool {
        self.select.is_some() || !self.ignore.is_empty() || self.edition.is_some()
    }
}

/// The `lang` a query asks for, if it names a language.
fn parse_lang(value: &str) -> Option<Lang> {
    match value.trim().to_ascii_lowercase().as_str() {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The query's pairs, decoded.
fn pairs(uri: &Uri) -> Option<Vec<(String, String)>> {
    Query::<Vec<(String, String)>>::try_from_uri(uri)
        .ok()
        .map(|Query(pairs)| pairs)
}

/// The language of the answer to a request for `uri`: its `lang` if that
/// names one, else `default` (errors about the query itself are told in it).
pub(super) fn lang_of(uri: &Uri, default: Lang) -> Lang {
    pairs(uri)
        .and_then(|pairs| {
            pairs
                .iter()
                .rev()
                .find(|(name, _)| name == "lang")
                .and_then(|(_, value)| parse_lang(value))
        })
        .unwrap_or(default)
}

/// The parameters of a request for `uri`, of which the endpoint knows `known`.
pub(super) fn params(uri: &Uri, default: Lang, known: &[&str]) -> Result<Params, ApiError> {
    let lang = lang_of(uri, default);
    let pairs = pairs(uri).ok_or_else(|| ApiError::bad_query(lang))?;
    let mut params = Params {
        lang,
        ..Params::default()
    };
    let list = |value: &str| {
        value
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    for (name, value) in &pairs {
        if !known.contains(&name.as_str()) {
            return Err(ApiError::unknown_parameter(lang, name, known));
        }
        match name.as_str() {
            "lang" if parse_lang(value).is_none() => {
                return Err(ApiError::bad_parameter(lang, name, value, "zh, en"));
            }
            "filename" => params.filename = Some(value.clone()),
            "select" => params
                .select
                .get_or_insert_with(Vec::new)
                .extend(list(value)),
            "ignore" => params.ignore.extend(list(value)),
            "edition" => {
                let edition = Edition::ALL
                    .into_iter()
                    .find(|e| e.year().to_string() == value.trim());
                let Some(edition) = edition else {
                    return Err(ApiError::bad_parameter(lang, name, value, "2019, 2021"));
                };
                params.edition = Some(edition);
            }
            _ => {}
        }
    }
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(text: &str) -> Uri {
        text.parse().unwrap()
    }

    #[test]
    fn parameters_are_read_and_lists_are_split_and_joined() {
        let params = params(
            &uri("/c?lang=en&select=S,T001&select=A&ignore=X003&edition=2019&filename=%E6%8A%A5.docx"),
            Lang::Zh,
            CHECK,
        )
        .unwrap();
        assert_eq!(params.lang, Lang::En);
        assert_eq!(
            params.select,
            Some(vec!["S".into(), "T001".into(), "A".into()])
        );
        assert_eq!(params.ignore, vec!["X003".to_owned()]);
        assert_eq!(params.edition, Some(Edition::E2019));
        assert_eq!(params.filename.as_deref(), Some("报.docx"));
        assert!(params.selects());
        let plain = super::params(&uri("/c"), Lang::En, CHECK).unwrap();
        assert_eq!(plain.lang, Lang::En);
        assert!(!plain.selects());
    }

    #[test]
    fn unknown_names_and_bad_values_are_refused_in_the_language_asked_for() {
        let error = params(&uri("/c?lang=en&selct=S"), Lang::Zh, CHECK).unwrap_err();
        assert_eq!(error.code(), "unknown-parameter");
        let error = params(&uri("/c?edition=2020"), Lang::Zh, CHECK).unwrap_err();
        assert_eq!(error.code(), "bad-parameter");
        let error = params(&uri("/c?lang=fr"), Lang::Zh, CHECK).unwrap_err();
        assert_eq!(error.code(), "bad-parameter");
        let error = params(&uri("/c?select=S"), Lang::Zh, PARSE).unwrap_err();
        assert_eq!(error.code(), "unknown-parameter");
        assert_eq!(lang_of(&uri("/c?lang=EN"), Lang::Zh), Lang::En);
        assert_eq!(lang_of(&uri("/c?lang=fr"), Lang::Zh), Lang::Zh);
    }
}
