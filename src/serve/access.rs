//! The layers every request goes through, outermost first: the access log
//! and counters; JSON bodies for the bare errors of the layers below; a
//! caught panic answered with 500; the request time limit (503); the body
//! size limit (413).

use std::sync::Arc;
use std::time::Instant;

use axum::body::{Body, HttpBody};
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use super::error::{ApiError, Refusal};
use super::query::lang_of;
use super::Service;

/// `router` under the service's layers (see the module's documentation).
pub(super) fn layers(router: Router, service: &Arc<Service>) -> Router {
    let limits = *service.limits();
    let log = service.log.clone();
    router
        // The extractors' own limit (2 MB) gives way to the service's.
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(limits.max_body))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            limits.time_limit,
        ))
        .layer(CatchPanicLayer::custom(move |_panic| {
            // The message may quote what the client sent: it is not logged.
            log.line("panic: a handler panicked (message withheld); answered 500");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }))
        .layer(from_fn_with_state(Arc::clone(service), json_errors))
        .layer(from_fn_with_state(Arc::clone(service), access_log))
}

/// Gives every error answer of the layers (413, 503, 500, 404, 405, …) the
/// service's JSON body in the request's language; the handlers' own errors
/// already have it.
async fn json_errors(
    State(service): State<Arc<Service>>,
    request: Request,
    next: Next,
) -> Response {
    let lang = lang_of(request.uri(), service.checker.lang());
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || response.extensions().get::<Refusal>().is_some()
    {
        return response;
    }
    ApiError::for_status(status, lang, service.limits()).into_response()
}

/// Logs one line per request — method, route, status, bytes in and out,
/// duration — and counts it. The query, the file name and the body are
/// never logged: a path with a rule code is logged as its route.
async fn access_log(State(service): State<Arc<Service>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let _in_flight = service.metrics.request();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let bytes_in = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let response: Response<Body> = next.run(request).await;
    let took = started.elapsed();
    let status = response.status();
    let bytes_out = response.body().size_hint().exact().unwrap_or(0);
    let refusal = response.extensions().get::<Refusal>().map(|r| r.0);
    service
        .metrics
        .answered(&route, status.as_u16(), took, refusal);
    service.log.line(&format!(
        "{method} {route} {} in={bytes_in} out={bytes_out} {:.1}ms",
        status.as_u16(),
        took.as_secs_f64() * 1000.0
    ));
    response
}
