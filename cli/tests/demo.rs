//! `patella demo` as a newcomer runs it: under a pseudo-terminal (tmux) the
//! dashboard shows the segment, the cadence and its target band, the
//! low-cadence cue coming and clearing, the sensor dropping out and coming
//! back, and the knee check answered 6 switching the run to walking; it
//! exits 0 in its time. Without a terminal it prints a line per event.

mod tty;

use std::process::Command;
use std::time::{Duration, Instant};

use tty::Pane;

/// The cues the core words (core/src/run/cue.rs), as the screen shows them.
const LOW_CUE: &str = "Shorter, quicker steps";
const BACK_CUE: &str = "That's the rhythm";
const WALK_CUE: &str = "No more running today";
const GAP_CUE: &str = "Cadence signal lost";
const RESTORED_CUE: &str = "Cadence signal is back";

/// Whether the dashboard's headline shows a run segment now.
fn running_now(frame: &str) -> bool {
    frame
        .lines()
        .any(|l| l.starts_with("│ Run ") && l.contains(" left"))
}

fn first(frames: &[String], from: usize, what: impl Fn(&str) -> bool) -> Option<usize> {
    frames
        .iter()
        .skip(from)
        .position(|f| what(f))
        .map(|i| i + from)
}

#[test]
fn the_dashboard_shows_the_run_its_cues_and_its_end() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let tmpdir = tmp.path().display().to_string();
    let pane = Pane::start(&["demo", "--speed", "150"], &[("TMPDIR", &tmpdir)], 100, 36);
    let started = Instant::now();
    let frames = pane.watch(Duration::from_secs(60), |_, status| status.is_some());
    let status = pane.status();
    assert_eq!(
        status,
        Some(0),
        "the demo exits 0; last screen:\n{}",
        pane.text()
    );
    assert!(started.elapsed() < Duration::from_secs(60));

    // The segment with its countdown, the cadence and the band.
    let running = first(&frames, 0, |f| {
        f.contains(" Run ")
            && f.contains(" left")
            && f.contains("steps/min")
            && f.contains("target band")
    });
    assert!(
        running.is_some(),
        "no frame showed a run segment with cadence and band"
    );

    // The low-cadence cue appears while the gauge reads below the band, then clears.
    let low = first(&frames, 0, |f| {
        f.contains("Below your band") && f.contains(LOW_CUE)
    })
    .expect("the low-cadence alert is shown below the band");
    let back = first(&frames, low, |f| {
        f.contains(BACK_CUE) && !f.contains("Below your band")
    })
    .expect("the alert clears: back on target");
    assert!(back > low);

    // The sensor drops out and comes back.
    let gap = first(&frames, 0, |f| {
        f.contains(GAP_CUE) || f.contains("Connecting to the sensor")
    })
    .expect("the drop-out is shown");
    first(&frames, gap, |f| {
        f.contains(RESTORED_CUE) && f.contains("Sensor connected")
    })
    .expect("the sensor comes back");

    // The knee check answered 6 turns the rest of the run into walking.
    let answered = first(&frames, 0, |f| f.contains("6/10") && f.contains(WALK_CUE))
        .expect("the answer 6 switches to walking");
    assert!(
        frames[answered..].iter().all(|f| !running_now(f)),
        "no run segment after the switch to walking"
    );

    // Back on the main screen: the summary and the plan changes.
    let last = pane.text();
    for line in [
        "Run summary",
        "knee check-in(s) 5/10, 6/10",
        "Plan changes:",
    ] {
        assert!(last.contains(line), "{line:?} missing from:\n{last}");
    }
}

#[test]
fn the_readme_command_runs_in_its_minute() {
    // Exactly `cargo run -p patella -- demo`: no flags.
    let tmp = tempfile::tempdir().expect("temp dir");
    let tmpdir = tmp.path().display().to_string();
    let pane = Pane::start(&["demo"], &[("TMPDIR", &tmpdir)], 100, 36);
    let started = Instant::now();
    pane.watch(Duration::from_secs(75), |_, status| status.is_some());
    let took = started.elapsed();
    assert_eq!(pane.status(), Some(0), "last screen:\n{}", pane.text());
    assert!(
        took < Duration::from_secs(60) && took > Duration::from_secs(30),
        "the default demo takes about 40 s, took {took:?}"
    );
    assert!(pane.text().contains("Run summary"));
}

fn plain(args: &[&str]) -> (String, i32) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(args)
        .env("TMPDIR", tmp.path())
        .output()
        .expect("run patella");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// The position of the first line containing `what` after line `from`.
fn line_after(lines: &[&str], from: usize, what: &str) -> usize {
    lines
        .iter()
        .skip(from)
        .position(|l| l.contains(what))
        .map(|i| i + from)
        .unwrap_or_else(|| {
            panic!(
                "no line with {what:?} after line {from}:\n{}",
                lines.join("\n")
            )
        })
}

