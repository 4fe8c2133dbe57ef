//! One check-in and what it does: its assessment (zone, action, advice) and
//! the plan changes it causes, each with its reason. The changes are read
//! off the difference between the plan before and after the check-in, so
//! they always agree with the recomputed plan.

use chrono::NaiveDate;
use serde::Serialize;

use super::catalogue::Catalogue;
use super::config::CoachConfig;
use super::error::PlanBuildError;
use super::generate::{MAX_WEEKS, build_plan};
use super::history::{History, HistoryError};
use super::knee::assess_all;
use super::plan::{Advisory, Plan, Session};
use crate::pain::{self, CheckIn, PainAssessment, PainTrend};

/// Which load factor a change turns down (article 002's triggers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum LoadFactor {
    /// Minutes of running in the week.
    RunTime,
    /// How much faster the short intervals are.
    Speed,
    /// How many days a week the runner runs.
    Frequency,
}

/// What a check-in changed in the plan. Dates are ISO-8601 across the FFI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PlanChangeKind {
    /// The run on `date` becomes `minutes` of cycling or swimming.
    SwapRunForCrossTraining {
        /// The run's date.
        date: NaiveDate,
        /// Minutes of cross-training in its place.
        minutes: u32,
    },
    /// The week from `week_start` drops from run/walk stage `from_stage`
    /// to `to_stage`.
    StepBack {
        /// The week's first day.
        week_start: NaiveDate,
        /// The stage before.
        from_stage: u8,
        /// The stage now.
        to_stage: u8,
    },
    /// The week from `week_start` repeats run/walk stage `stage`.
    Repeat {
        /// The week's first day.
        week_start: NaiveDate,
        /// The stage repeated.
        stage: u8,
    },
    /// The week from `week_start` turns `factor` down from `from` to
    /// `to` (minutes, percent or run days, by factor): `percent` less.
    ReduceLoad {
        /// The week's first day.
        week_start: NaiveDate,
        /// The load turned down.
        factor: LoadFactor,
        /// Its amount before.
        from: u32,
        /// Its amount now.
        to: u32,
        /// How much less, in percent.
        percent: u32,
    },
    /// The plan stops growing from `since` until the runner confirms
    /// seeing a clinician.
    HoldProgression {
        /// The first day held.
        since: NaiveDate,
    },
    /// No plyometric or deep-loaded work from `from` through `until`, both
    /// days included.
    PauseHighKneeLoad {
        /// The first day paused.
        from: NaiveDate,
        /// The last day paused.
        until: NaiveDate,
    },
    /// The short knee routine is planned every day from `from`.
    DailyKneeRoutine {
        /// The first day of the routine.
        from: NaiveDate,
    },
}

/// One change a check-in made to the plan, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct PlanChange {
    /// What changed.
    #[serde(flatten)]
    pub kind: PlanChangeKind,
    /// Why, in the project's own words, ready to show.
    pub reason: String,
}

/// What a check-in found and what it changed in the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CheckInOutcome {
    /// How the check-in's pain reads against the buffer zone.
    pub assessment: PainAssessment,
    /// Set when pain has not improved, or has worsened, over recent weeks.
    pub trend: Option<PainTrend>,
    /// The trend in words, to show with the assessment (`PainTrend::warning`).
    pub trend_warning: Option<String>,
    /// The changes made to the plan, each with its reason; empty when
    /// nothing changed.
    pub plan_changes: Vec<PlanChange>,
}

pub(super) fn horizon(history: &History, date: NaiveDate) -> u16 {
    let days = (date - history.plan_start).num_days().max(0);
    u16::try_from(days / 7 + 3)
        .unwrap_or(MAX_WEEKS)
        .clamp(1, MAX_WEEKS)
}

/// Adds `checkin` to `history` and reports its assessment and plan changes.
/// The history is left untouched when the check-in is invalid.
pub fn record_check_in(
    history: &mut History,
    checkin: CheckIn,
    catalogue: &Catalogue,
    config: &CoachConfig,
) -> Result<CheckInOutcome, PlanBuildError> {
    let index = history.check_ins.len();
    checkin
        .validate()
        .map_err(|source| HistoryError::CheckIn { index, source })?;
    let date = checkin.taken_at.date();
    let weeks = horizon(history, date);
    let before = build_plan(history, weeks, catalogue, config)?;
    let mut after_history = history.clone();
    after_history.check_ins.push(checkin.clone());
    let after = build_plan(&after_history, weeks, catalogue, config)?;
    let assessed = assess_all(&after_history, config);
    let assessment = assessed
        .iter()
        .rev()
        .find(|a| a.checkin == checkin)
        .map(|a| a.assessment.clone())
        .unwrap_or_else(|| pain::assess(&checkin, None, &config.pain));
    let trend = pain::trend(&after_history.check_ins, date, &config.trend);
    let plan_changes = diff(&before, &after, date);
    *history = after_history;
    Ok(CheckInOutcome {
        assessment,
        trend_warning: trend.as_ref().map(|t| t.warning().to_owned()),
        trend,
        plan_changes,
    })
}

fn change(kind: PlanChangeKind, reason: &str) -> PlanChange {
    PlanChange {
        kind,
        reason: reason.to_owned(),
    }
}

