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
        text.contains("week 1 from 2026-11-23") && text.contains("week 2 from 2026-11-30"),
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
    assert_eq!(plan["weeks"][1]["nominal_minutes"], 72);
    let tuesday = &plan["weeks"][1]["days"][1];
    assert_eq!(tuesday["date"], "2026-12-01");
    assert_eq!(tuesday["sessions"][0]["kind"], "cross_training");
}
