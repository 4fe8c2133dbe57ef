//! The Run screen: everything an app draws during a run, display-ready, in
//! one record read once per redraw, and what the session remembers for the
//! screen alone ([`Shown`]): the pending knee check, the last assessment,
//! the stop reason and the sensor. `draw_screen.rs` builds it from the
//! engine's view.

use serde::{Deserialize, Serialize};

use super::event::{RunPromptReason, RunStopReason};
use super::plan::SegmentKind;
use super::view::{RunCadenceState, RunStatus};
use crate::cadence::Metronome;
use crate::pain::PainZone;
use crate::sample::{MonoMs, SensorLink};

/// At or below this battery level the panel marks the battery low (the
/// project's choice; the sensor client warns on its own, configurable, level).
pub const LOW_BATTERY_PERCENT: u8 = 20;

/// What the session keeps only to show it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Shown {
    pub pending_prompt: Option<RunPromptReason>,
    pub last_assessment: Option<RunAssessment>,
    pub stop_reason: Option<RunStopReason>,
    pub sensor_id: Option<String>,
    pub link: Option<SensorLink>,
    pub battery_percent: Option<u8>,
}

/// One segment as a card on the Run screen: "Run, 1:30".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunSegmentCard {
    /// Position in the session's segment list, from 0.
    pub index: u32,
    /// What kind of segment it is.
    pub kind: SegmentKind,
    /// Its title: "Warm-up", "Run", "Walk", "Cool-down".
    pub label: String,
    /// Its planned length.
    pub duration_ms: u64,
    /// Its planned length as a clock time ("1:30").
    pub duration_label: String,
}

/// The cadence gauge: the reading against the target band, with a zone token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunCadenceGauge {
    /// Smoothed steps per minute; none without a believable reading.
    pub spm: Option<f64>,
    /// "172 steps/min", or "--".
    pub label: String,
    /// 0 to 1: how far the reading can be trusted.
    pub confidence: f64,
    /// The day's target, steps per minute; none: no cadence coaching.
    pub target_spm: Option<f64>,
    /// The band's lower edge.
    pub band_low_spm: Option<f64>,
    /// The band's upper edge.
    pub band_high_spm: Option<f64>,
    /// "165-175 steps/min".
    pub band_label: Option<String>,
    /// The zone token the app colours the gauge by.
    pub zone: RunCadenceState,
    /// A few words on the zone ("In your band").
    pub zone_label: String,
}

/// The sensor's corner of the Run screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunSensorPanel {
    /// The sensor the session last heard about.
    pub source_id: Option<String>,
    /// Its link; none while no sensor reported one (a phone pedometer).
    pub link: Option<SensorLink>,
    /// The link in words ("Sensor connected", "No sensor").
    pub label: String,
    /// Battery level, 0-100, once the sensor reported it.
    pub battery_percent: Option<u8>,
    /// "80%".
    pub battery_label: Option<String>,
    /// The battery is at or below 20% (the project's threshold).
    pub battery_low: bool,
}

/// A knee check the session asked for and still waits on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunCheckInPrompt {
    /// Why it was asked now.
    pub reason: RunPromptReason,
    /// The question to show.
    pub question: String,
}

/// The outcome of the last live check-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunAssessment {
    /// The pain score given, 0-10.
    pub score: u8,
    /// The pain zone it falls in.
    pub zone: PainZone,
    /// What the runner is told to do, in the project's words.
    pub advice: String,
}

/// Where a segment of the progress strip stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RunStripState {
    /// Behind the runner.
    Done,
    /// Under way.
    Current,
    /// Still ahead.
    Upcoming,
}

/// One piece of the progress strip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunStripSegment {
    /// What kind of segment it is.
    pub kind: SegmentKind,
    /// Its planned length.
    pub duration_ms: u64,
    /// Done, current or upcoming.
    pub state: RunStripState,
    /// 0 to 1 of it behind the runner.
    pub done_fraction: f64,
}

/// Which buttons the Run screen enables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunButtons {
    /// Start: before the session started.
    pub start: bool,
    /// Pause: while running.
    pub pause: bool,
    /// Resume: while paused.
    pub resume: bool,
    /// Stop: while running or paused.
    pub stop: bool,
    /// Knee check-in: while running or paused.
    pub check_in: bool,
}

/// The Run screen at one moment: everything to draw, in one call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RunScreen {
    /// The monotonic time it describes.
    pub at_ms: MonoMs,
    /// Where the session is.
    pub status: RunStatus,
    /// The status in words ("Running", "Paused", "Done").
    pub status_label: String,
    /// Paused by the runner.
    pub paused: bool,
    /// The segment under way; none before the start and after the end.
    pub current: Option<RunSegmentCard>,
    /// The segment after it; none in the last one.
    pub next: Option<RunSegmentCard>,
    /// Time left in the current segment.
    pub countdown_ms: u64,
    /// The countdown as a clock time, rounded up ("0:01" until the end).
    pub countdown_label: String,
    /// Active time so far (pauses excluded).
    pub elapsed_ms: u64,
    /// "12:05".
    pub elapsed_label: String,
    /// Active time still to go.
    pub remaining_ms: u64,
    /// "17:55".
    pub remaining_label: String,
    /// The whole plan's length.
    pub total_ms: u64,
    /// The cadence gauge.
    pub cadence: RunCadenceGauge,
    /// How long the runner has walked in this run segment, while they do.
    pub walking_in_run_ms: Option<u64>,
    /// "Walking for 0:45", while they do.
    pub walking_in_run_label: Option<String>,
    /// The sensor's link and battery.
    pub sensor: RunSensorPanel,
    /// The knee check waiting for an answer, if any.
    pub check_in_prompt: Option<RunCheckInPrompt>,
    /// The last live check-in's outcome, if any.
    pub last_assessment: Option<RunAssessment>,
    /// Why the session stopped early, once it has.
    pub stop_reason: Option<RunStopReason>,
    /// The stop in words.
    pub stop_label: Option<String>,
    /// Every segment, for the progress strip.
    pub strip: Vec<RunStripSegment>,
    /// Which buttons are enabled.
    pub buttons: RunButtons,
    /// The metronome as the app should play it.
    pub metronome: Metronome,
    /// Readings refused as errors (stamped too late or too far ahead).
    pub dropped_samples: u64,
    /// Readings accepted but not believed (implausible values).
    pub rejected_samples: u64,
    /// Set while what the runner entered is not safe in the record (a
    /// write failed, or the run is not being kept at all): the words to
    /// show, "Not saved: …" or "Not kept: …". Only a run kept through the
    /// journal (`crate::journal::LiveRun`) can say; the session alone, and
    /// a run kept and saved, leave it empty.
    pub not_saved: Option<String>,
}
