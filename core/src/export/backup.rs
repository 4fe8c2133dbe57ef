//! The JSON backup: every record in one document, which imports back into an
//! empty store without loss.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::calendar::check_date;
use crate::coach::record::CoachDocument;
use crate::store::{RecordError, Records, SCHEMA_VERSION};

/// The value of the `format` field that marks a Patella backup.
pub const BACKUP_FORMAT: &str = "patella-backup";

#[derive(Serialize, Deserialize)]
struct Backup {
    format: String,
    schema_version: u32,
    records: Records,
}

/// A backup that cannot be imported.
#[derive(Debug, Error)]
pub enum BackupError {
    #[error("backup: not valid JSON or not the shape of a backup: {0}")]
    Json(#[from] serde_json::Error),
    #[error("backup.format: {found:?} is not {BACKUP_FORMAT:?}")]
    NotABackup { found: String },
    #[error(
        "backup.schema_version: {found} comes from a newer Patella (this build reads up to \
         {supported}); update the app first"
    )]
    FromTheFuture { found: u32, supported: u32 },
    #[error("backup.schema_version: {found} is not a version this build reads ({supported})")]
    UnsupportedVersion { found: u32, supported: u32 },
    #[error("backup: {0}")]
    Invalid(#[from] RecordError),
    #[error("backup.records.profile: the coach cannot read it: {0}")]
    UnreadableProfile(String),
}

/// The backup document for `records`.
pub fn backup_to_json(records: &Records) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&Backup {
        format: BACKUP_FORMAT.to_owned(),
        schema_version: SCHEMA_VERSION,
        records: records.without_idle_sessions(),
    })
}

/// Reads a backup document back into records, checking every one.
pub fn backup_from_json(text: &str) -> Result<Records, BackupError> {
    // Check the envelope before the records, so a backup from a newer build
    // says so rather than failing on a field it does not know.
    #[derive(Deserialize)]
    struct Envelope {
        format: String,
        schema_version: u32,
    }
    let envelope: Envelope = serde_json::from_str(text)?;
    if envelope.format != BACKUP_FORMAT {
        return Err(BackupError::NotABackup {
            found: envelope.format,
        });
    }
    if envelope.schema_version > SCHEMA_VERSION {
        return Err(BackupError::FromTheFuture {
            found: envelope.schema_version,
            supported: SCHEMA_VERSION,
        });
    }
    if envelope.schema_version != SCHEMA_VERSION {
        return Err(BackupError::UnsupportedVersion {
            found: envelope.schema_version,
            supported: SCHEMA_VERSION,
        });
    }
    let backup: Backup = serde_json::from_str(text)?;
    backup.records.validate()?;
    if let Some(profile) = &backup.records.profile {
        check_coach_can_read(profile)?;
    }
    Ok(backup.records)
}

/// A profile is imported only if the coach will open with it: otherwise the
/// runner would be locked out of a store that now refuses a second import.
fn check_coach_can_read(profile: &serde_json::Value) -> Result<(), BackupError> {
    let unreadable = |reason: String| BackupError::UnreadableProfile(reason);
    let document: CoachDocument =
        serde_json::from_value(profile.clone()).map_err(|e| unreadable(e.to_string()))?;
    document
        .profile
        .validate()
        .map_err(|e| unreadable(e.to_string()))?;
    check_date(document.plan_start).map_err(|r| unreadable(format!("plan_start: {r}")))?;
    for (field, dates) in [
        (
            "gear_changes",
            document
                .gear_changes
                .iter()
                .map(|g| g.date)
                .collect::<Vec<_>>(),
        ),
        (
            "clinician_visits",
            document.clinician_visits.iter().map(|v| v.date()).collect(),
        ),
    ] {
        for date in dates {
            check_date(date).map_err(|r| unreadable(format!("{field}: {r}")))?;
        }
    }
    Ok(())
}
