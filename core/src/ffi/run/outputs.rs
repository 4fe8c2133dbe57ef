//! What a run session sends back: events with their numbers and cues, the
//! error, and the observer the app implements (the Run screen record is in
//! `screen.rs`; the cue, status and reasons are the core's records).

use super::*;
use crate::ffi::pain::{PainAction, PainZone};

/// Every event kind with its numbers, mirroring `crate::run::RunEventKind`.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum RunEventKind {
    /// The session started.
    SessionStarted {
        /// The plan's whole length.
        total_ms: u64,
        /// How many segments it has.
        segments: u32,
    },
    /// A segment began.
    SegmentStarted {
        /// The segment's position, from 0.
        index: u32,
        /// Its kind.
        segment: RunSegmentKind,
        /// Its length.
        duration_ms: u64,
        /// The cadence target in a run segment.
        target_spm: Option<f64>,
    },
    /// A countdown before a segment ends.
    SegmentEndingSoon {
        /// The segment's position, from 0.
        index: u32,
        /// Its kind.
        segment: RunSegmentKind,
        /// Seconds until it ends.
        seconds_left: u32,
        /// The segment after it; none at the end.
        next: Option<RunSegmentKind>,
    },
    /// Half the planned time is done.
    Halfway {
        /// Active time so far.
        elapsed_ms: u64,
        /// Active time still to go.
        remaining_ms: u64,
    },
    /// The plan ran to its end.
    SessionComplete {
        /// Active time so far.
        elapsed_ms: u64,
    },
    /// The session ended early.
    SessionStopped {
        /// Why.
        reason: RunStopReason,
        /// Active time so far.
        elapsed_ms: u64,
    },
    /// The runner paused.
    Paused {
        /// Active time so far.
        elapsed_ms: u64,
    },
    /// The runner resumed.
    Resumed {
        /// How long the pause lasted.
        paused_for_ms: u64,
    },
    /// The session asks about the knee.
    CheckInPrompt {
        /// Why now.
        reason: RunPromptReason,
    },
    /// A live check-in was assessed.
    CheckInAssessed {
        /// The pain score, 0-10.
        score: u8,
        /// The pain zone.
        zone: PainZone,
        /// What the runner should do.
        action: PainAction,
    },
    /// Pain above the zone: the remaining run segments became walks.
    SwitchedToWalking {
        /// How many run segments became walks.
        segments_changed: u32,
    },
    /// Pain above the zone: running ended, straight to the cool-down.
    RunEnded {
        /// Planned time skipped to reach the cool-down.
        skipped_ms: u64,
    },
    /// Cadence below the band for a while.
    CadenceLow {
        /// The smoothed cadence.
        cadence_spm: f64,
        /// The target.
        target_spm: f64,
        /// The band's lower edge.
        band_low_spm: f64,
        /// How long it has been below.
        below_for_ms: u64,
    },
    /// Cadence above the band for a while (when enabled).
    CadenceHigh {
        /// The smoothed cadence.
        cadence_spm: f64,
        /// The target.
        target_spm: f64,
        /// The band's upper edge.
        band_high_spm: f64,
        /// How long it has been above.
        above_for_ms: u64,
    },
    /// Cadence back in the band after an alert.
    BackOnTarget {
        /// The smoothed cadence.
        cadence_spm: f64,
        /// The target.
        target_spm: f64,
    },
    /// Strides longer than the runner's baseline at this speed.
    Overstride {
        /// The current stride length.
        stride_m: f64,
        /// The runner's baseline stride at this speed.
        baseline_m: f64,
        /// The speed.
        speed_mps: f64,
        /// How much longer than the baseline, in percent.
        excess_pct: f64,
    },
    /// A steady walk in a run segment (once per segment); cadence cues
    /// stay off while the runner walks.
    WalkingInRunSegment {
        /// How long they have walked.
        walking_for_ms: u64,
        /// The cadence, if read.
        cadence_spm: Option<f64>,
        /// The speed, if read.
        speed_mps: Option<f64>,
    },
    /// No readings, or the sensor said it lost the signal: cadence cues pause.
    SensorGap {
        /// The source, if one is known.
        source_id: Option<String>,
        /// The last reading before the gap.
        last_reading_ms: Option<u64>,
    },
    /// Readings are back.
    SensorRestored {
        /// The source, if one is known.
        source_id: Option<String>,
        /// How long the gap lasted.
        gap_ms: u64,
    },
    /// A source's counting unit is now known.
    UnitDetected {
        /// The source.
        source_id: String,
        /// The unit it counts in.
        unit: RunCadenceUnit,
    },
    /// Readings from a source cannot be believed (once per streak).
    /// `reason`: unit_mismatch, above_max, step_too_long or too_low_for_running.
    ReadingsRejected {
        /// The source.
        source_id: String,
        /// The first value refused.
        value: f64,
        /// Why it was refused.
        reason: String,
    },
    /// The metronome should start or stop.
    MetronomeChanged {
        /// Whether to play it.
        playing: bool,
        /// One beat per step at the target.
        interval_ms: Option<u32>,
    },
}

/// One event: when, what (as data), and its cue.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunEvent {
    /// The monotonic time it refers to.
    pub at_ms: u64,
    /// What happened, with its numbers.
    pub kind: RunEventKind,
    /// The kind's name as in the CLI's JSON ("cadence_low").
    pub name: String,
    /// What to show and say, and how urgently.
    pub cue: RunCue,
}

/// What a session call can fail with.
#[derive(Debug, thiserror::Error, uniffi::Error)]
// Flat: the apps get the Display text as the error's message (see ARCHITECTURE.md, "Errors").
#[uniffi(flat_error)]
pub enum RunSessionError {
    /// The run plan cannot be run; the message says why.
    #[error("{detail}")]
    InvalidPlan { detail: String },
    /// A call's input was refused; nothing changed.
    #[error("{detail}")]
    InvalidInput { detail: String },
    /// A date or date-time could not be read; the message names the field.
    #[error(
        "{field}: '{value}' is not an ISO-8601 date or date and time (e.g. 2026-11-22T07:30:00)"
    )]
    InvalidDate { field: String, value: String },
    /// An earlier internal failure left the session unusable.
    #[error("run session: an earlier call failed while holding the session; create a new session")]
    Poisoned,
    /// The session's event delivery thread could not be started.
    #[error("run session: events cannot be delivered: {detail}")]
    DeliveryUnavailable { detail: String },
    /// Another run was left unfinished in the record (the app was killed
    /// during it); keeping a new run would write over it.
    #[error(
        "run {run_id} was left unfinished: bring it back with RunSession.restore, or keep it as it stands with Coach.keepUnfinishedRun, before keeping a new run"
    )]
    UnfinishedRunWaiting { run_id: String },
    /// The record cannot be written (a read-only or full data folder), so
    /// the run would not be kept; `keepIn` with `acceptNotKept` runs it
    /// anyway, keeping nothing.
    #[error(
        "the record cannot be written ({reason}): this run would not be kept; free the data folder, or keep the run with acceptNotKept to run without keeping anything"
    )]
    RecordNotWritable { reason: String },
}

/// Where the app receives the session's events, in order.
#[uniffi::export(with_foreign)]
pub trait RunObserver: Send + Sync {
    /// One event, on the session's delivery thread.
    fn on_event(&self, event: RunEvent);
}
