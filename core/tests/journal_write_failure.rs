//! A write the record cannot make (a full disk, a failing one) leaves the
//! record and the coach's memory as they were (issue 19: "written to the
//! store before memory changes"). The database is made to refuse every
//! write (`Store::refuse_writes`); the store's own tests show a real page
//! limit gives the same refusal as `DiskFull`.
#![allow(clippy::unwrap_used, clippy::panic)]

mod coach_support;

use std::sync::Arc;

use coach_support::*;
use patella_core::coach::{CoachConfig, GearChange, GearChangeType, History};
use patella_core::journal::{FinishedRun, Journal, JournalError};
use patella_core::pain::CheckInMoment;
use patella_core::run::{RunConfig, RunSession, SessionPlan};
use patella_core::store::Store;

/// A record in a temp folder with the runner's profile.
fn record(dir: &tempfile::TempDir) -> (Arc<Journal>, Arc<Store>, History) {
    let store = Arc::new(Store::open(dir.path()).unwrap());
    let history = history(new_runner());
    save_document(&store, &history).unwrap();
    (Arc::new(Journal::new(store.clone())), store, history)
}

fn full(store: &Store) {
    store.refuse_writes(true).unwrap();
}

fn a_run() -> FinishedRun {
    let mut session = RunSession::new(
        SessionPlan::intervals(60, 60, 60, 1, 60),
        RunConfig::default(),
    )
    .unwrap();
    session.start(0);
    for s in 1..=100u64 {
        session.tick(s * 1_000).unwrap();
    }
    session
        .check_in(100_000, checkin(1, 6, CheckInMoment::DuringRun))
        .unwrap();
    FinishedRun {
        run_id: "run-1".to_owned(),
        started_at: at(1, 7),
        summary: session.finish(120_000).unwrap().0,
    }
}

// Article 002: pain above 5 during a run would scale the plan back; on a
// full disk neither the record nor the plan changes, and the error says so.
#[test]
fn keeping_a_run_on_a_full_disk_changes_neither_record_nor_memory_article_002() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, store, mut history) = record(&dir);
    let before = history.clone();
    full(&store);
    let err = journal
        .keep_run(&mut history, &a_run(), &CoachConfig::default())
        .unwrap_err();
    assert!(matches!(err, JournalError::Store(_)), "{err}");
    assert_eq!(history, before, "memory unchanged");
    let store = journal.store().unwrap();
    assert!(store.with_records(|r| r.runs.is_empty()).unwrap());
    // Space again: the same run is kept, once.
    store.refuse_writes(false).unwrap();
    let kept = journal
        .keep_run(&mut history, &a_run(), &CoachConfig::default())
        .unwrap();
    assert!(kept.newly_kept);
    assert_eq!(history.check_ins.len(), 1);
}

#[test]
fn entries_on_a_full_disk_change_nothing_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let (journal, store, mut history) = record(&dir);
    let before = history.clone();
    full(&store);
    let config = CoachConfig::default();
    let check_in = checkin(1, 7, CheckInMoment::AfterRun);
    assert!(
        journal
            .record_check_in(&mut history, check_in, catalogue(), &config)
            .is_err()
    );
    let change = GearChange {
        date: day(2),
        kind: GearChangeType::Shoes,
    };
    assert!(journal.record_gear_change(&mut history, change).is_err());
    assert!(
        journal
            .confirm_clinician_visit(&mut history, at(3, 18))
            .is_err()
    );
    let outcome = patella_core::coach::MarkedSession {
        date: day(1),
        kind: patella_core::coach::SessionType::Run,
        status: patella_core::coach::SessionResult::Done,
    };
    assert!(journal.mark_session(&mut history, outcome).is_err());
    let mut maybe = Some(history.clone());
    assert!(
        journal
            .save_profile(&mut maybe, regular(60, distance_goal()), day(7))
            .is_err()
    );
    assert_eq!(maybe.as_ref(), Some(&before));
    assert_eq!(history, before, "memory unchanged");
}
