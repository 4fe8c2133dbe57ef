//! A run's checkpoint as the record keeps it: whose run it is (the shell's
//! id and local start) with the session's state, one document beside the
//! record (`Store::save_run_checkpoint`). The apps (through the FFI) and the
//! terminal's `patella run` write and read this one shape, so either can
//! bring back or keep a run the other left unfinished.

use serde::{Deserialize, Serialize};

use super::checkpoint::{CheckpointStore, RunCheckpoint};
use crate::store::{Store, StoreError};

/// The kept checkpoint.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeptCheckpoint {
    /// The shell's id for the run (a UUID in the apps).
    pub run_id: String,
    /// Local date and time the run started ("2026-11-22T07:30:00").
    pub started_at: String,
    /// The session's state at the checkpoint.
    pub session: RunCheckpoint,
}

/// Why the kept checkpoint could not be read.
#[derive(Debug, thiserror::Error)]
pub enum KeptCheckpointError {
    #[error("run checkpoint: {0}")]
    Store(#[from] StoreError),
    #[error("run checkpoint: {0}")]
    Shape(#[from] serde_json::Error),
}

impl KeptCheckpointError {
    /// The file is there but damaged or of another shape: nothing in it can
    /// be brought back, so it must not stand in the way of a new run (the
    /// new run's first checkpoint replaces it). An I/O error is not damage.
    pub fn is_damage(&self) -> bool {
        matches!(self, Self::Shape(_) | Self::Store(StoreError::Invalid(_)))
    }
}

impl KeptCheckpoint {
    /// The checkpoint in `store`, if a run was left unfinished.
    pub fn read(store: &Store) -> Result<Option<Self>, KeptCheckpointError> {
        let Some(value) = store.run_checkpoint()? else {
            return Ok(None);
        };
        Ok(Some(serde_json::from_value(value)?))
    }

    /// Like [`read`](Self::read), with a damaged checkpoint read as none
    /// (see [`KeptCheckpointError::is_damage`]): what a new run may start over.
    pub fn read_usable(store: &Store) -> Result<Option<Self>, KeptCheckpointError> {
        match Self::read(store) {
            Err(e) if e.is_damage() => Ok(None),
            other => other,
        }
    }

    /// Whether `store`'s checkpoint is run `run_id`'s. An unreadable one is
    /// nobody's.
    pub fn belongs_to(store: &Store, run_id: &str) -> Result<bool, StoreError> {
        Ok(store
            .run_checkpoint()?
            .as_ref()
            .and_then(|v| v.get("run_id"))
            .and_then(serde_json::Value::as_str)
            == Some(run_id))
    }
}

/// Checkpoints of run `run_id` into a record.
pub struct StoreCheckpoints<'a> {
    pub store: &'a Store,
    pub run_id: &'a str,
    pub started_at: &'a str,
}

impl CheckpointStore for StoreCheckpoints<'_> {
    fn save(&self, checkpoint: &RunCheckpoint) -> Result<(), String> {
        let kept = KeptCheckpoint {
            run_id: self.run_id.to_owned(),
            started_at: self.started_at.to_owned(),
            session: checkpoint.clone(),
        };
        let value = serde_json::to_value(&kept).map_err(|e| e.to_string())?;
        self.store
            .save_run_checkpoint(&value)
            .map_err(|e| e.to_string())
    }
}
