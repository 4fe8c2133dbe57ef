//! What a run session sends back: events with their numbers and cues, the
//! view, the error, and the observer the app implements.

use super::*;
use crate::pain::{PainAction, PainZone};

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunStopReason {
    User,
    PainAboveZone,
    PainStop,
    RedFlag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunPromptReason {
    AfterRunSegment,
    CoolDown,
    Periodic,
}

/// Every event kind with its numbers, mirroring `patella_core::run::RunEventKind`.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum RunEventKind {
    SessionStarted {
        total_ms: u64,
        segments: u32,
    },
    SegmentStarted {
        index: u32,
        segment: RunSegmentKind,
        duration_ms: u64,
        target_spm: Option<f64>,
    },
    SegmentEndingSoon {
        index: u32,
        segment: RunSegmentKind,
        seconds_left: u32,
        next: Option<RunSegmentKind>,
    },
    Halfway {
        elapsed_ms: u64,
        remaining_ms: u64,
    },
    SessionComplete {
        elapsed_ms: u64,
    },
    SessionStopped {
        reason: RunStopReason,
        elapsed_ms: u64,
    },
    Paused {
        elapsed_ms: u64,
    },
    Resumed {
        paused_for_ms: u64,
    },
    CheckInPrompt {
        reason: RunPromptReason,
    },
    CheckInAssessed {
        score: u8,
        zone: PainZone,
        action: PainAction,
    },
    SwitchedToWalking {
        segments_changed: u32,
    },
    RunEnded {
        skipped_ms: u64,
    },
    CadenceLow {
        cadence_spm: f64,
        target_spm: f64,
        band_low_spm: f64,
        below_for_ms: u64,
    },
    CadenceHigh {
        cadence_spm: f64,
        target_spm: f64,
        band_high_spm: f64,
        above_for_ms: u64,
    },
    BackOnTarget {
        cadence_spm: f64,
        target_spm: f64,
    },
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
    SensorGap {
        source_id: Option<String>,
        last_reading_ms: Option<u64>,
    },
    SensorRestored {
        source_id: Option<String>,
        gap_ms: u64,
    },
    UnitDetected {
        source_id: String,
        unit: RunCadenceUnit,
    },
    /// `reason`: unit_mismatch, above_max, step_too_long or too_low_for_running.
    ReadingsRejected {
        source_id: String,
        value: f64,
        reason: String,
    },
    MetronomeChanged {
        playing: bool,
        interval_ms: Option<u32>,
    },
}

/// One event: when, what (as data), and what to say.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunEvent {
    pub at_ms: u64,
    pub kind: RunEventKind,
    /// The kind's name as in the CLI's JSON ("cadence_low").
    pub name: String,
    pub cue: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunStatus {
    NotStarted,
    Running,
    Paused,
    Complete,
    Stopped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RunCadenceState {
    NoSignal,
    Stopped,
    Walking,
    Suspect,
    Running,
    BelowBand,
    InBand,
    AboveBand,
}

/// The run screen at one moment.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RunView {
    pub at_ms: u64,
    pub status: RunStatus,
    pub segment_index: Option<u32>,
    pub segment: Option<RunSegmentKind>,
    pub segment_elapsed_ms: u64,
    pub segment_remaining_ms: u64,
    pub elapsed_ms: u64,
    pub remaining_ms: u64,
    pub total_ms: u64,
    pub cadence_spm: Option<f64>,
    pub cadence_confidence: f64,
    pub cadence_state: RunCadenceState,
    /// How long the runner has been walking in this run segment, while they are.
    pub walking_in_run_ms: Option<u64>,
    pub target_spm: Option<f64>,
    pub band_low_spm: Option<f64>,
    pub band_high_spm: Option<f64>,
    pub metronome_mode: RunMetronomeMode,
    pub metronome_interval_ms: Option<u32>,
    pub metronome_playing: bool,
    pub speed_mps: Option<f64>,
    pub stride_length_m: Option<f64>,
    pub dropped_samples: u64,
    pub rejected_samples: u64,
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
}

/// Where the app receives the session's events, in order.
#[uniffi::export(with_foreign)]
pub trait RunObserver: Send + Sync {
    fn on_event(&self, event: RunEvent);
}
