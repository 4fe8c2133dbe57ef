//! The golden Run screen: a short scripted run driven through the FFI
//! objects, its `RunScreen` at chosen moments, the timeline once, and every
//! cue emitted, written as pretty JSON to `tests/fixtures/screens/run.json`.
//! The Swift and Kotlin model tests read the same file, so the two apps
//! cannot drift. The test fails when the file is stale; refresh it with
//! `PATELLA_BLESS=1 cargo test -p patella-ffi --test screens_run`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use patella_core::sample::SensorLink;
use patella_ffi::pain::{CheckInEntry, CheckInMoment};
use patella_ffi::run::{
    DeliveredRunEvent, RunCadenceUnit, RunCue, RunObserver, RunPlan, RunSample, RunSegment,
    RunSegmentKind, RunSession,
};
use serde::Serialize;

#[derive(Default)]
struct Collect(Mutex<Vec<DeliveredRunEvent>>);

impl RunObserver for Collect {
    fn on_event(&self, event: DeliveredRunEvent) {
        self.0.lock().unwrap().push(event);
    }
}

#[derive(Serialize)]
struct Moment {
    what: &'static str,
    screen: patella_ffi::run::RunScreen,
}

#[derive(Serialize)]
struct EmittedCue {
    at_ms: u64,
    name: String,
    cue: RunCue,
}

#[derive(Serialize)]
struct Golden {
    moments: Vec<Moment>,
    timeline_at_100s: Vec<patella_ffi::run::RunTimelineEntry>,
    cues: Vec<EmittedCue>,
}

fn sample(at_ms: u64, spm: f64) -> RunSample {
    RunSample {
        at_ms,
        source_id: "phone".into(),
        cadence: spm,
        unit: RunCadenceUnit::StepsPerMinute,
        speed_mps: Some(2.8),
        stride_length_m: None,
        gait: None,
        total_distance_m: None,
    }
}

fn segment(kind: RunSegmentKind, duration_s: u32) -> RunSegment {
    RunSegment { kind, duration_s }
}

fn scripted_run() -> Golden {
    use RunSegmentKind::*;
    let plan = RunPlan {
        segments: vec![
            segment(WarmUp, 60),
            segment(Run, 90),
            segment(Walk, 60),
            segment(Run, 90),
            segment(CoolDown, 60),
        ],
        cadence_target_spm: Some(170.0),
    };
    let observer = Arc::new(Collect::default());
    let session = RunSession::new(plan, None, observer.clone()).unwrap();
    let sink = session.clone().as_sample_sink();
    let mut moments = Vec::new();
    let shot = |what, at_ms| Moment {
        what,
        screen: session.snapshot(at_ms).unwrap(),
    };
    moments.push(shot("ready", 0));
    session.start(0).unwrap();
    sink.on_link("pod", SensorLink::Connected, 0);
    sink.on_battery("pod", 18, 0);
    let mut timeline = Vec::new();
    for t in 1..=260u64 {
        let at = t * 1_000;
        // In the band in the first run, slow in the second.
        let spm = if t <= 150 { 171.0 } else { 150.0 };
        if t > 60 && t != 200 {
            session.push_sample(sample(at, spm)).unwrap();
        }
        session.tick(at).unwrap();
        match t {
            30 => moments.push(shot("warm_up", at)),
            100 => {
                moments.push(shot("run_in_band", at));
                timeline = session.timeline(at).unwrap();
            }
            151 => moments.push(shot("check_in_asked", at)),
            152 => {
                let checkin = CheckInEntry {
                    taken_at: "2026-11-30T07:32:00".into(),
                    score: 3,
                    moment: CheckInMoment::DuringRun,
                    quality: None,
                    location: None,
                    red_flags: vec![],
                };
                session.check_in(at, checkin).unwrap();
                moments.push(shot("check_in_answered", at));
            }
            200 => {
                sink.on_link("pod", SensorLink::Silent, at);
                session.pause(at).unwrap();
                moments.push(shot("paused", at));
                session.resume(at).unwrap();
            }
            245 => moments.push(shot("second_run_below_band", at)),
            _ => {}
        }
    }
    session.stop(260_500).unwrap();
    moments.push(shot("stopped", 261_000));
    assert!(session.flush_events(10_000), "events delivered");
    let cues = observer
        .0
        .lock()
        .unwrap()
        .iter()
        .map(|e| EmittedCue {
            at_ms: e.at_ms,
            name: e.name.clone(),
            cue: e.cue.clone(),
        })
        .collect();
    Golden {
        moments,
        timeline_at_100s: timeline,
        cues,
    }
}

#[test]
fn the_run_screen_golden_file_is_current() {
    let mut json = serde_json::to_string_pretty(&scripted_run()).unwrap();
    json.push('\n');
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/screens/run.json");
    if std::env::var_os("PATELLA_BLESS").is_some() {
        std::fs::write(&path, &json).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == json,
        "{} is stale (or missing). If the change is intended, refresh it with\n  \
         PATELLA_BLESS=1 cargo test -p patella-ffi --test screens_run\nand review the diff.",
        path.display()
    );
}

/// The sensor client tells the session its link and battery inside Rust;
/// the Run screen's panel shows them without the app relaying anything.
#[test]
fn a_pushed_sensor_link_and_battery_reach_the_run_screen() {
    use patella_ffi::run::RunSensorLink;
    use patella_ffi::sensor::SensorClient;
    let plan = RunPlan {
        segments: vec![segment(RunSegmentKind::Run, 600)],
        cadence_target_spm: Some(170.0),
    };
    let session = RunSession::new(plan, None, Arc::new(Collect::default())).unwrap();
    let client = SensorClient::new();
    client.feed_run(Some(session.clone())).unwrap();
    client.start_pushed("foot-pod".into()).unwrap();
    session.start(0).unwrap();
    assert_eq!(session.snapshot(0).unwrap().sensor.label, "No sensor");
    client.push_link_state(true).unwrap();
    client.push_raw_battery(vec![12]).unwrap();
    let panel = session.snapshot(0).unwrap().sensor;
    assert_eq!(panel.link, Some(RunSensorLink::Connected));
    assert_eq!(panel.source_id.as_deref(), Some("foot-pod"));
    assert_eq!(panel.battery_percent, Some(12));
    assert!(panel.battery_low);
    client.push_link_state(false).unwrap();
    let link = session.snapshot(0).unwrap().sensor.link;
    assert_ne!(link, Some(RunSensorLink::Connected), "{link:?}");
    client.stop().unwrap();
}

/// The sensor observer's events get their cue from the core too.
#[test]
fn sensor_events_have_cues_across_the_ffi() {
    use patella_ffi::run::RunUrgency;
    use patella_ffi::sensor::{
        SensorConnectionState, SensorWarning, sensor_battery_cue, sensor_state_cue,
        sensor_warning_cue,
    };
    let off = sensor_state_cue(SensorConnectionState::BluetoothOff);
    assert!(off.reach_locked_phone && off.speak && off.urgency == RunUrgency::Warning);
    assert!(!sensor_state_cue(SensorConnectionState::Connected).speak);
    assert_eq!(sensor_battery_cue(10).urgency, RunUrgency::Nudge);
    let low = sensor_warning_cue(SensorWarning::LowBattery { percent: 10 });
    assert!(low.text.contains("10%"), "{}", low.text);
}
