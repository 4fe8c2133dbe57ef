//! What can go wrong with the store: errors that stop an operation, and
//! warnings that say what was lost while the store still opened.

use std::path::PathBuf;

use serde::Serialize;
use thiserror::Error;

use super::records::RecordError;

/// An operation on the store that could not be done.
#[derive(Debug, Error)]
pub enum StoreError {
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
    #[error(
        "{dir}: an import was committed but could not be finished ({reason}); reopen the store \
         to finish it",
        dir = dir.display()
    )]
    ImportUnfinished { dir: PathBuf, reason: String },
    #[error(
        "{file}: written by a newer Patella (schema version {found}, this build reads up to \
         {supported}); update the app. Nothing was changed."
    )]
    SchemaFromFuture {
        file: String,
        found: u32,
        supported: u32,
    },
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
    #[error("{file}: migrating from schema version {from} failed: {reason}")]
    Migration {
        file: String,
        from: u32,
        reason: String,
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

/// Something the store found damaged while opening, and set aside.
///
/// The store opened anyway, with everything else intact. The damaged bytes
/// are kept in `quarantined_to` so that they can be recovered by hand.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StoreWarning {
    /// The file ends part-way through a record: a write was interrupted
    /// (crash or dead battery) before it was acknowledged, or the file was
    /// truncated.
    #[error(
        "{file}: ends part-way through a record; the {bytes} trailing bytes were set aside \
         (kept in {quarantined_to})",
        quarantined_to = quarantined_to.display()
    )]
    CutShort {
        file: String,
        bytes: usize,
        quarantined_to: PathBuf,
    },
    /// Records failed their checksum or could not be read; these are lost
    /// from the history until recovered.
    #[error(
        "{file}: {count} damaged record(s) on line(s) {lines:?} set aside (kept in {quarantined_to})",
        count = lines.len(),
        quarantined_to = quarantined_to.display()
    )]
    DamagedRecords {
        file: String,
        lines: Vec<usize>,
        reasons: Vec<String>,
        quarantined_to: PathBuf,
    },
    /// A file the store had created is gone or empty; what it held is lost
    /// unless a backup has it.
    #[error("{file}: missing or empty; recreated empty, whatever it held is lost")]
    LostFile { file: String },
    /// The store could not be repaired or cannot be written (a full disk,
    /// a read-only folder, a file without write permission): it opened
    /// read-only with everything that could be read, and every write is
    /// refused until it is reopened after the cause is fixed.
    #[error("the store opened read-only: {reason}; nothing can be saved until that is fixed")]
    ReadOnly { reason: String },
    /// An import that had not been committed when the app stopped was
    /// undone: the store holds what it held before.
    #[error("an import interrupted before it completed was undone; import the backup again")]
    ImportUndone,
}
