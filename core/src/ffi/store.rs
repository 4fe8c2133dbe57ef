//! The record across the FFI: open a store in a folder the app gives, write
//! check-ins and runs, read them back, and see what could not be read on
//! open.
//!
//! Dates cross as ISO-8601 strings and are validated here, naming the field.
//! A check-in is the same [`CheckIn`] record the pain and coach facades take,
//! so the app fills one form and hands it to both.
//! The store itself is already `Send + Sync`; this object wraps it with its
//! journal (`crate::journal`), through which every write goes: the
//! coach, the run session and this object's own writes share it.

use std::sync::Arc;

use crate::export;
use crate::journal::{Journal, JournalError};
use crate::store::{self as core_store, RunRecord};

use crate::ffi::dates::{format_date_time, parse_date_time};
use crate::ffi::pain::{CheckIn, PainError};

/// Why a store call failed, worded for the runner or the app's log.
#[derive(Debug, thiserror::Error, uniffi::Error)]
// Flat: the apps get the Display text as the error's message (see ARCHITECTURE.md, "Errors").
#[uniffi(flat_error)]
pub enum StoreError {
    /// A date and time could not be read; the message names the field.
    #[error(
        "{field}: {value:?} is not a usable date and time (like 2026-11-22T07:30:00, in the \
         years 1970-2199)"
    )]
    InvalidDate { field: String, value: String },
    /// A record was refused; nothing was written.
    #[error("{detail}")]
    Invalid { detail: String },
    /// The data folder could not be opened, read or written.
    #[error("{detail}")]
    Storage { detail: String },
}

impl From<core_store::RecordStoreError> for StoreError {
    fn from(err: core_store::RecordStoreError) -> Self {
        match err {
            core_store::RecordStoreError::Invalid(e) => Self::Invalid {
                detail: e.to_string(),
            },
            e @ core_store::RecordStoreError::ImportInvalid(_) => Self::Invalid {
                detail: e.to_string(),
            },
            other => Self::Storage {
                detail: other.to_string(),
            },
        }
    }
}

impl From<JournalError> for StoreError {
    fn from(err: JournalError) -> Self {
        match err {
            JournalError::Store(e) => e.into(),
            other => Self::Invalid {
                detail: other.to_string(),
            },
        }
    }
}

impl From<crate::ffi::dates::DateFieldError> for StoreError {
    fn from(e: crate::ffi::dates::DateFieldError) -> Self {
        Self::InvalidDate {
            field: e.field,
            value: e.value,
        }
    }
}

impl From<PainError> for StoreError {
    fn from(e: PainError) -> Self {
        match e {
            PainError::InvalidDateTime { field, value } => Self::InvalidDate { field, value },
            other => Self::Invalid {
                detail: other.to_string(),
            },
        }
    }
}

/// A run as stored, without its cadence trace (charts come from the
/// progress views). `started_at` is local time, "2026-11-22T07:30:00";
/// `id` is the app's own (a UUID), unique per run.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StoredRun {
    /// The app's own id (a UUID), unique per run.
    pub id: String,
    /// Local start time, "2026-11-22T07:30:00".
    pub started_at: String,
    /// How long the run lasted, in seconds (at least 1).
    pub duration_s: u32,
    /// Distance covered, in metres.
    pub distance_m: u32,
    /// Average cadence in steps per minute, when measured.
    pub average_cadence_spm: Option<f64>,
    /// The cadence target of the run, when it had one.
    pub target_cadence_spm: Option<f64>,
}

impl From<&RunRecord> for StoredRun {
    fn from(r: &RunRecord) -> Self {
        Self {
            id: r.id.clone(),
            started_at: format_date_time(r.started_at),
            duration_s: r.duration_s,
            distance_m: r.distance_m,
            average_cadence_spm: r.average_cadence_spm,
            target_cadence_spm: r.target_cadence_spm,
        }
    }
}

impl StoredRun {
    fn to_core(&self) -> Result<RunRecord, StoreError> {
        Ok(RunRecord {
            id: self.id.clone(),
            started_at: parse_date_time("started_at", &self.started_at)?,
            duration_s: self.duration_s,
            distance_m: self.distance_m,
            average_cadence_spm: self.average_cadence_spm,
            target_cadence_spm: self.target_cadence_spm,
            marks: Default::default(),
            cadence_trace: Vec::new(),
        })
    }
}

/// What the store could not do or read on open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum StoreWarningKind {
    /// Some records could not be read and were left out (and kept).
    DamagedRecords,
    /// The store opened read-only: the folder or database may not be written.
    ReadOnly,
    /// An older app's files are still in the data folder (not read, or
    /// not yet moved aside).
    LegacyFilesLeft,
}

/// One thing found on open; `message` is ready to show.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StoreWarningRecord {
    /// What kind of trouble.
    pub kind: StoreWarningKind,
    /// The file (or database table) it was found in.
    pub file: String,
    /// What happened, ready to show.
    pub message: String,
    /// Where what was left out is kept, for recovery.
    pub quarantined_to: Option<String>,
}

