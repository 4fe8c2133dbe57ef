//! `Coach.keepUnfinishedRun`: a run the app was killed during, kept in the
//! record as it stood at its last checkpoint, for a runner who would rather
//! start afresh than carry on with it. Nothing the runner did in it is lost:
//! its time, cadence and check-ins go into the record and the plan as a
//! finished run's would.

use std::sync::Arc;

use super::*;
use crate::run::{RunEvent, RunObserver, RunSession, unfinished_run};

/// The restored run's events have no one to reach: the runner is not
/// running it any more.
struct Unheard;

impl RunObserver for Unheard {
    fn on_event(&self, _event: RunEvent) {}
}

fn run_error(e: crate::run::RunSessionError) -> CoachError {
    CoachError::InvalidInput {
        field: "unfinished run".to_owned(),
        detail: e.to_string(),
    }
}

#[uniffi::export]
impl Coach {
    /// Keeps the run left unfinished in the coach's record (see
    /// `unfinishedRun`) as it stood at its last checkpoint, as
    /// `completeRun` would keep a finished one, and clears the checkpoint so
    /// a new run can be kept. None when no run was left unfinished. Refused
    /// (`InvalidInput`) for a coach opened without a record.
    pub fn keep_unfinished_run(&self) -> Result<Option<RunCompletion>, CoachError> {
        let Some(store) = self.record.clone() else {
            return Err(CoachError::InvalidInput {
                field: "record".to_owned(),
                detail: "this coach was opened without a record: open it with Coach.open"
                    .to_owned(),
            });
        };
        if unfinished_run(store.clone()).map_err(run_error)?.is_none() {
            return Ok(None);
        }
        // Restored paused at 0 and finished there: a pause adds no time, so
        // the run ends with the active time of its last checkpoint.
        let session = RunSession::restore(store, 0, Arc::new(Unheard)).map_err(run_error)?;
        let summary = session.finish(0).map_err(run_error);
        session.close();
        self.complete_run(summary?).map(Some)
    }
}
