//! Keeping a run: one function ([`Journal::keep_run`]) for a run finished,
//! stopped by the runner or the knee, or found waiting in the checkpoint
//! after a kill. The run, the check-ins taken during it and the day's run
//! session marked done go to the record in one write (`Store::complete_run`),
//! the run's checkpoint is cleared, and only then does the history change.
//! The same run kept twice is kept once: the second time changes nothing.

use super::checkpoint::{RunCheckpoint, Waiting};
use super::finished::FinishedRun;
use super::{Journal, JournalError};
use crate::coach::after_run::counts_as_done;
use crate::coach::outcome::PlanChange;
use crate::coach::record::stored_outcome;
use crate::coach::{
    Catalogue, CoachConfig, History, MarkedSession, PlanBuildError, RunFacts, SessionResult,
    SessionType, after_run, cadence_baseline,
};
use crate::store;

/// What keeping a run did.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptRun {
    /// The run as the record holds it.
    pub run: store::RunRecord,
    /// The plan changes the run caused (none when it was kept already).
    pub plan_changes: Vec<PlanChange>,
    /// Whether the day's run session counts as done.
    pub session_done: bool,
    /// The cadence baseline measured from the first stored runs, if enough.
    pub measured_cadence_spm: Option<f64>,
    /// False when the record held this run already (a retry, or a kill
    /// after the run was written): nothing was written or changed.
    pub newly_kept: bool,
}

impl Journal {
    /// Keeps `finished` in the record and then in `history`; an error
    /// leaves both as they were. Idempotent by run id.
    pub fn keep_run(
        &self,
        history: &mut History,
        finished: &FinishedRun,
        config: &CoachConfig,
    ) -> Result<KeptRun, JournalError> {
        let summary = &finished.summary;
        let run = store::RunRecord::kept(&finished.run_id, finished.started_at, summary)?;
        let date = run.date();
        let check_ins: Vec<_> = summary
            .check_ins
            .iter()
            .map(|n| n.check_in.clone())
            .collect();
        let planned_ms = summary.segments.iter().map(|s| s.planned_ms).sum();
        let session_done = counts_as_done(summary.completed, summary.active_ms, planned_ms, config);
        if let Some(kept) = self.already_kept(history, &run.id)? {
            return Ok(kept);
        }
        let measured = match &self.store {
            Some(store) => {
                // Read in place: years of runs are not copied for the few
                // the baseline takes.
                store
                    .with_records(|r| {
                        cadence_baseline::measured(r.runs.iter().chain([&run]), config)
                    })?
                    .map_err(|e| JournalError::Baseline(e.to_string()))?
            }
            // Measured from stored runs: a run not stored changes nothing.
            None => history.measured_cadence_spm,
        };
        let facts = RunFacts {
            date,
            check_ins: check_ins.clone(),
            session_done,
            measured_cadence_spm: measured,
        };
        let catalogue = Catalogue::builtin().map_err(PlanBuildError::from)?;
        let (after, plan_changes) = after_run(history, &facts, catalogue, config)?;
        let outcome = session_done.then(|| {
            stored_outcome(&MarkedSession {
                date,
                kind: SessionType::Run,
                status: SessionResult::Done,
            })
        });
        // One transaction: the run, its check-ins, the outcome, and the end
        // of this run's own checkpoint.
        self.write(|store| store.complete_run(&run, &check_ins, outcome.as_ref()))?;
        self.forget_finished(&run.id);
        *history = after;
        Ok(KeptRun {
            run,
            plan_changes,
            session_done,
            measured_cadence_spm: measured,
            newly_kept: true,
        })
    }

    /// Keeps the run left unfinished in the record (the shell was killed
    /// during it) as it stood at its last checkpoint, through
    /// [`keep_run`](Self::keep_run); `None` when no run waits, or the
    /// checkpoint is too damaged to hold one. For a runner who starts a
    /// new run instead of resuming: nothing of the old one is lost.
    pub fn keep_unfinished_run(
        &self,
        history: &mut History,
        config: &CoachConfig,
    ) -> Result<Option<KeptRun>, JournalError> {
        let Some(waiting) = self.unfinished_run()? else {
            return Ok(None);
        };
        let finished = waiting.finished().map_err(JournalError::Unfinished)?;
        self.keep_run(history, &finished, config).map(Some)
    }

    /// Keeps run `run_id`, which ended in a live run of this journal (the
    /// FFI's `RunSession.finish`, then `Coach.completeRun`), or waits in
    /// the checkpoint (ended, then the app was killed), or is kept already.
    pub fn keep_finished(
        &self,
        history: &mut History,
        run_id: &str,
        config: &CoachConfig,
    ) -> Result<KeptRun, JournalError> {
        let finished = self.finished_slot().clone().filter(|f| f.run_id == run_id);
        if let Some(finished) = finished {
            return self.keep_run(history, &finished, config);
        }
        if let Some(waiting) = self.unfinished_run()?.filter(|w| w.run_id == run_id) {
            let finished = waiting.finished().map_err(JournalError::Unfinished)?;
            return self.keep_run(history, &finished, config);
        }
        self.already_kept(history, run_id)?
            .ok_or_else(|| JournalError::UnknownRun(run_id.to_owned()))
    }

    /// The run left unfinished in the record, if a readable one waits.
    pub fn unfinished_run(&self) -> Result<Option<RunCheckpoint>, JournalError> {
        let Some(store) = &self.store else {
            return Ok(None);
        };
        match RunCheckpoint::settle(store)? {
            Waiting::Run(checkpoint) => Ok(Some(*checkpoint)),
            Waiting::Nothing => Ok(None),
            Waiting::SetAside(reason) => {
                self.note_set_aside(reason);
                Ok(None)
            }
        }
    }

    /// Run `run_id` as the record holds it already, its checkpoint cleared:
    /// a run kept once (then killed before its checkpoint was cleared, or
    /// handed over again by an app retrying) stands as it was kept, the
    /// checkpoint being only an older state of it.
    fn already_kept(
        &self,
        history: &History,
        run_id: &str,
    ) -> Result<Option<KeptRun>, JournalError> {
        let Some(store) = &self.store else {
            return Ok(None);
        };
        let stored = store.with_records(|r| r.runs.iter().find(|r| r.id == run_id).cloned())?;
        let Some(run) = stored else {
            return Ok(None);
        };
        self.clear_checkpoint_of(run_id)?;
        self.forget_finished(run_id);
        Ok(Some(KeptRun {
            session_done: history.outcome(run.date(), SessionType::Run)
                == Some(SessionResult::Done),
            run,
            plan_changes: Vec::new(),
            measured_cadence_spm: history.measured_cadence_spm,
            newly_kept: false,
        }))
    }

    /// Clears the checkpoint if it is run `run_id`'s: another run's stays,
    /// since that run is not kept yet.
    fn clear_checkpoint_of(&self, run_id: &str) -> Result<(), JournalError> {
        let Some(store) = &self.store else {
            return Ok(());
        };
        if RunCheckpoint::belongs_to(store, run_id)? {
            store.clear_run_checkpoint()?;
        }
        Ok(())
    }

    /// A run that ended in a live run of this journal, to keep later.
    pub(super) fn note_finished(&self, finished: FinishedRun) {
        *self.finished_slot() = Some(finished);
    }

    fn forget_finished(&self, run_id: &str) {
        let mut slot = self.finished_slot();
        if slot.as_ref().is_some_and(|f| f.run_id == run_id) {
            *slot = None;
        }
    }
}
