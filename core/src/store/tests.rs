//! Tests that need the store's insides: migrations a released build does
//! not have yet (`Store::open_with`), and a database that fills up (the
//! connection's page limit).

use chrono::NaiveDate;
use rusqlite::Connection;

use super::RecordStoreError;
use super::folder::DB_FILE;
use super::open_store::Store;
use super::schema::MIGRATIONS;
use crate::pain::{CheckIn, CheckInMoment};

fn check_in(day: u32) -> CheckIn {
    CheckIn {
        taken_at: NaiveDate::from_ymd_opt(2026, 3, day)
            .and_then(|d| d.and_hms_opt(7, 0, 0))
            .expect("valid date"),
        score: 3,
        moment: CheckInMoment::NextMorning,
        quality: None,
        location: None,
        red_flags: Vec::new(),
    }
}

fn version(dir: &std::path::Path) -> i64 {
    Connection::open(dir.join(DB_FILE))
        .and_then(|c| c.pragma_query_value(None, "user_version", |r| r.get(0)))
        .expect("reads the version")
}

#[test]
fn a_new_step_is_applied_once_and_the_version_moves_with_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    Store::open(tmp.path())
        .expect("opens")
        .add_check_in(&check_in(1))
        .expect("saved");
    assert_eq!(version(tmp.path()), MIGRATIONS.len() as i64);

    // A hypothetical next layout: an index, and a column filled from JSON.
    let mut steps = MIGRATIONS.to_vec();
    steps.push(
        "CREATE INDEX check_ins_by_day ON check_ins (substr(taken_at, 1, 10)); \
         ALTER TABLE check_ins ADD COLUMN moment TEXT; \
         UPDATE check_ins SET moment = json_extract(json, '$.moment');",
    );
    let store = Store::open_with(tmp.path(), &steps).expect("migrates");
    assert_eq!(store.records().expect("records").check_ins.len(), 1);
    drop(store);
    assert_eq!(version(tmp.path()), steps.len() as i64);
    let moment: String = Connection::open(tmp.path().join(DB_FILE))
        .and_then(|c| c.query_row("SELECT moment FROM check_ins", [], |r| r.get(0)))
        .expect("the new column");
    assert_eq!(moment, "next_morning");

    // Opened again with the same steps, nothing is applied twice.
    Store::open_with(tmp.path(), &steps).expect("reopens");
    // This build, which lacks the step, refuses the newer database.
    let err = Store::open(tmp.path()).expect_err("from the future");
    assert!(
        matches!(err, RecordStoreError::SchemaFromFuture { .. }),
        "{err}"
    );
}

#[test]
fn a_step_that_fails_leaves_the_database_as_it_was() {
    let tmp = tempfile::tempdir().expect("tempdir");
    Store::open(tmp.path())
        .expect("opens")
        .add_check_in(&check_in(1))
        .expect("saved");
    let mut steps = MIGRATIONS.to_vec();
    steps.push("CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);");
    let err = Store::open_with(tmp.path(), &steps).expect_err("the step fails");
    assert!(err.to_string().contains("migrating"), "{err}");
    assert_eq!(version(tmp.path()), MIGRATIONS.len() as i64);
    let tables: i64 = Connection::open(tmp.path().join(DB_FILE))
        .and_then(|c| {
            c.query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'",
                [],
                |r| r.get(0),
            )
        })
        .expect("counts");
    assert_eq!(tables, 0, "no part of the failed step stays");
    let store = Store::open(tmp.path()).expect("this build still opens it");
    assert_eq!(store.records().expect("records").check_ins.len(), 1);
}

// SQLITE_FULL, as a full disk gives it: the page limit stands in for the
// disk's end. The write is refused by name, memory and disk keep what they
// had, and the store takes writes again once there is room.
#[test]
fn a_full_disk_refuses_the_write_and_changes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::open(tmp.path()).expect("opens");
    store.add_check_in(&check_in(1)).expect("saved");
    let pages: i64 = store
        .with_connection(|c| c.query_row("PRAGMA page_count", [], |r| r.get(0)))
        .expect("writable")
        .expect("page count");
    store
        .with_connection(|c| c.pragma_update(None, "max_page_count", pages))
        .expect("writable")
        .expect("limit set");
    let nth = |n: u32| CheckIn {
        taken_at: check_in(2).taken_at + chrono::Duration::minutes(i64::from(n)),
        ..check_in(2)
    };
    let mut err = None;
    for n in 1..=1_000 {
        if let Err(e) = store.add_check_in(&nth(n)) {
            err = Some((n, e));
            break;
        }
    }
    let (n, err) = err.expect("the page limit is reached");
    assert!(matches!(err, RecordStoreError::DiskFull { .. }), "{err}");
    assert!(err.to_string().contains("disk is full"), "{err}");
    let kept = store.records().expect("records").check_ins;
    assert_eq!(kept.len() as u32, n, "memory keeps what was committed");
    store
        .with_connection(|c| c.pragma_update(None, "max_page_count", 1_000_000))
        .expect("writable")
        .expect("limit lifted");
    store.add_check_in(&nth(n)).expect("room again");
    drop(store);
    let reopened = Store::open(tmp.path()).expect("reopens");
    assert_eq!(
        reopened.records().expect("records").check_ins.len() as u32,
        n + 1
    );
}
