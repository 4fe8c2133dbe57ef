//! `patella history`, `progress`, `export` and `import` against a real data
//! folder.

use std::path::Path;
use std::process::{Command, Output};

use chrono::{NaiveDate, Weekday};
use patella_core::coach::profile::{CurrentRunning, RiskFactors};
use patella_core::coach::record::CoachDocument;
use patella_core::coach::{ExperienceLevel, History, Profile, RunningGoal};
use patella_core::export::backup_to_json;
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::store::{CadencePoint, Outcome, Records, RunRecord, SessionRecord};
use serde_json::{Value, json};

fn patella(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_patella"));
    cmd.args(args)
        .env_remove("PATELLA_DATA_DIR")
        .env_remove("XDG_DATA_HOME");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("patella runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

fn records() -> Records {
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 5, d).expect("date");
    Records {
        check_ins: (1..=3)
            .map(|d| CheckIn {
                taken_at: day(d).and_hms_opt(8, 0, 0).expect("time"),
                score: 2 + d as u8,
                moment: CheckInMoment::NextMorning,
                quality: None,
                location: None,
                red_flags: vec![],
            })
            .collect(),
        runs: vec![RunRecord {
            id: "run-a".into(),
            started_at: day(2).and_hms_opt(7, 0, 0).expect("time"),
            duration_s: 60,
            distance_m: 200,
            average_cadence_spm: Some(170.0),
            target_cadence_spm: Some(172.0),
            marks: Default::default(),
            cadence_trace: vec![
                CadencePoint {
                    at_s: 0,
                    steps_per_min: 168.0,
                },
                CadencePoint {
                    at_s: 30,
                    steps_per_min: 172.0,
                },
            ],
        }],
        sessions: vec![SessionRecord {
            date: day(1),
            session_id: "s1".into(),
            outcome: Outcome::Done,
        }],
        profile: Some(coach_document()),
        ..Records::default()
    }
}

/// A profile document the coach reads, as the coach saves it.
fn coach_document() -> Value {
    let profile = Profile {
        experience: ExperienceLevel::NewToRunning,
        current: CurrentRunning {
            weekly_minutes: None,
            weekly_km: None,
            days_per_week: 3,
            preferred_days: vec![Weekday::Tue, Weekday::Thu, Weekday::Sat],
        },
        goal: RunningGoal::Continuous15Minutes,
        equipment: vec![],
        risk_factors: RiskFactors::default(),
        knee_pain: 0,
        strength_days_per_week: None,
        cadence_baseline_spm: None,
    };
    let start = NaiveDate::from_ymd_opt(2026, 5, 1).expect("date");
    serde_json::to_value(CoachDocument::of(&History::new(profile, start))).expect("json")
}

/// A data folder restored from a backup with `patella import`.
fn imported(tmp: &Path) -> (std::path::PathBuf, String) {
    let backup = backup_to_json(&records()).expect("backup");
    let file = tmp.join("backup.json");
    std::fs::write(&file, &backup).expect("write");
    let data = tmp.join("data");
    let out = ok(&patella(
        &[
            "import",
            file.to_str().expect("path"),
            "--data-dir",
            data.to_str().expect("path"),
        ],
        &[],
    ));
    assert!(
        out.contains("imported 3 check-ins, 1 runs and 1 sessions"),
        "{out}"
    );
    (data, backup)
}

#[test]
fn import_then_history_and_backup_export_give_back_the_same_record() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (data, backup) = imported(tmp.path());
    let dir = data.to_str().expect("path");

    let history: Value = serde_json::from_str(&ok(&patella(
        &["history", "--json", "--data-dir", dir],
        &[],
    )))
    .expect("json");
    assert_eq!(history["check_ins"].as_array().map(Vec::len), Some(3));
    assert_eq!(history["runs"][0]["id"], "run-a");
    assert_eq!(history["warnings"], json!([]));

    let exported = ok(&patella(
        &["export", "--format", "backup", "--data-dir", dir],
        &[],
    ));
    let a: Value = serde_json::from_str(&exported).expect("json");
    let b: Value = serde_json::from_str(&backup).expect("json");
    assert_eq!(a, b, "export after import equals the original backup");

    // A second import would mix records: refused, and said so.
    let again = patella(
        &[
            "import",
            tmp.path().join("backup.json").to_str().expect("p"),
            "--data-dir",
            dir,
        ],
        &[],
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("empty store"));
}

