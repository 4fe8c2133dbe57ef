//! Power-loss safety, tested on a simulated disk (issue 10, "The record",
//! items 11, 14 and 16): the store runs on a disk that loses every write
//! not yet synced when the power is cut, at every point of a workload and
//! at thousands of random points, and every acknowledged write must
//! survive, with torn tails set aside. Removing any one of the store's
//! syncs makes one of these tests fail.

mod store_support;

use std::collections::BTreeSet;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::store::{
    COMMIT_MARK, Outcome, Records, RunSummary, STAGED_SUFFIX, SessionOutcome, Settings, Store,
    StoreError, StoreWarning,
};
use serde_json::json;
use store_support::sim_disk::{Lcg, SimDisk};

const DIR: &str = "/data";

fn base() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("valid date")
}

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

fn check_in_id(c: &CheckIn) -> u64 {
    (c.taken_at - base()).num_minutes() as u64
}

fn run(id: u64) -> RunSummary {
    RunSummary {
        id: format!("run-{id}"),
        started_at: base() + chrono::Duration::minutes(id as i64),
        duration_s: 1200,
        distance_m: 3000,
        average_cadence_spm: Some(170.0),
        target_cadence_spm: None,
        marks: Default::default(),
        cadence_trace: Vec::new(),
    }
}

fn session(id: u64) -> SessionOutcome {
    SessionOutcome {
        date: base().date() + chrono::Duration::days(id as i64),
        session_id: format!("s-{id}"),
        outcome: Outcome::Done,
    }
}

fn open(disk: &SimDisk) -> Result<Store, StoreError> {
    Store::open_on(Arc::new(disk.clone()), DIR)
}

/// What the store acknowledged, and what was in flight when it stopped.
#[derive(Default, Clone)]
struct Acked {
    check_ins: BTreeSet<u64>,
    runs: BTreeSet<u64>,
    sessions: BTreeSet<u64>,
    /// Profiles the store may hold: the last acknowledged, and the one in
    /// flight when the power went (its write may have completed).
    profile_last: Option<u64>,
    profile_in_flight: Option<u64>,
    attempted_up_to: u64,
}

/// Writes records `start..start + count` until the first failure.
fn write(store: &Store, start: u64, count: u64, acked: &mut Acked) {
    for id in start..start + count {
        acked.attempted_up_to = id;
        if store.add_check_in(&check_in(id)).is_err() {
            return;
        }
        acked.check_ins.insert(id);
        if id % 3 == 0 {
            if store.add_run(&run(id)).is_err() {
                return;
            }
            acked.runs.insert(id);
        }
        if id % 4 == 0 {
            if store.add_session_outcome(&session(id)).is_err() {
                return;
            }
            acked.sessions.insert(id);
        }
        if id % 2 == 0 {
            acked.profile_in_flight = Some(id);
            if store.set_profile(&json!({ "n": id })).is_err() {
                return;
            }
            acked.profile_last = Some(id);
            acked.profile_in_flight = None;
        }
    }
}

/// Opens the store after a power cut and checks every acknowledged write;
/// returns how many torn tails were set aside.
fn verify(disk: &SimDisk, acked: &Acked, case: &str) -> usize {
    let store = open(disk).unwrap_or_else(|e| panic!("{case}: does not open: {e}"));
    let mut cut_short = 0;
    for w in store.warnings() {
        match w {
            StoreWarning::CutShort { .. } => cut_short += 1,
            other => panic!("{case}: only an unacknowledged last write may be set aside: {other}"),
        }
    }
    assert!(store.is_writable(), "{case}: opened read-only");
    let records = store.records().expect("records");
    let ids: Vec<u64> = records.check_ins.iter().map(check_in_id).collect();
    let present: BTreeSet<u64> = ids.iter().copied().collect();
    assert_eq!(
        present.len(),
        ids.len(),
        "{case}: a check-in is there twice"
    );
    let lost: Vec<_> = acked.check_ins.difference(&present).collect();
    assert!(
        lost.is_empty(),
        "{case}: acknowledged check-ins lost: {lost:?}"
    );
    assert!(
        present.iter().all(|id| *id <= acked.attempted_up_to),
        "{case}: a check-in that was never written"
    );
    let runs: BTreeSet<u64> = records
        .runs
        .iter()
        .map(|r| r.id.trim_start_matches("run-").parse().expect("id"))
        .collect();
    assert!(
        acked.runs.is_subset(&runs),
        "{case}: acknowledged runs lost"
    );
    let sessions: BTreeSet<u64> = records
        .sessions
        .iter()
        .map(|s| s.session_id.trim_start_matches("s-").parse().expect("id"))
        .collect();
    assert!(
        acked.sessions.is_subset(&sessions),
        "{case}: acknowledged sessions lost"
    );
    let profile = records.profile.as_ref().and_then(|v| v["n"].as_u64());
    let allowed = [acked.profile_last, acked.profile_in_flight];
    assert!(
        profile == acked.profile_last || (profile.is_some() && allowed.contains(&profile)),
        "{case}: profile {profile:?}, acknowledged {:?}",
        acked.profile_last
    );
    cut_short
}

