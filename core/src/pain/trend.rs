//! Pain over weeks: has it stopped improving, or is it getting worse?
//! Article 002 sends the runner to a clinician for either.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::checkin::CheckIn;

/// A weekly average at or below this is low, settled pain, not a "lack of
/// improvement". Project's choice: 2 points. The progress view's "settled"
/// uses the same number, so the two never disagree about a steady low score.
pub const SETTLED_PAIN_MAX: f64 = 2.0;

/// The window and threshold of the trend rule. Both are the project's
/// choice: article 002 names "lack of improvement" and "worsening" without
/// numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendConfig {
    /// Consecutive weeks, each with at least one check-in, that are compared.
    /// Project's choice: 3.
    pub weeks: u8,
    /// Rise of the weekly average, first week to last, that counts as
    /// worsening. Project's choice: 1 point.
    pub worsening_points: f64,
    /// Latest weekly average at or below which pain is settled: no trend.
    pub settled_max: f64,
}

impl Default for TrendConfig {
    fn default() -> Self {
        Self {
            weeks: 3,
            worsening_points: 1.0,
            settled_max: SETTLED_PAIN_MAX,
        }
    }
}

/// A trend that calls for a clinician.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PainTrend {
    /// The weekly average rose from `from` to `to`.
    Worsening { weeks: u8, from: f64, to: f64 },
    /// Pain was present every week and the average did not come down.
    NoImprovement { weeks: u8, from: f64, to: f64 },
}

/// Looks at the `config.weeks` seven-day blocks ending on `as_of` (inclusive).
/// Returns a trend only when every block has a check-in, so a quiet week
/// never reads as a trend.
pub fn trend(checkins: &[CheckIn], as_of: NaiveDate, config: &TrendConfig) -> Option<PainTrend> {
    let weeks = config.weeks.max(2);
    let mut averages = Vec::with_capacity(usize::from(weeks));
    for block in (0..i64::from(weeks)).rev() {
        let last = as_of - Duration::days(7 * block);
        let first = last - Duration::days(6);
        let scores: Vec<f64> = checkins
            .iter()
            .filter(|c| (first..=last).contains(&c.taken_at.date()))
            .map(|c| f64::from(c.score))
            .collect();
        if scores.is_empty() {
            return None;
        }
        averages.push(scores.iter().sum::<f64>() / scores.len() as f64);
    }
    let (from, to) = match (averages.first(), averages.last()) {
        (Some(f), Some(t)) => (*f, *t),
        _ => return None,
    };
    // Low pain is settled, whichever way it drifts: neither a rise to 1.7
    // after two quiet weeks nor a steady 2 calls for a clinician.
    if to <= config.settled_max {
        return None;
    }
    if to - from >= config.worsening_points {
        return Some(PainTrend::Worsening { weeks, from, to });
    }
    if averages.iter().all(|a| *a > 0.0) && to >= from {
        return Some(PainTrend::NoImprovement { weeks, from, to });
    }
    None
}
