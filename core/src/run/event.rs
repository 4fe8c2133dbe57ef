//! What a session tells the app: one event per thing that happened, as data
//! (a kind plus numbers, so an app can speak it, vibrate or translate it)
//! with its cue: a short sentence in the project's own words, an urgency,
//! and how it is delivered.

use serde::{Deserialize, Serialize};

use super::plan::SegmentKind;
use crate::cadence::plausibility::RejectReason;
use crate::pain::{PainAction, PainZone};
use crate::sample::{CadenceUnit, MonoMs};

/// How pressing a cue is; the shells map it to a haptic pattern and a
/// notification importance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RunUrgency {
    /// Worth showing; no need to interrupt.
    Info,
    /// A gentle correction or a step in the session.
    Nudge,
    /// Something the runner should act on soon.
    Warning,
    /// The session stopped for the knee's sake.
    Stop,
}

/// What an event says and how it is delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunCue {
    /// The sentence to show (and to speak when `speak`).
    pub text: String,
    /// How pressing it is.
    pub urgency: RunUrgency,
    /// Read it out (when the runner has voice cues on).
    pub speak: bool,
    /// Deliver it as a notification that shows on a locked phone.
    pub reach_locked_phone: bool,
}

/// One event, stamped with the monotonic time it refers to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunEvent {
    pub at_ms: MonoMs,
    #[serde(flatten)]
    pub kind: RunEventKind,
    /// What to show and say, and how urgently (see [`super::cue::delivery`]).
    pub cue: RunCue,
}

/// Why a session ended before its plan did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RunStopReason {
    /// The runner ended it.
    User,
    /// Pain above the buffer zone with no cool-down left to skip to.
    PainAboveZone,
    /// Sharp or climbing pain (article 002, 001, 004: stop now).
    PainStop,
    /// A red flag: see a clinician (article 002).
    RedFlag,
}

/// Why the session asks about the knee now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RunPromptReason {
    /// A run segment just ended.
    AfterRunSegment,
    /// The cool-down began.
    CoolDown,
    /// The periodic reminder from the settings.
    Periodic,
}

/// Every kind of event, with its numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RunEventKind {
    SessionStarted {
        total_ms: u64,
        segments: usize,
    },
    SegmentStarted {
        index: usize,
        segment: SegmentKind,
        duration_ms: u64,
        target_spm: Option<f64>,
    },
    SegmentEndingSoon {
        index: usize,
        segment: SegmentKind,
        seconds_left: u32,
        next: Option<SegmentKind>,
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
    /// Pain above the zone: the remaining run segments became walks.
    SwitchedToWalking {
        segments_changed: usize,
    },
    /// Pain above the zone: running ended, straight to the cool-down.
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
    /// The runner has walked steadily in a run segment for a while (once per
    /// segment). Cadence cues are off while they walk.
    WalkingInRunSegment {
        walking_for_ms: u64,
        cadence_spm: Option<f64>,
        speed_mps: Option<f64>,
    },
    /// No readings (or the source said it was lost): cadence cues pause.
    SensorGap {
        source_id: Option<String>,
        last_reading_ms: Option<MonoMs>,
    },
    SensorRestored {
        source_id: Option<String>,
        gap_ms: u64,
    },
    /// A source's unit is now known from its readings.
    UnitDetected {
        source_id: String,
        unit: CadenceUnit,
    },
    /// A source started sending readings that cannot be believed; reported
    /// once per streak. They are ignored.
    ReadingsRejected {
        source_id: String,
        value: f64,
        reason: RejectReason,
    },
    MetronomeChanged {
        playing: bool,
        interval_ms: Option<u32>,
    },
}

impl RunEventKind {
    /// Whether this is a form alert (the kinds the minimum gap applies to).
    pub fn is_form_alert(&self) -> bool {
        matches!(
            self,
            Self::CadenceLow { .. } | Self::CadenceHigh { .. } | Self::Overstride { .. }
        )
    }

    /// The `kind` name as it appears in JSON.
    pub fn name(&self) -> &'static str {
        match self {
            Self::SessionStarted { .. } => "session_started",
            Self::SegmentStarted { .. } => "segment_started",
            Self::SegmentEndingSoon { .. } => "segment_ending_soon",
            Self::Halfway { .. } => "halfway",
            Self::SessionComplete { .. } => "session_complete",
            Self::SessionStopped { .. } => "session_stopped",
            Self::Paused { .. } => "paused",
            Self::Resumed { .. } => "resumed",
            Self::CheckInPrompt { .. } => "check_in_prompt",
            Self::CheckInAssessed { .. } => "check_in_assessed",
            Self::SwitchedToWalking { .. } => "switched_to_walking",
            Self::RunEnded { .. } => "run_ended",
            Self::CadenceLow { .. } => "cadence_low",
            Self::CadenceHigh { .. } => "cadence_high",
            Self::BackOnTarget { .. } => "back_on_target",
            Self::Overstride { .. } => "overstride",
            Self::WalkingInRunSegment { .. } => "walking_in_run_segment",
            Self::SensorGap { .. } => "sensor_gap",
            Self::SensorRestored { .. } => "sensor_restored",
            Self::UnitDetected { .. } => "unit_detected",
            Self::ReadingsRejected { .. } => "readings_rejected",
            Self::MetronomeChanged { .. } => "metronome_changed",
        }
    }
}