// Article 002 and issue 18, finding 5: a check-in dated 2031 reports pain
// not felt yet. Import sets it aside with a warning naming it and brings in
// the rest; a check-in written with an offset (finding 14) comes in as the
// wall-clock time it names.
#[test]
fn article_002_import_sets_aside_a_check_in_from_the_future_and_keeps_the_rest() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut backup: Value =
        serde_json::from_str(&backup_to_json(&records()).expect("backup")).expect("json");
    let check_ins = backup["records"]["check_ins"].as_array_mut().expect("list");
    check_ins[0]["taken_at"] = json!("2026-05-01T08:00:00+02:00");
    check_ins.insert(
        1,
        json!({"taken_at": "2031-06-01T08:00:00Z", "score": 4, "moment": "next_morning",
               "red_flags": ["swelling"]}),
    );
    let file = tmp.path().join("backup.json");
    std::fs::write(&file, backup.to_string()).expect("write");
    let data = tmp.path().join("data");
    let dir = data.to_str().expect("path");
    let out = patella(
        &["import", file.to_str().expect("path"), "--data-dir", dir],
        &[],
    );
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        stderr.contains("check_ins[1] set aside: taken_at: 2031-06-01T08:00:00 is ahead of now"),
        "{stderr}"
    );
    let said = ok(&out);
    assert!(
        said.contains("imported 3 check-ins, 1 runs and 1 sessions"),
        "{said}"
    );
    assert!(said.contains("set aside 1 check-ins"), "{said}");

    let history: Value = serde_json::from_str(&ok(&patella(
        &["history", "--json", "--data-dir", dir],
        &[],
    )))
    .expect("json");
    let taken: Vec<&str> = history["check_ins"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["taken_at"].as_str())
        .collect();
    assert_eq!(
        taken,
        [
            "2026-05-01T08:00:00",
            "2026-05-02T08:00:00",
            "2026-05-03T08:00:00"
        ]
    );
}

// A real error in a backup still refuses all of it: nothing is set aside
// and nothing comes in.
#[test]
fn an_import_with_a_bad_check_in_beside_a_future_one_brings_in_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut backup: Value =
        serde_json::from_str(&backup_to_json(&records()).expect("backup")).expect("json");
    let check_ins = backup["records"]["check_ins"].as_array_mut().expect("list");
    check_ins[0]["score"] = json!(11);
    check_ins
        .push(json!({"taken_at": "2031-06-01T08:00:00", "score": 4, "moment": "next_morning"}));
    let file = tmp.path().join("backup.json");
    std::fs::write(&file, backup.to_string()).expect("write");
    let data = tmp.path().join("data");
    let dir = data.to_str().expect("path");
    let out = patella(
        &["import", file.to_str().expect("path"), "--data-dir", dir],
        &[],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("score"), "{stderr}");
    assert!(!stderr.contains("set aside"), "{stderr}");
    let history: Value = serde_json::from_str(&ok(&patella(
        &["history", "--json", "--data-dir", dir],
        &[],
    )))
    .expect("json");
    assert_eq!(history["check_ins"], json!([]));
}

#[test]
fn progress_json_is_computed_for_the_given_day() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (data, _) = imported(tmp.path());
    let out = ok(&patella(
        &[
            "progress",
            "--json",
            "--today",
            "2026-05-03",
            "--data-dir",
            data.to_str().expect("p"),
        ],
        &[],
    ));
    let view: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(view["today"], "2026-05-03");
    assert_eq!(view["pain"]["buffer_zone_max"], 5);
    assert_eq!(view["cadence"]["runs"][0]["gap_spm"], -2.0);
    assert_eq!(view["weekly_volume"][0]["distance_m"], 200);

    let bad = patella(
        &[
            "progress",
            "--today",
            "3 May",
            "--data-dir",
            data.to_str().expect("p"),
        ],
        &[],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--today"));
}

