//! The one checkpoint of a run under way: whose run it is (the shell's id
//! and local start) with the session's state, one slot beside the record
//! (`Store::save_run_checkpoint`). The apps (through the FFI) and the
//! terminal's `patella run` write and read this one shape, so either can
//! bring back or keep a run the other left unfinished.

use std::sync::Arc;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::finished::FinishedRun;
use crate::run::{RunSession, SessionState};
use crate::store::{RecordStoreError, Store};

/// How the checkpoint writes its local start time.
const STARTED_AT_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// The run checkpoint, as the record keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunCheckpoint {
    /// The shell's id for the run (a UUID in the apps).
    pub run_id: String,
    /// Local date and time the run started ("2026-11-22T07:30:00").
    pub started_at: String,
    /// The session's state at the checkpoint.
    pub session: SessionState,
}

/// What the checkpoint slot held, once judged.
#[derive(Debug, Clone)]
pub enum Waiting {
    Nothing,
    /// A run left unfinished, to bring back or keep.
    Run(Box<RunCheckpoint>),
    /// A checkpoint that could not be, set aside for the reason given.
    SetAside(String),
}

/// Why the checkpoint could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CheckpointError {
    #[error("run checkpoint: {0}")]
    Store(#[from] RecordStoreError),
    #[error("run checkpoint: {0}")]
    Shape(#[from] serde_json::Error),
}

impl CheckpointError {
    /// The slot holds something damaged or of another shape: nothing in it
    /// can be brought back, so it must not stand in the way of a new run
    /// (the new run's first checkpoint replaces it). An I/O error is not
    /// damage.
    pub fn is_damage(&self) -> bool {
        matches!(
            self,
            Self::Shape(_) | Self::Store(RecordStoreError::Invalid(_))
        )
    }
}

impl RunCheckpoint {
    /// The checkpoint of run `run_id`, started at `started_at`.
    pub fn new(run_id: &str, started_at: NaiveDateTime, session: SessionState) -> Self {
        Self {
            run_id: run_id.to_owned(),
            started_at: started_at.format(STARTED_AT_FORMAT).to_string(),
            session,
        }
    }

    /// The checkpoint in `store`, if a run was left unfinished.
    pub fn read(store: &Store) -> Result<Option<Self>, CheckpointError> {
        let Some(value) = store.run_checkpoint()? else {
            return Ok(None);
        };
        Ok(Some(serde_json::from_value(value)?))
    }

    /// The run waiting in `store` to be brought back or kept, or none: a
    /// checkpoint that cannot be is set aside (see [`settle`](Self::settle)).
    pub fn read_usable(store: &Store) -> Result<Option<Self>, CheckpointError> {
        match Self::settle(store)? {
            Waiting::Run(checkpoint) => Ok(Some(*checkpoint)),
            Waiting::Nothing | Waiting::SetAside(_) => Ok(None),
        }
    }

    /// Judges the slot, in this one place for every reader. A checkpoint
    /// that cannot be brought back and kept (damaged, of another version,
    /// times no run has, a start outside the record's years) is moved in the
    /// record, as found and with the reason, to where it stands in no new
    /// run's way and is not lost (issue 19, defect 6). A record that takes
    /// no writes keeps it where it is; it is passed over all the same.
    pub fn settle(store: &Store) -> Result<Waiting, RecordStoreError> {
        let judged = match Self::read(store) {
            Ok(None) => return Ok(Waiting::Nothing),
            Ok(Some(checkpoint)) => match checkpoint.unusable() {
                None => Ok(checkpoint),
                Some(reason) => Err(reason),
            },
            Err(CheckpointError::Store(e)) if !matches!(e, RecordStoreError::Invalid(_)) => {
                return Err(e);
            }
            Err(e) => Err(e.to_string()),
        };
        match judged {
            Ok(checkpoint) => Ok(Waiting::Run(Box::new(checkpoint))),
            Err(reason) => {
                if store.is_writable() {
                    store.set_aside_run_checkpoint(&reason)?;
                }
                Ok(Waiting::SetAside(reason))
            }
        }
    }

    /// Why this checkpoint cannot be kept as a run, if it cannot: it is
    /// brought back and finished, and the record's run made from it, just
    /// as keeping it would.
    fn unusable(&self) -> Option<String> {
        let finished = match self.finished() {
            Ok(finished) => finished,
            Err(reason) => return Some(reason),
        };
        crate::store::RunRecord::kept(&finished.run_id, finished.started_at, &finished.summary)
            .err()
            .map(|e| format!("run checkpoint: {e}"))
    }

    /// Whether `store`'s checkpoint is run `run_id`'s. An unreadable one is
    /// nobody's.
    pub fn belongs_to(store: &Store, run_id: &str) -> Result<bool, RecordStoreError> {
        Ok(store
            .run_checkpoint()?
            .as_ref()
            .and_then(|v| v.get("run_id"))
            .and_then(serde_json::Value::as_str)
            == Some(run_id))
    }

    /// The local start as a date and time.
    pub fn started_at(&self) -> Result<NaiveDateTime, String> {
        NaiveDateTime::parse_from_str(&self.started_at, STARTED_AT_FORMAT)
            .map_err(|e| format!("started_at '{}': {e}", self.started_at))
    }

    /// The run as it stood at this checkpoint, finished there: brought back
    /// paused at 0 and ended at once, so it keeps the active time it had
    /// (a pause adds none).
    pub fn finished(&self) -> Result<FinishedRun, String> {
        let started_at = self.started_at()?;
        let mut session =
            RunSession::restore(self.session.clone(), 0).map_err(|e| e.to_string())?;
        let (summary, _) = session.finish(0).map_err(|e| e.to_string())?;
        Ok(FinishedRun {
            run_id: self.run_id.clone(),
            started_at,
            summary,
        })
    }
}

/// Where a live run's checkpoint is written: the record, or a test's fake.
/// Called on the journal's writer thread only.
pub trait CheckpointSlot: Send + Sync {
    /// Replaces the saved checkpoint.
    fn save(&self, checkpoint: &RunCheckpoint) -> Result<(), String>;
}

/// The record's checkpoint slot.
pub(super) struct StoreSlot(pub Arc<Store>);

impl CheckpointSlot for StoreSlot {
    fn save(&self, checkpoint: &RunCheckpoint) -> Result<(), String> {
        let value = serde_json::to_value(checkpoint).map_err(|e| e.to_string())?;
        self.0
            .save_run_checkpoint(&value)
            .map_err(|e| e.to_string())
    }
}
