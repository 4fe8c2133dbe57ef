//! The coach's history survives a restart: saved through the record, read
//! back as the same history, giving the same plan.

mod coach_support;

use coach_support::*;
use patella_core::coach::record::{load_history, save_document, stored_outcome};
use patella_core::coach::{
    GearChange, GearChangeKind, History, SessionKind, SessionOutcome, SessionStatus,
};
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::store::Store;

fn sample_history() -> History {
    let mut h = History::new(new_runner(), start());
    h.check_ins
        .push(CheckIn::new(at(1, 8), 3, CheckInMoment::AfterRun, None, None, vec![]).unwrap());
    h.check_ins
        .push(CheckIn::new(at(2, 7), 6, CheckInMoment::NextMorning, None, None, vec![]).unwrap());
    h.outcomes.push(SessionOutcome {
        date: day(1),
        kind: SessionKind::Run,
        status: SessionStatus::Done,
    });
    h.outcomes.push(SessionOutcome {
        date: day(3),
        kind: SessionKind::Strength,
        status: SessionStatus::Skipped,
    });
    h.gear_changes.push(GearChange {
        date: day(2),
        kind: GearChangeKind::Shoes,
    });
    h.clinician_visits.push(day(4));
    h
}

#[test]
fn a_history_written_through_the_record_reads_back_whole_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let history = sample_history();
    {
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(load_history(&store).unwrap(), None, "nothing saved yet");
        save_document(&store, &history).unwrap();
        for c in &history.check_ins {
            store.add_check_in(c).unwrap();
        }
        for o in &history.outcomes {
            store.add_session_outcome(&stored_outcome(o)).unwrap();
        }
    }
    let reopened = Store::open(dir.path()).unwrap();
    assert!(reopened.warnings().is_empty(), "{:?}", reopened.warnings());
    let loaded = load_history(&reopened).unwrap().expect("a saved history");
    assert_eq!(loaded, history);
    // The plan is a pure function of the history, so it survives too.
    assert_eq!(plan(&loaded, 4), plan(&history, 4));
}

#[test]
fn outcomes_of_sessions_the_coach_did_not_plan_are_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    save_document(&store, &History::new(new_runner(), start())).unwrap();
    store
        .add_session_outcome(&patella_core::store::SessionOutcome {
            date: day(1),
            session_id: "yoga".to_owned(),
            outcome: patella_core::store::Outcome::Done,
        })
        .unwrap();
    assert!(load_history(&store).unwrap().unwrap().outcomes.is_empty());
}
