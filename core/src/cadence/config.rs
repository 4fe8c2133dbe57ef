//! Every cadence threshold in one place, each with its documented default.
//!
//! Articles 002 and 004 give the aim (165-180 steps/min) and the pace of
//! change (about 5% at a time, 5-10% in all). They give no numbers for
//! dwell times, bands or sensor sanity limits: those defaults are the
//! project's choice and say so.

use serde::{Deserialize, Serialize};

/// Everything the cadence pipeline can be tuned with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CadenceConfig {
    pub plausibility: PlausibilityConfig,
    pub smoothing: SmoothingConfig,
    pub alert: AlertConfig,
    pub overstride: OverstrideConfig,
}

/// Limits beyond which a reading is not believed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlausibilityConfig {
    /// Below this many steps/min the runner is standing still. Project's
    /// choice: foot pods trickle a few counts while the runner waits.
    pub stopped_below_spm: f64,
    /// At or below this speed the runner is standing still. Project's choice.
    pub stopped_below_mps: f64,
    /// Above this, a value is not a human step rate. Project's choice: elite
    /// sprinters peak near 240-260; distance runners stay far below.
    pub max_spm: f64,
    /// Below this a runner is walking, not running. Project's choice: even a
    /// slow shuffle runs above 130; 120 keeps a margin.
    pub min_running_spm: f64,
    /// Below this speed, together with a rate under `walking_below_spm`, the
    /// runner is walking whatever the sensor says. Project's choice: people
    /// switch from walking to running near 2 m/s (about 7 km/h).
    pub walking_below_mps: f64,
    /// Below this many steps/min, together with a speed under
    /// `walking_below_mps`, the runner is walking. Project's choice: a brisk
    /// walk reaches 120-135 steps/min (60-68 a minute per foot), which the
    /// rate alone would take for a slow jog; even a slow jog runs near 150.
    pub walking_below_spm: f64,
    /// Longest believable single step (speed × 60 / steps). Project's choice.
    pub max_step_length_m: f64,
    /// How far speed may stray from stride × cadence before the two relations
    /// (strides: /60, steps: /120) count as not fitting. Project's choice:
    /// 25%, since foot pods are calibrated loosely.
    pub unit_fit_tolerance: f64,
    /// Shortest believable step, at a speed of at least
    /// `min_speed_for_fit_mps`: a reading that would need shorter steps if
    /// it counted one foot must count both. Project's choice: at 1.4 m/s a
    /// 40 cm step is 210 steps a minute, a gait nobody walks or runs, while
    /// a slow walker's steps stay above 50 cm.
    pub min_step_length_m: f64,
    /// Slowest speed at which the speed/stride relation is used at all:
    /// near zero both sides are noise. Project's choice.
    pub min_speed_for_fit_mps: f64,
}

impl Default for PlausibilityConfig {
    fn default() -> Self {
        Self {
            stopped_below_spm: 30.0,
            stopped_below_mps: 0.5,
            max_spm: 240.0,
            min_running_spm: 120.0,
            walking_below_mps: 2.0,
            walking_below_spm: 140.0,
            max_step_length_m: 2.5,
            unit_fit_tolerance: 0.25,
            min_step_length_m: 0.4,
            min_speed_for_fit_mps: 1.0,
        }
    }
}

/// The smoothing window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SmoothingConfig {
    /// Readings older than this leave the window. Project's choice: 5 s holds
    /// 5-10 readings from a 1-2 Hz foot pod, enough to shrug off one spike.
    pub window_ms: u64,
    /// Most readings kept, whatever the rate. Bounds memory. Project's choice.
    pub max_samples: usize,
    /// Readings needed in the window for full confidence. Project's choice.
    pub full_confidence_samples: usize,
    /// Relative spread (median absolute deviation / median) at which the
    /// confidence has fallen to zero. Project's choice: 10%.
    pub max_relative_spread: f64,
}

impl Default for SmoothingConfig {
    fn default() -> Self {
        Self {
            window_ms: 5_000,
            max_samples: 64,
            full_confidence_samples: 3,
            max_relative_spread: 0.10,
        }
    }
}

/// When a cadence alert fires and when it clears.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AlertConfig {
    /// The band reaches this far below the target. Project's choice: 5
    /// steps/min (~3%), above the normal wobble of a smoothed pod reading.
    pub band_below_spm: f64,
    /// The band reaches this far above the target. Project's choice.
    pub band_above_spm: f64,
    /// How long cadence must stay outside the band before one alert.
    /// Project's choice: 15 s, long enough to ignore a hill crest or a turn.
    pub dwell_ms: u64,
    /// Hysteresis: back on target means this far inside the band's edge.
    /// Project's choice.
    pub hysteresis_spm: f64,
    /// How long cadence must stay back inside before "back on target".
    /// Project's choice.
    pub recover_dwell_ms: u64,
    /// Shortest time between two form alerts of any kind (cadence or
    /// overstride). Project's choice: a minute, so cues never flood.
    pub min_gap_ms: u64,
    /// Quiet time at the start of each run segment while the runner gets
    /// going. Project's choice.
    pub segment_start_grace_ms: u64,
    /// Quiet time after a stop (traffic light) ends. Project's choice.
    pub restart_grace_ms: u64,
    /// Lowest smoothed confidence that may raise an alert. Project's choice.
    pub min_confidence: f64,
    /// Whether running above the band alerts too. Off by default: running
    /// quicker than the target does the knee no harm (article 002).
    pub alert_above_band: bool,
}

impl Default for AlertConfig {
    fn default() -> Self {
        Self {
            band_below_spm: 5.0,
            band_above_spm: 10.0,
            dwell_ms: 15_000,
            hysteresis_spm: 2.0,
            recover_dwell_ms: 5_000,
            min_gap_ms: 60_000,
            segment_start_grace_ms: 20_000,
            restart_grace_ms: 10_000,
            min_confidence: 0.5,
            alert_above_band: false,
        }
    }
}

/// When a stride counts as an overstride.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OverstrideConfig {
    /// Width of one speed bin of the stride baseline. Project's choice.
    pub speed_bin_mps: f64,
    /// Readings a speed bin needs before its baseline is trusted; it stops
    /// learning then, so a later overstride cannot drag it. Project's choice.
    pub baseline_samples: u32,
    /// How much longer than baseline a stride must be. Project's choice: 8%.
    pub excess_ratio: f64,
    /// How long strides must stay long before a flag. Project's choice.
    pub dwell_ms: u64,
    /// Readings averaged for the current stride. Project's choice.
    pub window_samples: usize,
}

impl Default for OverstrideConfig {
    fn default() -> Self {
        Self {
            speed_bin_mps: 0.25,
            baseline_samples: 20,
            excess_ratio: 0.08,
            dwell_ms: 15_000,
            window_samples: 5,
        }
    }
}
