//! Recomputing the plan from the history, week by week. Pure: the same
//! history, catalogue and config always give the same plan.

use chrono::{Datelike, Duration, NaiveDate};
use thiserror::Error;

use super::catalogue::{Catalogue, CatalogueError, Level};
use super::config::CoachConfig;
use super::history::{History, HistoryError, SessionKind, SessionStatus};
use super::knee::KneeTimeline;
use super::plan::{
    Advisory, CrossTraining, DISCLAIMER, DayKind, Milestone, Plan, PlanDay, PlanWeek, RiskFactor,
    Session, StrengthSession, WeekKind,
};
use super::profile::{Experience, Goal, Profile};
use super::progression::{self, Pace, Progress, WeekReport};
use super::run_day::{self, MainSet};
use super::schedule::WeekTemplate;
use super::selection::{self, Filter};
use crate::cadence::StepUpSchedule;
use crate::pain::CheckInMoment;

/// Longest plan the coach makes. Project's choice: two years.
pub const MAX_WEEKS: u16 = 104;

#[derive(Debug, Clone, PartialEq, Error)]
pub enum CoachError {
    #[error("{0}")]
    History(#[from] HistoryError),
    #[error("weeks: {weeks} is outside 1-{MAX_WEEKS}")]
    Weeks { weeks: u16 },
    #[error("{0}")]
    Catalogue(#[from] CatalogueError),
    #[error("{field}: {value} is not a date of the form YYYY-MM-DD")]
    Date { field: &'static str, value: String },
}

/// Risk factors that slow the build-up (article 000).
pub fn risk_factors(profile: &Profile, config: &CoachConfig) -> Vec<RiskFactor> {
    let r = &profile.risk_factors;
    let mut out = Vec::new();
    if r.age_years.is_some_and(|a| a >= config.risk_age_years) {
        out.push(RiskFactor::Age);
    }
    if r.osteoarthritis {
        out.push(RiskFactor::Osteoarthritis);
    }
    if r.osteoporosis {
        out.push(RiskFactor::Osteoporosis);
    }
    if r.balance_problems {
        out.push(RiskFactor::BalanceProblems);
    }
    if let (Some(kg), Some(cm)) = (r.body_mass_kg, r.height_cm) {
        let m = cm / 100.0;
        if kg / (m * m) >= config.risk_bmi {
            out.push(RiskFactor::BodyWeight);
        }
    }
    out
}

/// The runner's current weekly minutes (kilometres converted at the configured pace).
pub fn current_minutes(profile: &Profile, config: &CoachConfig) -> u32 {
    let c = &profile.current;
    c.weekly_minutes.unwrap_or_else(|| {
        let km = c.weekly_km.unwrap_or(0.0);
        (km * f64::from(config.seconds_per_km) / 60.0).round() as u32
    })
}

fn split_minutes(total: u32, days: usize, k: usize) -> u32 {
    let days = u32::try_from(days.max(1)).unwrap_or(1);
    let k = u32::try_from(k).unwrap_or(0);
    total / days + u32::from(k < total % days)
}

/// The first run day on or after `from`.
fn next_run_day(template: &WeekTemplate, from: NaiveDate) -> Option<NaiveDate> {
    (0..7)
        .map(|i| from + Duration::days(i))
        .find(|d| template.kind(d.weekday()) == DayKind::Run)
}

struct Inputs<'h> {
    history: &'h History,
    knee: KneeTimeline,
    template: WeekTemplate,
    swaps: Vec<NaiveDate>,
    pace: Pace,
}

fn inputs<'h>(history: &'h History, config: &CoachConfig) -> Inputs<'h> {
    let profile = &history.profile;
    let knee = KneeTimeline::new(history, config);
    let template = WeekTemplate::new(profile, config);
    // A scale-back check-in swaps the next run for cross-training: the same
    // day's run when the pain came before it, else the next run day.
    let mut swaps: Vec<NaiveDate> = knee
        .assessed()
        .iter()
        .filter(|a| a.scales_back())
        .filter_map(|a| {
            let same_day = matches!(
                a.checkin.moment,
                CheckInMoment::BeforeRun | CheckInMoment::NextMorning
            );
            let from = if same_day {
                a.date()
            } else {
                a.date() + Duration::days(1)
            };
            next_run_day(&template, from)
        })
        .collect();
    swaps.sort();
    swaps.dedup();
    let risky = !risk_factors(profile, config).is_empty();
    let current = current_minutes(profile, config);
    let goal_minutes = match profile.goal {
        Goal::WeeklyDistance { target_km } => {
            (target_km * f64::from(config.seconds_per_km) / 60.0).floor() as u32
        }
        _ => current,
    };
    let pace = Pace {
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
        stop_at_ladder_top: matches!(profile.goal, Goal::Continuous15Minutes),
    };
    Inputs {
        history,
        knee,
        template,
        swaps,
        pace,
    }
}

