//! Cues as data: every run event and every sensor event carries its text,
//! an urgency, a speak flag and whether it must reach a locked phone, all
//! decided by the core. Urgencies follow the knee's safety rules: a pain
//! stop (articles 001, 002, 004) and a red flag (article 002) are `Stop`.
// Helpers outside #[test] fns: a failed unwrap there is a failed test too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use patella_core::pain::{CheckIn, CheckInMoment, PainQuality, RedFlag};
use patella_core::run::cue::delivery;
use patella_core::run::samples::{sample_run_events, sample_sensor_cues};
use patella_core::run::sensor_cue;
use patella_core::run::{RunConfig, RunEvent, RunEventKind, RunSession, RunUrgency, SessionPlan};
use patella_core::sensor::observer::SensorConnectionState;
use run_support::*;

/// Every kind's delivery fits it. That the samples hold every kind is
/// proved where they are made (`run::samples`, an exhaustive match).
#[test]
fn every_run_event_kind_has_a_delivery_and_the_list_is_complete() {
    let kinds: Vec<RunEventKind> = sample_run_events().into_iter().map(|e| e.kind).collect();
    let names: BTreeSet<&str> = kinds.iter().map(RunEventKind::name).collect();
    assert_eq!(names.len(), 22, "one of each kind, no gaps: {names:?}");
    for kind in &kinds {
        let (urgency, speak, locked) = delivery(kind);
        // Whatever reaches a locked phone is worth more than a line of text.
        assert!(
            !locked || urgency > RunUrgency::Info || speak,
            "{}",
            kind.name()
        );
        // Form cues are spoken, never posted: they would pile up.
        if kind.is_form_alert() {
            assert!(speak && !locked, "{}", kind.name());
        }
    }
}

fn checkin(score: i64, quality: Option<PainQuality>, flags: Vec<RedFlag>) -> CheckIn {
    CheckIn::new(
        NaiveDateTime::default(),
        score,
        CheckInMoment::DuringRun,
        quality,
        None,
        flags,
    )
    .unwrap()
}

/// Drives real sessions through every path that makes events, and checks
/// the cue of each one the engine actually emitted.
fn emitted() -> Vec<RunEvent> {
    let mut all = Vec::new();
    let plan = || SessionPlan::intervals(30, 60, 30, 2, 30).with_target(170.0);
    let config = RunConfig {
        check_in_prompts: patella_core::run::CheckInPrompts {
            every_min: Some(1),
            ..RunConfig::default().check_in_prompts
        },
        ..RunConfig::default()
    };
    // A whole day with slow cadence, a gap and a pause.
    let mut s = RunSession::new(plan(), config.clone()).unwrap();
    all.extend(s.start(0));
    for t in (1..=240).map(|t| t * 1_000) {
        if (40_000..60_000).contains(&t) || t > 80_000 {
            all.extend(s.push_sample(&steps(t, 150.0)).unwrap());
        }
        if t == 120_000 {
            all.extend(s.signal_lost("pod", t).unwrap());
            all.extend(s.signal_restored("pod", t).unwrap());
            all.extend(s.pause(t).unwrap());
            all.extend(s.resume(t).unwrap());
        }
        all.extend(s.tick(t).unwrap());
    }
    // Pain above the zone, then a red flag.
    let mut s = RunSession::new(plan(), config).unwrap();
    all.extend(s.start(0));
    all.extend(s.tick(40_000).unwrap());
    all.extend(s.check_in(40_000, checkin(7, None, vec![])).unwrap());
    all.extend(
        s.check_in(41_000, checkin(3, None, vec![RedFlag::GivingWay]))
            .unwrap(),
    );
    all
}

#[test]
fn every_emitted_event_has_text_urgency_and_a_speak_flag() {
    let events = emitted();
    assert!(events.len() > 15, "{}", events.len());
    for e in &events {
        assert!(
            !e.cue.text.trim().is_empty(),
            "{} has no text",
            e.kind.name()
        );
        assert_eq!(
            (e.cue.urgency, e.cue.speak, e.cue.reach_locked_phone),
            delivery(&e.kind),
            "{}",
            e.kind.name()
        );
    }
    let stop = events
        .iter()
        .find(|e| e.kind.name() == "session_stopped")
        .unwrap();
    // article 002: a red flag stops the session: the loudest cue.
    assert_eq!(stop.cue.urgency, RunUrgency::Stop);
    assert!(stop.cue.reach_locked_phone);
}

#[test]
fn every_sensor_event_has_text_urgency_and_a_speak_flag() {
    let cues: Vec<_> = sample_sensor_cues().into_iter().map(|(_, c)| c).collect();
    for c in &cues {
        assert!(!c.text.trim().is_empty(), "{c:?}");
    }
    // Losing the sensor's radio must reach a pocketed phone.
    let off = sensor_cue::for_state(&SensorConnectionState::BluetoothOff);
    assert!(off.reach_locked_phone && off.urgency == RunUrgency::Warning);
    assert!(sensor_cue::for_battery(5).urgency > sensor_cue::for_battery(80).urgency);
}

#[test]
fn a_sharp_pain_check_in_stops_with_the_stop_urgency() {
    // articles 001 and 004: sharp pain means stop.
    let mut s = RunSession::new(
        SessionPlan::intervals(30, 60, 30, 2, 30),
        RunConfig::default(),
    )
    .unwrap();
    s.start(0);
    s.tick(40_000).unwrap();
    let events = s
        .check_in(40_000, checkin(3, Some(PainQuality::Sharp), vec![]))
        .unwrap();
    assert!(
        events
            .iter()
            .all(|e| e.cue.urgency == RunUrgency::Stop || e.kind.name() == "metronome_changed"),
        "{events:?}"
    );
}
