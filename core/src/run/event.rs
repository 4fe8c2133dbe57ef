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

/// Every kind of event, with its numbers. Positions and counts of
/// segments are `u32`: a plan has at most `MAX_SEGMENTS` (500).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case")]
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
        segment: SegmentKind,
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
        segment: SegmentKind,
        /// Seconds until it ends.
        seconds_left: u32,
        /// The segment after it; none at the end.
        next: Option<SegmentKind>,
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
        last_reading_ms: Option<MonoMs>,
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
        unit: CadenceUnit,
    },
    /// Readings from a source cannot be believed; reported once per
    /// streak. They are ignored.
    ReadingsRejected {
        /// The source.
        source_id: String,
        /// The first value refused.
        value: f64,
        /// Why it was refused.
        reason: RejectReason,
    },
    /// The metronome should start or stop.
    MetronomeChanged {
        /// Whether to play it.
        playing: bool,
        /// One beat per step at the target.
        interval_ms: Option<u32>,
    },
}

/// A segment position or count as events and screens carry it: a plan has
/// at most `MAX_SEGMENTS` (500) segments, so it always fits.
pub(super) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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
