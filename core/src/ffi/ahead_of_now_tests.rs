//! Article 002 and issue 18, finding 5: a check-in reports pain already
//! felt, so every call that records one from the app refuses one dated more
//! than the clock-skew tolerance (5 minutes) ahead of now, naming
//! `taken_at`; a backup's such check-in is set aside and the rest comes in.
//! "Now" is fixed through the facade's wall-clock seam.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use crate::ffi::coach::{Coach, CoachError};
use crate::ffi::pain::{CheckInEntry, CheckInMoment};
use crate::ffi::store::RecordStore;
use crate::ffi::wall_clock::fix_now;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 6, 1)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .unwrap()
}

fn at(offset_min: i64) -> CheckInEntry {
    let taken_at = now() + TimeDelta::minutes(offset_min);
    CheckInEntry {
        taken_at: taken_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        score: 3,
        moment: CheckInMoment::NextMorning,
        quality: None,
        location: None,
        red_flags: vec![],
    }
}

/// The check-ins the record holds, as the app entered them.
fn check_ins(store: &RecordStore) -> Vec<CheckInEntry> {
    store
        .records_view(|r| r.check_ins.iter().map(CheckInEntry::from).collect())
        .unwrap()
}

const REFUSAL: &str =
    "taken_at: 2025-06-01T08:10:00 is ahead of now (2025-06-01T08:00:00) by more than 5 minutes";

#[test]
fn article_002_the_coach_refuses_a_check_in_ahead_of_now_naming_taken_at() {
    let _now = fix_now(now());
    let dir = tempfile::tempdir().unwrap();
    let store = RecordStore::open(dir.path().to_string_lossy().into_owned()).unwrap();
    let coach = Coach::open(store.clone()).unwrap();
    coach
        .save_profile(crate::ffi::coach::tests::runner(), "2025-05-26".into())
        .unwrap();
    let err = coach.record_check_in(at(10)).unwrap_err();
    assert!(
        matches!(&err, CoachError::InvalidInput { field, .. } if field == "taken_at"),
        "{err:?}"
    );
    assert!(err.to_string().starts_with(REFUSAL), "{err}");
    assert_eq!(check_ins(&store), vec![], "nothing was written");
    coach.record_check_in(at(2)).unwrap();
    assert_eq!(check_ins(&store), vec![at(2)]);
}

#[test]
fn article_002_a_backup_check_in_from_2031_is_set_aside_and_the_rest_arrives() {
    let _now = fix_now(now());
    let a = tempfile::tempdir().unwrap();
    let source = RecordStore::open(a.path().to_string_lossy().into_owned()).unwrap();
    let coach = Coach::open(source.clone()).unwrap();
    coach
        .save_profile(crate::ffi::coach::tests::runner(), "2025-05-26".into())
        .unwrap();
    coach.record_check_in(at(-60)).unwrap();
    let mut backup: serde_json::Value =
        serde_json::from_str(&source.export_backup().unwrap()).unwrap();
    let future = serde_json::json!({
        "taken_at": "2031-06-01T08:00:00+02:00",
        "score": 4,
        "moment": "next_morning",
        "red_flags": ["swelling"],
    });
    let list = backup["records"]["check_ins"].as_array_mut().unwrap();
    list.insert(0, future);
    let b = tempfile::tempdir().unwrap();
    let target = RecordStore::open(b.path().to_string_lossy().into_owned()).unwrap();
    let notes = target.import_backup(backup.to_string()).unwrap();
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0]
            .starts_with("check_ins[0] set aside: taken_at: 2031-06-01T08:00:00 is ahead of now"),
        "{notes:?}"
    );
    assert_eq!(check_ins(&target), vec![at(-60)]);
}

// In-run check-ins are stamped with the run's own time and are not checked
// here: a run replayed or simulated ahead of the clock keeps them.
#[test]
fn an_unchecked_conversion_still_takes_any_plausible_moment() {
    let _now = fix_now(now());
    assert!(at(60 * 24 * 365).to_core().is_ok());
}
