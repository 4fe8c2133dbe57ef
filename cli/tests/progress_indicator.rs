//! The progress spinner (issue 14) is drawn on a terminal and never in
//! piped output: with standard error piped, import, export and report
//! print nothing there and their `--json` stays one clean document; under
//! a pseudo-terminal (`script`, part of every Debian system) the spinner's
//! words do show.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use support::sample_record;

fn piped(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(args)
        .env_remove("PATELLA_DATA_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn piped_output_gets_no_spinner_and_json_stays_clean() {
    let dir = tempfile::tempdir().unwrap();
    sample_record::seed(dir.path());
    // Beside the data folder: nothing is written into it (issue 19).
    let out_dir = tempfile::tempdir().unwrap();
    let backup = out_dir.path().join("backup.json");
    let fresh = tempfile::tempdir().unwrap();
    let report = out_dir.path().join("run.html");
    let runs: [Vec<&str>; 4] = [
        vec![
            "export",
            "--format",
            "backup",
            "--out",
            s(&backup),
            "--json",
            "--data-dir",
            s(dir.path()),
        ],
        vec![
            "export",
            "--format",
            "csv",
            "--table",
            "runs",
            "--data-dir",
            s(dir.path()),
        ],
        vec![
            "import",
            s(&backup),
            "--json",
            "--data-dir",
            s(fresh.path()),
        ],
        vec![
            "report",
            "--out",
            s(&report),
            "--json",
            "--data-dir",
            s(dir.path()),
        ],
    ];
    for args in runs {
        let out = piped(&args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{args:?} wrote to stderr: {:?}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !out.stdout.contains(&0x1b),
            "{args:?}: escape codes in stdout"
        );
        if args.contains(&"--json") {
            serde_json::from_slice::<serde_json::Value>(&out.stdout)
                .unwrap_or_else(|e| panic!("{args:?}: {e}"));
        } else {
            let csv = String::from_utf8(out.stdout).unwrap();
            assert_eq!(csv.lines().count(), 13, "a header and 12 runs: {csv}");
        }
    }
}

#[test]
fn on_a_terminal_the_spinner_shows_its_words() {
    let dir = tempfile::tempdir().unwrap();
    sample_record::seed(dir.path());
    // Beside the data folder: nothing is written into it (issue 19).
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("progress.svg");
    let command = format!(
        "{} report --progress --today 2026-11-28 --out {} --data-dir {}",
        env!("CARGO_BIN_EXE_patella"),
        s(&out),
        s(dir.path())
    );
    // `script` runs the command on a pseudo-terminal and copies what it
    // drew to its own standard output.
    let shown = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .expect("script (bsdutils) runs");
    let screen = String::from_utf8_lossy(&shown.stdout);
    assert!(shown.status.success(), "{screen}");
    assert!(
        screen.contains("drawing the report"),
        "no spinner: {screen:?}"
    );
    assert!(screen.contains("wrote "), "{screen:?}");
    assert!(out.is_file());
}
