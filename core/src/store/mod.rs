//! The record: everything the runner enters or does, kept on the phone and
//! safe across crashes (source of the requirements: issue 6).
//!
//! # Layout
//! One SQLite database, `record.sqlite3`, in a data folder the app
//! provides: a table per log (`check_ins`, `runs`, `sessions`, in the order
//! written), `documents` (profile, settings, paired sensor), `live_run`
//! (the checkpoint of the run under way) and `meta` (see `schema`). Each
//! row keeps its record as JSON; the columns beside it let the database
//! check what it holds (unique run ids, pain scores 0-10, dates within
//! `crate::calendar`'s range, check-ins and sessions kept with a run
//! pointing at it).
//!
//! # Why SQLite
//! A write is one transaction: SQLite's atomic commit makes it complete or
//! absent after a crash or a power cut, and `synchronous = FULL` syncs it
//! before the call returns. The write-ahead log (`journal_mode = WAL`)
//! appends each commit, so saving a check-in costs the same after years
//! of history. Keeping a finished run (its check-ins, its session, the end
//! of its checkpoint) and importing a backup are each one transaction too.
//! SQLite checks its own pages; a file that is not a database, or is
//! damaged, is refused with a [`RecordStoreError`], never read as empty.
//!
//! # Opening
//! The database is locked for one process (`locking_mode = EXCLUSIVE`,
//! taken at open with a busy timeout of 0): another process is refused at
//! once, and a second open in this process is told so (`open_here`). The
//! schema is brought up to date by numbered migrations (`PRAGMA
//! user_version`), in one transaction; a database from a newer build is
//! refused untouched. An older build's JSON-lines files are moved into the
//! database once and then into a `legacy-jsonl-…` folder beside it, never
//! deleted (`legacy_migration`). Then every record is read into memory and
//! checked; one that does not read back is left out with a
//! [`StoreWarning`]. A folder or database that may not be written opens
//! read-only, with a warning.
//!
//! # Concurrency
//! [`Store`] is `Send + Sync`; one mutex orders all writes, and the
//! read-modify-write of documents happens under it (`update_settings`,
//! `update_profile`), so no update is lost. The records in memory change
//! only after a commit succeeded.
//!
//! The store does I/O but reads no clock (but for naming the folder the
//! old files are moved to): dates and ids come in with the records.

mod completed_run;
mod database;
mod error;
mod folder;
mod import;
mod kept_run;
mod legacy;
mod legacy_migration;
mod load;
mod open_here;
mod open_store;
mod persisted;
mod record_error;
mod record_set;
mod records;
mod rows;
mod run_checkpoint;
mod run_marks;
mod schema;

pub use crate::settings::{DistanceUnit, MINUTES_PER_DAY, Settings};
pub use error::{RecordStoreError, StoreWarning};
pub use folder::DB_FILE;
pub use open_store::Store;
pub use persisted::Persisted;
pub use record_error::{MAX_CADENCE_SPM, RecordError};
pub use record_set::Records;
pub use records::{
    CadencePoint, Outcome, PairedSensor, ProfileState, RunRecord, SessionRecord, TRACE_BUCKET_S,
    downsample_trace,
};
pub use run_marks::{AlertKind, AlertMark, CheckInMark, RunMarks, SegmentSpan};
pub use schema::{MIGRATIONS, SCHEMA_VERSION};

#[cfg(test)]
mod tests;
