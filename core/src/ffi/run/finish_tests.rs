//! Finishing and keeping a run through the FFI objects (issue 11):
//! finish → `Coach.completeRun` → the stored run read back after reopening;
//! and a run brought back after the app was killed (dropped, unfinished).

use std::sync::{Arc, Mutex};

use super::*;
use crate::ffi::coach::Coach;
use crate::ffi::pain::{CheckInEntry, CheckInMoment, PainZone, RedFlag};
use crate::ffi::store::RecordStore;

#[derive(Default)]
struct Collect(Mutex<Vec<DeliveredRunEvent>>);

impl RunObserver for Collect {
    fn on_event(&self, event: DeliveredRunEvent) {
        self.0.lock().unwrap().push(event);
    }
}

/// A coach over `store` with a profile, and its first planned run day.
fn first_run(store: &Arc<RecordStore>) -> (Arc<Coach>, String, RunPlan) {
    let coach = Coach::open(store.clone()).unwrap();
    if coach.profile().unwrap().is_none() {
        let profile = crate::ffi::coach::RunnerProfile {
            cadence_baseline_spm: Some(160.0),
            ..crate::ffi::coach::tests::runner()
        };
        coach
            .save_profile(profile, "2026-11-23".to_owned())
            .unwrap();
    }
    let (date, run) = (23..30)
        .map(|d| format!("2026-11-{d}"))
        .find_map(|date| {
            let run = coach.planned_run(date.clone()).unwrap();
            run.map(|run| (date, run))
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
        total_distance_m: None,
    }
}

fn during(date: &str, score: i64) -> CheckInEntry {
    CheckInEntry {
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
                false,
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
                false,
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

/// Runs `run_id` in `store` for `seconds` at 160 steps/min and drops it
/// unfinished, as when the system kills the app mid-run.
fn killed_run(path: &str, run_id: &str, seconds: u64) -> String {
    let store = RecordStore::open(path.to_owned()).unwrap();
    let (_coach, date, planned) = first_run(&store);
    let session =
        RunSession::from_planned_run(planned, None, Arc::new(Collect::default())).unwrap();
    session
        .keep_in(store, run_id.to_owned(), format!("{date}T07:00:00"), false)
        .unwrap();
    session.start(0).unwrap();
    run_for(&session, 1, seconds, 0);
    date
}

#[test]
fn a_new_run_cannot_write_over_a_killed_one_and_the_killed_one_can_be_kept_as_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    killed_run(&path, "run-killed", 40);

    let store = RecordStore::open(path.clone()).unwrap();
    let (coach, date, planned) = first_run(&store);
    let fresh = RunSession::from_planned_run(planned, None, Arc::new(Collect::default())).unwrap();
    let err = fresh
        .keep_in(
            store.clone(),
            "run-new".to_owned(),
            format!("{date}T08:00:00"),
            false,
        )
        .unwrap_err();
    assert!(
        matches!(&err, RunSessionError::UnfinishedRunWaiting { run_id } if run_id == "run-killed"),
        "{err:?}"
    );
    assert!(err.to_string().contains("keepUnfinishedRun"), "{err}");
    assert_eq!(
        unfinished_run(store.clone()).unwrap().unwrap().run_id,
        "run-killed",
        "the killed run's checkpoint is untouched"
    );

    let kept = coach.keep_unfinished_run().unwrap();
    assert!(kept.is_some());
    let runs = store.runs().unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].id, "run-killed");
    assert_eq!(runs[0].duration_s, 40, "the time run before the kill");
    assert_eq!(unfinished_run(store.clone()).unwrap(), None);
    assert_eq!(coach.keep_unfinished_run().unwrap(), None, "nothing left");

    fresh
        .keep_in(
            store.clone(),
            "run-new".to_owned(),
            format!("{date}T08:00:00"),
            false,
        )
        .unwrap();
}

