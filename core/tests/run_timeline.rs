//! The session's timeline: segments, countdowns, halfway, completion,
//! pause and resume, check-in prompts (source: article 000 for run/walk
//! intervals, article 004 for warm-up and cool-down around every run).
// Helpers outside #[test] fns: a failed unwrap there is a failed test too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use patella_core::run::{
    RunConfig, RunEvent, RunEventKind, RunPromptReason, RunSession, RunStatus, SegmentKind,
    SessionPlan,
};
use run_support::*;

fn timeline(events: &[RunEvent]) -> Vec<(u64, String)> {
    events
        .iter()
        .filter(|e| !matches!(e.kind, RunEventKind::MetronomeChanged { .. }))
        .map(|e| {
            let detail = match &e.kind {
                RunEventKind::SegmentStarted { segment, .. } => format!(":{}", segment.label()),
                RunEventKind::SegmentEndingSoon { seconds_left, .. } => format!(":{seconds_left}"),
                _ => String::new(),
            };
            (e.at_ms / 1_000, format!("{}{detail}", e.kind.name()))
        })
        .collect()
}

fn expected() -> Vec<(u64, String)> {
    let mut out = vec![
        (0, "session_started".to_owned()),
        (0, "segment_started:warm-up".to_owned()),
    ];
    let countdown = |end: u64, out: &mut Vec<(u64, String)>| {
        for s in [10, 3, 2, 1] {
            out.push((end - s, format!("segment_ending_soon:{s}")));
        }
    };
    countdown(60, &mut out);
    out.push((60, "segment_started:run".into()));
    countdown(90, &mut out);
    out.push((90, "segment_started:walk".into()));
    out.push((90, "check_in_prompt".into()));
    countdown(150, &mut out);
    out.push((150, "segment_started:run".into()));
    out.push((150, "halfway".into()));
    countdown(180, &mut out);
    out.push((180, "segment_started:walk".into()));
    out.push((180, "check_in_prompt".into()));
    countdown(240, &mut out);
    out.push((240, "segment_started:cool-down".into()));
    out.push((240, "check_in_prompt".into()));
    countdown(300, &mut out);
    out.push((300, "session_complete".into()));
    out
}

fn plan() -> SessionPlan {
    SessionPlan::intervals(60, 30, 60, 2, 60)
}

// source: article 000 (run/walk intervals) and 004 (warm-up, cool-down)
#[test]
fn a_run_walk_day_announces_every_segment_countdown_halfway_and_the_end() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    let events = drive(&mut s, 310, |_| None);
    assert_eq!(timeline(&events), expected());
    assert_eq!(s.status(), RunStatus::Complete);
    let walk = named(&events, "segment_started")[2];
    assert_eq!(
        walk.cue.text,
        "Walk for 1 minute. Let your breathing settle."
    );
}

#[test]
fn one_big_jump_gives_the_same_events_at_the_same_times() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    let mut events = s.start(0);
    events.extend(s.tick(1_000_000).unwrap());
    assert_eq!(timeline(&events), expected());
}

#[test]
fn pauses_do_not_count_toward_segments() {
    let mut s = RunSession::new(SessionPlan::continuous(0, 120, 0), RunConfig::default()).unwrap();
    let mut events = s.start(0);
    events.extend(s.tick(30_000).unwrap());
    events.extend(s.pause(30_000).unwrap());
    events.extend(s.tick(60_000).unwrap());
    let view = s.snapshot(80_000);
    assert_eq!(view.status, RunStatus::Paused);
    assert_eq!(view.elapsed_ms, 30_000);
    assert_eq!(view.segment_remaining_ms, 90_000);
    events.extend(s.resume(90_000).unwrap());
    events.extend(s.tick(500_000).unwrap());
    let resumed = named(&events, "resumed");
    assert!(matches!(
        resumed[0].kind,
        RunEventKind::Resumed {
            paused_for_ms: 60_000
        }
    ));
    assert_eq!(named(&events, "paused")[0].at_ms, 30_000);
    assert_eq!(named(&events, "session_complete")[0].at_ms, 180_000);
    assert_eq!(named(&events, "halfway")[0].at_ms, 120_000);
    // Pausing twice or resuming while running does nothing.
    assert!(s.pause(600_000).unwrap().is_empty());
    assert!(s.resume(600_000).unwrap().is_empty());
}

// project's choice: prompt every 10 minutes of a continuous run
#[test]
fn periodic_check_in_prompts() {
    let mut s =
        RunSession::new(SessionPlan::continuous(0, 25 * 60, 0), RunConfig::default()).unwrap();
    let events = drive(&mut s, 25 * 60, |_| None);
    let prompts: Vec<_> = named(&events, "check_in_prompt")
        .iter()
        .map(|e| (e.at_ms, e.kind.clone()))
        .collect();
    let periodic = RunEventKind::CheckInPrompt {
        reason: RunPromptReason::Periodic,
    };
    assert_eq!(
        prompts,
        vec![(600_000, periodic.clone()), (1_200_000, periodic)]
    );
}

#[test]
fn snapshot_shows_segment_and_time_left() {
    let mut s = RunSession::new(plan().with_target(165.0), RunConfig::default()).unwrap();
    let before = s.snapshot(0);
    assert_eq!(before.status, RunStatus::NotStarted);
    assert_eq!(before.segment, None);
    s.start(1_000);
    s.tick(76_000).unwrap();
    let view = s.snapshot(76_000);
    assert_eq!(view.segment, Some(SegmentKind::Run));
    assert_eq!(view.segment_index, Some(1));
    assert_eq!(view.segment_elapsed_ms, 15_000);
    assert_eq!(view.segment_remaining_ms, 15_000);
    assert_eq!(view.elapsed_ms, 75_000);
    assert_eq!(view.remaining_ms, 225_000);
    assert_eq!(view.target_spm, Some(165.0));
    assert_eq!(view.band_low_spm, Some(160.0));
    assert_eq!(view.metronome.interval_ms, Some(364));
    // The view projects forward without changing anything.
    assert_eq!(s.snapshot(80_000).segment_elapsed_ms, 19_000);
}

#[test]
fn stopping_early_and_inputs_after_the_end() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    s.start(0);
    let events = s.stop(45_000).unwrap();
    assert!(matches!(
        events.last().unwrap().kind,
        RunEventKind::SessionStopped {
            elapsed_ms: 45_000,
            ..
        }
    ));
    assert_eq!(s.status(), RunStatus::Stopped);
    assert!(s.tick(50_000).unwrap().is_empty());
    assert!(s.push_sample(&steps(51_000, 170.0)).unwrap().is_empty());
    assert!(s.stop(52_000).unwrap().is_empty());
}

#[test]
fn inputs_before_the_start_are_ignored() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    assert!(s.tick(5_000).unwrap().is_empty());
    assert!(s.push_sample(&steps(5_000, 170.0)).unwrap().is_empty());
    assert!(s.pause(5_000).unwrap().is_empty());
    let events = s.start(10_000);
    assert_eq!(events[0].at_ms, 10_000);
    assert!(s.start(11_000).is_empty(), "starting twice does nothing");
}
