//! The record: everything the runner enters or does, kept on the phone and
//! safe across crashes (source of the requirements: issue 6).
//!
//! # Layout
//! A data folder the app provides holds one file per kind of record:
//! `check_ins.jsonl`, `runs.jsonl`, `sessions.jsonl` (append-only logs) and
//! `profile.jsonl`, `settings.jsonl`, `paired_sensor.jsonl` (one document
//! each), plus `store.jsonl`, the manifest, and `quarantine/`. Every line is
//! `<crc32 hex> <json>`; the first line of each file is a header with its
//! role and schema version.
//!
//! # Why an append log
//! Saving a check-in appends one line and syncs it: the cost does not grow
//! with years of history, and a crash can at worst leave a cut-off last line,
//! which its checksum gives away. Documents are small and change in place,
//! so they are replaced whole: temp file, fsync, rename, fsync the folder.
//! Either way a write is complete or absent once the call returns.
//!
//! # Damage
//! On open, every line is checked, dates included (`crate::calendar`). Damaged
//! lines and cut-off tails are copied to `quarantine/` first (once: a
//! repeated repair reuses the copy), then the file is rewritten without
//! them, and a [`StoreWarning`] says what was set aside. A store from a
//! newer build, or at a schema version with no migration, is refused with a
//! [`StoreError`] and not touched. A store that cannot be repaired or
//! written (full disk, read-only folder) opens read-only with a warning.
//!
//! # The disk
//! Every file step goes through the [`Disk`] trait ([`OsDisk`] in
//! production), so that tests can cut the power at any step of a simulated
//! disk. The store touches only the files it names, and follows no link out
//! of its folder. Import is staged and committed atomically (`import`).
//!
//! # Concurrency
//! [`Store`] is `Send + Sync`; one mutex orders all writes, and the
//! read-modify-write of documents happens under it (`update_settings`,
//! `update_profile`), so no update is lost. Another process is kept out by
//! an advisory lock held while the store is open, and a second open in the
//! same process is refused as such (`lock`).
//!
//! The store does I/O but reads no clock: dates and ids come in with the
//! records.

mod checksum;
mod completed_run;
pub mod disk;
mod durable;
mod error;
mod import;
mod kept_run;
mod line;
mod load;
mod lock;
mod open_store;
mod quarantine;
mod records;
mod run_checkpoint;
mod run_marks;
mod schema;

pub use completed_run::RunLine;
pub use disk::{Disk, OsDisk};
pub use error::{StoreError, StoreWarning};
pub use import::{COMMIT_MARK, STAGED_SUFFIX};
pub use load::Persisted;
pub use lock::LOCK_FILE;
pub use open_store::Store;
pub use quarantine::QUARANTINE_DIR;
pub use records::{
    CadencePoint, DistanceUnit, MAX_CADENCE_SPM, MINUTES_PER_DAY, Outcome, PairedSensor,
    ProfileState, RecordError, Records, RunSummary, SessionOutcome, Settings, TRACE_BUCKET_S,
    downsample_trace,
};
pub use run_checkpoint::RUN_CHECKPOINT_FILE;
pub use run_marks::{AlertKind, AlertMark, CheckInMark, RunMarks, SegmentSpan};
pub use schema::{FileKind, Migration, SCHEMA_VERSION};

#[cfg(test)]
mod tests;
