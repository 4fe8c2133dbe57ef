//! Damage and refusals, on the real database: a file that is not a
//! database, one damaged in places, one from the future, a row that does
//! not read back, records the database's own checks refuse, and a folder
//! the store may not write. The store opens with everything it can read
//! and says what it left out, or refuses with a typed error and touches
//! nothing; it never comes back silently empty and never panics.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::store::{DB_FILE, MIGRATIONS, RecordStoreError, RunRecord, Store, StoreWarning};
use rusqlite::Connection;

fn at(i: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(7, 0, 0))
        .expect("valid date")
        + chrono::Duration::hours(i64::from(i))
}

fn check_in(i: u32) -> CheckIn {
    CheckIn {
        taken_at: at(i),
        score: (i % 11) as u8,
        moment: CheckInMoment::NextMorning,
        quality: None,
        location: None,
        red_flags: Vec::new(),
    }
}

fn run(i: u32) -> RunRecord {
    RunRecord {
        id: format!("run-{i}"),
        started_at: at(i),
        duration_s: 1200,
        distance_m: 3000,
        average_cadence_spm: Some(170.0),
        target_cadence_spm: None,
        marks: Default::default(),
        cadence_trace: Vec::new(),
    }
}

fn seeded(dir: &Path, n: u32) {
    let store = Store::open(dir).expect("opens");
    for i in 0..n {
        store.add_check_in(&check_in(i)).expect("write");
        if i % 4 == 0 {
            store.add_run(&run(i)).expect("write");
        }
    }
}

fn db(dir: &Path) -> std::path::PathBuf {
    dir.join(DB_FILE)
}

#[test]
fn a_file_that_is_not_a_database_is_refused_by_name_and_left_as_it_is() {
    for bytes in [
        b"check_ins, in my own words\n".to_vec(),
        vec![0xA5; 8192],
        br#"{"patella":"store","schema_version":1}"#.repeat(200),
    ] {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::write(db(tmp.path()), &bytes).expect("write");
        let err = Store::open(tmp.path()).expect_err("not a database");
        assert!(matches!(err, RecordStoreError::Damaged { .. }), "{err}");
        assert!(err.to_string().contains(DB_FILE), "{err}");
        assert!(err.to_string().contains("Nothing was changed"), "{err}");
        assert_eq!(std::fs::read(db(tmp.path())).expect("read"), bytes);
    }
}

/// Deterministic noise, so a failing case can be replayed.
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

// SQLite keeps no checksum of its pages: noise inside a record's JSON can
// still parse. What it does promise is checked here: whatever is hit, the
// store opens with what it can read and names what it left out, or
// refuses with a typed error; it never panics and never opens empty
// without a word.
#[test]
fn noise_or_a_cut_anywhere_in_the_database_never_panics_nor_opens_silently_empty() {
    let source = tempfile::tempdir().expect("tempdir");
    seeded(source.path(), 400);
    let good = std::fs::read(db(source.path())).expect("read");
    let mut rng = Lcg(0xDA7A);
    let (mut opened, mut refused) = (0, 0);
    for case in 0..60 {
        let tmp = tempfile::tempdir().expect("tempdir");
        let mut bytes = good.clone();
        if case % 4 == 3 {
            bytes.truncate(rng.next() as usize % bytes.len());
        } else {
            let at = rng.next() as usize % bytes.len();
            for b in bytes.iter_mut().skip(at).take(1 + rng.next() as usize % 64) {
                *b = rng.next() as u8;
            }
        }
        std::fs::write(db(tmp.path()), &bytes).expect("write");
        match Store::open(tmp.path()) {
            Ok(store) => {
                opened += 1;
                let records = store.records().expect("records");
                assert!(
                    !records.check_ins.is_empty() || !store.warnings().is_empty(),
                    "case {case}: opened empty without a warning"
                );
            }
            Err(
                RecordStoreError::Damaged { .. }
                | RecordStoreError::Database { .. }
                | RecordStoreError::SchemaFromFuture { .. },
            ) => refused += 1,
            Err(other) => panic!("case {case}: {other}"),
        }
    }
    eprintln!("damaged databases: {opened} opened, {refused} refused");
}

