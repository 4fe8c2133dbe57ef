//! Cues as data: every run event and every sensor event carries its text,
//! an urgency, a speak flag and whether it must reach a locked phone, all
//! decided by the core. Urgencies follow the knee's safety rules: a pain
//! stop (articles 001, 002, 004) and a red flag (article 002) are `Stop`.
// Helpers outside #[test] fns: a failed unwrap there is a failed test too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use patella_core::cadence::RejectReason;
use patella_core::pain::{CheckIn, CheckInMoment, PainAction, PainQuality, PainZone, RedFlag};
use patella_core::run::cue::delivery;
use patella_core::run::sensor_cue;
use patella_core::run::{
    PromptReason, RunConfig, RunEvent, RunEventKind, RunSession, SegmentKind, SessionPlan,
    StopReason, Urgency,
};
use patella_core::sample::CadenceUnit;
use patella_core::sensor::observer::{SensorDetails, SensorState, SensorWarning};
use run_support::*;

/// One of each kind. The exhaustive match in `ordinal` stops this test
/// compiling when a kind is added without a place here.
fn one_of_each() -> Vec<RunEventKind> {
    use RunEventKind as K;
    let seg = SegmentKind::Run;
    vec![
        K::SessionStarted {
            total_ms: 1,
            segments: 1,
        },
        K::SegmentStarted {
            index: 0,
            segment: seg,
            duration_ms: 1,
            target_spm: None,
        },
        K::SegmentEndingSoon {
            index: 0,
            segment: seg,
            seconds_left: 10,
            next: None,
        },
        K::Halfway {
            elapsed_ms: 1,
            remaining_ms: 1,
        },
        K::SessionComplete { elapsed_ms: 1 },
        K::SessionStopped {
            reason: StopReason::PainStop,
            elapsed_ms: 1,
        },
        K::Paused { elapsed_ms: 1 },
        K::Resumed { paused_for_ms: 1 },
        K::CheckInPrompt {
            reason: PromptReason::Periodic,
        },
        K::CheckInAssessed {
            score: 7,
            zone: PainZone::AboveBuffer,
            action: PainAction::ScaleBack,
        },
        K::SwitchedToWalking {
            segments_changed: 1,
        },
        K::RunEnded { skipped_ms: 1 },
        K::CadenceLow {
            cadence_spm: 150.0,
            target_spm: 170.0,
            band_low_spm: 165.0,
            below_for_ms: 1,
        },
        K::CadenceHigh {
            cadence_spm: 190.0,
            target_spm: 170.0,
            band_high_spm: 175.0,
            above_for_ms: 1,
        },
        K::BackOnTarget {
            cadence_spm: 170.0,
            target_spm: 170.0,
        },
        K::Overstride {
            stride_m: 1.5,
            baseline_m: 1.2,
            speed_mps: 3.0,
            excess_pct: 25.0,
        },
        K::WalkingInRunSegment {
            walking_for_ms: 1,
            cadence_spm: None,
            speed_mps: None,
        },
        K::SensorGap {
            source_id: None,
            last_reading_ms: None,
        },
        K::SensorRestored {
            source_id: None,
            gap_ms: 1,
        },
        K::UnitDetected {
            source_id: "s".into(),
            unit: CadenceUnit::StepsPerMinute,
        },
        K::ReadingsRejected {
            source_id: "s".into(),
            value: 400.0,
            reason: RejectReason::AboveMax { spm: 400.0 },
        },
        K::MetronomeChanged {
            playing: true,
            interval_ms: Some(353),
        },
    ]
}

fn ordinal(kind: &RunEventKind) -> usize {
    use RunEventKind as K;
    match kind {
        K::SessionStarted { .. } => 0,
        K::SegmentStarted { .. } => 1,
        K::SegmentEndingSoon { .. } => 2,
        K::Halfway { .. } => 3,
        K::SessionComplete { .. } => 4,
        K::SessionStopped { .. } => 5,
        K::Paused { .. } => 6,
        K::Resumed { .. } => 7,
        K::CheckInPrompt { .. } => 8,
        K::CheckInAssessed { .. } => 9,
        K::SwitchedToWalking { .. } => 10,
        K::RunEnded { .. } => 11,
        K::CadenceLow { .. } => 12,
        K::CadenceHigh { .. } => 13,
        K::BackOnTarget { .. } => 14,
        K::Overstride { .. } => 15,
        K::WalkingInRunSegment { .. } => 16,
        K::SensorGap { .. } => 17,
        K::SensorRestored { .. } => 18,
        K::UnitDetected { .. } => 19,
        K::ReadingsRejected { .. } => 20,
        K::MetronomeChanged { .. } => 21,
    }
}

const KINDS: usize = 22;

#[test]
fn every_run_event_kind_has_a_delivery_and_the_list_is_complete() {
    let kinds = one_of_each();
    let seen: BTreeSet<usize> = kinds.iter().map(ordinal).collect();
    assert_eq!(seen, (0..KINDS).collect(), "one of each kind, no gaps");
    for kind in &kinds {
        let (urgency, speak, locked) = delivery(kind);
        // Whatever reaches a locked phone is worth more than a line of text.
        assert!(
            !locked || urgency > Urgency::Info || speak,
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
    assert_eq!(stop.cue.urgency, Urgency::Stop);
    assert!(stop.cue.reach_locked_phone);
}

#[test]
fn every_sensor_event_has_text_urgency_and_a_speak_flag() {
    let states = [
        SensorState::Idle,
        SensorState::Connecting { attempt: 1 },
        SensorState::Connected,
        SensorState::Silent,
        SensorState::Reconnecting {
            attempt: 2,
            retry_in_ms: 1_000,
        },
        SensorState::AdapterOff,
        SensorState::Failed {
            reason: "gone".into(),
        },
    ];
    let warnings = [
        SensorWarning::LowBattery { percent: 9 },
        SensorWarning::MalformedPacket { detail: "x".into() },
        SensorWarning::ConnectFailed { detail: "x".into() },
        SensorWarning::ReadFailed {
            what: "battery level".into(),
            detail: "x".into(),
        },
    ];
    let mut cues: Vec<_> = states.iter().map(sensor_cue::for_state).collect();
    cues.extend(warnings.iter().map(sensor_cue::for_warning));
    cues.extend([5, 80].map(sensor_cue::for_battery));
    cues.push(sensor_cue::for_details(&SensorDetails::default()));
    for c in &cues {
        assert!(!c.text.trim().is_empty(), "{c:?}");
    }
    // Losing the sensor's radio must reach a pocketed phone.
    let off = sensor_cue::for_state(&SensorState::AdapterOff);
    assert!(off.reach_locked_phone && off.urgency == Urgency::Warning);
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
            .all(|e| e.cue.urgency == Urgency::Stop || e.kind.name() == "metronome_changed"),
        "{events:?}"
    );
}
