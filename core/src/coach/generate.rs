//! Recomputing the plan from the history, week by week. Pure: the same
//! history, catalogue and config always give the same plan.

use chrono::{Days, NaiveDate};

use super::catalogue::{Catalogue, Level};
use super::choices::Choices;
use super::config::CoachConfig;
use super::day::{WeekSetup, build_day};
use super::error::PlanBuildError;
use super::guard::GuardReason;
use super::history::{History, SessionResult, SessionType};
use super::plan::{
    Advisory, DISCLAIMER, DayKind, Plan, PlanDay, PlanMilestone, PlanWeek, Session, WeekKind,
};
use super::profile::{ExperienceLevel, RunningGoal};
use super::progression::{self, Progress, WeekReport};
use super::setup::PlanContext;
use super::starting_point::risk_factors;

/// Longest plan the coach makes: enough weeks to reach any plausible date
/// from any plausible start (see [`super::dates`]), so a plan reaches every
/// date the coach accepts.
pub const MAX_WEEKS: u16 = crate::calendar::MAX_PLAN_WEEKS;

/// Where the plan stands between weeks.
struct PlanState {
    progress: Progress,
    kind: WeekKind,
    /// Why this week has its kind, in plain words.
    kind_reasons: Vec<String>,
    strength_weeks: u16,
    /// Weeks the cadence schedule has advanced through (only weeks the knee
    /// let the plan progress count).
    cadence_weeks: usize,
    shown: Vec<PlanMilestone>,
    /// The last week with any running: its total and its longest run, in
    /// seconds. A step-back week stays below both (article 002).
    reference: Option<WeekLoad>,
    /// The last week's running seconds, for the week's label.
    last_running: Option<u32>,
}

/// A week's running load, as the runner would compare two weeks.
#[derive(Debug, Clone, Copy, PartialEq)]
struct WeekLoad {
    total: u32,
    longest: u32,
}

impl WeekLoad {
    fn of(days: &[PlanDay<'_>]) -> Self {
        Self {
            total: days.iter().map(PlanDay::running_seconds).sum(),
            longest: days.iter().map(PlanDay::running_seconds).max().unwrap_or(0),
        }
    }

    /// Whether a step-back week with this load is truly a step back from
    /// `reference`: less running in all, and no single run longer.
    fn steps_back_from(self, reference: Option<Self>) -> bool {
        reference
            .is_none_or(|r| (self.total < r.total || self.total == 0) && self.longest <= r.longest)
    }
}

fn out_of_range(field: &'static str, value: impl std::fmt::Display) -> PlanBuildError {
    PlanBuildError::DateOutOfRange {
        field,
        value: value.to_string(),
    }
}

/// Builds `weeks` weeks of plan from `history.plan_start`, every week read
/// as already lived (see [`build_plan_as_of`]).
pub fn build_plan<'c>(
    history: &History,
    weeks: u16,
    catalogue: &'c Catalogue,
    config: &CoachConfig,
) -> Result<Plan<'c>, PlanBuildError> {
    plan_weeks(history, weeks, catalogue, config, None)
}

/// Builds the plan as the runner reads it on `today`: a week that has not
/// ended yet is no evidence either way, so the weeks after it say what
/// they depend on instead of what was missed.
pub fn build_plan_as_of<'c>(
    history: &History,
    weeks: u16,
    catalogue: &'c Catalogue,
    config: &CoachConfig,
    today: NaiveDate,
) -> Result<Plan<'c>, PlanBuildError> {
    plan_weeks(history, weeks, catalogue, config, Some(today))
}

