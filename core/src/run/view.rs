//! The engine's snapshot of one moment, which `screen.rs` turns into the
//! `RunScreen` an app draws: one snapshot carries everything, so the app
//! never needs more than one call per second.

use serde::{Deserialize, Serialize};

use super::plan::SegmentKind;
use crate::cadence::Metronome;
use crate::sample::MonoMs;

/// Where the session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
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
    /// Running, without a target to compare with.
    Running,
    /// Running below the target band.
    BelowBand,
    /// Running in the target band.
    InBand,
    /// Running above the target band.
    AboveBand,
}

/// The run screen at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunView {
    pub at_ms: MonoMs,
    pub status: RunStatus,
    pub segment_index: Option<usize>,
    pub segment: Option<SegmentKind>,
    pub segment_elapsed_ms: u64,
    pub segment_remaining_ms: u64,
    /// Active time (pauses excluded).
    pub elapsed_ms: u64,
    pub remaining_ms: u64,
    pub total_ms: u64,
    /// Smoothed steps per minute.
    pub cadence_spm: Option<f64>,
    /// 0 to 1.
    pub cadence_confidence: f64,
    pub cadence_state: RunCadenceState,
    /// How long the runner has been walking in this run segment, while they
    /// are (`None` otherwise): the run screen shows it, and no cadence cue
    /// comes meanwhile.
    pub walking_in_run_ms: Option<u64>,
    pub target_spm: Option<f64>,
    pub band_low_spm: Option<f64>,
    pub band_high_spm: Option<f64>,
    pub metronome: Metronome,
    pub speed_mps: Option<f64>,
    pub stride_length_m: Option<f64>,
    /// Readings refused as errors (stamped too late or too far ahead).
    pub dropped_samples: u64,
    /// Readings accepted as input but not believed (implausible values).
    pub rejected_samples: u64,
}
