//! Pain rules in the plan: cross-training swaps, red flags and trends that
//! hold progression, and the plan changes each check-in reports.

mod coach_support;

use coach_support::*;
use patella_core::coach::plan::{Advisory, HoldReason, WeekKind};
use patella_core::coach::{
    CoachConfig, LoadFactor, PlanChangeKind, RunningGoal, Session, record_check_in,
};
use patella_core::pain::{
    self, CheckIn, CheckInMoment, PainAction, PainQuality, PainTrend, PainZone, RedFlag,
    TrendConfig,
};

fn kinds(changes: &[patella_core::coach::PlanChange]) -> Vec<&PlanChangeKind> {
    changes.iter().map(|c| &c.kind).collect()
}

#[test]
fn pain_above_zone_swaps_the_next_run_for_cross_training_article_002() {
    // source: article 002 (cross-training keeps the runner active).
    let mut h = history(regular(90, distance_goal()));
    h.check_ins.push(checkin(1, 7, CheckInMoment::AfterRun));
    let p = plan(&h, 2);
    assert!(run_on(&p, day(3)).is_none());
    assert!(has_session(&p, day(3), |s| matches!(
        s,
        Session::CrossTraining { .. }
    )));
    // Issue 18: after a score above 5 no run is planned until a check-in
    // at 5 or below; the day offers cross-training and asks for one.
    assert!(
        run_on(&p, day(5)).is_none(),
        "no run before a check-in in the zone"
    );
    assert!(has_session(&p, day(5), |s| matches!(
        s,
        Session::CrossTraining { .. }
    )));
    assert!(
        p.day(day(5)).is_some_and(|d| d
            .notes
            .iter()
            .any(|n| n.contains("check in before you run"))),
        "the day asks for a check-in"
    );
    h.check_ins.push(checkin(2, 3, CheckInMoment::NextMorning));
    let p = plan(&h, 2);
    assert!(
        run_on(&p, day(3)).is_none(),
        "the next run is still swapped"
    );
    assert!(
        run_on(&p, day(5)).is_some(),
        "a check-in at 3 brings running back"
    );
    // Before the run on the same day, that day's run is swapped.
    let mut h = history(regular(90, distance_goal()));
    h.check_ins.push(checkin(3, 6, CheckInMoment::BeforeRun));
    assert!(run_on(&plan(&h, 1), day(3)).is_none());
    // The step-back week offers cross-training on every run.
    let mut h = history(regular(90, distance_goal()));
    h.check_ins.push(checkin(5, 6, CheckInMoment::AfterRun));
    h.check_ins.push(checkin(6, 2, CheckInMoment::NextMorning));
    let p = plan(&h, 2);
    assert_eq!(p.weeks[1].kind, WeekKind::StepBack);
    assert!(run_on(&p, day(10)).is_some_and(|r| r.cross_training_option.is_some()));
}

#[test]
fn each_red_flag_holds_progression_until_a_visit_article_002() {
    // source: article 002 (see a doctor or physical therapist for these signs).
    for flag in [
        RedFlag::Swelling,
        RedFlag::GivingWay,
        RedFlag::LossOfFunction,
        RedFlag::RadiatingPain,
    ] {
        let mut h = history(regular(100, distance_goal()));
        h.check_ins.push(flagged(2, 3, flag));
        let p = plan(&h, 3);
        let advisory = p.advisories.iter().find_map(|a| match a {
            Advisory::SeeClinician {
                reason: HoldReason::RedFlags { flags },
                ..
            } => Some(flags.clone()),
            _ => None,
        });
        assert_eq!(advisory, Some(vec![flag]), "{flag:?}");
        // Issue 9: while the flag is open nothing progresses or steps on.
        assert_eq!(p.weeks[1].kind, WeekKind::Hold, "{flag:?}");
        assert_eq!(p.weeks[2].kind, WeekKind::Hold, "{flag:?}");
        assert_eq!(
            p.weeks[2].nominal_minutes, p.weeks[1].nominal_minutes,
            "{flag:?}"
        );

        h.clinician_visits
            .push(patella_core::moment::end_of_day(day(9)));
        let p = plan(&h, 3);
        assert!(p.advisories.is_empty(), "{flag:?}: released by the visit");
        // After the visit the plan restarts a step lower.
        assert_eq!(p.weeks[2].kind, WeekKind::StepBack, "{flag:?}");
    }
}

