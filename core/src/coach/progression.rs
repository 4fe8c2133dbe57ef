//! Week-to-week progression: the run/walk ladder for new runners and the
//! capped weekly volume for regular runners. Each completed week is judged
//! and the next one set: build, repeat, step back, taper, hold.

use super::config::CoachConfig;
use super::plan::WeekKind;

/// What happened in a week, as far as progression cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeekReport {
    /// No run day was skipped.
    pub completed: bool,
    /// Pain went above the buffer zone (or a stop or red flag) at some point.
    pub pain_above: bool,
    /// Progression is held for a clinician at the week's end.
    pub held: bool,
    /// Training itself is held (a red flag or repeated sharp pain): the
    /// level is kept as it is until the visit, then restarts lower.
    pub training_held: bool,
    /// A hold was released by a visit in the week: restart a step lower.
    pub released: bool,
    /// The knee guard found evidence the knee coped (see `guard`).
    pub may_build: bool,
    /// A surface or shoe change was recorded during the week.
    pub gear_change: bool,
    /// Minutes of running actually planned in the week (after swaps and cuts).
    pub running_minutes: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    Ladder {
        stage: u8,
        weeks_done_at_stage: u8,
    },
    Volume {
        /// This week's planned minutes before in-week cuts.
        nominal: u32,
        /// Minutes of the last completed week: the base of the 10% cap.
        last_completed: u32,
        builds_since_taper: u8,
        speed_level: u8,
        /// One run day fewer, from a step back until the next build: how
        /// often the runner runs is a load too (article 002).
        fewer_days: bool,
    },
}

/// Rules that depend on the runner, fixed for the whole plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    pub growth_cap: f64,
    pub weeks_per_stage: u8,
    pub goal_minutes: u32,
    /// Whether a new runner stays on 15 minutes continuous once reached.
    pub stop_at_ladder_top: bool,
}

/// Largest allowed minutes after a completed week of `last` minutes
/// (article 000: at most 10% more).
pub fn capped(last: u32, cap: f64) -> u32 {
    (f64::from(last) * (1.0 + cap)).floor() as u32
}

/// The largest next week under the cap, with the project's reading of the
/// 10% rule for small volumes: below the floor, where 10% rounds to
/// nothing, a build adds a small fixed step.
pub fn allowed(last: u32, pace: Pace, config: &CoachConfig) -> u32 {
    if last < config.small_volume_floor_minutes {
        last.saturating_add(config.small_volume_step_minutes)
    } else {
        capped(last, pace.growth_cap)
    }
}

pub fn scaled(minutes: u32, factor: f64) -> u32 {
    (f64::from(minutes) * factor).floor() as u32
}

/// Sets next week from this week's report.
pub fn next_week(
    progress: Progress,
    report: WeekReport,
    pace: Pace,
    config: &CoachConfig,
) -> (Progress, WeekKind) {
    match progress {
        Progress::Ladder {
            stage,
            weeks_done_at_stage,
        } => {
            let top = u8::try_from(config.ladder.len().saturating_sub(1)).unwrap_or(u8::MAX);
            let down = |kind| {
                (
                    Progress::Ladder {
                        stage: stage.saturating_sub(1),
                        weeks_done_at_stage: 0,
                    },
                    kind,
                )
            };
            let same = |kind, done| {
                (
                    Progress::Ladder {
                        stage,
                        weeks_done_at_stage: done,
                    },
                    kind,
                )
            };
            if report.training_held {
                return same(WeekKind::Hold, weeks_done_at_stage);
            }
            if report.pain_above || report.released {
                return down(WeekKind::StepBack);
            }
            if report.held {
                return same(WeekKind::Hold, weeks_done_at_stage);
            }
            if report.gear_change {
                return down(WeekKind::GearChange);
            }
            if !report.completed || !report.may_build {
                return same(WeekKind::Repeat, weeks_done_at_stage);
            }
            let done = weeks_done_at_stage.saturating_add(1);
            if done < pace.weeks_per_stage {
                return same(WeekKind::Repeat, done);
            }
            if stage < top {
                return (
                    Progress::Ladder {
                        stage: stage + 1,
                        weeks_done_at_stage: 0,
                    },
                    WeekKind::Build,
                );
            }
            if pace.stop_at_ladder_top {
                return same(WeekKind::Maintain, done);
            }
            // Graduated: from here on, weekly volume grows under the 10% cap.
            let last = report.running_minutes;
            let nominal = allowed(last, pace, config).min(pace.goal_minutes.max(last));
            let volume = Progress::Volume {
                nominal,
                last_completed: last,
                builds_since_taper: 1,
                speed_level: 0,
                fewer_days: false,
            };
            (volume, WeekKind::Build)
        }
        Progress::Volume {
            nominal,
            last_completed,
            builds_since_taper,
            speed_level,
            fewer_days,
        } => {
            // A week with no running (held, or all cross-training) says
            // nothing new about what the knee can take; nor does a week a
            // hold cut short or a visit ended, so the restart after a visit
            // is measured from the last full week before the hold.
            let full = report.completed
                && report.running_minutes > 0
                && !report.training_held
                && !report.released;
            let last = if full {
                report.running_minutes
            } else {
                last_completed
            };
            let cap = allowed(last, pace, config);
            let mut builds = builds_since_taper;
            let mut speed = speed_level;
            let (next, kind) = if report.training_held {
                (nominal, WeekKind::Hold)
            } else if report.pain_above || report.released {
                speed = speed.saturating_sub(1);
                // After a visit the step is taken from the last full week
                // before the hold, not from a level the hold never let run.
                let from = if report.released { last } else { nominal };
                (
                    scaled(from, 1.0 - config.pain_scale_back),
                    WeekKind::StepBack,
                )
            } else if report.held {
                (nominal, WeekKind::Hold)
            } else if report.gear_change {
                (
                    scaled(nominal, config.gear_change_factor),
                    WeekKind::GearChange,
                )
            } else if !report.completed || !report.may_build {
                (nominal, WeekKind::Repeat)
            } else if builds.saturating_add(1) >= config.taper_every_weeks
                && nominal < pace.goal_minutes
                && last >= config.small_volume_floor_minutes
            {
                builds = 0;
                (scaled(last, config.taper_factor), WeekKind::Taper)
            } else if nominal >= pace.goal_minutes {
                speed = speed.saturating_add(1);
                (pace.goal_minutes, WeekKind::Maintain)
            } else {
                builds = builds.saturating_add(1);
                speed = speed.saturating_add(1);
                (pace.goal_minutes, WeekKind::Build)
            };
            let next = next.min(cap);
            // A build that cannot add a minute is honestly a repeat.
            let kind = if kind == WeekKind::Build && next <= nominal {
                WeekKind::Repeat
            } else {
                kind
            };
            // Pain steps back frequency too; the restart after a visit
            // keeps the run days, since the hold already rested the knee.
            let fewer_days = match kind {
                WeekKind::StepBack => report.pain_above,
                WeekKind::Hold | WeekKind::Repeat | WeekKind::Maintain => fewer_days,
                _ => false,
            };
            let progress = Progress::Volume {
                nominal: next,
                last_completed: last,
                builds_since_taper: builds,
                speed_level: speed,
                fewer_days,
            };
            (progress, kind)
        }
    }
}
