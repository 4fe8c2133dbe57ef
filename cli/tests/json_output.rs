//! `--json` on every command that prints data (issue 14): each command's
//! JSON parses and holds what its text says. (`sensor scan` and `sensor
//! watch` are checked the same way against the fake BlueZ in `sensor.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use support::sample_record;

fn fixture(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(path)
        .display()
        .to_string()
}

/// Runs patella with `args`; its stdout must be one JSON document.
fn json(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(args)
        .env_remove("PATELLA_DATA_DIR")
        .env_remove("XDG_DATA_HOME")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

fn seeded() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    sample_record::seed(dir.path());
    dir
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn plan_json() {
    let profile = fixture("profile-new-runner.json");
    let v = json(&["plan", "--profile", &profile, "--weeks", "2", "--json"]);
    assert_eq!(v["weeks"].as_array().map(Vec::len), Some(2), "{v:#}");
}

#[test]
fn pain_json() {
    let v = json(&["pain", "--score", "6", "--when", "after-run", "--json"]);
    assert!(v.to_string().contains("above"), "{v:#}");
}

#[test]
fn replay_json() {
    let trace = fixture("traces/drift_below.csv");
    let v = json(&["replay", &trace, "--target", "170", "--json"]);
    assert_eq!(v[0]["kind"], "session_started");
}

#[test]
fn rsc_decode_json() {
    let v = json(&["rsc", "decode", "07 00 03 aa 6e 00 e8 03 00 00", "--json"]);
    assert!(v.is_object(), "{v:#}");
}

#[test]
fn history_json() {
    let dir = seeded();
    let v = json(&["history", "--json", "--data-dir", s(dir.path())]);
    assert_eq!(v["runs"].as_array().map(Vec::len), Some(12));
    assert_eq!(v["runs"][11]["id"], sample_record::LAST_RUN);
    assert!(v["runs"][11]["marks"]["alerts"].is_array());
}

#[test]
fn progress_json() {
    let dir = seeded();
    let today = sample_record::last_day().to_string();
    let v = json(&[
        "progress",
        "--today",
        &today,
        "--json",
        "--data-dir",
        s(dir.path()),
    ]);
    assert_eq!(v["today"], today);
    assert_eq!(v["cadence"]["runs"].as_array().map(Vec::len), Some(12));
}

#[test]
fn export_json_says_what_was_written() {
    let dir = seeded();
    // Beside the data folder: nothing is written into it (issue 19).
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("backup.json");
    let v = json(&[
        "export",
        "--format",
        "backup",
        "--out",
        s(&out),
        "--json",
        "--data-dir",
        s(dir.path()),
    ]);
    assert_eq!(v["format"], "backup");
    assert_eq!(Path::new(v["path"].as_str().unwrap()), out.as_path());
    assert_eq!(
        v["bytes"].as_u64(),
        Some(std::fs::metadata(&out).unwrap().len())
    );
}

#[test]
fn import_json_counts_what_came_in() {
    let dir = seeded();
    // Beside the data folder: nothing is written into it (issue 19).
    let out_dir = tempfile::tempdir().unwrap();
    let backup = out_dir.path().join("backup.json");
    json(&[
        "export",
        "--format",
        "backup",
        "--out",
        s(&backup),
        "--json",
        "--data-dir",
        s(dir.path()),
    ]);
    let fresh = tempfile::tempdir().unwrap();
    let v = json(&[
        "import",
        s(&backup),
        "--json",
        "--data-dir",
        s(fresh.path()),
    ]);
    assert_eq!(v["runs"], 12);
    assert_eq!(v["sessions"], 12);
    assert!(v["check_ins"].as_u64().unwrap() > 12);
    assert_eq!(Path::new(v["data_dir"].as_str().unwrap()), fresh.path());
}

#[test]
fn report_json_says_what_was_written() {
    let dir = seeded();
    // Beside the data folder: nothing is written into it (issue 19).
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("progress.html");
    let v = json(&[
        "report",
        "--progress",
        "--today",
        "2026-11-28",
        "--out",
        s(&out),
        "--json",
        "--data-dir",
        s(dir.path()),
    ]);
    assert_eq!(v["kind"], "progress");
    assert!(out.is_file());
}
