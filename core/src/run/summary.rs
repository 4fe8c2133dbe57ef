//! What a finished run amounts to: [`RunSessionSummary`], built by
//! `RunSession::finish` (`summarize.rs`) from a [`RunLog`] the session
//! keeps as it goes.
//!
//! The log is fed at a handful of points (each reading, each form alert,
//! each check-in, the end), and every part of it is bounded, so a six-hour
//! run costs the same as a short one: totals are sums, the per-segment
//! tallies are one per planned segment, the alerts and check-ins kept are
//! capped (their counts are not), and the 1 Hz cadence trace halves its
//! resolution when its budget is full, as the live history does.
//!
//! Time in and out of the band, moving time and distance are integrated
//! over the active (unpaused) time between one reading and the next,
//! capped at the sensor-gap limit: a silence says nothing about what the
//! runner did in it.

use serde::{Deserialize, Serialize};

use super::event::{RunCue, RunEvent, RunEventKind, RunStopReason};
use super::history::CadenceHistory;
use super::plan::SegmentKind;
use crate::cadence::CadenceBand;
use crate::pain::{CheckIn, PainAssessment};
use crate::sample::MonoMs;

/// Points of the 1 Hz trace kept before its resolution halves. Project's
/// choice: six hours at one point a second; a longer run keeps every
/// reading, merged two seconds to a point, and so on.
pub const TRACE_MAX_POINTS: usize = 6 * 3_600;
/// Form alerts kept whole in the summary (all are counted). Project's
/// choice: the alert gap makes even a long run raise far fewer.
pub const MAX_KEPT_ALERTS: usize = 200;
/// Check-ins kept whole in the summary (all are counted). Project's choice.
pub const MAX_KEPT_CHECK_INS: usize = 100;

/// Fastest believable change of a sensor's total distance, m/s. Project's
/// choice: above any runner's sprint; a bigger jump (a pod reset, a counter
/// wrapping, distance counted while paused) is not the run's, and that
/// stretch is measured from speed instead.
pub const MAX_TOTAL_DISTANCE_MPS: f64 = 12.0;

/// Where the run's distance came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RunDistanceSource {
    /// Measured from the total distance the sensor counts (stretches it
    /// could not cover are filled from speed).
    SensorTotal,
    /// Integrated from the speed the sensor reported with its readings.
    SensorSpeed,
    /// No reading carried a speed: the distance is not known.
    Absent,
}

/// Which form alert a summary lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RunAlertKind {
    /// Cadence stayed below the band.
    CadenceLow,
    /// Cadence stayed above the band.
    CadenceHigh,
    /// Strides grew long against the runner's own baseline.
    Overstride,
    /// The runner walked steadily in a run segment.
    WalkingInRunSegment,
}

impl RunAlertKind {
    /// The alert an event is, if it is one a summary lists: the form
    /// alerts, and walking in a run segment.
    pub fn of(kind: &RunEventKind) -> Option<Self> {
        match kind {
            RunEventKind::CadenceLow { .. } => Some(Self::CadenceLow),
            RunEventKind::CadenceHigh { .. } => Some(Self::CadenceHigh),
            RunEventKind::Overstride { .. } => Some(Self::Overstride),
            RunEventKind::WalkingInRunSegment { .. } => Some(Self::WalkingInRunSegment),
            _ => None,
        }
    }
}

/// One form alert of the run, placed on the cadence trace's axis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunAlertNote {
    /// Monotonic time of the alert, ms (the session's clock).
    pub at_ms: MonoMs,
    /// Seconds from the start of the run, on the cadence trace's axis.
    pub at_s: u32,
    /// Which alert.
    pub kind: RunAlertKind,
    /// The cadence that raised it, steps/min, when it was about cadence.
    pub cadence_spm: Option<f64>,
    /// What the runner was told, and how urgently.
    pub cue: RunCue,
}

/// One check-in taken during the run, with what the session made of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedCheckIn {
    /// Active time into the run, in milliseconds.
    pub elapsed_ms: u64,
    pub check_in: CheckIn,
    pub assessment: PainAssessment,
}

/// Cadence against the target over some stretch of the run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct CadenceTally {
    /// Time with running readings, integrated between readings.
    pub running_ms: u64,
    /// Time with walking or running readings.
    pub moving_ms: u64,
    pub in_band_ms: u64,
    pub below_band_ms: u64,
    pub above_band_ms: u64,
    /// Sum of smoothed cadence times milliseconds, over `running_ms`.
    spm_ms: f64,
}

impl CadenceTally {
    /// Mean running cadence, weighted by time; none without running readings.
    pub fn average_spm(&self) -> Option<f64> {
        (self.running_ms > 0).then(|| self.spm_ms / self.running_ms as f64)
    }

