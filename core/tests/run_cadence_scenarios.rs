//! Scenario tests of cadence coaching inside a run session (source: article
//! 002 for the 165-180 aim and shorter steps, article 004 for raising
//! cadence gradually and cueing the foot under the body).
// Helpers outside #[test] fns: a failed unwrap there is a failed test too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use patella_core::cadence::MetronomeMode;
use patella_core::run::{
    RunCadenceState, RunConfig, RunEventKind, RunSession, RunStatus, SessionPlan,
};
use patella_core::sample::Gait;
use run_support::*;

fn continuous(run_s: u32, target: f64) -> RunSession {
    RunSession::new(
        SessionPlan::continuous(0, run_s, 0).with_target(target),
        RunConfig::default(),
    )
    .unwrap()
}

// source: article 002 (aim 165-180 steps/min): a runner inside the band hears nothing.
#[test]
fn steady_runner_in_band_gets_no_alert() {
    let mut s = continuous(600, 170.0);
    let events = drive(&mut s, 600, |t| {
        Some(steps(
            t * 1_000,
            170.0 + [-2.0, 0.0, 1.5, -1.0][t as usize % 4],
        ))
    });
    assert!(
        form_alerts(&events).is_empty(),
        "{:?}",
        form_alerts(&events)
    );
    assert_eq!(count(&events, "back_on_target"), 0);
    assert_eq!(count(&events, "session_complete"), 1);
    let view = s.snapshot(600_000);
    assert_eq!(view.status, RunStatus::Complete);
    assert_eq!(view.cadence_state, RunCadenceState::InBand);
    assert!(view.cadence_confidence > 0.5);
}

// source: article 004 (raise cadence toward the target; cue shorter, quicker steps)
#[test]
fn drifting_below_gets_one_alert_after_the_dwell_then_one_back_on_target() {
    let mut s = continuous(600, 170.0);
    let events = drive(&mut s, 600, |t| {
        let spm = if (120..200).contains(&t) {
            158.0
        } else {
            171.0
        };
        Some(steps(t * 1_000, spm))
    });
    let lows = named(&events, "cadence_low");
    assert_eq!(lows.len(), 1, "{events:#?}");
    let low = lows[0];
    // The smoothed value crosses the band edge a few readings after 120 s;
    // the alert waits the full 15 s dwell from there.
    assert!(
        low.at_ms >= 135_000 && low.at_ms <= 140_000,
        "alert at {}",
        low.at_ms
    );
    match &low.kind {
        RunEventKind::CadenceLow {
            cadence_spm,
            target_spm,
            band_low_spm,
            below_for_ms,
        } => {
            assert_eq!(*cadence_spm, 158.0);
            assert_eq!(*target_spm, 170.0);
            assert_eq!(*band_low_spm, 165.0);
            assert!(*below_for_ms >= 15_000);
        }
        other => panic!("{other:?}"),
    }
    let cue = low.cue.text.as_str();
    assert!(cue.contains("quicker") && cue.contains("170"), "{cue}");
    let backs = named(&events, "back_on_target");
    assert_eq!(backs.len(), 1);
    assert!(
        backs[0].at_ms > 200_000 && backs[0].at_ms <= 212_000,
        "back at {}",
        backs[0].at_ms
    );
    assert_eq!(count(&events, "cadence_high"), 0);
}

// source: article 000 (run/walk intervals) with 002: walk breaks are never coached.
#[test]
fn walk_segments_never_alert() {
    let plan = SessionPlan::intervals(0, 90, 120, 3, 0).with_target(170.0);
    let run_kind_at = |t: u64| (t % 210) < 90;
    // 150 steps/min is well below the band: it would alert in a run segment.
    let reading = |t: u64| Some(steps(t * 1_000, if run_kind_at(t) { 171.0 } else { 150.0 }));
    let mut s = RunSession::new(plan, RunConfig::default()).unwrap();
    let events = drive(&mut s, 630, reading);
    assert!(
        form_alerts(&events).is_empty(),
        "{:?}",
        form_alerts(&events)
    );
    // Control: the same 150 in a long run segment does alert.
    let mut control = continuous(300, 170.0);
    let events = drive(&mut control, 300, |t| Some(steps(t * 1_000, 150.0)));
    assert_eq!(count(&events, "cadence_low"), 1);
}

