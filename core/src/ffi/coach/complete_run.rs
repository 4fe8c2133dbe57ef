//! `Coach.completeRun`: a run that ended in a `RunSession` kept in this
//! coach's record is kept by the journal (`crate::journal`, the one
//! way a run is kept): the run, the check-ins taken during it and the run
//! session's outcome in one write, then taken into the coach's history; it
//! returns the plan changes that follow.

use crate::journal::KeptRun;

use super::*;
use crate::ffi::run::RunSummary;

/// What keeping a finished run did.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunCompletion {
    /// The plan changes the run caused (pain during it scales the plan back).
    pub plan_changes: Vec<PlanChange>,
    /// Whether the day's run session was marked done: the plan ran to its
    /// end, or at least half its planned time was run.
    pub session_done: bool,
    /// The cadence baseline measured from the first stored runs, steps/min,
    /// once there are enough of them (used when the runner entered none).
    pub measured_cadence_baseline_spm: Option<f64>,
}

impl From<&KeptRun> for RunCompletion {
    fn from(kept: &KeptRun) -> Self {
        Self {
            plan_changes: kept.plan_changes.clone(),
            session_done: kept.session_done,
            measured_cadence_baseline_spm: kept.measured_cadence_spm,
        }
    }
}

#[uniffi::export]
impl Coach {
    /// Keeps a finished run: the run, the check-ins taken during it and the
    /// run session marked done go to the record in one write (all or
    /// nothing, across a crash), then into the plan; the run's checkpoint
    /// is cleared. Returns the plan changes. The run is the one of
    /// `summary.runId` as its session measured it (kept with
    /// `RunSession.keepIn` in this coach's record, finished, or waiting in
    /// the record after the app was killed); the same run completed twice
    /// is kept once. A run not kept in this record is refused, naming
    /// `run_id`.
    pub fn complete_run(&self, summary: RunSummary) -> Result<RunCompletion, CoachError> {
        let mut guard = self.lock()?;
        with_history(&mut guard, |h| {
            let kept = self
                .journal
                .keep_finished(h, &summary.run_id, &self.config)?;
            Ok(RunCompletion::from(&kept))
        })
    }
}
