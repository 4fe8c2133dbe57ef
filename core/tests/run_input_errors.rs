//! Bad input from outside never panics: readings stamped too late or too
//! far ahead and non-numbers get a clear error naming the field, and the
//! session carries on as if they never came.
// Helpers outside #[test] fns: a failed unwrap there is a failed test too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use patella_core::run::{RunConfig, RunError, RunSession, SessionPlan};
use run_support::*;

fn session() -> RunSession {
    let mut s = RunSession::new(
        SessionPlan::continuous(0, 600, 0).with_target(170.0),
        RunConfig::default(),
    )
    .unwrap();
    s.start(0);
    s
}

#[test]
fn repeated_and_slightly_earlier_readings_are_kept_as_arriving_now() {
    let mut s = session();
    s.tick(10_000).unwrap();
    s.push_sample(&steps(10_000, 170.0)).unwrap();
    // Same millisecond, then a few ms behind: kept, in arrival order
    // (issue 10, findings 7 and 8; run_time.rs has the full story).
    s.push_sample(&steps(10_000, 171.0)).unwrap();
    s.push_sample(&steps(9_500, 172.0)).unwrap();
    assert_eq!(s.snapshot(10_000).dropped_samples, 0);
    // Another source may be a little behind the first: within the tolerance.
    let mut other = steps(9_800, 85.0);
    other.source_id = "phone".into();
    assert!(s.push_sample(&other).is_ok());
}

#[test]
fn a_reading_far_behind_the_session_is_refused() {
    let mut s = session();
    s.tick(30_000).unwrap();
    let err = s.push_sample(&steps(20_000, 170.0)).unwrap_err();
    assert_eq!(
        err,
        RunError::LateSample {
            at_ms: 20_000,
            latest_ms: 30_000,
            tolerance_ms: 2_000
        }
    );
}

#[test]
fn calls_stamped_behind_the_session_are_taken_at_its_time() {
    let mut s = session();
    s.tick(30_000).unwrap();
    let before = s.snapshot(30_000);
    // A stale tick changes nothing.
    assert_eq!(s.tick(29_999), Ok(vec![]));
    assert_eq!(s.snapshot(30_000), before);
    // A pause stamped far behind happens now, not in the past.
    let paused = s.pause(1_000).unwrap();
    assert_eq!(paused[0].at_ms, 30_000);
    assert_eq!(s.snapshot(30_000).elapsed_ms, 30_000);
    assert!(s.signal_lost(SOURCE, 1_000).is_ok());
}

#[test]
fn non_numbers_name_their_field() {
    let mut s = session();
    let err = s.push_sample(&steps(1_000, f64::NAN)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "sample.cadence: NaN is not a valid reading (must be a finite number, 0 or more)"
    );
    let err = s
        .push_sample(&with_motion(steps(1_000, 170.0), -1.0, 1.0))
        .unwrap_err();
    assert!(err.to_string().starts_with("sample.speed_mps"), "{err}");
    let err = s
        .push_sample(&with_motion(steps(1_000, 170.0), 3.0, f64::INFINITY))
        .unwrap_err();
    assert!(
        err.to_string().starts_with("sample.stride_length_m"),
        "{err}"
    );
    let mut nameless = steps(1_000, 170.0);
    nameless.source_id.clear();
    assert_eq!(s.push_sample(&nameless), Err(RunError::EmptySourceId));
    // The refused readings left no trace: the next good one is the first.
    s.push_sample(&steps(1_000, 170.0)).unwrap();
    assert_eq!(s.snapshot(1_000).cadence_spm, Some(170.0));
}

#[test]
fn too_many_sources_are_refused() {
    let mut s = session();
    for i in 0..8 {
        let mut r = steps(1_000, 170.0);
        r.source_id = format!("s{i}");
        s.push_sample(&r).unwrap();
    }
    let mut r = steps(1_000, 170.0);
    r.source_id = "one-too-many".into();
    assert!(matches!(
        s.push_sample(&r),
        Err(RunError::TooManySources { .. })
    ));
    assert_eq!(s.footprint().sources, 8);
}

#[test]
fn bad_plans_and_configs_are_refused() {
    let err = RunSession::new(SessionPlan::continuous(0, 0, 0), RunConfig::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "plan: segments: a session needs at least one segment"
    );
    let config = RunConfig {
        history_max_points: 1,
        ..RunConfig::default()
    };
    let err = RunSession::new(SessionPlan::continuous(0, 60, 0), config).unwrap_err();
    assert!(
        err.to_string().starts_with("config.history_max_points"),
        "{err}"
    );
}

// Issue 9, "cadence targets stay honest" (article 002 aims at 165-180,
// article 004 moves toward it about 5% at a time): a target outside the
// usual 150-190 is refused, naming the override, unless the caller sets it.
#[test]
fn an_unusual_cadence_target_needs_the_explicit_override() {
    for target in [140.0, 149.9, 190.1, 200.0] {
        let plan = SessionPlan::continuous(0, 600, 0).with_target(target);
        let err = RunSession::new(plan.clone(), RunConfig::default()).unwrap_err();
        assert_eq!(
            err,
            RunError::UnusualTarget {
                value: target,
                low: 150.0,
                high: 190.0
            }
        );
        assert!(err.to_string().contains("explicit override"), "{err}");
        let mut config = RunConfig::default();
        config.target_guard.allow_unusual = true;
        let s = RunSession::new(plan, config).unwrap();
        assert_eq!(s.snapshot(0).target_spm, Some(target));
    }
    for target in [150.0, 170.0, 190.0] {
        let plan = SessionPlan::continuous(0, 600, 0).with_target(target);
        assert!(RunSession::new(plan, RunConfig::default()).is_ok());
    }
    // The plan's hard limits hold even with the override.
    let mut config = RunConfig::default();
    config.target_guard.allow_unusual = true;
    let plan = SessionPlan::continuous(0, 600, 0).with_target(400.0);
    assert!(matches!(
        RunSession::new(plan, config),
        Err(RunError::Plan(_))
    ));
}
