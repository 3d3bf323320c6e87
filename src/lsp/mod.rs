//! `disclint server`: the language server, so that an editor shows the
//! findings as a report is written and offers their fixes.
//!
//! It speaks the Language Server Protocol over any [`Connection`] (standard
//! input and output for `disclint server`, an in-memory pair in tests), as
//! Ruff's `ruff server` does, and checks nothing itself: each document is
//! read as `check` reads a file ([`documents`]), linted by the [`Linter`] of
//! its nearest `disclint.toml` ([`settings`]), and its findings turned into
//! protocol diagnostics that carry their own fixes ([`diagnostics`]).
//!
//! - [`session`]: the handshake and the loop over the client's messages.
//! - [`encoding`]: the negotiated position encoding and the conversion of
//!   byte offsets to protocol positions and back, through
//!   [`LineIndex`](crate::line_index::LineIndex).
//! - [`documents`]: the open documents, kept in step with incremental edits.
//! - [`checker`]: checks off the loop's thread, debounced, stale ones
//!   skipped, a panic caught.
//! - [`actions`]: code actions (each fix, and "fix all").
//! - [`hover`]: the rule's explanation over a finding.

mod actions;
mod checker;
mod diagnostics;
mod documents;
mod encoding;
mod hover;
mod session;
mod settings;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use lsp_server::Connection;

use crate::config::Config;
use crate::lint::Linter;
use crate::Lang;

/// What the server is started with (`disclint server`'s arguments).
#[derive(Clone)]
pub struct ServerOptions {
    /// The language of messages unless the editor or a document's
    /// configuration sets one.
    pub lang: Lang,
    /// Rule packs loaded after each configuration's own (`--rules`).
    pub packs: Vec<PathBuf>,
    /// One configuration for every document (`--config`, `--no-config`);
    /// `None`: each document's nearest `disclint.toml`, as `check` finds it.
    pub config: Option<Config>,
    /// How long after a change the document is checked, if nothing newer
    /// came in the meantime.
    pub debounce: Duration,
    /// One linter for every document instead of those the configurations
    /// give (for embedders and tests).
    pub linter: Option<Arc<Linter>>,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            lang: Lang::Zh,
            packs: Vec::new(),
            config: None,
            debounce: Duration::from_millis(100),
            linter: None,
        }
    }
}

/// Why the server stopped other than by the client's `shutdown` and `exit`.
#[derive(Debug)]
pub struct ServerError(String);

impl std::fmt::Display for ServerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ServerError {}

/// Serves one client on `connection` until it sends `exit` (or goes away):
/// `Ok` after an orderly `shutdown` and `exit`, else the protocol problem.
pub fn run(connection: Connection, options: ServerOptions) -> Result<(), ServerError> {
    session::Session::start(connection, options)?.run()
}
