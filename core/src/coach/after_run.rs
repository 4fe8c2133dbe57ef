//! What a kept run does to the coach: what it adds to the history (the
//! check-ins taken during it, the run session marked done, the cadence
//! baseline measured from the first runs) and the plan changes that
//! follow, read off the plan before and after as for a check-in.
//!
//! Pure: the journal (`crate::journal`, keeping a run) works out the new
//! history here, writes the run to the record, and only then takes it, so
//! an error leaves both as they were.

use chrono::NaiveDate;

use super::catalogue::Catalogue;
use super::config::CoachConfig;
use super::error::PlanBuildError;
use super::generate::build_plan;
use super::history::{History, HistoryError, MarkedSession, SessionResult, SessionType};
use super::outcome::{PlanChange, diff, horizon};
use crate::pain::CheckIn;

/// What a kept run brings to the coach.
#[derive(Debug, Clone, PartialEq)]
pub struct RunFacts {
    /// The local date the run started on.
    pub date: NaiveDate,
    /// Check-ins taken during the run, in order.
    pub check_ins: Vec<CheckIn>,
    /// Whether the day's run session counts as done. The caller decides
    /// (a run ended at once may not be a session done); the coach records it.
    pub session_done: bool,
    /// The cadence baseline measured from the stored runs, this one
    /// included (`cadence_baseline::measured`), if there are enough.
    pub measured_cadence_spm: Option<f64>,
}

/// Whether a finished run counts as the day's run session done: it ran to
/// the plan's end, or for at least `config.run_done_share` of its planned
/// (active) time.
pub fn counts_as_done(
    completed: bool,
    active_ms: u64,
    planned_ms: u64,
    config: &CoachConfig,
) -> bool {
    completed || (planned_ms > 0 && active_ms as f64 >= planned_ms as f64 * config.run_done_share)
}

/// The history after `run`, and the plan changes from the run's date on.
/// `history` itself is not touched.
pub fn after_run(
    history: &History,
    run: &RunFacts,
    catalogue: &Catalogue,
    config: &CoachConfig,
) -> Result<(History, Vec<PlanChange>), PlanBuildError> {
    for (offset, c) in run.check_ins.iter().enumerate() {
        c.validate().map_err(|source| HistoryError::CheckIn {
            index: history.check_ins.len() + offset,
            source,
        })?;
    }
    let weeks = horizon(history, run.date);
    let before = build_plan(history, weeks, catalogue, config)?;
    let mut after_history = history.clone();
    after_history
        .check_ins
        .extend(run.check_ins.iter().cloned());
    if run.session_done
        && after_history.outcome(run.date, SessionType::Run) != Some(SessionResult::Done)
    {
        after_history.outcomes.push(MarkedSession {
            date: run.date,
            kind: SessionType::Run,
            status: SessionResult::Done,
        });
    }
    after_history.measured_cadence_spm = run.measured_cadence_spm;
    let after = build_plan(&after_history, weeks, catalogue, config)?;
    let changes = diff(&before, &after, run.date);
    Ok((after_history, changes))
}
