//! Damage on disk: truncation, random bytes, a wrong schema version and one
//! from the future. The store opens with everything else intact and says
//! what it set aside, or refuses and touches nothing; it never comes back
//! silently empty and never panics.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::store::{
    DistanceUnit, QUARANTINE_DIR, RunSummary, SCHEMA_VERSION, Store, StoreError, StoreWarning,
};
use serde_json::json;

const CHECK_INS: &str = "check_ins.jsonl";

fn check_in(i: u32) -> CheckIn {
    CheckIn {
        taken_at: NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(i))))
            .and_then(|d| d.and_hms_opt(7, 0, 0))
            .expect("valid date"),
        score: (i % 11) as u8,
        moment: CheckInMoment::NextMorning,
        quality: None,
        location: None,
        red_flags: Vec::new(),
    }
}

fn run(i: u32) -> RunSummary {
    RunSummary {
        id: format!("run-{i}"),
        started_at: check_in(i).taken_at,
        duration_s: 1500,
        distance_m: 4000 + i,
        average_cadence_spm: Some(170.0),
        target_cadence_spm: None,
        marks: Default::default(),
        cadence_trace: Vec::new(),
    }
}

/// A store with 30 check-ins, 5 runs, a profile and settings.
fn seeded(dir: &Path) {
    let store = Store::open(dir).expect("opens");
    for i in 0..30 {
        store.add_check_in(&check_in(i)).expect("write");
    }
    for i in 0..5 {
        store.add_run(&run(i)).expect("write");
    }
    store
        .set_profile(&json!({"plan": "week 3"}))
        .expect("write");
    store
        .update_settings(|s| s.distance_unit = DistanceUnit::Miles)
        .expect("write");
}

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file() && !p.ends_with(".lock"))
        .map(|p| {
            (
                p.file_name().expect("name").to_string_lossy().into_owned(),
                fs::read(&p).expect("read"),
            )
        })
        .collect()
}

/// Deterministic pseudo-random numbers, so a failure can be replayed.
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

#[test]
fn a_truncated_log_keeps_every_whole_record_and_sets_the_tail_aside() {
    let seed = tempfile::tempdir().expect("tempdir");
    seeded(seed.path());
    let full = fs::read(seed.path().join(CHECK_INS)).expect("read");
    let line_ends: Vec<usize> = full
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i + 1)
        .collect();

    for cut in (0..full.len())
        .step_by(23)
        .chain([line_ends[5], full.len() - 1])
    {
        let tmp = tempfile::tempdir().expect("tempdir");
        for (name, bytes) in snapshot(seed.path()) {
            fs::write(tmp.path().join(name), bytes).expect("copy");
        }
        fs::write(tmp.path().join(CHECK_INS), &full[..cut]).expect("truncate");

        let store = Store::open(tmp.path()).unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
        let records = store.records().expect("records");
        // Whole lines before the cut survive; line 1 is the header.
        let whole = line_ends
            .iter()
            .filter(|end| **end <= cut)
            .count()
            .saturating_sub(1);
        assert_eq!(
            records.check_ins,
            (0..whole as u32).map(check_in).collect::<Vec<_>>(),
            "cut at {cut}"
        );
        assert_eq!(records.runs.len(), 5, "other files intact");
        assert_eq!(records.settings.distance_unit, DistanceUnit::Miles);

        let warnings = store.warnings();
        if cut == 0 {
            assert_eq!(
                warnings,
                &[StoreWarning::LostFile {
                    file: CHECK_INS.into()
                }]
            );
        } else if line_ends.contains(&cut) {
            assert!(
                warnings.is_empty(),
                "cut at a line end loses nothing: {warnings:?}"
            );
        } else {
            let Some(StoreWarning::CutShort {
                file,
                bytes,
                quarantined_to,
            }) = warnings.first()
            else {
                panic!("cut at {cut}: expected a cut-short warning, got {warnings:?}");
            };
            assert_eq!(file, CHECK_INS);
            let tail_start = line_ends
                .iter()
                .rev()
                .find(|end| **end <= cut)
                .copied()
                .unwrap_or(0);
            assert_eq!(*bytes, cut - tail_start);
            assert_eq!(
                fs::read(quarantined_to).expect("kept"),
                &full[tail_start..cut]
            );
            assert!(warnings[0].to_string().contains("check_ins.jsonl"));
        }
        drop(store);
        // Repaired once: the next open is clean and identical, and appends work.
        let store = Store::open(tmp.path()).expect("reopens");
        assert!(
            store.warnings().is_empty(),
            "cut at {cut}: {:?}",
            store.warnings()
        );
        assert_eq!(store.records().expect("records"), records);
        store
            .add_check_in(&check_in(99))
            .expect("append after repair");
        drop(store);
        assert_eq!(
            Store::open(tmp.path())
                .expect("opens")
                .records()
                .expect("r")
                .check_ins
                .len(),
            whole + 1
        );
    }
}