/// The store keeps what survived as the new truth: later checks build on it.
fn settle(disk: &SimDisk, acked: &mut Acked) {
    let store = open(disk).expect("opens");
    let records = store.records().expect("records");
    acked.check_ins = records.check_ins.iter().map(check_in_id).collect();
    acked.profile_last = records.profile.as_ref().and_then(|v| v["n"].as_u64());
    acked.profile_in_flight = None;
}

// Issue 10, item 16: a power cut before every single operation of a
// workload (open, appends, document replacements), each with several
// patterns of what the disk wrote back on its own.
#[test]
fn every_acknowledged_write_survives_a_power_cut_at_every_point() {
    const WRITES: u64 = 24;
    const PATTERNS: u64 = 4;
    let total = {
        let disk = SimDisk::new();
        let store = open(&disk).expect("opens");
        write(&store, 0, WRITES, &mut Acked::default());
        disk.ops()
    };
    let (mut trials, mut cut_short) = (0u64, 0usize);
    for point in 1..=total {
        for pattern in 0..PATTERNS {
            let disk = SimDisk::new();
            disk.crash_at(point);
            let mut acked = Acked::default();
            if let Ok(store) = open(&disk) {
                write(&store, 0, WRITES, &mut acked);
            }
            disk.power_cut(&mut Lcg(point * 131 + pattern));
            cut_short += verify(&disk, &acked, &format!("cut before op {point}/{total}"));
            trials += 1;
        }
    }
    eprintln!("power cuts: {trials} at {total} points, {cut_short} torn tails set aside");
    assert!(
        total > 150,
        "the workload is too small to mean much ({total} ops)"
    );
    assert!(cut_short > 0, "no torn tail was ever set aside");
}

// Issue 10, item 16: thousands of cuts at random points, one after another
// on the same disk, so that a cut can land in the repair of the last one.
#[test]
fn acknowledged_writes_survive_thousands_of_random_power_cuts_in_a_row() {
    const ROUNDS: u64 = 2_000;
    let mut rng = Lcg(0x9E37);
    let (mut cut_short, mut cut_during_open) = (0usize, 0usize);
    let mut disk = SimDisk::new();
    let mut acked = Acked::default();
    for round in 0..ROUNDS {
        // A fresh disk now and then keeps each open quick.
        if round % 200 == 0 {
            disk = SimDisk::new();
            acked = Acked::default();
        }
        disk.crash_at(1 + rng.below(120));
        match open(&disk) {
            Ok(store) => write(&store, round * 1_000, 20, &mut acked),
            Err(_) => cut_during_open += 1,
        }
        let mut pattern = Lcg(rng.next());
        disk.power_cut(&mut pattern);
        cut_short += verify(&disk, &acked, &format!("round {round}"));
        settle(&disk, &mut acked);
    }
    eprintln!(
        "random power cuts: {ROUNDS}, {cut_during_open} during open, {cut_short} torn tails set aside"
    );
    assert!(cut_during_open > 0, "no cut ever landed in an open");
    assert!(cut_short > 0, "no torn tail was ever set aside");
}

fn backup() -> Records {
    Records {
        check_ins: (0..40).map(check_in).collect(),
        runs: (0..5).map(run).collect(),
        sessions: (0..5).map(session).collect(),
        profile: Some(json!({ "n": 7 })),
        settings: Settings {
            metronome: false,
            ..Settings::default()
        },
        paired_sensor: None,
    }
}

fn no_leftovers(disk: &SimDisk, case: &str) {
    let left: Vec<PathBuf> = disk
        .paths()
        .into_iter()
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".tmp") || name.ends_with(STAGED_SUFFIX) || name.ends_with(COMMIT_MARK)
        })
        .collect();
    assert!(left.is_empty(), "{case}: left behind {left:?}");
}