fn gear_change_between(history: &History, first: NaiveDate, last: NaiveDate) -> Option<NaiveDate> {
    history
        .gear_changes
        .iter()
        .map(|g| g.date)
        .filter(|d| *d >= first && *d <= last)
        .min()
}

fn initial(inp: &Inputs<'_>, config: &CoachConfig) -> (Progress, WeekKind) {
    let h = inp.history;
    let start = h.plan_start;
    let current = current_minutes(&h.profile, config);
    if h.profile.experience == Experience::NewToRunning || current == 0 {
        return (
            Progress::Ladder {
                stage: 0,
                weeks_done_at_stage: 0,
            },
            WeekKind::Start,
        );
    }
    let week_before = start - Duration::days(7);
    let pre_pain = h.profile.knee_pain > config.pain.buffer_zone_max
        || inp
            .knee
            .between(week_before, start - Duration::days(1))
            .any(|a| a.scales_back());
    let window = Duration::days(i64::from(config.gear_change_window_days));
    let pre_gear = gear_change_between(h, start - window, start - Duration::days(1)).is_some();
    let (nominal, kind) = if pre_pain {
        (
            (f64::from(current) * (1.0 - config.pain_scale_back)).floor() as u32,
            WeekKind::StepBack,
        )
    } else if pre_gear {
        (
            (f64::from(current) * config.gear_change_factor).floor() as u32,
            WeekKind::GearChange,
        )
    } else {
        (
            current.min(progression::capped(current, inp.pace.growth_cap)),
            WeekKind::Start,
        )
    };
    let progress = Progress::Volume {
        nominal,
        last_completed: current,
        builds_since_taper: 0,
        speed_level: 0,
    };
    (progress, kind)
}

