//! The endpoints of `/api/v1` (documented in `docs/api.md` and
//! `docs/openapi.json`), `/healthz` and `/metrics`. Each reads its query
//! and upload, runs the library in a check slot, and answers what the
//! command line would print.

use std::path::Path;
use std::sync::Arc;

use axum::extract::{Path as RoutePath, Request, State};
use axum::http::{header, HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::checker::{self, check_json, readable};
use super::error::ApiError;
use super::query::{self, Params};
use super::upload::{self, Upload};
use super::{view, Service};
use crate::annotate::{annotate_docx, annotated_path};
use crate::cli::explain_text;
use crate::extract::{extract, SourceKind};
use crate::lint::Linter;
use crate::render::model_json;
use crate::rules::{Family, RuleMeta};
use crate::run::FileResult;
use crate::Severity;

/// The OpenAPI description of the service (also `docs/openapi.json`).
const OPENAPI: &str = include_str!("../../docs/openapi.json");

/// The bytes a `filename*` value (RFC 5987 `attr-char`) keeps as they are.
const ATTR_CHAR: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// The content type of a Word document.
const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A JSON body.
fn json(text: impl IntoResponse) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        text,
    )
        .into_response()
}

/// Plain data as pretty JSON, ending in a line break.
fn pretty(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("JSON of plain data");
    text.push('\n');
    text
}

/// The parameters and the report of an upload to an endpoint taking `known`.
async fn received(
    service: &Service,
    request: Request,
    known: &[&str],
) -> Result<(Params, Upload), ApiError> {
    let params = query::params(request.uri(), service.checker.lang(), known)?;
    let upload = upload::read(request, &params, service.limits()).await?;
    Ok((params, upload))
}

/// Counts the findings of a check.
fn count(service: &Service, result: &crate::run::FileResult) {
    service
        .metrics
        .found(result.diagnostics.iter().map(|d| d.code.as_str()));
}

/// `POST /api/v1/check`: the JSON document of `check --format json`.
pub(super) async fn check(
    State(service): State<Arc<Service>>,
    request: Request,
) -> Result<Response, ApiError> {
    checked(service, request, check_json).await
}

/// `POST /api/v1/view`: what the page shows (the check's JSON document,
/// the text read, the findings' places in it, the tables).
pub(super) async fn view(
    State(service): State<Arc<Service>>,
    request: Request,
) -> Result<Response, ApiError> {
    checked(service, request, view::view_json).await
}

/// Checks the upload and answers `render` of the result as JSON (`check`
/// and `view`), counting its findings.
async fn checked(
    service: Arc<Service>,
    request: Request,
    render: fn(&Linter, &FileResult) -> String,
) -> Result<Response, ApiError> {
    let (params, upload) = received(&service, request, query::CHECK).await?;
    let (result, text) = checker::run(&service, &params, upload, move |pipeline, upload| {
        let result = pipeline.process_bytes(&upload.name, Vec::from(upload.bytes));
        let text = render(pipeline.linter, &result);
        (result, text)
    })
    .await?;
    count(&service, &readable(result)?);
    Ok(json(text))
}

/// `POST /api/v1/annotate`: the Word document with one review comment per
/// finding (`check --annotate`'s copy).
pub(super) async fn annotate(
    State(service): State<Arc<Service>>,
    request: Request,
) -> Result<Response, ApiError> {
    let (params, upload) = received(&service, request, query::CHECK).await?;
    let lang = params.lang;
    if SourceKind::detect(&upload.name, &upload.bytes) != SourceKind::Docx {
        return Err(ApiError::not_a_word_document(lang));
    }
    let name = annotated_path(Path::new(&upload.name), None);
    let (result, copy) = checker::run(&service, &params, upload, move |pipeline, upload| {
        let result = pipeline.process_bytes(&upload.name, upload.bytes.to_vec());
        let copy = result
            .source
            .as_ref()
            .map(|source| annotate_docx(&upload.bytes, source, &result.diagnostics, lang));
        (result, copy)
    })
    .await?;
    let result = readable(result)?;
    count(&service, &result);
    let copy = match copy {
        Some(Ok(copy)) => copy,
        Some(Err(error)) => return Err(ApiError::annotate_failed(error.message(lang))),
        // Read and then switched off by the request's rules: nothing to annotate.
        None => return Err(ApiError::not_a_word_document(lang)),
    };
    let name = name
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let encoded = percent_encoding::utf8_percent_encode(&name, ATTR_CHAR);
    // The plain name for clients without RFC 5987, when it can be given as is.
    let plain = if name
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\')
    {
        name.as_str()
    } else {
        "report.disclint.docx"
    };
    let disposition = format!("attachment; filename=\"{plain}\"; filename*=UTF-8''{encoded}");
    let mut response = ([(header::CONTENT_TYPE, DOCX_TYPE)], copy).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        "disclint-findings",
        HeaderValue::from(result.diagnostics.len()),
    );
    Ok(response)
}