#[test]
fn random_bytes_inside_the_log_lose_only_the_lines_they_hit() {
    for trial in 0..40u64 {
        let mut rng = Lcg(trial);
        let tmp = tempfile::tempdir().expect("tempdir");
        seeded(tmp.path());
        let path = tmp.path().join(CHECK_INS);
        let mut bytes = fs::read(&path).expect("read");
        let first_record = bytes.iter().position(|b| *b == b'\n').expect("header") + 1;
        let mut hit_lines = std::collections::BTreeSet::new();
        for _ in 0..1 + rng.next() % 3 {
            let at = first_record + (rng.next() as usize) % (bytes.len() - first_record - 1);
            let new = (rng.next() % 256) as u8;
            if new == bytes[at] || new == b'\n' || bytes[at] == b'\n' {
                continue;
            }
            bytes[at] = new;
            hit_lines.insert(bytes[..at].iter().filter(|b| **b == b'\n').count() + 1);
        }
        fs::write(&path, &bytes).expect("garble");

        let store = Store::open(tmp.path()).expect("opens despite damage");
        let kept = store.records().expect("records").check_ins;
        let expected: Vec<_> = (0..30u32)
            .filter(|i| !hit_lines.contains(&(*i as usize + 2)))
            .map(check_in)
            .collect();
        assert_eq!(kept, expected, "trial {trial}");
        if hit_lines.is_empty() {
            continue;
        }
        match store.warnings() {
            [
                StoreWarning::DamagedRecords {
                    file,
                    lines,
                    quarantined_to,
                    ..
                },
            ] => {
                assert_eq!(file, CHECK_INS);
                assert_eq!(
                    lines
                        .iter()
                        .copied()
                        .collect::<std::collections::BTreeSet<_>>(),
                    hit_lines
                );
                assert!(quarantined_to.starts_with(tmp.path().join(QUARANTINE_DIR)));
                assert!(quarantined_to.exists());
            }
            other => panic!("trial {trial}: {other:?}"),
        }
    }
}

#[test]
fn a_file_of_pure_noise_is_quarantined_and_never_silently_empty() {
    let tmp = tempfile::tempdir().expect("tempdir");
    seeded(tmp.path());
    let mut rng = Lcg(7);
    let noise: Vec<u8> = (0..4096).map(|_| (rng.next() % 256) as u8).collect();
    fs::write(tmp.path().join(CHECK_INS), &noise).expect("garble");
    fs::write(tmp.path().join("settings.jsonl"), b"{ not json").expect("garble");

    let store = Store::open(tmp.path()).expect("opens");
    let records = store.records().expect("records");
    assert!(records.check_ins.is_empty());
    assert_eq!(records.runs.len(), 5, "other files intact");
    assert_eq!(records.profile, Some(json!({"plan": "week 3"})));
    assert_eq!(
        records.settings.distance_unit,
        DistanceUnit::Kilometres,
        "back to the default"
    );
    let files: Vec<&str> = store
        .warnings()
        .iter()
        .map(|w| match w {
            StoreWarning::CutShort { file, .. }
            | StoreWarning::DamagedRecords { file, .. }
            | StoreWarning::LostFile { file } => file.as_str(),
            other => panic!("nothing else is wrong with this store: {other}"),
        })
        .collect();
    assert!(
        files.contains(&CHECK_INS) && files.contains(&"settings.jsonl"),
        "{files:?}"
    );
    // Every noise byte is kept somewhere in quarantine.
    let kept: usize = fs::read_dir(tmp.path().join(QUARANTINE_DIR))
        .expect("quarantine")
        .map(|e| fs::read(e.expect("entry").path()).expect("read").len())
        .sum();
    assert!(kept >= noise.len(), "kept {kept} of {}", noise.len());
}

fn rewrite_header(dir: &Path, file: &str, role: &str, version: serde_json::Value) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).expect("read");
    let header = json!({"patella": role, "schema_version": version}).to_string();
    let line = format!("{:08x} {header}", crc32(header.as_bytes()));
    let rest: Vec<&str> = text.lines().skip(1).collect();
    let mut out = vec![line.as_str()];
    out.extend(rest);
    fs::write(&path, out.join("\n") + "\n").expect("write");
}

/// Independent CRC-32 so these tests can forge well-formed headers.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn a_schema_version_from_the_future_is_refused_and_nothing_is_touched() {
    for (file, role) in [
        ("store.jsonl", "store"),
        (CHECK_INS, "check_ins"),
        ("settings.jsonl", "settings"),
    ] {
        let tmp = tempfile::tempdir().expect("tempdir");
        seeded(tmp.path());
        rewrite_header(tmp.path(), file, role, json!(SCHEMA_VERSION + 1));
        let before = snapshot(tmp.path());
        let err = Store::open(tmp.path()).expect_err("from the future");
        match &err {
            StoreError::SchemaFromFuture {
                file: f,
                found,
                supported,
            } => {
                assert_eq!(
                    (f.as_str(), *found, *supported),
                    (file, SCHEMA_VERSION + 1, SCHEMA_VERSION)
                );
            }
            other => panic!("{file}: {other}"),
        }
        assert!(err.to_string().contains("newer Patella"), "{err}");
        assert_eq!(snapshot(tmp.path()), before, "{file}: untouched");
        assert!(!tmp.path().join(QUARANTINE_DIR).exists());
    }
}