#[test]
fn csv_and_tcx_exports() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (data, _) = imported(tmp.path());
    let dir = data.to_str().expect("p");
    let csv = ok(&patella(
        &["export", "--format", "csv", "--data-dir", dir],
        &[],
    ));
    assert_eq!(csv.lines().count(), 4);
    assert!(csv.starts_with("taken_at,moment,score"));
    let runs = ok(&patella(
        &[
            "export",
            "--format",
            "csv",
            "--table",
            "runs",
            "--data-dir",
            dir,
        ],
        &[],
    ));
    assert!(
        runs.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("run-a,2026-05-02T07:00:00,60,200,170,172,2"))
    );
    let tcx = ok(&patella(
        &[
            "export",
            "--format",
            "tcx",
            "--run",
            "run-a",
            "--data-dir",
            dir,
        ],
        &[],
    ));
    // Per-foot cadence: 168 and 172 steps/min are 84 and 86.
    assert!(
        tcx.contains("<ax:RunCadence>84</ax:RunCadence>")
            && tcx.contains("<ax:RunCadence>86</ax:RunCadence>")
    );
    let missing = patella(
        &[
            "export",
            "--format",
            "tcx",
            "--run",
            "nope",
            "--data-dir",
            dir,
        ],
        &[],
    );
    assert!(String::from_utf8_lossy(&missing.stderr).contains("--run"));
}

#[test]
fn the_data_folder_defaults_to_the_environment() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (data, _) = imported(tmp.path());
    let out = ok(&patella(
        &["history", "--json"],
        &[("PATELLA_DATA_DIR", &data)],
    ));
    assert!(out.contains("run-a"));

    let xdg = tmp.path().join("xdg");
    std::fs::create_dir_all(&xdg).expect("mkdir");
    std::fs::rename(&data, xdg.join("patella")).expect("move");
    let out = ok(&patella(&["history", "--json"], &[("XDG_DATA_HOME", &xdg)]));
    assert!(out.contains("run-a"));

    let home = tmp.path().join("home");
    std::fs::create_dir_all(home.join(".local/share")).expect("mkdir");
    std::fs::rename(xdg.join("patella"), home.join(".local/share/patella")).expect("move");
    let out = ok(&patella(&["history", "--json"], &[("HOME", &home)]));
    assert!(out.contains("run-a"));
}

