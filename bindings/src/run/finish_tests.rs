//! Finishing and keeping a run through the FFI objects (issue 11):
//! finish → `Coach.completeRun` → the stored run read back after reopening;
//! and a run brought back after the app was killed (dropped, unfinished).

use std::sync::{Arc, Mutex};

use super::*;
use crate::coach::{Coach, PlanSession, PlannedRun};
use crate::pain::{CheckIn, CheckInMoment, PainZone, RedFlag};
use crate::store::RecordStore;

#[derive(Default)]
struct Collect(Mutex<Vec<RunEvent>>);

impl RunObserver for Collect {
    fn on_event(&self, event: RunEvent) {
        self.0.lock().unwrap().push(event);
    }
}

/// A coach over `store` with a profile, and its first planned run day.
fn first_run(store: &Arc<RecordStore>) -> (Arc<Coach>, String, PlannedRun) {
    let coach = Coach::open(store.clone()).unwrap();
    if coach.profile().unwrap().is_none() {
        let profile = crate::coach::RunnerProfile {
            cadence_baseline_spm: Some(160.0),
            ..crate::coach::tests::runner()
        };
        coach
            .save_profile(profile, "2026-11-23".to_owned())
            .unwrap();
    }
    let (date, run) = (23..30)
        .map(|d| format!("2026-11-{d}"))
        .find_map(|date| {
            let day = coach.today(date.clone()).unwrap();
            day.sessions.into_iter().find_map(|s| match s {
                PlanSession::Run { run } => Some((date.clone(), run)),
                _ => None,
            })
        })
        .expect("a run day in the first week");
    (coach, date, run)
}

fn reading(at_ms: u64) -> RunSample {
    RunSample {
        at_ms,
        source_id: "pod".to_owned(),
        cadence: 160.0,
        unit: RunCadenceUnit::StepsPerMinute,
        speed_mps: Some(2.5),
        stride_length_m: Some(0.94),
        gait: None,
    }
}

fn during(date: &str, score: i64) -> CheckIn {
    CheckIn {
        taken_at: format!("{date}T07:10:00"),
        score,
        moment: CheckInMoment::DuringRun,
        quality: None,
        location: None,
        red_flags: Vec::<RedFlag>::new(),
    }
}

/// Feeds a reading and a tick each second from `from_s` to `to_s`.
fn run_for(session: &RunSession, from_s: u64, to_s: u64, offset_ms: u64) {
    for t in from_s..=to_s {
        let at = offset_ms + t * 1_000;
        session.push_sample(reading(at)).unwrap();
        session.tick(at).unwrap();
    }
}

#[test]
fn a_finished_run_is_kept_with_its_check_ins_and_read_back_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    {
        let store = RecordStore::open(path.clone()).unwrap();
        let (coach, date, planned) = first_run(&store);
        let session =
            RunSession::from_planned_run(planned, None, Arc::new(Collect::default())).unwrap();
        session
            .keep_in(
                store.clone(),
                "run-1".to_owned(),
                format!("{date}T07:00:00"),
            )
            .unwrap();
        session.start(0).unwrap();
        run_for(&session, 1, 120, 0);
        session.check_in(120_000, during(&date, 2)).unwrap();
        let summary = session.finish(180_000).unwrap();
        assert_eq!(summary.run_id, "run-1");
        assert_eq!(summary.check_in_count, 1);
        assert_eq!(summary.check_ins[0].assessment.zone, PainZone::WithinBuffer);
        assert_eq!(summary.distance_source, RunDistanceSource::SensorSpeed);
        assert!(summary.distance_m.unwrap() > 250.0);
        assert_eq!(summary.stop_reason, Some(RunStopReason::User));
        assert!(summary.cadence_trace.len() >= 100);

        let kept = coach.complete_run(summary.clone()).unwrap();
        // A short run stopped early is kept, but not counted as the day done.
        assert!(!kept.session_done);
        // Completing it again keeps it once.
        coach.complete_run(summary).unwrap();
        assert_eq!(unfinished_run(store.clone()).unwrap(), None);
    }
    let store = RecordStore::open(path).unwrap();
    let runs = store.runs().unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].id, "run-1");
    assert!(runs[0].duration_s >= 120);
    assert_eq!(runs[0].average_cadence_spm, Some(160.0));
    let check_ins = store.check_ins().unwrap();
    assert_eq!(check_ins.len(), 1);
    assert_eq!(check_ins[0].score, 2);
    // The marks a report draws: the segments reached and the check-in, in
    // seconds from the start.
    let marks = store.core().records().unwrap().runs[0].marks.clone();
    assert_eq!(marks.segments.first().map(|s| s.start_s), Some(0));
    assert!(marks.segments.last().is_some_and(|s| s.end_s <= 180));
    assert_eq!(marks.check_ins.len(), 1);
    assert_eq!(
        (marks.check_ins[0].at_s, marks.check_ins[0].score),
        (120, 2)
    );
}

