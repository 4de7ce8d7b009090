//! The `glose` binary: parse arguments, dispatch, map errors to exit codes.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match glose::cli::Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version to standard output (exit 0), usage errors to standard
        // error through the sanitizer (exit 2): clap quotes the arguments it rejects.
        Err(e) => return glose::cli::print_clap(&e),
    };
    glose::cli::run(cli)
}
