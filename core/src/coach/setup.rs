//! What a plan is built from, worked out once: the knee guard, the week
//! template, the runs swapped for cross-training, the runner's pace of
//! progression, and the first week's level; and the day notes' wording,
//! written once per plan.

use std::cell::RefCell;

use chrono::{Datelike, Duration, NaiveDate};

use super::config::CoachConfig;
use super::guard::{GuardReason, KneeGuard};
use super::history::History;
use super::plan::{DayKind, WeekKind};
use super::profile::{ExperienceLevel, RunningGoal};
use super::progression::{self, Pace, Progress};
use super::schedule::WeekTemplate;
use super::starting_point::{current_minutes, risk_factors};
use crate::cadence::StepUpSchedule;

pub struct PlanContext<'h> {
    pub history: &'h History,
    pub guard: KneeGuard,
    pub template: WeekTemplate,
    /// Run days that become cross-training after pain above the zone.
    pub swaps: Vec<NaiveDate>,
    pub pace: Pace,
    /// The cadence step-ups, when the profile has a baseline.
    pub cadence: Option<StepUpSchedule>,
    /// Each day note worded so far: the same few reasons repeat on most
    /// days of a plan, and wording one is a `format!`, the plan's largest
    /// single cost after choosing exercises.
    notes: RefCell<Vec<(GuardReason, String)>>,
}

/// Whether the runner is coming back to running: the returning experience
/// or the return-from-runner's-knee goal.
pub fn coming_back(history: &History) -> bool {
    history.profile.experience == ExperienceLevel::Returning
        || matches!(history.profile.goal, RunningGoal::ReturnWithRunnersKnee)
}

fn pace(history: &History, template: &WeekTemplate, config: &CoachConfig) -> Pace {
    let profile = &history.profile;
    let risky = !risk_factors(profile, config).is_empty();
    let current = current_minutes(profile, config);
    // A runner who graduates from the ladder keeps at least the ladder's
    // last rung on every run day, whatever the goal.
    let ladder_top = config
        .ladder
        .last()
        .map_or(0, |r| r.running_seconds() / 60)
        .saturating_mul(u32::try_from(template.run_days()).unwrap_or(0));
    let goal_minutes = match profile.goal {
        RunningGoal::WeeklyDistance { target_km } => {
            (target_km * f64::from(config.seconds_per_km) / 60.0).floor() as u32
        }
        _ => current.max(ladder_top),
    };
    Pace {
        growth_cap: if risky {
            config.risk_growth_cap
        } else {
            config.weekly_growth_cap
        },
        weeks_per_stage: if risky {
            config.risk_weeks_per_stage.max(1)
        } else {
            1
        },
        goal_minutes,
        stop_at_ladder_top: matches!(profile.goal, RunningGoal::Continuous15Minutes),
    }
}

impl<'h> PlanContext<'h> {
    pub fn new(history: &'h History, config: &CoachConfig) -> Self {
        let guard = KneeGuard::new(history, config);
        let template = WeekTemplate::new(&history.profile, config);
        let swaps = guard.swapped_run_days(|d| template.kind(d.weekday()) == DayKind::Run);
        let pace = pace(history, &template, config);
        // Validation already checked the baseline, so a schedule always builds;
        // one entered by the runner wins over one measured from runs.
        let cadence = history
            .profile
            .cadence_baseline_spm
            .or(history.measured_cadence_spm)
            .and_then(|spm| StepUpSchedule::new(spm, &config.cadence).ok());
        Self {
            cadence,
            notes: RefCell::default(),
            history,
            guard,
            template,
            swaps,
            pace,
        }
    }

    /// The first gear change recorded from `first` to `last`.
    /// The day note for `reason`, as [`GuardReason::describe`] words it.
    pub fn note(&self, reason: &GuardReason) -> String {
        let mut notes = self.notes.borrow_mut();
        if let Some((_, text)) = notes.iter().find(|(r, _)| r == reason) {
            return text.clone();
        }
        let text = reason.describe();
        notes.push((reason.clone(), text.clone()));
        text
    }

    pub fn gear_change_between(&self, first: NaiveDate, last: NaiveDate) -> Option<NaiveDate> {
        self.history
            .gear_changes
            .iter()
            .map(|g| g.date)
            .filter(|d| *d >= first && *d <= last)
            .min()
    }

    /// The first week's level and kind.
    pub fn initial(&self, config: &CoachConfig) -> (Progress, WeekKind) {
        let h = self.history;
        let start = h.plan_start;
        let current = current_minutes(&h.profile, config);
        if h.profile.experience == ExperienceLevel::NewToRunning || current == 0 {
            let ladder = Progress::Ladder {
                stage: 0,
                weeks_done_at_stage: 0,
            };
            return (ladder, WeekKind::Start);
        }
        let pre_pain = self.guard.above_zone_before(start);
        let window = Duration::days(i64::from(config.gear_change_window_days));
        let pre_gear = self
            .gear_change_between(start - window, start - Duration::days(1))
            .is_some();
        let base = if coming_back(h) {
            progression::scaled(current, config.returning_start_factor)
        } else {
            current
        };
        let (nominal, kind) = if pre_pain {
            (
                progression::scaled(base, 1.0 - config.pain_scale_back),
                WeekKind::StepBack,
            )
        } else if pre_gear {
            (
                progression::scaled(base, config.gear_change_factor),
                WeekKind::GearChange,
            )
        } else {
            (base, WeekKind::Start)
        };
        let progress = Progress::Volume {
            nominal,
            last_completed: current,
            builds_since_taper: 0,
            speed_level: 0,
            fewer_days: kind == WeekKind::StepBack,
        };
        (progress, kind)
    }
}
