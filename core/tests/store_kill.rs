//! The kill test: a child process writes continuously and is killed
//! (SIGKILL) at random points. Every time, the store must open, and every
//! write the child acknowledged (printed after the call returned) must be
//! there.
//!
//! The child is this same test binary, re-run with `--exact
//! child_writer --ignored` and the data folder in an environment variable.
//!
//! A killed process still has its writes in the kernel's cache, so this test
//! cannot see a missing sync: that durability is SQLite's (`synchronous =
//! FULL`, a commit synced before it returns), tested by SQLite's own suite.
//! What this shows is that a kill at any point of the store's work, the
//! open and its migration included, leaves a database that opens whole.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::store::{RunRecord, Store};
use serde_json::json;

const DIR_VAR: &str = "PATELLA_KILL_TEST_DIR";
const START_VAR: &str = "PATELLA_KILL_TEST_START";

fn base() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2020, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("valid date")
}

/// Check-in number `id`, recognisable from its timestamp.
fn check_in(id: u64) -> CheckIn {
    CheckIn {
        taken_at: base() + chrono::Duration::minutes(id as i64),
        score: (id % 11) as u8,
        moment: CheckInMoment::AfterRun,
        quality: None,
        location: None,
        red_flags: Vec::new(),
    }
}

fn id_of(c: &CheckIn) -> u64 {
    (c.taken_at - base()).num_minutes() as u64
}

fn run(id: u64) -> RunRecord {
    RunRecord {
        id: format!("run-{id}"),
        started_at: base() + chrono::Duration::minutes(id as i64),
        duration_s: 1200,
        distance_m: 3000,
        average_cadence_spm: Some(170.0),
        target_cadence_spm: Some(175.0),
        marks: Default::default(),
        cadence_trace: Vec::new(),
    }
}

/// Not a test on its own: the child half of the kill test. Without the
/// environment variable (a plain `--include-ignored` run) it does nothing.
#[test]
#[ignore = "run by the kill test as its child process"]
fn child_writer() {
    let (Ok(dir), Ok(start)) = (std::env::var(DIR_VAR), std::env::var(START_VAR)) else {
        return;
    };
    let start: u64 = start.parse().expect("start number");
    let store = Store::open(&dir).expect("child opens the store");
    // libtest has already printed "test child_writer ... " without a newline.
    println!("\nopened");
    for id in start.. {
        store.add_check_in(&check_in(id)).expect("check-in written");
        println!("c {id}");
        if id % 3 == 0 {
            store.add_run(&run(id)).expect("run written");
            println!("r {id}");
        }
        if id % 2 == 0 {
            store
                .set_profile(&json!({ "n": id }))
                .expect("profile written");
            println!("p {id}");
        }
    }
}

/// Deterministic pseudo-random delays, so a failing trial can be replayed.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

struct Acks {
    opened: bool,
    check_ins: Vec<u64>,
    runs: Vec<u64>,
    profiles: Vec<u64>,
}

fn run_child(dir: &Path, start: u64, kill_after: Duration) -> Acks {
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new(exe)
        .args([
            "--exact",
            "child_writer",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DIR_VAR, dir)
        .env(START_VAR, start.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child starts");
    let stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<String>>()
    });
    std::thread::sleep(kill_after);
    // The child may already have failed; its acknowledgements still count.
    let _ = child.kill();
    let status = child.wait().expect("child reaped");
    let lines = reader.join().expect("reader");
    assert!(
        !status.success() || lines.iter().any(|l| l == "opened"),
        "child exited early: {lines:?}"
    );
    let mut acks = Acks {
        opened: false,
        check_ins: vec![],
        runs: vec![],
        profiles: vec![],
    };
    for line in lines {
        let mut parts = line.split(' ');
        match (
            parts.next(),
            parts.next().and_then(|n| n.parse::<u64>().ok()),
        ) {
            (Some("opened"), None) => acks.opened = true,
            (Some("c"), Some(id)) => acks.check_ins.push(id),
            (Some("r"), Some(id)) => acks.runs.push(id),
            (Some("p"), Some(id)) => acks.profiles.push(id),
            _ => {}
        }
    }
    acks
}