#[test]
fn a_run_comes_back_after_the_app_was_killed_and_is_kept_when_finished() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    let date;
    {
        let store = RecordStore::open(path.clone()).unwrap();
        let (_coach, day, planned) = first_run(&store);
        date = day;
        let session =
            RunSession::from_planned_run(planned, None, Arc::new(Collect::default())).unwrap();
        session
            .keep_in(
                store.clone(),
                "run-2".to_owned(),
                format!("{date}T07:00:00"),
            )
            .unwrap();
        session.start(0).unwrap();
        run_for(&session, 1, 25, 0);
        session.check_in(25_000, during(&date, 3)).unwrap();
        run_for(&session, 26, 35, 0);
        // Killed: dropped without finish.
    }
    let store = RecordStore::open(path.clone()).unwrap();
    let left = unfinished_run(store.clone())
        .unwrap()
        .expect("an unfinished run");
    assert_eq!(left.run_id, "run-2");
    // Checkpoints at 0, 10 and 20 s, at 25 s for the check-in, then at 35 s:
    // the last one is back.
    assert_eq!(left.elapsed_ms, 35_000);

    let observer = Arc::new(Collect::default());
    let session = RunSession::restore(store.clone(), 5_000_000, observer.clone()).unwrap();
    let view = session.snapshot(5_000_000).unwrap();
    assert_eq!(view.status, RunStatus::Paused);
    assert_eq!(view.elapsed_ms, 35_000);
    assert!(view.current.is_some());
    session.resume(5_000_000).unwrap();
    run_for(&session, 1, 60, 5_000_000);
    let summary = session.finish(5_060_000).unwrap();
    assert_eq!(summary.run_id, "run-2");
    assert_eq!(summary.started_at, format!("{date}T07:00:00"));
    assert_eq!(summary.active_ms, 95_000);
    assert_eq!(
        summary.check_in_count, 1,
        "the check-in before the kill is back"
    );
    assert_eq!(summary.check_ins[0].check_in.score, 3);

    let (coach, _, _) = first_run(&store);
    coach.complete_run(summary).unwrap();
    assert_eq!(unfinished_run(store.clone()).unwrap(), None);
    assert_eq!(store.runs().unwrap().len(), 1);
    assert_eq!(store.check_ins().unwrap().len(), 1);
    // Nothing to bring back now: said so, by name.
    let err = RunSession::restore(store, 0, observer).err().unwrap();
    assert!(err.to_string().contains("no unfinished run"), "{err}");
}

#[test]
fn a_run_not_kept_in_a_record_is_refused_by_complete_run_naming_the_id() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecordStore::open(dir.path().to_string_lossy().into_owned()).unwrap();
    let (coach, _, planned) = first_run(&store);
    let session =
        RunSession::from_planned_run(planned, None, Arc::new(Collect::default())).unwrap();
    session.start(0).unwrap();
    run_for(&session, 1, 10, 0);
    let summary = session.finish(10_000).unwrap();
    let err = coach.complete_run(summary).unwrap_err();
    assert!(err.to_string().starts_with("run_id:"), "{err}");
    assert!(store.runs().unwrap().is_empty());
}
