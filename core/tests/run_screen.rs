//! The Run screen record and the timeline of changes ahead. The timeline's
//! promise is an invariant: with no input but time, every segment start and
//! the finish happen exactly when, and with exactly the cue, it said.
// Helpers outside #[test] fns: a failed unwrap there is a failed test too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use chrono::NaiveDateTime;
use patella_core::pain::{CheckIn, CheckInMoment, PainZone};
use patella_core::run::{
    RunCadenceState, RunConfig, RunPromptReason, RunSegment, RunSession, RunStatus, RunStopReason,
    RunStripState, SegmentKind, SessionPlan,
};
use patella_core::sample::{SampleSink, SensorLink};
use proptest::prelude::*;
use run_support::*;

fn plan() -> SessionPlan {
    SessionPlan::intervals(60, 90, 60, 2, 60).with_target(170.0)
}

#[test]
fn the_screen_carries_segments_countdown_cadence_and_buttons() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    let ready = s.screen(0);
    assert!(ready.buttons.start && !ready.buttons.pause && !ready.buttons.check_in);
    assert_eq!(ready.status_label, "Ready");
    s.start(0);
    for t in 1..=75 {
        s.push_sample(&steps(t * 1_000, 171.0)).unwrap();
        s.tick(t * 1_000).unwrap();
    }
    let at = s.screen(75_500);
    let current = at.current.as_ref().unwrap();
    assert_eq!(
        (current.kind, current.label.as_str()),
        (SegmentKind::Run, "Run")
    );
    assert_eq!(at.next.as_ref().unwrap().label, "Walk");
    // 90 s run from 60 s: 74.5 s left, shown rounded up.
    assert_eq!(at.countdown_ms, 74_500);
    assert_eq!(at.countdown_label, "1:15");
    assert_eq!(at.elapsed_label, "1:15");
    assert_eq!(at.cadence.zone, RunCadenceState::InBand);
    assert_eq!(at.cadence.label, "171 steps/min");
    assert!(at.cadence.band_label.is_some());
    assert!(at.buttons.pause && at.buttons.stop && !at.buttons.resume);
    assert_eq!(at.strip[0].state, RunStripState::Done);
    assert_eq!(at.strip[1].state, RunStripState::Current);
    assert_eq!(at.strip[2].state, RunStripState::Upcoming);
    assert!((at.strip[1].done_fraction - 15.5 / 90.0).abs() < 1e-9);
}

#[test]
fn a_prompt_waits_on_the_screen_until_the_knee_check_answers_it() {
    // article 002: the knee is checked during the run (pain buffer zone).
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    s.start(0);
    s.tick(151_000).unwrap(); // the first run segment ended: prompt
    let asked = s.screen(151_000);
    assert_eq!(
        asked.check_in_prompt.as_ref().map(|p| p.reason),
        Some(RunPromptReason::AfterRunSegment)
    );
    let checkin = CheckIn::new(
        NaiveDateTime::default(),
        3,
        CheckInMoment::DuringRun,
        None,
        None,
        vec![],
    )
    .unwrap();
    s.check_in(152_000, checkin).unwrap();
    let answered = s.screen(152_000);
    assert!(answered.check_in_prompt.is_none());
    let last = answered.last_assessment.unwrap();
    assert_eq!((last.score, last.zone), (3, PainZone::WithinBuffer));
    assert!(!last.advice.is_empty());
}

#[test]
fn a_stop_shows_its_reason_and_disables_the_run_buttons() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    s.start(0);
    s.pause(10_000).unwrap();
    let paused = s.screen(12_000);
    assert!(paused.paused && paused.buttons.resume && !paused.buttons.pause);
    s.stop(13_000).unwrap();
    let stopped = s.screen(14_000);
    assert_eq!(stopped.status, RunStatus::Stopped);
    assert_eq!(stopped.stop_reason, Some(RunStopReason::User));
    assert!(stopped.stop_label.is_some());
    assert!(!stopped.buttons.stop && !stopped.buttons.check_in && !stopped.buttons.resume);
}

