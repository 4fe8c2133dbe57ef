//! Streaks of consistent weeks, and the milestones of article 004: steadier
//! knees within 4-6 weeks, deeper protection after 8-12 weeks of consistent
//! work.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::weeks::{mondays, week_start};
use crate::store::{Outcome, RunRecord, SessionRecord};

/// The two milestones of consistent work: the expectations article 004 sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ProgressMilestone {
    /// 4-6 weeks: the knee feels steadier.
    SteadierKnees,
    /// 8-12 weeks: strength that protects the knee for the long run.
    DeeperProtection,
}

/// A milestone and how far the streak is from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct StreakMilestone {
    /// Which milestone.
    pub milestone: ProgressMilestone,
    /// Consistent weeks where it begins.
    pub from_weeks: u32,
    /// Consistent weeks where it ends.
    pub to_weeks: u32,
    /// Whether the current streak has reached `from_weeks`.
    pub reached: bool,
    /// Consistent weeks still to go.
    pub weeks_to_go: u32,
}

/// Consistent weeks in a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Streaks {
    /// Ending with this week if it is already consistent, else with last
    /// week: a week still under way does not break a streak.
    pub current_weeks: u32,
    pub longest_weeks: u32,
    /// Days with a done session or a run, this week so far.
    pub active_days_this_week: u32,
    pub milestones: Vec<StreakMilestone>,
}

/// Counts streaks up to `today`. A week is consistent with at least
/// `days_needed` days that had a done session or a run.
pub fn streaks(
    sessions: &[SessionRecord],
    runs: &[RunRecord],
    today: NaiveDate,
    days_needed: u32,
) -> Streaks {
    let active: BTreeSet<NaiveDate> = sessions
        .iter()
        .filter(|s| s.outcome == Outcome::Done)
        .map(|s| s.date)
        .chain(runs.iter().map(RunRecord::date))
        .filter(|d| *d <= today)
        .collect();
    let mut per_week: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for day in &active {
        *per_week.entry(week_start(*day)).or_default() += 1;
    }
    let this_week = week_start(today);
    let active_days_this_week = per_week.get(&this_week).copied().unwrap_or(0);
    let consistent = |monday: &NaiveDate| {
        per_week
            .get(monday)
            .is_some_and(|n| *n >= days_needed.max(1))
    };

    let (mut longest, mut run) = (0u32, 0u32);
    let mut current = 0u32;
    if let Some(first) = per_week.keys().next().copied() {
        for monday in mondays(first, today) {
            if consistent(&monday) {
                run += 1;
                longest = longest.max(run);
            } else if monday != this_week {
                run = 0;
            }
        }
        current = run;
    }
    let milestone = |milestone, from_weeks: u32, to_weeks| StreakMilestone {
        milestone,
        from_weeks,
        to_weeks,
        reached: current >= from_weeks,
        weeks_to_go: from_weeks.saturating_sub(current),
    };
    Streaks {
        current_weeks: current,
        longest_weeks: longest,
        active_days_this_week,
        milestones: vec![
            milestone(ProgressMilestone::SteadierKnees, 4, 6),
            milestone(ProgressMilestone::DeeperProtection, 8, 12),
        ],
    }
}
