//! Schema versions, the files of a store, and migrations between versions.
//!
//! Every file starts with a header naming its role and schema version, so a
//! migration can go file by file and a crash half-way through is harmless:
//! a file already migrated says so. The manifest (a header-only file) is
//! written last and guards the store as a whole: a store written by a newer
//! build is refused before anything is touched.

use serde_json::Value;

use super::error::StoreError;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// The files of a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    Manifest,
    CheckIns,
    Runs,
    Sessions,
    Profile,
    Settings,
    PairedSensor,
}

impl FileKind {
    /// Every file of a store, the manifest first.
    pub const ALL: [FileKind; 7] = [
        FileKind::Manifest,
        FileKind::CheckIns,
        FileKind::Runs,
        FileKind::Sessions,
        FileKind::Profile,
        FileKind::Settings,
        FileKind::PairedSensor,
    ];
    /// Files that grow by appending one record at a time.
    pub const LOGS: [FileKind; 3] = [FileKind::CheckIns, FileKind::Runs, FileKind::Sessions];
    /// Files that hold one document, replaced whole.
    pub const DOCUMENTS: [FileKind; 3] = [
        FileKind::Profile,
        FileKind::Settings,
        FileKind::PairedSensor,
    ];

    /// The role written in the file's header.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Manifest => "store",
            Self::CheckIns => "check_ins",
            Self::Runs => "runs",
            Self::Sessions => "sessions",
            Self::Profile => "profile",
            Self::Settings => "settings",
            Self::PairedSensor => "paired_sensor",
        }
    }

    /// The file's name in the data folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Manifest => "store.jsonl",
            Self::CheckIns => "check_ins.jsonl",
            Self::Runs => "runs.jsonl",
            Self::Sessions => "sessions.jsonl",
            Self::Profile => "profile.jsonl",
            Self::Settings => "settings.jsonl",
            Self::PairedSensor => "paired_sensor.jsonl",
        }
    }
}

/// One step from schema version `from` to `from + 1`, applied to each
/// record of each file.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub from: u32,
    pub describe: &'static str,
    pub apply: fn(FileKind, Value) -> Result<Value, String>,
}

/// The migrations this build knows. Schema 1 is the first released layout,
/// so there is nothing to migrate from yet; the next change of a persisted
/// shape bumps [`SCHEMA_VERSION`] and adds its step here.
pub const MIGRATIONS: &[Migration] = &[];

/// The steps that bring a file at version `found` to [`SCHEMA_VERSION`], or
/// why it cannot be read.
pub fn plan<'m>(
    file: &str,
    found: u32,
    migrations: &'m [Migration],
) -> Result<Vec<&'m Migration>, StoreError> {
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaFromFuture {
            file: file.to_owned(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    let mut steps = Vec::new();
    for version in found..SCHEMA_VERSION {
        let step = migrations
            .iter()
            .find(|m| m.from == version)
            .ok_or_else(|| StoreError::UnsupportedSchema {
                file: file.to_owned(),
                found,
                supported: SCHEMA_VERSION,
            })?;
        steps.push(step);
    }
    Ok(steps)
}

/// Applies `steps` in order to one record.
pub fn migrate(kind: FileKind, record: Value, steps: &[&Migration]) -> Result<Value, String> {
    steps.iter().try_fold(record, |value, step| {
        (step.apply)(kind, value)
            .map_err(|e| format!("{} (from version {}): {e}", step.describe, step.from))
    })
}
