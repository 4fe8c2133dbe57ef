//! Weekly running volume against the 10% cap (source: article 000).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::weeks::{mondays, week_start};
use crate::store::RunRecord;

/// One week's distance, and the most the 10% rule allowed for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct WeekVolume {
    /// The Monday that starts the week, ISO-8601.
    pub week_start: NaiveDate,
    /// Distance run in the week, metres.
    pub distance_m: u32,
    /// Runs in the week.
    pub runs: u32,
    /// The previous week's distance plus the allowed growth. `None` after a
    /// week without running: the rule has nothing to grow from, and a return
    /// from a break is the plan's business.
    pub cap_m: Option<u32>,
    /// Whether the week ran past its cap.
    pub over_cap: bool,
}

/// Weekly totals from the week of the first run to the week of `today`,
/// weeks without runs included as zero.
pub fn weekly_volume(runs: &[RunRecord], today: NaiveDate, growth_cap: f64) -> Vec<WeekVolume> {
    let mut totals: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
    for run in runs.iter().filter(|r| r.date() <= today) {
        let entry = totals.entry(week_start(run.date())).or_default();
        entry.0 = entry.0.saturating_add(run.distance_m);
        entry.1 += 1;
    }
    let Some(first) = totals.keys().next().copied() else {
        return Vec::new();
    };
    let mut previous: Option<u32> = None;
    mondays(first, today)
        .map(|monday| {
            let (distance_m, runs) = totals.get(&monday).copied().unwrap_or_default();
            let cap_m = previous
                .filter(|p| *p > 0)
                .map(|p| (f64::from(p) * growth_cap).floor() as u32);
            previous = Some(distance_m);
            WeekVolume {
                week_start: monday,
                distance_m,
                runs,
                cap_m,
                over_cap: cap_m.is_some_and(|c| distance_m > c),
            }
        })
        .collect()
}