fn plan_weeks<'c>(
    history: &History,
    weeks: u16,
    catalogue: &'c Catalogue,
    config: &CoachConfig,
    today: Option<NaiveDate>,
) -> Result<Plan<'c>, PlanBuildError> {
    history.validate()?;
    if !(1..=MAX_WEEKS).contains(&weeks) {
        return Err(PlanBuildError::Weeks { weeks });
    }
    let ctx = PlanContext::new(history, config);
    let choices = Choices::new(
        catalogue,
        history.profile.owned_equipment(),
        config.knee_routine_max_exercises,
    );
    let (progress, kind) = ctx.initial(config);
    let mut state = PlanState {
        progress,
        kind,
        kind_reasons: Vec::new(),
        strength_weeks: 0,
        cadence_weeks: 0,
        shown: Vec::new(),
        reference: None,
        last_running: None,
    };
    let mut out = Vec::with_capacity(usize::from(weeks));
    for w in 0..weeks {
        out.push(plan_week(&ctx, &mut state, w, &choices, config, today)?);
    }
    let advisories = advisories(&ctx, config, plan_end(&out));
    Ok(Plan {
        start: history.plan_start,
        weeks: out,
        advisories,
        disclaimer: DISCLAIMER,
    })
}

/// The seven days of week `w`; a plan lists no day past
/// [`crate::calendar::PLAUSIBLE_LAST`], which no record may hold.
fn week_dates(start: NaiveDate, w: u16) -> Result<Vec<NaiveDate>, PlanBuildError> {
    let day = |from: NaiveDate, n: u64| {
        from.checked_add_days(Days::new(n))
            .filter(|d| crate::calendar::is_plausible(*d))
            .ok_or_else(|| out_of_range("plan_start", start))
    };
    let first = day(start, 7 * u64::from(w))?;
    (0..7).map(|i| day(first, i)).collect()
}

/// The week's fixed choices: strength phase, speed, cadence step, offers.
fn week_setup(
    ctx: &PlanContext<'_>,
    state: &PlanState,
    w: u16,
    first: NaiveDate,
    last: NaiveDate,
    config: &CoachConfig,
) -> WeekSetup {
    let phase = strength_phase(
        state.strength_weeks,
        ctx.guard
            .advanced_strength(first, config.advanced_pain_free_weeks),
        strength_pace(ctx, config),
    );
    let speed_percent = match state.progress {
        Progress::Volume { speed_level, .. }
            if matches!(ctx.history.profile.goal, RunningGoal::Faster) =>
        {
            Some(
                config
                    .speed_start_percent
                    .saturating_add(config.speed_step_percent.saturating_mul(speed_level))
                    .min(config.speed_max_percent),
            )
        }
        _ => None,
    };
    // One step every few weeks, never in one jump (article 004).
    let step = state.cadence_weeks / usize::from(config.cadence_weeks_per_step.max(1));
    let cadence_target = ctx.cadence.as_ref().map(|s| s.target_at(step));
    WeekSetup {
        index: w,
        progress: state.progress,
        phase,
        speed_percent,
        gear_change: ctx.gear_change_between(first, last),
        offer_cross_training: matches!(
            state.kind,
            WeekKind::StepBack | WeekKind::GearChange | WeekKind::Hold
        ),
        cadence_target,
        run_days: run_days_this_week(ctx, state, config),
        max_run_minutes: step_back_cap(state).map(|r| r.longest / 60),
    }
}

/// The load a step-back week must stay under, if this week is one.
fn step_back_cap(state: &PlanState) -> Option<WeekLoad> {
    (state.kind == WeekKind::StepBack)
        .then_some(state.reference)
        .flatten()
}

/// After pain above the zone, a runner on three or more run days also runs
/// one day fewer in the step-back week (article 002: frequency is one of the
/// loads to scale back). The run/walk ladder keeps its days: its sessions
/// are already short.
fn run_days_this_week(ctx: &PlanContext<'_>, state: &PlanState, config: &CoachConfig) -> usize {
    let days = ctx.template.run_days();
    let cut = matches!(
        state.progress,
        Progress::Volume {
            fewer_days: true,
            ..
        }
    ) && days >= usize::from(config.fewer_run_days_from.max(2));
    if cut { days - 1 } else { days }
}

