//! Finishing a run (issue 11, "Finishing and keeping a run"): the summary
//! is summed from what the session saw, cadence against the target of
//! articles 002 and 004, check-ins assessed by article 002's buffer zone.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use chrono::NaiveDateTime;
use patella_core::pain::{CheckIn, CheckInMoment, PainZone};
use patella_core::run::{
    RunConfig, RunDistanceSource, RunError, RunEventKind, RunSession, RunStopReason, SegmentKind,
    SessionPlan,
};
use run_support::*;

fn plan() -> SessionPlan {
    // 60 s warm-up, 2 × (120 s run, 60 s walk), 60 s cool-down: 480 s.
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

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

// source: article 002 (165-180 steps/min, the band around the day's target)
#[test]
fn a_steady_run_in_the_band_sums_to_its_distance_time_and_trace() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    drive(&mut s, 480, |t| {
        Some(with_motion(
            steps(t * 1_000, 170.0),
            3.0,
            3.0 * 120.0 / 170.0,
        ))
    });
    let (summary, _) = s.finish(480_000).unwrap();
    assert!(summary.completed);
    assert_eq!(summary.stop_reason, None);
    assert_eq!(summary.duration_ms, 480_000);
    assert_eq!(summary.active_ms, 480_000);
    assert_eq!(summary.distance_source, RunDistanceSource::SensorSpeed);
    // Integrated between readings: the first second has no reading before it.
    let distance = summary.distance_m.unwrap();
    assert!(close(distance, 3.0 * 479.0, 3.0), "{distance}");
    assert!(close(summary.moving_ms as f64, 479_000.0, 1_000.0));
    assert!(close(summary.cadence.average_spm().unwrap(), 170.0, 0.01));
    assert_eq!(summary.cadence.below_band_ms, 0);
    assert_eq!(summary.cadence.above_band_ms, 0);
    assert_eq!(summary.cadence.in_band_ms, summary.cadence.running_ms);
    assert_eq!(summary.band_low_spm, Some(165.0));
    // One segment summary per planned segment, each run for its length.
    let kinds: Vec<SegmentKind> = summary.segments.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SegmentKind::WarmUp,
            SegmentKind::Run,
            SegmentKind::Walk,
            SegmentKind::Run,
            SegmentKind::Walk,
            SegmentKind::CoolDown
        ]
    );
    for seg in &summary.segments {
        assert_eq!(seg.elapsed_ms, seg.planned_ms, "{seg:?}");
        assert!(close(seg.cadence.average_spm().unwrap(), 170.0, 0.01));
    }
    let per_segment: u64 = summary.segments.iter().map(|s| s.cadence.running_ms).sum();
    assert_eq!(per_segment, summary.cadence.running_ms);
    // The trace: one point a second, in order (the reading at 480 s
    // arrives as the plan ends, and is not part of the run).
    assert_eq!(summary.trace_step_s, 1);
    assert_eq!(summary.cadence_trace.len(), 479);
    assert_eq!(summary.cadence_trace[0].at_s, 1);
    assert!(
        summary
            .cadence_trace
            .windows(2)
            .all(|w| w[1].at_s == w[0].at_s + 1)
    );
    assert_eq!(summary.alert_count, 0);
}

#[test]
fn without_speed_the_distance_is_said_to_be_absent() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    drive(&mut s, 200, |t| Some(steps(t * 1_000, 170.0)));
    let (summary, events) = s.finish(200_000).unwrap();
    assert_eq!(summary.distance_m, None);
    assert_eq!(summary.distance_source, RunDistanceSource::Absent);
    assert!(!summary.completed);
    assert_eq!(summary.stop_reason, Some(RunStopReason::User));
    assert_eq!(count(&events, "session_stopped"), 1);
    // The plan is cut where the run ended: later segments were not run.
    assert_eq!(summary.segments[4].elapsed_ms, 0);
    assert_eq!(summary.segments[1].elapsed_ms, 120_000);
}

// source: article 004 (a cadence below the band is cued; the summary
// shows how long it stayed low, and the alert itself)
#[test]
fn a_low_cadence_shows_as_time_below_the_band_and_its_alerts() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    drive(&mut s, 480, |t| {
        let in_first_run = (60..180).contains(&t);
        let spm = if in_first_run { 150.0 } else { 170.0 };
        Some(with_gait(
            steps(t * 1_000, spm),
            patella_core::sample::Gait::Running,
        ))
    });
    let (summary, _) = s.finish(480_000).unwrap();
    let first_run = &summary.segments[1];
    assert!(first_run.cadence.below_band_ms >= 100_000, "{first_run:?}");
    assert_eq!(summary.segments[3].cadence.below_band_ms, 0);
    assert!(summary.alert_count >= 1);
    assert_eq!(summary.alerts.len(), summary.alert_count as usize);
    assert!(
        summary
            .alerts
            .iter()
            .all(|a| matches!(a.kind, RunEventKind::CadenceLow { .. }))
    );
    assert!(summary.cadence.average_spm().unwrap() < 170.0);
}

// source: article 002 (0-5 goes on; sharp or climbing pain stops the run)
#[test]
fn check_ins_come_with_their_assessments_and_a_pain_stop_is_the_reason() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    drive(&mut s, 90, |t| Some(steps(t * 1_000, 170.0)));
    s.check_in(90_000, checkin(2)).unwrap();
    s.tick(100_000).unwrap();
    s.check_in(100_000, checkin(6)).unwrap();
    let (summary, events) = s.finish(110_000).unwrap();
    assert!(
        events.is_empty(),
        "already stopped by the climb: {events:?}"
    );
    assert_eq!(summary.check_in_count, 2);
    assert_eq!(summary.check_ins[0].assessment.zone, PainZone::WithinBuffer);
    assert_eq!(summary.check_ins[0].elapsed_ms, 90_000);
    assert_eq!(summary.check_ins[1].check_in.score, 6);
    assert_ne!(summary.check_ins[1].assessment.zone, PainZone::WithinBuffer);
    assert!(summary.stop_reason.is_some());
    // Ended at the check-in, not when finish was called.
    assert_eq!(summary.duration_ms, 100_000);
}