#[test]
fn a_database_from_a_newer_build_is_refused_and_not_touched() {
    let tmp = tempfile::tempdir().expect("tempdir");
    seeded(tmp.path(), 3);
    let newer = MIGRATIONS.len() + 1;
    Connection::open(db(tmp.path()))
        .and_then(|c| c.pragma_update(None, "user_version", newer as i64))
        .expect("set version");
    let before = std::fs::read(db(tmp.path())).expect("read");
    let err = Store::open(tmp.path()).expect_err("from the future");
    let RecordStoreError::SchemaFromFuture {
        file,
        found,
        supported,
    } = &err
    else {
        panic!("{err}");
    };
    assert_eq!(
        (file.as_str(), *found as usize, *supported as usize),
        (DB_FILE, newer, MIGRATIONS.len())
    );
    assert!(err.to_string().contains("newer Patella"), "{err}");
    assert_eq!(std::fs::read(db(tmp.path())).expect("read"), before);
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from(DB_FILE)]);
}

// A row edited by hand (or written by a build with a bug) is left out with
// a warning naming its table and row, and stays in the database.
#[test]
fn a_row_that_does_not_read_back_is_left_out_by_name_and_kept() {
    let tmp = tempfile::tempdir().expect("tempdir");
    seeded(tmp.path(), 5);
    Connection::open(db(tmp.path()))
        .and_then(|c| {
            c.execute(
                "UPDATE check_ins SET json = '{\"not\": \"a check-in\"}' WHERE seq = 2",
                [],
            )
        })
        .expect("edit");
    for _ in 0..2 {
        let store = Store::open(tmp.path()).expect("opens");
        let [StoreWarning::DamagedRecords { file, lines, .. }] = store.warnings() else {
            panic!("{:?}", store.warnings());
        };
        assert!(file.contains("check_ins"), "{file}");
        assert_eq!(lines, &vec![2]);
        let records = store.records().expect("records");
        assert_eq!(records.check_ins.len(), 4);
        assert_eq!(records.runs.len(), 2);
    }
}

// The database's own checks, under the store's: what no build may write is
// refused by SQLite even if written by hand.
#[test]
fn the_database_refuses_what_the_store_never_writes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    seeded(tmp.path(), 1);
    let conn = Connection::open(db(tmp.path())).expect("opens");
    conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
    for (what, sql) in [
        (
            "a pain score of 11",
            "INSERT INTO check_ins (taken_at, score, json) VALUES ('2026-01-02T07:00:00', 11, '{}')",
        ),
        (
            "a date past 2199",
            "INSERT INTO check_ins (taken_at, score, json) VALUES ('2200-01-01T07:00:00', 1, '{}')",
        ),
        (
            "a date before 1970",
            "INSERT INTO sessions (date, session_id, outcome, json) VALUES ('1969-12-31', 's', 'done', '{}')",
        ),
        (
            "a day that does not exist",
            "INSERT INTO sessions (date, session_id, outcome, json) VALUES ('2026-02-30', 's', 'done', '{}')",
        ),
        (
            "a second run under an id",
            "INSERT INTO runs (id, seq, started_at, duration_s, distance_m, json) \
             VALUES ('run-0', 99, '2026-01-02T07:00:00', 60, 0, '{}')",
        ),
        (
            "a check-in of a run that is not there",
            "INSERT INTO check_ins (taken_at, score, run_id, json) \
             VALUES ('2026-01-02T07:00:00', 1, 'no-such-run', '{}')",
        ),
        (
            "a second live run",
            "INSERT INTO live_run (id, json) VALUES (2, '{}')",
        ),
    ] {
        assert!(conn.execute(sql, []).is_err(), "{what} was accepted");
    }
}

