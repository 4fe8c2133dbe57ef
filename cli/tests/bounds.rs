//! Limits on what comes from outside (issue 19): a plan's repeat count, a
//! trace longer than the plan, a backup's size and kind, a named pipe in the
//! data folder. Every command here runs under a deadline, so a regression
//! fails the test instead of hanging it.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longest any one command here may take before the test calls it hung.
const DEADLINE: Duration = Duration::from_secs(30);

struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `cmd` with its output in files (no pipe to fill), killing it at
/// the deadline.
fn bounded(mut cmd: Command, scratch: &Path) -> Ran {
    let out_path = scratch.join("stdout.txt");
    let err_path = scratch.join("stderr.txt");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .env_remove("PATELLA_DATA_DIR")
        .env_remove("XDG_DATA_HOME")
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} still running after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ran {
        code: status.code(),
        stdout: std::fs::read_to_string(out_path).unwrap(),
        stderr: std::fs::read_to_string(err_path).unwrap(),
    }
}

fn patella(args: &[&str], scratch: &Path) -> Ran {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_patella"));
    cmd.args(args);
    bounded(cmd, scratch)
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

fn trace(dir: &Path, seconds: u64) -> String {
    let mut text = String::from("time_ms,cadence,unit\n");
    for s in 0..seconds {
        text.push_str(&format!("{},170,steps\n", s * 1_000));
    }
    let path = dir.join("trace.csv");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn a_huge_plan_repeat_count_is_refused_before_anything_is_expanded() {
    let dir = tempfile::tempdir().unwrap();
    let trace = trace(dir.path(), 5);
    // Under a 1 GiB address-space limit: expanding the repeats first would
    // run out of memory long before refusing.
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("ulimit -v 1048576; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_patella"))
        .args(["replay", &trace, "--plan", "run:1m/walk:1m*1000000000"]);
    let ran = bounded(cmd, dir.path());
    assert_eq!(ran.code, Some(1), "stderr: {}", ran.stderr);
    assert!(ran.stderr.contains("--plan"), "{}", ran.stderr);
    assert!(ran.stderr.contains("500"), "{}", ran.stderr);
}

#[test]
fn a_plan_repeated_past_a_day_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let trace = trace(dir.path(), 5);
    let ran = patella(&["replay", &trace, "--plan", "run:600m*200"], dir.path());
    assert_eq!(ran.code, Some(1), "stderr: {}", ran.stderr);
    assert!(ran.stderr.contains("--plan"), "{}", ran.stderr);
    assert!(ran.stderr.contains("86400"), "{}", ran.stderr);
}

#[test]
fn readings_after_the_plan_ends_are_reported_not_dropped_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let trace = trace(dir.path(), 40);
    let ran = patella(
        &[
            "replay", &trace, "--plan", "run:20s", "--target", "170", "--json",
        ],
        dir.path(),
    );
    assert_eq!(ran.code, Some(0), "stderr: {}", ran.stderr);
    assert!(ran.stderr.contains("not replayed"), "{}", ran.stderr);
    assert!(ran.stderr.contains("0:00:20"), "{}", ran.stderr);
    let events: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert!(events.is_array());
}

#[test]
fn a_trace_within_the_plan_says_nothing_was_left() {
    let dir = tempfile::tempdir().unwrap();
    let trace = trace(dir.path(), 10);
    let ran = patella(
        &["replay", &trace, "--plan", "run:20s", "--target", "170"],
        dir.path(),
    );
    assert_eq!(ran.code, Some(0), "stderr: {}", ran.stderr);
    assert!(!ran.stderr.contains("not replayed"), "{}", ran.stderr);
}

#[test]
fn import_refuses_a_backup_larger_than_the_cap_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.json");
    // Sparse: 65 MiB of zeros that cost no disk.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let data = dir.path().join("data");
    let ran = patella(
        &[
            "import",
            big.to_str().unwrap(),
            "--data-dir",
            data.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(ran.code, Some(1), "stderr: {}", ran.stderr);
    assert!(ran.stderr.contains("big.json"), "{}", ran.stderr);
    assert!(ran.stderr.contains("64 MiB"), "{}", ran.stderr);
}

#[test]
fn import_refuses_a_named_pipe_without_waiting_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("backup.json");
    mkfifo(&fifo);
    let data = dir.path().join("data");
    let ran = patella(
        &[
            "import",
            fifo.to_str().unwrap(),
            "--data-dir",
            data.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(ran.code, Some(1), "stderr: {}", ran.stderr);
    assert!(ran.stderr.contains("backup.json"), "{}", ran.stderr);
    assert!(ran.stderr.contains("not a regular file"), "{}", ran.stderr);
}

#[test]
fn a_named_pipe_in_place_of_the_database_is_refused_not_waited_on() {
    let name = "record.sqlite3";
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // A store with its database, then the database replaced by a pipe.
    let made = patella(
        &["history", "--data-dir", data.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(made.code, Some(0), "stderr: {}", made.stderr);
    let file = data.join(name);
    let _ = std::fs::remove_file(&file);
    mkfifo(&file);
    let ran = patella(
        &["history", "--data-dir", data.to_str().unwrap()],
        dir.path(),
    );
    assert_ne!(ran.code, Some(0), "stdout: {}", ran.stdout);
    assert!(ran.stderr.contains(name), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("named pipe") && ran.stderr.contains("not a regular file"),
        "{}",
        ran.stderr
    );
}
