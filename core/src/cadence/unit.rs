//! Steps or strides: which unit a source's cadence is in, decided per source.
//!
//! The Bluetooth RSC characteristic says only "1/minute", and devices
//! disagree: some count both feet, some one. The order of trust is: the
//! runner's override, then a unit the source declares, then the physics of
//! speed = stride length × cadence (÷60 for strides, ÷120 for steps), then
//! the rate itself (a running cadence below ~120 is almost surely one foot).

use serde::{Deserialize, Serialize};

use super::config::PlausibilityConfig;
use crate::sample::CadenceUnit;

/// What a reading's speed and stride length say about its unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitFit {
    /// speed ≈ stride × cadence / 60.
    Strides,
    /// speed ≈ stride × cadence / 120.
    Steps,
    /// Speed and stride are there but fit neither relation: the cadence value
    /// is something else (for example power/10).
    Neither { ratio: f64 },
    /// No stride length, but the speed alone rules out one foot: counted as
    /// strides, the steps would be shorter than anyone takes (a walk in
    /// steps/min from a pod that does not say its unit).
    StepsBySpeed,
    /// Speed or stride missing, or too slow to judge.
    NotApplicable,
}

/// Checks a reading against the two speed relations.
pub fn fit(
    raw_cadence: f64,
    speed_mps: Option<f64>,
    stride_length_m: Option<f64>,
    config: &PlausibilityConfig,
) -> UnitFit {
    let (Some(speed), Some(stride)) = (speed_mps, stride_length_m) else {
        return fit_by_speed(raw_cadence, speed_mps, config);
    };
    if speed < config.min_speed_for_fit_mps || stride <= 0.0 || raw_cadence <= 0.0 {
        return UnitFit::NotApplicable;
    }
    // 1.0 when the value counts strides, 0.5 when it counts steps.
    let ratio = speed * 60.0 / (stride * raw_cadence);
    let tol = config.unit_fit_tolerance;
    if (ratio - 1.0).abs() <= tol {
        UnitFit::Strides
    } else if (ratio - 0.5).abs() <= tol * 0.5 {
        UnitFit::Steps
    } else {
        UnitFit::Neither { ratio }
    }
}

/// The speed alone: only one answer, and only when it is clear.
fn fit_by_speed(raw_cadence: f64, speed_mps: Option<f64>, config: &PlausibilityConfig) -> UnitFit {
    match speed_mps {
        Some(speed) if speed >= config.min_speed_for_fit_mps && raw_cadence > 0.0 => {
            // Step length if the value counted one foot (twice as many steps).
            let step_if_strides = speed * 60.0 / (2.0 * raw_cadence);
            if step_if_strides < config.min_step_length_m {
                UnitFit::StepsBySpeed
            } else {
                UnitFit::NotApplicable
            }
        }
        _ => UnitFit::NotApplicable,
    }
}

/// Why the detector settled on a unit for one reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitEvidence {
    /// The runner set it.
    Override,
    /// The source said so (pedometer, manual entry, a known device).
    Declared,
    /// Speed and stride length fit one relation.
    SpeedAndStride,
    /// The speed ruled out one foot.
    SpeedAlone,
    /// Several earlier readings of this source agreed.
    History,
    /// This reading's rate alone: the weakest evidence.
    RateHeuristic,
}

/// The unit used for one reading, and how sure the detector is of it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct UnitDecision {
    /// Always `StepsPerMinute` or `StridesPerMinute`.
    pub unit: CadenceUnit,
    pub evidence: UnitEvidence,
    /// 0 to 1; carried into the smoothed value's confidence.
    pub confidence: f64,
}

impl UnitDecision {
    /// `raw` in steps per minute.
    pub fn to_steps(&self, raw: f64) -> f64 {
        match self.unit {
            CadenceUnit::StridesPerMinute => raw * 2.0,
            CadenceUnit::StepsPerMinute | CadenceUnit::Unknown => raw,
        }
    }
}

// Vote weights: one physics fit outweighs several rate guesses.
const FIT_WEIGHT: u32 = 3;
const RATE_WEIGHT: u32 = 1;
// Weight at which a source's history decides its unit.
const SETTLE_WEIGHT: u32 = 3;
// Bound on the tallies; both are halved when one reaches it, so the history
// stays recent and the numbers never overflow.
const WEIGHT_CAP: u32 = 1_000;
// Rates that say "one foot" or "both feet" clearly; between them the rate
// alone casts no vote. Project's choice around the ~120 line.
const CLEARLY_STRIDES_BELOW: f64 = 105.0;
const CLEARLY_STEPS_FROM: f64 = 140.0;
const RATE_SPLIT: f64 = 120.0;

