//! `disclint serve`: loads the configuration and packs as `check` does
//! (a bad one stops it here, with the usual diagnostic), binds the address,
//! and serves [`crate::serve`] until SIGTERM or Ctrl-C, finishing the
//! requests in flight. The log goes to the error stream it is given.

use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

use super::args::ServeArgs;
use super::check::{load_packs, unknown_selector, write};
use super::environment::Environment;
use crate::serve::{app, run, Limits, Log, ServeOptions, Service};
use crate::{tr, Lang};

/// Parses a number of seconds (`30`, `0.5`), more than zero.
pub(super) fn parse_seconds(text: &str) -> Result<Duration, String> {
    match text.trim().parse::<f64>() {
        Ok(seconds) if seconds > 0.0 && seconds.is_finite() => Ok(Duration::from_secs_f64(seconds)),
        _ => Err(format!("“{text}” is not a number of seconds above 0")),
    }
}

/// A log stream that hands each write to the thread that owns the error
/// stream (the service's threads may not write to it themselves).
struct Forward(mpsc::Sender<Vec<u8>>);

impl Write for Forward {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let _ = self.0.send(bytes.to_vec());
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Completes on SIGTERM or Ctrl-C.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = terminate.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// `disclint serve`: returns the exit code (0 after a graceful shutdown,
/// 2 when it could not start).
pub fn serve(args: &ServeArgs, env: &Environment, err: &mut dyn Write) -> i32 {
    let lang = args.lang;
    let Some(packs) = load_packs(&args.setup.packs, lang, err) else {
        return 2;
    };
    let defaults = Limits::default();
    let limits = Limits {
        max_body: usize::try_from(args.max_body_size).unwrap_or(usize::MAX),
        time_limit: args.timeout,
        checks: args
            .max_checks
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(defaults.checks),
        queue_wait: args.queue_wait,
    };
    let options = ServeOptions {
        config: args.setup.config.clone(),
        packs,
        lang,
        pdftotext: env.pdftotext.clone(),
        limits,
    };
    let (send, receive) = mpsc::channel();
    let log = Log::to(Forward(send));
    let service = match Service::new(options, log.clone()) {
        Ok(service) => service,
        Err(selector) => {
            write(err, &unknown_selector(lang, &selector));
            return 2;
        }
    };
    let listener = match std::net::TcpListener::bind(args.bind)
        .and_then(|listener| listener.set_nonblocking(true).map(|()| listener))
    {
        Ok(listener) => listener,
        Err(error) => {
            let error = crate::io_error::describe(&error, lang);
            write(
                err,
                &tr!(
                    lang,
                    "错误：无法监听 {}：{}\n",
                    "error: cannot listen on {}: {}\n",
                    args.bind,
                    error
                ),
            );
            return 2;
        }
    };
    let address = listener.local_addr().unwrap_or(args.bind);
    if !address.ip().is_loopback() {
        write(err, &exposed_warning(lang));
    }
    write(
        err,
        &tr!(
            lang,
            "disclint serve：正在监听 http://{}/（页面 /，接口 /api/v1，说明 /api/v1/openapi.json）；SIGTERM 或 Ctrl-C 停止\n",
            "disclint serve: listening on http://{}/ (page /, API /api/v1, description /api/v1/openapi.json); stop with SIGTERM or Ctrl-C\n",
            address
        ),
    );
    let _ = err.flush();
    let server = std::thread::spawn(move || serve_until_signal(listener, service, log, limits));
    // The log lines arrive here until the service and its log are gone.
    for bytes in receive {
        let _ = err.write_all(&bytes).and_then(|()| err.flush());
    }
    match server.join() {
        Ok(Ok(())) => 0,
        Ok(Err(error)) => {
            write(
                err,
                &tr!(
                    lang,
                    "错误：服务中止：{}\n",
                    "error: the service stopped: {}\n",
                    error
                ),
            );
            2
        }
        Err(_) => 2,
    }
}

/// The warning for an address other than loopback.
fn exposed_warning(lang: Lang) -> String {
    tr!(
        lang,
        "注意：服务监听的不是本机回环地址。它没有身份验证，能连到该地址的任何人都能提交报告；请只在内网中、放在反向代理或防火墙之后使用（见 docs/api.md）\n",
        "note: the service listens beyond loopback. It has no authentication: whoever reaches the address can submit reports. Use it only inside a private network, behind a reverse proxy or a firewall (see docs/api.md)\n"
    )
}

/// Runs the service on its own runtime until a shutdown signal; the
/// requests in flight finish, and checks that ran out of time get up to the
/// time limit to end.
fn serve_until_signal(
    listener: std::net::TcpListener,
    service: std::sync::Arc<Service>,
    log: Log,
    limits: Limits,
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    // A panic's message may quote a draft: only where it happened is logged.
    let hook_log = log.clone();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map_or_else(String::new, |l| format!(" at {}:{}", l.file(), l.line()));
        hook_log.line(&format!("panic{place} (message withheld)"));
    }));
    let app = app(&service);
    drop(service);
    let served = runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let shutdown = async move {
            shutdown_signal().await;
            log.line("shutting down: finishing the requests in flight");
        };
        run(listener, app, shutdown).await
    });
    runtime.shutdown_timeout(limits.time_limit);
    drop(std::panic::take_hook());
    std::panic::set_hook(previous);
    served
}
