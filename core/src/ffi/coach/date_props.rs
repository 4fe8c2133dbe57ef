//! Every exported coach call, fed arbitrary dates and scores, in memory and
//! over a record store: no call panics, and the coach stays usable after,
//! also when reopened from the record (issue 10: a far-future check-in used
//! to poison the coach for good).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use proptest::prelude::*;

use super::tests::runner;
use super::{Coach, CoachError, GearChangeType, SessionResult, SessionType};
use crate::ffi::pain::{CheckInEntry, CheckInMoment, PainQuality, RedFlag};
use crate::ffi::store::RecordStore;

/// Dates a runner or a broken app might send: near the plan, at the edges
/// of what the coach accepts, far outside them, and not dates at all.
fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (0i64..1200).prop_map(|d| {
            let start = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
            (start + chrono::Duration::days(d - 30)).to_string()
        }),
        3 => prop_oneof![
            Just("+262142-12-20".to_owned()),
            Just("-262143-01-01".to_owned()),
            Just("1969-12-31".to_owned()),
            Just("2200-01-01".to_owned()),
            Just("0000-01-01".to_owned()),
            Just("9999-12-31".to_owned()),
        ],
        1 => (-300_000i64..300_000, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| format!("{y:+}-{m:02}-{d:02}")),
        1 => "[0-9a-z:+-]{0,14}",
    ]
}

fn score() -> impl Strategy<Value = i64> {
    prop_oneof![8 => 0i64..=10, 1 => -20i64..40, 1 => any::<i64>()]
}

#[derive(Debug, Clone)]
enum Call {
    SaveProfile(String),
    PlannedRun(String),
    PlanScreen(String),
    CheckIn(String, i64, bool, bool),
    Mark(String, bool),
    Gear(String),
    Visit(String),
    TodayScreen(String),
}

fn call() -> impl Strategy<Value = Call> {
    prop_oneof![
        1 => date().prop_map(Call::SaveProfile),
        2 => date().prop_map(Call::PlannedRun),
        2 => date().prop_map(Call::PlanScreen),
        4 => (date(), score(), any::<bool>(), proptest::bool::weighted(0.1))
            .prop_map(|(d, s, sharp, flag)| Call::CheckIn(d, s, sharp, flag)),
        2 => (date(), any::<bool>()).prop_map(|(d, done)| Call::Mark(d, done)),
        1 => date().prop_map(Call::Gear),
        1 => date().prop_map(Call::Visit),
        1 => date().prop_map(Call::TodayScreen),
    ]
}

/// Makes one call; `Err` only if it panicked.
fn make(coach: &Coach, c: &Call) -> Result<(), String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| -> Result<(), CoachError> {
        match c {
            Call::SaveProfile(d) => coach.save_profile(runner(), d.clone()),
            Call::PlannedRun(d) => coach.planned_run(d.clone()).map(drop),
            Call::PlanScreen(d) => coach.plan_screen(d.clone(), 1).map(drop),
            Call::CheckIn(d, score, sharp, flag) => coach
                .record_check_in(CheckInEntry {
                    taken_at: format!("{d}T08:00"),
                    score: *score,
                    moment: CheckInMoment::NextMorning,
                    quality: sharp.then_some(PainQuality::Sharp),
                    location: None,
                    red_flags: if *flag {
                        vec![RedFlag::Swelling]
                    } else {
                        vec![]
                    },
                })
                .map(drop),
            Call::Mark(d, done) => coach.mark_session(
                d.clone(),
                SessionType::Strength,
                if *done {
                    SessionResult::Done
                } else {
                    SessionResult::Skipped
                },
            ),
            Call::Gear(d) => coach.record_gear_change(d.clone(), GearChangeType::Surface),
            Call::Visit(d) => coach.confirm_clinician_visit(d.clone()),
            Call::TodayScreen(d) => coach.today_screen(d.clone()).map(drop),
        }
    }));
    match outcome {
        Err(_) => Err(format!("{c:?} panicked")),
        Ok(Err(CoachError::Internal { detail })) => Err(format!("{c:?}: internal {detail}")),
        Ok(_) => Ok(()),
    }
}

/// The coach answers for a plain date after the calls: the profile is
/// readable, and with a fresh profile the day's planned run and the Plan
/// screen (with its advisories) come.
fn usable(coach: &Coach) -> Result<(), String> {
    coach.profile().map_err(|e| format!("profile: {e}"))?;
    coach
        .save_profile(runner(), "2026-11-23".into())
        .map_err(|e| format!("save_profile: {e}"))?;
    coach
        .planned_run("2026-12-01".into())
        .map_err(|e| format!("planned_run: {e}"))?;
    coach
        .plan_screen("2026-12-01".into(), 1)
        .map_err(|e| format!("plan_screen: {e}"))?;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn an_in_memory_coach_survives_any_dates_and_scores(calls in proptest::collection::vec(call(), 1..14)) {
        let coach = Coach::new();
        coach.save_profile(runner(), "2026-11-23".into()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for c in &calls {
            make(&coach, c).map_err(TestCaseError::fail)?;
        }
        usable(&coach).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn a_coach_over_a_record_survives_any_dates_and_scores_and_reopens(calls in proptest::collection::vec(call(), 1..10)) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().to_string_lossy().into_owned();
        let open = |path: &str| -> Result<Arc<Coach>, TestCaseError> {
            let store = RecordStore::open(path.to_owned()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            Coach::open(store).map_err(|e| TestCaseError::fail(format!("open: {e}")))
        };
        let coach = open(&path)?;
        coach.save_profile(runner(), "2026-11-23".into()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for c in &calls {
            make(&coach, c).map_err(TestCaseError::fail)?;
        }
        drop(coach);
        let reopened = open(&path)?;
        usable(&reopened).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn a_far_future_check_in_is_refused_and_the_coach_works_on() {
    // Issue 10: year +262142 was stored, then every plan build panicked.
    let coach = Coach::new();
    coach.save_profile(runner(), "2026-11-23".into()).unwrap();
    let far = coach.record_check_in(CheckInEntry {
        taken_at: "+262142-12-20T08:00".into(),
        score: 3,
        moment: CheckInMoment::NextMorning,
        quality: None,
        location: None,
        red_flags: vec![],
    });
    assert!(
        matches!(&far, Err(CoachError::InvalidInput { field, .. } | CoachError::InvalidDate { field, .. }) if field == "taken_at"),
        "{far:?}"
    );
    assert!(coach.planned_run("2026-11-24".into()).is_ok());
}

#[test]
fn plans_work_long_after_two_years() {
    // Issue 10: the day's plan and markSession stopped 104 weeks after the
    // start.
    let coach = Coach::new();
    coach.save_profile(runner(), "2026-11-23".into()).unwrap();
    let late = "2029-11-27";
    let day = coach
        .today_screen(late.into())
        .expect("a day three years on");
    assert_eq!(day.date.to_string(), late);
    assert!(coach.planned_run(late.into()).is_ok());
    assert!(coach.plan_screen(late.into(), 1).is_ok());
    let strength = "2029-11-26";
    coach
        .mark_session(strength.into(), SessionType::Strength, SessionResult::Done)
        .expect("marked three years on");
}
