//! The open store: the database connection and the records it holds, kept
//! in memory, under one mutex. Every write is one transaction, committed
//! (synced) before the records in memory change, so memory never shows what
//! the disk may not have.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, Transaction};
use serde_json::Value;

use super::database::{self, Opened};
use super::error::from_sqlite;
use super::error::{RecordStoreError, StoreWarning};
use super::folder::DB_FILE;
use super::folder::{self, io_err};
use super::legacy;
use super::legacy_migration;
use super::load::{self, Loaded};
use super::open_here::{self, OpenHere};
use super::persisted::Persisted;
use super::record_error::RecordError;
use super::record_set::Records;
use super::records::{PairedSensor, ProfileState, RunRecord, SessionRecord};
use super::rows;
use super::schema;
use crate::pain::CheckIn;
use crate::settings::Settings;

/// A store open on one data folder. `Send + Sync`: share it (e.g. in an
/// `Arc`) between the app and its background tasks; writes are serialized
/// and none is lost.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    pub(super) db: PathBuf,
    warnings: Vec<StoreWarning>,
    inner: Mutex<StoreState>,
    // Last: the folder leaves this process's list only once the connection
    // (in `inner`) is closed.
    _open_here: OpenHere,
}

#[derive(Debug)]
pub(super) struct StoreState {
    pub(super) records: Records,
    /// The live run's checkpoint, or why it does not read back.
    pub(super) checkpoint: Result<Option<Value>, String>,
    /// Where writes go, or why none may be made.
    pub(super) conn: Result<Connection, String>,
}

impl Store {
    /// Opens (creating if needed) the store in `dir`.
    ///
    /// An older build's JSON-lines files in `dir` are moved into the
    /// database first (see `legacy_migration`). Records that cannot be
    /// read are left out and reported in [`Store::warnings`]; the store
    /// opens with everything else. A database written by a newer build is
    /// refused and left untouched; a file that is not a database is refused
    /// ([`RecordStoreError::Damaged`]). A folder or database that may not be
    /// written opens read-only, with a warning. Opening a folder already
    /// open in this process is refused with [`RecordStoreError::AlreadyOpen`],
    /// one open in another process with [`RecordStoreError::Locked`].
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, RecordStoreError> {
        Self::open_with(dir.as_ref(), schema::MIGRATIONS)
    }

    pub(crate) fn open_with(dir: &Path, steps: &[&str]) -> Result<Self, RecordStoreError> {
        folder::ensure_dir(dir, false).map_err(io_err(dir))?;
        let open_here = open_here::register(dir)?;
        let db = dir.join(DB_FILE);
        let mut warnings = Vec::new();
        let (loaded, conn) = match database::open(dir, steps)? {
            Opened::Writable(mut conn, found) => {
                schema::migrate(&mut conn, &db, found, steps)?;
                warnings.extend(legacy_migration::settle(&mut conn, dir, &db)?);
                (load::load(&conn, &db)?, Ok(conn))
            }
            Opened::ReadOnly(conn, reason) => {
                let loaded = match conn {
                    Some(conn) => load::load(&conn, &db)?,
                    None => read_legacy_in_place(dir)?,
                };
                warnings.push(StoreWarning::ReadOnly {
                    reason: reason.clone(),
                });
                (loaded, Err(reason))
            }
        };
        warnings.extend(loaded.warnings);
        Ok(Self {
            dir: dir.to_path_buf(),
            db,
            warnings,
            inner: Mutex::new(StoreState {
                records: loaded.records,
                checkpoint: loaded.checkpoint,
                conn,
            }),
            _open_here: open_here,
        })
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What could not be read when the store opened, and whether it opened
    /// read-only.
    pub fn warnings(&self) -> &[StoreWarning] {
        &self.warnings
    }

    pub(super) fn inner(&self) -> Result<MutexGuard<'_, StoreState>, RecordStoreError> {
        self.inner.lock().map_err(|_| RecordStoreError::Poisoned)
    }

    /// Whether the store takes writes (it opened read-only otherwise).
    pub fn is_writable(&self) -> bool {
        self.inner().is_ok_and(|inner| inner.conn.is_ok())
    }

    /// Refuses a write to a store that opened read-only.
    pub(super) fn check_writable(&self, inner: &StoreState) -> Result<(), RecordStoreError> {
        match &inner.conn {
            Ok(_) => Ok(()),
            Err(reason) => Err(RecordStoreError::ReadOnly {
                dir: self.dir.clone(),
                reason: reason.clone(),
            }),
        }
    }

    /// Runs `write` in one transaction and commits it; nothing of it stays
    /// if it fails. The caller changes the records in memory only after.
    pub(super) fn write<R>(
        &self,
        inner: &mut StoreState,
        doing: &'static str,
        write: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<R>,
    ) -> Result<R, RecordStoreError> {
        let conn = match &mut inner.conn {
            Ok(conn) => conn,
            Err(reason) => {
                return Err(RecordStoreError::ReadOnly {
                    dir: self.dir.clone(),
                    reason: reason.clone(),
                });
            }
        };
        let fail = from_sqlite(&self.db, doing);
        let tx = conn.transaction().map_err(&fail)?;
        let out = write(&tx).map_err(&fail)?;
        tx.commit().map_err(fail)?;
        Ok(out)
    }

    /// A copy of everything the store holds.
    pub fn records(&self) -> Result<Records, RecordStoreError> {
        Ok(self.inner()?.records.clone())
    }

    /// Runs `view` over the records without copying them.
    pub fn with_records<R>(&self, view: impl FnOnce(&Records) -> R) -> Result<R, RecordStoreError> {
        Ok(view(&self.inner()?.records))
    }