// source: article 004 (warm-up and cool-down are not coached for cadence)
#[test]
fn warm_up_and_cool_down_never_alert() {
    let plan = SessionPlan::continuous(300, 60, 300).with_target(170.0);
    let mut s = RunSession::new(plan, RunConfig::default()).unwrap();
    let events = drive(&mut s, 660, |t| {
        Some(steps(
            t * 1_000,
            if (300..360).contains(&t) {
                171.0
            } else {
                140.0
            },
        ))
    });
    assert!(form_alerts(&events).is_empty());
}

// source: article 002 (cadence cues are for running; a stop is not a slow cadence)
#[test]
fn a_stop_at_a_traffic_light_does_not_alert() {
    let mut s = continuous(600, 170.0);
    let events = drive(&mut s, 600, |t| {
        let sample = match t {
            200..=260 => with_motion(steps(t * 1_000, 0.0), 0.0, 0.0),
            // Getting going again: a few slow steps.
            261..=266 => with_motion(steps(t * 1_000, 140.0), 2.0, 0.85),
            _ => with_motion(steps(t * 1_000, 171.0), 3.0, 1.05),
        };
        Some(sample)
    });
    assert!(
        form_alerts(&events).is_empty(),
        "{:?}",
        form_alerts(&events)
    );
}

// source: article 002 (cues only while running): the sensor says walking.
#[test]
fn no_alert_while_the_sensor_reports_walking() {
    let mut s = continuous(600, 170.0);
    let events = drive(&mut s, 600, |t| {
        Some(with_gait(steps(t * 1_000, 150.0), Gait::Walking))
    });
    assert!(form_alerts(&events).is_empty());
    assert_eq!(s.snapshot(100_000).cadence_state, RunCadenceState::Walking);
}

// source: article 004 (first seconds of a run segment are for settling in)
#[test]
fn no_alert_in_the_first_seconds_of_a_run_segment() {
    let mut s = continuous(600, 170.0);
    let events = drive(&mut s, 40, |t| Some(steps(t * 1_000, 150.0)));
    let lows = named(&events, "cadence_low");
    assert_eq!(lows.len(), 1);
    // 20 s of grace, then the 15 s dwell.
    assert!(lows[0].at_ms >= 35_000, "alert at {}", lows[0].at_ms);
}

// source: article 004 (cue shorter steps), project's choice of a minimum gap
#[test]
fn repeated_drops_respect_the_minimum_gap() {
    let mut s = continuous(900, 170.0);
    // Dips of 25 s every 40 s: each long enough for a dwell.
    let events = drive(&mut s, 900, |t| {
        Some(steps(t * 1_000, if t % 40 < 25 { 155.0 } else { 172.0 }))
    });
    let alerts = form_alerts(&events);
    assert!(alerts.len() >= 2);
    for pair in alerts.windows(2) {
        assert!(pair[1].at_ms - pair[0].at_ms >= 60_000, "{pair:?}");
    }
}

#[test]
fn above_band_alerts_only_when_enabled() {
    let high = |t: u64| Some(steps(t * 1_000, 190.0));
    let mut off = continuous(300, 170.0);
    assert_eq!(count(&drive(&mut off, 300, high), "cadence_high"), 0);
    let mut config = RunConfig::default();
    config.cadence.alert.alert_above_band = true;
    let mut on = RunSession::new(
        SessionPlan::continuous(0, 300, 0).with_target(170.0),
        config,
    )
    .unwrap();
    let events = drive(&mut on, 300, high);
    assert_eq!(count(&events, "cadence_high"), 1);
}