/// Builds `weeks` weeks of plan from `history.plan_start`.
pub fn build_plan<'c>(
    history: &History,
    weeks: u16,
    catalogue: &'c Catalogue,
    config: &CoachConfig,
) -> Result<Plan<'c>, CoachError> {
    history.validate()?;
    if !(1..=MAX_WEEKS).contains(&weeks) {
        return Err(CoachError::Weeks { weeks });
    }
    let profile = &history.profile;
    let owned = profile.owned_equipment();
    let inp = inputs(history, config);
    let (mut progress, mut kind) = initial(&inp, config);
    let faster = matches!(profile.goal, Goal::Faster);
    let run_days = inp.template.run_days();
    let mut strength_weeks: u16 = 0;
    let mut shown: Vec<Milestone> = Vec::new();
    let mut out = Vec::with_capacity(usize::from(weeks));
    // Validation already checked the baseline, so a schedule always builds.
    let cadence = profile
        .cadence_baseline_spm
        .and_then(|spm| StepUpSchedule::new(spm, &config.cadence).ok());

    for w in 0..weeks {
        // One step every few weeks, never in one jump (article 004).
        let step = usize::from(w) / usize::from(config.cadence_weeks_per_step.max(1));
        let cadence_target = cadence.as_ref().map(|s| s.target_at(step));
        let ws = history.plan_start + Duration::days(7 * i64::from(w));
        let we = ws + Duration::days(6);
        let held_at_start = !inp.knee.active_holds(ws).is_empty();
        let phase = strength_phase(
            strength_weeks,
            inp.knee.pain_free_days(ws),
            held_at_start,
            config,
        );
        let speed_percent = match progress {
            Progress::Volume { speed_level, .. } if faster => Some(
                config
                    .speed_start_percent
                    .saturating_add(config.speed_step_percent.saturating_mul(speed_level))
                    .min(config.speed_max_percent),
            ),
            _ => None,
        };
        let gear_in_week = gear_change_between(history, ws, we);
        let offer = matches!(
            kind,
            WeekKind::StepBack | WeekKind::GearChange | WeekKind::Hold
        );

        let mut days = Vec::with_capacity(7);
        let mut run_index = 0usize;
        let mut first_run = true;
        for i in 0..7 {
            let date = ws + Duration::days(i);
            let day_kind = inp.template.kind(date.weekday());
            let restricted = inp.knee.restricted(date);
            let filter = Filter {
                owned: &owned,
                knee_restricted: restricted,
            };
            let mut sessions = Vec::new();
            match day_kind {
                DayKind::Run => {
                    let cut = gear_in_week.is_some_and(|g| g <= date);
                    let main = match progress {
                        Progress::Ladder { stage, .. } => {
                            let stage = if cut { stage.saturating_sub(1) } else { stage };
                            let idx = usize::from(stage).min(config.ladder.len().saturating_sub(1));
                            match config.ladder.get(idx) {
                                Some(rung) => MainSet::Ladder { stage, rung: *rung },
                                None => MainSet::Steady { minutes: 0 },
                            }
                        }
                        Progress::Volume { nominal, .. } => {
                            let mut minutes = split_minutes(nominal, run_days, run_index);
                            if cut {
                                minutes =
                                    (f64::from(minutes) * config.gear_change_factor).floor() as u32;
                            }
                            match speed_percent {
                                Some(p) if first_run => MainSet::Intervals {
                                    minutes,
                                    percent: if restricted { 0 } else { p },
                                },
                                _ => MainSet::Steady { minutes },
                            }
                        }
                    };
                    run_index += 1;
                    first_run = false;
                    let session = run_day::run_session(
                        catalogue,
                        main,
                        filter,
                        offer,
                        cadence_target,
                        config,
                    );
                    if inp.swaps.contains(&date) {
                        let minutes = session
                            .segments
                            .iter()
                            .filter(|s| {
                                matches!(
                                    s.kind,
                                    super::plan::SegmentKind::Run | super::plan::SegmentKind::Walk
                                )
                            })
                            .map(|s| s.seconds)
                            .sum::<u32>()
                            .div_ceil(60);
                        sessions.push(Session::CrossTraining {
                            training: CrossTraining::new(minutes),
                            reason:
                                "Your knee went above the comfort limit, so today's run becomes \
                                     cycling or swimming to keep you moving without the impact."
                                    .to_owned(),
                        });
                    } else {
                        sessions.push(Session::Run(session));
                    }
                }
                DayKind::Strength => {
                    let exercises =
                        selection::strength_session(catalogue, phase, filter, usize::from(w));
                    sessions.push(Session::Strength(StrengthSession { phase, exercises }));
                }
                DayKind::Rest => {}
            }
            if restricted && inp.knee.latest_score(date) > 0 {
                let exercises =
                    selection::knee_routine(catalogue, &owned, config.knee_routine_max_exercises);
                sessions.push(Session::KneeRoutine { exercises });
            }
            days.push(PlanDay {
                date,
                kind: day_kind,
                knee_restricted: restricted,
                sessions,
            });
        }

        let running_seconds: u32 = days.iter().map(PlanDay::running_seconds).sum();
        let (nominal_minutes, ladder_stage) = match progress {
            Progress::Ladder { stage, .. } => (running_seconds / 60, Some(stage)),
            Progress::Volume { nominal, .. } => (nominal, None),
        };

        let mut milestones = Vec::new();
        let mut mark = |m: Milestone, due: bool| {
            if due && !shown.contains(&m) {
                shown.push(m);
                milestones.push(m);
            }
        };
        mark(
            Milestone::SteadierKnees,
            strength_weeks >= config.foundation_weeks,
        );
        mark(
            Milestone::DeeperProtection,
            strength_weeks >= config.advanced_after_weeks,
        );
        let top = config.ladder.len().saturating_sub(1);
        mark(
            Milestone::ContinuousFifteenMinutes,
            ladder_stage.is_some_and(|s| usize::from(s) >= top)
                || matches!(progress, Progress::Volume { .. })
                    && profile.experience == Experience::NewToRunning,
        );
        mark(
            Milestone::WeeklyDistanceReached,
            matches!(profile.goal, Goal::WeeklyDistance { .. })
                && matches!(progress, Progress::Volume { nominal, .. } if nominal >= inp.pace.goal_minutes),
        );

        let run_dates: Vec<NaiveDate> = days
            .iter()
            .filter(|d| d.kind == DayKind::Run)
            .map(|d| d.date)
            .collect();
        let strength_dates: Vec<NaiveDate> = days
            .iter()
            .filter(|d| d.kind == DayKind::Strength)
            .map(|d| d.date)
            .collect();
        let skipped = |d: &NaiveDate, k| history.outcome(*d, k) == Some(SessionStatus::Skipped);
        let report = WeekReport {
            completed: !run_dates.iter().any(|d| skipped(d, SessionKind::Run)),
            pain_above: inp.knee.between(ws, we).any(|a| a.scales_back()),
            held: !inp.knee.active_holds(we).is_empty(),
            gear_change: gear_in_week.is_some(),
            running_minutes: running_seconds / 60,
        };
        let strength_done = strength_dates.is_empty()
            || !strength_dates
                .iter()
                .all(|d| skipped(d, SessionKind::Strength));
        if strength_done && !report.held {
            strength_weeks = strength_weeks.saturating_add(1);
        }

        out.push(PlanWeek {
            index: w,
            start: ws,
            kind,
            nominal_minutes,
            running_seconds,
            ladder_stage,
            speed_percent,
            strength_phase: phase,
            milestones,
            days,
        });
        let (next, next_kind) = progression::next_week(progress, report, inp.pace, config);
        progress = next;
        kind = next_kind;
    }

    Ok(Plan {
        start: history.plan_start,
        weeks: out,
        advisories: advisories(&inp, config),
        disclaimer: DISCLAIMER,
    })
}

