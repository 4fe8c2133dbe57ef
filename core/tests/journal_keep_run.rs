//! Keeping a run through the journal (issue 19): one function for a run
//! finished, stopped, or found waiting in the checkpoint after a kill; one
//! write to the record with the check-ins taken during the run and the
//! session marked done, then the plan changes (article 002: pain above the
//! buffer zone scales the plan back); the same run kept twice is kept once.
//! A write that fails leaves memory as it was: `journal_write_failure.rs`.
#![allow(clippy::unwrap_used, clippy::panic)]

mod coach_support;

use std::sync::Arc;

use coach_support::*;
use patella_core::coach::record::load_history;
use patella_core::coach::{CoachConfig, History, SessionResult, SessionType};
use patella_core::journal::{
    FinishedRun, Journal, JournalError, LiveRun, RunCheckpoint, Saved, WhenNotWritable,
};
use patella_core::pain::{CheckIn, PainQuality};
use patella_core::run::{
    RunConfig, RunSegment, RunSession, RunSessionSummary, SegmentKind, SessionPlan,
};
use patella_core::sample::{CadenceSample, CadenceUnit, Gait};
use patella_core::store::Store;

fn tuesday_plan() -> SessionPlan {
    let seg = |kind, duration_s| RunSegment { kind, duration_s };
    SessionPlan {
        segments: vec![
            seg(SegmentKind::WarmUp, 60),
            seg(SegmentKind::Run, 120),
            seg(SegmentKind::Walk, 60),
            seg(SegmentKind::Run, 60),
            seg(SegmentKind::CoolDown, 60),
        ],
        cadence_target_spm: Some(165.0),
        stride_baseline: None,
    }
}

fn reading(s: u64) -> CadenceSample {
    let running = (60..180).contains(&s) || (240..300).contains(&s);
    CadenceSample {
        at_ms: s * 1_000,
        source_id: "pod".to_owned(),
        cadence: if running { 166.0 } else { 112.0 },
        unit: CadenceUnit::StepsPerMinute,
        speed_mps: Some(if running { 2.6 } else { 1.4 }),
        stride_length_m: None,
        gait: Some(if running {
            Gait::Running
        } else {
            Gait::Walking
        }),
        total_distance_m: None,
    }
}

/// Tuesday's run, 6 min: run/walk with a knee check at `score` halfway.
fn finished_run(score: u8) -> RunSessionSummary {
    let mut session = RunSession::new(tuesday_plan(), RunConfig::default()).unwrap();
    session.start(0);
    for s in 1..=360u64 {
        session.push_sample(&reading(s)).unwrap();
        session.tick(s * 1_000).unwrap();
        if s == 200 {
            session.check_in(s * 1_000, during_run(s, score)).unwrap();
        }
    }
    session.finish(361_000).unwrap().0
}

fn finished(run_id: &str, summary: RunSessionSummary) -> FinishedRun {
    FinishedRun {
        run_id: run_id.to_owned(),
        started_at: at(1, 7),
        summary,
    }
}

/// A record with the runner's profile, its journal and the history.
fn record(dir: &tempfile::TempDir) -> (Arc<Store>, Arc<Journal>, History) {
    let store = Arc::new(Store::open(dir.path()).unwrap());
    let history = history(new_runner());
    save_document(&store, &history).unwrap();
    let journal = Arc::new(Journal::new(store.clone()));
    (store, journal, history)
}

fn runs(store: &Store) -> usize {
    store.with_records(|r| r.runs.len()).unwrap()
}

#[test]
fn a_finished_run_is_kept_with_its_check_ins_and_changes_the_plan_once_article_002() {
    let dir = tempfile::tempdir().unwrap();
    let (store, journal, mut history) = record(&dir);
    let summary = finished_run(6);
    assert!(summary.completed);
    let config = CoachConfig::default();

    let kept = journal
        .keep_run(&mut history, &finished("run-1", summary.clone()), &config)
        .unwrap();
    assert!(kept.newly_kept);
    assert!(kept.session_done);
    assert_eq!(kept.run.id, "run-1");
    assert_eq!(kept.run.duration_s, 360, "the plan ends at 6 min");
    assert!(
        kept.run
            .average_cadence_spm
            .is_some_and(|c| (160.0..170.0).contains(&c))
    );
    assert!(
        !kept.plan_changes.is_empty(),
        "6/10 during a run scales the plan back"
    );
    assert_eq!(history.check_ins.len(), 1);
    assert_eq!(
        history.outcome(day(1), SessionType::Run),
        Some(SessionResult::Done)
    );

    // The record, read back as on the next launch, says the same.
    let reread = load_history(&store).unwrap().unwrap();
    assert_eq!(reread.check_ins, history.check_ins);
    assert_eq!(
        reread.outcome(day(1), SessionType::Run),
        Some(SessionResult::Done)
    );
    assert_eq!(runs(&store), 1);

    // Kept again (a retry): nothing new in the record or the plan.
    let before = history.clone();
    let again = journal
        .keep_run(&mut history, &finished("run-1", summary), &config)
        .unwrap();
    assert!(!again.newly_kept);
    assert!(again.plan_changes.is_empty());
    assert!(again.session_done);
    assert_eq!(history, before);
    assert_eq!(runs(&store), 1);
}

