//! Issue 19, found by running the product as a new user: a relative data
//! folder that does not exist yet, an `--out` pointed into the data folder,
//! and dates outside the accepted calendar.

use std::path::Path;
use std::process::{Command, Output};

fn patella_in(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_patella"));
    cmd.current_dir(cwd)
        .args(args)
        .env_remove("PATELLA_DATA_DIR")
        .env_remove("XDG_DATA_HOME");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("patella runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "stderr: {}", stderr(out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn fixture() -> String {
    format!(
        "{}/../tests/fixtures/profile-new-runner.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

// --- 1. A new relative data folder works on first use ---------------------

#[test]
fn a_new_relative_data_dir_of_one_name_is_created_on_first_use() {
    let cwd = tempfile::tempdir().unwrap();
    ok(&patella_in(
        cwd.path(),
        &["history", "--data-dir", "d1"],
        &[("HOME", "/nonexistent")],
    ));
    assert!(cwd.path().join("d1").is_dir());
    // And it opens again as the same record.
    ok(&patella_in(
        cwd.path(),
        &["history", "--data-dir", "d1"],
        &[],
    ));
}

#[test]
fn a_new_relative_data_dir_from_the_environment_is_created_on_first_use() {
    let cwd = tempfile::tempdir().unwrap();
    ok(&patella_in(
        cwd.path(),
        &["history"],
        &[("PATELLA_DATA_DIR", "relx")],
    ));
    assert!(cwd.path().join("relx").is_dir());
}

#[test]
fn a_new_nested_relative_data_dir_is_created_on_first_use() {
    let cwd = tempfile::tempdir().unwrap();
    ok(&patella_in(
        cwd.path(),
        &["history", "--data-dir", "a/b"],
        &[],
    ));
    assert!(cwd.path().join("a/b").is_dir());
}

// --- 2. --out never writes into the data folder ---------------------------

/// A data folder holding a store, and the bytes of its database.
fn store_in(cwd: &Path) -> Vec<u8> {
    ok(&patella_in(cwd, &["history", "--data-dir", "data"], &[]));
    std::fs::read(cwd.join("data/record.sqlite3")).expect("database")
}

fn refused_out(cwd: &Path, args: &[&str], runs_before: &[u8]) {
    let out = patella_in(cwd, args, &[]);
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("--out") && err.contains("data folder"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(cwd.join("data/record.sqlite3")).expect("database"),
        runs_before,
        "the record was overwritten"
    );
    // The next open finds nothing to set aside.
    let next = patella_in(cwd, &["history", "--data-dir", "data"], &[]);
    ok(&next);
    assert!(!stderr(&next).contains("warning"), "{}", stderr(&next));
}

#[test]
fn export_out_into_the_data_folder_is_refused() {
    let cwd = tempfile::tempdir().unwrap();
    let before = store_in(cwd.path());
    let export = |out: &str| {
        vec![
            "export".to_owned(),
            "--data-dir".to_owned(),
            "data".to_owned(),
            "--format".to_owned(),
            "csv".to_owned(),
            "--table".to_owned(),
            "runs".to_owned(),
            "--out".to_owned(),
            out.to_owned(),
        ]
    };
    std::fs::create_dir(cwd.path().join("elsewhere")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(cwd.path().join("data"), cwd.path().join("link")).unwrap();
    let mut targets = vec![
        "data/record.sqlite3".to_owned(),
        "elsewhere/../data/record.sqlite3".to_owned(),
        "data/new-file.csv".to_owned(),
        cwd.path().join("data/record.sqlite3").display().to_string(),
    ];
    if cfg!(unix) {
        targets.push("link/record.sqlite3".to_owned());
    }
    for target in targets {
        let args = export(&target);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused_out(cwd.path(), &args, &before);
    }
    assert!(!cwd.path().join("data/new-file.csv").exists());
    // Beside the data folder is fine.
    ok(&patella_in(
        cwd.path(),
        &export("runs.csv")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        &[],
    ));
    assert!(cwd.path().join("runs.csv").is_file());
}

#[test]
fn report_out_into_the_data_folder_is_refused() {
    let cwd = tempfile::tempdir().unwrap();
    let before = store_in(cwd.path());
    refused_out(
        cwd.path(),
        &[
            "report",
            "--data-dir",
            "data",
            "--progress",
            "--today",
            "2026-05-01",
            "--out",
            "data/progress.svg",
        ],
        &before,
    );
    assert!(!cwd.path().join("data/progress.svg").exists());
}

// --- 3. Every date flag is checked against the accepted calendar ----------

fn refused_date(cwd: &Path, args: &[&str], flag: &str) {
    let out = patella_in(cwd, args, &[]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(flag) && err.contains("2199-12-31"), "{err}");
}

#[test]
fn date_flags_outside_the_calendar_are_refused_naming_the_flag() {
    let cwd = tempfile::tempdir().unwrap();
    let profile = fixture();
    for date in ["9999-12-31", "+200000-01-01", "1969-12-31", "2200-01-01"] {
        refused_date(
            cwd.path(),
            &[
                "report",
                "--data-dir",
                "data",
                "--progress",
                "--today",
                date,
                "--out",
                "p.svg",
            ],
            "--today",
        );
        refused_date(
            cwd.path(),
            &["progress", "--data-dir", "data", "--today", date],
            "--today",
        );
        refused_date(
            cwd.path(),
            &["plan", "--profile", &profile, "--start", date],
            "--start",
        );
        refused_date(
            cwd.path(),
            &["plan", "--profile", &profile, "--today", date],
            "--today",
        );
    }
    assert!(!cwd.path().join("p.svg").exists());
}

#[test]
fn a_plan_never_lists_days_past_the_calendar() {
    let cwd = tempfile::tempdir().unwrap();
    let profile = fixture();
    let out = patella_in(
        cwd.path(),
        &[
            "plan",
            "--profile",
            &profile,
            "--start",
            "2199-12-31",
            "--weeks",
            "4",
            "--json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("2199-12-31") && err.contains("--start"),
        "{err}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("2200-"));
    // The last week that fits ends on the last accepted day.
    let fits = ok(&patella_in(
        cwd.path(),
        &[
            "plan",
            "--profile",
            &profile,
            "--start",
            "2199-12-04",
            "--weeks",
            "4",
            "--json",
        ],
        &[],
    ));
    assert!(fits.contains("2199-12-31") && !fits.contains("2200-"));
}
