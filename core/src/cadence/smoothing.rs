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
    /// In time order, for expiry.
    entries: VecDeque<Entry>,
    /// The same values kept sorted, so the median and its spread need no
    /// sort per reading.
    sorted: Vec<f64>,
}

impl CadenceSmoother {
    pub fn new(config: SmoothingConfig) -> Self {
        let cap = config.max_samples.max(1);
        Self {
            config,
            entries: VecDeque::with_capacity(cap),
            sorted: Vec::with_capacity(cap),
        }
    }

    /// Adds an accepted reading. `unit_confidence` comes from unit detection.
    pub fn push(&mut self, at_ms: MonoMs, spm: f64, unit_confidence: f64) {
        if self.entries.len() >= self.config.max_samples.max(1) {
            self.pop_oldest();
        }
        self.entries.push_back(Entry {
            at_ms,
            spm,
            unit_confidence,
        });
        let at = self.sorted.partition_point(|v| *v < spm);
        self.sorted.insert(at, spm);
        self.expire(at_ms);
    }

    /// Forgets everything: after a stop or a signal gap old readings say
    /// nothing about the runner now.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.sorted.clear();
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
        let median = sorted_median(&self.sorted);
        let mad = median_abs_deviation(&self.sorted, median);
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
            self.pop_oldest();
        }
    }

    fn pop_oldest(&mut self) {
        let Some(gone) = self.entries.pop_front() else {
            return;
        };
        let at = self.sorted.partition_point(|v| *v < gone.spm);
        let at = if self.sorted.get(at) == Some(&gone.spm) {
            Some(at)
        } else {
            self.sorted.iter().position(|v| *v == gone.spm)
        };
        if let Some(at) = at {
            self.sorted.remove(at);
        }
    }
}

/// Median of an ascending slice (0 when empty).
fn sorted_median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    let mid = |i: usize| sorted.get(i).copied().unwrap_or(0.0);
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => mid(n / 2),
        _ => (mid(n / 2 - 1) + mid(n / 2)) / 2.0,
    }
}

/// Median of |v - median| over an ascending slice, without sorting: the
/// deviations grow walking outward from the median, so merging the two
/// walks yields them in order.
fn median_abs_deviation(sorted: &[f64], median: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return 0.0;
    }
    let want_hi = n / 2;
    let want_lo = if n.is_multiple_of(2) {
        n / 2 - 1
    } else {
        want_hi
    };
    let mut right = sorted.partition_point(|v| *v < median);
    let mut left = right;
    let mut lo_value = 0.0;
    for rank in 0..=want_hi {
        let l = left
            .checked_sub(1)
            .and_then(|i| sorted.get(i))
            .map(|v| median - v);
        let r = sorted.get(right).map(|v| v - median);
        let d = match (l, r) {
            (Some(a), Some(b)) if a <= b => {
                left -= 1;
                a
            }
            (Some(a), None) => {
                left -= 1;
                a
            }
            (_, Some(b)) => {
                right += 1;
                b
            }
            (None, None) => break,
        };
        if rank == want_lo {
            lo_value = d;
        }
        if rank == want_hi {
            return (lo_value + d) / 2.0;
        }
    }
    lo_value
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
    fn spread_matches_a_sorting_reference() {
        fn reference(values: &[f64]) -> (f64, f64) {
            let med = |v: &mut Vec<f64>| {
                v.sort_by(f64::total_cmp);
                let n = v.len();
                if n % 2 == 1 {
                    v[n / 2]
                } else {
                    (v[n / 2 - 1] + v[n / 2]) / 2.0
                }
            };
            let mut v = values.to_vec();
            let m = med(&mut v);
            let mut d: Vec<f64> = values.iter().map(|x| (x - m).abs()).collect();
            (m, med(&mut d))
        }
        let mut seed = 7u64;
        for n in 1..40 {
            let mut values = Vec::new();
            for _ in 0..n {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                values.push(150.0 + ((seed >> 33) % 40) as f64);
            }
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let m = sorted_median(&sorted);
            let (rm, rmad) = reference(&values);
            assert_eq!(m, rm);
            assert_eq!(median_abs_deviation(&sorted, m), rmad, "{values:?}");
        }
    }

    #[test]
    fn sorted_copy_follows_expiry_and_eviction() {
        let cfg = SmoothingConfig {
            max_samples: 4,
            ..SmoothingConfig::default()
        };
        let mut s = CadenceSmoother::new(cfg);
        for (i, v) in [170.0, 150.0, 170.0, 190.0, 160.0, 165.0]
            .iter()
            .enumerate()
        {
            s.push(i as u64 * 1_000, *v, 1.0);
        }
        // Window holds the last four: 170, 190, 160, 165.
        assert_eq!(s.sorted, vec![160.0, 165.0, 170.0, 190.0]);
        assert_eq!(s.current(5_000).unwrap().spm, 167.5);
        // At 8 s, readings before 3 s have left the window.
        assert_eq!(s.current(8_000).unwrap().samples, 3);
        assert_eq!(s.sorted, vec![160.0, 165.0, 190.0]);
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