#[test]
fn a_run_not_kept_in_the_record_is_refused_and_another_runs_checkpoint_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    let date = killed_run(&path, "run-b", 30);
    let store = RecordStore::open(path.clone()).unwrap();
    let (coach, _, planned) = first_run(&store);
    // A run the app did not keep from its start, named by the app when it
    // hands the summary over: the journal keeps only what a session
    // measured in this record (issue 19), so it is refused by its id.
    let unkept = RunSession::from_planned_run(planned, None, Arc::new(Collect::default())).unwrap();
    unkept.start(0).unwrap();
    run_for(&unkept, 1, 20, 0);
    let mut summary = unkept.finish(21_000).unwrap();
    summary.run_id = "run-a".to_owned();
    summary.started_at = format!("{date}T06:00:00");
    let err = coach.complete_run(summary).unwrap_err();
    assert!(err.to_string().starts_with("run_id:"), "{err}");
    assert!(err.to_string().contains("run-a"), "{err}");
    assert!(store.runs().unwrap().is_empty());
    assert_eq!(
        unfinished_run(store).unwrap().unwrap().run_id,
        "run-b",
        "run B is still offered back"
    );
}

#[test]
fn a_steady_cadence_keeps_its_average_across_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    killed_run(&path, "run-steady", 40);
    let store = RecordStore::open(path.clone()).unwrap();
    let session = RunSession::restore(store, 1_000_000, Arc::new(Collect::default())).unwrap();
    session.resume(1_000_000).unwrap();
    run_for(&session, 1, 40, 1_000_000);
    let summary = session.finish(1_040_000).unwrap();
    let average = summary.cadence.average_spm.expect("an average cadence");
    assert!(
        (average - 160.0).abs() < 1.0,
        "160 steps/min throughout, averaged {average}"
    );
}

#[test]
fn a_damaged_checkpoint_blocks_no_new_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    killed_run(&path, "run-torn", 20);
    rusqlite::Connection::open(dir.path().join(crate::store::DB_FILE))
        .unwrap()
        .execute("UPDATE live_run SET json = '{not a checkpoint'", [])
        .unwrap();
    let store = RecordStore::open(path).unwrap();
    let (coach, date, planned) = first_run(&store);
    // Nothing to keep in it, and nothing lost by starting afresh: it is
    // set aside in the record, and the app has the sentence to show
    // (issue 19, defect 6).
    assert_eq!(coach.keep_unfinished_run().unwrap(), None);
    let said = coach
        .take_checkpoint_set_aside()
        .expect("the runner is told");
    assert!(said.contains("set aside"), "{said}");
    assert_eq!(coach.take_checkpoint_set_aside(), None, "told once");
    assert_eq!(store.core().set_aside_checkpoints().unwrap(), 1);
    let fresh = RunSession::from_planned_run(planned, None, Arc::new(Collect::default())).unwrap();
    fresh
        .keep_in(
            store.clone(),
            "run-new".to_owned(),
            format!("{date}T08:00:00"),
            false,
        )
        .unwrap();
    fresh.start(0).unwrap();
    run_for(&fresh, 1, 5, 0);
    assert_eq!(unfinished_run(store).unwrap().unwrap().run_id, "run-new");
}

#[test]
fn with_nothing_left_unfinished_no_profile_is_needed_to_start_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecordStore::open(dir.path().to_string_lossy().into_owned()).unwrap();
    let coach = Coach::open(store).unwrap();
    assert!(coach.profile().unwrap().is_none());
    assert_eq!(coach.keep_unfinished_run().unwrap(), None);
}

