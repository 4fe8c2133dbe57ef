//! The open store: loading and repairing on open, then every read and
//! write under one mutex.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use super::completed_run::{self, RunLine};
use super::disk::{Disk, OsDisk};
use super::durable::{self, AppendFile, TMP_SUFFIX, io_err};
use super::error::{StoreError, StoreWarning};
use super::import::{self, ImportFailure, Recovered};
use super::line::{self, Header};
use super::load::{self, Loaded, Persisted};
use super::lock::{self, Acquired, DirLock};
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
    disk: Arc<dyn Disk>,
    warnings: Vec<StoreWarning>,
    inner: Mutex<Inner>,
    _lock: DirLock,
}

#[derive(Debug)]
struct Inner {
    records: Records,
    /// Where writes go, or why none may be made.
    logs: Result<Logs, Refusal>,
}

#[derive(Debug)]
struct Logs {
    check_ins: AppendFile,
    runs: AppendFile,
    sessions: AppendFile,
}

/// Why the store takes no writes.
#[derive(Debug, Clone)]
enum Refusal {
    ReadOnly(String),
    ImportUnfinished(String),
}

impl Store {
    /// Opens (creating if needed) the store in `dir`.
    ///
    /// Damaged records are quarantined and reported in [`Store::warnings`];
    /// the store opens with everything else. A store written by a newer
    /// build, or at a schema version this build cannot migrate, is refused
    /// and left untouched. A store that cannot be written or repaired (a
    /// full disk, a read-only folder) opens read-only, with a warning.
    /// Opening a folder already open in this process is refused with
    /// [`StoreError::AlreadyOpen`].
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, StoreError> {
        Self::open_with(Arc::new(OsDisk), dir.as_ref(), schema::MIGRATIONS)
    }

    /// Opens the store in `dir` on `disk` (a simulated disk in tests).
    pub fn open_on(disk: Arc<dyn Disk>, dir: impl AsRef<Path>) -> Result<Self, StoreError> {
        Self::open_with(disk, dir.as_ref(), schema::MIGRATIONS)
    }

