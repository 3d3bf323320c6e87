//! `disclint serve`: the API answers what the command line prints, every
//! limit and fault has its answer, the served process stops gracefully and
//! keeps nothing a client sent, and the page works in a real browser. Each
//! test starts its own service on a free loopback port and sends it real
//! requests.

mod common;

#[path = "serve/api.rs"]
mod api;
#[path = "serve/browser.rs"]
mod browser;
#[path = "serve/faults.rs"]
mod faults;
#[path = "serve/http.rs"]
mod http;
#[path = "serve/process.rs"]
mod process;
#[path = "serve/server.rs"]
mod server;
#[path = "serve/webdriver.rs"]
mod webdriver;
