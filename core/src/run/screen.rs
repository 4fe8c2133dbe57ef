//! The Run screen: everything an app draws during a run, display-ready, in
//! one record read once per redraw. Built from the engine's [`RunView`]
//! plus what the session remembers for the screen alone ([`Shown`]): the
//! pending knee check, the last assessment, the stop reason and the sensor.

use serde::{Deserialize, Serialize};

use super::cue;
use super::event::{PromptReason, StopReason};
use super::format;
use super::plan::SegmentKind;
use super::session::RunSession;
use super::view::{CadenceState, RunView, SessionStatus};
use crate::cadence::Metronome;
use crate::pain::PainZone;
use crate::sample::{MonoMs, SensorLink};
use crate::words;

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

impl RunSession {
    /// The Run screen at `now_ms`; reads only, like [`RunSession::snapshot`].
    pub fn screen(&self, now_ms: MonoMs) -> RunScreen {
        let view = self.snapshot(now_ms);
        let under_way = self.is_under_way();
        let card = |index: usize| {
            self.segments.get(index).map(|s| SegmentCard {
                index,
                kind: s.kind,
                label: format::segment_title(s.kind).to_owned(),
                duration_ms: s.duration_ms,
                duration_label: words::clock(s.duration_ms),
            })
        };
        let (current, next) = match view.segment_index {
            Some(i) => (card(i), card(i + 1)),
            None => (None, None),
        };
        RunScreen {
            at_ms: now_ms,
            status: view.status,
            status_label: format::status(view.status).to_owned(),
            paused: view.status == SessionStatus::Paused,
            current,
            next,
            countdown_ms: view.segment_remaining_ms,
            countdown_label: words::countdown(view.segment_remaining_ms),
            elapsed_ms: view.elapsed_ms,
            elapsed_label: words::clock(view.elapsed_ms),
            remaining_ms: view.remaining_ms,
            remaining_label: words::countdown(view.remaining_ms),
            total_ms: view.total_ms,
            cadence: gauge(&view),
            walking_in_run_ms: view.walking_in_run_ms,
            walking_in_run_label: view.walking_in_run_ms.map(format::walking_for),
            sensor: self.sensor_panel(),
            check_in_prompt: self
                .shown
                .pending_prompt
                .filter(|_| under_way)
                .map(|reason| CheckInPromptCard {
                    reason,
                    question: cue::check_in_prompt(),
                }),
            last_assessment: self.shown.last_assessment.clone(),
            stop_reason: self.shown.stop_reason,
            stop_label: self.shown.stop_reason.map(cue::stopped),
            strip: self.strip(&view),
            buttons: RunButtons {
                start: view.status == SessionStatus::NotStarted,
                pause: view.status == SessionStatus::Running,
                resume: view.status == SessionStatus::Paused,
                stop: under_way,
                check_in: under_way,
            },
            metronome: view.metronome,
            dropped_samples: view.dropped_samples,
            rejected_samples: view.rejected_samples,
            not_saved: None,
        }
    }

    /// A sensor's link changed; only the screen shows it (cadence cues
    /// follow `signal_lost` / `signal_restored`).
    pub fn sensor_link(&mut self, source_id: &str, link: SensorLink) {
        self.note_sensor(source_id);
        self.shown.link = Some(link);
    }

    /// A sensor reported its battery level.
    pub fn sensor_battery(&mut self, source_id: &str, percent: u8) {
        self.note_sensor(source_id);
        self.shown.battery_percent = Some(percent.min(100));
    }

    fn note_sensor(&mut self, source_id: &str) {
        if self.shown.sensor_id.as_deref() != Some(source_id) {
            // Another sensor: the previous one's battery says nothing.
            self.shown.sensor_id = Some(source_id.to_owned());
            self.shown.battery_percent = None;
        }
    }

    fn sensor_panel(&self) -> SensorPanel {
        let battery = self.shown.battery_percent;
        SensorPanel {
            source_id: self.shown.sensor_id.clone(),
            link: self.shown.link,
            label: format::sensor_link(self.shown.link).to_owned(),
            battery_percent: battery,
            battery_label: battery.map(format::battery),
            battery_low: battery.is_some_and(|p| p <= LOW_BATTERY_PERCENT),
        }
    }

    fn strip(&self, view: &RunView) -> Vec<StripSegment> {
        let finished = matches!(view.status, SessionStatus::Complete);
        self.segments
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let state = match view.segment_index {
                    _ if finished => StripState::Done,
                    Some(c) if i < c => StripState::Done,
                    Some(c) if i == c => StripState::Current,
                    _ if view.elapsed_ms >= s.end_ms() => StripState::Done,
                    _ => StripState::Upcoming,
                };
                let done_ms = view.elapsed_ms.clamp(s.start_ms, s.end_ms()) - s.start_ms;
                #[allow(clippy::cast_precision_loss)]
                let done_fraction = if s.duration_ms == 0 {
                    1.0
                } else {
                    done_ms as f64 / s.duration_ms as f64
                };
                StripSegment {
                    kind: s.kind,
                    duration_ms: s.duration_ms,
                    state,
                    done_fraction,
                }
            })
            .collect()
    }
}

fn gauge(view: &RunView) -> CadenceGauge {
    CadenceGauge {
        spm: view.cadence_spm,
        label: words::cadence_reading(view.cadence_spm),
        confidence: view.cadence_confidence,
        target_spm: view.target_spm,
        band_low_spm: view.band_low_spm,
        band_high_spm: view.band_high_spm,
        band_label: view
            .band_low_spm
            .zip(view.band_high_spm)
            .map(|(l, h)| words::band(l, h)),
        zone: view.cadence_state,
        zone_label: format::cadence_zone(view.cadence_state).to_owned(),
    }
}
