//! `Coach.keepUnfinishedRun`: a run the app was killed during, kept in the
//! record as it stood at its last checkpoint, for a runner who would rather
//! start afresh than carry on with it. The core's `keep_unfinished_run`
//! does the work (the terminal's `patella run` calls it too); nothing the
//! runner did in that run is lost: its time, cadence and check-ins go into
//! the record and the plan as a finished run's would.

use patella_core::coach::keep_run::{KeepRunError, keep_unfinished_run};

use super::*;

fn keep_error(e: KeepRunError) -> CoachError {
    match e {
        KeepRunError::Store(e) => record_error(e),
        KeepRunError::Coach(e) => e.into(),
        other => CoachError::InvalidInput {
            field: "unfinished run".to_owned(),
            detail: other.to_string(),
        },
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
        // Nothing waits (or nothing readable): no profile is needed to say
        // so, and a run on the runner's own plan starts without one.
        let waiting = patella_core::run::KeptCheckpoint::read_usable(store.core())
            .map_err(|e| keep_error(KeepRunError::Unfinished(e.to_string())))?;
        if waiting.is_none() {
            return Ok(None);
        }
        let mut guard = self.lock()?;
        with_history(&mut guard, |h| {
            let Some(kept) =
                keep_unfinished_run(store.core(), h, &self.config).map_err(keep_error)?
            else {
                return Ok(None);
            };
            *h = kept.history;
            Ok(Some(RunCompletion {
                plan_changes: kept.plan_changes.iter().map(Into::into).collect(),
                session_done: kept.session_done,
                measured_cadence_baseline_spm: kept.measured_cadence_spm,
            }))
        })
    }
}
