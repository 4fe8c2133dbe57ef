//! Property tests of the session's cue discipline (source: article 002 and
//! 004 for the cues; the gap and the run-only rule are the project's
//! choice): whatever the plan, settings and readings, no two form alerts
//! come closer than the minimum gap, alerts happen only in run segments of a
//! running session, events never go back in time, and nothing panics.
// Helpers outside #[test] fns: a failed unwrap there is a failed test too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use patella_core::run::{
    RunConfig, RunEvent, RunEventKind, RunSegment, RunSession, SegmentKind, SessionPlan,
};
use patella_core::sample::{CadenceSample, CadenceUnit, Gait};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Reading {
        after_ms: u64,
        cadence: f64,
        unit: u8,
        speed: Option<f64>,
        stride: Option<f64>,
        gait: u8,
    },
    /// A stretch of steady running (or walking, or standing) at one level.
    Stretch {
        count: u32,
        every_ms: u64,
        spm: f64,
        jitter: f64,
        gait: u8,
        with_motion: bool,
    },
    Tick {
        after_ms: u64,
    },
    Pause {
        after_ms: u64,
    },
    Resume {
        after_ms: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (200u64..3_000, 0.0f64..230.0, 0u8..3, proptest::option::of(0.0f64..6.0),
              proptest::option::of(0.3f64..2.5), 0u8..3)
            .prop_map(|(after_ms, cadence, unit, speed, stride, gait)| Op::Reading { after_ms, cadence, unit, speed, stride, gait }),
        8 => (1u32..120, 500u64..2_000, 110.0f64..200.0, 0.0f64..4.0, 0u8..3, any::<bool>())
            .prop_map(|(count, every_ms, spm, jitter, gait, with_motion)| Op::Stretch { count, every_ms, spm, jitter, gait, with_motion }),
        3 => (0u64..5_000).prop_map(|after_ms| Op::Tick { after_ms }),
        1 => (0u64..2_000).prop_map(|after_ms| Op::Pause { after_ms }),
        1 => (0u64..20_000).prop_map(|after_ms| Op::Resume { after_ms }),
    ]
}

fn plan() -> impl Strategy<Value = SessionPlan> {
    (
        proptest::collection::vec((0u8..4, 10u32..240), 1..8),
        150.0f64..185.0,
    )
        .prop_map(|(segs, target)| {
            let segments = segs
                .into_iter()
                .map(|(k, duration_s)| RunSegment {
                    kind: [
                        SegmentKind::WarmUp,
                        SegmentKind::Run,
                        SegmentKind::Walk,
                        SegmentKind::CoolDown,
                    ][k as usize],
                    duration_s,
                })
                .collect();
            SessionPlan {
                segments,
                cadence_target_spm: Some(target),
                stride_baseline: None,
            }
        })
}

fn config() -> impl Strategy<Value = RunConfig> {
    (
        5_000u64..120_000,
        0u64..30_000,
        0u64..30_000,
        0u64..10_000,
        any::<bool>(),
        0.0f64..4.0,
    )
        .prop_map(|(gap, dwell, grace, recover, above, hyst)| {
            let mut c = RunConfig::default();
            c.cadence.alert.min_gap_ms = gap;
            c.cadence.alert.dwell_ms = dwell;
            c.cadence.alert.segment_start_grace_ms = grace;
            c.cadence.alert.recover_dwell_ms = recover;
            c.cadence.alert.alert_above_band = above;
            c.cadence.alert.hysteresis_spm = hyst;
            c.cadence.overstride.baseline_samples = 5;
            c
        })
}

fn reading(
    at_ms: u64,
    cadence: f64,
    unit: u8,
    speed: Option<f64>,
    stride: Option<f64>,
    gait: u8,
) -> CadenceSample {
    CadenceSample {
        at_ms,
        source_id: "pod".into(),
        cadence,
        unit: [
            CadenceUnit::StepsPerMinute,
            CadenceUnit::StridesPerMinute,
            CadenceUnit::Unknown,
        ][unit as usize],
        speed_mps: speed,
        stride_length_m: stride,
        gait: [None, Some(Gait::Walking), Some(Gait::Running)][gait as usize],
        total_distance_m: None,
    }
}