#[test]
fn the_sensor_panel_follows_link_and_battery() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    assert_eq!(s.screen(0).sensor.label, "No sensor");
    s.sensor_link("pod", SensorLink::Connected);
    s.sensor_battery("pod", 15);
    let panel = s.screen(0).sensor;
    assert_eq!(panel.link, Some(SensorLink::Connected));
    assert_eq!(panel.battery_label.as_deref(), Some("15%"));
    assert!(panel.battery_low);
    // Another sensor: the old battery level says nothing about it.
    s.sensor_link("other", SensorLink::Connecting);
    assert_eq!(s.screen(0).sensor.battery_percent, None);
}

#[test]
fn the_sensor_slot_forwards_link_and_battery_to_its_sink() {
    use std::sync::{Arc, Mutex};
    #[derive(Default)]
    struct Seen(Mutex<Vec<String>>);
    impl SampleSink for Seen {
        fn on_sample(&self, _: patella_core::sample::CadenceSample) {}
        fn on_signal_lost(&self, _: &str, _: u64) {}
        fn on_signal_restored(&self, _: &str, _: u64) {}
        fn on_link(&self, id: &str, link: SensorLink, at: u64) {
            self.0.lock().unwrap().push(format!("{id} {link:?} {at}"));
        }
        fn on_battery(&self, id: &str, percent: u8, at: u64) {
            self.0.lock().unwrap().push(format!("{id} {percent}% {at}"));
        }
    }
    let seen = Arc::new(Seen::default());
    let slot = patella_core::sample::SinkSlot::new();
    slot.set(Some(seen.clone()));
    slot.on_link("pod", SensorLink::Silent, 5);
    slot.on_battery("pod", 40, 6);
    assert_eq!(*seen.0.lock().unwrap(), ["pod Silent 5", "pod 40% 6"]);
}

#[test]
fn the_timeline_is_empty_unless_running() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    assert!(s.timeline(0).is_empty());
    s.start(0);
    assert_eq!(s.timeline(0).len(), 6, "five segment starts and the finish");
    s.pause(1_000).unwrap();
    assert!(s.timeline(2_000).is_empty());
}

fn kind() -> impl Strategy<Value = SegmentKind> {
    prop_oneof![
        Just(SegmentKind::WarmUp),
        Just(SegmentKind::Run),
        Just(SegmentKind::Walk),
        Just(SegmentKind::CoolDown),
    ]
}

proptest! {
    #[test]
    fn the_timeline_predicts_every_segment_start_and_the_finish(
        segments in prop::collection::vec((kind(), 5u32..120), 1..6),
        start_ms in 0u64..10_000,
        ask_after_s in 0u64..200,
    ) {
        let plan = SessionPlan {
            segments: segments.iter().map(|&(kind, duration_s)| RunSegment { kind, duration_s }).collect(),
            cadence_target_spm: Some(170.0),
            stride_baseline: None,
        };
        let total_s: u64 = segments.iter().map(|s| u64::from(s.1)).sum();
        let mut s = RunSession::new(plan, RunConfig::default()).unwrap();
        s.start(start_ms);
        let ask_ms = start_ms + ask_after_s.min(total_s.saturating_sub(1)) * 1_000;
        s.tick(ask_ms).unwrap();
        let promised = s.timeline(ask_ms);
        let mut happened = Vec::new();
        for t in (ask_ms + 1_000..=start_ms + total_s * 1_000 + 1_000).step_by(1_000) {
            for e in s.tick(t).unwrap() {
                if matches!(e.kind.name(), "segment_started" | "session_complete") {
                    happened.push((e.at_ms, e.cue));
                }
            }
        }
        let promised: Vec<_> = promised.into_iter().map(|p| (p.at_ms, p.cue)).collect();
        prop_assert_eq!(promised, happened);
    }
}