fn plan_week<'c>(
    ctx: &PlanContext<'_>,
    state: &mut PlanState,
    w: u16,
    choices: &Choices<'c>,
    config: &CoachConfig,
    today: Option<NaiveDate>,
) -> Result<PlanWeek<'c>, PlanBuildError> {
    let dates = week_dates(ctx.history.plan_start, w)?;
    let (first, last) = match (dates.first(), dates.last()) {
        (Some(f), Some(l)) => (*f, *l),
        _ => return Err(out_of_range("plan_start", ctx.history.plan_start)),
    };
    if let (Some(cap), Progress::Volume { nominal, .. }) =
        (step_back_cap(state), &mut state.progress)
    {
        *nominal = (*nominal).min((cap.total / 60).saturating_sub(1));
    }
    let mut setup = week_setup(ctx, state, w, first, last, config);
    let build_days = |setup: &WeekSetup| -> Vec<PlanDay<'c>> {
        let mut days = Vec::with_capacity(7);
        let mut run_index = 0usize;
        for date in &dates {
            let day = build_day(ctx, setup, *date, run_index, choices, config);
            if day.kind == DayKind::Run {
                run_index += 1;
            }
            days.push(day);
        }
        days
    };
    let mut days = build_days(&setup);
    // A step back has less running than the last week that had any, and no
    // run longer than its longest (article 002 scales back time and
    // frequency); where minutes alone do not get there (a ladder rung, runs
    // swapped the week before), one run day fewer does.
    let cap = step_back_cap(state);
    while !WeekLoad::of(&days).steps_back_from(cap) && setup.run_days > 0 {
        setup.run_days -= 1;
        days = build_days(&setup);
    }
    let load = WeekLoad::of(&days);
    let running_seconds = load.total;
    // The step back's level is what its runs add up to once capped, so the
    // weeks after it, and what the runner is told, start from there.
    if let (Some(max), Progress::Volume { nominal, .. }) =
        (setup.max_run_minutes, &mut state.progress)
    {
        let days = u32::try_from(setup.run_days).unwrap_or(u32::MAX);
        *nominal = (*nominal).min(max.saturating_mul(days));
    }
    state.kind = week_label(state.kind, load, state.last_running);
    state.last_running = Some(running_seconds);
    let (nominal_minutes, ladder_stage) = match state.progress {
        Progress::Ladder { stage, .. } => (running_seconds / 60, Some(stage)),
        Progress::Volume { nominal, .. } => (nominal, None),
    };
    let milestones = milestones(ctx, state, ladder_stage, config);
    let week = PlanWeek {
        index: w,
        start: first,
        kind: state.kind,
        reasons: std::mem::take(&mut state.kind_reasons),
        nominal_minutes,
        running_seconds,
        ladder_stage,
        speed_percent: setup.speed_percent,
        strength_phase: setup.phase,
        cadence_target_spm: setup.cadence_target,
        milestones,
        days,
    };
    advance(ctx, state, &week, (first, last), config, today);
    Ok(week)
}

/// The week's label, read from its numbers against the week before, so
/// that no label says what the numbers do not show: a build has more
/// running than the week before, a lighter week less, and a week with no
/// running at all is on hold whatever the progression meant it to be. The
/// one place a label is settled.
fn week_label(kind: WeekKind, load: WeekLoad, last: Option<u32>) -> WeekKind {
    match kind {
        WeekKind::Build | WeekKind::Taper | WeekKind::Repeat | WeekKind::Maintain
            if load.total == 0 && last.is_some() =>
        {
            WeekKind::Hold
        }
        WeekKind::Build if last.is_some_and(|l| load.total <= l) => WeekKind::Repeat,
        WeekKind::Taper if last.is_some_and(|l| load.total >= l) => WeekKind::Repeat,
        k => k,
    }
}

fn milestones(
    ctx: &PlanContext<'_>,
    state: &mut PlanState,
    ladder_stage: Option<u8>,
    config: &CoachConfig,
) -> Vec<PlanMilestone> {
    let profile = &ctx.history.profile;
    let top = config.ladder.len().saturating_sub(1);
    let (foundation, advanced) = strength_pace(ctx, config);
    let due = [
        (
            PlanMilestone::SteadierKnees,
            state.strength_weeks >= foundation,
        ),
        (
            PlanMilestone::DeeperProtection,
            state.strength_weeks >= advanced,
        ),
        (
            PlanMilestone::ContinuousFifteenMinutes,
            ladder_stage.is_some_and(|s| usize::from(s) >= top)
                || matches!(state.progress, Progress::Volume { .. })
                    && profile.experience == ExperienceLevel::NewToRunning,
        ),
        (
            PlanMilestone::WeeklyDistanceReached,
            matches!(profile.goal, RunningGoal::WeeklyDistance { .. })
                && matches!(state.progress, Progress::Volume { nominal, .. } if nominal >= ctx.pace.goal_minutes),
        ),
    ];
    let mut out = Vec::new();
    for (m, is_due) in due {
        if is_due && !state.shown.contains(&m) {
            state.shown.push(m);
            out.push(m);
        }
    }
    out
}

