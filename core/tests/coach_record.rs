//! The coach's history survives a restart: saved through the record, read
//! back as the same history, giving the same plan.

mod coach_support;

use coach_support::*;
use patella_core::coach::record::{load_history, stored_outcome};
use patella_core::coach::{
    GearChange, GearChangeType, History, MarkedSession, SessionResult, SessionType,
};
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::store::Store;

fn sample_history() -> History {
    let mut h = History::new(new_runner(), start());
    h.check_ins
        .push(CheckIn::new(at(1, 8), 3, CheckInMoment::AfterRun, None, None, vec![]).unwrap());
    h.check_ins
        .push(CheckIn::new(at(2, 7), 6, CheckInMoment::NextMorning, None, None, vec![]).unwrap());
    h.outcomes.push(MarkedSession {
        date: day(1),
        kind: SessionType::Run,
        status: SessionResult::Done,
    });
    h.outcomes.push(MarkedSession {
        date: day(3),
        kind: SessionType::Strength,
        status: SessionResult::Skipped,
    });
    h.gear_changes.push(GearChange {
        date: day(2),
        kind: GearChangeType::Shoes,
    });
    h.clinician_visits
        .push(patella_core::moment::end_of_day(day(4)));
    h
}

#[test]
fn a_history_written_through_the_record_reads_back_whole_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let history = sample_history();
    {
        let store = std::sync::Arc::new(Store::open(dir.path()).unwrap());
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
    let store = std::sync::Arc::new(Store::open(dir.path()).unwrap());
    save_document(&store, &History::new(new_runner(), start())).unwrap();
    store
        .add_session_outcome(&patella_core::store::SessionRecord {
            date: day(1),
            session_id: "yoga".to_owned(),
            outcome: patella_core::store::Outcome::Done,
        })
        .unwrap();
    assert!(load_history(&store).unwrap().unwrap().outcomes.is_empty());
}

#[test]
fn a_record_dated_beyond_the_plannable_range_is_set_aside_with_a_warning() {
    // Issue 10: a check-in dated year +262142 made every plan build panic,
    // and the coach stayed broken after every relaunch.
    use patella_core::coach::record::load_history_checked;
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(Store::open(dir.path()).unwrap());
    let far = chrono::NaiveDate::from_ymd_opt(262_142, 12, 20).unwrap();
    let mut document = serde_json::to_value(patella_core::coach::record::CoachDocument::of(
        &sample_history(),
    ))
    .unwrap();
    document["clinician_visits"] = serde_json::json!([day(4), far]);
    store.set_profile(&document).unwrap();
    let good = CheckIn::new(at(1, 8), 3, CheckInMoment::AfterRun, None, None, vec![]).unwrap();
    store.add_check_in(&good).unwrap();
    let stored_far = store
        .add_check_in(&CheckIn {
            taken_at: far.and_hms_opt(8, 0, 0).unwrap(),
            ..good.clone()
        })
        .is_ok();

    let loaded = load_history_checked(&store).unwrap();
    let history = loaded.history.expect("the coach still has its history");
    assert_eq!(
        history.clinician_visits,
        vec![patella_core::moment::end_of_day(day(4))]
    );
    assert_eq!(history.check_ins, vec![good]);
    assert_eq!(
        loaded.set_aside.len(),
        1 + usize::from(stored_far),
        "{:?}",
        loaded.set_aside
    );
    assert!(
        loaded.set_aside.iter().all(|w| w.contains("+262142-12-20")),
        "{:?}",
        loaded.set_aside
    );
    // And the coach plans with what is left.
    assert_eq!(plan(&history, 2).weeks.len(), 2);
}

#[test]
fn a_plan_start_beyond_the_range_leaves_the_coach_without_a_profile_not_broken() {
    use patella_core::coach::record::load_history_checked;
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(Store::open(dir.path()).unwrap());
    let mut document = serde_json::to_value(patella_core::coach::record::CoachDocument::of(
        &sample_history(),
    ))
    .unwrap();
    document["plan_start"] = serde_json::json!("+262142-12-20");
    store.set_profile(&document).unwrap();
    let loaded = load_history_checked(&store).unwrap();
    assert_eq!(loaded.history, None);
    assert!(
        loaded.set_aside[0].contains("The plan dated +262142-12-20"),
        "{:?}",
        loaded.set_aside
    );
}