    pub(super) fn add(
        &mut self,
        dt_ms: u64,
        moving: bool,
        running_spm: Option<f64>,
        band: Option<CadenceBand>,
    ) {
        if moving {
            self.moving_ms += dt_ms;
        }
        let Some(spm) = running_spm else {
            return;
        };
        self.running_ms += dt_ms;
        self.spm_ms += spm * dt_ms as f64;
        match band {
            Some(b) if spm < b.low_spm => self.below_band_ms += dt_ms,
            Some(b) if spm > b.high_spm => self.above_band_ms += dt_ms,
            Some(_) => self.in_band_ms += dt_ms,
            None => {}
        }
    }
}

/// One segment as it was run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentSummary {
    pub index: usize,
    pub kind: SegmentKind,
    /// The segment's length when the run ended (a pain check-in may have
    /// shortened it), in milliseconds.
    pub planned_ms: u64,
    /// Active time spent in it.
    pub elapsed_ms: u64,
    pub cadence: CadenceTally,
}

/// One second (or, past [`TRACE_MAX_POINTS`], a wider step) of the trace.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunTracePoint {
    /// Seconds from the start of the run (pauses included).
    pub at_s: u32,
    /// Mean smoothed cadence of the step's running readings.
    pub spm: f64,
}

/// The run, finished.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunSessionSummary {
    /// From the start to the end, pauses included.
    pub duration_ms: u64,
    /// Pauses excluded.
    pub active_ms: u64,
    /// Time the readings said walking or running.
    pub moving_ms: u64,
    /// Metres; `None` when no reading carried a total distance or a speed
    /// (`distance_source`).
    pub distance_m: Option<f64>,
    pub distance_source: RunDistanceSource,
    pub target_spm: Option<f64>,
    pub band_low_spm: Option<f64>,
    pub band_high_spm: Option<f64>,
    /// The whole run's cadence against the target.
    pub cadence: CadenceTally,
    pub segments: Vec<SegmentSummary>,
    /// Form alerts (cadence low or high, overstride, walking in a run
    /// segment), the first [`MAX_KEPT_ALERTS`].
    pub alerts: Vec<RunEvent>,
    pub alert_count: u32,
    /// Check-ins with their assessments, the first [`MAX_KEPT_CHECK_INS`].
    pub check_ins: Vec<LoggedCheckIn>,
    pub check_in_count: u32,
    /// The plan ran to its end.
    pub completed: bool,
    /// Why it ended early, if it did.
    pub stop_reason: Option<RunStopReason>,
    /// Seconds per trace point: 1 unless the run outgrew the budget.
    pub trace_step_s: u32,
    pub cadence_trace: Vec<RunTracePoint>,
    /// The session time (monotonic, ms) of the trace's second 0, so that
    /// an event's `at_ms` can be placed on the trace's axis (for a resumed
    /// run, the time before the resume is counted back from its restart).
    /// `None` before the run started.
    #[serde(default)]
    pub trace_origin_ms: Option<MonoMs>,
}

impl RunSessionSummary {
    /// The form alerts kept, each with its kind, the cadence that raised it
    /// and its second on the cadence trace's axis (second 0 before the run
    /// started).
    pub fn alert_notes(&self) -> Vec<RunAlertNote> {
        self.alerts
            .iter()
            .filter_map(|e| {
                let kind = RunAlertKind::of(&e.kind)?;
                let cadence_spm = match e.kind {
                    RunEventKind::CadenceLow { cadence_spm, .. }
                    | RunEventKind::CadenceHigh { cadence_spm, .. } => Some(cadence_spm),
                    RunEventKind::WalkingInRunSegment { cadence_spm, .. } => cadence_spm,
                    _ => None,
                };
                let origin_ms = self.trace_origin_ms.unwrap_or(e.at_ms);
                Some(RunAlertNote {
                    at_ms: e.at_ms,
                    at_s: u32::try_from(e.at_ms.saturating_sub(origin_ms) / 1_000)
                        .unwrap_or(u32::MAX),
                    kind,
                    cadence_spm,
                    cue: e.cue.clone(),
                })
            })
            .collect()
    }
}

