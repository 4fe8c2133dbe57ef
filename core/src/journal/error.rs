//! Why an action did not reach the record. Whatever the case, the caller's
//! memory is as it was before the call.

use thiserror::Error;

use crate::coach::PlanBuildError;
use crate::store::{RecordError, RecordStoreError};

#[derive(Debug, Error)]
pub enum JournalError {
    /// The record could not be written (or read); nothing changed.
    #[error("record: {0}")]
    Store(#[from] RecordStoreError),
    /// The coach refused the change (a field names the fault).
    #[error("the plan: {0}")]
    Coach(#[from] PlanBuildError),
    /// The run is not one the record takes (a field names the fault).
    #[error("the run cannot be kept: {0}")]
    Run(#[from] RecordError),
    /// The stored runs give no cadence baseline the coach can use.
    #[error("the cadence baseline: {0}")]
    Baseline(String),
    /// The coach's document could not be written as JSON.
    #[error("record: the profile cannot be written: {0}")]
    Document(String),
    /// The run left unfinished cannot be brought back to be kept.
    #[error("the unfinished run: {0}")]
    Unfinished(String),
    /// No run of this id finished here, waits in the checkpoint, or is kept.
    #[error(
        "run_id: {0:?} is not a run of this record: keep a run in the record from its start \
         (RunSession.keepIn) to keep it when it ends"
    )]
    UnknownRun(String),
}