/// Runs the ops; returns every event.
fn run(plan: SessionPlan, config: RunConfig, ops: &[Op]) -> Vec<RunEvent> {
    let mut s = RunSession::new(plan, config).unwrap();
    let mut events = s.start(0);
    let mut now = 0;
    for op in ops {
        let produced = match op {
            Op::Reading {
                after_ms,
                cadence,
                unit,
                speed,
                stride,
                gait,
            } => {
                now += after_ms;
                s.push_sample(&reading(now, *cadence, *unit, *speed, *stride, *gait))
                    .unwrap()
            }
            Op::Stretch {
                count,
                every_ms,
                spm,
                jitter,
                gait,
                with_motion,
            } => {
                let mut out = Vec::new();
                for i in 0..*count {
                    now += every_ms;
                    let wobble = [0.0, 1.0, -1.0, 0.5][i as usize % 4] * jitter;
                    let level = spm + wobble;
                    let (speed, stride) = if *with_motion && level > 0.0 {
                        // A believable pod: stride fits the steps relation.
                        (Some(2.8), Some(2.8 * 120.0 / level))
                    } else {
                        (None, None)
                    };
                    out.extend(
                        s.push_sample(&reading(now, level.max(0.0), 0, speed, stride, *gait))
                            .unwrap(),
                    );
                    out.extend(s.tick(now).unwrap());
                }
                out
            }
            Op::Tick { after_ms } => {
                now += after_ms;
                s.tick(now).unwrap()
            }
            Op::Pause { after_ms } => {
                now += after_ms;
                s.pause(now).unwrap()
            }
            Op::Resume { after_ms } => {
                now += after_ms;
                s.resume(now).unwrap()
            }
        };
        events.extend(produced);
    }
    events
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    // source: article 002/004 cues, project's choice of minimum gap
    #[test]
    fn no_two_alerts_closer_than_the_minimum_gap(plan in plan(), config in config(), ops in proptest::collection::vec(op(), 0..60)) {
        let gap = config.cadence.alert.min_gap_ms;
        let events = run(plan, config, &ops);
        let alerts: Vec<_> = events.iter().filter(|e| e.kind.is_form_alert()).collect();
        for pair in alerts.windows(2) {
            prop_assert!(pair[1].at_ms - pair[0].at_ms >= gap, "{:?}", pair);
        }
    }

    // source: article 000 (walk breaks) and 004 (warm-up, cool-down): only run segments are coached
    #[test]
    fn alerts_only_in_run_segments_of_a_running_session(plan in plan(), config in config(), ops in proptest::collection::vec(op(), 0..60)) {
        let events = run(plan, config, &ops);
        let mut segment = None;
        let mut paused = false;
        let mut over = false;
        let mut last_at = 0;
        for e in &events {
            prop_assert!(e.at_ms >= last_at, "events go back in time: {:?}", e);
            last_at = e.at_ms;
            match &e.kind {
                RunEventKind::SegmentStarted { segment: kind, .. } => segment = Some(*kind),
                RunEventKind::SwitchedToWalking { .. } => segment = Some(SegmentKind::Walk),
                RunEventKind::Paused { .. } => paused = true,
                RunEventKind::Resumed { .. } => paused = false,
                RunEventKind::SessionComplete { .. } | RunEventKind::SessionStopped { .. } => over = true,
                kind if kind.is_form_alert() => {
                    prop_assert_eq!(segment, Some(SegmentKind::Run), "alert outside a run segment: {:?}", e);
                    prop_assert!(!paused && !over, "alert while paused or over: {:?}", e);
                }
                _ => {}
            }
        }
    }

    // Replays are deterministic.
    #[test]
    fn the_same_inputs_give_the_same_events(plan in plan(), config in config(), ops in proptest::collection::vec(op(), 0..40)) {
        let a = run(plan.clone(), config.clone(), &ops);
        let b = run(plan, config, &ops);
        prop_assert_eq!(a, b);
    }

    // Nothing from outside can make the session panic, whatever the order.
    #[test]
    fn arbitrary_input_never_panics(
        times in proptest::collection::vec((0u64..100_000, 0u8..6, proptest::num::f64::ANY, proptest::num::f64::ANY), 0..200)
    ) {
        let mut s = RunSession::new(SessionPlan::intervals(20, 30, 30, 2, 20).with_target(170.0), RunConfig::default()).unwrap();
        s.start(0);
        for (at, kind, a, b) in times {
            let _ = match kind {
                0 => s.tick(at),
                1 => s.push_sample(&reading(at, a, 2, Some(b), Some(a), 0)),
                2 => s.pause(at),
                3 => s.resume(at),
                4 => s.signal_lost("pod", at),
                _ => s.push_sample(&reading(at, a.abs() % 300.0, 0, None, None, 2)),
            };
            let _ = s.snapshot(at);
        }
    }
}
