//! Building one plan day. The knee guard's ruling for the date decides what
//! may happen; this module only turns that ruling into sessions.

use chrono::{Datelike, NaiveDate};

use super::catalogue::Level;
use super::choices::Choices;
use super::config::CoachConfig;
use super::guard::DayRuling;
use super::plan::{CrossTraining, DayKind, PlanDay, PlannedRun, Session, StrengthSession};
use super::progression::Progress;
use super::run_day::{self, MainSet};
use super::selection::Filter;
use super::setup::PlanContext;

/// What the week fixes for each of its days.
pub struct WeekSetup {
    pub index: u16,
    pub progress: Progress,
    pub phase: Level,
    pub speed_percent: Option<u8>,
    pub gear_change: Option<NaiveDate>,
    pub offer_cross_training: bool,
    pub cadence_target: Option<f64>,
    /// Run days this week; fewer than the template's after a step back,
    /// since how often the runner runs is a load too (article 002).
    pub run_days: usize,
    /// The longest a single run's running may be: in a step-back week, no
    /// run is longer than the longest of the week before (article 002).
    pub max_run_minutes: Option<u32>,
}

fn split_minutes(total: u32, days: usize, k: usize) -> u32 {
    let days = u32::try_from(days.max(1)).unwrap_or(1);
    let k = u32::try_from(k).unwrap_or(0);
    total / days + u32::from(k < total % days)
}

/// The main set of the `run_index`-th run of the week.
fn main_set(
    week: &WeekSetup,
    date: NaiveDate,
    run_index: usize,
    ruling: &DayRuling,
    config: &CoachConfig,
) -> MainSet {
    let cut = week.gear_change.is_some_and(|g| g <= date);
    if run_index >= week.run_days {
        return MainSet::Steady { minutes: 0 };
    }
    match week.progress {
        Progress::Ladder { stage, .. } => {
            let stage = if cut { stage.saturating_sub(1) } else { stage };
            let top = config.ladder.len().saturating_sub(1);
            match config.ladder.get(usize::from(stage).min(top)) {
                Some(rung) => MainSet::Ladder { stage, rung: *rung },
                None => MainSet::Steady { minutes: 0 },
            }
        }
        Progress::Volume { nominal, .. } => {
            let mut minutes = split_minutes(nominal, week.run_days, run_index);
            if let Some(max) = week.max_run_minutes {
                minutes = minutes.min(max);
            }
            if cut {
                minutes = super::progression::scaled(minutes, config.gear_change_factor);
            }
            match week.speed_percent {
                Some(p) if run_index == 0 => MainSet::Intervals {
                    minutes,
                    percent: if ruling.deep_or_jumping { p } else { 0 },
                },
                _ => MainSet::Steady { minutes },
            }
        }
    }
}

fn cross_training(run: &PlannedRun<'_>, reason: String) -> Session<'static> {
    let minutes = run
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
    Session::CrossTraining {
        training: CrossTraining::new(minutes),
        reason,
    }
}

const SWAP_REASON: &str = "Your knee went above the comfort limit, so today's run becomes cycling \
or swimming: about the same time moving, without the impact of running.";

const DROPPED_RUN: &str = "No run today: this week has fewer run days, since how often you run \
is a load on the knee too.";

/// Whether `session` asks for the exercise `id` (as [`Session::exercises`],
/// without building its list: this runs for every day of every plan).
fn holds(session: &Session<'_>, id: &str) -> bool {
    let any = |list: &[super::plan::PlannedExercise<'_>]| list.iter().any(|p| p.exercise.id == id);
    match session {
        Session::Run(r) => any(&r.warm_up) || any(&r.cool_down),
        Session::Strength(s) => any(&s.exercises),
        Session::KneeRoutine { exercises } => any(exercises),
        Session::CrossTraining { .. } => false,
    }
}

/// Builds the plan day `date`; `run_index` counts the week's run days so far.
pub fn build_day<'c>(
    ctx: &PlanContext<'_>,
    week: &WeekSetup,
    date: NaiveDate,
    run_index: usize,
    choices: &Choices<'c>,
    config: &CoachConfig,
) -> PlanDay<'c> {
    let kind = ctx.template.kind(date.weekday());
    let ruling = ctx.guard.day(date, kind == DayKind::Run);
    let filter = Filter {
        owned: choices.owned(),
        knee_restricted: !ruling.deep_or_jumping,
        prefer_straight_knee: ruling.sore,
    };
    let mut sessions = Vec::new();
    let mut notes: Vec<String> = ruling.reasons.iter().map(|r| ctx.note(r)).collect();
    match kind {
        DayKind::Run if ruling.cross_training => {
            let main = main_set(week, date, run_index, &ruling, config);
            let run = run_day::run_session(
                choices,
                main,
                filter,
                week.offer_cross_training,
                week.cadence_target,
                config,
            );
            // A share of the week that rounds to no running, or a run day
            // dropped this week, is no run day.
            if run.running_seconds > 0 {
                if !ruling.run {
                    let reason = format!(
                        "Running starts once a check-in shows the knee at {} or below. Until \
                         then, cycling or swimming keeps your heart and legs working without \
                         impact.",
                        config.pain.buffer_zone_max
                    );
                    sessions.push(cross_training(&run, reason));
                } else if ctx.swaps.contains(&date) {
                    sessions.push(cross_training(&run, SWAP_REASON.to_owned()));
                } else {
                    sessions.push(Session::Run(run));
                }
            } else if run_index >= week.run_days && week.run_days > 0 && ruling.run {
                notes.push(DROPPED_RUN.to_owned());
            }
        }
        DayKind::Strength if ruling.strength => {
            let exercises = choices.strength_session(week.phase, filter, usize::from(week.index));
            sessions.push(Session::Strength(StrengthSession {
                phase: week.phase,
                exercises,
            }));
        }
        _ => {}
    }
    if ruling.sore {
        // The routine leaves out what the day's other sessions already hold
        // (issue 18, finding 13): the strength session's straight-knee moves,
        // the run's cool-down stretches. Nothing takes their place: the day
        // works those muscles and stretches once, and a longer day is more
        // load on a sore knee, not less. A routine left with nothing is not
        // listed.
        let mut exercises = choices.knee_routine();
        exercises.retain(|p| !sessions.iter().any(|s| holds(s, &p.exercise.id)));
        if !exercises.is_empty() {
            sessions.push(Session::KneeRoutine { exercises });
        }
    }
    PlanDay {
        date,
        kind,
        knee_restricted: !ruling.deep_or_jumping,
        notes,
        sessions,
    }
}
