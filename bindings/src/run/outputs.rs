//! What a run session sends back: events with their numbers and cues, the
//! view, the error, and the observer the app implements.

use serde::Serialize;

use super::*;
use crate::pain::{PainAction, PainZone};

/// How pressing a cue is; the app maps it to a haptic pattern and a
/// notification importance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum RunUrgency {
    /// Worth showing; no need to interrupt.
    Info,
    /// A gentle correction or a step in the session.
    Nudge,
    /// Something to act on soon.
    Warning,
    /// The session stopped for the knee's sake.
    Stop,
}

/// What an event or sensor change says, and how to deliver it. Decided by
/// the core, so every app says the same thing the same way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct RunCue {
    /// The sentence to show (and to speak when `speak`).
    pub text: String,
    /// How pressing it is.
    pub urgency: RunUrgency,
    /// Read it out, when the runner has voice cues on.
    pub speak: bool,
    /// Post it as a notification that shows on a locked phone.
    pub reach_locked_phone: bool,
}

/// Why a session ended before its plan did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum RunStopReason {
    /// The runner ended it.
    User,
    /// Pain above the buffer zone with no cool-down left to go to.
    PainAboveZone,
    /// Sharp or climbing pain.
    PainStop,
    /// A red flag: see a clinician.
    RedFlag,
}

/// Why the session asks about the knee now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum RunPromptReason {
    /// A run segment just ended.
    AfterRunSegment,
    /// The cool-down began.
    CoolDown,
    /// The periodic reminder from the settings.
    Periodic,
}

/// Every event kind with its numbers, mirroring `patella_core::run::RunEventKind`.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum RunEventKind {
    /// The session started.
    SessionStarted {
        total_ms: u64,
        segments: u32,
    },
    /// A segment began.
    SegmentStarted {
        index: u32,
        segment: RunSegmentKind,
        duration_ms: u64,
        target_spm: Option<f64>,
    },
    /// A countdown before a segment ends.
    SegmentEndingSoon {
        index: u32,
        segment: RunSegmentKind,
        seconds_left: u32,
        next: Option<RunSegmentKind>,
    },
    /// Half the planned time is done.
    Halfway {
        elapsed_ms: u64,
        remaining_ms: u64,
    },
    /// The plan ran to its end.
    SessionComplete {
        elapsed_ms: u64,
    },
    /// The session ended early.
    SessionStopped {
        reason: RunStopReason,
        elapsed_ms: u64,
    },
    /// The runner paused.
    Paused {
        elapsed_ms: u64,
    },
    /// The runner resumed.
    Resumed {
        paused_for_ms: u64,
    },
    /// The session asks about the knee.
    CheckInPrompt {
        reason: RunPromptReason,
    },
    /// A live check-in was assessed.
    CheckInAssessed {
        score: u8,
        zone: PainZone,
        action: PainAction,
    },
    /// Pain above the zone: the remaining run segments became walks.
    SwitchedToWalking {
        segments_changed: u32,
    },
    /// Pain above the zone: running ended, straight to the cool-down.
    RunEnded {
        skipped_ms: u64,
    },
    /// Cadence below the band for a while.
    CadenceLow {
        cadence_spm: f64,
        target_spm: f64,
        band_low_spm: f64,
        below_for_ms: u64,
    },
    /// Cadence above the band for a while (when enabled).
    CadenceHigh {
        cadence_spm: f64,
        target_spm: f64,
        band_high_spm: f64,
        above_for_ms: u64,
    },
    /// Cadence back in the band after an alert.
    BackOnTarget {
        cadence_spm: f64,
        target_spm: f64,
    },
    /// Strides longer than the runner's baseline at this speed.
    Overstride {
        stride_m: f64,
        baseline_m: f64,
        speed_mps: f64,
        excess_pct: f64,
    },
    /// A steady walk in a run segment (once per segment); cadence cues
    /// stay off while the runner walks.
    WalkingInRunSegment {
        walking_for_ms: u64,
        cadence_spm: Option<f64>,
        speed_mps: Option<f64>,
    },
    /// No readings, or the sensor said it lost the signal: cadence cues pause.
    SensorGap {
        source_id: Option<String>,
        last_reading_ms: Option<u64>,
    },
    /// Readings are back.
    SensorRestored {
        source_id: Option<String>,
        gap_ms: u64,
    },
    /// A source's counting unit is now known.
    UnitDetected {
        source_id: String,
        unit: RunCadenceUnit,
    },
    /// Readings from a source cannot be believed (once per streak).
    /// `reason`: unit_mismatch, above_max, step_too_long or too_low_for_running.
    ReadingsRejected {
        source_id: String,
        value: f64,
        reason: String,
    },
    /// The metronome should start or stop.
    MetronomeChanged {
        playing: bool,
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

/// Where the session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// Created, not started.
    NotStarted,
    /// Under way.
    Running,
    /// Paused by the runner.
    Paused,
    /// The plan ran to its end.
    Complete,
    /// Ended early (see the stop reason).
    Stopped,
}

/// What the latest cadence readings say: the zone token of the gauge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum RunCadenceState {
    /// No reading yet, or the signal is lost.
    NoSignal,
    /// Standing still.
    Stopped,
    /// Walking.
    Walking,
    /// The latest reading was not believable.
    Suspect,
    /// Running, with no target to compare with.
    Running,
    /// Running below the target band.
    BelowBand,
    /// Running in the target band.
    InBand,
    /// Running above the target band.
    AboveBand,
}

/// What a session call can fail with.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum RunSessionError {
    #[error("{detail}")]
    InvalidPlan { detail: String },
    #[error("{detail}")]
    InvalidInput { detail: String },
    #[error(
        "{field}: '{value}' is not an ISO-8601 date or date and time (e.g. 2026-11-22T07:30:00)"
    )]
    InvalidDate { field: String, value: String },
    #[error("run session: an earlier call failed while holding the session; create a new session")]
    Poisoned,
    /// The session's event delivery thread could not be started.
    #[error("run session: events cannot be delivered: {detail}")]
    DeliveryUnavailable { detail: String },
}

/// Where the app receives the session's events, in order.
#[uniffi::export(with_foreign)]
pub trait RunObserver: Send + Sync {
    fn on_event(&self, event: RunEvent);
}
