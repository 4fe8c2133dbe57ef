//! Shared builders for the coach tests.
#![allow(dead_code)]

pub mod generators;

use chrono::{NaiveDate, NaiveDateTime, Weekday};
use patella_core::coach::profile::{CurrentRunning, RiskFactors};
use patella_core::coach::{
    Catalogue, CoachConfig, EquipmentItem, ExperienceLevel, History, Plan, Profile, RunningGoal,
    Session, build_plan,
};
use patella_core::pain::{CheckIn, CheckInMoment, RedFlag};

/// A Monday, so weeks line up with calendar weeks.
pub fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

pub fn day(offset: i64) -> NaiveDate {
    start() + chrono::Duration::days(offset)
}

pub fn at(offset: i64, hour: u32) -> NaiveDateTime {
    day(offset).and_hms_opt(hour, 0, 0).expect("valid time")
}

pub fn new_runner() -> Profile {
    Profile {
        experience: ExperienceLevel::NewToRunning,
        current: CurrentRunning {
            weekly_minutes: None,
            weekly_km: None,
            days_per_week: 3,
            preferred_days: vec![Weekday::Tue, Weekday::Thu, Weekday::Sat],
        },
        goal: RunningGoal::Continuous15Minutes,
        equipment: vec![],
        risk_factors: RiskFactors::default(),
        knee_pain: 0,
        strength_days_per_week: None,
        cadence_baseline_spm: None,
    }
}

pub fn regular(minutes: u32, goal: RunningGoal) -> Profile {
    Profile {
        experience: ExperienceLevel::Regular,
        current: CurrentRunning {
            weekly_minutes: Some(minutes),
            weekly_km: None,
            days_per_week: 3,
            preferred_days: vec![Weekday::Tue, Weekday::Thu, Weekday::Sat],
        },
        goal,
        equipment: vec![
            EquipmentItem::LoopBand,
            EquipmentItem::Wall,
            EquipmentItem::Chair,
        ],
        risk_factors: RiskFactors::default(),
        knee_pain: 0,
        strength_days_per_week: None,
        cadence_baseline_spm: None,
    }
}

pub fn distance_goal() -> RunningGoal {
    RunningGoal::WeeklyDistance { target_km: 60.0 }
}

pub fn checkin(offset: i64, score: u8, moment: CheckInMoment) -> CheckIn {
    CheckIn {
        taken_at: at(offset, 18),
        score,
        moment,
        quality: None,
        location: None,
        red_flags: vec![],
    }
}

pub fn flagged(offset: i64, score: u8, flag: RedFlag) -> CheckIn {
    CheckIn {
        red_flags: vec![flag],
        ..checkin(offset, score, CheckInMoment::AfterRun)
    }
}

pub fn catalogue() -> &'static Catalogue {
    Catalogue::builtin().expect("the built-in catalogue is valid")
}

pub fn plan(history: &History, weeks: u16) -> Plan<'static> {
    build_plan(history, weeks, catalogue(), &CoachConfig::default()).expect("plan builds")
}

pub fn history(profile: Profile) -> History {
    History::new(profile, start())
}

/// All exercise ids planned on one date.
pub fn exercise_ids(plan: &Plan<'_>, date: NaiveDate) -> Vec<String> {
    plan.day(date)
        .map(|d| {
            d.sessions
                .iter()
                .flat_map(|s| s.exercises().into_iter().map(|p| p.exercise.id.clone()))
                .collect()
        })
        .unwrap_or_default()
}

pub fn has_session(plan: &Plan<'_>, date: NaiveDate, f: impl Fn(&Session<'_>) -> bool) -> bool {
    plan.day(date).is_some_and(|d| d.sessions.iter().any(f))
}

pub fn run_on<'p>(
    plan: &'p Plan<'_>,
    date: NaiveDate,
) -> Option<&'p patella_core::coach::plan::PlannedRun<'p>> {
    plan.day(date)?.sessions.iter().find_map(|s| match s {
        Session::Run(r) => Some(r),
        _ => None,
    })
}

