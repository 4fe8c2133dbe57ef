//! The record across the FFI: open a store in a folder the app gives, see
//! what could not be read on open, and move the record by backup. Check-ins
//! and runs come in through the coach and the run session.
//!
//! The store itself is already `Send + Sync`; this object wraps it with its
//! journal (`crate::journal`), through which every write goes: the
//! coach, the run session and this object's own writes share it.

use std::sync::Arc;

use crate::export;
use crate::journal::{Journal, JournalError};
use crate::store as core_store;

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

/// Reading the record back, for the facade's tests: the apps see it only
/// through the screens.
#[cfg(test)]
impl RecordStore {
    /// Every run, as kept.
    pub(crate) fn runs(&self) -> Result<Vec<core_store::RunRecord>, StoreError> {
        self.records_view(|r| r.runs.clone())
    }

    /// Every check-in, oldest first as kept.
    pub(crate) fn check_ins(&self) -> Result<Vec<crate::pain::CheckIn>, StoreError> {
        self.records_view(|r| r.check_ins.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ffi::coach::Coach;
    use crate::ffi::pain::{CheckInEntry, CheckInMoment, PainLocation};

    fn check_in(score: i64) -> CheckInEntry {
        CheckInEntry {
            taken_at: "2026-11-22T07:30:00".into(),
            score,
            moment: CheckInMoment::NextMorning,
            quality: None,
            location: Some(PainLocation::AroundOrBehindKneecap),
            red_flags: vec![],
        }
    }

    /// A store in `dir` holding a profile and a check-in of each of `scores`,
    /// recorded through the coach as the apps do.
    fn with_check_ins(dir: &str, scores: &[i64]) -> Arc<RecordStore> {
        let store = RecordStore::open(dir.to_owned()).expect("opens");
        let coach = Coach::open(store.clone()).expect("coach opens");
        coach
            .save_profile(crate::ffi::coach::tests::runner(), "2026-11-16".into())
            .expect("profile saved");
        for score in scores {
            coach.record_check_in(check_in(*score)).expect("recorded");
        }
        store
    }

    fn scores(store: &RecordStore) -> Vec<u8> {
        store
            .records_view(|r| r.check_ins.iter().map(|c| c.score).collect())
            .expect("read")
    }

    #[test]
    fn damage_on_open_comes_back_as_warning_records() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().to_string_lossy().into_owned();
        drop(with_check_ins(&dir, &[2, 3]));
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
        assert_eq!(scores(&store), vec![2]);
    }

    #[test]
    fn a_backup_moves_the_record_to_a_new_folder() {
        let a = tempfile::tempdir().expect("tempdir");
        let b = tempfile::tempdir().expect("tempdir");
        let source = with_check_ins(&a.path().to_string_lossy(), &[5]);
        let target = RecordStore::open(b.path().to_string_lossy().into_owned()).expect("opens");
        target
            .import_backup(source.export_backup().expect("export"))
            .expect("import");
        assert_eq!(scores(&target), scores(&source));
        assert_eq!(scores(&target), vec![5]);
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
}
