//! Import over generated backups (issue 10, item 12): a backup with a
//! repeated run id, check-in or session, or a date outside the record's
//! years, is refused with nothing written; any other imports exactly.
//! The oracle here is written independently of the store's checks.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime};
use patella_core::calendar::{EARLIEST_YEAR, LATEST_YEAR};
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::store::{Outcome, RecordStoreError, Records, RunRecord, SessionRecord, Store};
use proptest::prelude::*;

fn at(year: i32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, 6, 1)
        .and_then(|d| d.and_hms_opt(6, minute % 60, 0))
        .expect("valid date")
}

/// Years around both edges of the record's calendar, and far beyond.
fn year() -> impl Strategy<Value = i32> {
    prop_oneof![
        8 => 2020i32..2030,
        1 => Just(EARLIEST_YEAR - 1),
        1 => Just(EARLIEST_YEAR),
        1 => Just(LATEST_YEAR),
        1 => Just(LATEST_YEAR + 1),
        1 => Just(200_000),
    ]
}

// Small pools, so that repeats happen often.
fn check_in() -> impl Strategy<Value = CheckIn> {
    (year(), 0u32..6, 0u8..=10).prop_map(|(y, m, score)| CheckIn {
        taken_at: at(y, m),
        score,
        moment: CheckInMoment::NextMorning,
        quality: None,
        location: None,
        red_flags: Vec::new(),
    })
}

fn run() -> impl Strategy<Value = RunRecord> {
    (year(), 0u32..6, 1u32..4000).prop_map(|(y, id, duration_s)| RunRecord {
        id: format!("run-{id}"),
        started_at: at(y, id),
        duration_s,
        distance_m: 1000,
        average_cadence_spm: None,
        target_cadence_spm: None,
        marks: Default::default(),
        cadence_trace: Vec::new(),
    })
}

fn session() -> impl Strategy<Value = SessionRecord> {
    (year(), 0u32..4, any::<bool>()).prop_map(|(y, id, done)| SessionRecord {
        date: at(y, 0).date(),
        session_id: format!("s-{id}"),
        outcome: if done {
            Outcome::Done
        } else {
            Outcome::Skipped
        },
    })
}

fn in_range(date: NaiveDate) -> bool {
    use chrono::Datelike;
    (EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year())
}

fn all_distinct<T, K: std::hash::Hash + Eq>(items: &[T], key: impl Fn(&T) -> K) -> bool {
    let mut seen = HashSet::new();
    items.iter().all(|item| seen.insert(key(item)))
}

/// Whether the backup may be imported, decided without the store's code.
fn acceptable(r: &Records) -> bool {
    r.check_ins.iter().all(|c| in_range(c.taken_at.date()))
        && r.runs.iter().all(|x| in_range(x.started_at.date()))
        && r.sessions.iter().all(|s| in_range(s.date))
        && all_distinct(&r.check_ins, |c| (c.taken_at, c.score))
        && all_distinct(&r.runs, |x| x.id.clone())
        && no_session_repeats_its_latest(&r.sessions)
}

/// A session outcome may come again after another one (a change of mind),
/// but never right after itself for the same session.
fn no_session_repeats_its_latest(sessions: &[SessionRecord]) -> bool {
    let mut latest: std::collections::HashMap<(NaiveDate, String), Outcome> = Default::default();
    sessions
        .iter()
        .all(|s| latest.insert((s.date, s.session_id.clone()), s.outcome) != Some(s.outcome))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn a_backup_imports_exactly_or_not_at_all(
        check_ins in proptest::collection::vec(check_in(), 0..6),
        runs in proptest::collection::vec(run(), 0..4),
        sessions in proptest::collection::vec(session(), 0..4),
    ) {
        let backup = Records { check_ins, runs, sessions, ..Records::default() };
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path()).expect("opens");
        let result = store.import(&backup);
        prop_assert_eq!(result.is_ok(), acceptable(&backup), "{:?}", result);
        if let Err(err) = &result {
            prop_assert!(matches!(err, RecordStoreError::ImportInvalid(_)), "{}", err);
        }
        drop(store);
        let found = Store::open(dir.path())
            .expect("reopens")
            .records()
            .expect("records");
        let expected = if result.is_ok() { backup } else { Records::default() };
        prop_assert_eq!(found, expected);
    }
}
