//! Issue 14 ("Behaviour users expect"): exit codes a script can rely on —
//! 0 done, 1 bad input, 2 usage, 3 device or I/O — and error messages that
//! say what to do next.

use std::path::Path;
use std::process::{Command, Output};

use patella_core::store::Store;

fn patella(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(args)
        .env_remove("PATELLA_DATA_DIR")
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("patella runs")
}

fn code(out: &Output) -> Option<i32> {
    out.status.code()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn dir(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn done_exits_0() {
    let out = patella(&["rsc", "decode", "07 00 03 aa 6e 00 e8 03 00 00"]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
}

#[test]
fn bad_hex_exits_1_and_shows_good_input() {
    let out = patella(&["rsc", "decode", "07 zz"]);
    assert_eq!(code(&out), Some(1));
    let err = stderr(&out);
    assert!(err.contains("'z'") && err.contains("e.g. \"07 00"), "{err}");
}

#[test]
fn an_unknown_run_id_exits_1_and_points_to_history() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let out = patella(&[
        "export",
        "--format",
        "tcx",
        "--run",
        "no-such-run",
        "--data-dir",
        dir(&data),
    ]);
    assert_eq!(code(&out), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("\"no-such-run\"") && err.contains("`patella history`"),
        "{err}"
    );
}

#[test]
fn bad_file_content_exits_1() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let trace = tmp.path().join("trace.csv");
    std::fs::write(&trace, "this is not a cadence trace\n").expect("write");
    let out = patella(&["replay", dir(&trace)]);
    assert_eq!(code(&out), Some(1), "{}", stderr(&out));
}

#[test]
fn a_wrong_command_line_exits_2() {
    for args in [vec!["--no-such-flag"], vec!["rsc"], vec!["pain", "--score"]] {
        let out = patella(&args);
        assert_eq!(code(&out), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn an_unreadable_file_exits_3_and_names_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let missing = tmp.path().join("missing.csv");
    let out = patella(&["replay", dir(&missing)]);
    assert_eq!(code(&out), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("missing.csv") && err.contains("check the path"),
        "{err}"
    );
}

#[test]
fn an_unwritable_output_exits_3() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out_file = tmp.path().join("no-such-folder").join("runs.csv");
    let out = patella(&[
        "export",
        "--format",
        "csv",
        "--table",
        "runs",
        "--out",
        dir(&out_file),
        "--data-dir",
        dir(&tmp.path().join("data")),
    ]);
    assert_eq!(code(&out), Some(3), "{}", stderr(&out));
}

#[test]
fn a_store_locked_by_another_process_exits_3() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let held = Store::open(&data).expect("this process opens the store");
    let out = patella(&["history", "--data-dir", dir(&data)]);
    assert_eq!(code(&out), Some(3));
    assert!(
        stderr(&out).contains("close it there first"),
        "{}",
        stderr(&out)
    );
    drop(held);
    let out = patella(&["history", "--data-dir", dir(&data)]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
}

#[test]
fn help_lists_the_exit_codes() {
    let out = patella(&["--help"]);
    assert_eq!(code(&out), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    for line in ["0  done", "1  bad input", "2  usage", "3  device or I/O"] {
        assert!(help.contains(line), "{line}: {help}");
    }
}

// Issue 19, defect 10: a full disk while saving the profile exited 1, as
// if the profile were bad. strace makes every write of the database's log
// fail with ENOSPC (`scripts/bootstrap` installs strace): the refusal is
// the device's, exit 3, and says the disk is full.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_while_saving_the_profile_exits_3() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    // The record exists already: only the profile's write is left to fail.
    let made = patella(&["history", "--data-dir", dir(&data)]);
    assert_eq!(code(&made), Some(0), "{}", stderr(&made));
    let profile = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/profile-new-runner.json"
    );
    let out = Command::new("strace")
        .args(["-f", "-qq", "-o", "/dev/null", "-e", "trace=pwrite64,write"])
        .arg("-P")
        .arg(data.join("record.sqlite3-wal"))
        .args(["-e", "inject=pwrite64,write:error=ENOSPC"])
        .arg(env!("CARGO_BIN_EXE_patella"))
        .args([
            "run",
            "--pushed-demo",
            "--plain",
            "--profile",
            profile,
            "--data-dir",
            dir(&data),
        ])
        .env_remove("PATELLA_DATA_DIR")
        .output()
        .expect("strace must be installed (scripts/bootstrap installs it)");
    let err = stderr(&out);
    assert_eq!(code(&out), Some(3), "{err}");
    assert!(err.contains("disk is full"), "{err}");
}
