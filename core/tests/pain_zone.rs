//! Table tests of the pain buffer zone, each rule with its source article.

use chrono::NaiveDate;
use patella_core::pain::{
    CheckIn, CheckInError, CheckInMoment, PainAction, PainConfig, PainQuality, PainReason,
    PainZone, RedFlag, assess,
};

fn at(hour: u32, min: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(hour, min, 0)
        .unwrap()
}

fn checkin(score: i64, moment: CheckInMoment) -> CheckIn {
    CheckIn::new(at(7, 0), score, moment, None, None, Vec::new()).unwrap()
}

fn zone_of(c: &CheckIn) -> PainZone {
    assess(c, None, &PainConfig::default()).zone
}

/// Source: article 002 (pain buffer zone): 0-5 continues, above 5 scales back.
#[test]
fn article_002_five_is_inside_the_buffer_zone_and_six_is_above() {
    let table = [
        (0, PainZone::WithinBuffer, PainAction::Continue),
        (3, PainZone::WithinBuffer, PainAction::Continue),
        (5, PainZone::WithinBuffer, PainAction::Continue),
        (6, PainZone::AboveBuffer, PainAction::ScaleBack),
        (10, PainZone::AboveBuffer, PainAction::ScaleBack),
    ];
    for (score, zone, action) in table {
        let a = assess(
            &checkin(score, CheckInMoment::AfterRun),
            None,
            &PainConfig::default(),
        );
        assert_eq!((a.zone, a.action), (zone, action), "score {score}");
    }
}

/// Source: articles 001 and 004: sharp pain during activity means stop.
#[test]
fn article_001_004_sharp_pain_during_activity_stops_it() {
    for moment in [CheckInMoment::DuringRun, CheckInMoment::DuringStrength] {
        let sharp =
            CheckIn::new(at(7, 0), 3, moment, Some(PainQuality::Sharp), None, vec![]).unwrap();
        let a = assess(&sharp, None, &PainConfig::default());
        assert_eq!(a.zone, PainZone::Stop);
        assert_eq!(a.action, PainAction::StopActivity);
        assert!(a.reasons.contains(&PainReason::SharpDuringActivity));
    }
    // Sharp pain the next morning stops training too (issue 9): there is no
    // activity to stop, so no run or knee-loading work that day.
    let morning = CheckIn::new(
        at(7, 0),
        3,
        CheckInMoment::NextMorning,
        Some(PainQuality::Sharp),
        None,
        vec![],
    )
    .unwrap();
    assert_eq!(zone_of(&morning), PainZone::Stop);
}

/// Source: articles 001 and 004: worsening pain during activity means stop.
#[test]
fn article_001_004_worsening_during_a_run_stops_it() {
    let first = checkin(2, CheckInMoment::DuringRun);
    let config = PainConfig::default();
    let small_rise = checkin(3, CheckInMoment::DuringRun);
    assert_eq!(
        assess(&small_rise, Some(&first), &config).zone,
        PainZone::WithinBuffer
    );
    let climbing = checkin(4, CheckInMoment::DuringRun);
    let a = assess(&climbing, Some(&first), &config);
    assert_eq!(a.zone, PainZone::Stop);
    assert!(
        a.reasons
            .contains(&PainReason::WorseningDuringActivity { from: 2, to: 4 })
    );
}

/// Source: article 002: each red flag sends the runner to a clinician,
/// whatever the score.
#[test]
fn article_002_each_red_flag_sends_the_runner_to_a_clinician() {
    for flag in [
        RedFlag::Swelling,
        RedFlag::GivingWay,
        RedFlag::LossOfFunction,
        RedFlag::RadiatingPain,
    ] {
        let c = CheckIn::new(at(7, 0), 1, CheckInMoment::AfterRun, None, None, vec![flag]).unwrap();
        let a = assess(&c, None, &PainConfig::default());
        assert_eq!(a.zone, PainZone::SeeClinician, "{flag:?}");
        assert_eq!(a.action, PainAction::SeeClinician { flags: vec![flag] });
        assert!(a.reasons.contains(&PainReason::RedFlag { flag }));
    }
}

#[test]
fn invalid_check_ins_name_the_field() {
    let err = CheckIn::new(at(7, 0), 11, CheckInMoment::AfterRun, None, None, vec![]).unwrap_err();
    assert_eq!(err, CheckInError::ScoreOutOfRange { score: 11 });
    assert!(err.to_string().starts_with("score:"));
    let err = CheckIn::new(at(7, 0), -1, CheckInMoment::AfterRun, None, None, vec![]).unwrap_err();
    assert_eq!(err, CheckInError::ScoreOutOfRange { score: -1 });
    let twice = vec![RedFlag::Swelling, RedFlag::Swelling];
    let err = CheckIn::new(at(7, 0), 2, CheckInMoment::AfterRun, None, None, twice).unwrap_err();
    assert!(err.to_string().starts_with("red_flags:"));
}

#[test]
fn advice_is_never_empty_and_differs_by_zone() {
    let mut seen = std::collections::HashSet::new();
    for score in 0..=10 {
        let a = assess(
            &checkin(score, CheckInMoment::AfterRun),
            None,
            &PainConfig::default(),
        );
        assert!(!a.advice.is_empty());
        seen.insert((a.zone, a.advice));
    }
    // One advice per zone reached, and 9 and 10 apart from the rest of
    // the zone above 5 (issue 18): 0-5, 6-8, 9, 10.
    assert_eq!(seen.len(), 4, "{seen:?}");
}

#[test]
fn nine_or_ten_out_of_ten_says_to_get_the_knee_seen_promptly_article_002() {
    // source: article 002 (its scale puts 10 at the emergency room). Before
    // issue 18, 10/10 after a run got the advice of a 6: "Ease off today".
    let six = assess(
        &checkin(6, CheckInMoment::AfterRun),
        None,
        &PainConfig::default(),
    );
    assert!(!six.advice.contains("seen promptly"), "{}", six.advice);
    for score in [9, 10] {
        for moment in [
            CheckInMoment::AfterRun,
            CheckInMoment::DuringRun,
            CheckInMoment::NextMorning,
        ] {
            let a = assess(&checkin(score, moment), None, &PainConfig::default());
            assert!(
                a.advice
                    .starts_with(&format!("Pain of {score} out of 10 is severe")),
                "{}",
                a.advice
            );
            assert!(a.advice.contains("seen promptly"), "{}", a.advice);
        }
    }
}
