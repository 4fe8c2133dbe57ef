//! The cadence alert state machine: a sustained dwell outside the band gives
//! one alert, hysteresis and a recovery dwell give one back-on-target, and a
//! shared gate keeps form cues a minimum time apart (source: articles 002 and
//! 004 for the cue itself; the timing is the project's choice, see config).

use serde::{Deserialize, Serialize};

use super::config::AlertConfig;
use super::smoothing::Smoothed;
use super::target::CadenceBand;
use crate::sample::MonoMs;

/// Why no alert may be raised right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ineligible {
    /// Warm-up, walk, cool-down, paused or finished: the episode is over.
    NotRunSegment,
    /// The session has no cadence target.
    NoTarget,
    /// The first seconds of a run segment.
    SegmentStartGrace,
    /// Standing still.
    Stopped,
    /// The first seconds after a stop.
    RestartGrace,
    /// The sensor reports walking, or the rate is a walking rate.
    Walking,
    /// No recent believable reading.
    NoSignal,
    /// The smoothed value is not trusted enough.
    LowConfidence,
    /// The latest reading was not believable.
    Suspect,
}

impl Ineligible {
    /// Whether this ends an alert episode (rather than pausing it). Walking
    /// ends it too: an outstanding "below" alert would keep the nudging
    /// metronome playing, and a walker must not be pushed to speed up.
    fn ends_episode(self) -> bool {
        matches!(self, Self::NotRunSegment | Self::NoTarget | Self::Walking)
    }
}

/// Which side of the band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Below,
    Above,
}

/// What the alerter decided on one update.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AlertOutcome {
    /// Outside the band for the whole dwell: one alert.
    OutOfBand {
        side: Side,
        spm: f64,
        band: CadenceBand,
        outside_for_ms: u64,
    },
    /// Back inside the band after an alert.
    BackOnTarget { spm: f64, band: CadenceBand },
}

/// Everything the alerter needs to know about one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlertContext {
    pub now_ms: MonoMs,
    /// `Err` says why alerts are off right now.
    pub eligible: Result<CadenceBand, Ineligible>,
    pub smoothed: Option<Smoothed>,
}

/// Keeps form cues (cadence and overstride alike) at least `min_gap_ms` apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AlertGate {
    last_ms: Option<MonoMs>,
}

impl AlertGate {
    pub fn is_open(&self, now_ms: MonoMs, min_gap_ms: u64) -> bool {
        self.last_ms
            .is_none_or(|last| now_ms.saturating_sub(last) >= min_gap_ms)
    }

    pub fn record(&mut self, now_ms: MonoMs) {
        self.last_ms = Some(now_ms);
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    Neutral,
    Outside { side: Side, since_ms: MonoMs },
    Alerted { side: Side },
    Recovering { side: Side, since_ms: MonoMs },
}

/// The alert state machine of one session.
#[derive(Debug, Clone)]
pub struct CadenceAlerter {
    config: AlertConfig,
    state: State,
}

impl CadenceAlerter {
    pub fn new(config: AlertConfig) -> Self {
        Self {
            config,
            state: State::Neutral,
        }
    }

    pub fn config(&self) -> &AlertConfig {
        &self.config
    }

    /// Whether an alert about running below the band is outstanding (the
    /// metronome's nudge mode plays exactly then).
    pub fn below_alert_outstanding(&self) -> bool {
        matches!(
            self.state,
            State::Alerted { side: Side::Below }
                | State::Recovering {
                    side: Side::Below,
                    ..
                }
        )
    }

    /// Advances the state machine by one moment.
    pub fn update(&mut self, ctx: AlertContext, gate: &mut AlertGate) -> Option<AlertOutcome> {
        let band = match ctx.eligible {
            Ok(band) => band,
            Err(why) => {
                self.pause_or_end(why);
                return None;
            }
        };
        let Some(smoothed) = ctx.smoothed else {
            self.pause_or_end(Ineligible::NoSignal);
            return None;
        };
        if smoothed.confidence < self.config.min_confidence {
            self.pause_or_end(Ineligible::LowConfidence);
            return None;
        }
        let spm = smoothed.spm;
        let now = ctx.now_ms;
        let hyst = self.config.hysteresis_spm;
        let outside_now = if spm < band.low_spm {
            Some(Side::Below)
        } else if self.config.alert_above_band && spm > band.high_spm {
            Some(Side::Above)
        } else {
            None
        };
        // Back inside with the hysteresis margin.
        let clear_of = |side: Side| match side {
            Side::Below => spm >= band.low_spm + hyst,
            Side::Above => !self.config.alert_above_band || spm <= band.high_spm - hyst,
        };

        match self.state {
            State::Neutral => {
                if let Some(side) = outside_now {
                    self.state = State::Outside {
                        side,
                        since_ms: now,
                    };
                    return self.try_alert(side, now, now, spm, band, gate);
                }
                None
            }
            State::Outside { side, since_ms } => {
                if clear_of(side) {
                    self.state = match outside_now {
                        Some(other) if other != side => State::Outside {
                            side: other,
                            since_ms: now,
                        },
                        _ => State::Neutral,
                    };
                    return None;
                }
                self.try_alert(side, since_ms, now, spm, band, gate)
            }
            State::Alerted { side } => {
                if clear_of(side) {
                    self.state = State::Recovering {
                        side,
                        since_ms: now,
                    };
                    return self.try_recover(side, now, now, spm, band);
                }
                None
            }
            State::Recovering { side, since_ms } => {
                if !clear_of(side) {
                    self.state = State::Alerted { side };
                    return None;
                }
                self.try_recover(side, since_ms, now, spm, band)
            }
        }
    }

