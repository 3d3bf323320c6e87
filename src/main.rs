//! The `disclint` binary: everything happens in [`disclint::cli::run`].

fn main() {
    let code = disclint::cli::run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(code);
}
