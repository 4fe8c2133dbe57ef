//! A data folder written by a build before the database (its JSON-lines
//! files, `fixtures/legacy-store/`, made by that build and read back by it
//! into `fixtures/legacy-store.expected.json`) opens as the same record, in
//! the database, with the old files moved aside, not deleted; a crash
//! between the two steps is harmless; damaged old lines are named.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use patella_core::store::{DB_FILE, RecordStoreError, Records, Store, StoreWarning};
use serde_json::Value;

const OLD_FILES: [&str; 9] = [
    ".lock",
    "check_ins.jsonl",
    "paired_sensor.jsonl",
    "profile.jsonl",
    "run_checkpoint.jsonl",
    "runs.jsonl",
    "sessions.jsonl",
    "settings.jsonl",
    "store.jsonl",
];

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legacy-store")
}

/// The record and checkpoint the old build read from the fixture.
fn expected() -> (Records, Option<Value>) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legacy-store.expected.json");
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    let records = serde_json::from_value(v["records"].take()).expect("records");
    (
        records,
        Some(v["run_checkpoint"].take()).filter(|c| !c.is_null()),
    )
}

/// A copy of the fixture in a fresh data folder.
fn old_folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    std::fs::create_dir(&dir).expect("mkdir");
    for name in OLD_FILES {
        std::fs::copy(fixture().join(name), dir.join(name)).expect("copy");
    }
    (tmp, dir)
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

/// The one `legacy-jsonl-…` folder in `dir`.
fn moved_to(dir: &Path) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("legacy-jsonl-"))
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].clone()
}

#[test]
fn an_old_folder_opens_as_the_same_record_and_its_files_are_moved_aside() {
    let (_tmp, dir) = old_folder();
    let before = files(&dir);
    let (records, checkpoint) = expected();
    {
        let store = Store::open(&dir).expect("opens");
        assert!(store.warnings().is_empty(), "{:?}", store.warnings());
        assert_eq!(store.records().expect("records"), records);
        assert_eq!(store.run_checkpoint().expect("checkpoint"), checkpoint);
        for name in OLD_FILES {
            assert!(!dir.join(name).exists(), "{name} is still in the folder");
        }
    }
    // Moved whole, byte for byte, into a dated folder inside the data folder.
    let aside = moved_to(&dir);
    let name = aside
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let stamp = name.trim_start_matches("legacy-jsonl-");
    assert!(
        stamp.len() == 15 && stamp.as_bytes()[8] == b'T',
        "YYYYMMDDTHHMMSS: {name}"
    );
    assert_eq!(files(&aside), before);
    // The database holds it from now on, and the store reads it as before.
    let store = Store::open(&dir).expect("reopens");
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    assert_eq!(store.records().expect("records"), records);
    assert_eq!(store.run_checkpoint().expect("checkpoint"), checkpoint);
    assert!(dir.join(DB_FILE).is_file());
    // The run kept with its check-in and session is still one thing: a
    // backup of it imports.
    records.validate().expect("a sound record");
}

// The commit and the move are two steps: a crash between them leaves the
// old files beside a database that already holds them. The next open only
// moves them, into the folder the database names, and reads nothing twice.
#[test]
fn old_files_left_beside_the_database_they_went_into_are_only_moved() {
    let (_tmp, dir) = old_folder();
    let (records, _) = expected();
    drop(Store::open(&dir).expect("opens"));
    let aside = moved_to(&dir);
    // As if the app stopped after the commit: all back, or some moved.
    for (i, name) in OLD_FILES.iter().enumerate() {
        if i % 3 != 0 {
            std::fs::rename(aside.join(name), dir.join(name)).expect("move back");
        }
    }
    let store = Store::open(&dir).expect("opens");
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    assert_eq!(store.records().expect("records"), records);
    drop(store);
    assert_eq!(moved_to(&dir), aside);
    assert_eq!(files(&aside).len(), OLD_FILES.len());
    for name in OLD_FILES {
        assert!(!dir.join(name).exists(), "{name}");
    }
}

#[test]
fn files_of_the_users_own_stay_where_they_are() {
    let (_tmp, dir) = old_folder();
    std::fs::write(dir.join("notes.jsonl.tmp"), "mine").expect("write");
    std::fs::write(dir.join("thesis.tmp"), "chapter 1").expect("write");
    drop(Store::open(&dir).expect("opens"));
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.jsonl.tmp")).expect("kept"),
        "mine"
    );
    assert!(dir.join("thesis.tmp").exists());
}

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

/// One line as the old build wrote it.
fn line(json: &str) -> String {
    format!("{:08x} {json}\n", crc32(json.as_bytes()))
}

#[test]
fn the_fixture_is_in_the_old_format() {
    for name in OLD_FILES.iter().filter(|n| n.ends_with(".jsonl")) {
        let text = std::fs::read_to_string(fixture().join(name)).expect("read");
        for l in text.lines() {
            let (sum, json) = l.split_once(' ').expect("checksummed");
            assert_eq!(sum, format!("{:08x}", crc32(json.as_bytes())), "{name}");
        }
    }
}