/// The plan changes between `before` and `after`, from `date` on.
pub fn diff(before: &Plan<'_>, after: &Plan<'_>, date: NaiveDate) -> Vec<PlanChange> {
    let mut out = Vec::new();
    let days = || {
        before
            .weeks
            .iter()
            .flat_map(|w| w.days.iter())
            .zip(after.weeks.iter().flat_map(|w| w.days.iter()))
            .filter(move |(b, _)| b.date >= date)
    };
    for (b, a) in days() {
        let had_run = b.sessions.iter().any(|s| matches!(s, Session::Run(_)));
        let swapped = a.sessions.iter().find_map(|s| match s {
            Session::CrossTraining { training, .. } => Some(training.minutes),
            _ => None,
        });
        if let (true, Some(minutes)) = (had_run, swapped) {
            out.push(change(
                PlanChangeKind::SwapRunForCrossTraining {
                    date: a.date,
                    minutes,
                },
                "Pain above your comfort limit: the next run becomes cycling or swimming so the \
                 knee gets a break from impact while you stay active.",
            ));
            break;
        }
    }
    let this_week = after
        .weeks
        .iter()
        .position(|w| w.days.iter().any(|d| d.date == date));
    let next = match this_week {
        Some(i) => i + 1,
        None => after
            .weeks
            .iter()
            .position(|w| w.start > date)
            .unwrap_or(after.weeks.len()),
    };
    if let (Some(bw), Some(aw)) = (before.weeks.get(next), after.weeks.get(next)) {
        let current_stage = next
            .checked_sub(1)
            .and_then(|i| after.weeks.get(i))
            .and_then(|w| w.ladder_stage);
        if let (Some(bs), Some(as_), Some(cur)) = (bw.ladder_stage, aw.ladder_stage, current_stage)
        {
            if as_ < cur {
                out.push(change(
                    PlanChangeKind::StepBack {
                        week_start: aw.start,
                        from_stage: cur,
                        to_stage: as_,
                    },
                    "Pain went above the buffer zone, so next week drops back one run/walk stage \
                     and builds up again from there.",
                ));
            } else if as_ < bs {
                out.push(change(
                    PlanChangeKind::Repeat {
                        week_start: aw.start,
                        stage: as_,
                    },
                    "Next week repeats this stage: a stage moves on only once it has been done \
                     with pain inside the buffer zone.",
                ));
            }
        }
        if bw.ladder_stage.is_none() && aw.nominal_minutes < bw.nominal_minutes {
            let from = bw.nominal_minutes;
            let to = aw.nominal_minutes;
            out.push(change(
                PlanChangeKind::ReduceLoad {
                    week_start: aw.start,
                    factor: LoadFactor::RunTime,
                    from,
                    to,
                    percent: (from - to) * 100 / from.max(1),
                },
                "Running time is the first load to turn down: next week has fewer minutes, and \
                 it builds back by at most 10% a week.",
            ));
        }
        let run_days = |w: &super::plan::PlanWeek<'_>| -> u32 {
            let n = w
                .days
                .iter()
                .filter(|d| {
                    d.sessions
                        .iter()
                        .any(|s| matches!(s, Session::Run(_) | Session::CrossTraining { .. }))
                })
                .count();
            u32::try_from(n).unwrap_or(0)
        };
        if bw.ladder_stage.is_none() && run_days(aw) < run_days(bw) {
            let (from, to) = (run_days(bw), run_days(aw));
            out.push(change(
                PlanChangeKind::ReduceLoad {
                    week_start: aw.start,
                    factor: LoadFactor::Frequency,
                    from,
                    to,
                    percent: (from - to) * 100 / from.max(1),
                },
                "How often you run is a load too: next week has one run day fewer.",
            ));
        }
        if let (Some(bp), Some(ap)) = (bw.speed_percent, aw.speed_percent)
            && ap < bp
        {
            out.push(change(
                PlanChangeKind::ReduceLoad {
                    week_start: aw.start,
                    factor: LoadFactor::Speed,
                    from: u32::from(bp),
                    to: u32::from(ap),
                    percent: u32::from(bp - ap) * 100 / u32::from(bp.max(1)),
                },
                "Speed is a load on the knee too: the fast intervals ease off a little.",
            ));
        }
    }
    let new_hold = after.advisories.iter().find_map(|a| match a {
        Advisory::SeeClinician { since, reason, .. }
            if !before
                .advisories
                .iter()
                .any(|b| matches!(b, Advisory::SeeClinician { since: s, .. } if s == since)) =>
        {
            Some((*since, reason.stops_training()))
        }
        _ => None,
    });
    if let Some((since, stops_training)) = new_hold {
        out.push(change(
            PlanChangeKind::HoldProgression { since },
            if stops_training {
                "No runs, only gentle knee-safe moves, and no progress of any kind until you \
                 confirm a doctor or physical therapist has looked at your knee."
            } else {
                "The plan stops progressing until you confirm a doctor or physical therapist \
                 has looked at your knee."
            },
        ));
    }
    let newly_restricted: Vec<NaiveDate> = days()
        .filter(|(b, a)| a.knee_restricted && !b.knee_restricted)
        .map(|(_, a)| a.date)
        .collect();
    if let (Some(from), Some(until)) = (newly_restricted.first(), newly_restricted.last()) {
        out.push(change(
            PlanChangeKind::PauseHighKneeLoad {
                from: *from,
                until: *until,
            },
            "No jumping and no deep loaded knee bends until the knee settles; the strength work \
             switches to knee-friendly moves.",
        ));
    }
    let routine = |d: &super::plan::PlanDay<'_>| {
        d.sessions
            .iter()
            .any(|s| matches!(s, Session::KneeRoutine { .. }))
    };
    if let Some((_, a)) = days().find(|(b, a)| routine(a) && !routine(b)) {
        out.push(change(
            PlanChangeKind::DailyKneeRoutine { from: a.date },
            "While the knee hurts, a short routine of gentle strength moves and stretches is \
             added every day.",
        ));
    }
    out
}
