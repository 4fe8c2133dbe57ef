//! The Run screen over the FFI: the core's `crate::run::RunScreen`, one
//! record per redraw, display-ready (the core formats every label). Its
//! parts are the core's records; only the last assessment, which holds the
//! pain facade's `PainZone`, is carried across here.

use serde::Serialize;

use super::*;
use crate::cadence::Metronome;
use crate::ffi::pain::PainZone;

/// The outcome of the last live check-in.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct RunAssessment {
    /// The pain score given, 0-10.
    pub score: u8,
    /// The pain zone it falls in.
    pub zone: PainZone,
    /// What the runner is told to do, in the project's words.
    pub advice: String,
}

/// The Run screen at one moment: everything to draw, in one call.
#[derive(Debug, Clone, PartialEq, Serialize, uniffi::Record)]
pub struct RunScreen {
    /// The monotonic time it describes.
    pub at_ms: u64,
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
    /// The metronome.
    pub metronome: Metronome,
    /// Readings refused as errors (stamped too late or too far ahead).
    pub dropped_samples: u64,
    /// Readings accepted but not believed (implausible values).
    pub rejected_samples: u64,
    /// Set while what the runner entered is not safe in the record (a
    /// write failed, or the run is not being kept): the words to show,
    /// "Not saved: …" or "Not kept: …". Empty for a run kept and saved, and
    /// for a session never kept (`keepIn`).
    pub not_saved: Option<String>,
}

impl From<crate::run::RunScreen> for RunScreen {
    fn from(v: crate::run::RunScreen) -> Self {
        Self {
            at_ms: v.at_ms,
            status: v.status,
            status_label: v.status_label,
            paused: v.paused,
            current: v.current,
            next: v.next,
            countdown_ms: v.countdown_ms,
            countdown_label: v.countdown_label,
            elapsed_ms: v.elapsed_ms,
            elapsed_label: v.elapsed_label,
            remaining_ms: v.remaining_ms,
            remaining_label: v.remaining_label,
            total_ms: v.total_ms,
            cadence: v.cadence,
            walking_in_run_ms: v.walking_in_run_ms,
            walking_in_run_label: v.walking_in_run_label,
            sensor: v.sensor,
            check_in_prompt: v.check_in_prompt,
            last_assessment: v.last_assessment.map(|a| RunAssessment {
                score: a.score,
                zone: a.zone.into(),
                advice: a.advice,
            }),
            stop_reason: v.stop_reason,
            stop_label: v.stop_label,
            strip: v.strip,
            buttons: v.buttons,
            metronome: v.metronome,
            dropped_samples: v.dropped_samples,
            rejected_samples: v.rejected_samples,
            not_saved: v.not_saved,
        }
    }
}