/// (run seconds, walk seconds, repeats) of a run/walk day.
pub fn ladder_shape(plan: &Plan<'_>, date: NaiveDate) -> (u32, u32, usize) {
    use patella_core::coach::plan::SegmentKind;
    let r = run_on(plan, date).expect("a run on this day");
    let runs: Vec<u32> = r
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Run)
        .map(|s| s.seconds)
        .collect();
    let walk = r
        .segments
        .iter()
        .find(|s| s.kind == SegmentKind::Walk)
        .map_or(0, |s| s.seconds);
    (runs[0], walk, runs.len())
}

pub fn nominal(plan: &Plan<'_>) -> Vec<u32> {
    plan.weeks.iter().map(|w| w.nominal_minutes).collect()
}

/// The evidence a week needs before the next may build (issue 9, article
/// 002): every planned run without a recorded outcome is marked done, and
/// a run day without a check-in gets an after-run check-in at `score`.
/// Added week by week, since each week's runs depend on the weeks before.
pub fn with_evidence(h: &History, weeks: u16, score: u8) -> History {
    use patella_core::coach::{MarkedSession, SessionResult, SessionType};
    let mut out = h.clone();
    for w in 0..weeks {
        let p = plan(&out, w + 1);
        let runs: Vec<NaiveDate> = p.weeks[usize::from(w)]
            .days
            .iter()
            .filter(|d| d.sessions.iter().any(|s| matches!(s, Session::Run(_))))
            .map(|d| d.date)
            .collect();
        for date in runs {
            if out.outcome(date, SessionType::Run).is_none() {
                out.outcomes.push(MarkedSession {
                    date,
                    kind: SessionType::Run,
                    status: SessionResult::Done,
                });
            }
            if !out.check_ins.iter().any(|c| c.taken_at.date() == date) {
                out.check_ins.push(checkin(
                    (date - start()).num_days(),
                    score,
                    CheckInMoment::AfterRun,
                ));
            }
        }
    }
    out
}

/// `weeks` weeks of plan for `h` with the evidence of [`with_evidence`].
pub fn plan_with_evidence(h: &History, weeks: u16, score: u8) -> Plan<'static> {
    plan(&with_evidence(h, weeks, score), weeks)
}

/// Every strength session planned in the first `weeks` weeks recorded as
/// done: the evidence the strength phase moves on (issue 18).
pub fn with_strength_done(h: &History, weeks: u16) -> History {
    use patella_core::coach::{MarkedSession, SessionResult, SessionType};
    let mut out = h.clone();
    let p = plan(h, weeks);
    for d in p.weeks.iter().flat_map(|w| w.days.iter()) {
        if d.sessions.iter().any(|s| matches!(s, Session::Strength(_))) {
            out.outcomes.push(MarkedSession {
                date: d.date,
                kind: SessionType::Strength,
                status: SessionResult::Done,
            });
        }
    }
    out
}

/// Writes the coach's document of `history` (profile, plan start, gear
/// changes, visits) through the journal, as the apps and the terminal do.
pub fn save_document(
    store: &std::sync::Arc<patella_core::store::Store>,
    history: &History,
) -> Result<(), patella_core::journal::JournalError> {
    let journal = patella_core::journal::Journal::new(store.clone());
    let mut saved = None;
    journal.save_profile(&mut saved, history.profile.clone(), history.plan_start)?;
    let Some(mut saved) = saved else {
        unreachable!("a saved profile leaves a history");
    };
    for change in &history.gear_changes {
        journal.record_gear_change(&mut saved, change.clone())?;
    }
    for visit in &history.clinician_visits {
        journal.confirm_clinician_visit(&mut saved, *visit)?;
    }
    Ok(())
}

/// A check-in `seconds` into a run started on day 1 at 07:00.
pub fn during_run(seconds: u64, score: u8) -> CheckIn {
    CheckIn {
        taken_at: at(1, 7) + chrono::Duration::seconds(i64::try_from(seconds).unwrap_or(0)),
        score,
        moment: CheckInMoment::DuringRun,
        quality: None,
        location: None,
        red_flags: vec![],
    }
}
