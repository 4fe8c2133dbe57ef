//! The cadence target: a baseline, then step-ups of about 5% at a time, 5-10%
//! in all, toward 165-180 steps/min, never in one jump (source: article 004
//! for the pace of change, article 002 for the 165-180 aim).
//!
//! The coach decides which run day uses which step of the schedule; a run
//! session only receives the target of its day.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::config::AlertConfig;

/// How the schedule is built.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetConfig {
    /// Largest rise of one step (article 004: about 5%).
    pub step_ratio: f64,
    /// Total rise when the runner starts below the aim (article 004: 5-10%).
    pub max_total_ratio: f64,
    /// Total rise when the runner is already inside the aim (article 004's
    /// lower end); project's choice to still nudge them a little.
    pub min_total_ratio: f64,
    /// The aim (article 002): 165-180 steps/min.
    pub aim_low_spm: f64,
    pub aim_high_spm: f64,
    /// Believable range of a baseline. Project's choice.
    pub min_baseline_spm: f64,
    pub max_baseline_spm: f64,
}

impl Default for TargetConfig {
    fn default() -> Self {
        Self {
            step_ratio: 0.05,
            max_total_ratio: 0.10,
            min_total_ratio: 0.05,
            aim_low_spm: 165.0,
            aim_high_spm: 180.0,
            min_baseline_spm: 120.0,
            max_baseline_spm: 230.0,
        }
    }
}

/// A baseline or schedule that cannot be built.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum TargetError {
    #[error("runs: no running cadence to take a baseline from")]
    NoRuns,
    #[error("{field}: {value} steps/min is not a running cadence ({min}-{max})")]
    OutOfRange {
        field: String,
        value: f64,
        min: f64,
        max: f64,
    },
}

fn check_range(field: String, value: f64, config: &TargetConfig) -> Result<f64, TargetError> {
    if value.is_finite() && (config.min_baseline_spm..=config.max_baseline_spm).contains(&value) {
        Ok(value)
    } else {
        Err(TargetError::OutOfRange {
            field,
            value,
            min: config.min_baseline_spm,
            max: config.max_baseline_spm,
        })
    }
}

/// The baseline: the median of the runner's first runs' running cadences
/// (each the median running cadence of one run, in steps/min).
pub fn baseline_from_runs(run_cadences: &[f64], config: &TargetConfig) -> Result<f64, TargetError> {
    if run_cadences.is_empty() {
        return Err(TargetError::NoRuns);
    }
    let mut values = Vec::with_capacity(run_cadences.len());
    for (i, v) in run_cadences.iter().enumerate() {
        values.push(check_range(format!("runs[{i}]"), *v, config)?);
    }
    values.sort_unstable_by(f64::total_cmp);
    let n = values.len();
    Ok(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// The step-ups from a baseline to the goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepUpSchedule {
    pub baseline_spm: f64,
    /// One target per step, rising, whole steps/min; the last is the goal.
    /// Empty when the baseline already sits at the top of the aim.
    pub targets: Vec<f64>,
}

impl StepUpSchedule {
    /// Builds the schedule for `baseline_spm` (measured or entered).
    pub fn new(baseline_spm: f64, config: &TargetConfig) -> Result<Self, TargetError> {
        let baseline = check_range("baseline_spm".to_owned(), baseline_spm, config)?;
        let ratio = if baseline >= config.aim_low_spm {
            config.min_total_ratio
        } else {
            config.max_total_ratio
        };
        let goal_exact = (baseline * (1.0 + ratio)).min(config.aim_high_spm.max(baseline));
        let goal = goal_exact.round();
        let mut targets: Vec<f64> = Vec::new();
        if goal > baseline.round() && config.step_ratio > 0.0 {
            // Steps no bigger than step_ratio of the baseline; whole-number
            // rounding moves each by half a step per minute at most.
            let steps = ((goal_exact / baseline - 1.0) / config.step_ratio - 1e-9)
                .ceil()
                .max(1.0) as usize;
            for k in 1..steps {
                let t = (baseline * (1.0 + config.step_ratio * k as f64)).round();
                if t < goal && targets.last().is_none_or(|last| t > *last) {
                    targets.push(t);
                }
            }
            targets.push(goal);
        }
        Ok(Self {
            baseline_spm: baseline,
            targets,
        })
    }

    /// The target of step `step` (0 = baseline, 1 = first step-up, ...),
    /// staying at the goal past the end.
    pub fn target_at(&self, step: usize) -> f64 {
        match step {
            0 => self.baseline_spm.round(),
            k => self
                .targets
                .get(k - 1)
                .or(self.targets.last())
                .copied()
                .unwrap_or(self.baseline_spm.round()),
        }
    }

    /// The final target.
    pub fn goal(&self) -> f64 {
        self.target_at(self.targets.len())
    }
}

/// The band around a target inside which no cue is given.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CadenceBand {
    pub low_spm: f64,
    pub target_spm: f64,
    pub high_spm: f64,
}

impl CadenceBand {
    pub fn around(target_spm: f64, config: &AlertConfig) -> Self {
        Self {
            low_spm: target_spm - config.band_below_spm,
            target_spm,
            high_spm: target_spm + config.band_above_spm,
        }
    }
}
