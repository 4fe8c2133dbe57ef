//! A short sliding window over accepted readings: one smoothed step rate
//! with a confidence, so a single spike or a shaky source cannot raise a cue.
//!
//! The median resists spikes; the confidence falls when the window is thin,
//! when its readings disagree, or when the unit was only guessed.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::config::SmoothingConfig;
use crate::sample::MonoMs;

/// The smoothed step rate at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Smoothed {
    /// Median steps per minute over the window.
    pub spm: f64,
    /// 0 (do not trust) to 1.
    pub confidence: f64,
    /// Readings in the window.
    pub samples: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    at_ms: MonoMs,
    spm: f64,
    unit_confidence: f64,
}

/// The window. Its memory is bounded by `max_samples` whatever the rate.
#[derive(Debug, Clone)]
pub struct CadenceSmoother {
    config: SmoothingConfig,
    entries: VecDeque<Entry>,
    // Reused for the median so that no reading allocates.
    scratch: Vec<f64>,
}

impl CadenceSmoother {
    pub fn new(config: SmoothingConfig) -> Self {
        let cap = config.max_samples.max(1);
        Self {
            config,
            entries: VecDeque::with_capacity(cap),
            scratch: Vec::with_capacity(cap),
        }
    }

    /// Adds an accepted reading. `unit_confidence` comes from unit detection.
    pub fn push(&mut self, at_ms: MonoMs, spm: f64, unit_confidence: f64) {
        if self.entries.len() >= self.config.max_samples.max(1) {
            self.entries.pop_front();
        }
        self.entries.push_back(Entry {
            at_ms,
            spm,
            unit_confidence,
        });
        self.expire(at_ms);
    }

    /// Forgets everything: after a stop or a signal gap old readings say
    /// nothing about the runner now.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Readings held right now (for the memory bound).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The smoothed value at `now_ms`, or `None` when the window is empty.
    pub fn current(&mut self, now_ms: MonoMs) -> Option<Smoothed> {
        self.expire(now_ms);
        if self.entries.is_empty() {
            return None;
        }
        self.scratch.clear();
        self.scratch.extend(self.entries.iter().map(|e| e.spm));
        let median = median_in_place(&mut self.scratch);
        for v in &mut self.scratch {
            *v = (*v - median).abs();
        }
        let mad = median_in_place(&mut self.scratch);
        let n = self.entries.len();
        let count_factor = (n as f64 / self.config.full_confidence_samples.max(1) as f64).min(1.0);
        let spread = if median > 0.0 { mad / median } else { 1.0 };
        let spread_factor = if self.config.max_relative_spread > 0.0 {
            (1.0 - spread / self.config.max_relative_spread).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let unit_factor = self
            .entries
            .iter()
            .map(|e| e.unit_confidence)
            .fold(1.0, f64::min);
        Some(Smoothed {
            spm: median,
            confidence: count_factor * spread_factor * unit_factor,
            samples: n,
        })
    }

    fn expire(&mut self, now_ms: MonoMs) {
        let oldest = now_ms.saturating_sub(self.config.window_ms);
        while self.entries.front().is_some_and(|e| e.at_ms < oldest) {
            self.entries.pop_front();
        }
    }
}

fn median_in_place(values: &mut [f64]) -> f64 {
    values.sort_unstable_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => values[n / 2],
        _ => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_ignores_one_spike_and_confidence_grows_with_samples() {
        let mut s = CadenceSmoother::new(SmoothingConfig::default());
        s.push(0, 170.0, 1.0);
        let one = s.current(0).unwrap();
        assert!(one.confidence < 0.5);
        s.push(1_000, 240.0, 1.0);
        s.push(2_000, 171.0, 1.0);
        s.push(3_000, 170.0, 1.0);
        let got = s.current(3_000).unwrap();
        assert!((got.spm - 170.5).abs() < 1e-9);
        assert!(got.confidence > 0.8, "{got:?}");
    }

    #[test]
    fn window_expires_and_stays_bounded() {
        let cfg = SmoothingConfig {
            max_samples: 8,
            ..SmoothingConfig::default()
        };
        let mut s = CadenceSmoother::new(cfg);
        for i in 0..1_000u64 {
            s.push(i * 10, 170.0, 1.0);
        }
        assert_eq!(s.len(), 8);
        assert!(s.current(1_000_000).is_none());
    }

    #[test]
    fn guessed_unit_caps_confidence() {
        let mut s = CadenceSmoother::new(SmoothingConfig::default());
        for i in 0..5 {
            s.push(i * 1_000, 170.0, 0.6);
        }
        assert!((s.current(4_000).unwrap().confidence - 0.6).abs() < 1e-9);
    }
}
