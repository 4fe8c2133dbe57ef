//! A finished run is kept in one write (issue 11, "Finishing and keeping a
//! run"): the run, its check-ins and the session outcome survive a power
//! cut together or not at all, at every point of the write; and the live
//! run's checkpoint beside the record is replaced whole.
#![allow(clippy::unwrap_used, clippy::panic)]

mod store_support;

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::store::{Outcome, RunSummary, SessionOutcome, Store, StoreError};
use serde_json::json;
use store_support::sim_disk::{Lcg, SimDisk};

const DIR: &str = "/data";

fn at(minute: i64) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.and_hms_opt(7, 0, 0))
        .unwrap()
        + chrono::Duration::minutes(minute)
}

fn run(id: &str) -> RunSummary {
    RunSummary {
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

fn done() -> SessionOutcome {
    SessionOutcome {
        date: at(0).date(),
        session_id: "run".to_owned(),
        outcome: Outcome::Done,
    }
}

fn open(disk: &SimDisk) -> Result<Store, StoreError> {
    Store::open_on(Arc::new(disk.clone()), DIR)
}

fn complete(store: &Store) -> Result<(), StoreError> {
    store.complete_run(&run("r1"), &[during(10, 2), during(20, 3)], Some(&done()))
}

#[test]
fn a_completed_run_reads_back_with_its_check_ins_and_outcome_after_reopening() {
    let disk = SimDisk::new();
    {
        let store = open(&disk).unwrap();
        store.add_check_in(&during(-60, 1)).unwrap();
        complete(&store).unwrap();
        // An app retrying the same write: kept once.
        complete(&store).unwrap();
        let records = store.records().unwrap();
        assert_eq!(records.runs.len(), 1);
        assert_eq!(records.check_ins.len(), 3);
        assert_eq!(records.sessions, vec![done()]);
    }
    let store = open(&disk).unwrap();
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
fn a_power_cut_at_any_point_keeps_all_of_a_completed_run_or_none() {
    let total = {
        let disk = SimDisk::new();
        let store = open(&disk).unwrap();
        let before = disk.ops();
        complete(&store).unwrap();
        disk.ops() - before
    };
    assert!(total >= 2, "one append and its sync at least: {total}");
    let (mut kept, mut lost) = (0, 0);
    for point in 1..=total + 1 {
        for pattern in 0..6 {
            let disk = SimDisk::new();
            let acked = {
                let store = open(&disk).unwrap();
                disk.crash_at(point);
                complete(&store).is_ok()
            };
            disk.power_cut(&mut Lcg(point * 977 + pattern));
            let store = open(&disk).unwrap();
            let records = store.records().unwrap();
            let case = format!("cut before op {point}/{total}, pattern {pattern}");
            if records.runs.is_empty() {
                assert!(!acked, "{case}: an acknowledged run was lost");
                assert!(
                    records.check_ins.is_empty(),
                    "{case}: check-ins without their run"
                );
                assert!(
                    records.sessions.is_empty(),
                    "{case}: outcome without its run"
                );
                lost += 1;
            } else {
                assert_eq!(records.runs, vec![run("r1")], "{case}");
                assert_eq!(records.check_ins.len(), 2, "{case}");
                assert_eq!(records.sessions, vec![done()], "{case}");
                kept += 1;
            }
        }
    }
    assert!(
        kept > 0 && lost > 0,
        "both ends were reached: {kept} kept, {lost} lost"
    );
}

#[test]
fn the_run_checkpoint_is_replaced_whole_read_back_and_cleared() {
    let disk = SimDisk::new();
    {
        let store = open(&disk).unwrap();
        assert_eq!(store.run_checkpoint().unwrap(), None);
        store
            .save_run_checkpoint(&json!({ "active_ms": 10_000 }))
            .unwrap();
        store
            .save_run_checkpoint(&json!({ "active_ms": 20_000 }))
            .unwrap();
    }
    let store = open(&disk).unwrap();
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
fn a_power_cut_while_replacing_the_checkpoint_leaves_the_old_or_the_new() {
    let old = json!({ "active_ms": 10_000 });
    let new = json!({ "active_ms": 20_000 });
    for point in 1..=12 {
        for pattern in 0..4 {
            let disk = SimDisk::new();
            let acked = {
                let store = open(&disk).unwrap();
                store.save_run_checkpoint(&old).unwrap();
                disk.crash_at(point);
                store.save_run_checkpoint(&new).is_ok()
            };
            disk.power_cut(&mut Lcg(point * 31 + pattern));
            let store = open(&disk).unwrap();
            let found = store.run_checkpoint().unwrap();
            if acked {
                assert_eq!(found, Some(new.clone()), "cut at {point}");
            } else {
                assert!(
                    found == Some(old.clone()) || found == Some(new.clone()),
                    "cut at {point}: {found:?}"
                );
            }
        }
    }
}

#[test]
fn a_backup_of_a_completed_run_restores_the_same_record() {
    let disk = SimDisk::new();
    let records = {
        let store = open(&disk).unwrap();
        complete(&store).unwrap();
        store
            .save_run_checkpoint(&json!({ "left": "behind" }))
            .unwrap();
        store.records().unwrap()
    };
    let other = SimDisk::new();
    let store = open(&other).unwrap();
    store.import(&records).unwrap();
    assert_eq!(store.records().unwrap(), records);
    assert_eq!(
        store.run_checkpoint().unwrap(),
        None,
        "a checkpoint is not backed up"
    );
    drop(store);
    assert_eq!(open(&other).unwrap().records().unwrap(), records);
}
