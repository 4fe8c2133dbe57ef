//! Run ids: two runs started in the same second (or millisecond) never
//! share one, so the second is not refused and lost (issue 19).
#![allow(clippy::unwrap_used, clippy::panic)]

use chrono::NaiveDate;
use patella_core::run::new_run_id;

fn at(ms: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 5, 7)
        .unwrap()
        .and_hms_milli_opt(7, 0, 0, ms)
        .unwrap()
}

#[test]
fn two_runs_started_in_the_same_second_get_distinct_ids() {
    let first = new_run_id("run", at(120), []);
    let second = new_run_id("run", at(870), [first.as_str()]);
    assert_ne!(first, second);
    assert_eq!(first, "run-20260507-070000-120");
}

#[test]
fn a_run_in_the_same_millisecond_as_one_in_the_record_gets_a_free_id() {
    let first = new_run_id("run", at(5), []);
    let second = new_run_id("run", at(5), [first.as_str()]);
    let third = new_run_id("run", at(5), [first.as_str(), second.as_str()]);
    assert_ne!(first, second);
    assert_ne!(second, third);
    assert_ne!(first, third);
    assert!(second.starts_with(&first), "{second}");
}

#[test]
fn ids_made_the_old_way_are_never_handed_out_again() {
    // Before: run-YYYYMMDD-HHMMSS, second resolution.
    let old = "run-20260507-070000";
    let id = new_run_id("demo", at(0), [old]);
    assert_ne!(id, old);
    assert!(id.starts_with("demo-20260507-070000"));
}
