//! Finishing and keeping a run over the FFI: `RunSession.finish` gives a
//! `RunSummary` for `Coach.completeRun`; `RunSession.keepIn` keeps the run
//! in the record through the journal's live run (`crate::journal`):
//! what the runner enters is checkpointed before the call returns, the rest
//! at most every 10 s on the journal's writer thread; `RunSession.restore`
//! brings a killed run back from that checkpoint.

use std::sync::Arc;

use crate::journal::{LiveRun, RunCheckpoint, WhenNotWritable};
use crate::run as core_run;

use super::session::live_error;
use super::*;
use crate::ffi::store::RecordStore;

use super::convert::*;

/// Cadence against the target over a stretch of the run. Times are
/// integrated between readings, so they need a sensor or pedometer.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunCadenceTally {
    /// Mean running cadence, steps/min, weighted by time; none without
    /// running readings.
    pub average_spm: Option<f64>,
    /// Milliseconds with running readings.
    pub running_ms: u64,
    /// Milliseconds with walking or running readings.
    pub moving_ms: u64,
    /// Milliseconds of running inside the target band.
    pub in_band_ms: u64,
    /// Milliseconds of running below the band.
    pub below_band_ms: u64,
    /// Milliseconds of running above the band.
    pub above_band_ms: u64,
}

/// One segment as it was run.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunSegmentSummary {
    /// Position in the plan, from 0.
    pub index: u32,
    /// What the runner did in it.
    pub kind: RunSegmentKind,
    /// Its length when the run ended (a check-in may have shortened it), ms.
    pub planned_ms: u64,
    /// Active time spent in it, ms.
    pub elapsed_ms: u64,
    /// Cadence against the target in this segment.
    pub cadence: RunCadenceTally,
}

/// One check-in taken during the run, with what the session made of it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunCheckInNote {
    /// Active time into the run, ms.
    pub elapsed_ms: u64,
    /// The check-in as taken.
    pub check_in: crate::ffi::pain::CheckInEntry,
    /// Its assessment: zone, action, reasons and advice.
    pub assessment: crate::ffi::pain::PainAssessment,
}

/// A finished run, from `RunSession.finish`, ready for `Coach.completeRun`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunSummary {
    /// The app's id for the run, given to `keepIn` (empty if never kept).
    pub run_id: String,
    /// Local date and time the run started, as given to `keepIn`.
    pub started_at: String,
    /// From the start to the end, pauses included, ms.
    pub duration_ms: u64,
    /// Pauses excluded, ms.
    pub active_ms: u64,
    /// Time the readings said walking or running, ms.
    pub moving_ms: u64,
    /// Metres, when known (see `distance_source`).
    pub distance_m: Option<f64>,
    /// Where the distance came from, or that it is absent.
    pub distance_source: RunDistanceSource,
    /// The day's cadence target, steps/min.
    pub target_spm: Option<f64>,
    /// Lower edge of the target band, steps/min.
    pub band_low_spm: Option<f64>,
    /// Upper edge of the target band, steps/min.
    pub band_high_spm: Option<f64>,
    /// The whole run's cadence against the target.
    pub cadence: RunCadenceTally,
    /// Every segment of the plan, as run (a segment not reached has 0 ms).
    pub segments: Vec<RunSegmentSummary>,
    /// Form alerts, the first 200.
    pub alerts: Vec<RunAlertNote>,
    /// All form alerts, counted.
    pub alert_count: u32,
    /// Check-ins with their assessments, the first 100.
    pub check_ins: Vec<RunCheckInNote>,
    /// All check-ins, counted.
    pub check_in_count: u32,
    /// The plan ran to its end.
    pub completed: bool,
    /// Why it ended early, if it did.
    pub stop_reason: Option<RunStopReason>,
    /// Seconds per trace point: 1 unless the run was longer than six hours.
    pub trace_step_s: u32,
    /// The cadence trace, one point a second with running readings.
    pub cadence_trace: Vec<RunTracePoint>,
}

/// A run left unfinished in the record (the app was killed during it).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct UnfinishedRun {
    /// The app's id for the run.
    pub run_id: String,
    /// Local date and time it started.
    pub started_at: String,
    /// Active time it had reached at its last checkpoint, ms.
    pub elapsed_ms: u64,
}

/// The checkpoint waiting in `store`, if any.
fn waiting(store: &RecordStore) -> Result<Option<RunCheckpoint>, RunSessionError> {
    RunCheckpoint::read(store.core()).map_err(|e| RunSessionError::InvalidInput {
        detail: e.to_string(),
    })
}

/// The run left unfinished in `store`, if the app was killed during one:
/// offer the runner to bring it back with `RunSession.restore`.
#[uniffi::export]
pub fn unfinished_run(store: Arc<RecordStore>) -> Result<Option<UnfinishedRun>, RunSessionError> {
    Ok(waiting(&store)?.map(|cp| UnfinishedRun {
        run_id: cp.run_id,
        started_at: cp.started_at,
        elapsed_ms: cp.session.active_ms,
    }))
}

