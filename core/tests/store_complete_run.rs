//! A finished run is kept in one transaction (issue 11, "Finishing and
//! keeping a run"): the run, its check-ins, the session outcome and the end
//! of the live run's checkpoint, together or not at all; and the checkpoint
//! is replaced whole.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::store::{Outcome, RecordStoreError, RunRecord, SessionRecord, Store};
use serde_json::json;

fn at(minute: i64) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.and_hms_opt(7, 0, 0))
        .unwrap()
        + chrono::Duration::minutes(minute)
}

fn run(id: &str) -> RunRecord {
    RunRecord {
        id: id.to_owned(),
        started_at: at(0),
        duration_s: 1_800,
        distance_m: 4_200,
        average_cadence_spm: Some(168.0),
        target_cadence_spm: Some(170.0),
        marks: Default::default(),
        cadence_trace: Vec::new(),
    }
}

fn during(minute: i64, score: u8) -> CheckIn {
    CheckIn {
        taken_at: at(minute),
        score,
        moment: CheckInMoment::DuringRun,
        quality: None,
        location: None,
        red_flags: Vec::new(),
    }
}

fn done() -> SessionRecord {
    SessionRecord {
        date: at(0).date(),
        session_id: "run".to_owned(),
        outcome: Outcome::Done,
    }
}

fn open(dir: &Path) -> Result<Store, RecordStoreError> {
    Store::open(dir)
}

fn complete(store: &Store) -> Result<(), RecordStoreError> {
    store.complete_run(&run("r1"), &[during(10, 2), during(20, 3)], Some(&done()))
}

#[test]
fn a_completed_run_reads_back_with_its_check_ins_and_outcome_after_reopening() {
    let disk = tempfile::tempdir().unwrap();
    {
        let store = open(disk.path()).unwrap();
        store.add_check_in(&during(-60, 1)).unwrap();
        complete(&store).unwrap();
        // An app retrying the same write: kept once.
        complete(&store).unwrap();
        let records = store.records().unwrap();
        assert_eq!(records.runs.len(), 1);
        assert_eq!(records.check_ins.len(), 3);
        assert_eq!(records.sessions, vec![done()]);
    }
    let store = open(disk.path()).unwrap();
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    let records = store.records().unwrap();
    assert_eq!(records.runs, vec![run("r1")]);
    assert_eq!(
        records.check_ins,
        vec![during(-60, 1), during(10, 2), during(20, 3)]
    );
    assert_eq!(records.sessions, vec![done()]);
    // Another run under the same id is refused, naming the field.
    let mut other = run("r1");
    other.duration_s = 60;
    let err = store.complete_run(&other, &[], None).unwrap_err();
    assert!(err.to_string().contains("run.id"), "{err}");
    // A bad check-in refuses the whole write, naming it.
    let mut bad = during(5, 2);
    bad.score = 42;
    let err = store.complete_run(&run("r2"), &[bad], None).unwrap_err();
    assert!(err.to_string().contains("run.check_ins[0]"), "{err}");
    assert_eq!(store.records().unwrap().runs.len(), 1);
}

#[test]
fn the_run_checkpoint_is_replaced_whole_read_back_and_cleared() {
    let disk = tempfile::tempdir().unwrap();
    {
        let store = open(disk.path()).unwrap();
        assert_eq!(store.run_checkpoint().unwrap(), None);
        store
            .save_run_checkpoint(&json!({ "active_ms": 10_000 }))
            .unwrap();
        store
            .save_run_checkpoint(&json!({ "active_ms": 20_000 }))
            .unwrap();
    }
    let store = open(disk.path()).unwrap();
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    assert_eq!(
        store.run_checkpoint().unwrap(),
        Some(json!({ "active_ms": 20_000 }))
    );
    // Not part of the record, nor of a backup.
    assert!(store.records().unwrap().is_empty());
    store.clear_run_checkpoint().unwrap();
    assert_eq!(store.run_checkpoint().unwrap(), None);
    store.clear_run_checkpoint().unwrap();
}