#[test]
fn a_wrong_schema_version_is_refused_and_nothing_is_touched() {
    let tmp = tempfile::tempdir().expect("tempdir");
    seeded(tmp.path());
    rewrite_header(tmp.path(), "store.jsonl", "store", json!(0));
    let before = snapshot(tmp.path());
    let err = Store::open(tmp.path()).expect_err("version 0 never existed");
    assert!(
        matches!(err, StoreError::UnsupportedSchema { found: 0, .. }),
        "{err}"
    );
    assert_eq!(snapshot(tmp.path()), before);

    // A file copied under the wrong name is refused too.
    let tmp = tempfile::tempdir().expect("tempdir");
    seeded(tmp.path());
    fs::copy(tmp.path().join("runs.jsonl"), tmp.path().join(CHECK_INS)).expect("copy");
    let before = snapshot(tmp.path());
    let err = Store::open(tmp.path()).expect_err("runs in the check-in file");
    assert!(
        err.to_string().contains("check_ins.jsonl") && err.to_string().contains("runs"),
        "{err}"
    );
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn a_damaged_header_is_salvaged_with_its_records() {
    let tmp = tempfile::tempdir().expect("tempdir");
    seeded(tmp.path());
    // Garbage where the version number should be: the checksum no longer holds.
    let path = tmp.path().join(CHECK_INS);
    let text = fs::read_to_string(&path).expect("read").replacen(
        "\"schema_version\":1",
        "\"schema_version\":\"x\"",
        1,
    );
    fs::write(&path, text).expect("write");
    let store = Store::open(tmp.path()).expect("opens");
    assert_eq!(store.records().expect("records").check_ins.len(), 30);
    assert!(
        matches!(store.warnings(), [StoreWarning::DamagedRecords { lines, .. }] if lines == &vec![1])
    );
}

#[test]
fn a_missing_file_is_reported_and_a_leftover_temp_file_is_ignored() {
    let tmp = tempfile::tempdir().expect("tempdir");
    seeded(tmp.path());
    fs::remove_file(tmp.path().join("runs.jsonl")).expect("remove");
    fs::remove_file(tmp.path().join("profile.jsonl")).expect("remove");
    fs::write(
        tmp.path().join("settings.jsonl.tmp"),
        b"half a settings file",
    )
    .expect("write");
    let store = Store::open(tmp.path()).expect("opens");
    assert_eq!(
        store.warnings(),
        &[
            StoreWarning::LostFile {
                file: "runs.jsonl".into()
            },
            StoreWarning::LostFile {
                file: "profile.jsonl".into()
            },
        ]
    );
    assert_eq!(store.records().expect("records").profile, None);
    assert!(store.warnings()[0].to_string().contains("lost"));
    let records = store.records().expect("records");
    assert_eq!((records.check_ins.len(), records.runs.len()), (30, 0));
    assert_eq!(records.settings.distance_unit, DistanceUnit::Miles);
    assert!(!tmp.path().join("settings.jsonl.tmp").exists());
}

// Issue 10, item 9: a record dated far outside any runner's life (here with
// a sound checksum, as an older build could have written it) is
// quarantined like a damaged line, so it can never reach the coach.
#[test]
fn a_stored_record_dated_out_of_range_is_quarantined_like_a_damaged_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    seeded(tmp.path());
    let far = json!({
        "taken_at": "+262142-12-20T07:00:00",
        "score": 3,
        "moment": "next_morning"
    })
    .to_string();
    let line = format!("{:08x} {far}\n", crc32(far.as_bytes()));
    let path = tmp.path().join(CHECK_INS);
    let mut bytes = fs::read(&path).expect("read");
    bytes.extend_from_slice(line.as_bytes());
    fs::write(&path, bytes).expect("write");

    let store = Store::open(tmp.path()).expect("opens");
    let [StoreWarning::DamagedRecords { file, reasons, .. }] = store.warnings() else {
        panic!("one damaged record expected: {:?}", store.warnings());
    };
    assert_eq!(file, CHECK_INS);
    assert!(reasons[0].contains("taken_at"), "{reasons:?}");
    assert_eq!(store.records().expect("records").check_ins.len(), 30);
    let kept: String = fs::read_dir(tmp.path().join(QUARANTINE_DIR))
        .expect("quarantine")
        .map(|e| fs::read_to_string(e.expect("entry").path()).expect("read"))
        .collect();
    assert!(kept.contains("+262142"), "{kept}");
}
