//! A service started by a test, in this process, on a free loopback port,
//! with its log kept for the test to read.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use axum::Router;
use disclint::config::Config;
use disclint::extract::PdfToText;
use disclint::serve::{layers, routes, run, Limits, Log, ServeOptions, Service};
use disclint::Lang;

/// A log kept in memory.
#[derive(Clone, Default)]
pub struct Kept(Arc<Mutex<Vec<u8>>>);

impl Write for Kept {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The options of a test service: no configuration, no packs, Chinese by
/// default, the system's `pdftotext`, the default limits.
pub fn options() -> ServeOptions {
    ServeOptions {
        config: Config::default(),
        packs: Vec::new(),
        lang: Lang::Zh,
        pdftotext: PdfToText::default(),
        limits: Limits::default(),
    }
}

/// A running service; stopped (gracefully) when dropped.
pub struct TestServer {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its state (for its counters).
    pub service: Arc<Service>,
    log: Kept,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl TestServer {
    /// The service with `options`.
    pub fn start(options: ServeOptions) -> TestServer {
        Self::with_routes(options, |router| router)
    }

    /// The service with `options`, with routes of the test's added under
    /// the service's layers.
    pub fn with_routes(options: ServeOptions, extra: impl FnOnce(Router) -> Router) -> TestServer {
        let log = Kept::default();
        let service = Service::new(options, Log::to(log.clone())).expect("valid options");
        let app = layers(extra(routes(&service)), &service);
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime
                .block_on(async {
                    let listener = tokio::net::TcpListener::from_std(listener)?;
                    run(listener, app, async {
                        let _ = stopped.await;
                    })
                    .await
                })
                .unwrap();
            runtime.shutdown_timeout(Duration::from_secs(10));
        });
        TestServer {
            addr,
            service,
            log,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// The log so far.
    pub fn log(&self) -> String {
        String::from_utf8(self.log.0.lock().unwrap().clone()).unwrap()
    }

    /// Waits (at most `limit`) until `done` holds; whether it did.
    pub fn wait_for(&self, limit: Duration, done: impl Fn(&Service) -> bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            if done(&self.service) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        done(&self.service)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
