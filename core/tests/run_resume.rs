//! A run survives the app being killed (issue 11, "Finishing and keeping a
//! run"): checkpoints at most every 10 s (the journal's policy), and a
//! restored run has its elapsed time, segment and check-ins back.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use std::sync::Mutex;

use chrono::NaiveDateTime;
use patella_core::journal::CheckpointPolicy;
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::run::{
    RunConfig, RunError, RunSession, RunStatus, SegmentKind, SessionPlan, SessionState,
};
use proptest::prelude::*;
use run_support::*;

fn plan() -> SessionPlan {
    SessionPlan::intervals(60, 120, 60, 2, 60).with_target(170.0)
}

fn checkin(score: i64) -> CheckIn {
    CheckIn::new(
        NaiveDateTime::default(),
        score,
        CheckInMoment::DuringRun,
        None,
        None,
        vec![],
    )
    .unwrap()
}

/// Checkpoints kept in memory.
#[derive(Default)]
struct Memory(Mutex<Vec<SessionState>>);

/// What the journal's live run does after each input: a checkpoint when
/// the policy says one is due (here kept in memory, at once).
fn after_input(policy: &mut CheckpointPolicy, s: &RunSession, now_ms: u64, memory: &Memory) {
    if policy.due(s, now_ms).is_some()
        && let Some(state) = s.saved_state(now_ms)
    {
        memory.0.lock().unwrap().push(state);
        policy.taken(s, now_ms);
    }
}

/// Through JSON, as the record keeps it.
fn round_trip(cp: &SessionState) -> SessionState {
    serde_json::from_str(&serde_json::to_string(cp).unwrap()).unwrap()
}

#[test]
fn a_killed_run_comes_back_with_its_time_segment_and_check_ins() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    let memory = Memory::default();
    let mut every = CheckpointPolicy::default();
    let mut events = s.start(0);
    for t in 1..=151u64 {
        let sample = with_motion(steps(t * 1_000, 170.0), 3.0, 1.0);
        events.extend(s.push_sample(&sample).unwrap());
        events.extend(s.tick(t * 1_000).unwrap());
        if t == 141 {
            events.extend(s.check_in(t * 1_000, checkin(3)).unwrap());
        }
        after_input(&mut every, &s, t * 1_000, &memory);
    }
    let before = s.snapshot(151_000);
    drop(s); // killed: no finish
    let saved = memory.0.lock().unwrap().last().cloned().unwrap();
    // Written at 1 s, 11 s, ... 151 s (the check-in fell on 141 s, a due one).
    assert_eq!(saved.active_ms, 151_000);

    let mut back = RunSession::restore(round_trip(&saved), 9_000_000).unwrap();
    let view = back.snapshot(9_000_000);
    assert_eq!(view.status, RunStatus::Paused);
    assert_eq!(view.elapsed_ms, before.elapsed_ms);
    assert_eq!(view.segment_index, before.segment_index);
    assert_eq!(view.segment, Some(SegmentKind::Run));
    assert_eq!(view.segment_remaining_ms, before.segment_remaining_ms);
    assert_eq!(back.log().check_ins().len(), 1);
    assert_eq!(back.log().check_ins()[0].check_in.score, 3);

    // Resumed, the run goes on to its end from where it was.
    let resumed = back.resume(9_000_000).unwrap();
    assert!(resumed.iter().any(|e| e.kind.name() == "resumed"));
    for t in 1..=329u64 {
        let at = 9_000_000 + t * 1_000;
        let sample = with_motion(steps(at, 170.0), 3.0, 1.0);
        back.push_sample(&sample).unwrap();
        back.tick(at).unwrap();
    }
    let (summary, _) = back.finish(9_329_000).unwrap();
    assert!(summary.completed);
    assert_eq!(summary.active_ms, 480_000);
    // The app's time away counts as neither running nor the run's length.
    assert_eq!(summary.duration_ms, 480_000);
    assert_eq!(summary.check_in_count, 1);
    let distance = summary.distance_m.unwrap();
    assert!((distance - 3.0 * 478.0).abs() <= 6.0, "{distance}");
    // The trace carries on after the part kept in the checkpoint.
    assert!(
        summary
            .cadence_trace
            .windows(2)
            .all(|w| w[0].at_s < w[1].at_s)
    );
    assert!(summary.cadence_trace.first().unwrap().at_s < 30);
    assert!(summary.cadence_trace.last().unwrap().at_s >= 470);
}

