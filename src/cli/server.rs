//! `disclint server`: the language server ([`crate::lsp`]) on standard input
//! and the output stream the CLI is given. A configuration named with
//! `--config` is loaded (and a bad one stops it) before the client
//! connects; problems later on are the client's to show, and the error
//! stream is the editor's log.
//!
//! The session runs on its own thread over an in-memory connection; this
//! thread writes what it sends, framed, to the output stream (which `main`
//! holds locked), and a reader thread frames standard input into it.

use std::io::{BufReader, Write};
use std::thread;
use std::time::Duration;

use lsp_server::Message;

use super::args::ServerArgs;
use crate::lsp::{run, Connection, ServerOptions};

/// `disclint server`: returns the exit code (0 after the client's
/// `shutdown` and `exit`, 1 when the session ended otherwise).
pub fn server(args: &ServerArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let config_args = &args.setup.config_args;
    let fixed = config_args.config.is_some() || config_args.no_config;
    let options = ServerOptions {
        lang: args.lang,
        packs: args.setup.packs.clone(),
        config: fixed.then(|| args.setup.config.clone()),
        debounce: Duration::from_millis(args.debounce),
        linter: None,
    };
    let (transport, server_side) = Connection::memory();
    let to_server = transport.sender;
    // Ends at `exit`, at the end of standard input, or when the session is over.
    let reader = thread::Builder::new()
        .name("disclint-stdin".to_owned())
        .spawn(move || {
            let mut stdin = BufReader::new(std::io::stdin());
            while let Ok(Some(message)) = Message::read(&mut stdin) {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if to_server.send(message).is_err() || exit {
                    break;
                }
            }
        });
    if let Err(error) = reader {
        let _ = writeln!(err, "disclint server: {error}");
        return 1;
    }
    let session = thread::spawn(move || run(server_side, options));
    // Until the session drops its end of the connection.
    for message in transport.receiver {
        if message.write(&mut &mut *out).is_err() {
            break;
        }
    }
    match session.join() {
        Ok(Ok(())) => 0,
        Ok(Err(error)) => {
            let _ = writeln!(err, "disclint server: {error}");
            1
        }
        Err(_) => {
            let _ = writeln!(err, "disclint server: the session panicked");
            1
        }
    }
}
