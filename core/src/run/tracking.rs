//! The cadence side of a session: its sources (each with its own unit
//! detector and clock), the classification of each reading, the smoothing
//! window, the alert and overstride state, and the signal's health.

use super::config::RunConfig;
use super::cue::{self, push};
use super::error::RunError;
use super::event::{RunEvent, RunEventKind};
use super::history::CadenceHistory;
use super::view::RunCadenceState;
use crate::cadence::plausibility::{self, Reading, RejectReason};
use crate::cadence::unit::{self, UnitFit};
use crate::cadence::{
    AlertGate, CadenceAlerter, CadenceBand, CadenceSmoother, Ineligible, OverstrideDetector,
    Smoothed, StrideBaseline, UnitDetector,
};
use crate::sample::{CadenceSample, CadenceUnit, MonoMs};

#[derive(Debug, Clone)]
struct Source {
    id: String,
    detector: UnitDetector,
    last_at_ms: Option<MonoMs>,
    /// Inside a streak of rejected readings (reported once per streak).
    rejecting: bool,
    lost: bool,
}

/// What the latest reading said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LastReading {
    None,
    Stopped,
    Walking,
    Running,
    Suspect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    Waiting,
    Live,
    Lost { since_ms: MonoMs },
}

#[derive(Debug, Clone)]
pub(super) struct CadenceTrack {
    sources: Vec<Source>,
    smoother: CadenceSmoother,
    pub(super) alerter: CadenceAlerter,
    pub(super) gate: AlertGate,
    pub(super) overstride: OverstrideDetector,
    pub(super) last_smoothed: Option<Smoothed>,
    /// When `last_smoothed` was computed; reused within the same millisecond
    /// so a reading and its coaching share one median.
    smoothed_at_ms: Option<MonoMs>,
    pub(super) last_reading: LastReading,
    /// When the runner last started moving after a stop or a pause.
    moving_since_ms: Option<MonoMs>,
    /// Since when the readings have said walking without a break (a
    /// running or standing reading, a gap or a pause ends the stretch; a
    /// rejected reading does not).
    pub(super) walking_since_ms: Option<MonoMs>,
    last_reading_ms: Option<MonoMs>,
    signal: Signal,
    pub(super) last_speed: Option<f64>,
    pub(super) last_stride: Option<f64>,
    pub(super) dropped: u64,
    pub(super) rejected: u64,
}

impl CadenceTrack {
    pub fn new(config: &RunConfig, baseline: Option<StrideBaseline>) -> Self {
        let c = &config.cadence;
        Self {
            sources: Vec::new(),
            smoother: CadenceSmoother::new(c.smoothing.clone()),
            alerter: CadenceAlerter::new(c.alert.clone()),
            gate: AlertGate::default(),
            overstride: OverstrideDetector::new(c.overstride.clone(), baseline),
            last_smoothed: None,
            smoothed_at_ms: None,
            last_reading: LastReading::None,
            moving_since_ms: None,
            walking_since_ms: None,
            last_reading_ms: None,
            signal: Signal::Waiting,
            last_speed: None,
            last_stride: None,
            dropped: 0,
            rejected: 0,
        }
    }

    pub fn source_index(&mut self, id: &str, max_sources: usize) -> Result<usize, RunError> {
        if let Some(i) = self.sources.iter().position(|s| s.id == id) {
            return Ok(i);
        }
        if self.sources.len() >= max_sources {
            return Err(RunError::TooManySources {
                source_id: id.to_owned(),
                max_plus_one: max_sources + 1,
            });
        }
        self.sources.push(Source {
            id: id.to_owned(),
            detector: UnitDetector::default(),
            last_at_ms: None,
            rejecting: false,
            lost: false,
        });
        Ok(self.sources.len() - 1)
    }

    pub fn set_override(&mut self, index: usize, unit: Option<CadenceUnit>) {
        if let Some(s) = self.sources.get_mut(index) {
            s.detector.set_override(unit);
        }
    }

    /// Moves a source's latest time to an admitted reading's (never back:
    /// a reading kept as arriving now leaves it where it was).
    pub fn note_time(&mut self, index: usize, at_ms: MonoMs) {
        if let Some(source) = self.sources.get_mut(index) {
            source.last_at_ms = Some(source.last_at_ms.map_or(at_ms, |t| t.max(at_ms)));
        }
    }

    pub fn source_count(&self) -> usize {
        self.sources.len()
    }

    pub fn smoothing_len(&self) -> usize {
        self.smoother.len()
    }

    pub fn stride_window_len(&self) -> usize {
        self.overstride.window_len()
    }

    pub fn stride_baseline(&self) -> &StrideBaseline {
        self.overstride.baseline()
    }

    pub fn below_alert_outstanding(&self) -> bool {
        self.alerter.below_alert_outstanding()
    }

