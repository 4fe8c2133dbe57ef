//! The open store: loading and repairing on open, then every read and
//! write under one mutex.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use super::durable::{self, AppendFile, TMP_SUFFIX};
use super::error::{StoreError, StoreWarning};
use super::line::{self, Header};
use super::load::{self, Loaded, Persisted};
use super::lock::{self, DirLock};
use super::quarantine;
use super::records::{PairedSensor, ProfileState, Records, RunSummary, SessionOutcome, Settings};
use super::schema::{self, FileKind, Migration, SCHEMA_VERSION};
use crate::pain::CheckIn;

/// A store open on one data folder. `Send + Sync`: share it (e.g. in an
/// `Arc`) between the app and its background tasks; writes are serialized
/// and none is lost.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    warnings: Vec<StoreWarning>,
    inner: Mutex<Inner>,
    _lock: DirLock,
}

#[derive(Debug)]
struct Inner {
    records: Records,
    check_ins: AppendFile,
    runs: AppendFile,
    sessions: AppendFile,
}

impl Store {
    /// Opens (creating if needed) the store in `dir`.
    ///
    /// Damaged records are quarantined and reported in [`Store::warnings`];
    /// the store opens with everything else. A store written by a newer
    /// build, or at a schema version this build cannot migrate, is refused
    /// and left untouched.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, StoreError> {
        Self::open_with(dir.as_ref(), schema::MIGRATIONS)
    }

    pub(crate) fn open_with(dir: &Path, migrations: &[Migration]) -> Result<Self, StoreError> {
        durable::ensure_dir(dir)?;
        let lock = lock::acquire(dir)?;

        // Phase 1: read everything and decide; nothing is written, so a
        // refusal leaves the folder exactly as it was.
        let manifest_path = dir.join(FileKind::Manifest.file_name());
        let manifest_bytes = read_optional(&manifest_path)?;
        let manifest = match &manifest_bytes {
            None => ManifestState::Absent,
            Some(bytes) => match load::read_header(bytes) {
                Ok(header) => {
                    check_manifest(&header, migrations)?;
                    ManifestState::Sound(header.schema_version)
                }
                Err(reason) => ManifestState::Damaged {
                    reason,
                    bytes: bytes.clone(),
                },
            },
        };
        let fallback = match manifest {
            ManifestState::Sound(v) => v,
            _ => SCHEMA_VERSION,
        };
        let check_ins = read_file::<CheckIn>(dir, FileKind::CheckIns, fallback, migrations)?;
        let runs = read_file::<RunSummary>(dir, FileKind::Runs, fallback, migrations)?;
        let sessions = read_file::<SessionOutcome>(dir, FileKind::Sessions, fallback, migrations)?;
        let profile = read_file::<ProfileState>(dir, FileKind::Profile, fallback, migrations)?;
        let settings = read_file::<Settings>(dir, FileKind::Settings, fallback, migrations)?;
        let sensor = read_file::<PairedSensor>(dir, FileKind::PairedSensor, fallback, migrations)?;

        // Phase 2: quarantine and repair, then write the manifest last.
        remove_leftover_tmp_files(dir)?;
        let had_manifest = !matches!(manifest, ManifestState::Absent);
        let mut repair = Repair {
            dir,
            had_manifest,
            warnings: Vec::new(),
        };
        let check_ins = repair.settle(FileKind::CheckIns, check_ins)?;
        let runs = repair.settle(FileKind::Runs, runs)?;
        let sessions = repair.settle(FileKind::Sessions, sessions)?;
        let profile = repair.settle(FileKind::Profile, profile)?;
        let settings = repair.settle(FileKind::Settings, settings)?;
        let sensor = repair.settle(FileKind::PairedSensor, sensor)?;
        let mut warnings = repair.warnings;

        match manifest {
            ManifestState::Sound(v) if v == SCHEMA_VERSION => {}
            ManifestState::Damaged { reason, bytes } => {
                let quarantined_to = quarantine::keep(dir, FileKind::Manifest, &bytes)?;
                warnings.push(StoreWarning::DamagedRecords {
                    file: FileKind::Manifest.file_name().to_owned(),
                    lines: vec![1],
                    reasons: vec![reason],
                    quarantined_to,
                });
                write_manifest(dir)?;
            }
            _ => write_manifest(dir)?,
        }

        let records = Records {
            check_ins,
            runs,
            sessions,
            profile: profile.into_iter().last(),
            settings: settings.into_iter().last().unwrap_or_default(),
            paired_sensor: sensor.into_iter().last(),
        };
        let inner = Inner {
            records,
            check_ins: AppendFile::open(&dir.join(FileKind::CheckIns.file_name()))?,
            runs: AppendFile::open(&dir.join(FileKind::Runs.file_name()))?,
            sessions: AppendFile::open(&dir.join(FileKind::Sessions.file_name()))?,
        };
        Ok(Self {
            dir: dir.to_path_buf(),
            warnings,
            inner: Mutex::new(inner),
            _lock: lock,
        })
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What was found damaged and set aside when the store opened.
    pub fn warnings(&self) -> &[StoreWarning] {
        &self.warnings
    }

    fn inner(&self) -> Result<MutexGuard<'_, Inner>, StoreError> {
        self.inner.lock().map_err(|_| StoreError::Poisoned)
    }

    /// A copy of everything the store holds.
    pub fn records(&self) -> Result<Records, StoreError> {
        Ok(self.inner()?.records.clone())
    }

    /// Runs `view` over the records without copying them.
    pub fn with_records<R>(&self, view: impl FnOnce(&Records) -> R) -> Result<R, StoreError> {
        Ok(view(&self.inner()?.records))
    }

    /// Appends a pain check-in. Once this returns `Ok`, it survives a crash.
    pub fn add_check_in(&self, check_in: &CheckIn) -> Result<(), StoreError> {
        let line = checked_line(check_in)?;
        let mut inner = self.inner()?;
        inner.check_ins.append(&line)?;
        inner.records.check_ins.push(check_in.clone());
        Ok(())
    }

    /// Appends a run summary.
    pub fn add_run(&self, run: &RunSummary) -> Result<(), StoreError> {
        let line = checked_line(run)?;
        let mut inner = self.inner()?;
        inner.runs.append(&line)?;
        inner.records.runs.push(run.clone());
        Ok(())
    }

    /// Appends a session marked done or skipped.
    pub fn add_session_outcome(&self, outcome: &SessionOutcome) -> Result<(), StoreError> {
        let line = checked_line(outcome)?;
        let mut inner = self.inner()?;
        inner.sessions.append(&line)?;
        inner.records.sessions.push(outcome.clone());
        Ok(())
    }

    /// Replaces the profile and plan state.
    pub fn set_profile(&self, profile: &ProfileState) -> Result<(), StoreError> {
        self.update_profile(|_| profile.clone()).map(|_| ())
    }

    /// Changes the profile and plan state from its current value, with no
    /// other write slipping in between.
    pub fn update_profile(
        &self,
        change: impl FnOnce(Option<&ProfileState>) -> ProfileState,
    ) -> Result<ProfileState, StoreError> {
        let mut inner = self.inner()?;
        let next = change(inner.records.profile.as_ref());
        self.write_document(FileKind::Profile, Some(&next))?;
        inner.records.profile = Some(next.clone());
        Ok(next)
    }

    /// Replaces the settings.
    pub fn set_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        self.update_settings(|s| *s = settings.clone()).map(|_| ())
    }

    /// Changes the settings in place, with no other write slipping in
    /// between; returns the new settings.
    pub fn update_settings(
        &self,
        change: impl FnOnce(&mut Settings),
    ) -> Result<Settings, StoreError> {
        let mut inner = self.inner()?;
        let mut next = inner.records.settings.clone();
        change(&mut next);
        self.write_document(FileKind::Settings, Some(&next))?;
        inner.records.settings = next.clone();
        Ok(next)
    }

    /// Records the paired sensor, or forgets it with `None`.
    pub fn set_paired_sensor(&self, sensor: Option<&PairedSensor>) -> Result<(), StoreError> {
        if let Some(s) = sensor {
            s.check()?;
        }
        let mut inner = self.inner()?;
        self.write_document(FileKind::PairedSensor, sensor)?;
        inner.records.paired_sensor = sensor.cloned();
        Ok(())
    }

    fn write_document<T: Persisted>(
        &self,
        kind: FileKind,
        value: Option<&T>,
    ) -> Result<(), StoreError> {
        let bytes = load::encode_file(kind, value.as_slice())?;
        durable::replace(&self.dir.join(kind.file_name()), &bytes)
    }

    /// Loads `records` (e.g. from a backup) into this store, which must hold
    /// nothing yet. Each file is replaced atomically.
    pub fn import(&self, records: &Records) -> Result<(), StoreError> {
        records.validate()?;
        let mut inner = self.inner()?;
        if !inner.records.is_empty() {
            return Err(StoreError::NotEmpty);
        }
        let dir = &self.dir;
        let replace =
            |kind: FileKind, bytes: Vec<u8>| durable::replace(&dir.join(kind.file_name()), &bytes);
        replace(
            FileKind::CheckIns,
            load::encode_file(FileKind::CheckIns, &records.check_ins)?,
        )?;
        replace(
            FileKind::Runs,
            load::encode_file(FileKind::Runs, &records.runs)?,
        )?;
        replace(
            FileKind::Sessions,
            load::encode_file(FileKind::Sessions, &records.sessions)?,
        )?;
        self.write_document(FileKind::Profile, records.profile.as_ref())?;
        self.write_document(FileKind::Settings, Some(&records.settings))?;
        self.write_document(FileKind::PairedSensor, records.paired_sensor.as_ref())?;
        // The logs were replaced by new files: append to those from now on.
        inner.check_ins = AppendFile::open(&dir.join(FileKind::CheckIns.file_name()))?;
        inner.runs = AppendFile::open(&dir.join(FileKind::Runs.file_name()))?;
        inner.sessions = AppendFile::open(&dir.join(FileKind::Sessions.file_name()))?;
        inner.records = records.clone();
        Ok(())
    }
}

