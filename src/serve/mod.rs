//! `disclint serve`: the checking service a publishing platform calls before
//! a report goes live, and the page a clerk opens in the browser.
//!
//! Nothing here checks anything itself: each request runs the library's
//! [`Pipeline`](crate::run::Pipeline) on the uploaded bytes, as `check -`
//! does on standard input, and renders with the same renderers, so that
//! `POST /api/v1/check` answers the very bytes `check --format json` writes.
//!
//! The service is stateless (no request leaves anything behind), so it
//! scales out as instances behind any load balancer. Nothing a client sends
//! is written to disk or logged: PDFs reach `pdftotext` on its standard
//! input, and the log has method, path, status, sizes and duration only.
//!
//! [`app`] is the whole service ([`routes`] under [`layers`]); [`run`]
//! serves it until a shutdown signal, finishing the requests in flight.

mod access;
mod api;
mod checker;
mod error;
mod limits;
mod log;
mod metrics;
mod page;
mod query;
mod upload;
mod view;

use std::future::Future;
use std::sync::Arc;

use axum::routing::{get, post, MethodRouter};
use axum::Router;

pub use limits::Limits;
pub use log::Log;
pub use metrics::Metrics;

use crate::config::Config;
use crate::extract::PdfToText;
use crate::pack::Pack;
use crate::rules::Selector;
use crate::Lang;

/// What the service is started with: the configuration and packs loaded
/// at start (as `check` loads them), the default language, the limits.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The configuration (`disclint.toml`, `--config`).
    pub config: Config,
    /// The user packs: the configuration's, then `--rules`.
    pub packs: Vec<Pack>,
    /// The language of answers that do not ask for one (`?lang=`).
    pub lang: Lang,
    /// The `pdftotext` PDFs are read with.
    pub pdftotext: PdfToText,
    /// Sizes, times and the number of checks at once.
    pub limits: Limits,
}

/// The state every request shares: the linters, the check slots, the
/// counters and the log.
pub struct Service {
    checker: checker::Checker,
    metrics: Metrics,
    log: Log,
}

impl Service {
    /// The service for `options`, logging to `log`; a selector of the
    /// configuration that names no rule stops it, as it stops `check`.
    pub fn new(options: ServeOptions, log: Log) -> Result<Arc<Service>, Selector> {
        Ok(Arc::new(Service {
            checker: checker::Checker::new(options)?,
            metrics: Metrics::default(),
            log,
        }))
    }

    /// The service's counters.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        self.checker.limits()
    }
}

/// One endpoint: its method and path as `docs/openapi.json` names them,
/// and what serves it.
pub struct Endpoint {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// The path, with `{name}` for a parameter.
    pub path: &'static str,
    handler: MethodRouter<Arc<Service>>,
}

/// Every endpoint the service has (the router is built from this list).
pub fn endpoints() -> Vec<Endpoint> {
    let endpoint = |method, path, handler| Endpoint {
        method,
        path,
        handler,
    };
    vec![
        endpoint("GET", "/", get(page::index)),
        endpoint("GET", "/assets/app.js", get(page::script)),
        endpoint("GET", "/assets/style.css", get(page::style)),
        endpoint("POST", "/api/v1/check", post(api::check)),
        endpoint("POST", "/api/v1/view", post(api::view)),
        endpoint("POST", "/api/v1/annotate", post(api::annotate)),
        endpoint("POST", "/api/v1/parse", post(api::parse)),
        endpoint("GET", "/api/v1/rules", get(api::rules)),
        endpoint("GET", "/api/v1/rules/{code}", get(api::rule)),
        endpoint("GET", "/api/v1/openapi.json", get(api::openapi)),
        endpoint("GET", "/healthz", get(api::healthz)),
        endpoint("GET", "/metrics", get(api::metrics)),
    ]
}

/// The endpoints routed, without the limits and the log ([`layers`] adds
/// them).
pub fn routes(service: &Arc<Service>) -> Router {
    endpoints()
        .into_iter()
        .fold(Router::new(), |router, endpoint| {
            router.route(endpoint.path, endpoint.handler)
        })
        // Answered 404 under the layers, which give it its JSON body.
        .fallback(|| async { axum::http::StatusCode::NOT_FOUND })
        .with_state(Arc::clone(service))
}

/// `router` under the service's layers, outermost first: the access log
/// and counters, JSON bodies for every error, panics caught (500), the
/// request time limit (503), the body size limit (413).
pub fn layers(router: Router, service: &Arc<Service>) -> Router {
    access::layers(router, service)
}

/// The whole service: [`routes`] under [`layers`].
pub fn app(service: &Arc<Service>) -> Router {
    layers(routes(service), service)
}

/// Serves `app` on `listener` until `shutdown` completes; the requests in
/// flight then finish before this returns.
pub async fn run(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
