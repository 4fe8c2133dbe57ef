//! Pain over weeks: has it stopped improving, or is it getting worse, and
//! has it settled again? Article 002 sends the runner to a clinician for
//! pain that does not improve or gets worse.
//!
//! A trend is a persistent change, so it is read from one value per day
//! (the day's highest score: two check-ins of one run are one day, not two
//! readings), and each week's level is the lower median of its days. One
//! bad day among settled ones then never moves a week's level, and so can
//! never make a trend on its own; a week with fewer than
//! `min_days_per_week` days of check-ins says too little to judge.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::checkin::CheckIn;

/// A weekly level at or below this is low, settled pain, not a "lack of
/// improvement". Project's choice: 2 points. The progress view's "settled"
/// uses the same number, so the two never disagree about a steady low score.
pub const SETTLED_PAIN_MAX: f64 = 2.0;

/// The windows and thresholds of the trend rule. All are the project's
/// choice: article 002 names "lack of improvement" and "worsening" without
/// numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendConfig {
    /// Consecutive weeks that are compared. Project's choice: 3.
    pub weeks: u8,
    /// Rise of the weekly level, first week to last, that counts as
    /// worsening. Project's choice: 1 point.
    pub worsening_points: f64,
    /// Latest weekly level at or below which pain is settled: no trend.
    pub settled_max: f64,
    /// Days with a check-in a week needs before its level counts.
    /// Project's choice: 2, so that a week is never one day.
    pub min_days_per_week: u8,
    /// Weeks in a row at or below `settled_max` after which a trend hold
    /// lifts by itself. Project's choice: 2.
    pub settle_weeks: u8,
}

impl Default for TrendConfig {
    fn default() -> Self {
        Self {
            weeks: 3,
            worsening_points: 1.0,
            settled_max: SETTLED_PAIN_MAX,
            min_days_per_week: 2,
            settle_weeks: 2,
        }
    }
}

/// A trend that calls for a clinician. `from` and `to` are the first and
/// last weekly levels compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PainTrend {
    /// The weekly level rose from `from` to `to`.
    Worsening {
        /// Weeks compared.
        weeks: u8,
        /// The first week's level, 0-10.
        from: f64,
        /// The last week's level, 0-10.
        to: f64,
    },
    /// Pain was present every week, ends above the settled level, and its
    /// level did not come down.
    NoImprovement {
        /// Weeks compared.
        weeks: u8,
        /// The first week's level, 0-10.
        from: f64,
        /// The last week's level, 0-10.
        to: f64,
    },
}

impl PainTrend {
    /// What to tell the runner when a check-in shows this trend (article
    /// 002: pain that does not improve, or gets worse, needs a clinician).
    pub fn warning(&self) -> &'static str {
        "Your knee has not been getting better over the last few weeks. Please have a doctor or \
         physical therapist look at it."
    }
}

/// One pain value per day: the day's highest score, in date order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DailyPain {
    days: Vec<(NaiveDate, u8)>,
}

impl DailyPain {
    pub fn new<'a>(checkins: impl IntoIterator<Item = &'a CheckIn>) -> Self {
        let mut days: Vec<(NaiveDate, u8)> = checkins
            .into_iter()
            .map(|c| (c.taken_at.date(), c.score))
            .collect();
        days.sort_unstable();
        // Sorted by (date, score): the last entry of each date is its highest.
        days.reverse();
        days.dedup_by_key(|(d, _)| *d);
        days.reverse();
        Self { days }
    }

    pub fn days(&self) -> &[(NaiveDate, u8)] {
        &self.days
    }

    /// The level of the seven days ending on `last`, or `None` when too few
    /// of them have a check-in.
    fn week_level(&self, last: NaiveDate, config: &TrendConfig) -> Option<f64> {
        let first = last - Duration::days(6);
        let from = self.days.partition_point(|(d, _)| *d < first);
        let to = self.days.partition_point(|(d, _)| *d <= last);
        let mut scores: Vec<u8> = self.days[from..to].iter().map(|(_, s)| *s).collect();
        if scores.is_empty() || scores.len() < usize::from(config.min_days_per_week.max(1)) {
            return None;
        }
        scores.sort_unstable();
        // The lower median: with an even count, the lower of the two middle
        // days, so that a single high day never lifts a week.
        scores.get((scores.len() - 1) / 2).map(|s| f64::from(*s))
    }

    /// The trend over the `config.weeks` seven-day blocks ending on `as_of`
    /// (inclusive), if every block has enough days to judge.
    pub fn trend(&self, as_of: NaiveDate, config: &TrendConfig) -> Option<PainTrend> {
        let weeks = config.weeks.max(2);
        let mut levels = Vec::with_capacity(usize::from(weeks));
        for block in (0..i64::from(weeks)).rev() {
            levels.push(self.week_level(as_of - Duration::days(7 * block), config)?);
        }
        let (from, to) = (*levels.first()?, *levels.last()?);
        // Low pain is settled, whichever way it drifts.
        if to <= config.settled_max {
            return None;
        }
        if to - from >= config.worsening_points {
            return Some(PainTrend::Worsening { weeks, from, to });
        }
        if levels.iter().all(|l| *l > 0.0) && to >= from {
            return Some(PainTrend::NoImprovement { weeks, from, to });
        }
        None
    }

    /// Whether pain has settled by `as_of`: each of the last
    /// `config.settle_weeks` seven-day blocks has enough days and a level at
    /// or below the settled level.
    pub fn settled(&self, as_of: NaiveDate, config: &TrendConfig) -> bool {
        (0..i64::from(config.settle_weeks.max(1))).all(|block| {
            self.week_level(as_of - Duration::days(7 * block), config)
                .is_some_and(|l| l <= config.settled_max)
        })
    }

    /// The last date a check-in can still change [`Self::settled`] from.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.days.last().map(|(d, _)| *d)
    }
}

/// The trend as of `as_of`, read from `checkins` (see [`DailyPain`]).
pub fn trend(checkins: &[CheckIn], as_of: NaiveDate, config: &TrendConfig) -> Option<PainTrend> {
    DailyPain::new(checkins.iter().filter(|c| c.taken_at.date() <= as_of)).trend(as_of, config)
}
