//! The database's tables and the numbered migrations that build them.
//!
//! `PRAGMA user_version` says how many of [`MIGRATIONS`] a database has had.
//! Opening applies the missing ones in order, all in one transaction, so a
//! crash part-way leaves the database as it was. A database whose version
//! is higher than this build knows was written by a newer Patella: it is
//! refused before anything is written to it.
//!
//! Each row keeps its record as serde JSON in `json`, the one source the
//! store reads back (full fidelity, and a record's new optional fields need
//! no migration); a run's cadence trace alone is kept packed in `trace`:
//! as JSON, its numbers were most of the time taken to open five years of
//! runs. The other columns are copies taken out for the database's own
//! checks (unique run ids, pain scores 0-10, dates within
//! `crate::calendar`'s range) and for the write order (`seq`), which
//! [`Records`](super::Records) keeps.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::error::RecordStoreError;
use super::error::from_sqlite;
use super::folder::DB_FILE;

/// The version of the records' own shapes (their JSON), which a backup
/// carries. It changes only when a persisted shape changes, not with the
/// database's layout.
pub const SCHEMA_VERSION: u32 = 1;

/// The database layout's steps, in order: a database at `user_version` n
/// has had the first n. Never edit a released step; add one.
pub const MIGRATIONS: &[&str] = &[
    // 1: the first database layout (the JSON-lines files before it are
    // read once by `legacy_migration`).
    r"
    CREATE TABLE runs (
        id TEXT PRIMARY KEY NOT NULL CHECK (length(trim(id)) > 0),
        seq INTEGER NOT NULL UNIQUE,
        started_at TEXT NOT NULL CHECK (
            started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*'
            AND date(substr(started_at, 1, 10)) = substr(started_at, 1, 10)
            AND substr(started_at, 1, 10) BETWEEN '1970-01-01' AND '2199-12-31'),
        duration_s INTEGER NOT NULL CHECK (duration_s > 0),
        distance_m INTEGER NOT NULL CHECK (distance_m >= 0),
        -- The run without its cadence trace, which is `trace`.
        json TEXT NOT NULL,
        -- The cadence trace, packed (see `rows::trace_bytes`).
        trace BLOB NOT NULL CHECK (length(trace) % 12 = 0)
    );
    CREATE TABLE check_ins (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        taken_at TEXT NOT NULL CHECK (
            taken_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*'
            AND date(substr(taken_at, 1, 10)) = substr(taken_at, 1, 10)
            AND substr(taken_at, 1, 10) BETWEEN '1970-01-01' AND '2199-12-31'),
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
        -- The run it was taken during, when kept with that run.
        run_id TEXT REFERENCES runs (id),
        json TEXT NOT NULL
    );
    CREATE TABLE sessions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        date TEXT NOT NULL CHECK (
            date(date) = date AND date BETWEEN '1970-01-01' AND '2199-12-31'),
        session_id TEXT NOT NULL CHECK (length(trim(session_id)) > 0),
        outcome TEXT NOT NULL CHECK (outcome IN ('done', 'skipped')),
        -- The run that fulfilled it, when kept with that run.
        run_id TEXT REFERENCES runs (id),
        json TEXT NOT NULL
    );
    -- The profile, the settings and the paired sensor: one row each, or
    -- none while unset.
    CREATE TABLE documents (
        name TEXT PRIMARY KEY NOT NULL
            CHECK (name IN ('profile', 'settings', 'paired_sensor')),
        json TEXT NOT NULL
    );
    -- The checkpoint of the run under way: at most one row.
    CREATE TABLE live_run (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        json TEXT NOT NULL
    );
    -- Facts about the database itself (e.g. where the JSON-lines files it
    -- was made from were moved).
    CREATE TABLE meta (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    );
    ",
    // 2: run checkpoints that could not be brought back, kept as found
    // (issue 19, defect 6) rather than overwritten by the next run.
    r"
    CREATE TABLE set_aside_checkpoints (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        reason TEXT NOT NULL,
        json TEXT NOT NULL
    );
    ",
];

/// The `user_version` a database has once every step of `steps` is applied.
fn version_of(steps: &[&str]) -> u32 {
    u32::try_from(steps.len()).unwrap_or(u32::MAX)
}

/// The database's `user_version`.
pub fn version(conn: &Connection, db: &Path) -> Result<u32, RecordStoreError> {
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(from_sqlite(db, "reading the schema version"))?;
    // A negative version is no version this build wrote.
    Ok(u32::try_from(found).unwrap_or(u32::MAX))
}

/// Refuses a database from a newer build; nothing is written.
pub fn check_not_from_future(found: u32, steps: &[&str]) -> Result<(), RecordStoreError> {
    let supported = version_of(steps);
    if found > supported {
        return Err(RecordStoreError::SchemaFromFuture {
            file: DB_FILE.to_owned(),
            found,
            supported,
        });
    }
    Ok(())
}

/// Applies the steps a database at `found` has not had, in one transaction.
pub fn migrate(
    conn: &mut Connection,
    db: &Path,
    found: u32,
    steps: &[&str],
) -> Result<(), RecordStoreError> {
    check_not_from_future(found, steps)?;
    let target = version_of(steps);
    if found == target {
        return Ok(());
    }
    let fail = from_sqlite(db, "migrating the database");
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(&fail)?;
    for step in steps.iter().skip(found as usize) {
        tx.execute_batch(step).map_err(&fail)?;
    }
    // The version moves in the same transaction as the steps it counts.
    tx.pragma_update(None, "user_version", target)
        .map_err(&fail)?;
    tx.commit().map_err(fail)
}