enum ManifestState {
    Absent,
    Sound(u32),
    Damaged { reason: String, bytes: Vec<u8> },
}

fn check_manifest(header: &Header, migrations: &[Migration]) -> Result<(), StoreError> {
    let file = FileKind::Manifest.file_name();
    if header.patella != FileKind::Manifest.tag() {
        return Err(StoreError::WrongFile {
            file: file.to_owned(),
            found: header.patella.clone(),
            expected: FileKind::Manifest.tag().to_owned(),
        });
    }
    schema::plan(file, header.schema_version, migrations).map(|_| ())
}

fn write_manifest(dir: &Path) -> Result<(), StoreError> {
    let header = Header {
        patella: FileKind::Manifest.tag().to_owned(),
        schema_version: SCHEMA_VERSION,
    };
    durable::replace(
        &dir.join(FileKind::Manifest.file_name()),
        &line::encode_value(&header)?,
    )
}

fn checked_line<T: Persisted>(record: &T) -> Result<Vec<u8>, StoreError> {
    record.check()?;
    Ok(line::encode_value(record)?)
}

fn read_optional(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// A file as found on disk: absent, or read (possibly with damage).
type Found<T> = Option<Loaded<T>>;

fn read_file<T: Persisted>(
    dir: &Path,
    kind: FileKind,
    fallback_version: u32,
    migrations: &[Migration],
) -> Result<Found<T>, StoreError> {
    read_optional(&dir.join(kind.file_name()))?
        .map(|bytes| load::load::<T>(kind, &bytes, fallback_version, migrations))
        .transpose()
}

/// Phase 2 of opening: what has been set aside so far, and where.
struct Repair<'a> {
    dir: &'a Path,
    had_manifest: bool,
    warnings: Vec<StoreWarning>,
}

