//! The session's cadence history, downsampled so it stays bounded: when the
//! point budget is full, neighbouring points merge and the resolution
//! halves. A six-hour run costs the same memory as a one-hour run.

use serde::{Deserialize, Serialize};

use crate::sample::MonoMs;

/// One history point: the readings that fell in one bucket.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct HistoryPoint {
    /// Start of the bucket, in monotonic milliseconds.
    pub at_ms: MonoMs,
    /// Mean steps per minute of the bucket's readings, if it had any.
    pub avg_spm: Option<f64>,
    pub samples: u32,
    /// The signal was lost somewhere in this bucket.
    pub gap: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Bucket {
    index: u64,
    sum_spm: f64,
    samples: u32,
    gap: bool,
}

/// The bounded history.
#[derive(Debug, Clone)]
pub struct CadenceHistory {
    origin_ms: MonoMs,
    bucket_ms: u64,
    max_points: usize,
    buckets: Vec<Bucket>,
}

impl CadenceHistory {
    /// `bucket_ms` ≥ 1 and `max_points` ≥ 2 are checked by the session config.
    pub fn new(origin_ms: MonoMs, bucket_ms: u64, max_points: usize) -> Self {
        let max_points = max_points.max(2);
        Self {
            origin_ms,
            bucket_ms: bucket_ms.max(1),
            max_points,
            buckets: Vec::with_capacity(max_points + 1),
        }
    }

    pub fn add(&mut self, at_ms: MonoMs, spm: f64) {
        if let Some(b) = self.bucket_at(at_ms) {
            b.sum_spm += spm;
            b.samples += 1;
        }
    }

    pub fn mark_gap(&mut self, at_ms: MonoMs) {
        if let Some(b) = self.bucket_at(at_ms) {
            b.gap = true;
        }
    }

    pub fn len(&self) -> usize {
        self.buckets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.buckets.is_empty()
    }

    /// Current resolution.
    pub fn bucket_ms(&self) -> u64 {
        self.bucket_ms
    }

    pub fn points(&self) -> Vec<HistoryPoint> {
        self.buckets
            .iter()
            .map(|b| HistoryPoint {
                at_ms: self
                    .origin_ms
                    .saturating_add(b.index.saturating_mul(self.bucket_ms)),
                avg_spm: (b.samples > 0).then(|| b.sum_spm / f64::from(b.samples)),
                samples: b.samples,
                gap: b.gap,
            })
            .collect()
    }

    fn bucket_at(&mut self, at_ms: MonoMs) -> Option<&mut Bucket> {
        let mut index = at_ms.saturating_sub(self.origin_ms) / self.bucket_ms;
        // Readings arrive in time order, so only the last bucket can match.
        let is_new = self.buckets.last().is_none_or(|b| b.index < index);
        if is_new {
            if self.buckets.len() >= self.max_points {
                self.halve_resolution();
                index = at_ms.saturating_sub(self.origin_ms) / self.bucket_ms;
            }
            if self.buckets.last().is_none_or(|b| b.index < index) {
                self.buckets.push(Bucket {
                    index,
                    sum_spm: 0.0,
                    samples: 0,
                    gap: false,
                });
            }
        }
        self.buckets.last_mut()
    }

    fn halve_resolution(&mut self) {
        while self.buckets.len() >= self.max_points {
            self.bucket_ms = self.bucket_ms.saturating_mul(2);
            let mut merged: Vec<Bucket> = Vec::with_capacity(self.max_points + 1);
            for b in self.buckets.drain(..) {
                let index = b.index / 2;
                match merged.last_mut() {
                    Some(m) if m.index == index => {
                        m.sum_spm += b.sum_spm;
                        m.samples += b.samples;
                        m.gap |= b.gap;
                    }
                    _ => merged.push(Bucket { index, ..b }),
                }
            }
            self.buckets = merged;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_hours_stay_within_the_budget() {
        let mut h = CadenceHistory::new(1_000, 5_000, 100);
        for s in 0..6 * 3_600u64 {
            h.add(1_000 + s * 1_000, 170.0);
        }
        assert!(h.len() <= 100);
        let points = h.points();
        let total: u32 = points.iter().map(|p| p.samples).sum();
        assert_eq!(total, 6 * 3_600);
        assert!(points.iter().all(|p| p.avg_spm == Some(170.0)));
        assert!(h.bucket_ms() > 5_000);
    }
}
