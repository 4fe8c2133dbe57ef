//! Overstriding: strides long against the runner's own baseline at the same
//! speed (source: article 004: landing far ahead of the body brakes hard and
//! loads the knee; a quicker cadence brings the foot under the body).
//!
//! Stride length rises with speed, so a stride is only compared with the
//! runner's strides in the same speed bin. A bin learns from its first
//! readings and then freezes, so a creeping overstride cannot become the
//! new normal.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::alert::AlertGate;
use super::config::{AlertConfig, OverstrideConfig};
use crate::sample::MonoMs;

// Speeds above this are not binned (sprints). Project's choice; bounds the
// baseline's size together with the bin width.
const MAX_BINNED_SPEED_MPS: f64 = 8.0;
const MAX_BINS: usize = 64;

/// One speed bin's learned stride.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct StrideBin {
    pub samples: u32,
    pub mean_stride_m: f64,
}

/// The runner's stride lengths by speed; the app may keep it between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StrideBaseline {
    pub bin_width_mps: f64,
    pub bins: Vec<StrideBin>,
}

impl StrideBaseline {
    pub fn new(bin_width_mps: f64) -> Self {
        let width = if bin_width_mps.is_finite() && bin_width_mps > 0.0 {
            bin_width_mps
        } else {
            0.25
        };
        let n = ((MAX_BINNED_SPEED_MPS / width).ceil() as usize).clamp(1, MAX_BINS);
        Self {
            bin_width_mps: width,
            bins: vec![StrideBin::default(); n],
        }
    }

    fn bin_mut(&mut self, speed_mps: f64) -> Option<&mut StrideBin> {
        if !(speed_mps.is_finite() && speed_mps >= 0.0) || self.bin_width_mps <= 0.0 {
            return None;
        }
        self.bins.get_mut((speed_mps / self.bin_width_mps) as usize)
    }
}

/// A flagged overstride.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OverstrideFlag {
    pub stride_m: f64,
    pub baseline_m: f64,
    pub speed_mps: f64,
    /// How much longer than baseline, as a fraction (0.1 = 10%).
    pub excess_ratio: f64,
}

/// The overstride detector of one session.
#[derive(Debug, Clone)]
pub struct OverstrideDetector {
    config: OverstrideConfig,
    baseline: StrideBaseline,
    window: VecDeque<f64>,
    long_since: Option<MonoMs>,
    flagged: bool,
}

impl OverstrideDetector {
    /// Starts from a baseline kept from earlier runs, or an empty one.
    pub fn new(config: OverstrideConfig, baseline: Option<StrideBaseline>) -> Self {
        let baseline = baseline
            .filter(|b| b.bin_width_mps > 0.0 && !b.bins.is_empty() && b.bins.len() <= MAX_BINS)
            .unwrap_or_else(|| StrideBaseline::new(config.speed_bin_mps));
        let cap = config.window_samples.max(1);
        Self {
            config,
            baseline,
            window: VecDeque::with_capacity(cap),
            long_since: None,
            flagged: false,
        }
    }

    pub fn baseline(&self) -> &StrideBaseline {
        &self.baseline
    }

    /// Readings held (for the memory bound).
    pub fn window_len(&self) -> usize {
        self.window.len()
    }

    /// Drops the current evidence (a stop, a walk, a signal gap).
    pub fn interrupt(&mut self) {
        self.window.clear();
        self.long_since = None;
    }

    /// One running reading with stride length and speed. Returns a flag when
    /// strides have stayed long for the dwell and the shared gate is open.
    pub fn update(
        &mut self,
        now_ms: MonoMs,
        speed_mps: f64,
        stride_m: f64,
        alert: &AlertConfig,
        gate: &mut AlertGate,
    ) -> Option<OverstrideFlag> {
        if !(stride_m.is_finite() && stride_m > 0.0) {
            return None;
        }
        let cap = self.config.window_samples.max(1);
        if self.window.len() >= cap {
            self.window.pop_front();
        }
        self.window.push_back(stride_m);
        let learn_until = self.config.baseline_samples;
        let bin = self.baseline.bin_mut(speed_mps)?;
        if bin.samples < learn_until {
            bin.samples += 1;
            bin.mean_stride_m += (stride_m - bin.mean_stride_m) / f64::from(bin.samples);
            return None;
        }
        let baseline_m = bin.mean_stride_m;
        if self.window.len() < cap || baseline_m <= 0.0 {
            return None;
        }
        let current = self.window.iter().sum::<f64>() / self.window.len() as f64;
        let excess_ratio = current / baseline_m - 1.0;
        if excess_ratio <= self.config.excess_ratio / 2.0 {
            // Well back to normal: re-arm.
            self.long_since = None;
            self.flagged = false;
            return None;
        }
        if excess_ratio <= self.config.excess_ratio {
            self.long_since = None;
            return None;
        }
        let since = *self.long_since.get_or_insert(now_ms);
        if self.flagged
            || now_ms.saturating_sub(since) < self.config.dwell_ms
            || !gate.is_open(now_ms, alert.min_gap_ms)
        {
            return None;
        }
        gate.record(now_ms);
        self.flagged = true;
        Some(OverstrideFlag {
            stride_m: current,
            baseline_m,
            speed_mps,
            excess_ratio,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // source: article 004 (overstriding loads the knee)
    #[test]
    fn long_strides_at_the_same_speed_are_flagged_once() {
        let mut d = OverstrideDetector::new(OverstrideConfig::default(), None);
        let alert = AlertConfig::default();
        let mut gate = AlertGate::default();
        let mut flags = Vec::new();
        for s in 0..120u64 {
            let stride = if s < 40 { 1.00 } else { 1.15 };
            flags.extend(d.update(s * 1_000, 3.0, stride, &alert, &mut gate));
        }
        assert_eq!(flags.len(), 1, "{flags:?}");
        assert!((flags[0].baseline_m - 1.0).abs() < 1e-9);
        assert!(flags[0].excess_ratio > 0.08);
    }

    #[test]
    fn longer_strides_at_a_faster_speed_are_normal() {
        let mut d = OverstrideDetector::new(OverstrideConfig::default(), None);
        let alert = AlertConfig::default();
        let mut gate = AlertGate::default();
        let mut flags = Vec::new();
        for s in 0..200u64 {
            let (speed, stride) = if s < 100 { (3.0, 1.0) } else { (3.6, 1.2) };
            flags.extend(d.update(s * 1_000, speed, stride, &alert, &mut gate));
        }
        assert!(flags.is_empty(), "{flags:?}");
    }
}
