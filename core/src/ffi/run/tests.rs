//! The run facade's own tests: the object, its mappings and `SampleSink`.

use super::*;
use std::sync::{Arc, Mutex};

use crate::sample::{CadenceSample, CadenceUnit};

use crate::ffi::pain::{CheckInEntry, CheckInMoment, PainQuality};

/// How long a test waits for the delivery thread; only a hang reaches it.
const WAIT: std::time::Duration = std::time::Duration::from_secs(10);

#[derive(Default)]
struct Collect(Mutex<Vec<DeliveredRunEvent>>);

impl RunObserver for Collect {
    fn on_event(&self, event: DeliveredRunEvent) {
        self.0.lock().unwrap().push(event);
    }
}

#[test]
fn a_planned_run_from_the_coach_starts_with_its_segments() {
    let coach = crate::ffi::coach::Coach::new();
    let profile = crate::ffi::coach::RunnerProfile {
        cadence_baseline_spm: Some(160.0),
        ..crate::ffi::coach::tests::runner()
    };
    coach
        .save_profile(profile, "2026-11-23".to_owned())
        .unwrap();
    let planned = (23..30)
        .find_map(|d| coach.planned_run(format!("2026-11-{d}")).unwrap())
        .expect("a run day in the first week");
    let observer = Arc::new(Collect::default());
    let session = RunSession::from_planned_run(planned.clone(), None, observer).unwrap();
    let view = session.snapshot(0).unwrap();
    let planned_ms: u64 = planned
        .segments
        .iter()
        .map(|s| u64::from(s.duration_s) * 1000)
        .sum();
    assert_eq!(view.total_ms, planned_ms);
    assert_eq!(
        view.cadence.target_spm,
        Some(160.0),
        "the baseline in the first weeks"
    );
}

fn plan() -> RunPlan {
    RunPlan {
        segments: vec![
            RunSegment {
                kind: RunSegmentKind::WarmUp,
                duration_s: 30,
            },
            RunSegment {
                kind: RunSegmentKind::Run,
                duration_s: 300,
            },
            RunSegment {
                kind: RunSegmentKind::CoolDown,
                duration_s: 30,
            },
        ],
        cadence_target_spm: Some(170.0),
    }
}

fn sample(at_ms: u64, cadence: f64) -> CadenceSample {
    CadenceSample {
        at_ms,
        source_id: "pod".into(),
        cadence,
        unit: CadenceUnit::StepsPerMinute,
        speed_mps: None,
        stride_length_m: None,
        gait: None,
        total_distance_m: None,
    }
}

fn assert_send_sync<T: Send + Sync>() {}

// source: article 002/004 (cadence cue), delivered through the observer
#[test]
fn a_short_session_reaches_the_observer_in_order() {
    assert_send_sync::<RunSession>();
    let observer = Arc::new(Collect::default());
    let session = RunSession::new(plan(), None, observer.clone()).unwrap();
    session.start(0).unwrap();
    let sink = session.clone().as_sample_sink();
    for t in 1..=360u64 {
        // A sensor on the Rust side: below the band during the run.
        sink.on_sample(sample(t * 1_000, if t > 30 { 150.0 } else { 170.0 }));
        session.tick(t * 1_000).unwrap();
    }
    assert!(session.wait_delivered(WAIT));
    let events = observer.0.lock().unwrap();
    let names: Vec<&str> = events.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names.first(), Some(&"session_started"));
    assert_eq!(names.last(), Some(&"session_complete"));
    assert_eq!(names.iter().filter(|n| **n == "cadence_low").count(), 1);
    assert!(events.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
    let low = events.iter().find(|e| e.name == "cadence_low").unwrap();
    assert!(matches!(low.kind, RunEventKind::CadenceLow { target_spm, .. } if target_spm == 170.0));
    let view = session.snapshot(360_000).unwrap();
    assert_eq!(view.status, RunStatus::Complete);
}

#[test]
fn errors_name_the_field_and_nothing_panics() {
    let observer = Arc::new(Collect::default());
    let session = RunSession::new(plan(), None, observer).unwrap();
    session.start(0).unwrap();
    session.tick(10_000).unwrap();
    // A stale clock read is taken at the session's time, not refused.
    session.tick(5_000).unwrap();
    assert_eq!(session.snapshot(10_000).unwrap().elapsed_ms, 10_000);
    let err = session
        .push_sample(RunSample {
            at_ms: 11_000,
            source_id: "pedometer".into(),
            cadence: f64::NAN,
            unit: RunCadenceUnit::StepsPerMinute,
            speed_mps: None,
            stride_length_m: None,
            gait: None,
            total_distance_m: None,
        })
        .unwrap_err();
    assert!(err.to_string().starts_with("sample.cadence"), "{err}");
    let checkin = CheckInEntry {
        taken_at: "22/11/2026".into(),
        score: 3,
        moment: CheckInMoment::DuringRun,
        quality: None,
        location: None,
        red_flags: vec![],
    };
    let err = session.check_in(11_000, checkin).unwrap_err();
    assert!(matches!(err, RunSessionError::InvalidDate { ref field, .. } if field == "taken_at"));
    let checkin = CheckInEntry {
        taken_at: "2026-11-22T07:30:00".into(),
        score: 12,
        moment: CheckInMoment::DuringRun,
        quality: None,
        location: None,
        red_flags: vec![],
    };
    assert!(
        session
            .check_in(11_000, checkin)
            .unwrap_err()
            .to_string()
            .contains("score")
    );
    let bad = RunPlan {
        segments: vec![],
        cadence_target_spm: None,
    };
    let err = RunSession::new(bad, None, Arc::new(Collect::default()))
        .err()
        .unwrap();
    assert!(err.to_string().contains("segments"));
}