impl From<&core_store::StoreWarning> for StoreWarningRecord {
    fn from(w: &core_store::StoreWarning) -> Self {
        use core_store::StoreWarning as W;
        let (kind, file, kept) = match w {
            W::DamagedRecords { file, kept_in, .. } => {
                (StoreWarningKind::DamagedRecords, file, Some(kept_in))
            }
            W::ReadOnly { .. } => (StoreWarningKind::ReadOnly, &String::new(), None),
            W::LegacyFilesLeft { .. } => (StoreWarningKind::LegacyFilesLeft, &String::new(), None),
        };
        Self {
            kind,
            file: file.clone(),
            message: w.to_string(),
            quarantined_to: kept.map(|p| p.display().to_string()),
        }
    }
}

/// The runner's record, open on one data folder.
#[derive(uniffi::Object)]
pub struct RecordStore {
    store: Arc<core_store::Store>,
    /// The one way into the record, shared with the coach and the run
    /// sessions opened over this store.
    journal: Arc<Journal>,
}

impl RecordStore {
    /// The core store, for reading.
    pub(crate) fn core(&self) -> &core_store::Store {
        &self.store
    }

    /// The record's journal: what the facades write through.
    pub(crate) fn journal(&self) -> &Arc<Journal> {
        &self.journal
    }

    /// Runs `view` over the records, for the other facades over the record.
    pub(crate) fn records_view<R>(
        &self,
        view: impl FnOnce(&core_store::Records) -> R,
    ) -> Result<R, StoreError> {
        Ok(self.store.with_records(view)?)
    }
}

#[uniffi::export]
impl RecordStore {
    /// Opens (creating if needed) the store in `dir`.
    #[uniffi::constructor]
    pub fn open(dir: String) -> Result<Arc<Self>, StoreError> {
        let store = Arc::new(core_store::Store::open(dir)?);
        Ok(Arc::new(Self {
            journal: Arc::new(Journal::new(store.clone())),
            store,
        }))
    }

    /// What could not be read when the store opened.
    pub fn warnings(&self) -> Vec<StoreWarningRecord> {
        self.store
            .warnings()
            .iter()
            .map(StoreWarningRecord::from)
            .collect()
    }

    /// Saves a check-in; once this returns, it survives a crash. A check-in
    /// dated more than a few minutes ahead of now is refused, naming
    /// `taken_at`.
    pub fn add_check_in(&self, check_in: CheckIn) -> Result<(), StoreError> {
        let checkin = check_in.to_core_entered(crate::pain::AHEAD_TOLERANCE_MIN)?;
        Ok(self.journal.enter_check_in(&checkin)?)
    }

    /// Every check-in, oldest first as saved.
    pub fn check_ins(&self) -> Result<Vec<CheckIn>, StoreError> {
        Ok(self
            .store
            .with_records(|r| r.check_ins.iter().map(CheckIn::from).collect())?)
    }

    /// Saves a finished run (without its cadence trace); once this returns,
    /// it survives a crash.
    pub fn add_run(&self, run: StoredRun) -> Result<(), StoreError> {
        Ok(self.journal.enter_run(&run.to_core()?)?)
    }

    /// Every run, as saved.
    pub fn runs(&self) -> Result<Vec<StoredRun>, StoreError> {
        Ok(self
            .store
            .with_records(|r| r.runs.iter().map(StoredRun::from).collect())?)
    }

    /// The whole record as a JSON backup document.
    pub fn export_backup(&self) -> Result<String, StoreError> {
        let records = self.store.records()?;
        export::backup_to_json(&records).map_err(|e| StoreError::Storage {
            detail: e.to_string(),
        })
    }