/// Judges the finished week with the knee guard and sets the next one.
fn advance(
    ctx: &PlanContext<'_>,
    state: &mut PlanState,
    week: &PlanWeek<'_>,
    (first, last): (NaiveDate, NaiveDate),
    config: &CoachConfig,
    today: Option<NaiveDate>,
) {
    let history = ctx.history;
    let skipped = |d: &NaiveDate, k| history.outcome(*d, k) == Some(SessionResult::Skipped);
    let dates_of = |kind: DayKind| -> Vec<NaiveDate> {
        week.days
            .iter()
            .filter(|d| d.kind == kind)
            .map(|d| d.date)
            .collect()
    };
    let planned_runs: Vec<NaiveDate> = week
        .days
        .iter()
        .filter(|d| d.sessions.iter().any(|s| matches!(s, Session::Run(_))))
        .map(|d| d.date)
        .collect();
    let ruling = ctx.guard.week(first, last, &planned_runs, history);
    let report = WeekReport {
        completed: !dates_of(DayKind::Run)
            .iter()
            .any(|d| skipped(d, SessionType::Run)),
        pain_above: ruling.pain_above,
        held: ruling.held,
        training_held: ruling.training_held,
        released: ruling.released,
        may_build: ruling.may_build,
        gear_change: week
            .days
            .iter()
            .any(|d| history.gear_changes.iter().any(|g| g.date == d.date)),
        running_minutes: week.running_seconds / 60,
    };
    // The load a later step back is measured against: the last week that
    // ran in full, not one a hold cut short or a visit ended.
    let load = WeekLoad::of(&week.days);
    if load.total > 0 && !report.training_held && !report.released {
        state.reference = Some(load);
    }
    // The strength phase moves on recorded strength sessions only, as the
    // running moves on done runs: a week counts when it holds as many done
    // sessions as `strength_sessions_per_week` asks (or as were planned,
    // when fewer were).
    let planned_strength = week
        .days
        .iter()
        .filter(|d| d.sessions.iter().any(|s| matches!(s, Session::Strength(_))))
        .count();
    let mut done_strength: Vec<NaiveDate> = history
        .outcomes
        .iter()
        .filter(|o| {
            o.kind == SessionType::Strength
                && o.status == SessionResult::Done
                && (first..=last).contains(&o.date)
        })
        .map(|o| o.date)
        .collect();
    done_strength.sort_unstable();
    done_strength.dedup();
    let needed = planned_strength.min(usize::from(config.strength_sessions_per_week.max(1)));
    if needed > 0 && done_strength.len() >= needed && !report.held {
        state.strength_weeks = state.strength_weeks.saturating_add(1);
    }
    let step = usize::from(config.cadence_weeks_per_step.max(1));
    if report.released {
        state.cadence_weeks = state.cadence_weeks.saturating_sub(step);
    } else if !report.held && !report.pain_above && ctx.guard.day(first, false).may_progress {
        state.cadence_weeks = state.cadence_weeks.saturating_add(1);
    }
    let (next, kind) = progression::next_week(state.progress, report, ctx.pace, config);
    state.progress = next;
    state.kind = kind;
    // A week not over yet has not missed anything: what is still open
    // (runs to do, check-ins to make) becomes what the next week waits on.
    let mut reasons = ruling.reasons;
    if let Some(today) = today.filter(|t| last >= *t) {
        let waits = reasons
            .iter()
            .any(|r| matches!(r, GuardReason::NoRunDone | GuardReason::NoCheckIn));
        reasons.retain(|r| !matches!(r, GuardReason::NoRunDone | GuardReason::NoCheckIn));
        if waits {
            reasons.push(GuardReason::BuildsIf {
                this_week: first <= today,
                max: config.pain.buffer_zone_max,
            });
        }
    }
    state.kind_reasons = if kind == WeekKind::Build {
        Vec::new()
    } else {
        reasons.iter().map(GuardReason::describe).collect()
    };
}