// Issue 10, item 11: killed part-way, an import is either all there after
// the next open, or not there at all, and then it can be imported again.
#[test]
fn an_import_cut_off_at_any_point_is_all_or_nothing() {
    let records = backup();
    let (before, total) = {
        let disk = SimDisk::new();
        let store = open(&disk).expect("opens");
        let before = disk.ops();
        store.import(&records).expect("imports");
        (before, disk.ops())
    };
    let (mut whole, mut none) = (0, 0);
    for point in before + 1..=total {
        for pattern in 0..3 {
            let case = format!("import cut before op {point}");
            let disk = SimDisk::new();
            let store = open(&disk).expect("opens");
            disk.crash_at(point - before);
            let imported = store.import(&records);
            drop(store);
            disk.power_cut(&mut Lcg(point * 7 + pattern));
            let store = open(&disk).unwrap_or_else(|e| panic!("{case}: {e}"));
            let found = store.records().expect("records");
            if found == records {
                whole += 1;
            } else {
                assert!(imported.is_err(), "{case}: acknowledged import lost");
                assert_eq!(found, Records::default(), "{case}: a part of an import");
                store
                    .import(&records)
                    .unwrap_or_else(|e| panic!("{case}: again: {e}"));
                none += 1;
            }
            no_leftovers(&disk, &case);
        }
    }
    assert!(whole > 0 && none > 0, "whole {whole}, none {none}");
}

// Issue 10, item 11: an import that fails in-process never lets a later
// write be acknowledged into a file the import replaced.
#[test]
fn after_a_failed_import_no_write_is_acknowledged_into_a_replaced_file() {
    let records = backup();
    let extra = check_in(9_999);
    let span = {
        let disk = SimDisk::new();
        let store = open(&disk).expect("opens");
        let before = disk.ops();
        store.import(&records).expect("imports");
        disk.ops() - before
    };
    let mut failed = 0;
    for point in 1..=span {
        let case = format!("import failing at op {point}");
        let disk = SimDisk::new();
        let store = open(&disk).expect("opens");
        disk.fail_at(point);
        let imported = store.import(&records);
        let later = store.add_check_in(&extra);
        if imported.is_err() {
            failed += 1;
            if later.is_ok() {
                no_leftovers(&disk, &case);
            }
        }
        drop(store);
        disk.power_cut(&mut Lcg(point));
        let store = open(&disk).unwrap_or_else(|e| panic!("{case}: {e}"));
        let mut found = store.records().expect("records");
        let had_extra = found.check_ins.last() == Some(&extra);
        if later.is_ok() {
            assert!(had_extra, "{case}: an acknowledged check-in was lost");
        }
        if had_extra {
            found.check_ins.pop();
        }
        assert!(
            found == records || found == Records::default(),
            "{case}: a part of an import"
        );
        if imported.is_ok() {
            assert_eq!(found, records, "{case}: acknowledged import lost");
        }
    }
    assert!(failed > 0);
}

// Issue 10, item 11: an import that fails, and whose clean-up is then cut
// off by a power cut a few steps later, is still all or nothing.
#[test]
fn an_import_failing_then_cut_off_during_its_clean_up_is_all_or_nothing() {
    let records = backup();
    let span = {
        let disk = SimDisk::new();
        let store = open(&disk).expect("opens");
        let before = disk.ops();
        store.import(&records).expect("imports");
        disk.ops() - before
    };
    for point in 1..=span {
        for (later, pattern) in (1..=8).flat_map(|l| (0..4).map(move |p| (l, p))) {
            let case = format!("import failing at op {point}, cut {later} ops later ({pattern})");
            let disk = SimDisk::new();
            let store = open(&disk).expect("opens");
            disk.fail_at(point);
            disk.crash_at(point + later);
            let imported = store.import(&records);
            drop(store);
            disk.power_cut(&mut Lcg(point * 1_000 + later * 10 + pattern));
            let store = open(&disk).unwrap_or_else(|e| panic!("{case}: {e}"));
            let found = store.records().expect("records");
            assert!(
                found == records || found == Records::default(),
                "{case}: a part of an import"
            );
            if imported.is_ok() {
                assert_eq!(found, records, "{case}: acknowledged import lost");
            }
        }
    }
}

// Issue 10, item 14: an import that fills the disk leaves nothing behind
// (a failed import left a 1 MB temp file), the store keeps taking writes
// into its untouched files, and the import succeeds once there is room.
#[test]
fn an_import_on_a_full_disk_leaves_nothing_behind() {
    let disk = SimDisk::new();
    let store = open(&disk).expect("opens");
    disk.refuse_writes(Some(ErrorKind::StorageFull));
    let err = store.import(&backup()).expect_err("disk full");
    assert!(matches!(err, StoreError::Io { .. }), "{err}");
    no_leftovers(&disk, "full disk");
    disk.refuse_writes(None);
    store.add_check_in(&check_in(500)).expect("writes go on");
    store.import(&backup()).expect_err("no longer empty");
    drop(store);
    let store = open(&disk).expect("reopens");
    assert_eq!(
        store.records().expect("records").check_ins,
        vec![check_in(500)]
    );
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
}