#[test]
fn acknowledged_writes_survive_being_killed_at_random_points() {
    let trials: u64 = std::env::var("PATELLA_KILL_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let mut rng = Lcg(0x5EED);
    let (mut total_acks, mut opened_children) = (0usize, 0usize);
    let mut tmp = tempfile::tempdir().expect("tempdir");
    let mut acked_check_ins = BTreeSet::new();
    let mut acked_runs = BTreeSet::new();
    let mut last_profile: Option<u64> = None;

    for trial in 0..trials {
        // A fresh folder now and then keeps each open quick in a debug build.
        if trial % 60 == 0 {
            tmp = tempfile::tempdir().expect("tempdir");
            acked_check_ins.clear();
            acked_runs.clear();
            last_profile = None;
        }
        let start = trial * 1_000_000;
        let kill_after = Duration::from_micros(rng.next() % 60_000);
        let acks = run_child(tmp.path(), start, kill_after);
        opened_children += usize::from(acks.opened);
        total_acks += acks.check_ins.len() + acks.runs.len() + acks.profiles.len();
        acked_check_ins.extend(acks.check_ins.iter().copied());
        acked_runs.extend(acks.runs.iter().copied());

        let store = Store::open(tmp.path())
            .unwrap_or_else(|e| panic!("trial {trial} (killed after {kill_after:?}): {e}"));
        assert!(
            store.warnings().is_empty(),
            "trial {trial}: {:?}",
            store.warnings()
        );
        let records = store.records().expect("records");
        let present: BTreeSet<u64> = records.check_ins.iter().map(id_of).collect();
        let missing: Vec<_> = acked_check_ins.difference(&present).collect();
        assert!(
            missing.is_empty(),
            "trial {trial}: acknowledged check-ins lost: {missing:?}"
        );
        assert_eq!(
            present.len(),
            records.check_ins.len(),
            "trial {trial}: a check-in was duplicated"
        );
        let runs: BTreeSet<u64> = records
            .runs
            .iter()
            .map(|r| r.id.trim_start_matches("run-").parse().expect("id"))
            .collect();
        assert!(
            acked_runs.is_subset(&runs),
            "trial {trial}: acknowledged runs lost"
        );

        // The profile is the last acknowledged one, or the one after it whose
        // write completed but whose acknowledgement the kill cut off.
        if let Some(&p) = acks.profiles.last() {
            last_profile = Some(p);
        }
        let stored = records.profile.as_ref().and_then(|v| v["n"].as_u64());
        if let Some(last) = last_profile {
            let stored = stored.unwrap_or_else(|| panic!("trial {trial}: profile {last} lost"));
            assert!(
                stored >= last,
                "trial {trial}: profile went back from {last} to {stored}"
            );
            assert!(
                stored <= last.max(start) + 2,
                "trial {trial}: profile {stored} was never written"
            );
        }
        last_profile = stored.or(last_profile);
    }
    eprintln!(
        "kill test: {trials} trials, {opened_children} children got the store open, \
         {total_acks} acknowledged writes"
    );
    // The kills must actually land mid-work, or the test proves nothing.
    assert!(
        opened_children * 2 > trials as usize,
        "children rarely got going"
    );
    assert!(
        total_acks > trials as usize,
        "too few writes were acknowledged"
    );
}

#[test]
fn another_process_holding_the_store_keeps_this_one_out_until_it_dies() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new(exe)
        .args([
            "--exact",
            "child_writer",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DIR_VAR, tmp.path())
        .env(START_VAR, "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child starts");
    let stdout = child.stdout.take().expect("piped");
    let mut lines = BufReader::new(stdout).lines();
    // Wait until the child has the store open and has written something.
    let got_going = lines
        .by_ref()
        .map_while(Result::ok)
        .any(|l| l.starts_with("c "));
    assert!(got_going, "the child never wrote");
    let err = Store::open(tmp.path()).expect_err("held by the child");
    assert!(err.to_string().contains("another process"), "{err}");
    child.kill().expect("kill");
    child.wait().expect("reaped");
    // The lock died with its holder.
    let store = Store::open(tmp.path()).expect("opens once the child is gone");
    assert!(!store.records().expect("records").check_ins.is_empty());
}