// source: article 002 (sharp pain: stop), applied live through the FFI
#[test]
fn a_sharp_check_in_stops_and_settings_apply() {
    let observer = Arc::new(Collect::default());
    let settings = RunSettings {
        metronome: RunMetronomeMode::Always,
        alert_above_band: true,
        end_run_on_pain_above_zone: true,
        check_in_every_min: None,
        min_seconds_between_cues: 30,
        allow_unusual_target: false,
    };
    let session = RunSession::new(plan(), Some(settings), observer.clone()).unwrap();
    session.start(0).unwrap();
    session.tick(40_000).unwrap();
    assert!(session.snapshot(40_000).unwrap().metronome.playing);
    let checkin = CheckInEntry {
        taken_at: "2026-11-22T07:41:00".into(),
        score: 2,
        moment: CheckInMoment::DuringRun,
        quality: Some(PainQuality::Sharp),
        location: None,
        red_flags: vec![],
    };
    session.check_in(41_000, checkin).unwrap();
    assert!(session.wait_delivered(WAIT));
    let events = observer.0.lock().unwrap();
    assert!(events.iter().any(|e| matches!(
        e.kind,
        RunEventKind::SessionStopped {
            reason: RunStopReason::PainStop,
            ..
        }
    )));
    assert_eq!(session.snapshot(41_000).unwrap().status, RunStatus::Stopped);
}

/// An observer that calls back into the session must not deadlock.
struct Reentrant(Mutex<Option<Arc<RunSession>>>, Mutex<u32>);

impl RunObserver for Reentrant {
    fn on_event(&self, _event: DeliveredRunEvent) {
        if let Some(s) = self.0.lock().unwrap().as_ref() {
            let _ = s.snapshot(0);
            let _ = s.tick(1_000);
        }
        *self.1.lock().unwrap() += 1;
    }
}

#[test]
fn an_observer_may_call_back_in() {
    let observer = Arc::new(Reentrant(Mutex::new(None), Mutex::new(0)));
    let session = RunSession::new(plan(), None, observer.clone()).unwrap();
    *observer.0.lock().unwrap() = Some(session.clone());
    session.start(0).unwrap();
    assert!(session.wait_delivered(WAIT));
    assert!(*observer.1.lock().unwrap() >= 2);
    *observer.0.lock().unwrap() = None;
}

// Issue 9, "cadence targets stay honest" (article 002's 165-180 aim): a
// target far outside it is refused through the FFI unless overridden, and a
// reading a day ahead is refused without moving the run (issue 10, finding 6).
#[test]
fn unusual_targets_need_the_override_and_far_future_readings_are_refused() {
    let low = RunPlan {
        cadence_target_spm: Some(140.0),
        ..plan()
    };
    let err = RunSession::new(low.clone(), None, Arc::new(Collect::default()))
        .err()
        .unwrap();
    assert!(
        err.to_string().contains("outside the usual 150-190"),
        "{err}"
    );
    let settings = RunSettings {
        metronome: RunMetronomeMode::Nudge,
        alert_above_band: false,
        end_run_on_pain_above_zone: false,
        check_in_every_min: None,
        min_seconds_between_cues: 60,
        allow_unusual_target: true,
    };
    let session = RunSession::new(low, Some(settings), Arc::new(Collect::default())).unwrap();
    session.start(0).unwrap();
    let ahead = RunSample {
        at_ms: 24 * 3_600_000,
        source_id: "pedometer".into(),
        cadence: 150.0,
        unit: RunCadenceUnit::StepsPerMinute,
        speed_mps: None,
        stride_length_m: None,
        gait: None,
        total_distance_m: None,
    };
    let err = session.push_sample(ahead).unwrap_err();
    assert!(err.to_string().contains("ahead"), "{err}");
    session.tick(1_000).unwrap();
    let view = session.snapshot(1_000).unwrap();
    assert_eq!(view.status, RunStatus::Running);
    assert_eq!(view.elapsed_ms, 1_000);
}

#[test]
fn the_runners_saved_settings_become_session_settings() {
    let saved = crate::ffi::screens::AppSettings::default();
    let defaults = run_settings_for(saved.clone());
    // The saved defaults ask for exactly the session's documented defaults.
    assert_eq!(
        defaults.config(),
        crate::run::RunConfig::default(),
        "{defaults:?}"
    );
    let quiet = run_settings_for(crate::ffi::screens::AppSettings {
        metronome: false,
        alerts_above_band: true,
        ..saved
    });
    assert_eq!(quiet.metronome, RunMetronomeMode::Off);
    assert!(quiet.alert_above_band);
}