#[cfg(unix)]
#[test]
fn a_link_or_a_pipe_in_place_of_the_database_is_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let elsewhere = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink(elsewhere.path().join("target"), db(tmp.path())).expect("link");
    Store::open(tmp.path()).expect_err("a link is not followed");
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).expect("list").count(),
        0,
        "nothing was written through the link"
    );

    let tmp = tempfile::tempdir().expect("tempdir");
    let made = std::process::Command::new("mkfifo")
        .arg(db(tmp.path()))
        .status()
        .is_ok_and(|s| s.success());
    if made {
        let err = Store::open(tmp.path()).expect_err("a pipe");
        assert!(
            matches!(err, RecordStoreError::NotRegularFile { .. }),
            "{err}"
        );
    }
}

/// Makes `dir` and its files unwritable for the length of a test, and
/// writable again after (even if the test fails). As root, permissions
/// do not stop a write, so the immutable attribute does (Linux); `None`
/// where neither can be set.
struct ReadOnly {
    dir: std::path::PathBuf,
    immutable: bool,
}

impl ReadOnly {
    #[cfg(unix)]
    fn make(dir: &Path) -> Option<Self> {
        use std::os::unix::fs::PermissionsExt;
        let paths: Vec<_> = std::fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").path())
            .collect();
        for p in &paths {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o400)).expect("chmod");
        }
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o500)).expect("chmod");
        let guard = Self {
            dir: dir.to_path_buf(),
            immutable: false,
        };
        let probe = dir.join("probe");
        if std::fs::write(&probe, b"x").is_err() {
            return Some(guard);
        }
        // Root: permissions did not stop the write.
        let _ = std::fs::remove_file(&probe);
        let mut guard = guard;
        guard.immutable = true;
        let mut targets = paths;
        targets.push(dir.to_path_buf());
        let set = std::process::Command::new("chattr")
            .arg("+i")
            .args(&targets)
            .status()
            .is_ok_and(|s| s.success());
        set.then_some(guard)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if self.immutable {
                let mut targets = vec![self.dir.clone()];
                if let Ok(entries) = std::fs::read_dir(&self.dir) {
                    targets.extend(entries.filter_map(Result::ok).map(|e| e.path()));
                }
                let _ = std::process::Command::new("chattr")
                    .arg("-i")
                    .args(&targets)
                    .status();
            }
            let _ = std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700));
        }
    }
}

#[cfg(unix)]
#[test]
fn a_folder_that_may_not_be_written_opens_read_only_with_everything_in_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    seeded(&dir, 6);
    Store::open(&dir)
        .expect("opens")
        .save_run_checkpoint(&serde_json::json!({ "run_id": "r" }))
        .expect("saved");
    let Some(_guard) = ReadOnly::make(&dir) else {
        eprintln!("skipped: this machine cannot make a folder read-only for its user");
        return;
    };
    let store = Store::open(&dir).expect("opens read-only");
    assert!(!store.is_writable());
    assert!(
        matches!(store.warnings(), [StoreWarning::ReadOnly { .. }]),
        "{:?}",
        store.warnings()
    );
    let records = store.records().expect("records");
    assert_eq!(records.check_ins.len(), 6);
    assert_eq!(records.runs.len(), 2);
    assert_eq!(
        store.run_checkpoint().expect("checkpoint"),
        Some(serde_json::json!({ "run_id": "r" }))
    );
    let err = store.add_check_in(&check_in(40)).expect_err("read-only");
    assert!(matches!(err, RecordStoreError::ReadOnly { .. }), "{err}");
    assert!(
        store.clear_run_checkpoint().is_err(),
        "nothing is written, not even a checkpoint's end"
    );
    drop(store);

    // A read-only folder with no record yet opens read-only and empty.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let Some(_guard) = ReadOnly::make(&empty) else {
        return;
    };
    let store = Store::open(&empty).expect("opens read-only");
    assert!(!store.is_writable());
    assert!(store.records().expect("records").is_empty());
}