#[uniffi::export]
impl RunSession {
    /// Keeps this run in the record: from now on what the runner enters
    /// (a check-in, a pause, a stop) is in the record before the call
    /// returns, and the rest is checkpointed at most every 10 s, so that
    /// `restore` can bring the run back if the app is killed. `run_id` is
    /// the app's (a UUID); `started_at` the local date and time the run
    /// started ("2026-11-22T07:30:00"). Both come back in the `RunSummary`.
    /// Refused with `UnfinishedRunWaiting` while another run the app was
    /// killed during waits in the record (see `unfinishedRun`), and with
    /// `RecordNotWritable` when the record cannot be written, unless
    /// `acceptNotKept` says the runner accepts that nothing of this run
    /// will be kept (the Run screen's `notSaved` then says so throughout).
    #[uniffi::method(default(accept_not_kept = false))]
    pub fn keep_in(
        &self,
        store: Arc<RecordStore>,
        run_id: String,
        started_at: String,
        accept_not_kept: bool,
    ) -> Result<(), RunSessionError> {
        if run_id.trim().is_empty() {
            return Err(RunSessionError::InvalidInput {
                detail: "run_id: must not be empty".to_owned(),
            });
        }
        let started_at =
            crate::ffi::dates::parse_date_time("started_at", &started_at).map_err(|e| {
                RunSessionError::InvalidDate {
                    field: e.field,
                    value: e.value,
                }
            })?;
        let when_not_writable = if accept_not_kept {
            WhenNotWritable::RunWithoutKeeping
        } else {
            WhenNotWritable::Refuse
        };
        self.live
            .keep_in(store.journal(), &run_id, started_at, when_not_writable)
            .map(drop)
            .map_err(live_error)
    }

    /// Ends the run (as a stop by the runner, if it is still under way;
    /// its events go to the observer) and sums it up. Refused before the
    /// start. A kept run's end is in the record before this returns, and
    /// stays there until `Coach.completeRun` has kept the run.
    pub fn finish(&self, now_ms: u64) -> Result<RunSummary, RunSessionError> {
        let (summary, _saved) = self.live.finish(now_ms).map_err(live_error)?;
        let (run_id, started_at) = self
            .live
            .identity()
            .map(|(id, at)| (id, crate::ffi::dates::format_date_time(at)))
            .unwrap_or_default();
        Ok(summary_to_ffi(summary, run_id, started_at))
    }

    /// Brings back the run left unfinished in `store` (the app was killed
    /// during it), paused at `now_ms` with its elapsed time, segment,
    /// check-ins and tallies as at its last checkpoint; the runner resumes
    /// it with `resume`. It goes on keeping itself in `store`. Refused with
    /// `InvalidInput` when the record holds no unfinished run.
    #[uniffi::constructor]
    pub fn restore(
        store: Arc<RecordStore>,
        now_ms: u64,
        observer: Arc<dyn RunObserver>,
    ) -> Result<Arc<Self>, RunSessionError> {
        Self::start_with(observer, |events| {
            LiveRun::restore(store.journal(), now_ms, events).map_err(live_error)
        })
    }
}

fn tally(t: &core_run::CadenceTally) -> RunCadenceTally {
    RunCadenceTally {
        average_spm: t.average_spm(),
        running_ms: t.running_ms,
        moving_ms: t.moving_ms,
        in_band_ms: t.in_band_ms,
        below_band_ms: t.below_band_ms,
        above_band_ms: t.above_band_ms,
    }
}

fn summary_to_ffi(
    s: core_run::RunSessionSummary,
    run_id: String,
    started_at: String,
) -> RunSummary {
    RunSummary {
        run_id,
        started_at,
        duration_ms: s.duration_ms,
        active_ms: s.active_ms,
        moving_ms: s.moving_ms,
        distance_m: s.distance_m,
        distance_source: s.distance_source,
        target_spm: s.target_spm,
        band_low_spm: s.band_low_spm,
        band_high_spm: s.band_high_spm,
        cadence: tally(&s.cadence),
        segments: s
            .segments
            .iter()
            .map(|seg| RunSegmentSummary {
                index: count(seg.index),
                kind: seg.kind,
                planned_ms: seg.planned_ms,
                elapsed_ms: seg.elapsed_ms,
                cadence: tally(&seg.cadence),
            })
            .collect(),
        alerts: s.alert_notes(),
        alert_count: s.alert_count,
        check_ins: s
            .check_ins
            .into_iter()
            .map(|n| RunCheckInNote {
                elapsed_ms: n.elapsed_ms,
                check_in: (&n.check_in).into(),
                assessment: n.assessment,
            })
            .collect(),
        check_in_count: s.check_in_count,
        completed: s.completed,
        stop_reason: s.stop_reason,
        trace_step_s: s.trace_step_s,
        cadence_trace: s.cadence_trace,
    }
}