// source: articles 001 and 004 (sharp pain stops the activity at any moment)
#[test]
fn a_run_stopped_at_once_by_a_sharp_pain_is_kept_with_it_article_004() {
    let dir = tempfile::tempdir().unwrap();
    let (store, journal, mut history) = record(&dir);
    let plan = SessionPlan {
        segments: vec![RunSegment {
            kind: SegmentKind::Run,
            duration_s: 60,
        }],
        cadence_target_spm: None,
        stride_baseline: None,
    };
    let mut session = RunSession::new(plan, RunConfig::default()).unwrap();
    session.start(5_000);
    let sharp = CheckIn {
        quality: Some(PainQuality::Sharp),
        ..during_run(0, 3)
    };
    session.check_in(5_000, sharp).unwrap();
    let summary = session.finish(5_000).unwrap().0;
    assert_eq!(summary.duration_ms, 0);
    let kept = journal
        .keep_run(
            &mut history,
            &finished("run-0", summary),
            &CoachConfig::default(),
        )
        .unwrap();
    assert_eq!(
        kept.run.duration_s, 1,
        "the record counts at least a second"
    );
    assert!(!kept.session_done);
    assert_eq!(load_history(&store).unwrap().unwrap().check_ins.len(), 1);
}

#[test]
fn a_run_found_waiting_after_a_kill_is_kept_as_it_stood_once() {
    let dir = tempfile::tempdir().unwrap();
    let (store, journal, mut history) = record(&dir);
    {
        let session = RunSession::new(tuesday_plan(), RunConfig::default()).unwrap();
        let live = LiveRun::new(session, |_| {});
        live.keep_in(&journal, "run-k", at(1, 7), WhenNotWritable::Refuse)
            .unwrap();
        assert_eq!(live.start(0).unwrap(), Saved::Yes);
        for s in 1..=150u64 {
            live.push_sample(&reading(s)).unwrap();
            live.tick(s * 1_000).unwrap();
        }
        assert_eq!(
            live.check_in(150_000, during_run(150, 4)).unwrap(),
            Saved::Yes
        );
        // Killed: dropped without finishing or keeping.
    }
    let waiting = RunCheckpoint::read(&store).unwrap().expect("a run waits");
    assert_eq!(waiting.run_id, "run-k");

    let config = CoachConfig::default();
    let kept = journal
        .keep_unfinished_run(&mut history, &config)
        .unwrap()
        .expect("the waiting run is kept");
    assert!(kept.newly_kept);
    assert_eq!(kept.run.id, "run-k");
    assert_eq!(kept.run.duration_s, 150, "the time run before the kill");
    assert_eq!(history.check_ins.len(), 1, "the check-in before the kill");
    assert_eq!(history.check_ins[0].score, 4);
    assert!(RunCheckpoint::read(&store).unwrap().is_none(), "cleared");
    assert_eq!(runs(&store), 1);
    // Nothing waits now, and keeping it again by id changes nothing.
    assert_eq!(
        journal.keep_unfinished_run(&mut history, &config).unwrap(),
        None
    );
    let before = history.clone();
    let again = journal
        .keep_finished(&mut history, "run-k", &config)
        .unwrap();
    assert!(!again.newly_kept);
    assert_eq!(history, before);
    assert_eq!(runs(&store), 1);
}

#[test]
fn a_live_run_finished_is_kept_by_id_and_its_checkpoint_goes_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (store, journal, mut history) = record(&dir);
    let session = RunSession::new(tuesday_plan(), RunConfig::default()).unwrap();
    let live = LiveRun::new(session, |_| {});
    live.keep_in(&journal, "run-f", at(1, 7), WhenNotWritable::Refuse)
        .unwrap();
    live.start(0).unwrap();
    for s in 1..=100u64 {
        live.push_sample(&reading(s)).unwrap();
        live.tick(s * 1_000).unwrap();
    }
    assert_eq!(live.stop(100_000).unwrap(), Saved::Yes);
    let (summary, saved) = live.finish(100_000).unwrap();
    assert_eq!(saved, Saved::Yes);
    assert_eq!(
        RunCheckpoint::read(&store).unwrap().unwrap().run_id,
        "run-f",
        "the ended run waits in the checkpoint until it is kept"
    );
    let config = CoachConfig::default();
    let kept = journal
        .keep_finished(&mut history, "run-f", &config)
        .unwrap();
    assert!(kept.newly_kept);
    assert_eq!(
        u64::from(kept.run.duration_s),
        summary.duration_ms.div_ceil(1_000)
    );
    assert!(RunCheckpoint::read(&store).unwrap().is_none());
    let err = journal
        .keep_finished(&mut history, "run-unknown", &config)
        .unwrap_err();
    assert!(matches!(err, JournalError::UnknownRun(_)), "{err}");
}

#[test]
fn a_run_the_record_cannot_take_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (store, journal, mut history) = record(&dir);
    let before = history.clone();
    let err = journal
        .keep_run(
            &mut history,
            &finished("  ", finished_run(2)),
            &CoachConfig::default(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("id"), "{err}");
    assert_eq!(history, before);
    assert_eq!(runs(&store), 0);
}

#[test]
fn a_journal_that_keeps_nothing_changes_memory_only() {
    let journal = Journal::in_memory();
    let mut history = history(new_runner());
    let kept = journal
        .keep_run(
            &mut history,
            &finished("run-m", finished_run(3)),
            &CoachConfig::default(),
        )
        .unwrap();
    assert!(kept.newly_kept);
    assert_eq!(history.check_ins.len(), 1);
    assert!(!journal.keeps());
}