fn torn_store(disk: &SimDisk) {
    let store = open(disk).expect("opens");
    write(&store, 0, 5, &mut Acked::default());
    drop(store);
    let path = Path::new(DIR).join("check_ins.jsonl");
    let mut bytes = disk.contents(&path).expect("log");
    bytes.extend_from_slice(b"0badc0de {\"taken_at\":\"2024-");
    disk.put(&path, &bytes);
}

fn quarantine_copies(disk: &SimDisk) -> usize {
    disk.paths()
        .iter()
        .filter(|p| p.starts_with(Path::new(DIR).join("quarantine")) && p.extension().is_some())
        .count()
}

// Issue 10, item 14: a store with a torn tail on a full disk opens
// read-only with a warning, adds no copy per attempt, leaves no temp file,
// and repairs itself once there is room.
#[test]
fn a_store_that_cannot_be_repaired_opens_read_only_and_repair_is_idempotent() {
    for refusal in [
        ErrorKind::StorageFull,
        ErrorKind::ReadOnlyFilesystem,
        ErrorKind::PermissionDenied,
    ] {
        let disk = SimDisk::new();
        torn_store(&disk);
        disk.refuse_writes(Some(refusal));
        for attempt in 0..3 {
            let store = open(&disk).unwrap_or_else(|e| panic!("{refusal:?} {attempt}: {e}"));
            assert!(!store.is_writable());
            assert!(
                store
                    .warnings()
                    .iter()
                    .any(|w| matches!(w, StoreWarning::ReadOnly { .. })),
                "{:?}",
                store.warnings()
            );
            assert_eq!(store.records().expect("records").check_ins.len(), 5);
            let refused = store.add_check_in(&check_in(100)).expect_err("read-only");
            assert!(matches!(refused, StoreError::ReadOnly { .. }), "{refused}");
            assert!(refused.to_string().contains("read-only"), "{refused}");
            assert!(quarantine_copies(&disk) <= 1);
            no_leftovers(&disk, &format!("{refusal:?}"));
        }
        // Succeeding part-way (the copy kept, the rewrite refused) and then
        // in full still keeps one copy.
        disk.refuse_writes(None);
        let store = open(&disk).expect("repairs");
        assert!(store.is_writable());
        assert!(
            store
                .warnings()
                .iter()
                .any(|w| matches!(w, StoreWarning::CutShort { .. }))
        );
        assert_eq!(quarantine_copies(&disk), 1);
        store.add_check_in(&check_in(100)).expect("writes again");
    }
}

// Issue 10, item 14: a sound store whose log cannot be opened for writing
// (a 0400 file) still opens, read-only, with everything in it.
#[test]
fn a_sound_store_that_cannot_be_written_opens_read_only() {
    let disk = SimDisk::new();
    let store = open(&disk).expect("opens");
    write(&store, 0, 6, &mut Acked::default());
    drop(store);
    disk.refuse_writes(Some(ErrorKind::PermissionDenied));
    let store = open(&disk).expect("opens read-only");
    assert!(!store.is_writable());
    let [StoreWarning::ReadOnly { reason }] = store.warnings() else {
        panic!("one read-only warning expected: {:?}", store.warnings());
    };
    assert!(reason.contains("log"), "{reason}");
    assert_eq!(store.records().expect("records").check_ins.len(), 6);
    assert!(matches!(
        store.set_profile(&json!({})),
        Err(StoreError::ReadOnly { .. })
    ));
}

// Issue 10, item 14: the copy set aside survives when the rewrite after it
// fails, and the next open reuses it rather than adding another.
#[test]
fn a_repair_interrupted_after_its_quarantine_copy_is_finished_with_that_copy() {
    let disk = SimDisk::new();
    torn_store(&disk);
    let total = {
        let probe = SimDisk::new();
        torn_store(&probe);
        let before = probe.ops();
        drop(open(&probe).expect("opens"));
        probe.ops() - before
    };
    for point in 1..=total {
        let disk_case = SimDisk::new();
        torn_store(&disk_case);
        disk_case.fail_at(point);
        let _ = open(&disk_case);
        let store = open(&disk_case).expect("opens");
        assert!(store.is_writable());
        assert!(quarantine_copies(&disk_case) <= 1, "fail at {point}");
        assert_eq!(store.records().expect("records").check_ins.len(), 5);
    }
    drop(disk);
}