// source: articles 002 and 004 (a metronome at the target helps)
#[test]
fn metronome_nudges_only_while_below_target() {
    let mut s = continuous(600, 170.0);
    let events = drive(&mut s, 600, |t| {
        Some(steps(
            t * 1_000,
            if (120..200).contains(&t) {
                158.0
            } else {
                171.0
            },
        ))
    });
    let changes: Vec<_> = named(&events, "metronome_changed")
        .into_iter()
        .map(|e| match e.kind {
            RunEventKind::MetronomeChanged {
                playing,
                interval_ms,
            } => (playing, interval_ms),
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(changes, vec![(true, Some(353)), (false, Some(353))]);
    let on_at = named(&events, "metronome_changed")[0].at_ms;
    assert_eq!(on_at, named(&events, "cadence_low")[0].at_ms);

    let mut config = RunConfig {
        metronome: MetronomeMode::Always,
        ..RunConfig::default()
    };
    config.check_in_prompts.every_min = None;
    let mut always = RunSession::new(
        SessionPlan::intervals(0, 60, 60, 2, 0).with_target(170.0),
        config,
    )
    .unwrap();
    let events = drive(&mut always, 240, |t| Some(steps(t * 1_000, 171.0)));
    let plays: Vec<_> = named(&events, "metronome_changed")
        .iter()
        .map(|e| e.at_ms)
        .collect();
    assert_eq!(plays, vec![0, 60_000, 120_000, 180_000]);
}

// source: article 004 (overstriding: the foot lands far ahead of the body)
#[test]
fn overstriding_against_own_baseline_is_flagged_once() {
    // No target: only the overstride check can speak.
    let mut s = RunSession::new(SessionPlan::continuous(0, 600, 0), RunConfig::default()).unwrap();
    let events = drive(&mut s, 600, |t| {
        // Same speed; later the strides lengthen (and the cadence drops).
        let (spm, stride) = if t < 240 {
            (170.0, 2.10)
        } else {
            (152.0, 2.35)
        };
        Some(with_motion(steps(t * 1_000, spm), 2.975, stride))
    });
    let flags = named(&events, "overstride");
    assert_eq!(flags.len(), 1, "{events:#?}");
    match &flags[0].kind {
        RunEventKind::Overstride {
            baseline_m,
            excess_pct,
            speed_mps,
            ..
        } => {
            assert!((baseline_m - 2.10).abs() < 1e-9);
            assert!(*excess_pct > 8.0);
            assert_eq!(*speed_mps, 2.975);
        }
        other => panic!("{other:?}"),
    }
    assert!(flags[0].cue.text.as_str().contains("softly"));
    assert!(s.stride_baseline().bins.iter().any(|b| b.samples > 0));
}

// project's choice: a silent sensor is marked, and cues pause over the gap
#[test]
fn a_sensor_gap_is_marked_and_restored() {
    let mut s = continuous(600, 170.0);
    let events = drive(&mut s, 600, |t| {
        (!(100..160).contains(&t)).then(|| steps(t * 1_000, 150.0))
    });
    let gaps = named(&events, "sensor_gap");
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].at_ms, 104_000);
    let back = named(&events, "sensor_restored");
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].at_ms, 160_000);
    // The gap is counted from the last reading, not from when it was noticed.
    assert!(matches!(
        back[0].kind,
        RunEventKind::SensorRestored { gap_ms: 61_000, .. }
    ));
    assert!(s.history().iter().any(|p| p.gap));
    // Explicit loss from the sensor client.
    let mut s = continuous(600, 170.0);
    let mut events = drive(&mut s, 30, |t| Some(steps(t * 1_000, 170.0)));
    events.extend(s.signal_lost(SOURCE, 30_500).unwrap());
    events.extend(s.signal_restored(SOURCE, 40_000).unwrap());
    assert_eq!(count(&events, "sensor_gap"), 1);
    assert_eq!(count(&events, "sensor_restored"), 1);
}