#[test]
fn a_backup_of_a_completed_run_restores_the_same_record() {
    let disk = tempfile::tempdir().unwrap();
    let records = {
        let store = open(disk.path()).unwrap();
        complete(&store).unwrap();
        store
            .save_run_checkpoint(&json!({ "left": "behind" }))
            .unwrap();
        store.records().unwrap()
    };
    let other = tempfile::tempdir().unwrap();
    let store = open(other.path()).unwrap();
    store.import(&records).unwrap();
    assert_eq!(store.records().unwrap(), records);
    assert_eq!(
        store.run_checkpoint().unwrap(),
        None,
        "a checkpoint is not backed up"
    );
    drop(store);
    assert_eq!(open(other.path()).unwrap().records().unwrap(), records);
}

#[test]
fn keeping_a_run_ends_its_checkpoint_in_the_same_write_even_when_retried() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path()).unwrap();
    store
        .save_run_checkpoint(&json!({ "run_id": "r1" }))
        .unwrap();
    complete(&store).unwrap();
    assert_eq!(store.run_checkpoint().unwrap(), None);
    // An app retrying after it saved the checkpoint again: the run is kept
    // once, and the checkpoint still ends.
    store
        .save_run_checkpoint(&json!({ "run_id": "r1" }))
        .unwrap();
    complete(&store).unwrap();
    assert_eq!(store.run_checkpoint().unwrap(), None);
    // Another run's checkpoint stays when a run is kept: that run is not
    // kept yet.
    store
        .save_run_checkpoint(&json!({ "run_id": "r2" }))
        .unwrap();
    store.complete_run(&run("r3"), &[], None).unwrap();
    assert_eq!(
        store.run_checkpoint().unwrap(),
        Some(json!({ "run_id": "r2" }))
    );
    // Another run under the id is refused, and ends nothing.
    let mut other = run("r1");
    other.distance_m = 1;
    assert!(store.complete_run(&other, &[], None).is_err());
    assert_eq!(
        store.run_checkpoint().unwrap(),
        Some(json!({ "run_id": "r2" }))
    );
    drop(store);
    let store = open(dir.path()).unwrap();
    let records = store.records().unwrap();
    assert_eq!(records.runs, vec![run("r1"), run("r3")]);
    assert_eq!(records.check_ins.len(), 2);
    assert_eq!(
        store.run_checkpoint().unwrap(),
        Some(json!({ "run_id": "r2" }))
    );
}

#[test]
fn a_check_in_already_saved_or_an_outcome_already_latest_is_not_stored_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path()).unwrap();
    // Saved during the run, then handed over with the run as well.
    store.add_check_in(&during(10, 2)).unwrap();
    store.add_session_outcome(&done()).unwrap();
    store
        .complete_run(
            &run("r1"),
            &[during(10, 2), during(20, 3), during(20, 3)],
            Some(&done()),
        )
        .unwrap();
    let records = store.records().unwrap();
    assert_eq!(records.check_ins, vec![during(10, 2), during(20, 3)]);
    assert_eq!(records.sessions, vec![done()]);
    drop(store);
    assert_eq!(open(dir.path()).unwrap().records().unwrap(), records);
    // What export writes, import takes back.
    records.validate().unwrap();
}

// All or nothing on the real database: a write that fails part-way (here
// the session's row, refused by a trigger put in for the test) leaves no
// run, no check-in and the checkpoint, in memory and on disk.
#[test]
fn a_completion_failing_part_way_keeps_nothing_of_it() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = open(dir.path()).unwrap();
        store
            .save_run_checkpoint(&json!({ "run_id": "r1" }))
            .unwrap();
    }
    rusqlite::Connection::open(dir.path().join(patella_core::store::DB_FILE))
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON sessions \
             BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;",
        )
        .unwrap();
    let store = open(dir.path()).unwrap();
    let err = complete(&store).unwrap_err();
    assert!(err.to_string().contains("keeping a run"), "{err}");
    assert!(store.records().unwrap().is_empty());
    assert_eq!(
        store.run_checkpoint().unwrap(),
        Some(json!({ "run_id": "r1" }))
    );
    // Without the session, the same run goes in whole.
    store
        .complete_run(&run("r1"), &[during(10, 2)], None)
        .unwrap();
    drop(store);
    let store = open(dir.path()).unwrap();
    let records = store.records().unwrap();
    assert_eq!(records.runs, vec![run("r1")]);
    assert_eq!(records.check_ins, vec![during(10, 2)]);
    assert_eq!(store.run_checkpoint().unwrap(), None);
}