    /// Ends any alert episode (segment change, pause, end of session).
    pub fn end_episode(&mut self) {
        self.alerter.end_episode();
        self.overstride.interrupt();
    }

    /// After a pause: old readings say nothing, and the runner gets going
    /// again before any cue.
    pub fn restart(&mut self, now_ms: MonoMs) {
        self.smoother.clear();
        self.last_smoothed = None;
        self.smoothed_at_ms = None;
        self.overstride.interrupt();
        self.moving_since_ms = Some(now_ms);
        self.walking_since_ms = None;
        if let Signal::Live = self.signal {
            self.last_reading_ms = Some(now_ms);
        }
    }

    /// Takes in one admitted reading at `now_ms`. Returns (speed, stride) when
    /// it is a running reading that carries both, for the overstride check.
    pub fn observe(
        &mut self,
        index: usize,
        sample: &CadenceSample,
        now_ms: MonoMs,
        config: &RunConfig,
        history: &mut CadenceHistory,
        events: &mut Vec<RunEvent>,
    ) -> Option<(f64, f64)> {
        let plaus = &config.cadence.plausibility;
        let source = self.sources.get_mut(index)?;
        if let Signal::Lost { since_ms } = self.signal {
            push(
                events,
                now_ms,
                RunEventKind::SensorRestored {
                    source_id: Some(source.id.clone()),
                    gap_ms: now_ms.saturating_sub(since_ms),
                },
                cue::sensor_restored(),
            );
        }
        self.signal = Signal::Live;
        self.last_reading_ms = Some(now_ms);
        source.lost = false;
        self.last_speed = sample.speed_mps;
        self.last_stride = sample.stride_length_m;

        let mut unit_confidence = 1.0;
        let reading = if plausibility::is_stopped(sample.cadence, sample.speed_mps, plaus) {
            Reading::Stopped
        } else {
            match unit::fit(
                sample.cadence,
                sample.speed_mps,
                sample.stride_length_m,
                plaus,
            ) {
                UnitFit::Neither { ratio } => Reading::Rejected {
                    reason: RejectReason::UnitMismatch { ratio },
                },
                fit => {
                    let decision = source.detector.decide(sample.cadence, sample.unit, fit);
                    if let Some(unit) = source.detector.take_newly_settled() {
                        push(
                            events,
                            now_ms,
                            RunEventKind::UnitDetected {
                                source_id: source.id.clone(),
                                unit,
                            },
                            cue::unit_detected(unit),
                        );
                    }
                    unit_confidence = decision.confidence;
                    plausibility::classify(
                        decision.to_steps(sample.cadence),
                        sample.speed_mps,
                        sample.gait,
                        plaus,
                    )
                }
            }
        };

        let previous = self.last_reading;
        match reading {
            Reading::Stopped => {
                if previous != LastReading::Stopped {
                    self.smoother.clear();
                    self.overstride.interrupt();
                }
                self.walking_since_ms = None;
                self.last_reading = LastReading::Stopped;
            }
            Reading::Rejected { reason } => {
                self.rejected += 1;
                if !source.rejecting {
                    source.rejecting = true;
                    push(
                        events,
                        now_ms,
                        RunEventKind::ReadingsRejected {
                            source_id: source.id.clone(),
                            value: sample.cadence,
                            reason,
                        },
                        cue::readings_rejected(),
                    );
                }
                self.last_reading = LastReading::Suspect;
            }
            Reading::Walking { spm } | Reading::Running { spm } => {
                source.rejecting = false;
                let running = matches!(reading, Reading::Running { .. });
                let now_state = if running {
                    LastReading::Running
                } else {
                    LastReading::Walking
                };
                if previous == LastReading::Stopped || previous == LastReading::None {
                    self.moving_since_ms = Some(now_ms);
                }
                // A change of gait: the window's old readings describe the other gait.
                if matches!(previous, LastReading::Running | LastReading::Walking)
                    && previous != now_state
                {
                    self.smoother.clear();
                    self.overstride.interrupt();
                }
                self.walking_since_ms = if running {
                    None
                } else {
                    self.walking_since_ms.or(Some(now_ms))
                };
                self.smoother.push(now_ms, spm, unit_confidence);
                history.add(now_ms, spm);
                self.last_reading = now_state;
            }
        }
        self.last_smoothed = self.smoother.current(now_ms);
        self.smoothed_at_ms = Some(now_ms);
        match (reading, sample.speed_mps, sample.stride_length_m) {
            (Reading::Running { .. }, Some(speed), Some(stride)) => Some((speed, stride)),
            _ => None,
        }
    }

