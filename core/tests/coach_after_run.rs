//! A finished run handed to the coach (issue 11): its check-ins and the
//! run marked done join the history, the plan changes are reported, and
//! the cadence baseline is measured from the first stored runs unless the
//! runner entered one (article 004: measure before raising; article 002:
//! pain above the buffer zone scales the plan back).
#![allow(clippy::unwrap_used, clippy::panic)]

mod coach_support;

use chrono::NaiveDateTime;
use coach_support::*;
use patella_core::coach::record::load_history_checked;
use patella_core::coach::{
    CoachConfig, RunFacts, SessionResult, SessionType, after_run, cadence_baseline,
};
use patella_core::pain::CheckInMoment;
use patella_core::store::{RunRecord, Store};

fn stored_run(id: &str, started_at: NaiveDateTime, spm: Option<f64>) -> RunRecord {
    RunRecord {
        id: id.to_owned(),
        started_at,
        duration_s: 1_200,
        distance_m: 2_500,
        average_cadence_spm: spm,
        target_cadence_spm: None,
        marks: Default::default(),
        cadence_trace: Vec::new(),
    }
}

// source: article 004 (measure the cadence run at now, then raise it)
#[test]
fn the_baseline_is_the_median_of_the_first_three_runs_with_a_cadence() {
    let config = CoachConfig::default();
    let mut runs = vec![
        stored_run("late", at(9, 7), Some(178.0)),
        stored_run("b", at(3, 7), Some(150.0)),
        stored_run("no pod", at(2, 7), None),
    ];
    assert_eq!(cadence_baseline::measured(&runs, &config).unwrap(), None);
    runs.push(stored_run("a", at(1, 7), Some(162.0)));
    runs.push(stored_run("c", at(5, 7), Some(158.0)));
    // First three by start time: 162, 150, 158 (the 178 of day 9 is later).
    assert_eq!(
        cadence_baseline::measured(&runs, &config).unwrap(),
        Some(158.0)
    );
    runs.push(stored_run("odd", at(0, 7), Some(40.0)));
    let err = cadence_baseline::measured(&runs, &config).unwrap_err();
    assert!(err.to_string().contains("40"), "{err}");
}

// source: article 004 (the step-up starts from the runner's baseline)
#[test]
fn a_baseline_the_runner_entered_wins_over_the_measured_one() {
    let mut measured = history(new_runner());
    measured.measured_cadence_spm = Some(150.0);
    let mut entered_profile = new_runner();
    entered_profile.cadence_baseline_spm = Some(160.0);
    let mut both = history(entered_profile.clone());
    both.measured_cadence_spm = Some(150.0);
    let entered_only = history(entered_profile);
    let target = |h: &patella_core::coach::History| plan(h, 1).weeks[0].cadence_target_spm;
    let none = history(new_runner());
    assert!(target(&none).is_none());
    let from_measured = target(&measured).unwrap();
    assert!((150.0..160.0).contains(&from_measured), "{from_measured}");
    assert_eq!(target(&both), target(&entered_only));
    assert_ne!(target(&both), Some(from_measured));
}

// source: article 002 (pain above 5 during a run scales the plan back)
#[test]
fn a_run_with_pain_above_the_zone_is_recorded_and_changes_the_plan() {
    let before = history(new_runner());
    let run = RunFacts {
        date: day(1),
        check_ins: vec![checkin(1, 7, CheckInMoment::DuringRun)],
        session_done: true,
        measured_cadence_spm: None,
    };
    let (after, changes) = after_run(&before, &run, catalogue(), &CoachConfig::default()).unwrap();
    assert!(
        before.check_ins.is_empty(),
        "the history given is not touched"
    );
    assert_eq!(after.check_ins, run.check_ins);
    assert_eq!(
        after.outcome(day(1), SessionType::Run),
        Some(SessionResult::Done)
    );
    assert!(!changes.is_empty(), "pain of 7 changes the plan");
    // Handing the same run in again adds no second outcome.
    let (again, _) = after_run(
        &after,
        &RunFacts {
            check_ins: vec![],
            ..run.clone()
        },
        catalogue(),
        &CoachConfig::default(),
    )
    .unwrap();
    assert_eq!(again.outcomes.len(), 1);
    // A check-in off the scale is refused, naming it.
    let mut bad = run;
    bad.check_ins[0].score = 11;
    let err = after_run(&before, &bad, catalogue(), &CoachConfig::default()).unwrap_err();
    assert!(err.to_string().contains("check_ins[0]"), "{err}");
}

#[test]
fn the_coach_reads_a_completed_run_and_the_measured_baseline_from_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(Store::open(dir.path()).unwrap());
    let h = history(new_runner());
    save_document(&store, &h).unwrap();
    for (i, spm) in [(1, 160.0), (3, 164.0), (5, 170.0)] {
        let outcome = patella_core::store::SessionRecord {
            date: day(i),
            session_id: "run".to_owned(),
            outcome: patella_core::store::Outcome::Done,
        };
        store
            .complete_run(
                &stored_run(&format!("r{i}"), at(i, 7), Some(spm)),
                &[checkin(i, 2, CheckInMoment::DuringRun)],
                Some(&outcome),
            )
            .unwrap();
    }
    let loaded = load_history_checked(&store).unwrap();
    assert!(loaded.set_aside.is_empty(), "{:?}", loaded.set_aside);
    let h = loaded.history.unwrap();
    assert_eq!(h.check_ins.len(), 3);
    assert_eq!(
        h.outcome(day(3), SessionType::Run),
        Some(SessionResult::Done)
    );
    assert_eq!(h.measured_cadence_spm, Some(164.0));
}

#[test]
fn a_run_counts_as_done_when_it_ran_to_the_end_or_for_half_its_time() {
    let config = CoachConfig::default();
    use patella_core::coach::after_run::counts_as_done;
    assert!(counts_as_done(true, 10_000, 1_800_000, &config));
    assert!(counts_as_done(false, 900_000, 1_800_000, &config));
    assert!(!counts_as_done(false, 899_999, 1_800_000, &config));
    assert!(!counts_as_done(false, 0, 0, &config));
}