/// `POST /api/v1/parse`: the report model, as `disclint parse` prints it.
pub(super) async fn parse(
    State(service): State<Arc<Service>>,
    request: Request,
) -> Result<Response, ApiError> {
    let (params, upload) = received(&service, request, query::PARSE).await?;
    let model = checker::run(&service, &params, upload, |pipeline, upload| {
        extract(&upload.name, &upload.bytes, pipeline.input).map(|source| {
            let analysis = pipeline.linter.analyze(&source);
            let format = pipeline.linter.format(analysis.report.edition);
            pretty(&model_json(&source, &analysis.report, format))
        })
    })
    .await?;
    model
        .map(json)
        .map_err(|diagnostic| ApiError::unreadable(&diagnostic))
}

/// A rule in the list: what `disclint rules` prints, and its facts.
#[derive(Serialize)]
struct RuleEntry<'a> {
    code: &'a str,
    name: &'a str,
    family: Family,
    /// The family's name in the language asked for.
    family_name: &'static str,
    /// The default severity.
    severity: Severity,
    /// Whether it runs, as the service is configured.
    enabled: bool,
    /// Its severity as configured, when it runs.
    effective_severity: Option<Severity>,
    default_enabled: bool,
    fixable: bool,
    /// The summary in the language asked for.
    summary: &'a str,
}

/// One rule in full: its metadata, as configured, and the text of
/// `disclint explain`.
#[derive(Serialize)]
struct RuleDetail<'a> {
    #[serde(flatten)]
    meta: &'a RuleMeta,
    enabled: bool,
    effective_severity: Option<Severity>,
    /// `disclint explain`'s Markdown, in the language asked for.
    text: String,
}

/// `GET /api/v1/rules`: every rule, as `disclint rules` lists them.
pub(super) async fn rules(
    State(service): State<Arc<Service>>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let params = query::params(&uri, service.checker.lang(), query::LANG)?;
    let linter = service.checker.configured(params.lang);
    let selection = &linter.options().selection;
    let rules: Vec<RuleEntry<'_>> = linter
        .registry()
        .metas()
        .map(|meta| {
            let enabled = selection.is_enabled(meta);
            RuleEntry {
                code: &meta.code,
                name: &meta.name,
                family: meta.family,
                family_name: params.lang.pick(meta.family.name_zh(), meta.family.name()),
                severity: meta.severity,
                enabled,
                effective_severity: enabled.then(|| selection.severity_of(meta)),
                default_enabled: meta.default_enabled,
                fixable: meta.fixable,
                summary: meta.summary(params.lang),
            }
        })
        .collect();
    Ok(json(pretty(&serde_json::json!({ "rules": rules }))))
}

/// `GET /api/v1/rules/{code}`: one rule (by code or name), as `disclint
/// explain` explains it.
pub(super) async fn rule(
    State(service): State<Arc<Service>>,
    RoutePath(code): RoutePath<String>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let params = query::params(&uri, service.checker.lang(), query::LANG)?;
    let linter = service.checker.configured(params.lang);
    let Some(meta) = linter.registry().find(&code) else {
        return Err(ApiError::no_rule(params.lang, &code));
    };
    let selection = &linter.options().selection;
    let enabled = selection.is_enabled(meta);
    let detail = RuleDetail {
        meta,
        enabled,
        effective_severity: enabled.then(|| selection.severity_of(meta)),
        text: explain_text(meta, params.lang),
    };
    Ok(json(pretty(&detail)))
}

/// `GET /api/v1/openapi.json`.
pub(super) async fn openapi() -> Response {
    json(OPENAPI)
}

/// `GET /healthz`: the service answers.
pub(super) async fn healthz() -> Response {
    json(pretty(&serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
    })))
}

/// `GET /metrics`: the counters, in the Prometheus text format.
pub(super) async fn metrics(State(service): State<Arc<Service>>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        service.metrics.render(),
    )
        .into_response()
}
