//! `disclint server`: the language server ([`crate::lsp`]) on standard input
//! and output. A configuration named with `--config` is loaded (and a bad
//! one stops it) before the client connects; problems later on are the
//! client's to show, and the error stream is the editor's log.

use std::io::Write;
use std::time::Duration;

use super::args::ServerArgs;
use crate::lsp::{run, Connection, ServerOptions};

/// `disclint server`: returns the exit code (0 after the client's
/// `shutdown` and `exit`, 1 when the session ended otherwise).
pub fn server(args: &ServerArgs, err: &mut dyn Write) -> i32 {
    let config_args = &args.setup.config_args;
    let fixed = config_args.config.is_some() || config_args.no_config;
    let options = ServerOptions {
        lang: args.lang,
        packs: args.setup.packs.clone(),
        config: fixed.then(|| args.setup.config.clone()),
        debounce: Duration::from_millis(args.debounce),
        linter: None,
    };
    let (connection, io_threads) = Connection::stdio();
    let outcome = run(connection, options);
    // The writer finishes sending what is queued once the connection is
    // dropped (inside `run`); the reader ends at `exit`.
    let joined = io_threads.join();
    match (outcome, joined) {
        (Ok(()), _) => 0,
        (Err(error), _) => {
            let _ = writeln!(err, "disclint server: {error}");
            1
        }
    }
}