#[test]
fn a_run_not_started_cannot_be_finished_and_finishing_twice_agrees() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    let err = s.finish(0).unwrap_err();
    assert!(matches!(err, RunError::NotStarted), "{err}");
    assert!(err.to_string().starts_with("finish:"), "{err}");
    drive(&mut s, 30, |t| Some(steps(t * 1_000, 170.0)));
    let (first, _) = s.finish(30_000).unwrap();
    let (again, events) = s.finish(90_000).unwrap();
    assert!(events.is_empty());
    assert_eq!(first, again);
}

#[test]
fn pauses_count_in_the_duration_not_in_the_active_time() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    drive(&mut s, 50, |t| Some(steps(t * 1_000, 170.0)));
    s.pause(50_000).unwrap();
    s.resume(110_000).unwrap();
    s.tick(120_000).unwrap();
    let (summary, _) = s.finish(120_000).unwrap();
    assert_eq!(summary.duration_ms, 120_000);
    assert_eq!(summary.active_ms, 60_000);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn second() -> impl Strategy<Value = Option<(f64, Option<f64>)>> {
        prop::option::weighted(0.85, (0.0f64..260.0, prop::option::of(0.0f64..6.0)))
    }

    proptest! {
        /// The summary adds up whatever the readings were: the band split
        /// covers the running time, running ≤ moving ≤ active, the segments
        /// sum to the whole, and distance never outruns the fastest speed.
        #[test]
        fn the_summary_adds_up(
            seconds in prop::collection::vec(second(), 1..700),
            pause_at in prop::option::of(1usize..600),
        ) {
            let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
            s.start(0);
            let mut now = 0u64;
            for (i, reading) in seconds.iter().enumerate() {
                now += 1_000;
                if pause_at == Some(i) {
                    s.pause(now).unwrap();
                    now += 30_000;
                    s.resume(now).unwrap();
                }
                if let Some((spm, speed)) = reading {
                    let mut sample = steps(now, *spm);
                    sample.speed_mps = *speed;
                    let _ = s.push_sample(&sample);
                }
                s.tick(now).unwrap();
            }
            let (sum, _) = s.finish(now).unwrap();
            let c = sum.cadence;
            prop_assert_eq!(c.in_band_ms + c.below_band_ms + c.above_band_ms, c.running_ms);
            prop_assert!(c.running_ms <= c.moving_ms);
            prop_assert!(c.moving_ms <= sum.active_ms);
            prop_assert!(sum.active_ms <= sum.duration_ms);
            let seg_sum = |f: fn(&patella_core::run::CadenceTally) -> u64| -> u64 {
                sum.segments.iter().map(|seg| f(&seg.cadence)).sum()
            };
            prop_assert_eq!(seg_sum(|t| t.running_ms), c.running_ms);
            prop_assert_eq!(seg_sum(|t| t.moving_ms), c.moving_ms);
            prop_assert_eq!(seg_sum(|t| t.in_band_ms), c.in_band_ms);
            prop_assert_eq!(sum.segments.iter().map(|seg| seg.elapsed_ms).sum::<u64>(), sum.active_ms);
            prop_assert_eq!(sum.distance_m.is_some(), sum.distance_source == RunDistanceSource::SensorSpeed);
            if let Some(d) = sum.distance_m {
                prop_assert!(d <= 6.0 * sum.moving_ms as f64 / 1_000.0 + 1e-6, "{}", d);
            }
            prop_assert!(sum.cadence_trace.windows(2).all(|w| w[0].at_s < w[1].at_s));
            prop_assert!(sum.cadence_trace.len() as u64 <= sum.duration_ms / 1_000 + 1);
            prop_assert_eq!(sum.alerts.len(), sum.alert_count as usize);
        }
    }
}

/// The pod's own distance counter wins over integrating its speed; a jump
/// no runner could make (the counter reset) is measured from speed instead.
#[test]
fn a_sensor_total_distance_is_used_when_it_is_there() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    drive(&mut s, 200, |t| {
        let mut r = with_motion(steps(t * 1_000, 170.0), 3.0, 1.06);
        // The speed field says 3 m/s, the counter 2.5 m/s (10 000 m at
        // switch-on); at 100 s the counter is reset to 0.
        r.total_distance_m = Some(if t < 100 {
            10_000.0 + 2.5 * t as f64
        } else {
            2.5 * (t - 100) as f64
        });
        Some(r)
    });
    let (summary, _) = s.finish(200_000).unwrap();
    assert_eq!(summary.distance_source, RunDistanceSource::SensorTotal);
    // 98 s of counter before the reset, 1 s of speed across it, 100 s after.
    let distance = summary.distance_m.unwrap();
    assert!(
        close(distance, 2.5 * 98.0 + 3.0 + 2.5 * 100.0, 0.01),
        "{distance}"
    );
}

#[test]
fn a_total_distance_that_is_not_a_number_is_refused_by_name() {
    let mut s = RunSession::new(plan(), RunConfig::default()).unwrap();
    s.start(0);
    let mut r = steps(1_000, 170.0);
    r.total_distance_m = Some(f64::NAN);
    let err = s.push_sample(&r).unwrap_err();
    assert!(err.to_string().contains("total_distance_m"), "{err}");
}