    fn try_alert(
        &mut self,
        side: Side,
        since_ms: MonoMs,
        now: MonoMs,
        spm: f64,
        band: CadenceBand,
        gate: &mut AlertGate,
    ) -> Option<AlertOutcome> {
        let outside_for_ms = now.saturating_sub(since_ms);
        if outside_for_ms < self.config.dwell_ms || !gate.is_open(now, self.config.min_gap_ms) {
            return None;
        }
        gate.record(now);
        self.state = State::Alerted { side };
        Some(AlertOutcome::OutOfBand {
            side,
            spm,
            band,
            outside_for_ms,
        })
    }

    fn try_recover(
        &mut self,
        side: Side,
        since_ms: MonoMs,
        now: MonoMs,
        spm: f64,
        band: CadenceBand,
    ) -> Option<AlertOutcome> {
        if now.saturating_sub(since_ms) < self.config.recover_dwell_ms {
            self.state = State::Recovering { side, since_ms };
            return None;
        }
        self.state = State::Neutral;
        Some(AlertOutcome::BackOnTarget { spm, band })
    }

    /// Ends any episode without a back-on-target (segment change, pause).
    pub fn end_episode(&mut self) {
        self.state = State::Neutral;
    }

    fn pause_or_end(&mut self, why: Ineligible) {
        self.state = match self.state {
            _ if why.ends_episode() => State::Neutral,
            // A pause in the evidence restarts any dwell in progress.
            State::Outside { .. } => State::Neutral,
            State::Recovering { side, .. } => State::Alerted { side },
            other => other,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(now_ms: MonoMs, spm: f64) -> AlertContext {
        AlertContext {
            now_ms,
            eligible: Ok(CadenceBand::around(170.0, &AlertConfig::default())),
            smoothed: Some(Smoothed {
                spm,
                confidence: 1.0,
                samples: 5,
            }),
        }
    }

    // source: article 004 (raise cadence; cue only on a sustained drop)
    #[test]
    fn one_alert_after_dwell_then_back_on_target() {
        let mut a = CadenceAlerter::new(AlertConfig::default());
        let mut gate = AlertGate::default();
        let mut out = Vec::new();
        for s in 0..60u64 {
            let spm = if (10..40).contains(&s) { 158.0 } else { 171.0 };
            out.extend(a.update(ctx(s * 1_000, spm), &mut gate));
        }
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(matches!(
            out[0],
            AlertOutcome::OutOfBand {
                side: Side::Below,
                outside_for_ms: 15_000,
                ..
            }
        ));
        assert!(matches!(out[1], AlertOutcome::BackOnTarget { .. }));
    }

    #[test]
    fn a_wobble_inside_the_hysteresis_does_not_restart_the_dwell() {
        let mut a = CadenceAlerter::new(AlertConfig::default());
        let mut gate = AlertGate::default();
        let mut out = Vec::new();
        for s in 0..20u64 {
            // Band low is 165; 166 is above the edge but inside the 2 spm margin.
            let spm = if s == 7 { 166.0 } else { 160.0 };
            out.extend(a.update(ctx(s * 1_000, spm), &mut gate));
        }
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn leaving_the_run_segment_ends_the_episode_silently() {
        let mut a = CadenceAlerter::new(AlertConfig::default());
        let mut gate = AlertGate::default();
        for s in 0..20u64 {
            a.update(ctx(s * 1_000, 150.0), &mut gate);
        }
        assert!(a.below_alert_outstanding());
        let walk = AlertContext {
            eligible: Err(Ineligible::NotRunSegment),
            ..ctx(21_000, 150.0)
        };
        assert_eq!(a.update(walk, &mut gate), None);
        assert!(!a.below_alert_outstanding());
    }
}