/// Nothing the runner entered is lost: a check-in (or a pause) made just
/// after a checkpoint is written at once, not at the next 10 s mark, so a
/// kill right after it keeps it.
#[test]
fn a_check_in_or_pause_just_after_a_checkpoint_survives_a_kill() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    let memory = Memory::default();
    let mut every = CheckpointPolicy::default();
    s.start(0);
    for t in 1..=62u64 {
        s.tick(t * 1_000).unwrap();
        after_input(&mut every, &s, t * 1_000, &memory);
    }
    // Checkpoints fell at 1 s, 11 s, ... 61 s; the next is not due before
    // 71 s, but the check-in at 63 s and the pause at 64 s are written now.
    let written = memory.0.lock().unwrap().len();
    s.check_in(63_000, checkin(4)).unwrap();
    after_input(&mut every, &s, 63_000, &memory);
    assert_eq!(memory.0.lock().unwrap().len(), written + 1);
    s.pause(64_000).unwrap();
    after_input(&mut every, &s, 64_000, &memory);
    assert_eq!(memory.0.lock().unwrap().len(), written + 2);
    drop(s); // killed

    let saved = memory.0.lock().unwrap().last().cloned().unwrap();
    let back = RunSession::restore(round_trip(&saved), 500_000).unwrap();
    assert_eq!(back.log().check_ins().len(), 1);
    assert_eq!(back.log().check_ins()[0].check_in.score, 4);
    // Readings alone still checkpoint at most every 10 s.
    let mut quiet = CheckpointPolicy::default();
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    let memory = Memory::default();
    s.start(0);
    for t in 1..=9u64 {
        s.tick(t * 1_000).unwrap();
        after_input(&mut quiet, &s, t * 1_000, &memory);
    }
    assert_eq!(memory.0.lock().unwrap().len(), 1);
}

#[test]
fn a_checkpoint_is_none_outside_a_run_and_a_bad_one_is_named() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    assert!(s.saved_state(0).is_none());
    s.start(0);
    s.tick(70_000).unwrap();
    let mut cp = s.saved_state(70_000).unwrap();
    cp.segment = 99;
    let err = RunSession::restore(cp, 80_000).err().unwrap();
    assert!(matches!(err, RunError::Checkpoint { .. }), "{err}");
    assert!(err.to_string().contains("segment 99"), "{err}");
    // Issue 19: an ended run is checkpointed until it is kept, and comes
    // back ended: a run the runner (or the knee) stopped is never resumed.
    s.stop(80_000).unwrap();
    let ended = s.saved_state(80_000).expect("an ended run is checkpointed");
    let back = RunSession::restore(round_trip(&ended), 90_000).unwrap();
    assert_eq!(back.status(), patella_core::run::RunStatus::Stopped);
    let mut back = back;
    assert!(
        back.resume(91_000).unwrap_or_default().is_empty(),
        "nothing resumes"
    );
    assert_eq!(back.status(), patella_core::run::RunStatus::Stopped);
}

#[test]
fn the_check_in_that_stops_a_run_is_checkpointed_at_once() {
    // Issue 19, defect 1: press `s` (sharp) in a run and kill it within 2 s:
    // the check-in was lost, since a stopped session wrote no checkpoint.
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    let memory = Memory::default();
    let mut every = CheckpointPolicy::default();
    s.start(0);
    for t in 1..=30u64 {
        s.tick(t * 1_000).unwrap();
        after_input(&mut every, &s, t * 1_000, &memory);
    }
    let mut sharp = checkin(3);
    sharp.quality = Some(patella_core::pain::PainQuality::Sharp);
    s.check_in(31_000, sharp).unwrap();
    assert_eq!(s.status(), patella_core::run::RunStatus::Stopped);
    let before = memory.0.lock().unwrap().len();
    after_input(&mut every, &s, 31_000, &memory);
    assert_eq!(
        memory.0.lock().unwrap().len(),
        before + 1,
        "written at once"
    );
    // Ticks after the end write nothing more, so nothing outlives the keep.
    for t in 32..=60u64 {
        let _ = s.tick(t * 1_000);
        after_input(&mut every, &s, t * 1_000, &memory);
    }
    assert_eq!(memory.0.lock().unwrap().len(), before + 1);
    drop(s); // killed
    let saved = memory.0.lock().unwrap().last().cloned().unwrap();
    let mut back = RunSession::restore(round_trip(&saved), 500_000).unwrap();
    let (summary, _) = back.finish(0).unwrap();
    assert_eq!(summary.check_ins.len(), 1, "the stopping check-in is kept");
    assert_eq!(
        summary.check_ins[0].check_in.quality,
        Some(patella_core::pain::PainQuality::Sharp)
    );
}

proptest! {
    /// Issue 11: at most one checkpoint every 10 s, and never more than
    /// 10 s (plus the gap between two inputs) without one while running.
    #[test]
    fn checkpoints_are_at_most_every_ten_seconds(
        gaps in prop::collection::vec(1u64..4_000, 1..300)
    ) {
        let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
        let memory = Memory::default();
        let mut every = CheckpointPolicy::default();
        s.start(0);
        let mut now = 0;
        let mut last_written: Option<u64> = None;
        let mut ended = false;
        for gap in gaps {
            now += gap;
            s.tick(now).unwrap();
            let before = memory.0.lock().unwrap().len();
            after_input(&mut every, &s, now, &memory);
            let wrote = memory.0.lock().unwrap().len() > before;
            if s.status() != patella_core::run::RunStatus::Running {
                // The end is written once, at once; nothing after it.
                prop_assert_eq!(wrote, !ended);
                ended = true;
                continue;
            }
            match last_written {
                Some(last) if now - last < 10_000 => prop_assert!(!wrote),
                _ => prop_assert!(wrote),
            }
            if wrote {
                last_written = Some(now);
            }
        }
    }
}