#[test]
fn a_run_killed_after_its_line_was_written_is_not_kept_twice_and_blocks_nothing() {
    // Issue 19, defect 3: a kill between writing the run and clearing its
    // checkpoint left every later start failing with "is already the id of
    // another run". The run line is the finished run; the checkpoint is an
    // older state of the same run, so keeping it again only clears it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    let date = killed_run(&path, "run-killed", 40);
    let store = RecordStore::open(path.clone()).unwrap();
    let finished = crate::store::RunRecord {
        id: "run-killed".to_owned(),
        started_at: chrono::NaiveDateTime::parse_from_str(
            &format!("{date}T07:00:00"),
            "%Y-%m-%dT%H:%M:%S",
        )
        .unwrap(),
        duration_s: 60,
        distance_m: 150,
        average_cadence_spm: None,
        target_cadence_spm: None,
        marks: Default::default(),
        cadence_trace: Vec::new(),
    };
    store.core().add_run(&finished).unwrap();
    let (coach, _, _) = first_run(&store);
    let kept = coach.keep_unfinished_run().unwrap();
    assert!(kept.is_some(), "the waiting run is accounted for");
    let runs = store.runs().unwrap();
    assert_eq!(runs.len(), 1, "kept once");
    assert_eq!(runs[0].duration_s, 60, "the finished line stands");
    assert_eq!(
        unfinished_run(store.clone()).unwrap(),
        None,
        "nothing waits"
    );
    assert_eq!(coach.keep_unfinished_run().unwrap(), None);
}

/// Issue 19: what the runner enters is in the record when the call
/// returns, not at the next 10 s checkpoint.
#[test]
fn a_check_in_is_in_the_record_when_the_call_returns() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecordStore::open(dir.path().to_string_lossy().into_owned()).unwrap();
    let (_coach, date, planned) = first_run(&store);
    let session =
        RunSession::from_planned_run(planned, None, Arc::new(Collect::default())).unwrap();
    session
        .keep_in(
            store.clone(),
            "run-c".to_owned(),
            format!("{date}T07:00:00"),
            false,
        )
        .unwrap();
    session.start(0).unwrap();
    run_for(&session, 1, 14, 0);
    session.check_in(14_500, during(&date, 3)).unwrap();
    // The last periodic checkpoint fell at 10 s; the check-in's is there.
    let waiting = unfinished_run(store.clone()).unwrap().unwrap();
    assert_eq!(waiting.elapsed_ms, 14_500);
    assert_eq!(session.snapshot(14_500).unwrap().not_saved, None);
    session.pause(15_000).unwrap();
    assert_eq!(
        unfinished_run(store).unwrap().unwrap().elapsed_ms,
        15_000,
        "the pause too"
    );
}

/// Issue 19, defect 4: a run does not start on a record that cannot be
/// written unless the runner accepts that nothing of it will be kept.
#[test]
fn a_record_that_cannot_be_written_refuses_keep_in_unless_not_kept_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = data.to_string_lossy().into_owned();
    let date = {
        let store = RecordStore::open(path.clone()).unwrap();
        let check_in = during("2026-11-20", 1).to_core().unwrap();
        store.journal().enter_check_in(&check_in).unwrap();
        first_run(&store).1
    };
    // A folder where the database's write-ahead log must go: the record
    // opens read-only (file modes would not stop the tests' root user).
    std::fs::create_dir_all(data.join("record.sqlite3-wal")).unwrap();

    let store = RecordStore::open(path).unwrap();
    let (_coach, _, planned) = first_run(&store);
    let session =
        RunSession::from_planned_run(planned, None, Arc::new(Collect::default())).unwrap();
    let started = format!("{date}T07:00:00");
    let err = session
        .keep_in(store.clone(), "run-r".to_owned(), started.clone(), false)
        .unwrap_err();
    assert!(
        matches!(err, RunSessionError::RecordNotWritable { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("acceptNotKept"), "{err}");
    session
        .keep_in(store.clone(), "run-r".to_owned(), started, true)
        .unwrap();
    session.start(0).unwrap();
    let screen = session.snapshot(0).unwrap();
    assert_eq!(
        screen.not_saved.as_deref(),
        Some(crate::run::format::NOT_KEPT)
    );
    let summary = session.finish(1_000).unwrap();
    assert_eq!(summary.run_id, "run-r");
}