/// What the session keeps for its summary. Serialized into the checkpoint
/// (all but the 1 Hz trace, which is too big to write every 10 s; a resumed
/// run's trace starts again where it was resumed, see `earlier_trace`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunLog {
    pub(super) started_at_ms: Option<MonoMs>,
    pub(super) ended_at_ms: Option<MonoMs>,
    /// Time before this process's session started counting (a resumed run).
    pub(super) carried_ms: u64,
    pub(super) prev_reading_active_ms: Option<u64>,
    pub(super) distance_m: f64,
    pub(super) speed_seen: bool,
    /// The sensor's total distance at the latest reading that had one.
    #[serde(default)]
    pub(super) prev_total_m: Option<f64>,
    #[serde(default)]
    pub(super) total_seen: bool,
    pub(super) total: CadenceTally,
    pub(super) per_segment: Vec<CadenceTally>,
    pub(super) alerts: Vec<RunEvent>,
    pub(super) alert_count: u32,
    pub(super) check_ins: Vec<LoggedCheckIn>,
    pub(super) check_in_count: u32,
    pub(super) stop_reason: Option<RunStopReason>,
    /// The trace of the run before it was resumed, as it was checkpointed.
    #[serde(default)]
    pub(super) earlier_trace: Vec<RunTracePoint>,
    #[serde(skip, default = "empty_trace")]
    pub(super) trace: CadenceHistory,
}

fn empty_trace() -> CadenceHistory {
    CadenceHistory::new(0, 1_000, TRACE_MAX_POINTS)
}

impl Default for RunLog {
    fn default() -> Self {
        Self {
            started_at_ms: None,
            ended_at_ms: None,
            carried_ms: 0,
            prev_reading_active_ms: None,
            distance_m: 0.0,
            speed_seen: false,
            prev_total_m: None,
            total_seen: false,
            total: CadenceTally::default(),
            per_segment: Vec::new(),
            alerts: Vec::new(),
            alert_count: 0,
            check_ins: Vec::new(),
            check_in_count: 0,
            stop_reason: None,
            earlier_trace: Vec::new(),
            trace: empty_trace(),
        }
    }
}

impl RunLog {
    pub(super) fn start(&mut self, now_ms: MonoMs) {
        self.started_at_ms = Some(now_ms);
        self.trace = CadenceHistory::new(now_ms, 1_000, TRACE_MAX_POINTS);
    }

    pub(super) fn ended(&mut self, at_ms: MonoMs, reason: Option<RunStopReason>) {
        self.ended_at_ms.get_or_insert(at_ms);
        self.stop_reason = self.stop_reason.or(reason);
    }

    /// Form alerts among `events` (the ones a summary lists).
    pub(super) fn note_alerts(&mut self, events: &[RunEvent]) {
        for e in events
            .iter()
            .filter(|e| RunAlertKind::of(&e.kind).is_some())
        {
            self.alert_count = self.alert_count.saturating_add(1);
            if self.alerts.len() < MAX_KEPT_ALERTS {
                self.alerts.push(e.clone());
            }
        }
    }

    pub(super) fn note_check_in(&mut self, note: LoggedCheckIn) {
        self.check_in_count = self.check_in_count.saturating_add(1);
        if self.check_ins.len() < MAX_KEPT_CHECK_INS {
            self.check_ins.push(note);
        }
    }

    /// Every check-in made so far, including those past the kept list.
    pub fn check_in_count(&self) -> u32 {
        self.check_in_count
    }

    /// The check-ins kept so far.
    pub fn check_ins(&self) -> &[LoggedCheckIn] {
        &self.check_ins
    }

    /// Points kept in the 1 Hz trace (bounded by [`TRACE_MAX_POINTS`]).
    pub fn trace_len(&self) -> usize {
        self.trace.len()
    }

    /// The trace from the start of the run, the part before a resume first.
    pub(super) fn trace_points(&self) -> (u32, Vec<RunTracePoint>) {
        let step_s = u32::try_from(self.trace.bucket_ms() / 1_000).unwrap_or(u32::MAX);
        let origin = self.started_at_ms.unwrap_or(0);
        let carried_s = u32::try_from(self.carried_ms / 1_000).unwrap_or(u32::MAX);
        let mut points = self.earlier_trace.clone();
        points.extend(self.trace.points().into_iter().filter_map(|p| {
            let spm = p.avg_spm?;
            let at_s = u32::try_from(p.at_ms.saturating_sub(origin) / 1_000).ok()?;
            Some(RunTracePoint {
                at_s: at_s.saturating_add(carried_s),
                spm,
            })
        }));
        (step_s.max(1), points)
    }

    /// The trace as a checkpoint keeps it: at most one point per `step_s`.
    pub(super) fn coarse_trace(&self, step_s: u32) -> Vec<RunTracePoint> {
        let (_, points) = self.trace_points();
        let step_s = step_s.max(1);
        let mut out: Vec<(u32, f64, u32)> = Vec::new();
        for p in points {
            let at_s = p.at_s / step_s * step_s;
            match out.last_mut() {
                Some((at, sum, n)) if *at == at_s => {
                    *sum += p.spm;
                    *n += 1;
                }
                _ => out.push((at_s, p.spm, 1)),
            }
        }
        out.into_iter()
            .map(|(at_s, sum, n)| RunTracePoint {
                at_s,
                spm: sum / f64::from(n),
            })
            .collect()
    }
}
