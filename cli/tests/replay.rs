//! `patella replay` end to end: a recorded trace in, the same JSON events
//! out every time (source: articles 002 and 004 for the cadence cue).
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/traces")
        .join(name)
}

fn patella(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn replay_prints_json_events_with_kind_and_time_the_same_every_time() {
    let file = fixture("drift_below.csv");
    let args = [
        "replay",
        file.to_str().unwrap(),
        "--target",
        "170",
        "--json",
    ];
    let first = patella(&args);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let second = patella(&args);
    assert_eq!(first.stdout, second.stdout);
    let events: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    let events = events.as_array().unwrap();
    assert!(
        events
            .iter()
            .all(|e| e["kind"].is_string() && e["at_ms"].is_u64())
    );
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.first(), Some(&"session_started"));
    assert_eq!(kinds.last(), Some(&"session_complete"));
    assert_eq!(kinds.iter().filter(|k| **k == "cadence_low").count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == "back_on_target").count(), 1);
    let low = events.iter().find(|e| e["kind"] == "cadence_low").unwrap();
    assert_eq!(low["target_spm"], 170.0);
    assert!(low["cadence_spm"].as_f64().unwrap() < 165.0);
    assert!(low["cue"].as_str().unwrap().contains("quicker"));
}

// source: article 000 (run/walk) and 004 (warm-up, cool-down)
#[test]
fn replay_follows_a_given_plan_and_never_alerts_in_walks() {
    let file = fixture("drift_below.csv");
    let out = patella(&[
        "replay",
        file.to_str().unwrap(),
        "--plan",
        "warmup:60s,run:2m/walk:1m*3,cooldown:60s",
        "--target",
        "170",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut segment = String::new();
    let mut starts = 0;
    for e in events.as_array().unwrap() {
        match e["kind"].as_str().unwrap() {
            "segment_started" => {
                segment = e["segment"].as_str().unwrap().to_owned();
                starts += 1;
            }
            "cadence_low" | "cadence_high" | "overstride" => assert_eq!(segment, "run", "{e}"),
            _ => {}
        }
    }
    assert_eq!(starts, 8);
}

#[test]
fn replay_text_output_and_errors() {
    let file = fixture("power_mode.csv");
    let out = patella(&["replay", file.to_str().unwrap(), "--target", "170"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("readings_rejected"));
    assert!(!text.contains("cadence_low"));

    let missing = patella(&["replay", "/nonexistent/trace.csv"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/trace.csv"));

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "time_ms,cadence,unit\n1000,abc,steps\n").unwrap();
    let out = patella(&["replay", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 2, cadence: 'abc' is not a number")
    );

    let plan_file = dir.path().join("plan.json");
    std::fs::write(
        &plan_file,
        r#"{"segments":[{"kind":"walk","duration_s":300}],"cadence_target_spm":170}"#,
    )
    .unwrap();
    let out = patella(&[
        "replay",
        fixture("drift_below.csv").to_str().unwrap(),
        "--plan",
        plan_file.to_str().unwrap(),
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        events
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["kind"] != "cadence_low"),
        "walks never alert"
    );

    let plan = patella(&["replay", file.to_str().unwrap(), "--plan", "jog:5m"]);
    assert!(!plan.status.success());
    assert!(String::from_utf8_lossy(&plan.stderr).contains("--plan"));
}
