//! The page for clerks (`GET /`): one HTML page, its script and its style
//! sheet, written for this service and embedded in the binary. Nothing is
//! fetched from elsewhere; the page talks to `/api/v1/view` and
//! `/api/v1/annotate` only, which its content security policy enforces.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// Only this service's own script, style and API: no inline script, no
/// other origin, no frames.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/// An embedded asset with its content type, never sniffed, never framed.
fn asset(content_type: &'static str, text: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_SECURITY_POLICY, POLICY),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        text,
    )
        .into_response()
}

/// `GET /`: the page.
pub(super) async fn index() -> Response {
    asset("text/html; charset=utf-8", include_str!("page/index.html"))
}

/// `GET /assets/app.js`: the page's script.
pub(super) async fn script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("page/app.js"),
    )
}

/// `GET /assets/style.css`: the page's style sheet.
pub(super) async fn style() -> Response {
    asset("text/css; charset=utf-8", include_str!("page/style.css"))
}
