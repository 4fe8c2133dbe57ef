//! `patella history`, `progress`, `export` and `import` against a real data
//! folder.

use std::path::Path;
use std::process::{Command, Output};

use chrono::NaiveDate;
use patella_core::export::backup_to_json;
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::store::{CadencePoint, Outcome, Records, RunSummary, SessionOutcome};
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
        runs: vec![RunSummary {
            id: "run-a".into(),
            started_at: day(2).and_hms_opt(7, 0, 0).expect("time"),
            duration_s: 60,
            distance_m: 200,
            average_cadence_spm: Some(170.0),
            target_cadence_spm: Some(172.0),
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
        sessions: vec![SessionOutcome {
            date: day(1),
            session_id: "s1".into(),
            outcome: Outcome::Done,
        }],
        profile: Some(json!({"plan": "week 1"})),
        ..Records::default()
    }
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
    let log = data.join("check_ins.jsonl");
    let mut bytes = std::fs::read(&log).expect("read");
    let n = bytes.len();
    bytes.truncate(n - 10);
    std::fs::write(&log, bytes).expect("truncate");
    let out = patella(
        &["history", "--json", "--data-dir", data.to_str().expect("p")],
        &[],
    );
    let stdout = ok(&out);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("warning: check_ins.jsonl: ends part-way")
    );
    let history: Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(history["check_ins"].as_array().map(Vec::len), Some(2));
    assert_eq!(history["warnings"][0]["kind"], "cut_short");
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
