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
use crate::run;
use crate::store::{self, RecordError, Store, StoreError, TRACE_BUCKET_S, downsample_trace};

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

/// The finished run as the record keeps it: `id` and `started_at` (local
/// time) are the shell's, the rest the session's summary.
pub fn stored_run(
    id: &str,
    started_at: NaiveDateTime,
    summary: &run::RunSummary,
) -> Result<store::RunSummary, RecordError> {
    let readings: Vec<(u64, f64)> = summary
        .cadence_trace
        .iter()
        .map(|p| (u64::from(p.at_s) * 1_000, p.spm))
        .collect();
    let distance_m = summary.distance_m.unwrap_or(0.0);
    let run = store::RunSummary {
        id: id.to_owned(),
        started_at,
        // Whole seconds, rounded up: a run stopped within its first second
        // (a knee check at once) still happened, and the record needs one.
        duration_s: u32::try_from(summary.duration_ms.div_ceil(1_000))
            .unwrap_or(u32::MAX)
            .max(1),
        // A distance that is not a finite, non-negative number is refused
        // by `validate` below only if it survives this; such a value is
        // not a distance, so it is kept as none.
        distance_m: if distance_m.is_finite() && distance_m >= 0.0 {
            // Saturates only past 4 million km.
            distance_m.round().min(f64::from(u32::MAX)) as u32
        } else {
            0
        },
        average_cadence_spm: summary.cadence.average_spm(),
        target_cadence_spm: summary.target_spm,
        cadence_trace: downsample_trace(0, &readings, TRACE_BUCKET_S),
    };
    run.validate()?;
    Ok(run)
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
    let run = stored_run(id, started_at, summary)?;
    let date = run.date();
    let check_ins: Vec<_> = summary
        .check_ins
        .iter()
        .map(|n| n.check_in.clone())
        .collect();
    let planned_ms = summary.segments.iter().map(|s| s.planned_ms).sum();
    let session_done = counts_as_done(summary.completed, summary.active_ms, planned_ms, config);
    let mut runs = store.with_records(|r| r.runs.clone())?;
    let already_kept = runs.iter().any(|r| r.id == run.id);
    if !already_kept {
        runs.push(run.clone());
    }
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
    // The run is kept: a checkpoint left behind would only offer it again.
    store.clear_run_checkpoint()?;
    if already_kept {
        return Ok(KeptRun {
            run,
            history: history.clone(),
            plan_changes: Vec::new(),
            session_done,
            measured_cadence_spm: measured,
        });
    }
    Ok(KeptRun {
        run,
        history: after,
        plan_changes,
        session_done,
        measured_cadence_spm: measured,
    })
}