/// The per-source unit detector.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitDetector {
    user_override: Option<CadenceUnit>,
    strides_weight: u32,
    steps_weight: u32,
    announced: Option<CadenceUnit>,
}

impl UnitDetector {
    /// Sets or clears (`None` or `Unknown`) the runner's override.
    pub fn set_override(&mut self, unit: Option<CadenceUnit>) {
        self.user_override = unit.filter(|u| *u != CadenceUnit::Unknown);
    }

    pub fn user_override(&self) -> Option<CadenceUnit> {
        self.user_override
    }

    /// The unit this source's history points to, once it has enough weight.
    pub fn settled(&self) -> Option<CadenceUnit> {
        let total = self.strides_weight + self.steps_weight;
        if total < SETTLE_WEIGHT || self.strides_weight == self.steps_weight {
            return None;
        }
        Some(if self.strides_weight > self.steps_weight {
            CadenceUnit::StridesPerMinute
        } else {
            CadenceUnit::StepsPerMinute
        })
    }

    /// Returns the settled unit once, the first time it is settled or when it
    /// changes, so the session can tell the app.
    pub fn take_newly_settled(&mut self) -> Option<CadenceUnit> {
        let now = self.settled();
        if now.is_some() && now != self.announced {
            self.announced = now;
            return now;
        }
        None
    }

    /// Decides the unit of one reading. `fit` must not be `Neither` (such a
    /// reading is rejected before it gets here); if it is, it casts no vote.
    pub fn decide(&mut self, raw: f64, declared: CadenceUnit, fit: UnitFit) -> UnitDecision {
        if let Some(unit) = self.user_override {
            return UnitDecision {
                unit,
                evidence: UnitEvidence::Override,
                confidence: 1.0,
            };
        }
        if declared != CadenceUnit::Unknown {
            return UnitDecision {
                unit: declared,
                evidence: UnitEvidence::Declared,
                confidence: 1.0,
            };
        }
        match fit {
            UnitFit::Strides => {
                self.vote(CadenceUnit::StridesPerMinute, FIT_WEIGHT);
                return UnitDecision {
                    unit: CadenceUnit::StridesPerMinute,
                    evidence: UnitEvidence::SpeedAndStride,
                    confidence: 1.0,
                };
            }
            UnitFit::Steps => {
                self.vote(CadenceUnit::StepsPerMinute, FIT_WEIGHT);
                return UnitDecision {
                    unit: CadenceUnit::StepsPerMinute,
                    evidence: UnitEvidence::SpeedAndStride,
                    confidence: 1.0,
                };
            }
            UnitFit::StepsBySpeed => {
                // Weaker than a full fit: it only rules one unit out.
                self.vote(CadenceUnit::StepsPerMinute, RATE_WEIGHT);
                return UnitDecision {
                    unit: CadenceUnit::StepsPerMinute,
                    evidence: UnitEvidence::SpeedAlone,
                    confidence: 0.9,
                };
            }
            UnitFit::Neither { .. } | UnitFit::NotApplicable => {}
        }
        if raw < CLEARLY_STRIDES_BELOW {
            self.vote(CadenceUnit::StridesPerMinute, RATE_WEIGHT);
        } else if raw >= CLEARLY_STEPS_FROM {
            self.vote(CadenceUnit::StepsPerMinute, RATE_WEIGHT);
        }
        if let Some(unit) = self.settled() {
            return UnitDecision {
                unit,
                evidence: UnitEvidence::History,
                confidence: 0.9,
            };
        }
        let unit = if raw < RATE_SPLIT {
            CadenceUnit::StridesPerMinute
        } else {
            CadenceUnit::StepsPerMinute
        };
        UnitDecision {
            unit,
            evidence: UnitEvidence::RateHeuristic,
            confidence: 0.6,
        }
    }

