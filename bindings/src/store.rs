//! The record across the FFI: open a store in a folder the app gives, write
//! check-ins and runs, read them back, and see what was set aside on open.
//!
//! Dates cross as ISO-8601 strings and are validated here, naming the field.
//! The store itself is already `Send + Sync`; this object only wraps it.

use std::sync::Arc;

use chrono::NaiveDateTime;
use patella_core::export;
use patella_core::pain::{CheckIn, CheckInMoment, PainLocation, PainQuality, RedFlag};
use patella_core::store::{self as core_store, RunSummary};

/// Why a store call failed, worded for the runner or the app's log.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum StoreError {
    #[error("{field}: {value:?} is not a date and time like 2026-11-22T07:30:00")]
    InvalidDate { field: String, value: String },
    // `detail`, not `message`: a Kotlin exception already has a `message`.
    #[error("{detail}")]
    Invalid { detail: String },
    #[error("{detail}")]
    Storage { detail: String },
}

impl From<core_store::StoreError> for StoreError {
    fn from(err: core_store::StoreError) -> Self {
        match err {
            core_store::StoreError::Invalid(e) => Self::Invalid {
                detail: e.to_string(),
            },
            other => Self::Storage {
                detail: other.to_string(),
            },
        }
    }
}

const DATE_TIME: &str = "%Y-%m-%dT%H:%M:%S";

fn parse_date_time(field: &str, value: &str) -> Result<NaiveDateTime, StoreError> {
    NaiveDateTime::parse_from_str(value, DATE_TIME).map_err(|_| StoreError::InvalidDate {
        field: field.to_owned(),
        value: value.to_owned(),
    })
}

/// When in the day a stored check-in was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum StoredMoment {
    BeforeRun,
    DuringRun,
    AfterRun,
    NextMorning,
    DuringStrength,
}

impl From<StoredMoment> for CheckInMoment {
    fn from(m: StoredMoment) -> Self {
        match m {
            StoredMoment::BeforeRun => Self::BeforeRun,
            StoredMoment::DuringRun => Self::DuringRun,
            StoredMoment::AfterRun => Self::AfterRun,
            StoredMoment::NextMorning => Self::NextMorning,
            StoredMoment::DuringStrength => Self::DuringStrength,
        }
    }
}

impl From<CheckInMoment> for StoredMoment {
    fn from(m: CheckInMoment) -> Self {
        match m {
            CheckInMoment::BeforeRun => Self::BeforeRun,
            CheckInMoment::DuringRun => Self::DuringRun,
            CheckInMoment::AfterRun => Self::AfterRun,
            CheckInMoment::NextMorning => Self::NextMorning,
            CheckInMoment::DuringStrength => Self::DuringStrength,
        }
    }
}

/// A pain check-in as stored. `taken_at` is local time, "2026-11-22T07:30:00".
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StoredCheckIn {
    pub taken_at: String,
    pub score: u8,
    pub moment: StoredMoment,
    pub sharp: bool,
    pub behind_kneecap: bool,
    /// Red flags by name: "swelling", "giving_way", "loss_of_function", "radiating_pain".
    pub red_flags: Vec<String>,
}

fn red_flag(name: &str) -> Result<RedFlag, StoreError> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).map_err(|_| StoreError::Invalid {
        detail: format!("red_flags: {name:?} is not one of swelling, giving_way, loss_of_function, radiating_pain"),
    })
}

fn red_flag_name(flag: RedFlag) -> String {
    serde_json::to_value(flag)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl StoredCheckIn {
    fn to_core(&self) -> Result<CheckIn, StoreError> {
        let flags = self
            .red_flags
            .iter()
            .map(|f| red_flag(f))
            .collect::<Result<Vec<_>, _>>()?;
        CheckIn::new(
            parse_date_time("taken_at", &self.taken_at)?,
            i64::from(self.score),
            self.moment.into(),
            self.sharp.then_some(PainQuality::Sharp),
            self.behind_kneecap
                .then_some(PainLocation::AroundOrBehindKneecap),
            flags,
        )
        .map_err(|e| StoreError::Invalid {
            detail: e.to_string(),
        })
    }

    fn from_core(c: &CheckIn) -> Self {
        Self {
            taken_at: c.taken_at.format(DATE_TIME).to_string(),
            score: c.score,
            moment: c.moment.into(),
            sharp: c.quality == Some(PainQuality::Sharp),
            behind_kneecap: c.location == Some(PainLocation::AroundOrBehindKneecap),
            red_flags: c.red_flags.iter().map(|f| red_flag_name(*f)).collect(),
        }
    }
}

/// A run as stored, without its cadence trace (charts come from the
/// progress views).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StoredRun {
    pub id: String,
    pub started_at: String,
    pub duration_s: u32,
    pub distance_m: u32,
    pub average_cadence_spm: Option<f64>,
    pub target_cadence_spm: Option<f64>,
}