    /// Restores a JSON backup into this store, which must be empty. A
    /// check-in the backup dates more than a few minutes ahead of now is set
    /// aside and the rest comes in; returns one line for each set aside,
    /// naming it, to show the runner (empty when none was).
    pub fn import_backup(&self, backup: String) -> Result<Vec<String>, StoreError> {
        let mut records = export::backup_from_json(&backup).map_err(|e| StoreError::Invalid {
            detail: e.to_string(),
        })?;
        let set_aside = crate::pain::set_aside_ahead_of_now(
            &mut records.check_ins,
            crate::ffi::wall_clock::local_now(),
            crate::pain::AHEAD_TOLERANCE_MIN,
        );
        self.journal.import_backup(&records)?;
        Ok(set_aside.iter().map(ToString::to_string).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ffi::pain::{CheckInMoment, PainLocation, RedFlag};

    fn check_in(score: i64) -> CheckIn {
        CheckIn {
            taken_at: "2026-11-22T07:30:00".into(),
            score,
            moment: CheckInMoment::NextMorning,
            quality: None,
            location: Some(PainLocation::AroundOrBehindKneecap),
            red_flags: vec![RedFlag::Swelling],
        }
    }

    #[test]
    fn a_check_in_written_is_read_back_after_reopening() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().to_string_lossy().into_owned();
        let store = RecordStore::open(dir.clone()).expect("opens");
        store.add_check_in(check_in(4)).expect("saved");
        let run = StoredRun {
            id: "run-1".into(),
            started_at: "2026-11-22T08:00:00".into(),
            duration_s: 1200,
            distance_m: 3100,
            average_cadence_spm: Some(168.5),
            target_cadence_spm: Some(170.0),
        };
        store.add_run(run.clone()).expect("saved");
        drop(store);
        let store = RecordStore::open(dir).expect("reopens");
        assert!(store.warnings().is_empty());
        assert_eq!(store.check_ins().expect("read"), vec![check_in(4)]);
        assert_eq!(store.runs().expect("read"), vec![run]);
    }

    #[test]
    fn bad_input_names_the_field() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = RecordStore::open(tmp.path().to_string_lossy().into_owned()).expect("opens");
        let err = store
            .add_check_in(CheckIn {
                taken_at: "22/11/2026".into(),
                ..check_in(1)
            })
            .expect_err("bad date");
        assert!(err.to_string().starts_with("taken_at:"), "{err}");
        let err = store.add_check_in(check_in(11)).expect_err("bad score");
        assert!(err.to_string().contains("score"), "{err}");
        let err = store
            .add_check_in(CheckIn {
                red_flags: vec![RedFlag::Swelling, RedFlag::Swelling],
                ..check_in(1)
            })
            .expect_err("repeated flag");
        assert!(err.to_string().contains("red_flags"), "{err}");
        let err = store
            .add_run(StoredRun {
                id: "r1".into(),
                started_at: "2026-11-22 07:30".into(),
                duration_s: 600,
                distance_m: 1500,
                average_cadence_spm: None,
                target_cadence_spm: None,
            })
            .expect_err("bad start");
        assert!(err.to_string().starts_with("started_at:"), "{err}");
    }

    #[test]
    fn damage_on_open_comes_back_as_warning_records() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().to_string_lossy().into_owned();
        let store = RecordStore::open(dir.clone()).expect("opens");
        store.add_check_in(check_in(2)).expect("saved");
        store.add_check_in(check_in(3)).expect("saved");
        drop(store);
        // A row no build writes (edited by hand, say).
        rusqlite::Connection::open(tmp.path().join(core_store::DB_FILE))
            .and_then(|c| c.execute("UPDATE check_ins SET json = '{}' WHERE seq = 2", []))
            .expect("edited");
        let store = RecordStore::open(dir).expect("opens anyway");
        let warnings = store.warnings();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].kind, StoreWarningKind::DamagedRecords);
        assert!(warnings[0].file.contains("check_ins"), "{warnings:?}");
        assert!(
            warnings[0]
                .quarantined_to
                .as_deref()
                .is_some_and(|p| p.ends_with(core_store::DB_FILE))
        );
        assert_eq!(store.check_ins().expect("read"), vec![check_in(2)]);
    }

    #[test]
    fn a_backup_moves_the_record_to_a_new_folder() {
        let a = tempfile::tempdir().expect("tempdir");
        let b = tempfile::tempdir().expect("tempdir");
        let source = RecordStore::open(a.path().to_string_lossy().into_owned()).expect("opens");
        source.add_check_in(check_in(5)).expect("saved");
        let target = RecordStore::open(b.path().to_string_lossy().into_owned()).expect("opens");
        target
            .import_backup(source.export_backup().expect("export"))
            .expect("import");
        assert_eq!(
            target.check_ins().expect("read"),
            source.check_ins().expect("read")
        );
    }

    // Issue 10 ("Smaller"): a second open of the same folder in one process
    // says so, not that another process holds it; once the first is
    // dropped, the folder opens again.
    #[test]
    fn a_second_open_in_the_same_process_says_what_happened() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().to_string_lossy().into_owned();
        let first = RecordStore::open(dir.clone()).expect("opens");
        let Err(err) = RecordStore::open(dir.clone()) else {
            panic!("a second open of an open folder must be refused");
        };
        let text = err.to_string();
        assert!(text.contains("already open in this process"), "{text}");
        assert!(!text.contains("another process"), "{text}");
        drop(first);
        RecordStore::open(dir).expect("opens again once the first is gone");
    }

    // Issue 10, item 9: a far-future date never reaches the store.
    #[test]
    fn a_check_in_dated_far_in_the_future_is_refused_naming_the_field() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = RecordStore::open(tmp.path().to_string_lossy().into_owned()).expect("opens");
        let mut c = check_in(3);
        c.taken_at = "+262142-12-20T07:00:00".into();
        let err = store.add_check_in(c).expect_err("far future");
        assert!(err.to_string().contains("taken_at"), "{err}");
        assert!(store.check_ins().expect("read").is_empty());
    }
}
