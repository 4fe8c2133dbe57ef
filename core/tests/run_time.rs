//! Run time the runner can trust (issue 10, findings 6-8): a reading can
//! move session time forward only within `max_reading_lead_ms`, the
//! runner's own commands are clamped to session time instead of refused
//! for skew, and readings that share a millisecond are all kept, in the
//! order they arrived. The bounds are the project's choice (the articles
//! give no clock rules); the session's pain and cadence rules they protect
//! come from articles 002 and 004.
// Helpers outside #[test] fns: a failed unwrap there is a failed test too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use chrono::NaiveDateTime;
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::run::{
    RunConfig, RunError, RunEvent, RunEventKind, RunSession, RunStatus, SessionPlan,
};
use patella_core::sample::CadenceSample;
use proptest::prelude::*;
use run_support::*;

const DAY_MS: u64 = 24 * 3_600 * 1_000;

fn thirty_minute_run() -> RunSession {
    let plan = SessionPlan::continuous(0, 30 * 60, 0).with_target(170.0);
    let mut s = RunSession::new(plan, RunConfig::default()).unwrap();
    s.start(0);
    s
}

fn pain(score: i64) -> CheckIn {
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

fn pedometer(at_ms: u64, spm: f64) -> CadenceSample {
    let mut s = steps(at_ms, spm);
    s.source_id = "pedometer".into();
    s
}

// Finding 6, issue 10 (article 004's countdown and finish cues must mean
// what they say): one pedometer reading a day ahead, a minute into a
// 30-minute run.
#[test]
fn a_reading_a_day_ahead_neither_finishes_the_run_nor_fires_countdowns() {
    let mut s = thirty_minute_run();
    let mut events = drive(&mut s, 60, |t| Some(steps(t * 1_000, 170.0)));
    let before = events.len();
    let result = s.push_sample(&pedometer(60_000 + DAY_MS, 170.0));
    assert_eq!(
        result,
        Err(RunError::FutureSample {
            at_ms: 60_000 + DAY_MS,
            latest_ms: 60_000,
            max_lead_ms: RunConfig::default().max_reading_lead_ms,
        })
    );
    assert!(
        result
            .unwrap_err()
            .to_string()
            .starts_with("sample.at_ms: 86460000 is more than 5000 ms ahead"),
    );
    assert_eq!(s.status(), RunStatus::Running);
    assert_eq!(s.snapshot(60_000).elapsed_ms, 60_000);
    assert_eq!(s.snapshot(60_000).dropped_samples, 1);
    // Later ticks and readings keep working, on the app's clock.
    for t in 61..=120 {
        events.extend(s.push_sample(&steps(t * 1_000, 170.0)).unwrap());
        events.extend(s.tick(t * 1_000).unwrap());
    }
    let late = &events[before..];
    assert_eq!(count(late, "segment_ending_soon"), 0, "{late:?}");
    assert_eq!(count(late, "session_complete"), 0);
    assert_eq!(s.snapshot(120_000).elapsed_ms, 120_000);
    assert_eq!(s.snapshot(120_000).remaining_ms, 28 * 60_000);
}

// A reading may still lead the session by up to the bound: a tick can come
// late, and a reading stamped on arrival is then a little ahead of it.
#[test]
fn a_reading_within_the_bound_moves_time_forward() {
    let mut s = thirty_minute_run();
    s.tick(10_000).unwrap();
    let lead = RunConfig::default().max_reading_lead_ms;
    s.push_sample(&steps(10_000 + lead, 170.0)).unwrap();
    assert_eq!(s.snapshot(10_000 + lead).elapsed_ms, 10_000 + lead);
    assert!(matches!(
        s.push_sample(&steps(20_000 + 2 * lead + 1, 170.0)),
        Err(RunError::FutureSample { .. })
    ));
}

// Finding 7, issue 10 (article 002: pain above 5 scales the run back, so
// the check-in must land): the app's clock read 5 ms before a reading that
// just arrived.
#[test]
fn a_check_in_and_a_stop_a_few_ms_behind_a_reading_are_clamped_not_refused() {
    let mut s = thirty_minute_run();
    s.tick(120_000).unwrap();
    s.push_sample(&steps(120_005, 170.0)).unwrap();
    let events = s.check_in(120_000, pain(7)).unwrap();
    let assessed = named(&events, "check_in_assessed");
    assert_eq!(assessed.len(), 1);
    assert_eq!(assessed[0].at_ms, 120_005, "clamped to session time");
    assert_eq!(count(&events, "switched_to_walking"), 1);

    s.tick(130_000).unwrap();
    s.push_sample(&steps(130_005, 120.0)).unwrap();
    let events = s.stop(130_000).unwrap();
    let stopped = named(&events, "session_stopped");
    assert_eq!(stopped.len(), 1);
    assert_eq!(stopped[0].at_ms, 130_005);
    assert_eq!(s.status(), RunStatus::Stopped);
}

#[test]
fn pause_resume_and_ticks_behind_session_time_are_clamped() {
    let mut s = thirty_minute_run();
    s.tick(30_000).unwrap();
    s.push_sample(&steps(30_010, 170.0)).unwrap();
    let paused = s.pause(30_000).unwrap();
    assert_eq!(named(&paused, "paused")[0].at_ms, 30_010);
    assert_eq!(s.status(), RunStatus::Paused);
    // A stale tick changes nothing and is not an error.
    assert_eq!(s.tick(29_000), Ok(vec![]));
    let resumed = s.resume(30_005).unwrap();
    assert!(matches!(
        named(&resumed, "resumed")[0].kind,
        RunEventKind::Resumed { paused_for_ms: 0 }
    ));
    assert_eq!(s.status(), RunStatus::Running);
    // A signal change stamped behind is taken at session time too.
    assert!(s.signal_lost(SOURCE, 29_000).is_ok());
}

// Finding 7: a 50 Hz sensor stamped on arrival, a 1 Hz app clock read a few
// ms earlier: not one of 1,000 ticks is refused.
#[test]
fn a_fifty_hertz_sensor_never_gets_a_tick_refused() {
    let plan = SessionPlan::continuous(0, 3_600, 0).with_target(170.0);
    let mut s = RunSession::new(plan, RunConfig::default()).unwrap();
    s.start(0);
    let mut refused = 0;
    for second in 1..=1_000u64 {
        let tick_at = second * 1_000;
        for k in 0..50u64 {
            s.push_sample(&steps(tick_at - 1_000 + k * 20 + 3, 170.0))
                .unwrap();
        }
        // The app read its clock just before the last reading landed.
        if s.tick(tick_at - 20).is_err() {
            refused += 1;
        }
    }
    assert_eq!(refused, 0);
    assert_eq!(s.snapshot(1_000_000).dropped_samples, 0);
}

// Finding 8: 20 readings pushed back to back in one millisecond.
#[test]
fn same_millisecond_readings_are_all_kept_in_arrival_order() {
    let mut s = thirty_minute_run();
    for i in 0..20u32 {
        let reading = with_motion(steps(5_000, 170.0), 2.0 + f64::from(i) / 10.0, 1.0);
        s.push_sample(&reading).unwrap();
    }
    let view = s.snapshot(5_000);
    assert_eq!(view.dropped_samples, 0);
    // The last to arrive is the one the view shows.
    assert_eq!(view.speed_mps, Some(3.9));
    // A reading from the same source a few ms behind is kept as arriving now.
    s.push_sample(&steps(4_990, 171.0)).unwrap();
    assert_eq!(s.snapshot(5_000).dropped_samples, 0);
}

// `patella replay` with times near u64::MAX used to loop for ever.
#[test]
fn times_near_the_end_of_the_clock_do_not_overflow() {
    let mut s = thirty_minute_run();
    s.tick(u64::MAX - 1).unwrap();
    assert_eq!(s.status(), RunStatus::Complete);
    let mut late = RunSession::new(
        SessionPlan::continuous(0, 20, 0).with_target(170.0),
        RunConfig::default(),
    )
    .unwrap();
    late.start(u64::MAX - 30_000);
    late.push_sample(&steps(u64::MAX - 29_000, 170.0)).unwrap();
    assert!(late.push_sample(&steps(u64::MAX, 170.0)).is_err());
    late.tick(u64::MAX).unwrap();
    assert_eq!(late.status(), RunStatus::Complete);
    assert_eq!(late.snapshot(u64::MAX).elapsed_ms, 20_000);
}

/// One input as the app and a sensor would send it, `after_ms` past the
/// app's clock (readings carry their own skew against it).
#[derive(Debug, Clone)]
enum Input {
    Reading {
        after_ms: u64,
        skew_ms: i64,
    },
    SameMsReading,
    FarFutureReading {
        ahead_ms: u64,
    },
    Tick {
        after_ms: u64,
        behind_ms: u64,
    },
    CheckIn {
        after_ms: u64,
        behind_ms: u64,
        score: i64,
    },
    Pause {
        behind_ms: u64,
    },
    Resume {
        after_ms: u64,
        behind_ms: u64,
    },
    Stop {
        behind_ms: u64,
    },
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        10 => (0u64..1_500, -1_500i64..1_500).prop_map(|(after_ms, skew_ms)| Input::Reading { after_ms, skew_ms }),
        3 => Just(Input::SameMsReading),
        1 => (6_000u64..u64::MAX / 2).prop_map(|ahead_ms| Input::FarFutureReading { ahead_ms }),
        6 => (0u64..2_000, 0u64..50).prop_map(|(after_ms, behind_ms)| Input::Tick { after_ms, behind_ms }),
        1 => (0u64..2_000, 0u64..50, 0i64..=10).prop_map(|(after_ms, behind_ms, score)| Input::CheckIn { after_ms, behind_ms, score }),
        1 => (0u64..50).prop_map(|behind_ms| Input::Pause { behind_ms }),
        1 => (0u64..20_000, 0u64..50).prop_map(|(after_ms, behind_ms)| Input::Resume { after_ms, behind_ms }),
        1 => (0u64..50).prop_map(|behind_ms| Input::Stop { behind_ms }),
    ]
}

