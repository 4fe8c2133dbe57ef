//! `Coach.keepUnfinishedRun`: a run the app was killed during, kept in the
//! record as it stood at its last checkpoint, for a runner who would rather
//! start afresh than carry on with it. The journal keeps it as it keeps
//! every run (`crate::journal`, the terminal's `patella run` too);
//! nothing the runner did in that run is lost: its time, cadence and
//! check-ins go into the record and the plan as a finished run's would.

use super::*;

#[uniffi::export]
impl Coach {
    /// Keeps the run left unfinished in the coach's record (see
    /// `unfinishedRun`) as it stood at its last checkpoint, as
    /// `completeRun` would keep a finished one, and clears the checkpoint so
    /// a new run can be kept. None when no run was left unfinished. Refused
    /// (`InvalidInput`) for a coach opened without a record.
    pub fn keep_unfinished_run(&self) -> Result<Option<RunCompletion>, CoachError> {
        if self.journal.store().is_none() {
            return Err(CoachError::InvalidInput {
                field: "record".to_owned(),
                detail: "this coach was opened without a record: open it with Coach.open"
                    .to_owned(),
            });
        }
        // Nothing waits (or nothing readable): no profile is needed to say
        // so, and a run on the runner's own plan starts without one.
        if self.journal.unfinished_run()?.is_none() {
            return Ok(None);
        }
        let mut guard = self.lock()?;
        with_history(&mut guard, |h| {
            let kept = self.journal.keep_unfinished_run(h, &self.config)?;
            Ok(kept.as_ref().map(RunCompletion::from))
        })
    }

    /// The sentence to show when a run left unfinished could not be
    /// brought back (damaged, or written by a newer app) and was set aside
    /// in the record instead, untouched; None when that has not happened
    /// since this was last asked. Ask after `keepUnfinishedRun` or
    /// `unfinishedRun`; such a checkpoint never stands in a new run's way.
    pub fn take_checkpoint_set_aside(&self) -> Option<String> {
        self.journal
            .take_set_aside()
            .map(|reason| crate::run::format::checkpoint_set_aside(&reason))
    }
}