    fn vote(&mut self, unit: CadenceUnit, weight: u32) {
        match unit {
            CadenceUnit::StridesPerMinute => self.strides_weight += weight,
            CadenceUnit::StepsPerMinute => self.steps_weight += weight,
            CadenceUnit::Unknown => {}
        }
        if self.strides_weight.max(self.steps_weight) >= WEIGHT_CAP {
            self.strides_weight /= 2;
            self.steps_weight /= 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> PlausibilityConfig {
        PlausibilityConfig::default()
    }

    #[test]
    fn speed_and_stride_tell_strides_from_steps() {
        // 85 strides/min with 2.0 m strides: 85 × 2 / 60 = 2.83 m/s.
        assert_eq!(fit(85.0, Some(2.83), Some(2.0), &cfg()), UnitFit::Strides);
        // 170 steps/min with the same 2.0 m stride: 170 × 2 / 120 = 2.83 m/s.
        assert_eq!(fit(170.0, Some(2.83), Some(2.0), &cfg()), UnitFit::Steps);
        assert!(matches!(
            fit(25.0, Some(2.83), Some(2.0), &cfg()),
            UnitFit::Neither { .. }
        ));
        assert_eq!(fit(170.0, None, Some(2.0), &cfg()), UnitFit::NotApplicable);
        assert_eq!(
            fit(170.0, Some(0.2), Some(2.0), &cfg()),
            UnitFit::NotApplicable
        );
    }

    // source: rsc-protocol notes (steps or strides) and issue 9 item 6: a
    // walk at 115 steps/min from a pod that does not say its unit must not
    // read as 230 steps/min of running.
    #[test]
    fn the_speed_alone_rules_out_one_foot_when_it_is_clear() {
        // Counted as strides: 1.4 × 60 / 230 = 0.37 m steps.
        assert_eq!(fit(115.0, Some(1.4), None, &cfg()), UnitFit::StepsBySpeed);
        // A brisk walk counted per foot: 0.70 m steps either way is possible.
        assert_eq!(fit(62.0, Some(1.45), None, &cfg()), UnitFit::NotApplicable);
        // A run counted per foot: 1.06 m steps.
        assert_eq!(fit(85.0, Some(3.0), None, &cfg()), UnitFit::NotApplicable);
        assert_eq!(fit(115.0, Some(0.8), None, &cfg()), UnitFit::NotApplicable);
        let mut d = UnitDetector::default();
        for _ in 0..5 {
            d.decide(62.0, CadenceUnit::Unknown, UnitFit::NotApplicable);
        }
        let got = d.decide(115.0, CadenceUnit::Unknown, UnitFit::StepsBySpeed);
        assert_eq!(got.unit, CadenceUnit::StepsPerMinute);
        assert_eq!(got.evidence, UnitEvidence::SpeedAlone);
    }

    #[test]
    fn override_beats_declaration_and_history() {
        let mut d = UnitDetector::default();
        d.set_override(Some(CadenceUnit::StridesPerMinute));
        let got = d.decide(170.0, CadenceUnit::StepsPerMinute, UnitFit::Steps);
        assert_eq!(got.unit, CadenceUnit::StridesPerMinute);
        assert_eq!(got.evidence, UnitEvidence::Override);
        d.set_override(Some(CadenceUnit::Unknown));
        assert_eq!(d.user_override(), None);
    }

    #[test]
    fn history_settles_ambiguous_rates() {
        let mut d = UnitDetector::default();
        for _ in 0..3 {
            d.decide(85.0, CadenceUnit::Unknown, UnitFit::NotApplicable);
        }
        assert_eq!(d.take_newly_settled(), Some(CadenceUnit::StridesPerMinute));
        assert_eq!(d.take_newly_settled(), None);
        // 125 alone would read as steps; this source is known to count strides.
        let got = d.decide(125.0, CadenceUnit::Unknown, UnitFit::NotApplicable);
        assert_eq!(got.unit, CadenceUnit::StridesPerMinute);
        assert_eq!(got.evidence, UnitEvidence::History);
        assert!((got.to_steps(125.0) - 250.0).abs() < 1e-9);
    }

    #[test]
    fn tallies_stay_bounded() {
        let mut d = UnitDetector::default();
        for _ in 0..10_000 {
            d.decide(170.0, CadenceUnit::Unknown, UnitFit::Steps);
        }
        assert!(d.steps_weight < WEIGHT_CAP);
        assert_eq!(d.settled(), Some(CadenceUnit::StepsPerMinute));
    }
}