#[test]
fn damage_is_reported_and_the_rest_still_shows() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (data, _) = imported(tmp.path());
    // A row no build writes (edited by hand, say).
    rusqlite::Connection::open(data.join("record.sqlite3"))
        .and_then(|c| c.execute("UPDATE check_ins SET json = '[]' WHERE seq = 3", []))
        .expect("edited");
    let out = patella(
        &["history", "--json", "--data-dir", data.to_str().expect("p")],
        &[],
    );
    let stdout = ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: record.sqlite3 (check_ins): 1 damaged record(s) at [3]"),
        "{stderr}"
    );
    let history: Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(history["check_ins"].as_array().map(Vec::len), Some(2));
    assert_eq!(history["warnings"][0]["kind"], "damaged_records");
    assert_eq!(history["runs"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_backup_from_a_newer_app_is_refused_clearly() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("future.json");
    std::fs::write(
        &file,
        r#"{"format":"patella-backup","schema_version":42,"records":{}}"#,
    )
    .expect("write");
    let out = patella(
        &[
            "import",
            file.to_str().expect("p"),
            "--data-dir",
            tmp.path().join("d").to_str().expect("p"),
        ],
        &[],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer Patella"));
}

fn write_backup(tmp: &Path, name: &str, records: &Records) -> std::path::PathBuf {
    let file = tmp.join(name);
    std::fs::write(&file, backup_to_json(records).expect("backup")).expect("write");
    file
}

fn import(file: &Path, data: &Path) -> Output {
    patella(
        &[
            "import",
            file.to_str().expect("p"),
            "--data-dir",
            data.to_str().expect("p"),
        ],
        &[],
    )
}

// Issue 10 ("Smaller"): `patella history | head` panicked. The history is
// larger than a pipe holds, so the program is still writing when the
// reader leaves.
#[test]
fn history_survives_its_reader_leaving_early() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    let tmp = tempfile::tempdir().expect("tempdir");
    let mut big = records();
    let start = NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(6, 0, 0))
        .expect("time");
    big.check_ins = (0..4_000)
        .map(|i| CheckIn {
            taken_at: start + chrono::Duration::minutes(i),
            score: (i % 11) as u8,
            moment: CheckInMoment::NextMorning,
            quality: None,
            location: None,
            red_flags: vec![],
        })
        .collect();
    let data = tmp.path().join("data");
    ok(&import(&write_backup(tmp.path(), "big.json", &big), &data));
    for args in [vec!["history"], vec!["history", "--json"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_patella"))
            .args(&args)
            .args(["--data-dir", data.to_str().expect("p")])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut lines = BufReader::new(child.stdout.take().expect("piped")).lines();
        for _ in 0..10 {
            lines.next().expect("a line").expect("text");
        }
        drop(lines); // what `head` does after ten lines
        let out = child.wait_with_output().expect("exits");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
    }
}

// Issue 10, item 13: opening a data folder touches only the store's own
// files: a user's `thesis.tmp` there survives.
#[test]
fn opening_a_folder_leaves_files_that_are_not_the_stores_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::write(data.join("thesis.tmp"), "chapter 1").expect("write");
    std::fs::write(data.join("notes.jsonl.tmp"), "mine").expect("write");
    ok(&patella(
        &["history", "--data-dir", data.to_str().expect("p")],
        &[],
    ));
    assert_eq!(
        std::fs::read_to_string(data.join("thesis.tmp")).expect("kept"),
        "chapter 1"
    );
    assert!(data.join("notes.jsonl.tmp").exists());
}

// Issue 10, item 13: a link in place of the database is never followed out
// of the data folder.
#[cfg(unix)]
#[test]
fn a_link_in_place_of_the_database_is_not_followed_out_of_the_folder() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    std::fs::create_dir_all(&data).expect("mkdir");
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    std::os::unix::fs::symlink(elsewhere.join("db"), data.join("record.sqlite3")).expect("link");
    let out = patella(&["history", "--data-dir", data.to_str().expect("p")], &[]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("record.sqlite3"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written: Vec<_> = std::fs::read_dir(&elsewhere).expect("list").collect();
    assert!(written.is_empty(), "wrote outside the folder: {written:?}");
}

// Issue 10, item 15: `--out` replaces a previous backup whole: never
// truncated in place (a hard link to the old file keeps the old bytes),
// owner-only, and with no temp file left behind.
#[cfg(unix)]
#[test]
fn export_out_replaces_the_previous_file_whole_and_owner_only() {
    use std::os::unix::fs::PermissionsExt;

    let tmp = tempfile::tempdir().expect("tempdir");
    let (data, _) = imported(tmp.path());
    let out_dir = tmp.path().join("out");
    std::fs::create_dir_all(&out_dir).expect("mkdir");
    let target = out_dir.join("backup.json");
    std::fs::write(&target, "the previous backup").expect("write");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    std::fs::hard_link(&target, out_dir.join("old-link")).expect("link");
    ok(&patella(
        &[
            "export",
            "--format",
            "backup",
            "--out",
            target.to_str().expect("p"),
            "--data-dir",
            data.to_str().expect("p"),
        ],
        &[],
    ));
    let new: Value =
        serde_json::from_str(&std::fs::read_to_string(&target).expect("read")).expect("json");
    assert_eq!(new["format"], "patella-backup");
    assert_eq!(
        std::fs::read_to_string(out_dir.join("old-link")).expect("read"),
        "the previous backup",
        "the old file was overwritten in place"
    );
    let mode = std::fs::metadata(&target)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["backup.json", "old-link"]);

    // A failure leaves nothing behind and says where.
    let nowhere = tmp.path().join("missing").join("backup.json");
    let failed = patella(
        &[
            "export",
            "--format",
            "backup",
            "--out",
            nowhere.to_str().expect("p"),
            "--data-dir",
            data.to_str().expect("p"),
        ],
        &[],
    );
    assert!(!failed.status.success());
    assert!(String::from_utf8_lossy(&failed.stderr).contains("missing"));
}