    /// Saves a pain check-in. Once this returns `Ok`, it survives a crash.
    /// The same check-in saved again (an app retrying) is kept once.
    pub fn add_check_in(&self, check_in: &CheckIn) -> Result<(), RecordStoreError> {
        check_in.check()?;
        let mut inner = self.inner()?;
        if inner.records.check_ins.iter().rev().any(|c| c == check_in) {
            return Ok(());
        }
        self.write(&mut inner, "saving a check-in", |tx| {
            rows::insert_check_in(tx, check_in, None)
        })?;
        inner.records.check_ins.push(check_in.clone());
        Ok(())
    }

    /// Saves a run summary. The same run saved again is kept once; another
    /// run with the same id is refused.
    pub fn add_run(&self, run: &RunRecord) -> Result<(), RecordStoreError> {
        self.keep_run(run, &[], None, false)
    }

    /// Saves a session marked done or skipped. The same outcome saved
    /// again straight after is kept once.
    pub fn add_session_outcome(&self, outcome: &SessionRecord) -> Result<(), RecordStoreError> {
        outcome.check()?;
        let mut inner = self.inner()?;
        if repeats_latest(&inner.records.sessions, outcome) {
            return Ok(());
        }
        self.write(&mut inner, "saving a session outcome", |tx| {
            rows::insert_session(tx, outcome, None)
        })?;
        inner.records.sessions.push(outcome.clone());
        Ok(())
    }

    /// Replaces the profile and plan state.
    pub fn set_profile(&self, profile: &ProfileState) -> Result<(), RecordStoreError> {
        self.update_profile(|_| profile.clone()).map(|_| ())
    }

    /// Changes the profile and plan state from its current value, with no
    /// other write slipping in between.
    pub fn update_profile(
        &self,
        change: impl FnOnce(Option<&ProfileState>) -> ProfileState,
    ) -> Result<ProfileState, RecordStoreError> {
        let mut inner = self.inner()?;
        self.check_writable(&inner)?;
        let next = change(inner.records.profile.as_ref());
        self.write(&mut inner, "saving the profile", |tx| {
            rows::put_document(tx, rows::PROFILE, Some(&next))
        })?;
        inner.records.profile = Some(next.clone());
        Ok(next)
    }

    /// Replaces the settings.
    pub fn set_settings(&self, settings: &Settings) -> Result<(), RecordStoreError> {
        self.update_settings(|s| *s = settings.clone()).map(|_| ())
    }

    /// Changes the settings in place, with no other write slipping in
    /// between; returns the new settings.
    pub fn update_settings(
        &self,
        change: impl FnOnce(&mut Settings),
    ) -> Result<Settings, RecordStoreError> {
        let mut inner = self.inner()?;
        self.check_writable(&inner)?;
        let mut next = inner.records.settings.clone();
        change(&mut next);
        next.validate().map_err(RecordError::from)?;
        self.write(&mut inner, "saving the settings", |tx| {
            rows::put_document(tx, rows::SETTINGS, Some(&next))
        })?;
        inner.records.settings = next.clone();
        Ok(next)
    }

    /// Records the paired sensor, or forgets it with `None`.
    pub fn set_paired_sensor(&self, sensor: Option<&PairedSensor>) -> Result<(), RecordStoreError> {
        if let Some(s) = sensor {
            s.check()?;
        }
        let mut inner = self.inner()?;
        self.write(&mut inner, "saving the paired sensor", |tx| {
            rows::put_document(tx, rows::PAIRED_SENSOR, sensor)
        })?;
        inner.records.paired_sensor = sensor.cloned();
        Ok(())
    }

    /// Makes every later write fail as a write the database cannot make
    /// (`query_only`), or lifts that: the journal's tests prove that such a
    /// failure changes neither the record nor memory. Only with the
    /// `fault-injection` feature, which only the core's own tests turn on.
    #[cfg(feature = "fault-injection")]
    #[doc(hidden)]
    pub fn refuse_writes(&self, refuse: bool) -> Result<(), RecordStoreError> {
        let inner = self.inner()?;
        match inner.conn.as_ref() {
            Ok(conn) => conn.pragma_update(None, "query_only", refuse).map_err(|e| {
                RecordStoreError::Database {
                    path: self.dir.clone(),
                    doing: "refusing writes",
                    detail: e.to_string(),
                }
            }),
            Err(_) => Ok(()),
        }
    }

    #[cfg(test)]
    pub(crate) fn with_connection<R>(&self, f: impl FnOnce(&Connection) -> R) -> Option<R> {
        let inner = self.inner().ok()?;
        inner.conn.as_ref().ok().map(f)
    }
}

/// Whether `outcome` is already its session's latest: a second row would
/// say nothing new, and a backup holding it could not be imported.
pub(super) fn repeats_latest(sessions: &[SessionRecord], outcome: &SessionRecord) -> bool {
    sessions
        .iter()
        .rev()
        .find(|s| s.date == outcome.date && s.session_id == outcome.session_id)
        == Some(outcome)
}

/// An older build's record read where it lies, for a folder that may not
/// be written (so no database can be made there); nothing at all if there
/// is none.
fn read_legacy_in_place(dir: &Path) -> Result<Loaded, RecordStoreError> {
    let names = legacy_migration::names(dir);
    if !legacy::present(&names) {
        return Ok(Loaded {
            records: Records::default(),
            checkpoint: Ok(None),
            warnings: Vec::new(),
        });
    }
    let old = legacy::read(dir, &names, dir)?;
    Ok(Loaded {
        records: old.records(),
        checkpoint: Ok(old.checkpoint.clone()),
        warnings: old.warnings,
    })
}
