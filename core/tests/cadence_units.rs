//! Steps versus strides, and readings that cannot be believed (source:
//! article 002: targets are in steps per minute; the unit rules come from
//! the project's RSC protocol notes).
// Helpers outside #[test] fns: a failed unwrap there is a failed test too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use patella_core::run::{RunCadenceState, RunConfig, RunEventKind, RunSession, SessionPlan};
use patella_core::sample::{CadenceUnit, Gait};
use run_support::*;

fn session() -> RunSession {
    RunSession::new(
        SessionPlan::continuous(0, 600, 0).with_target(170.0),
        RunConfig::default(),
    )
    .unwrap()
}

fn cadence_after(s: &RunSession, at_ms: u64) -> f64 {
    s.snapshot(at_ms).cadence_spm.expect("a smoothed cadence")
}

// source: article 002 (165-180 steps per minute): a strides sensor is doubled.
#[test]
fn a_sensor_declaring_strides_is_doubled() {
    let mut s = session();
    let events = drive(&mut s, 60, |t| {
        Some(unit(steps(t * 1_000, 85.0), CadenceUnit::StridesPerMinute))
    });
    assert_eq!(cadence_after(&s, 60_000), 170.0);
    assert!(form_alerts(&events).is_empty());
}

// source: article 002, with the RSC notes: speed ≈ stride × cadence / 60 means strides.
#[test]
fn an_unknown_unit_is_detected_from_speed_and_stride() {
    let mut s = session();
    // 85 per minute × 2.0 m / 60 = 2.83 m/s: strides.
    let events = drive(&mut s, 60, |t| {
        Some(with_motion(
            unit(steps(t * 1_000, 85.0), CadenceUnit::Unknown),
            2.83,
            2.0,
        ))
    });
    assert_eq!(cadence_after(&s, 60_000), 170.0);
    let detected = named(&events, "unit_detected");
    assert_eq!(detected.len(), 1);
    assert!(matches!(
        &detected[0].kind,
        RunEventKind::UnitDetected { unit: CadenceUnit::StridesPerMinute, source_id } if source_id == SOURCE
    ));
    // The same device counting steps: 170 × 2.0 / 120 = 2.83 m/s.
    let mut s = session();
    drive(&mut s, 60, |t| {
        Some(with_motion(
            unit(steps(t * 1_000, 170.0), CadenceUnit::Unknown),
            2.83,
            2.0,
        ))
    });
    assert_eq!(cadence_after(&s, 60_000), 170.0);
}

// source: RSC notes: without stride length, a running cadence below ~120 is per foot.
#[test]
fn an_unknown_low_rate_without_stride_is_read_as_strides() {
    let mut s = session();
    drive(&mut s, 60, |t| {
        Some(unit(
            steps(t * 1_000, 84.0 + (t % 3) as f64),
            CadenceUnit::Unknown,
        ))
    });
    assert_eq!(cadence_after(&s, 60_000), 170.0);
}

#[test]
fn the_runner_can_override_the_detection() {
    let mut s = session();
    // This treadmill's 85 really is 85 steps (a walk), whatever detection says.
    s.set_unit_override(SOURCE, Some(CadenceUnit::StepsPerMinute))
        .unwrap();
    let events = drive(&mut s, 60, |t| {
        Some(unit(steps(t * 1_000, 85.0), CadenceUnit::Unknown))
    });
    assert_eq!(s.snapshot(60_000).cadence_state, RunCadenceState::Walking);
    assert_eq!(count(&events, "unit_detected"), 0);
    s.set_unit_override(SOURCE, None).unwrap();
}

// source: RSC notes (a power mode writes power/10 into the cadence field);
// the value is rejected and never alerts, in a run segment with a target.
#[test]
fn a_power_in_cadence_value_is_rejected_and_never_alerts() {
    let mut s = session();
    // 250 W / 10 = 25 at 3.0 m/s with 1.1 m strides: fits neither unit.
    let events = drive(&mut s, 300, |t| {
        Some(with_motion(
            unit(steps(t * 1_000, 25.0), CadenceUnit::Unknown),
            3.0,
            1.1,
        ))
    });
    assert!(form_alerts(&events).is_empty());
    let rejected = named(&events, "readings_rejected");
    assert_eq!(rejected.len(), 1, "reported once per streak");
    assert!(matches!(
        rejected[0].kind,
        RunEventKind::ReadingsRejected { value: 25.0, .. }
    ));
    let view = s.snapshot(150_000);
    assert_eq!(view.rejected_samples, 300);
    assert_eq!(view.cadence_state, RunCadenceState::Suspect);
    assert_eq!(view.cadence_spm, None);
}

#[test]
fn power_values_with_a_running_gait_or_no_speed_never_alert() {
    let mut s = session();
    let events = drive(&mut s, 300, |t| {
        let raw = unit(
            steps(t * 1_000, 25.0 + (t % 5) as f64),
            CadenceUnit::Unknown,
        );
        Some(if t % 2 == 0 {
            with_gait(raw, Gait::Running)
        } else {
            raw
        })
    });
    assert!(form_alerts(&events).is_empty());
    assert!(s.snapshot(300_000).rejected_samples > 0);
}

#[test]
fn an_implausibly_high_value_is_rejected() {
    let mut s = session();
    let events = drive(&mut s, 120, |t| {
        Some(steps(t * 1_000, if t > 60 { 400.0 } else { 171.0 }))
    });
    assert_eq!(count(&events, "readings_rejected"), 1);
    assert!(form_alerts(&events).is_empty());
}
