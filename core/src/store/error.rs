//! What can go wrong with the store: errors that stop an operation, and
//! warnings that say what could not be read while the store still opened.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use serde::Serialize;
use thiserror::Error;

use super::record_error::RecordError;

/// An operation on the store that could not be done. A write that fails
/// changed nothing: its transaction was rolled back, and the records in
/// memory are as they were.
#[derive(Debug, Error)]
pub enum RecordStoreError {
    #[error("{path}: {source}", path = path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Something other than a regular file (a named pipe, a device) sits
    /// where the store keeps a file of its own; the store refuses it rather
    /// than wait on it forever.
    #[error(
        "{path}: {found}, not a regular file, is where the store keeps a file of its own; \
         move it out of the data folder and try again. Nothing was changed.",
        path = path.display()
    )]
    NotRegularFile { path: PathBuf, found: &'static str },
    #[error(
        "{dir}: the store is open in another process; close it there first",
        dir = dir.display()
    )]
    Locked { dir: PathBuf },
    #[error(
        "{dir}: the store is already open in this process; use the store that is open \
         (or drop it before opening again)",
        dir = dir.display()
    )]
    AlreadyOpen { dir: PathBuf },
    #[error(
        "{dir}: the store is open read-only ({reason}); nothing can be saved until that is fixed",
        dir = dir.display()
    )]
    ReadOnly { dir: PathBuf, reason: String },
    /// The database file is not an SQLite database, or SQLite found it
    /// damaged. Nothing is written to it.
    #[error(
        "{path}: not a readable Patella record ({detail}); move the file out of the data \
         folder and restore a backup, or ask for help. Nothing was changed.",
        path = path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    /// The disk is full (SQLITE_FULL): the write was rolled back.
    #[error(
        "{path}: {doing}: the disk is full; free some space and try again. Nothing was saved.",
        path = path.display()
    )]
    DiskFull { path: PathBuf, doing: &'static str },
    /// The disk failed a read or a write (SQLITE_IOERR).
    #[error(
        "{path}: {doing}: the disk failed ({detail}); nothing was changed",
        path = path.display()
    )]
    DiskIo {
        path: PathBuf,
        doing: &'static str,
        detail: String,
    },
    /// Any other failure of the database, naming what was being done.
    #[error("{path}: {doing}: {detail}", path = path.display())]
    Database {
        path: PathBuf,
        doing: &'static str,
        detail: String,
    },
    #[error(
        "{file}: written by a newer Patella (schema version {found}, this build reads up to \
         {supported}); update the app. Nothing was changed."
    )]
    SchemaFromFuture {
        file: String,
        found: u32,
        supported: u32,
    },
    /// A JSON-lines file of an older build at a schema version this build
    /// cannot read.
    #[error(
        "{file}: schema version {found} is not one this build knows how to read or migrate \
         (it reads {supported}). Nothing was changed."
    )]
    UnsupportedSchema {
        file: String,
        found: u32,
        supported: u32,
    },
    #[error("{file}: the header names it as {found:?}, not {expected:?}. Nothing was changed.")]
    WrongFile {
        file: String,
        found: String,
        expected: String,
    },
    #[error("encoding a record: {0}")]
    Encode(#[from] serde_json::Error),
    #[error(transparent)]
    Invalid(#[from] RecordError),
    #[error("import: the store already holds records; import only into an empty store")]
    NotEmpty,
    #[error("import: {0}; nothing was imported")]
    ImportInvalid(String),
    #[error("the store is unusable after a failure in another thread; reopen it")]
    Poisoned,
}

/// Something the store could not read while opening. It opened anyway,
/// with everything else intact; nothing unreadable was deleted.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StoreWarning {
    /// Records that failed their checksum or could not be read: lines of
    /// an older build's JSON-lines file (kept in the folder they were moved
    /// to), or rows of the database (left in it). They are missing from
    /// the history until recovered by hand.
    #[error(
        "{file}: {count} damaged record(s) at {lines:?} left out (kept in {kept_in})",
        count = lines.len(),
        kept_in = kept_in.display()
    )]
    DamagedRecords {
        file: String,
        /// 1-based line numbers, or the rows' `seq`.
        lines: Vec<usize>,
        reasons: Vec<String>,
        kept_in: PathBuf,
    },
    /// The data folder or the database cannot be written (a read-only
    /// folder or file): the store opened read-only with everything that
    /// could be read, and every write is refused until it is reopened
    /// after the cause is fixed.
    #[error("the store opened read-only: {reason}; nothing can be saved until that is fixed")]
    ReadOnly { reason: String },
    /// An older build's JSON-lines files are still in the data folder and
    /// were not read: the database already holds a record they were not
    /// moved into, or they could not be moved aside after being read.
    #[error("{reason}")]
    LegacyFilesLeft { reason: String },
}

/// Turns an SQLite error into the store's, naming what was being done.
pub fn from_sqlite<'a>(
    db: &'a Path,
    doing: &'static str,
) -> impl Fn(rusqlite::Error) -> RecordStoreError + 'a {
    move |e| {
        let path = db.to_path_buf();
        let detail = e.to_string();
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => RecordStoreError::DiskFull { path, doing },
            Some(ErrorCode::SystemIoFailure) => RecordStoreError::DiskIo {
                path,
                doing,
                detail,
            },
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                RecordStoreError::Damaged { path, detail }
            }
            _ => RecordStoreError::Database {
                path,
                doing,
                detail,
            },
        }
    }
}