/// Two mornings a week at each week's score: a week's level needs two days
/// of check-ins (issue 18: a trend is read from one value per day).
fn weekly(scores: [u8; 3]) -> Vec<CheckIn> {
    scores
        .iter()
        .enumerate()
        .flat_map(|(w, s)| {
            [1, 3].map(|d| checkin(7 * w as i64 + d, *s, CheckInMoment::NextMorning))
        })
        .collect()
}

#[test]
fn pain_trend_over_weeks_article_002() {
    // source: article 002 (lack of improvement or worsening: see a clinician).
    // Project's choice: three weekly blocks, a 1-point rise counts as worsening.
    let cfg = TrendConfig::default();
    let as_of = day(20);
    let cases = [
        ([2, 3, 4], Some("worsening")),
        ([3, 3, 3], Some("no_improvement")),
        ([3, 2, 3], Some("no_improvement")),
        ([2, 2, 3], Some("worsening")),
        ([5, 3, 1], None),
        ([4, 4, 3], None),
        ([0, 0, 0], None),
    ];
    for (scores, expected) in cases {
        let got = pain::trend(&weekly(scores), as_of, &cfg).map(|t| match t {
            PainTrend::Worsening { .. } => "worsening",
            PainTrend::NoImprovement { .. } => "no_improvement",
        });
        assert_eq!(got, expected, "{scores:?}");
    }
    let mut gap = weekly([3, 3, 3]);
    gap.drain(2..4);
    assert_eq!(
        pain::trend(&gap, as_of, &cfg),
        None,
        "a week without check-ins is no trend"
    );
}

#[test]
fn a_trend_holds_progression_until_a_visit_article_002() {
    // source: article 002 (lack of improvement).
    let mut h = history(regular(100, distance_goal()));
    h.check_ins = weekly([3, 3, 3]);
    let p = plan(&h, 5);
    assert!(p.advisories.iter().any(|a| matches!(
        a,
        Advisory::SeeClinician {
            reason: HoldReason::Trend { .. },
            ..
        }
    )));
    assert_eq!(p.weeks[3].kind, WeekKind::Hold);
    assert_eq!(p.weeks[4].nominal_minutes, p.weeks[3].nominal_minutes);
    h.clinician_visits
        .push(patella_core::moment::end_of_day(day(22)));
    let p = plan(&h, 5);
    assert!(p.advisories.is_empty());
    assert_ne!(p.weeks[4].kind, WeekKind::Hold);
}

