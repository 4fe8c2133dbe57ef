//! `patella plan` end to end: the fixture profile in, weeks of days out.

use std::process::Command;

fn patella() -> Command {
    Command::new(env!("CARGO_BIN_EXE_patella"))
}

/// Runs `patella` with `args`, expects success, and parses its JSON output.
fn plan_json(args: &[&str]) -> serde_json::Value {
    let out = patella().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn fixture() -> String {
    format!(
        "{}/../tests/fixtures/profile-new-runner.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn plan_json_prints_weeks_days_and_sessions() {
    let plan = plan_json(&[
        "plan",
        "--profile",
        &fixture(),
        "--weeks",
        "3",
        "--start",
        "2026-11-23",
        "--json",
    ]);
    let weeks = plan["weeks"].as_array().expect("weeks");
    assert_eq!(weeks.len(), 3);
    assert_eq!(weeks[0]["start"], "2026-11-23");
    let days = weeks[0]["days"].as_array().expect("days");
    assert_eq!(days.len(), 7);
    // The fixture runs Tue/Thu/Sat; the first run is article 000's first ladder rung.
    let tuesday = &days[1];
    assert_eq!(tuesday["kind"], "run");
    let run = tuesday["sessions"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["kind"] == "run"))
        .expect("a run session");
    assert_eq!(run["segments"][0]["kind"], "warm_up");
    assert_eq!(run["segments"][1]["seconds"], 30);
    assert_eq!(run["segments"][2]["seconds"], 240);
    let strength = days
        .iter()
        .flat_map(|d| d["sessions"].as_array().into_iter().flatten())
        .find(|s| s["kind"] == "strength")
        .expect("a strength session");
    assert!(
        strength["exercises"][0]["exercise"]["cues"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
    );
}

#[test]
fn plan_text_lists_the_weeks() {
    let out = patella()
        .args([
            "plan",
            "--profile",
            &fixture(),
            "--weeks",
            "2",
            "--start",
            "2026-11-23",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Week 1 from 2026-11-23") && text.contains("Week 2 from 2026-11-30"),
        "{text}"
    );
}

#[test]
fn bad_input_is_reported_with_the_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.json");
    let text = std::fs::read_to_string(fixture())
        .expect("fixture")
        .replace("\"knee_pain\": 2", "\"knee_pain\": 14");
    std::fs::write(&path, text).expect("write");
    let out = patella()
        .args([
            "plan",
            "--profile",
            path.to_str().expect("utf-8"),
            "--weeks",
            "2",
            "--start",
            "2026-11-23",
        ])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("knee_pain"));

    let out = patella()
        .args([
            "plan",
            "--profile",
            &fixture(),
            "--weeks",
            "0",
            "--start",
            "2026-11-23",
        ])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("weeks"));

    let out = patella()
        .args(["plan", "--profile", &fixture(), "--start", "23/11/2026"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--start"));
}

#[test]
fn plan_from_a_history_reflects_its_check_ins() {
    // A regular runner whose knee went to 7 after Saturday's run: next week is
    // cut and its first run becomes cross-training (article 002).
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("history.json");
    let history = r#"{
        "profile": {
            "experience": "regular",
            "current": {"weekly_minutes": 90, "days_per_week": 3, "preferred_days": ["Tue", "Thu", "Sat"]},
            "goal": {"kind": "weekly_distance", "target_km": 30}
        },
        "plan_start": "2026-11-23",
        "check_ins": [{"taken_at": "2026-11-28T19:00:00", "score": 7, "moment": "after_run"}]
    }"#;
    std::fs::write(&path, history).expect("write");
    let plan = plan_json(&[
        "plan",
        "--history",
        path.to_str().expect("utf-8"),
        "--weeks",
        "2",
        "--json",
    ]);
    assert_eq!(plan["weeks"][1]["kind"], "step_back");
    // 20% less over two run days, and no run longer than week 1's 30
    // minutes (issue 18): 60.
    assert_eq!(plan["weeks"][1]["nominal_minutes"], 60);
    let tuesday = &plan["weeks"][1]["days"][1];
    assert_eq!(tuesday["date"], "2026-12-01");
    assert_eq!(tuesday["sessions"][0]["kind"], "cross_training");
}

fn history_fixture(name: &str) -> String {
    format!(
        "{}/../tests/fixtures/history-{name}.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn plan_text(args: &[&str]) -> String {
    let out = patella().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Seconds in "1 min 30 s", "4 min" or "30 s".
fn seconds(text: &str) -> u32 {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .chunks(2)
        .map(|pair| match pair {
            [n, "min"] => n.parse::<u32>().expect("minutes") * 60,
            [n, "s"] => n.parse::<u32>().expect("seconds"),
            other => panic!("not a duration: {other:?}"),
        })
        .sum()
}

/// Checks that each week's "N running in all" is the sum of its days'
/// "N running", and returns the weeks' totals.
fn totals_add_up(text: &str) -> Vec<u32> {
    let mut totals = Vec::new();
    let mut week: Option<(u32, u32)> = None;
    let close = |week: &mut Option<(u32, u32)>, totals: &mut Vec<u32>| {
        if let Some((stated, summed)) = week.take() {
            assert_eq!(
                stated, summed,
                "a week's total is not the sum of its days:\n{text}"
            );
            totals.push(stated);
        }
    };
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("Week ") {
            close(&mut week, &mut totals);
            let (_, after) = rest.split_once(". ").expect("a week kind");
            let total = if after.starts_with("No running this week") {
                0
            } else {
                seconds(after.split_once(" running in all").expect("a total").0)
            };
            week = Some((total, 0));
        } else if line.starts_with("  ")
            && !line.starts_with("   ")
            && let (Some((_, summed)), Some((_, head))) = (week.as_mut(), line.split_once(": "))
            && let Some(d) = head.strip_suffix(" running")
        {
            *summed += seconds(d.rsplit(" + ").next().unwrap_or(d));
        }
    }
    close(&mut week, &mut totals);
    totals
}

#[test]
fn the_new_runner_fixture_reads_as_run_walk_with_its_full_length() {
    // source: article 000 (30 s jog / 4 min walk for about 15 minutes).
    let text = plan_text(&[
        "plan",
        "--history",
        &history_fixture("new-runner"),
        "--weeks",
        "2",
    ]);
    assert!(
        text.contains("run/walk 3 × (30 s run / 4 min walk): 1 min 30 s running"),
        "{text}"
    );
    assert!(text.contains("with warm-up and cool-down"), "{text}");
    assert!(
        text.contains("Week 2 from 2026-11-30: a step up."),
        "{text}"
    );
    assert!(
        text.contains("Bodyweight squat 3 × 10-15") || text.contains(" × "),
        "{text}"
    );
    assert!(
        !text.contains("Some(") && !text.contains("{ "),
        "debug output:\n{text}"
    );
    assert_eq!(totals_add_up(&text).len(), 2);
}

#[test]
fn the_knee_pain_fixture_says_why_and_offers_cross_training_article_002() {
    // source: article 002 (above 5: scale back; cross-training keeps you active).
    let text = plan_text(&[
        "plan",
        "--history",
        &history_fixture("knee-pain"),
        "--weeks",
        "2",
    ]);
    assert!(
        text.contains("Week 2 from 2026-11-30: a step back."),
        "{text}"
    );
    assert!(
        text.contains("of cycling or swimming instead of running"),
        "{text}"
    );
    assert!(text.contains("cadence target 160 steps/min"), "{text}");
    assert!(text.contains("daily knee routine"), "{text}");
    let totals = totals_add_up(&text);
    assert!(totals[1] < totals[0], "{totals:?}");
}

#[test]
fn the_red_flag_fixture_has_no_runs_and_says_what_ends_the_hold_article_002() {
    // source: article 002 (the knee giving way: see a doctor or physical
    // therapist). The runner saw a clinician on Sunday 6 December.
    let text = plan_text(&[
        "plan",
        "--history",
        &history_fixture("red-flag"),
        "--weeks",
        "3",
    ]);
    let held = text
        .split("Thu 2026-11-26")
        .nth(1)
        .and_then(|t| t.split("Week 3").next())
        .expect("the held days");
    assert!(
        !held.contains(" running,"),
        "a run during the hold:\n{text}"
    );
    assert!(held.contains("until you confirm"), "{text}");
    assert!(
        text.contains("Week 3 from 2026-12-07: a step back."),
        "{text}"
    );
    assert!(
        text.contains("restarts one step below your last full week"),
        "{text}"
    );
    assert!(
        text.contains("stops there"),
        "the cadence ceiling is explained:\n{text}"
    );
    let totals = totals_add_up(&text);
    assert_eq!(totals[1], 0, "{totals:?}");
    // One step (20%) below the last full week before the hold: the flag cut
    // week 1 short, so that is the 120 minutes the runner was running when
    // the plan began (issue 18, finding 7).
    assert_eq!(totals[2], 96 * 60, "{totals:?}");
}

#[test]
fn a_start_the_plan_cannot_reach_is_an_error_not_a_crash() {
    // Issue 10: this start used to overflow the date arithmetic (exit 101).
    let out = patella()
        .args([
            "plan",
            "--profile",
            &fixture(),
            "--start",
            "+262142-12-20",
            "--weeks",
            "2",
        ])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert_ne!(out.status.code(), Some(101), "a panic");
    let err = String::from_utf8_lossy(&out.stderr);
    // Refused where it enters, naming the flag (issue 19).
    assert!(
        err.contains("--start") && err.contains("2199-12-31"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1), "{err}");
}

#[test]
fn a_plan_reaches_far_past_two_years() {
    // Issue 10: plans used to stop at 104 weeks.
    let text = plan_text(&[
        "plan",
        "--profile",
        &fixture(),
        "--start",
        "2026-11-23",
        "--weeks",
        "160",
    ]);
    assert!(
        text.contains("Week 160 from"),
        "{}",
        &text[text.len().saturating_sub(400)..]
    );
}

#[test]
fn the_plan_page_shows_the_fixture_plans_as_the_program_prints_them() {
    // The plan texts in docs/plan.md (linked from the README) are the
    // program's own output, so their numbers add up exactly as
    // `totals_add_up` checks here.
    let root = format!("{}/..", env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(format!("{root}/docs/plan.md")).expect("docs/plan.md");
    let mut shown = 0;
    for block in page.split("$ patella plan --history ").skip(1) {
        let (command, rest) = block.split_once('\n').expect("a command line");
        let text = rest.split("\n```").next().expect("a closed block");
        let mut args = vec!["plan", "--history"];
        args.extend(command.split_whitespace());
        let path = format!("{root}/{}", args[2]);
        args[2] = &path;
        let printed = plan_text(&args);
        assert_eq!(printed.trim_end(), text, "docs/plan.md block for {command}");
        totals_add_up(text);
        shown += 1;
    }
    assert_eq!(shown, 3, "three fixtures in docs/plan.md");
}

/// Runs `patella plan --history` over `history` (JSON text); returns the
/// plan's JSON and what was said on standard error.
fn plan_of_history(history: &str) -> (serde_json::Value, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("history.json");
    std::fs::write(&path, history).expect("write");
    let out = patella()
        .args(["plan", "--history", path.to_str().expect("utf-8")])
        .args(["--weeks", "2", "--json"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (serde_json::from_slice(&out.stdout).expect("JSON"), stderr)
}

const REGULAR_RUNNER: &str = r#""profile": {
    "experience": "regular",
    "current": {"weekly_minutes": 90, "days_per_week": 3, "preferred_days": ["Tue", "Thu", "Sat"]},
    "goal": {"kind": "weekly_distance", "target_km": 30}
}, "plan_start": "2026-11-23""#;

// Issue 18, finding 14: check-ins written with an RFC 3339 offset ("+02:00",
// "Z") are read as the wall-clock time they name, and count as any other
// (article 002: a 7 after a run cuts next week).
#[test]
fn article_002_a_history_with_offsets_in_taken_at_is_read() {
    let (plan, stderr) = plan_of_history(&format!(
        r#"{{{REGULAR_RUNNER}, "check_ins": [
            {{"taken_at": "2026-11-27T07:00:00Z", "score": 1, "moment": "next_morning"}},
            {{"taken_at": "2026-11-28T19:00:00+02:00", "score": 7, "moment": "after_run"}}
        ]}}"#
    ));
    assert_eq!(stderr, "");
    assert_eq!(plan["weeks"][1]["kind"], "step_back");
    assert_eq!(plan["weeks"][1]["nominal_minutes"], 60);
    assert_eq!(
        plan["weeks"][1]["days"][1]["sessions"][0]["kind"],
        "cross_training"
    );
}

#[test]
fn a_taken_at_that_cannot_be_read_is_refused_naming_the_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("history.json");
    let history = format!(
        r#"{{{REGULAR_RUNNER}, "check_ins": [{{"taken_at": "2026-11-28T19:00:00+0200", "score": 7, "moment": "after_run"}}]}}"#
    );
    std::fs::write(&path, history).expect("write");
    let out = patella()
        .args(["plan", "--history", path.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("taken_at: \"2026-11-28T19:00:00+0200\""),
        "{stderr}"
    );
}

// Article 002 and issue 18, finding 5: a red flag dated 2031 reports nothing
// felt yet. It is set aside with a warning naming it, and the plan goes on
// from the rest instead of holding since 2031.
#[test]
fn article_002_a_check_in_from_the_future_is_set_aside_with_a_warning() {
    let (plan, stderr) = plan_of_history(&format!(
        r#"{{{REGULAR_RUNNER}, "check_ins": [
            {{"taken_at": "2026-11-24T07:00:00", "score": 1, "moment": "next_morning"}},
            {{"taken_at": "2031-06-01T08:00:00", "score": 3, "moment": "next_morning", "red_flags": ["swelling"]}}
        ]}}"#
    ));
    assert!(
        stderr.contains("check_ins[1] set aside: taken_at: 2031-06-01T08:00:00 is ahead of now"),
        "{stderr}"
    );
    let text = plan.to_string();
    assert!(!text.contains("2031"), "{text}");
    let runs = plan["weeks"][0]["days"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|d| d["sessions"].as_array().into_iter().flatten())
        .filter(|s| s["kind"] == "run")
        .count();
    assert!(runs > 0, "{text}");
}
