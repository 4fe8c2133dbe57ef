//! Shared output plumbing: the CLI's error type, JSON printing, and what
//! happens when standard output is closed.
//!
//! `patella history | head` closes the pipe after ten lines. Rust's own
//! `println!` panics on the failed write; every subcommand prints through
//! [`write_stdout`] instead (main.rs routes `print!` and `println!` here),
//! which notes the closed pipe and drops further output. A short command
//! then finishes quietly; a long-running one (`sensor watch`) asks
//! [`stdout_closed`] and stops, disconnecting its sensor on the way out.

use std::io::{ErrorKind, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

/// Anything a subcommand can fail with, already worded for the terminal.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Invalid(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("JSON output: {0}")]
    Json(#[from] serde_json::Error),
}

static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether whoever read standard output has gone away (a closed pipe).
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}

/// Writes to standard output; after the reader has gone, writes nothing.
/// Any other failure to write is reported once on stderr and also ends
/// the output, since the lines after it would be out of context.
pub fn write_stdout(args: std::fmt::Arguments<'_>) {
    if stdout_closed() {
        return;
    }
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.flush()) {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
        if e.kind() != ErrorKind::BrokenPipe {
            eprintln!("patella: standard output: {e}");
        }
    }
}

/// Prints `value` as pretty JSON on stdout.
pub fn print_json<T: Serialize>(value: &T) -> Result<(), CliError> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}
