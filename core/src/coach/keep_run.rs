//! Keeping a finished run without the FFI: the core's counterpart of the
//! apps' `Coach.completeRun`, for shells that hold a `Store` and a
//! `History` themselves (the terminal companion's `patella run` and
//! `patella demo`).
//!
//! The order is the FFI's: the run, its check-ins and the session marked
//! done go to the record in one write first, the run's checkpoint is
//! cleared, and only then is the new history handed back; an error leaves
//! the caller's history as it was.

use chrono::NaiveDateTime;
use thiserror::Error;

use super::cadence_baseline;
use super::catalogue::Catalogue;
use super::completed_run::{CompletedRun, after_run, counts_as_done};
use super::config::CoachConfig;
use super::generate::CoachError;
use super::history::{History, SessionKind, SessionOutcome, SessionStatus};
use super::outcome::PlanChange;
use super::record::stored_outcome;
use crate::run::{self, KeptCheckpoint, RunSession};
use crate::store::{self, RecordError, Store, StoreError};

/// Why a finished run could not be kept.
#[derive(Debug, Error)]
pub enum KeepRunError {
    /// The run itself is not one the record takes (a field names the fault).
    #[error("the run cannot be kept: {0}")]
    Run(#[from] RecordError),
    #[error("the cadence baseline: {0}")]
    Baseline(String),
    #[error("the plan: {0}")]
    Coach(#[from] CoachError),
    #[error("record: {0}")]
    Store(#[from] StoreError),
    /// The run left unfinished cannot be brought back to be kept.
    #[error("the unfinished run: {0}")]
    Unfinished(String),
}

/// What keeping the run did.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptRun {
    /// The run as the record holds it.
    pub run: store::RunSummary,
    /// The history after the run (the caller's history when it was kept already).
    pub history: History,
    /// The plan changes the run caused.
    pub plan_changes: Vec<PlanChange>,
    /// Whether the day's run session counts as done.
    pub session_done: bool,
    /// The cadence baseline measured from the first stored runs, if enough.
    pub measured_cadence_spm: Option<f64>,
}

/// Keeps `summary` in `store` and returns the history after it. The same
/// run kept twice is kept once and changes nothing the second time.
pub fn keep_run(
    store: &Store,
    history: &History,
    id: &str,
    started_at: NaiveDateTime,
    summary: &run::RunSummary,
    config: &CoachConfig,
) -> Result<KeptRun, KeepRunError> {
    let run = store::RunSummary::kept(id, started_at, summary)?;
    let date = run.date();
    let check_ins: Vec<_> = summary
        .check_ins
        .iter()
        .map(|n| n.check_in.clone())
        .collect();
    let planned_ms = summary.segments.iter().map(|s| s.planned_ms).sum();
    let session_done = counts_as_done(summary.completed, summary.active_ms, planned_ms, config);
    let mut runs = store.with_records(|r| r.runs.clone())?;
    // A run already kept under this id (killed after its line was written,
    // before its checkpoint was cleared) stands as it was kept: the line is
    // the run with its check-ins and outcome, the checkpoint only an older
    // state of it. Keeping it again clears what is left and adds nothing.
    if let Some(stored) = runs.iter().find(|r| r.id == run.id).cloned() {
        if KeptCheckpoint::belongs_to(store, id)? {
            store.clear_run_checkpoint()?;
        }
        return Ok(KeptRun {
            run: stored,
            history: history.clone(),
            plan_changes: Vec::new(),
            session_done,
            measured_cadence_spm: history.measured_cadence_spm,
        });
    }
    runs.push(run.clone());
    let measured = cadence_baseline::measured(&runs, config)
        .map_err(|e| KeepRunError::Baseline(e.to_string()))?;
    let completed = CompletedRun {
        date,
        check_ins: check_ins.clone(),
        session_done,
        measured_cadence_spm: measured,
    };
    let (after, plan_changes) = after_run(
        history,
        &completed,
        Catalogue::builtin().map_err(CoachError::from)?,
        config,
    )?;
    let outcome = session_done.then(|| {
        stored_outcome(&SessionOutcome {
            date,
            kind: SessionKind::Run,
            status: SessionStatus::Done,
        })
    });
    store.complete_run(&run, &check_ins, outcome.as_ref())?;
    // The run is kept: its checkpoint left behind would only offer it
    // again. Another run's checkpoint stays: that run is not kept yet.
    if KeptCheckpoint::belongs_to(store, id)? {
        store.clear_run_checkpoint()?;
    }
    Ok(KeptRun {
        run,
        history: after,
        plan_changes,
        session_done,
        measured_cadence_spm: measured,
    })
}

/// Keeps the run left unfinished in `store` (the shell was killed during
/// it) as it stood at its last checkpoint, as [`keep_run`] keeps a finished
/// one; `None` when no run was left unfinished, or its checkpoint is too
/// damaged to hold one. For a runner who starts a
/// new run instead of resuming: nothing of the old one is lost.
pub fn keep_unfinished_run(
    store: &Store,
    history: &History,
    config: &CoachConfig,
) -> Result<Option<KeptRun>, KeepRunError> {
    let unfinished = |e: &dyn std::fmt::Display| KeepRunError::Unfinished(e.to_string());
    let Some(kept) = KeptCheckpoint::read_usable(store).map_err(|e| unfinished(&e))? else {
        return Ok(None);
    };
    let started_at = NaiveDateTime::parse_from_str(&kept.started_at, "%Y-%m-%dT%H:%M:%S")
        .map_err(|e| unfinished(&format!("started_at '{}': {e}", kept.started_at)))?;
    // Restored paused at 0 and finished there: a pause adds no time, so the
    // run ends with the active time of its last checkpoint.
    let mut session = RunSession::restore(kept.session, 0).map_err(|e| unfinished(&e))?;
    let (summary, _) = session.finish(0).map_err(|e| unfinished(&e))?;
    keep_run(store, history, &kept.run_id, started_at, &summary, config).map(Some)
}