    /// Marks a gap when no reading came for the configured time.
    pub fn check_gap(
        &mut self,
        now_ms: MonoMs,
        config: &RunConfig,
        history: &mut CadenceHistory,
        events: &mut Vec<RunEvent>,
    ) {
        if self.signal != Signal::Live {
            return;
        }
        let Some(last) = self.last_reading_ms else {
            return;
        };
        if now_ms.saturating_sub(last) >= config.signal_gap_ms {
            // The gap began with the silence.
            self.mark_gap(None, last, last, now_ms, history, events);
        }
    }

    pub fn source_lost(
        &mut self,
        source_id: &str,
        now_ms: MonoMs,
        config: &RunConfig,
        history: &mut CadenceHistory,
        events: &mut Vec<RunEvent>,
    ) {
        if let Some(s) = self.sources.iter_mut().find(|s| s.id == source_id) {
            s.lost = true;
        }
        // Another source still delivering keeps the signal alive.
        let others_alive = self.sources.iter().any(|s| {
            !s.lost
                && s.last_at_ms
                    .is_some_and(|t| now_ms.saturating_sub(t) < config.signal_gap_ms)
        });
        if self.signal != Signal::Live || others_alive {
            return;
        }
        let last = self.last_reading_ms.unwrap_or(now_ms);
        self.mark_gap(
            Some(source_id.to_owned()),
            last,
            now_ms,
            now_ms,
            history,
            events,
        );
    }

    pub fn source_restored(&mut self, source_id: &str, now_ms: MonoMs, events: &mut Vec<RunEvent>) {
        if let Some(s) = self.sources.iter_mut().find(|s| s.id == source_id) {
            s.lost = false;
        }
        if let Signal::Lost { since_ms } = self.signal {
            self.signal = Signal::Live;
            // The restore itself is a sign of life; silence after it is a new gap.
            self.last_reading_ms = Some(now_ms);
            self.moving_since_ms = Some(now_ms);
            push(
                events,
                now_ms,
                RunEventKind::SensorRestored {
                    source_id: Some(source_id.to_owned()),
                    gap_ms: now_ms.saturating_sub(since_ms),
                },
                cue::sensor_restored(),
            );
        }
    }

    fn mark_gap(
        &mut self,
        source_id: Option<String>,
        last_ms: MonoMs,
        since_ms: MonoMs,
        now_ms: MonoMs,
        history: &mut CadenceHistory,
        events: &mut Vec<RunEvent>,
    ) {
        self.signal = Signal::Lost { since_ms };
        self.smoother.clear();
        self.last_smoothed = None;
        self.smoothed_at_ms = None;
        self.overstride.interrupt();
        self.last_reading = LastReading::None;
        self.walking_since_ms = None;
        history.mark_gap(now_ms);
        push(
            events,
            now_ms,
            RunEventKind::SensorGap {
                source_id,
                last_reading_ms: Some(last_ms),
            },
            cue::sensor_gap(),
        );
    }

    /// Why cadence cues are off as far as the readings go, if they are.
    pub fn readiness(&self, now_ms: MonoMs, restart_grace_ms: u64) -> Result<(), Ineligible> {
        if self.signal != Signal::Live {
            return Err(Ineligible::NoSignal);
        }
        match self.last_reading {
            LastReading::None => return Err(Ineligible::NoSignal),
            LastReading::Stopped => return Err(Ineligible::Stopped),
            LastReading::Walking => return Err(Ineligible::Walking),
            LastReading::Suspect => return Err(Ineligible::Suspect),
            LastReading::Running => {}
        }
        if self
            .moving_since_ms
            .is_some_and(|t| now_ms.saturating_sub(t) < restart_grace_ms)
        {
            return Err(Ineligible::RestartGrace);
        }
        Ok(())
    }

    /// Smoothed value now (the window may have emptied since the last reading).
    pub fn refresh_smoothed(&mut self, now_ms: MonoMs) -> Option<Smoothed> {
        if self.smoothed_at_ms != Some(now_ms) {
            self.last_smoothed = self.smoother.current(now_ms);
            self.smoothed_at_ms = Some(now_ms);
        }
        self.last_smoothed
    }

    pub fn state(&self, band: Option<CadenceBand>) -> RunCadenceState {
        if self.signal != Signal::Live {
            return RunCadenceState::NoSignal;
        }
        match self.last_reading {
            LastReading::None => RunCadenceState::NoSignal,
            LastReading::Stopped => RunCadenceState::Stopped,
            LastReading::Walking => RunCadenceState::Walking,
            LastReading::Suspect => RunCadenceState::Suspect,
            LastReading::Running => match (self.last_smoothed, band) {
                (None, _) => RunCadenceState::NoSignal,
                (Some(_), None) => RunCadenceState::Running,
                (Some(s), Some(b)) if s.spm < b.low_spm => RunCadenceState::BelowBand,
                (Some(s), Some(b)) if s.spm > b.high_spm => RunCadenceState::AboveBand,
                (Some(_), Some(_)) => RunCadenceState::InBand,
            },
        }
    }
}