// Damage the old build would have set aside: a line whose checksum fails,
// a record out of the calendar's range, a cut-off last line. Each is left
// out and named, and kept in the folder the files were moved to.
#[test]
fn damaged_old_lines_are_left_out_by_file_and_line_and_kept() {
    let (_tmp, dir) = old_folder();
    let log = dir.join("check_ins.jsonl");
    let mut text = std::fs::read_to_string(&log).expect("read");
    text.push_str("0badc0de {\"taken_at\":\"2026-03-05T07:00:00\",\"score\":4}\n");
    text.push_str(&line(
        r#"{"taken_at":"2300-01-01T07:00:00","score":1,"moment":"next_morning"}"#,
    ));
    text.push_str(&line(
        r#"{"taken_at":"2026-03-06T07:00:00","score":5,"moment":"next_morning"}"#,
    ));
    std::fs::write(&log, text).expect("write");
    let sessions = dir.join("sessions.jsonl");
    let mut text = std::fs::read_to_string(&sessions).expect("read");
    text.push_str("1234abcd {\"date\":\"2026-03-0");
    std::fs::write(&sessions, text).expect("write");

    let store = Store::open(&dir).expect("opens");
    let aside = moved_to(&dir);
    let mut named = BTreeMap::new();
    for w in store.warnings() {
        let StoreWarning::DamagedRecords {
            file,
            lines,
            kept_in,
            ..
        } = w
        else {
            panic!("{w}");
        };
        assert_eq!(kept_in, &aside.join(file), "{w}");
        named.insert(file.clone(), lines.clone());
    }
    assert_eq!(
        named,
        BTreeMap::from([
            ("check_ins.jsonl".to_owned(), vec![4, 5]),
            ("sessions.jsonl".to_owned(), vec![3]),
        ])
    );
    let kept = std::fs::read_to_string(aside.join("check_ins.jsonl")).expect("kept");
    assert!(kept.contains("0badc0de"), "the damaged line is kept");
    let (mut records, _) = expected();
    let sound = records.check_ins[0].clone();
    records.check_ins.insert(
        2,
        patella_core::pain::CheckIn {
            taken_at: chrono::NaiveDate::from_ymd_opt(2026, 3, 6)
                .and_then(|d| d.and_hms_opt(7, 0, 0))
                .expect("date"),
            score: 5,
            ..sound
        },
    );
    assert_eq!(store.records().expect("records"), records);
}

#[test]
fn old_files_from_a_newer_build_are_refused_and_left_as_they_are() {
    let (_tmp, dir) = old_folder();
    let path = dir.join("runs.jsonl");
    let text = std::fs::read_to_string(&path).expect("read");
    let rest = text.split_once('\n').expect("header").1;
    std::fs::write(
        &path,
        line(r#"{"patella":"runs","schema_version":2}"#) + rest,
    )
    .expect("write");
    let before = files(&dir);
    let err = Store::open(&dir).expect_err("from the future");
    assert!(
        matches!(err, RecordStoreError::SchemaFromFuture { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("runs.jsonl"), "{err}");
    let mut after = files(&dir);
    after.remove(DB_FILE);
    assert_eq!(after, before, "the old files are untouched");
    // An updated build (here: the file put right) still moves it in.
    std::fs::copy(fixture().join("runs.jsonl"), &path).expect("copy");
    let store = Store::open(&dir).expect("opens");
    assert_eq!(store.records().expect("records"), expected().0);
}

// Old files put beside a database that already holds a record they did not
// come from: reading them in could double the record, so they are left.
#[test]
fn old_files_beside_a_record_they_are_not_part_of_are_left_alone() {
    let (_tmp, dir) = old_folder();
    let moved = tempfile::tempdir().expect("tempdir");
    for name in OLD_FILES {
        std::fs::rename(dir.join(name), moved.path().join(name)).expect("move");
    }
    {
        let store = Store::open(&dir).expect("opens");
        store
            .set_profile(&serde_json::json!({ "mine": true }))
            .expect("write");
    }
    for name in OLD_FILES {
        std::fs::rename(moved.path().join(name), dir.join(name)).expect("move");
    }
    let store = Store::open(&dir).expect("opens");
    assert!(
        matches!(store.warnings(), [StoreWarning::LegacyFilesLeft { .. }]),
        "{:?}",
        store.warnings()
    );
    assert_eq!(
        store.records().expect("records").profile,
        Some(serde_json::json!({ "mine": true }))
    );
    for name in OLD_FILES {
        assert!(dir.join(name).exists(), "{name} was moved");
    }
}

// An import the old build had committed but not finished: its staged files
// (`<file>.import`) are the record, as the old build would have finished.
#[test]
fn an_old_import_committed_but_not_finished_is_read_as_finished() {
    let (_tmp, dir) = old_folder();
    let staged = line(r#"{"patella":"check_ins","schema_version":1}"#)
        + &line(r#"{"taken_at":"2026-04-01T07:00:00","score":6,"moment":"next_morning"}"#);
    std::fs::write(dir.join("check_ins.jsonl.import"), staged).expect("write");
    std::fs::write(dir.join("import.commit"), "").expect("write");
    let store = Store::open(&dir).expect("opens");
    let scores: Vec<u8> = store
        .records()
        .expect("records")
        .check_ins
        .iter()
        .map(|c| c.score)
        .collect();
    assert_eq!(
        scores,
        vec![6, 3],
        "the staged log, then the run's check-in"
    );
    let aside = moved_to(&dir);
    assert!(aside.join("import.commit").exists());
    assert!(aside.join("check_ins.jsonl.import").exists());
    assert!(aside.join("check_ins.jsonl").exists());
}