struct Outcome {
    events: Vec<RunEvent>,
    /// Latest time given to the session by the app or by an accepted reading.
    latest_given_ms: u64,
    refused_commands: usize,
    refused_in_bound_readings: usize,
    session: RunSession,
}

const START_MS: u64 = 1_000;
/// 30 s warm-up, 3 × (60 s run, 30 s walk), 30 s cool-down.
const PLAN_MS: u64 = 330_000;

fn play(inputs: &[Input]) -> Outcome {
    let plan = SessionPlan::intervals(30, 60, 30, 3, 30).with_target(170.0);
    let mut s = RunSession::new(plan, RunConfig::default()).unwrap();
    let lead = s.config().max_reading_lead_ms;
    let tolerance = s.config().late_sample_tolerance_ms;
    let mut events = s.start(START_MS);
    let mut clock = START_MS;
    // The session's time is at least `lower` (ticks and accepted readings
    // always move it) and at most `upper` (every time it was given).
    let mut lower = START_MS;
    let mut upper = START_MS;
    let mut last_reading_ms = START_MS;
    let mut refused_commands = 0;
    let mut refused_in_bound_readings = 0;
    for input in inputs {
        let mut command = |at: u64, r: Result<Vec<RunEvent>, RunError>, moves: bool| {
            upper = upper.max(at);
            if moves {
                lower = lower.max(at);
            }
            match r {
                Ok(e) => events.extend(e),
                Err(_) => refused_commands += 1,
            }
        };
        match *input {
            Input::Reading { after_ms, skew_ms } => {
                clock += after_ms;
                let at = clock.saturating_add_signed(skew_ms);
                let in_bound = at <= lower + lead && at + tolerance >= upper;
                match s.push_sample(&steps(at, 170.0)) {
                    Ok(e) => {
                        lower = lower.max(at);
                        upper = upper.max(at);
                        last_reading_ms = at;
                        events.extend(e);
                    }
                    Err(_) if in_bound => refused_in_bound_readings += 1,
                    Err(_) => {}
                }
            }
            Input::SameMsReading => match s.push_sample(&steps(last_reading_ms, 168.0)) {
                Ok(e) => events.extend(e),
                Err(_) if last_reading_ms + tolerance >= upper => refused_in_bound_readings += 1,
                Err(_) => {}
            },
            Input::FarFutureReading { ahead_ms } => {
                let at = upper.saturating_add(lead).saturating_add(ahead_ms);
                if let Ok(e) = s.push_sample(&pedometer(at, 170.0)) {
                    events.extend(e);
                }
            }
            Input::Tick {
                after_ms,
                behind_ms,
            } => {
                clock += after_ms;
                let at = clock.saturating_sub(behind_ms);
                command(at, s.tick(at), true);
            }
            Input::CheckIn {
                after_ms,
                behind_ms,
                score,
            } => {
                clock += after_ms;
                if matches!(s.status(), RunStatus::Running | RunStatus::Paused) {
                    let at = clock.saturating_sub(behind_ms);
                    command(at, s.check_in(at, pain(score)), true);
                }
            }
            Input::Pause { behind_ms } => {
                let at = clock.saturating_sub(behind_ms);
                command(at, s.pause(at), false);
            }
            Input::Resume {
                after_ms,
                behind_ms,
            } => {
                clock += after_ms;
                let at = clock.saturating_sub(behind_ms);
                command(at, s.resume(at), false);
            }
            Input::Stop { behind_ms } => {
                let at = clock.saturating_sub(behind_ms);
                command(at, s.stop(at), false);
            }
        }
    }
    Outcome {
        events,
        latest_given_ms: upper,
        refused_commands,
        refused_in_bound_readings,
        session: s,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    // Finding 7 as a property: whatever the interleaving and skew, the
    // runner's commands and the app's ticks are never refused.
    #[test]
    fn commands_are_never_refused_for_skew(inputs in proptest::collection::vec(input(), 0..150)) {
        let out = play(&inputs);
        prop_assert_eq!(out.refused_commands, 0);
    }

    // Finding 8 as a property: a reading within the bounds, or one repeating
    // the previous reading's millisecond, is always kept.
    #[test]
    fn readings_in_bound_and_same_millisecond_readings_are_kept(inputs in proptest::collection::vec(input(), 0..150)) {
        let out = play(&inputs);
        prop_assert_eq!(out.refused_in_bound_readings, 0);
    }

    // Finding 6 as a property: far-future readings never move time, so no
    // event falls after the latest time the app or an accepted reading
    // gave, the run completes only once that time covers the plan, and the
    // app's next tick still works.
    #[test]
    fn readings_move_time_only_within_the_bound(inputs in proptest::collection::vec(input(), 0..150)) {
        let out = play(&inputs);
        for e in &out.events {
            prop_assert!(e.at_ms <= out.latest_given_ms, "{:?} after {}", e, out.latest_given_ms);
        }
        for pair in out.events.windows(2) {
            prop_assert!(pair[0].at_ms <= pair[1].at_ms, "{:?}", pair);
        }
        if out.session.status() == RunStatus::Complete {
            prop_assert!(out.latest_given_ms >= START_MS + PLAN_MS);
        }
        let mut s = out.session;
        prop_assert!(s.tick(out.latest_given_ms + 1_000).is_ok());
    }
}