impl From<&RunSummary> for StoredRun {
    fn from(r: &RunSummary) -> Self {
        Self {
            id: r.id.clone(),
            started_at: r.started_at.format(DATE_TIME).to_string(),
            duration_s: r.duration_s,
            distance_m: r.distance_m,
            average_cadence_spm: r.average_cadence_spm,
            target_cadence_spm: r.target_cadence_spm,
        }
    }
}

/// What kind of damage the store set aside on open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum StoreWarningKind {
    CutShort,
    DamagedRecords,
    LostFile,
}

/// One thing found damaged on open; `message` is ready to show.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StoreWarningRecord {
    pub kind: StoreWarningKind,
    pub file: String,
    pub message: String,
    /// Where the damaged bytes were kept, for recovery.
    pub quarantined_to: Option<String>,
}

impl From<&core_store::StoreWarning> for StoreWarningRecord {
    fn from(w: &core_store::StoreWarning) -> Self {
        use core_store::StoreWarning as W;
        let (kind, file, kept) = match w {
            W::CutShort {
                file,
                quarantined_to,
                ..
            } => (StoreWarningKind::CutShort, file, Some(quarantined_to)),
            W::DamagedRecords {
                file,
                quarantined_to,
                ..
            } => (StoreWarningKind::DamagedRecords, file, Some(quarantined_to)),
            W::LostFile { file } => (StoreWarningKind::LostFile, file, None),
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
    store: core_store::Store,
}

impl RecordStore {
    /// The core store, for the facades that write through it (the coach).
    pub(crate) fn core(&self) -> &core_store::Store {
        &self.store
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
        Ok(Arc::new(Self {
            store: core_store::Store::open(dir)?,
        }))
    }

    /// What was set aside when the store opened.
    pub fn warnings(&self) -> Vec<StoreWarningRecord> {
        self.store
            .warnings()
            .iter()
            .map(StoreWarningRecord::from)
            .collect()
    }

    /// Saves a check-in; once this returns, it survives a crash.
    pub fn add_check_in(&self, check_in: StoredCheckIn) -> Result<(), StoreError> {
        Ok(self.store.add_check_in(&check_in.to_core()?)?)
    }

    /// Every check-in, oldest first as saved.
    pub fn check_ins(&self) -> Result<Vec<StoredCheckIn>, StoreError> {
        Ok(self
            .store
            .with_records(|r| r.check_ins.iter().map(StoredCheckIn::from_core).collect())?)
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

    /// Restores a JSON backup into this store, which must be empty.
    pub fn import_backup(&self, backup: String) -> Result<(), StoreError> {
        let records = export::backup_from_json(&backup).map_err(|e| StoreError::Invalid {
            detail: e.to_string(),
        })?;
        Ok(self.store.import(&records)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_in(score: u8) -> StoredCheckIn {
        StoredCheckIn {
            taken_at: "2026-11-22T07:30:00".into(),
            score,
            moment: StoredMoment::NextMorning,
            sharp: false,
            behind_kneecap: true,
            red_flags: vec!["swelling".into()],
        }
    }

    #[test]
    fn a_check_in_written_is_read_back_after_reopening() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().to_string_lossy().into_owned();
        let store = RecordStore::open(dir.clone()).expect("opens");
        store.add_check_in(check_in(4)).expect("saved");
        drop(store);
        let store = RecordStore::open(dir).expect("reopens");
        assert!(store.warnings().is_empty());
        assert_eq!(store.check_ins().expect("read"), vec![check_in(4)]);
    }

    #[test]
    fn bad_input_names_the_field() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = RecordStore::open(tmp.path().to_string_lossy().into_owned()).expect("opens");
        let err = store
            .add_check_in(StoredCheckIn {
                taken_at: "22/11/2026".into(),
                ..check_in(1)
            })
            .expect_err("bad date");
        assert!(err.to_string().starts_with("taken_at:"), "{err}");
        let err = store.add_check_in(check_in(11)).expect_err("bad score");
        assert!(err.to_string().contains("score"), "{err}");
        let err = store
            .add_check_in(StoredCheckIn {
                red_flags: vec!["sore".into()],
                ..check_in(1)
            })
            .expect_err("bad flag");
        assert!(err.to_string().contains("red_flags"), "{err}");
    }

    #[test]
    fn damage_on_open_comes_back_as_warning_records() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().to_string_lossy().into_owned();
        let store = RecordStore::open(dir.clone()).expect("opens");
        store.add_check_in(check_in(2)).expect("saved");
        store.add_check_in(check_in(3)).expect("saved");
        drop(store);
        let log = tmp.path().join("check_ins.jsonl");
        let bytes = std::fs::read(&log).expect("read");
        std::fs::write(&log, &bytes[..bytes.len() - 5]).expect("truncate");
        let store = RecordStore::open(dir).expect("opens anyway");
        let warnings = store.warnings();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].kind, StoreWarningKind::CutShort);
        assert_eq!(warnings[0].file, "check_ins.jsonl");
        assert!(
            warnings[0]
                .quarantined_to
                .as_deref()
                .is_some_and(|p| p.contains("quarantine"))
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
}