    pub(crate) fn open_with(
        disk: Arc<dyn Disk>,
        dir: &Path,
        migrations: &[Migration],
    ) -> Result<Self, StoreError> {
        let d: &dyn Disk = disk.as_ref();
        durable::ensure_dir(d, dir, false)?;
        let (lock, mut refusal) = match lock::acquire(d, dir, d.identity(dir))? {
            Acquired::Held(lock) => (lock, None),
            Acquired::Unavailable(lock, e) => {
                (lock, Some(format!("the lock file cannot be created: {e}")))
            }
        };
        let mut warnings = Vec::new();

        // An import a crash or an error left half-way is settled first.
        if refusal.is_none() {
            match import::recover(d, dir) {
                Ok(Recovered::Undone) => warnings.push(StoreWarning::ImportUndone),
                Ok(_) => {}
                Err(e) => refusal = Some(format!("an interrupted import cannot be settled: {e}")),
            }
        }

        // Phase 1: read everything and decide; nothing is written, so a
        // refusal leaves the folder exactly as it was.
        let manifest_path = dir.join(FileKind::Manifest.file_name());
        let manifest_bytes = d.read(&manifest_path).map_err(io_err(&manifest_path))?;
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
        let mut check_ins = read_file::<CheckIn>(d, dir, FileKind::CheckIns, fallback, migrations)?;
        let mut runs = read_file::<RunLine>(d, dir, FileKind::Runs, fallback, migrations)?;
        let mut sessions =
            read_file::<SessionOutcome>(d, dir, FileKind::Sessions, fallback, migrations)?;
        let mut profile =
            read_file::<ProfileState>(d, dir, FileKind::Profile, fallback, migrations)?;
        let mut settings = read_file::<Settings>(d, dir, FileKind::Settings, fallback, migrations)?;
        let mut sensor =
            read_file::<PairedSensor>(d, dir, FileKind::PairedSensor, fallback, migrations)?;

        // What is kept is decided now; the repair below writes just that.
        let settings_kept = take_kept(&mut settings, false);
        let run_lines = take_kept(&mut runs, true);
        let mut records = Records {
            check_ins: take_kept(&mut check_ins, true),
            runs: Vec::new(),
            sessions: take_kept(&mut sessions, true),
            profile: take_kept(&mut profile, false).pop(),
            settings: settings_kept.last().cloned().unwrap_or_default(),
            paired_sensor: take_kept(&mut sensor, false).pop(),
        };
        completed_run::spread(&run_lines, &mut records);

        // Phase 2: quarantine and repair, then write the manifest last. A
        // store that cannot be repaired is still read, but not written.
        let had_manifest = !matches!(manifest, ManifestState::Absent);
        let mut repair = Repair {
            disk: d,
            dir,
            had_manifest,
            warnings: Vec::new(),
        };
        if refusal.is_none() {
            let repaired = (|| {
                remove_leftover_tmp_files(d, dir)?;
                let r = &records;
                repair.settle(FileKind::CheckIns, &check_ins, &r.check_ins)?;
                repair.settle(FileKind::Runs, &runs, &run_lines)?;
                repair.settle(FileKind::Sessions, &sessions, &r.sessions)?;
                repair.settle(FileKind::Profile, &profile, r.profile.as_slice())?;
                repair.settle(FileKind::Settings, &settings, &settings_kept)?;
                repair.settle(FileKind::PairedSensor, &sensor, r.paired_sensor.as_slice())?;
                repair.manifest(manifest)
            })();
            if let Err(e) = repaired {
                refusal = Some(format!("the store could not be repaired: {e}"));
            }
        }
        warnings.append(&mut repair.warnings);

        let logs = match refusal {
            Some(reason) => Err(Refusal::ReadOnly(reason)),
            None => Logs::open(d, dir)
                .map_err(|e| Refusal::ReadOnly(format!("a log cannot be opened for writing: {e}"))),
        };
        if let Err(Refusal::ReadOnly(reason)) = &logs {
            warnings.push(StoreWarning::ReadOnly {
                reason: reason.clone(),
            });
        }
        Ok(Self {
            dir: dir.to_path_buf(),
            disk,
            warnings,
            inner: Mutex::new(Inner { records, logs }),
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

    /// Whether the store takes writes (it opened read-only otherwise).
    pub fn is_writable(&self) -> bool {
        self.inner().is_ok_and(|inner| inner.logs.is_ok())
    }

    fn refused(&self, refusal: &Refusal) -> StoreError {
        let dir = self.dir.clone();
        match refusal.clone() {
            Refusal::ReadOnly(reason) => StoreError::ReadOnly { dir, reason },
            Refusal::ImportUnfinished(reason) => StoreError::ImportUnfinished { dir, reason },
        }
    }

    /// The open logs, or why no write may be made.
    fn logs<'a>(&self, inner: &'a mut Inner) -> Result<&'a mut Logs, StoreError> {
        match &mut inner.logs {
            Ok(logs) => Ok(logs),
            Err(refusal) => Err(self.refused(refusal)),
        }
    }

    /// Replaces (or with `None` removes) a file of the store that is not
    /// part of the record (`run_checkpoint`), under the write lock and only
    /// when the store takes writes.
    pub(super) fn replace_side_file(
        &self,
        name: &str,
        bytes: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        let mut inner = self.inner()?;
        self.logs(&mut inner)?;
        let path = self.dir.join(name);
        let disk = self.disk.as_ref();
        match bytes {
            Some(bytes) => durable::replace(disk, &path, bytes),
            None => match disk.read(&path).map_err(io_err(&path))? {
                None => Ok(()),
                Some(_) => {
                    disk.remove(&path).map_err(io_err(&path))?;
                    disk.sync_dir(&self.dir).map_err(io_err(&self.dir))
                }
            },
        }
    }

    /// The bytes of a side file, if it exists.
    pub(super) fn read_side_file(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let _inner = self.inner()?;
        let path = self.dir.join(name);
        self.disk.read(&path).map_err(io_err(&path))
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
    /// The same check-in saved again (an app retrying) is kept once.
    pub fn add_check_in(&self, check_in: &CheckIn) -> Result<(), StoreError> {
        let line = checked_line(check_in)?;
        let mut inner = self.inner()?;
        if inner.records.check_ins.iter().rev().any(|c| c == check_in) {
            return Ok(());
        }
        self.logs(&mut inner)?.check_ins.append(&line)?;
        inner.records.check_ins.push(check_in.clone());
        Ok(())
    }

    /// Appends a run summary. The same run saved again is kept once; another
    /// run with the same id is refused.
    pub fn add_run(&self, run: &RunSummary) -> Result<(), StoreError> {
        self.append_run_line(&RunLine::from(run.clone()))
    }

    /// Appends one line of `runs.jsonl` (see `completed_run`) and spreads
    /// it over the record once it is synced.
    pub(super) fn append_run_line(&self, run_line: &RunLine) -> Result<(), StoreError> {
        let line = checked_line(run_line)?;
        let run = &run_line.run;
        let mut inner = self.inner()?;
        if let Some(same_id) = inner.records.runs.iter().find(|r| r.id == run.id) {
            if same_id == run {
                return Ok(());
            }
            return Err(StoreError::Invalid(super::RecordError::Field {
                record: "run",
                field: "id",
                reason: format!("{:?} is already the id of another run", run.id),
            }));
        }
        self.logs(&mut inner)?.runs.append(&line)?;
        completed_run::spread(std::slice::from_ref(run_line), &mut inner.records);
        Ok(())
    }

    /// Appends a session marked done or skipped. The same outcome saved
    /// again straight after is kept once.
    pub fn add_session_outcome(&self, outcome: &SessionOutcome) -> Result<(), StoreError> {
        let line = checked_line(outcome)?;
        let mut inner = self.inner()?;
        // Already the session's latest outcome: a second line would say
        // nothing new, and a backup holding it could not be imported.
        let latest = inner
            .records
            .sessions
            .iter()
            .rev()
            .find(|s| s.date == outcome.date && s.session_id == outcome.session_id);
        if latest == Some(outcome) {
            return Ok(());
        }
        self.logs(&mut inner)?.sessions.append(&line)?;
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
        self.logs(&mut inner)?;
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
        self.logs(&mut inner)?;
        let mut next = inner.records.settings.clone();
        change(&mut next);
        next.validate()?;
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
        self.logs(&mut inner)?;
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
        durable::replace(self.disk.as_ref(), &self.dir.join(kind.file_name()), &bytes)
    }

    /// Loads `records` (e.g. from a backup) into this store, which must hold
    /// nothing yet. Every record is checked first (dates in range, nothing
    /// twice); then the import is all or nothing, across errors and
    /// crashes (see the `import` module). After a failed import the store
    /// takes writes again only if nothing was replaced.
    pub fn import(&self, records: &Records) -> Result<(), StoreError> {
        records
            .validate()
            .map_err(|e| StoreError::ImportInvalid(e.to_string()))?;
        let mut inner = self.inner()?;
        self.logs(&mut inner)?;
        if !inner.records.is_empty() {
            return Err(StoreError::NotEmpty);
        }
        let files = vec![
            (
                FileKind::CheckIns,
                load::encode_file(FileKind::CheckIns, &records.check_ins)?,
            ),
            (
                FileKind::Runs,
                load::encode_file(FileKind::Runs, &records.runs)?,
            ),
            (
                FileKind::Sessions,
                load::encode_file(FileKind::Sessions, &records.sessions)?,
            ),
            (
                FileKind::Profile,
                load::encode_file(FileKind::Profile, records.profile.as_slice())?,
            ),
            (
                FileKind::Settings,
                load::encode_file(FileKind::Settings, std::slice::from_ref(&records.settings))?,
            ),
            (
                FileKind::PairedSensor,
                load::encode_file(FileKind::PairedSensor, records.paired_sensor.as_slice())?,
            ),
        ];
        let d = self.disk.as_ref();
        match import::stage_and_switch(d, &self.dir, &files) {
            Ok(()) => {}
            Err(ImportFailure::Undone(err)) => return Err(err),
            Err(ImportFailure::Unsettled(err)) => {
                inner.logs = Err(Refusal::ImportUnfinished(err.to_string()));
                return Err(err);
            }
        }
        // The logs were replaced by new files: append to those from now on.
        inner.records = records.clone();
        inner.logs = Logs::open(d, &self.dir)
            .map_err(|e| Refusal::ImportUnfinished(format!("reopening the logs: {e}")));
        Ok(())
    }
}

impl Logs {
    fn open(disk: &dyn Disk, dir: &Path) -> Result<Self, StoreError> {
        let open = |kind: FileKind| AppendFile::open(disk, &dir.join(kind.file_name()));
        Ok(Self {
            check_ins: open(FileKind::CheckIns)?,
            runs: open(FileKind::Runs)?,
            sessions: open(FileKind::Sessions)?,
        })
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

fn write_manifest(disk: &dyn Disk, dir: &Path) -> Result<(), StoreError> {
    let header = Header {
        patella: FileKind::Manifest.tag().to_owned(),
        schema_version: SCHEMA_VERSION,
    };
    durable::replace(
        disk,
        &dir.join(FileKind::Manifest.file_name()),
        &line::encode_value(&header)?,
    )
}

fn checked_line<T: Persisted>(record: &T) -> Result<Vec<u8>, StoreError> {
    record.check()?;
    Ok(line::encode_value(record)?)
}

/// A file as found on disk: absent, or read (possibly with damage).
type Found<T> = Option<Loaded<T>>;

fn read_file<T: Persisted>(
    disk: &dyn Disk,
    dir: &Path,
    kind: FileKind,
    fallback_version: u32,
    migrations: &[Migration],
) -> Result<Found<T>, StoreError> {
    let path = import::source_of(disk, dir, kind)?;
    disk.read(&path)
        .map_err(io_err(&path))?
        .map(|bytes| load::load::<T>(kind, &bytes, fallback_version, migrations))
        .transpose()
}

/// Takes out the records of a file that are kept: all of a log's, the
/// latest of a document's (a document holds one record).
fn take_kept<T>(found: &mut Found<T>, is_log: bool) -> Vec<T> {
    let Some(loaded) = found else {
        return Vec::new();
    };
    let mut records = std::mem::take(&mut loaded.records);
    if !is_log && records.len() > 1 {
        records.drain(..records.len() - 1);
    }
    records
}

/// Phase 2 of opening: what has been set aside so far, and where.
struct Repair<'a> {
    disk: &'a dyn Disk,
    dir: &'a Path,
    had_manifest: bool,
    warnings: Vec<StoreWarning>,
}

impl Repair<'_> {
    /// Quarantines what is damaged in one file and rewrites the file when
    /// needed. Running it again after a failure part-way does the same, and
    /// adds no second copy of what was already set aside.
    fn settle<T: Persisted>(
        &mut self,
        kind: FileKind,
        found: &Found<T>,
        keep: &[T],
    ) -> Result<(), StoreError> {
        let (disk, dir) = (self.disk, self.dir);
        let file = kind.file_name().to_owned();
        let Some(loaded) = found else {
            // Every file exists from the store's creation on (a document not yet
            // set is a header alone), so a missing file in a store that has a
            // manifest has lost what it held.
            durable::replace(
                disk,
                &dir.join(kind.file_name()),
                &load::encode_file::<T>(kind, &[])?,
            )?;
            if self.had_manifest {
                self.warnings.push(StoreWarning::LostFile { file });
            }
            return Ok(());
        };
        if !loaded.needs_rewrite() {
            return Ok(());
        }
        let mut set_aside = Vec::new();
        for bad in &loaded.bad {
            set_aside.extend_from_slice(&bad.bytes);
            set_aside.push(b'\n');
        }
        set_aside.extend_from_slice(&loaded.tail);
        let mut warnings = Vec::new();
        if set_aside.is_empty() {
            if loaded.header_damaged {
                warnings.push(StoreWarning::LostFile { file: file.clone() });
            }
        } else {
            let quarantined_to = quarantine::keep(disk, dir, kind, &set_aside)?;
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
        durable::replace(
            disk,
            &dir.join(kind.file_name()),
            &load::encode_file(kind, keep)?,
        )?;
        self.warnings.append(&mut warnings);
        Ok(())
    }

    /// Writes the manifest last, setting a damaged one aside first.
    fn manifest(&mut self, manifest: ManifestState) -> Result<(), StoreError> {
        match manifest {
            ManifestState::Sound(v) if v == SCHEMA_VERSION => Ok(()),
            ManifestState::Damaged { reason, bytes } => {
                let quarantined_to =
                    quarantine::keep(self.disk, self.dir, FileKind::Manifest, &bytes)?;
                write_manifest(self.disk, self.dir)?;
                self.warnings.push(StoreWarning::DamagedRecords {
                    file: FileKind::Manifest.file_name().to_owned(),
                    lines: vec![1],
                    reasons: vec![reason],
                    quarantined_to,
                });
                Ok(())
            }
            _ => write_manifest(self.disk, self.dir),
        }
    }
}

/// Removes the temp files a replacement of the store's own left when it
/// was cut off: `<store file>.tmp` in the folder and in `quarantine/`.
/// Such a replacement never reached its rename, so it was never
/// acknowledged and the file it was replacing is still whole. Nothing else
/// in the folder is touched.
fn remove_leftover_tmp_files(disk: &dyn Disk, dir: &Path) -> Result<(), StoreError> {
    let names = disk.list(dir).map_err(io_err(dir))?;
    let mut leftovers: Vec<PathBuf> = FileKind::ALL
        .iter()
        .map(|kind| format!("{}{TMP_SUFFIX}", kind.file_name()))
        .filter(|tmp| names.contains(tmp))
        .map(|tmp| dir.join(tmp))
        .collect();
    leftovers.extend(quarantine::leftover_tmp_files(disk, dir)?);
    for path in &leftovers {
        disk.remove(path).map_err(io_err(path))?;
    }
    Ok(())
}
