//! How a session draws its Run screen ([`RunScreen`]): the engine's
//! [`RunView`] at one moment, worded by `format.rs` and `cue.rs`, plus what
//! the session keeps for the screen alone (`Shown`): the knee check it
//! waits on, the last assessment, the stop and the sensor it heard about.

use super::cue;
use super::event::count;
use super::format;
use super::screen::{
    LOW_BATTERY_PERCENT, RunButtons, RunCadenceGauge, RunCheckInPrompt, RunScreen, RunSegmentCard,
    RunSensorPanel, RunStripSegment, RunStripState,
};
use super::session::RunSession;
use super::view::{RunStatus, RunView};
use crate::sample::{MonoMs, SensorLink};
use crate::words;

impl RunSession {
    /// The Run screen at `now_ms`; reads only, like [`RunSession::snapshot`].
    pub fn screen(&self, now_ms: MonoMs) -> RunScreen {
        let view = self.snapshot(now_ms);
        let under_way = self.is_under_way();
        let card = |index: usize| {
            self.segments.get(index).map(|s| RunSegmentCard {
                index: count(index),
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
            paused: view.status == RunStatus::Paused,
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
                .map(|reason| RunCheckInPrompt {
                    reason,
                    question: cue::check_in_prompt(),
                }),
            last_assessment: self.shown.last_assessment.clone(),
            stop_reason: self.shown.stop_reason,
            stop_label: self.shown.stop_reason.map(cue::stopped),
            strip: self.strip(&view),
            buttons: RunButtons {
                start: view.status == RunStatus::NotStarted,
                pause: view.status == RunStatus::Running,
                resume: view.status == RunStatus::Paused,
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

    fn sensor_panel(&self) -> RunSensorPanel {
        let battery = self.shown.battery_percent;
        RunSensorPanel {
            source_id: self.shown.sensor_id.clone(),
            link: self.shown.link,
            label: format::sensor_link(self.shown.link).to_owned(),
            battery_percent: battery,
            battery_label: battery.map(format::battery),
            battery_low: battery.is_some_and(|p| p <= LOW_BATTERY_PERCENT),
        }
    }

    fn strip(&self, view: &RunView) -> Vec<RunStripSegment> {
        let finished = matches!(view.status, RunStatus::Complete);
        self.segments
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let state = match view.segment_index {
                    _ if finished => RunStripState::Done,
                    Some(c) if i < c => RunStripState::Done,
                    Some(c) if i == c => RunStripState::Current,
                    _ if view.elapsed_ms >= s.end_ms() => RunStripState::Done,
                    _ => RunStripState::Upcoming,
                };
                let done_ms = view.elapsed_ms.clamp(s.start_ms, s.end_ms()) - s.start_ms;
                #[allow(clippy::cast_precision_loss)]
                let done_fraction = if s.duration_ms == 0 {
                    1.0
                } else {
                    done_ms as f64 / s.duration_ms as f64
                };
                RunStripSegment {
                    kind: s.kind,
                    duration_ms: s.duration_ms,
                    state,
                    done_fraction,
                }
            })
            .collect()
    }
}

fn gauge(view: &RunView) -> RunCadenceGauge {
    RunCadenceGauge {
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