#[test]
fn plain_lines_tell_the_same_story_in_order() {
    let (text, code) = plain(&["demo", "--plain", "--speed", "2000"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        !text.contains('\x1b'),
        "no escape sequences in plain output"
    );
    let lines: Vec<&str> = text.lines().collect();
    let low = line_after(&lines, 0, "cadence low");
    assert!(lines[low].contains(LOW_CUE));
    line_after(&lines, low, "cadence back");
    let gap = line_after(&lines, 0, "sensor lost");
    line_after(&lines, gap, "sensor back");
    let five = line_after(&lines, 0, "answers the knee check: 5/10");
    let six = line_after(&lines, five, "answers the knee check: 6/10");
    line_after(&lines, six, "knee answer");
    let walk = line_after(&lines, six, "walk from here");
    assert!(lines[walk].contains(WALK_CUE));
    let done = line_after(&lines, walk, "finished");
    line_after(&lines, done, "Run summary");
    // Status lines carry the segment, the cadence and the band.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Run ") && l.contains("left; cadence") && l.contains("(band ")),
        "{text}"
    );
}

#[test]
fn without_a_terminal_the_demo_prints_lines_and_the_same_run_each_time() {
    let (first_run, code) = plain(&["demo", "--speed", "5000"]);
    assert_eq!(code, 0);
    assert!(!first_run.contains('\x1b'));
    let (second_run, _) = plain(&["demo", "--speed", "3000"]);
    // The data folder and the run id differ; every event line is the same.
    let events = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| {
                l.trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
            })
            .map(str::to_owned)
            .collect()
    };
    assert!(events(&first_run).len() > 30);
    assert_eq!(
        events(&first_run),
        events(&second_run),
        "simulated time makes the run the same"
    );
}

#[test]
fn the_kept_run_is_in_the_demo_data_folder() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(["demo", "--speed", "5000"])
        .env("TMPDIR", tmp.path())
        .output()
        .expect("run patella");
    assert!(out.status.success());
    let folders: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("read temp dir")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(folders.len(), 1, "one data folder for the demo");
    let data = folders[0].path();
    let history = Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(["history", "--data-dir"])
        .arg(&data)
        .output()
        .expect("run patella history");
    let text = String::from_utf8_lossy(&history.stdout);
    // Two weeks of sample runs, then today's demo run with its two check-ins.
    assert!(text.contains("(demo-"), "{text}");
    assert!(text.contains("sample-"), "{text}");
    assert_eq!(text.matches("during a run").count(), 2, "{text}");

    // The demo ends with its run's report, beside the record, path printed.
    let said = String::from_utf8_lossy(&out.stdout);
    let report = data.join("demo-run.html");
    assert!(said.contains(&report.display().to_string()), "{said}");
    let page = std::fs::read_to_string(&report).expect("the report file");
    assert!(page.contains("target-band"), "the run chart with its band");
    assert_eq!(
        page.matches("class=\"check-in").count(),
        2,
        "one mark per knee check"
    );
}

#[test]
fn closing_the_output_early_ends_the_demo_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(["demo", "--speed", "50"])
        .env("TMPDIR", tmp.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run patella");
    let stdout = child.stdout.take().expect("piped");
    let mut lines = BufReader::new(stdout).lines();
    for _ in 0..3 {
        lines.next().expect("a line").expect("text");
    }
    drop(lines); // what `patella demo | head -3` does
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{stderr}");
}

#[test]
fn a_bad_speed_is_refused_naming_the_flag() {
    let out = Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(["demo", "--speed", "0"])
        .output()
        .expect("run patella");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--speed"));
}

/// The demo's closing plan changes, against their golden file. Issue 18:
/// knee checks of 5 then 6 in one run once froze the plan with a false
/// "getting worse over 3 weeks" and a clinician hold; article 002 asks for
/// a proportionate answer to one score above 5: the next run swapped and a
/// step back. Refresh with `PATELLA_BLESS=1` when the change is intended.
#[test]
fn the_demo_ends_with_proportionate_plan_changes_article_002() {
    let (text, code) = plain(&["demo", "--plain", "--speed", "3000"]);
    assert_eq!(code, 0, "{text}");
    let changes: String = text
        .lines()
        .skip_while(|l| *l != "Plan changes:")
        .take_while(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/demo/plan-changes.txt");
    if std::env::var_os("PATELLA_BLESS").is_some() {
        std::fs::write(&golden, &changes).expect("write the golden file");
    }
    let want = std::fs::read_to_string(&golden).expect("the golden file");
    assert_eq!(changes, want, "the demo's plan changes moved:\n{text}");
    assert!(changes.contains("cycling or swimming"), "{changes}");
    assert!(
        !changes.contains("clinician") && !changes.contains("physical therapist"),
        "{changes}"
    );
}
