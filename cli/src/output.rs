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

use patella_core::store::RecordStoreError;
use serde::Serialize;

/// Exit codes a script can rely on; `patella --help` and docs/cli.md list
/// them. Clap exits with [`USAGE`] by itself for a bad command line.
pub mod exit {
    /// The command did what was asked.
    pub const DONE: u8 = 0;
    /// What was given was wrong: a file's content, a value, a run id, hex.
    pub const BAD_INPUT: u8 = 1;
    /// The command line itself was wrong (clap's own errors).
    pub const USAGE: u8 = 2;
    /// The machine let us down: Bluetooth, a file that cannot be read or
    /// written, a store that is locked or read-only, a full disk.
    pub const DEVICE_OR_IO: u8 = 3;
}

/// Anything a subcommand can fail with, already worded for the terminal.
/// Each variant is one kind of failure, and [`CliError::exit_code`] is the
/// one place that turns a kind into an exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input from the user: a value, a file's content, an id.
    #[error("{0}")]
    Invalid(String),
    /// The command line itself is wrong in a way clap cannot see (an
    /// output file name of a kind the command cannot write).
    #[error("{0}")]
    Usage(String),
    /// A file that could not be read or written.
    #[error("{path}: {source}; check the path and its permissions")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// The Bluetooth adapter or a sensor failed us.
    #[error("{0}")]
    Device(String),
    /// The data folder cannot be written, so what was asked would not be
    /// kept (a run on a read-only record without `--no-keep`).
    #[error("{0}")]
    Unwritable(String),
    /// The data folder refused: its kind decides the exit code.
    #[error(transparent)]
    Store(#[from] RecordStoreError),
    #[error("JSON output: {0}")]
    Json(#[from] serde_json::Error),
}

impl CliError {
    /// The exit code for this kind of failure (see [`exit`]).
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Invalid(_) => exit::BAD_INPUT,
            Self::Usage(_) => exit::USAGE,
            Self::Io { .. } | Self::Device(_) | Self::Unwritable(_) | Self::Json(_) => {
                exit::DEVICE_OR_IO
            }
            Self::Store(err) => match err {
                RecordStoreError::Io { .. }
                | RecordStoreError::Locked { .. }
                | RecordStoreError::AlreadyOpen { .. }
                | RecordStoreError::ReadOnly { .. }
                | RecordStoreError::DiskFull { .. }
                | RecordStoreError::DiskIo { .. }
                | RecordStoreError::Database { .. }
                | RecordStoreError::Poisoned => exit::DEVICE_OR_IO,
                _ => exit::BAD_INPUT,
            },
        }
    }
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
            write_stderr(format_args!("patella: standard output: {e}\n"));
        }
    }
}

/// Writes to standard error, and drops the text when even that fails (a
/// closed terminal): there is nowhere left to say it, and Rust's own
/// `eprintln!` would panic.
pub fn write_stderr(args: std::fmt::Arguments<'_>) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(args).and_then(|()| err.flush());
}

/// Prints `value` as pretty JSON on stdout.
pub fn print_json<T: Serialize>(value: &T) -> Result<(), CliError> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}
