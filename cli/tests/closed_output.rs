//! Every subcommand with its standard output already closed, as when a
//! pager or `head` has gone (issue 10, "Smaller": `patella history | head`
//! and `patella replay FILE | head -1` panicked on the closed pipe). The
//! pipe's read end is closed before the program starts, so every write it
//! makes fails: no panic, and the exit status is that of the work done.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn with_closed_stdout(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(args)
        .env_remove("PATELLA_DATA_DIR")
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("patella runs")
}

fn path(p: &Path) -> String {
    p.to_str().expect("utf-8 path").to_owned()
}

#[test]
fn every_subcommand_survives_a_closed_standard_output() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = path(&tmp.path().join("data"));
    let backup = tmp.path().join("backup.json");
    std::fs::write(
        &backup,
        patella_core::export::backup_to_json(&patella_core::store::Records::default())
            .expect("backup"),
    )
    .expect("write");
    let trace = path(&root().join("tests/fixtures/traces/drift_below.csv"));
    let profile = path(&root().join("tests/fixtures/profile-new-runner.json"));
    let cases: Vec<Vec<&str>> = vec![
        vec!["import", backup.to_str().expect("p"), "--data-dir", &data],
        vec!["history", "--data-dir", &data],
        vec!["history", "--json", "--data-dir", &data],
        vec!["progress", "--today", "2026-05-03", "--data-dir", &data],
        vec!["export", "--format", "csv", "--data-dir", &data],
        vec!["export", "--format", "backup", "--data-dir", &data],
        vec!["replay", &trace, "--target", "170"],
        vec!["replay", &trace, "--target", "170", "--json"],
        vec!["plan", "--profile", &profile, "--start", "2026-11-23"],
        vec!["pain", "--score", "5", "--when", "after-run"],
        vec!["rsc", "decode", "07 00 03 aa 6e 00 e8 03 00 00"],
    ];
    for args in cases {
        let out = with_closed_stdout(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
    }
}