/// Weeks of recorded strength work before the progression and the
/// advanced phase. Risk factors slow strength as they slow running (article
/// 000): each phase then lasts as many times longer as a ladder rung does.
fn strength_pace(ctx: &PlanContext<'_>, config: &CoachConfig) -> (u16, u16) {
    let slow = u16::from(ctx.pace.weeks_per_stage.max(1));
    (
        config.foundation_weeks.saturating_mul(slow),
        config.advanced_after_weeks.saturating_mul(slow),
    )
}

/// The strength phase from the weeks of recorded strength work; advanced
/// moves also need the knee guard's leave (article 004's progression,
/// article 001's "until pain-free").
fn strength_phase(
    weeks_done: u16,
    advanced_allowed: bool,
    (foundation, advanced): (u16, u16),
) -> Level {
    if weeks_done >= advanced && advanced_allowed {
        Level::Advanced
    } else if weeks_done >= foundation {
        Level::Progression
    } else {
        Level::Foundation
    }
}

/// The plan's last day: its advisories speak as of then, so a check-in
/// dated after the plan's span cannot reach into it.
fn plan_end(weeks: &[PlanWeek<'_>]) -> Option<NaiveDate> {
    weeks.last().and_then(|w| w.days.last()).map(|d| d.date)
}

fn advisories(
    ctx: &PlanContext<'_>,
    config: &CoachConfig,
    as_of: Option<NaiveDate>,
) -> Vec<Advisory> {
    let mut out = Vec::new();
    let risks = risk_factors(&ctx.history.profile, config);
    if !risks.is_empty() {
        out.push(Advisory::SeePhysicalTherapist {
            risk_factors: risks,
            message: "Because of the health factors in your profile, this plan builds up more \
                      slowly than usual. A physical therapist can tailor it to you; it is worth \
                      booking a visit."
                .to_owned(),
        });
    }
    let open = as_of.map(|d| ctx.guard.open_holds(d)).unwrap_or_default();
    for hold in open {
        let message = if hold.reason.stops_training() {
            format!(
                "Since {}, {}. Please see a doctor or physical therapist before running again: \
                 until you confirm the visit the plan has no runs, only gentle knee-safe moves, \
                 and it does not progress. After the visit it restarts one step below your last \
                 full week.",
                hold.since,
                hold.reason.describe()
            )
        } else {
            format!(
                "Since {}, {}. Pain that does not improve is worth showing to a doctor or \
                 physical therapist. Meanwhile the plan stays at its current level; it grows \
                 again once your pain settles ({} weeks at {} or below) or you confirm a visit.",
                hold.since,
                hold.reason.describe(),
                config.trend.settle_weeks.max(1),
                config.trend.settled_max
            )
        };
        out.push(Advisory::SeeClinician {
            since: hold.since,
            reason: hold.reason.clone(),
            message,
        });
    }
    if let Some(note) = super::cadence_note::note(ctx, config) {
        out.push(note);
    }
    out
}

#[cfg(test)]
mod week_dates_tests {
    use super::*;
    use crate::calendar::PLAUSIBLE_LAST;

    #[test]
    fn a_week_ending_on_the_last_accepted_day_is_listed_and_the_next_refused() {
        let start = PLAUSIBLE_LAST - Days::new(6);
        assert_eq!(week_dates(start, 0).map(|d| d[6]), Ok(PLAUSIBLE_LAST));
        assert!(matches!(
            week_dates(start, 1),
            Err(PlanBuildError::DateOutOfRange { .. })
        ));
        assert!(matches!(
            week_dates(PLAUSIBLE_LAST, 0),
            Err(PlanBuildError::DateOutOfRange { .. })
        ));
    }
}
