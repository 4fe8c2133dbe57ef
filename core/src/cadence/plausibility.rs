//! Which readings describe a running human at all.
//!
//! A reading that fails here is rejected: it is never smoothed and can
//! never raise an alert. The classic case is a foot pod in a mode that
//! writes power/10 into the cadence field (rsc-protocol notes): its value
//! fits neither speed relation, or implies steps metres long.

use serde::{Deserialize, Serialize};

use super::config::PlausibilityConfig;
use crate::sample::Gait;

/// What one reading, already in steps per minute, says about the runner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reading {
    /// Running at this step rate: the only reading cadence coaching uses.
    Running { spm: f64 },
    /// Walking (the sensor says so, or the rate is a walking rate).
    Walking { spm: f64 },
    /// Standing still: a traffic light, a shoelace.
    Stopped,
    /// Not believable; ignored.
    Rejected { reason: RejectReason },
}

/// Why a reading was not believed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RejectReason {
    /// Speed and stride length fit neither steps nor strides.
    UnitMismatch {
        /// Speed × 60 / (stride × cadence): 1 for strides, 0.5 for steps.
        ratio: f64,
    },
    /// Faster than any human steps.
    AboveMax {
        /// The step rate read, steps/min.
        spm: f64,
    },
    /// The speed would need steps this long.
    StepTooLong {
        /// The step length the speed would need, metres.
        step_m: f64,
    },
    /// The sensor says running, at a rate nobody runs at.
    TooLowForRunning {
        /// The step rate read, steps/min.
        spm: f64,
    },
}

/// Whether the runner is standing still, judged before any unit detection:
/// a zero count or a near-zero speed.
pub fn is_stopped(raw_cadence: f64, speed_mps: Option<f64>, config: &PlausibilityConfig) -> bool {
    raw_cadence <= 0.0 || speed_mps.is_some_and(|s| s <= config.stopped_below_mps)
}

/// Classifies a reading already converted to steps per minute.
pub fn classify(
    spm: f64,
    speed_mps: Option<f64>,
    gait: Option<Gait>,
    config: &PlausibilityConfig,
) -> Reading {
    if spm < config.stopped_below_spm {
        return Reading::Stopped;
    }
    if spm > config.max_spm {
        return Reading::Rejected {
            reason: RejectReason::AboveMax { spm },
        };
    }
    if let Some(speed) = speed_mps {
        let step_m = speed * 60.0 / spm;
        if step_m > config.max_step_length_m {
            return Reading::Rejected {
                reason: RejectReason::StepTooLong { step_m },
            };
        }
    }
    if gait == Some(Gait::Walking) || walks_by_speed_and_rate(spm, speed_mps, config) {
        return Reading::Walking { spm };
    }
    match gait {
        Some(Gait::Running) if spm < config.min_running_spm => Reading::Rejected {
            reason: RejectReason::TooLowForRunning { spm },
        },
        _ if spm < config.min_running_spm => Reading::Walking { spm },
        _ => Reading::Running { spm },
    }
}

/// Walking by speed and rate together (issue 9: a brisk walk must never be
/// coached as slow running). The rate alone cannot tell: 124 steps/min is a
/// brisk walk or a shuffle, but at 1.4 m/s it is a walk. This holds even if
/// the sensor's gait flag says running, since many pods never clear it.
fn walks_by_speed_and_rate(spm: f64, speed_mps: Option<f64>, config: &PlausibilityConfig) -> bool {
    speed_mps.is_some_and(|v| v < config.walking_below_mps) && spm < config.walking_below_spm
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> PlausibilityConfig {
        PlausibilityConfig::default()
    }

    #[test]
    fn running_walking_and_stopped() {
        assert_eq!(
            classify(170.0, Some(3.0), None, &cfg()),
            Reading::Running { spm: 170.0 }
        );
        assert_eq!(
            classify(170.0, None, Some(Gait::Walking), &cfg()),
            Reading::Walking { spm: 170.0 }
        );
        assert_eq!(
            classify(105.0, None, None, &cfg()),
            Reading::Walking { spm: 105.0 }
        );
        assert_eq!(classify(10.0, None, None, &cfg()), Reading::Stopped);
        assert!(is_stopped(0.0, None, &cfg()));
        assert!(is_stopped(160.0, Some(0.1), &cfg()));
        assert!(!is_stopped(160.0, Some(2.5), &cfg()));
    }

    // source: issue 9 item 6 (walking is not slow running); thresholds are
    // the project's choice
    #[test]
    fn a_brisk_walk_is_walking_by_speed_and_rate() {
        // 62 a minute per foot is 124 steps/min: above the rate-only line.
        assert_eq!(
            classify(124.0, Some(1.4), None, &cfg()),
            Reading::Walking { spm: 124.0 }
        );
        assert_eq!(
            classify(124.0, Some(1.4), Some(Gait::Running), &cfg()),
            Reading::Walking { spm: 124.0 }
        );
        // Without a speed the rate alone decides; a slow jog stays a run.
        assert_eq!(
            classify(124.0, None, None, &cfg()),
            Reading::Running { spm: 124.0 }
        );
        assert_eq!(
            classify(150.0, Some(1.9), None, &cfg()),
            Reading::Running { spm: 150.0 }
        );
        assert_eq!(
            classify(130.0, Some(2.4), None, &cfg()),
            Reading::Running { spm: 130.0 }
        );
    }

    #[test]
    fn impossible_values_are_rejected() {
        assert!(matches!(
            classify(300.0, None, None, &cfg()),
            Reading::Rejected {
                reason: RejectReason::AboveMax { .. }
            }
        ));
        // 50 steps/min at 3.5 m/s would need 4.2 m steps.
        assert!(matches!(
            classify(50.0, Some(3.5), None, &cfg()),
            Reading::Rejected {
                reason: RejectReason::StepTooLong { .. }
            }
        ));
        assert!(matches!(
            classify(60.0, None, Some(Gait::Running), &cfg()),
            Reading::Rejected {
                reason: RejectReason::TooLowForRunning { .. }
            }
        ));
    }
}
