//! The Run screen: everything an app draws during a run, display-ready, in
//! one record read once per redraw, and what the session remembers for the
//! screen alone ([`Shown`]): the pending knee check, the last assessment,
//! the stop reason and the sensor. `draw_screen.rs` builds it from the
//! engine's view.

use serde::{Deserialize, Serialize};

use super::event::{PromptReason, StopReason};
use super::plan::SegmentKind;
use super::view::{CadenceState, SessionStatus};
use crate::cadence::Metronome;
use crate::pain::PainZone;
use crate::sample::{MonoMs, SensorLink};

/// At or below this battery level the panel marks the battery low (the
/// project's choice; the sensor client warns on its own, configurable, level).
pub const LOW_BATTERY_PERCENT: u8 = 20;

/// What the session keeps only to show it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Shown {
    pub pending_prompt: Option<PromptReason>,
    pub last_assessment: Option<AssessmentCard>,
    pub stop_reason: Option<StopReason>,
    pub sensor_id: Option<String>,
    pub link: Option<SensorLink>,
    pub battery_percent: Option<u8>,
}

/// One segment as a card: "Run, 1:30".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentCard {
    pub index: usize,
    pub kind: SegmentKind,
    pub label: String,
    pub duration_ms: u64,
    pub duration_label: String,
}

/// The cadence gauge: the value against the target band, with a zone token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CadenceGauge {
    pub spm: Option<f64>,
    pub label: String,
    /// 0 to 1; how much the reading can be trusted.
    pub confidence: f64,
    pub target_spm: Option<f64>,
    pub band_low_spm: Option<f64>,
    pub band_high_spm: Option<f64>,
    pub band_label: Option<String>,
    /// The zone token the shells colour by.
    pub zone: CadenceState,
    pub zone_label: String,
}

/// The sensor's corner of the screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SensorPanel {
    pub source_id: Option<String>,
    /// `None` while no sensor has reported a link (a phone pedometer, say).
    pub link: Option<SensorLink>,
    pub label: String,
    pub battery_percent: Option<u8>,
    pub battery_label: Option<String>,
    pub battery_low: bool,
}

/// The knee check the session asked for and is waiting on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckInPromptCard {
    pub reason: PromptReason,
    pub question: String,
}

/// The last live check-in's outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentCard {
    pub score: u8,
    pub zone: PainZone,
    pub advice: String,
}

/// Where a segment of the progress strip stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StripState {
    Done,
    Current,
    Upcoming,
}

/// One piece of the progress strip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StripSegment {
    pub kind: SegmentKind,
    pub duration_ms: u64,
    pub state: StripState,
    /// 0 to 1 of this segment behind the runner.
    pub done_fraction: f64,
}

/// Which buttons the screen enables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunButtons {
    pub start: bool,
    pub pause: bool,
    pub resume: bool,
    pub stop: bool,
    pub check_in: bool,
}

/// The Run screen at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunScreen {
    pub at_ms: MonoMs,
    pub status: SessionStatus,
    pub status_label: String,
    pub paused: bool,
    pub current: Option<SegmentCard>,
    pub next: Option<SegmentCard>,
    /// Time left in the current segment.
    pub countdown_ms: u64,
    pub countdown_label: String,
    pub elapsed_ms: u64,
    pub elapsed_label: String,
    pub remaining_ms: u64,
    pub remaining_label: String,
    pub total_ms: u64,
    pub cadence: CadenceGauge,
    /// How long the runner has walked in this run segment, while they do.
    pub walking_in_run_ms: Option<u64>,
    pub walking_in_run_label: Option<String>,
    pub sensor: SensorPanel,
    pub check_in_prompt: Option<CheckInPromptCard>,
    pub last_assessment: Option<AssessmentCard>,
    pub stop_reason: Option<StopReason>,
    pub stop_label: Option<String>,
    pub strip: Vec<StripSegment>,
    pub buttons: RunButtons,
    pub metronome: Metronome,
    pub dropped_samples: u64,
    pub rejected_samples: u64,
    /// Set while what the runner entered is not safe in the record (a
    /// write failed, or the run is not being kept at all): the words to
    /// show. Only a run kept through the journal (`crate::journal::LiveRun`)
    /// can say; the session alone leaves it empty.
    pub not_saved: Option<String>,
}
