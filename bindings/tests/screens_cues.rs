//! The golden cue catalogue: every run event kind and every sensor observer
//! call, as `sampleRunEvents` and `sampleSensorCues` return them over the
//! FFI, written as pretty JSON to `tests/fixtures/screens/cues.json`. The
//! Swift and Kotlin cue policy tests walk the same file, so a kind the core
//! adds cannot go unmapped in either app. The test fails when the file is
//! stale; refresh it with
//! `PATELLA_BLESS=1 cargo test -p patella-ffi --test screens_cues`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use patella_ffi::run::SensorCueCall;
use patella_ffi::run::{RunCue, sample_run_events, sample_sensor_cues};
use patella_ffi::sensor::{SensorConnectionState, SensorWarning};
use serde::Serialize;

#[derive(Serialize)]
struct Entry {
    /// "run" for a `RunObserver` event, "sensor" for a `SensorObserver` call.
    source: &'static str,
    /// The event's `name`, or the sensor call and its variant.
    kind: String,
    cue: RunCue,
}

fn sensor_kind(call: &SensorCueCall) -> String {
    match call {
        SensorCueCall::State { state } => format!(
            "state_{}",
            match state {
                SensorConnectionState::Idle => "idle",
                SensorConnectionState::Connecting { .. } => "connecting",
                SensorConnectionState::Connected => "connected",
                SensorConnectionState::Silent => "silent",
                SensorConnectionState::Reconnecting { .. } => "reconnecting",
                SensorConnectionState::BluetoothOff => "bluetooth_off",
                SensorConnectionState::Failed { .. } => "failed",
            }
        ),
        SensorCueCall::Battery { percent } => format!("battery_{percent}"),
        SensorCueCall::Details { .. } => "details".into(),
        SensorCueCall::Warning { warning } => format!(
            "warning_{}",
            match warning {
                SensorWarning::LowBattery { .. } => "low_battery",
                SensorWarning::MalformedPacket { .. } => "malformed_packet",
                SensorWarning::ReadFailed { .. } => "read_failed",
                SensorWarning::ConnectFailed { .. } => "connect_failed",
            }
        ),
    }
}

fn catalogue() -> Vec<Entry> {
    let run = sample_run_events().into_iter().map(|e| Entry {
        source: "run",
        kind: e.name,
        cue: e.cue,
    });
    let sensor = sample_sensor_cues().into_iter().map(|s| Entry {
        source: "sensor",
        kind: sensor_kind(&s.call),
        cue: s.cue,
    });
    run.chain(sensor).collect()
}

#[test]
fn cue_catalogue_matches_the_golden_file() {
    let mut json = serde_json::to_string_pretty(&catalogue()).unwrap();
    json.push('\n');
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/screens/cues.json");
    if std::env::var_os("PATELLA_BLESS").is_some() {
        std::fs::write(&path, &json).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == json,
        "{} is stale (or missing). If the change is intended, refresh it with\n  \
         PATELLA_BLESS=1 cargo test -p patella-ffi --test screens_cues\nand review the diff.",
        path.display()
    );
}

#[test]
fn the_catalogue_holds_all_22_run_event_kinds() {
    // The core's own test proves the samples cover the enum; this checks the
    // FFI hands every one of them over, named.
    let mut names: Vec<String> = sample_run_events().into_iter().map(|e| e.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 22, "{names:?}");
}