impl Repair<'_> {
    /// Quarantines what is damaged in one file, rewrites the file when
    /// needed, and returns its records.
    fn settle<T: Persisted>(
        &mut self,
        kind: FileKind,
        found: Found<T>,
    ) -> Result<Vec<T>, StoreError> {
        let (dir, had_manifest, warnings) = (self.dir, self.had_manifest, &mut self.warnings);
        let is_log = FileKind::LOGS.contains(&kind);
        let file = kind.file_name().to_owned();
        let Some(loaded) = found else {
            // Every file exists from the store's creation on (a document not yet
            // set is a header alone), so a missing file in a store that has a
            // manifest has lost what it held.
            if had_manifest {
                warnings.push(StoreWarning::LostFile { file });
            }
            durable::replace(
                &dir.join(kind.file_name()),
                &load::encode_file::<T>(kind, &[])?,
            )?;
            return Ok(Vec::new());
        };
        if !loaded.needs_rewrite() {
            return Ok(loaded.records);
        }
        let mut set_aside = Vec::new();
        for bad in &loaded.bad {
            set_aside.extend_from_slice(&bad.bytes);
            set_aside.push(b'\n');
        }
        set_aside.extend_from_slice(&loaded.tail);
        if set_aside.is_empty() {
            if loaded.header_damaged {
                warnings.push(StoreWarning::LostFile { file: file.clone() });
            }
        } else {
            let quarantined_to = quarantine::keep(dir, kind, &set_aside)?;
            if !loaded.bad.is_empty() {
                warnings.push(StoreWarning::DamagedRecords {
                    file: file.clone(),
                    lines: loaded.bad.iter().map(|b| b.number).collect(),
                    reasons: loaded.bad.iter().map(|b| b.reason.clone()).collect(),
                    quarantined_to: quarantined_to.clone(),
                });
            }
            if !loaded.tail.is_empty() {
                warnings.push(StoreWarning::CutShort {
                    file: file.clone(),
                    bytes: loaded.tail.len(),
                    quarantined_to,
                });
            }
        }
        let keep: &[T] = if is_log {
            &loaded.records
        } else {
            // A document holds one record; keep the latest.
            loaded
                .records
                .last()
                .map(std::slice::from_ref)
                .unwrap_or_default()
        };
        durable::replace(&dir.join(kind.file_name()), &load::encode_file(kind, keep)?)?;
        Ok(keep.to_vec())
    }
}

fn remove_leftover_tmp_files(dir: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        // A replacement that never reached its rename was never
        // acknowledged: the file it was replacing is still whole.
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(TMP_SUFFIX))
        {
            fs::remove_file(&path).map_err(|source| StoreError::Io {
                path: path.clone(),
                source,
            })?;
        }
    }
    Ok(())
}
