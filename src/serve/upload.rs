//! The report a request carries: the raw body (named by `?filename=` or a
//! `Content-Disposition` header) or the `file` part of a
//! `multipart/form-data` body. It stays in memory; its name is only shown
//! and tells the kind, and is never used as a path.

use std::path::Path;

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{header, HeaderMap, StatusCode};

use super::error::ApiError;
use super::query::Params;
use super::Limits;
use crate::extract::SourceKind;
use crate::input::InputOptions;
use crate::Lang;

/// The name of a report that came without one (as `check -` names
/// standard input).
const UNNAMED: &str = "-";

/// A report received.
#[derive(Debug, Clone)]
pub(super) struct Upload {
    /// The name it is shown by, which tells its kind.
    pub name: String,
    /// Its bytes.
    pub bytes: Bytes,
}

/// Reads the report of `request`; `params` may name it.
pub(super) async fn read(
    request: Request,
    params: &Params,
    limits: &Limits,
) -> Result<Upload, ApiError> {
    let lang = params.lang;
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/form-data")
        });
    let (name, bytes) = if multipart {
        file_part(request, lang, limits).await?
    } else {
        let name = disposition_name(request.headers());
        let bytes = Bytes::from_request(request, &())
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::for_status(StatusCode::PAYLOAD_TOO_LARGE, lang, limits)
                } else {
                    ApiError::unreadable_body(lang)
                }
            })?;
        (name, bytes)
    };
    if bytes.is_empty() {
        return Err(ApiError::missing_body(lang));
    }
    let name = params
        .filename
        .clone()
        .or(name)
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| UNNAMED.to_owned());
    known_kind(&name, &bytes, lang)?;
    Ok(Upload { name, bytes })
}

/// The name and bytes of the `file` part (or the first part with a file
/// name) of a multipart body.
async fn file_part(
    request: Request,
    lang: Lang,
    limits: &Limits,
) -> Result<(Option<String>, Bytes), ApiError> {
    let failed = |error: axum::extract::multipart::MultipartError| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::for_status(StatusCode::PAYLOAD_TOO_LARGE, lang, limits)
        } else {
            ApiError::malformed_multipart(lang, &error.body_text())
        }
    };
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|rejection| ApiError::malformed_multipart(lang, &rejection.body_text()))?;
    while let Some(field) = multipart.next_field().await.map_err(failed)? {
        if field.name() == Some("file") || field.file_name().is_some() {
            let name = field.file_name().map(str::to_owned);
            let bytes = field.bytes().await.map_err(failed)?;
            return Ok((name, bytes));
        }
    }
    Err(ApiError::malformed_multipart(
        lang,
        lang.pick("没有文件部分", "no file part"),
    ))
}

/// The file name a `Content-Disposition` header gives: `filename*`
/// (RFC 5987, UTF-8) before `filename`.
fn disposition_name(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::CONTENT_DISPOSITION)?.to_str().ok()?;
    let mut plain = None;
    for parameter in value.split(';').map(str::trim) {
        let Some((key, value)) = parameter.split_once('=') else {
            continue;
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "filename*" => {
                let (charset, rest) = value.trim().split_once('\'')?;
                let (_, encoded) = rest.split_once('\'')?;
                if charset.eq_ignore_ascii_case("utf-8") {
                    let decoded = percent_encoding::percent_decode_str(encoded).decode_utf8();
                    return decoded.ok().map(|name| name.into_owned());
                }
            }
            "filename" => plain = Some(value.trim().trim_matches('"').to_owned()),
            _ => {}
        }
    }
    plain
}

/// Refuses a name whose extension is no kind disclint reads, unless the
/// bytes say what they are (a zip package, a PDF, a web page). A name
/// without an extension goes by the bytes, as standard input does.
fn known_kind(name: &str, bytes: &[u8], lang: Lang) -> Result<(), ApiError> {
    let Some(extension) = Path::new(name).extension().and_then(|e| e.to_str()) else {
        return Ok(());
    };
    let extension = extension.to_ascii_lowercase();
    let read = InputOptions::default().extensions.contains(&extension)
        || matches!(extension.as_str(), "xhtml" | "doc" | "wps");
    if read || SourceKind::detect(name, bytes) != SourceKind::Text {
        Ok(())
    } else {
        Err(ApiError::unknown_kind(lang, &extension))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn named(value: &str) -> Option<String> {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(value).unwrap(),
        );
        disposition_name(&headers)
    }

    #[test]
    fn the_disposition_names_the_file_in_utf8_first() {
        assert_eq!(
            named("attachment; filename=\"a.docx\"").as_deref(),
            Some("a.docx")
        );
        assert_eq!(
            named("attachment; filename=\"a.txt\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.docx")
                .as_deref(),
            Some("报告.docx")
        );
        assert_eq!(named("inline"), None);
    }

    #[test]
    fn kinds_go_by_the_extension_and_else_by_the_bytes() {
        assert!(known_kind("报告.TXT", b"text", Lang::Zh).is_ok());
        assert!(known_kind("-", b"text", Lang::Zh).is_ok());
        assert!(known_kind("报告.doc", b"old", Lang::Zh).is_ok());
        assert!(known_kind("报告.bin", b"PK\x03\x04", Lang::Zh).is_ok());
        let error = known_kind("报告.xlsx2", b"text", Lang::En).unwrap_err();
        assert_eq!(error.code(), "unknown-kind");
    }
}