fn strength_phase(
    weeks_done: u16,
    pain_free_days: Option<i64>,
    held: bool,
    config: &CoachConfig,
) -> Level {
    let pain_free_enough =
        pain_free_days.is_none_or(|d| d >= 7 * i64::from(config.advanced_pain_free_weeks));
    if weeks_done >= config.advanced_after_weeks && pain_free_enough && !held {
        Level::Advanced
    } else if weeks_done >= config.foundation_weeks {
        Level::Progression
    } else {
        Level::Foundation
    }
}

fn advisories(inp: &Inputs<'_>, config: &CoachConfig) -> Vec<Advisory> {
    let mut out = Vec::new();
    let risks = risk_factors(&inp.history.profile, config);
    if !risks.is_empty() {
        out.push(Advisory::SeePhysicalTherapist {
            risk_factors: risks,
            message: "Because of the health factors in your profile, this plan builds up more \
                      slowly than usual. A physical therapist can tailor it to you; it is worth \
                      booking a visit."
                .to_owned(),
        });
    }
    for hold in inp.knee.open_holds() {
        out.push(Advisory::SeeClinician {
            since: hold.since,
            reason: hold.reason.clone(),
            message: "Please see a doctor or physical therapist about your knee. The plan will \
                      stay at its current level until you tell the app you have been seen."
                .to_owned(),
        });
    }
    out
}