// Issue 19, defect 10: a killed `export --out` left `.NAME.PID.partial`
// behind for good. The next export to that path removes the leftovers of
// writers that are gone, and leaves a live writer's file alone.
#[cfg(target_os = "linux")]
#[test]
fn export_out_removes_what_a_killed_export_left() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (data, _) = imported(tmp.path());
    let out_dir = tmp.path().join("out");
    std::fs::create_dir_all(&out_dir).expect("mkdir");
    // Above any pid_max Linux allows (2^22), so no process has it.
    let killed = out_dir.join(".backup.json.4194305.partial");
    let live = out_dir.join(format!(".backup.json.{}.partial", std::process::id()));
    let other = out_dir.join(".notes.txt.4194305.partial");
    for f in [&killed, &live, &other] {
        std::fs::write(f, "half").expect("write");
    }
    ok(&patella(
        &[
            "export",
            "--format",
            "backup",
            "--out",
            out_dir.join("backup.json").to_str().expect("p"),
            "--data-dir",
            data.to_str().expect("p"),
        ],
        &[],
    ));
    assert!(!killed.exists(), "a killed export's temp file stayed");
    assert!(live.exists(), "a running writer's temp file was removed");
    assert!(other.exists(), "another file's temp file was touched");
}

// Issue 10 ("Smaller"): TCX times carry an offset from UTC, from
// `--utc-offset` or the machine's zone, so platforms do not read local
// time as UTC.
#[test]
fn tcx_times_carry_the_utc_offset() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (data, _) = imported(tmp.path());
    let dir = data.to_str().expect("p");
    let tcx = ok(&patella(
        &[
            "export",
            "--format",
            "tcx",
            "--utc-offset",
            "+02:00",
            "--data-dir",
            dir,
        ],
        &[],
    ));
    assert!(tcx.contains("<Id>2026-05-02T07:00:00+02:00</Id>"), "{tcx}");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_patella"));
    let out = cmd
        .args(["export", "--format", "tcx", "--data-dir", dir])
        .env("TZ", "UTC")
        .output()
        .expect("runs");
    assert!(ok(&out).contains("<Id>2026-05-02T07:00:00+00:00</Id>"));
    let bad = patella(
        &[
            "export",
            "--format",
            "tcx",
            "--utc-offset",
            "2 hours",
            "--data-dir",
            dir,
        ],
        &[],
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--utc-offset"));
}

// Issue 10, item 12: a backup is checked in full before anything is
// written: a profile the coach cannot read, a run id used twice, a
// check-in repeated, a date out of range. The store stays empty, and a
// good backup still imports afterwards.
#[test]
fn a_backup_the_coach_cannot_use_is_refused_before_anything_is_written() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let mut unreadable = records();
    unreadable.profile = Some(json!({"plan": "week 1"}));
    let mut twice = records();
    twice.runs.push(twice.runs[0].clone());
    let mut repeated = records();
    repeated.check_ins.push(repeated.check_ins[0].clone());
    let mut far = records();
    far.sessions[0].date = NaiveDate::from_ymd_opt(9999, 1, 1).expect("date");
    for (name, bad, says) in [
        ("unreadable.json", unreadable, "coach cannot read"),
        ("twice.json", twice, "used twice"),
        ("repeated.json", repeated, "repeats"),
        ("far.json", far, "is outside 1970-01-01 to 2199-12-31"),
    ] {
        let out = import(&write_backup(tmp.path(), name, &bad), &data);
        assert!(!out.status.success(), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{name}: {stderr}");
        let history = ok(&patella(
            &["history", "--data-dir", data.to_str().expect("p")],
            &[],
        ));
        assert!(history.contains("check-ins: 0") && history.contains("runs: 0"));
    }
    ok(&import(
        &write_backup(tmp.path(), "good.json", &records()),
        &data,
    ));
}