#[test]
fn check_in_outcome_pain_5_against_pain_6_article_002() {
    // source: article 002 (0-5 buffer zone: continue; above 5: scale back).
    let cfg = CoachConfig::default();
    let mut h = history(regular(100, distance_goal()));
    let five = record_check_in(
        &mut h,
        checkin(5, 5, CheckInMoment::AfterRun),
        catalogue(),
        &cfg,
    )
    .expect("recorded");
    assert_eq!(five.assessment.zone, PainZone::WithinBuffer);
    assert_eq!(five.assessment.action, PainAction::Continue);
    assert!(!kinds(&five.plan_changes).iter().any(|k| matches!(
        k,
        PlanChangeKind::ReduceLoad { .. } | PlanChangeKind::SwapRunForCrossTraining { .. }
    )));
    assert_eq!(h.check_ins.len(), 1, "the check-in joins the history");

    let mut h = history(regular(100, distance_goal()));
    let six = record_check_in(
        &mut h,
        checkin(5, 6, CheckInMoment::AfterRun),
        catalogue(),
        &cfg,
    )
    .expect("recorded");
    assert_eq!(six.assessment.zone, PainZone::AboveBuffer);
    let k = kinds(&six.plan_changes);
    assert!(
        k.contains(&&PlanChangeKind::SwapRunForCrossTraining {
            date: day(8),
            // The step-back week runs one day fewer (article 002:
            // frequency is a load), and no run longer than the longest of
            // the week before, 34 of its 100 minutes (issue 18).
            minutes: 34
        }),
        "{k:?}"
    );
    assert!(
        k.contains(&&PlanChangeKind::ReduceLoad {
            week_start: day(7),
            factor: LoadFactor::RunTime,
            // Without evidence week 2 would repeat at 100 (issue 9); 20%
            // less would be 80, but two runs of at most 34 minutes make 68.
            from: 100,
            to: 68,
            percent: 32,
        }),
        "{k:?}"
    );
    assert!(
        k.iter().any(
            |c| matches!(c, PlanChangeKind::PauseHighKneeLoad { from, .. } if *from == day(5))
        )
    );
    assert!(
        k.iter()
            .any(|c| matches!(c, PlanChangeKind::DailyKneeRoutine { .. }))
    );
    assert!(six.plan_changes.iter().all(|c| !c.reason.is_empty()));
}

#[test]
fn check_in_outcome_steps_the_ladder_back_article_002() {
    // source: articles 000 and 002 (step back a stage when pain goes above the zone).
    let cfg = CoachConfig::default();
    let mut h = with_evidence(&history(new_runner()), 2, 0);
    let out = record_check_in(
        &mut h,
        checkin(15, 7, CheckInMoment::AfterRun),
        catalogue(),
        &cfg,
    )
    .expect("recorded");
    assert!(
        kinds(&out.plan_changes).contains(&&PlanChangeKind::StepBack {
            week_start: day(21),
            from_stage: 2,
            to_stage: 1
        })
    );
}

#[test]
fn check_in_outcome_speed_and_stop_and_red_flag() {
    // source: article 002 (speed is a load factor; red flags); article 001/004 (sharp pain: stop).
    let cfg = CoachConfig::default();
    let mut h = with_evidence(&history(regular(120, RunningGoal::Faster)), 1, 0);
    let sharp = CheckIn {
        quality: Some(PainQuality::Sharp),
        ..checkin(5, 4, CheckInMoment::DuringRun)
    };
    let out = record_check_in(&mut h, sharp, catalogue(), &cfg).expect("recorded");
    assert_eq!(out.assessment.zone, PainZone::Stop);
    assert!(
        kinds(&out.plan_changes).iter().any(|k| matches!(
            k,
            PlanChangeKind::ReduceLoad {
                factor: LoadFactor::Speed,
                from: 6,
                to: 5,
                ..
            }
        )),
        "{:?}",
        out.plan_changes
    );

    let mut h = history(regular(100, distance_goal()));
    let out = record_check_in(&mut h, flagged(3, 2, RedFlag::GivingWay), catalogue(), &cfg)
        .expect("recorded");
    assert!(matches!(
        out.assessment.action,
        PainAction::SeeClinician { .. }
    ));
    assert!(
        kinds(&out.plan_changes)
            .iter()
            .any(|k| matches!(k, PlanChangeKind::HoldProgression { since } if *since == day(3)))
    );

    let mut h = history(regular(100, distance_goal()));
    let bad = CheckIn {
        score: 12,
        ..checkin(3, 0, CheckInMoment::AfterRun)
    };
    let err = record_check_in(&mut h, bad, catalogue(), &cfg).expect_err("out of range");
    assert!(err.to_string().contains("score"), "{err}");
    assert!(h.check_ins.is_empty());
}
