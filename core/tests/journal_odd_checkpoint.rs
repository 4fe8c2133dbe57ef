//! Issue 19, defect 6: a damaged checkpoint was dropped without a word, and
//! an odd one (a version from the future, times no run has, a start outside
//! the record's years) made every new run fail. Now each is set aside in
//! the record as found, the runner is told, and a new run starts and is
//! kept. A checkpoint from yesterday is a real run left unfinished: it is
//! kept, not set aside.
#![allow(clippy::unwrap_used, clippy::panic)]

mod coach_support;

use std::sync::Arc;

use coach_support::*;
use patella_core::coach::{CoachConfig, History};
use patella_core::journal::{Journal, LiveRun, RunCheckpoint, Saved, WhenNotWritable};
use patella_core::run::{RunConfig, RunSegment, RunSession, SegmentKind, SessionPlan};
use patella_core::store::Store;
use serde_json::Value;

fn plan() -> SessionPlan {
    SessionPlan {
        segments: vec![RunSegment {
            kind: SegmentKind::Run,
            duration_s: 600,
        }],
        cadence_target_spm: None,
        stride_baseline: None,
    }
}

/// A record whose checkpoint slot holds a sound run, 2 min in, started on
/// day 1 at 07:00; its JSON is handed back to be bent.
fn record_with_checkpoint(dir: &tempfile::TempDir) -> Value {
    let store = Arc::new(Store::open(dir.path()).unwrap());
    save_document(&store, &history(new_runner())).unwrap();
    let journal = Arc::new(Journal::new(store.clone()));
    let live = LiveRun::new(
        RunSession::new(plan(), RunConfig::default()).unwrap(),
        |_| {},
    );
    live.keep_in(&journal, "run-old", at(1, 7), WhenNotWritable::Refuse)
        .unwrap();
    assert_eq!(live.start(0).unwrap(), Saved::Yes);
    for s in 1..=120u64 {
        live.tick(s * 1_000).unwrap();
    }
    assert_eq!(live.pause(120_000).unwrap(), Saved::Yes);
    drop(live);
    store.run_checkpoint().unwrap().expect("a run waits")
}

/// Puts `json` (any text) in the checkpoint's row, as damage would.
fn put_raw(dir: &tempfile::TempDir, json: &str) {
    let conn = rusqlite::Connection::open(dir.path().join("record.sqlite3")).unwrap();
    conn.execute("UPDATE live_run SET json = ?1 WHERE id = 1", [json])
        .unwrap();
}

fn reopen(dir: &tempfile::TempDir) -> (Arc<Store>, Arc<Journal>, History) {
    let store = Arc::new(Store::open(dir.path()).unwrap());
    let journal = Arc::new(Journal::new(store.clone()));
    let history = history(new_runner());
    (store, journal, history)
}

/// The slot's checkpoint is set aside with a note, nothing blocks a new
/// run, and the new run is kept.
fn set_aside_and_a_new_run_is_kept(dir: &tempfile::TempDir, case: &str) {
    let (store, journal, mut history) = reopen(dir);
    let config = CoachConfig::default();
    let kept = journal.keep_unfinished_run(&mut history, &config);
    assert!(matches!(kept, Ok(None)), "{case}: {kept:?}");
    let note = journal.take_set_aside();
    assert!(note.is_some(), "{case}: the runner is not told");
    assert_eq!(
        store.set_aside_checkpoints().unwrap(),
        1,
        "{case}: not kept aside"
    );
    assert!(
        store.run_checkpoint().unwrap().is_none(),
        "{case}: still in the way"
    );

    let live = LiveRun::new(
        RunSession::new(plan(), RunConfig::default()).unwrap(),
        |_| {},
    );
    live.keep_in(&journal, "run-new", at(2, 7), WhenNotWritable::Refuse)
        .unwrap_or_else(|e| panic!("{case}: a new run is blocked: {e}"));
    assert_eq!(live.start(0).unwrap(), Saved::Yes);
    for s in 1..=60u64 {
        live.tick(s * 1_000).unwrap();
    }
    live.stop(60_000).unwrap();
    live.finish(60_000).unwrap();
    let kept = journal
        .keep_finished(&mut history, "run-new", &config)
        .unwrap();
    assert_eq!(kept.run.id, "run-new", "{case}");
    assert_eq!(store.with_records(|r| r.runs.len()).unwrap(), 1, "{case}");
}

/// Damage done to a checkpoint's stored text.
type Damage = Box<dyn Fn(&str) -> String>;
/// A change to a sound checkpoint that leaves it readable but odd.
type Bend = Box<dyn Fn(&mut Value)>;

#[test]
fn damaged_checkpoints_are_set_aside_and_a_new_run_is_kept() {
    let cases: Vec<(&str, Damage)> = vec![
        ("garbage", Box::new(|_| "not json at all".to_owned())),
        ("truncated", Box::new(|j| j[..j.len() / 2].to_owned())),
        (
            "a flipped bit",
            Box::new(|j| j.replacen("\"run_id\"", "\"run_jd\"", 1)),
        ),
    ];
    for (case, damage) in cases {
        let dir = tempfile::tempdir().unwrap();
        let sound = record_with_checkpoint(&dir).to_string();
        put_raw(&dir, &damage(&sound));
        set_aside_and_a_new_run_is_kept(&dir, case);
    }
}

#[test]
fn odd_checkpoints_are_set_aside_and_a_new_run_is_kept() {
    let cases: Vec<(&str, Bend)> = vec![
        (
            "version 99",
            Box::new(|v| v["session"]["version"] = 99.into()),
        ),
        (
            "active time past its plan",
            Box::new(|v| v["session"]["active_ms"] = 99_000_000.into()),
        ),
        (
            "started in 1900",
            Box::new(|v| v["started_at"] = "1900-01-01T07:00:00".into()),
        ),
        (
            "started in 9999",
            Box::new(|v| v["started_at"] = "9999-01-01T07:00:00".into()),
        ),
        (
            "a start that is no time",
            Box::new(|v| v["started_at"] = "yesterday".into()),
        ),
    ];
    for (case, bend) in cases {
        let dir = tempfile::tempdir().unwrap();
        let mut checkpoint = record_with_checkpoint(&dir);
        bend(&mut checkpoint);
        put_raw(&dir, &checkpoint.to_string());
        set_aside_and_a_new_run_is_kept(&dir, case);
    }
}

#[test]
fn a_checkpoint_from_yesterday_is_a_run_to_keep_not_damage() {
    let dir = tempfile::tempdir().unwrap();
    let mut checkpoint = record_with_checkpoint(&dir);
    checkpoint["started_at"] = "2026-11-30T07:00:00".into();
    put_raw(&dir, &checkpoint.to_string());
    let (store, journal, mut history) = reopen(&dir);
    let kept = journal
        .keep_unfinished_run(&mut history, &CoachConfig::default())
        .unwrap()
        .expect("yesterday's run is kept");
    assert_eq!(kept.run.id, "run-old");
    assert_eq!(kept.run.duration_s, 120);
    assert!(journal.take_set_aside().is_none());
    assert_eq!(store.set_aside_checkpoints().unwrap(), 0);
    assert!(RunCheckpoint::read(&store).unwrap().is_none());
}