/// A Rust name in the text: a lower-case letter followed by a capital
/// inside one word (`AfterRun`, `NotEnoughData`).
fn camel_case_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            w.as_bytes()
                .windows(2)
                .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
        })
        .collect()
}

// Issue 14 ("Behaviour users expect"): `patella history` printed `AfterRun`.
#[test]
fn history_and_progress_text_use_plain_words() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (data, _) = imported(tmp.path());
    let dir = data.to_str().expect("p");
    let history = ok(&patella(&["history", "--data-dir", dir], &[]));
    assert!(history.contains("the morning after"), "{history}");
    assert!(history.contains("  done  s1"), "{history}");
    assert_eq!(camel_case_words(&history), Vec::<&str>::new(), "{history}");
    let progress = ok(&patella(
        &["progress", "--today", "2026-05-10", "--data-dir", dir],
        &[],
    ));
    assert!(progress.contains("pain the morning after:"), "{progress}");
    assert!(
        progress.contains("improvement: not enough check-ins yet"),
        "{progress}"
    );
    assert_eq!(
        camel_case_words(&progress),
        Vec::<&str>::new(),
        "{progress}"
    );
}

/// Issue 19: `history` did not mention a run left unfinished in the
/// checkpoint, which the next `patella run` keeps.
#[test]
fn history_names_a_run_left_unfinished() {
    use patella_core::journal::{Journal, LiveRun, WhenNotWritable};
    use patella_core::run::{RunConfig, RunSegment, RunSession, SegmentKind, SessionPlan};
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    {
        let store = patella_core::store::Store::open(&data).expect("opens");
        let journal = std::sync::Arc::new(Journal::new(std::sync::Arc::new(store)));
        let plan = SessionPlan {
            segments: vec![RunSegment {
                kind: SegmentKind::Run,
                duration_s: 600,
            }],
            cadence_target_spm: None,
            stride_baseline: None,
        };
        let session = RunSession::new(plan, RunConfig::default()).expect("a session");
        let live = LiveRun::new(session, |_| {});
        let started =
            chrono::NaiveDateTime::parse_from_str("2026-12-08T07:00:00", "%Y-%m-%dT%H:%M:%S")
                .expect("a time");
        live.keep_in(&journal, "run-waiting", started, WhenNotWritable::Refuse)
            .expect("kept");
        live.start(0).expect("started");
        live.tick(30_000).expect("a tick");
        // Killed: dropped without finishing.
    }
    let text = ok(&patella(
        &["history", "--data-dir", data.to_str().expect("utf-8")],
        &[],
    ));
    assert!(
        text.contains("unfinished run: run-waiting started 2026-12-08 07:00:00"),
        "{text}"
    );
    let json: Value = serde_json::from_str(&ok(&patella(
        &[
            "history",
            "--json",
            "--data-dir",
            data.to_str().expect("utf-8"),
        ],
        &[],
    )))
    .expect("json");
    assert_eq!(json["unfinished_run"]["run_id"], "run-waiting");
    // Issue 19 ("Smaller"): export says the waiting run is not in it yet.
    let out = patella(
        &[
            "export",
            "--format",
            "backup",
            "--data-dir",
            data.to_str().expect("utf-8"),
        ],
        &[],
    );
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("run-waiting") && said.contains("not in this export"),
        "{said}"
    );
}
