//! Live pain check-ins during a run (source: article 002: the pain buffer
//! zone, 0-5 goes on, above 5 scale back; articles 001 and 004: sharp or
//! worsening pain means stop; article 002: red flags mean a clinician).
// Helpers outside #[test] fns: a failed unwrap there is a failed test too.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use chrono::NaiveDateTime;
use patella_core::pain::{CheckIn, CheckInMoment, PainQuality, PainZone, RedFlag};
use patella_core::run::{
    AboveZoneResponse, RunConfig, RunError, RunEventKind, RunSession, RunStatus, RunStopReason,
    SegmentKind, SessionPlan,
};
use run_support::*;

fn checkin(score: i64, quality: Option<PainQuality>, flags: Vec<RedFlag>) -> CheckIn {
    CheckIn::new(
        NaiveDateTime::default(),
        score,
        CheckInMoment::BeforeRun,
        quality,
        None,
        flags,
    )
    .unwrap()
}

fn started(config: RunConfig) -> RunSession {
    let plan = SessionPlan::intervals(60, 120, 60, 3, 120).with_target(170.0);
    let mut s = RunSession::new(plan, config).unwrap();
    s.start(0);
    s.tick(90_000).unwrap(); // inside the first run segment
    s
}

// source: article 002 (0-5 is the buffer zone: carry on)
#[test]
fn pain_within_the_zone_changes_nothing() {
    let mut s = started(RunConfig::default());
    let events = s.check_in(90_000, checkin(4, None, vec![])).unwrap();
    assert_eq!(events.len(), 1);
    assert!(matches!(
        events[0].kind,
        RunEventKind::CheckInAssessed {
            score: 4,
            zone: PainZone::WithinBuffer,
            ..
        }
    ));
    assert!(events[0].cue.speak && !events[0].cue.text.is_empty());
    assert_eq!(s.snapshot(90_000).segment, Some(SegmentKind::Run));
}

// source: article 002 (above 5: scale back): the runner walks from here.
#[test]
fn pain_above_the_zone_switches_the_rest_to_walking() {
    let mut s = started(RunConfig::default());
    let events = s.check_in(90_000, checkin(7, None, vec![])).unwrap();
    let names: Vec<_> = events.iter().map(|e| e.kind.name()).collect();
    assert_eq!(names, vec!["check_in_assessed", "switched_to_walking"]);
    assert!(matches!(
        events[1].kind,
        RunEventKind::SwitchedToWalking {
            segments_changed: 3
        }
    ));
    assert_eq!(s.snapshot(90_000).segment, Some(SegmentKind::Walk));
    // No run segment is left, so cadence never alerts, however slow.
    let mut all = Vec::new();
    for t in 91..730u64 {
        all.extend(s.push_sample(&steps(t * 1_000, 140.0)).unwrap());
        all.extend(s.tick(t * 1_000).unwrap());
    }
    assert!(form_alerts(&all).is_empty());
    let starts: Vec<_> = named(&all, "segment_started")
        .iter()
        .map(|e| match e.kind {
            RunEventKind::SegmentStarted { segment, .. } => segment,
            _ => unreachable!(),
        })
        .collect();
    assert!(!starts.contains(&SegmentKind::Run));
    assert_eq!(s.status(), RunStatus::Complete);
}

// source: article 002 (above 5: scale back), configured to end the run.
#[test]
fn pain_above_the_zone_can_end_the_run_instead() {
    let config = RunConfig {
        above_zone: AboveZoneResponse::EndRun,
        ..RunConfig::default()
    };
    let mut s = started(config);
    let events = s.check_in(90_000, checkin(6, None, vec![])).unwrap();
    let names: Vec<_> = events.iter().map(|e| e.kind.name()).collect();
    assert_eq!(
        names[..3],
        ["check_in_assessed", "run_ended", "segment_started"]
    );
    // 90 s of this run segment, its walk and two more run/walk pairs were skipped.
    assert!(matches!(
        events[1].kind,
        RunEventKind::RunEnded {
            skipped_ms: 510_000
        }
    ));
    let view = s.snapshot(90_000);
    assert_eq!(view.segment, Some(SegmentKind::CoolDown));
    assert_eq!(view.total_ms, 90_000 + 120_000);
    let rest = s.tick(400_000).unwrap();
    assert_eq!(named(&rest, "session_complete")[0].at_ms, 210_000);
}

// source: articles 001 and 004 (sharp pain: stop)
#[test]
fn sharp_pain_stops_the_session() {
    let mut s = started(RunConfig::default());
    let events = s
        .check_in(90_000, checkin(3, Some(PainQuality::Sharp), vec![]))
        .unwrap();
    assert!(matches!(
        events.last().unwrap().kind,
        RunEventKind::SessionStopped {
            reason: RunStopReason::PainStop,
            elapsed_ms: 90_000
        }
    ));
    assert_eq!(s.status(), RunStatus::Stopped);
    assert_eq!(
        s.check_in(91_000, checkin(3, None, vec![])),
        Err(RunError::NotUnderWay)
    );
}

// source: article 004 (worsening pain: stop), with the pain module's rise of 2
#[test]
fn climbing_pain_stops_the_session() {
    let mut s = started(RunConfig::default());
    s.check_in(90_000, checkin(2, None, vec![])).unwrap();
    let events = s.check_in(100_000, checkin(4, None, vec![])).unwrap();
    assert!(matches!(
        events[0].kind,
        RunEventKind::CheckInAssessed {
            zone: PainZone::Stop,
            ..
        }
    ));
    assert_eq!(s.status(), RunStatus::Stopped);
}

// source: article 002 (swelling, giving way: see a clinician)
#[test]
fn a_red_flag_stops_the_session() {
    let mut s = started(RunConfig::default());
    let events = s
        .check_in(90_000, checkin(2, None, vec![RedFlag::GivingWay]))
        .unwrap();
    assert!(matches!(
        events.last().unwrap().kind,
        RunEventKind::SessionStopped {
            reason: RunStopReason::RedFlag,
            ..
        }
    ));
}

#[test]
fn a_check_in_outside_a_session_or_with_bad_data_is_refused() {
    let plan = SessionPlan::continuous(0, 60, 0);
    let mut s = RunSession::new(plan, RunConfig::default()).unwrap();
    assert_eq!(
        s.check_in(0, checkin(2, None, vec![])),
        Err(RunError::NotUnderWay)
    );
    s.start(0);
    let mut bad = checkin(2, None, vec![]);
    bad.score = 11;
    let err = s.check_in(1_000, bad).unwrap_err();
    assert!(err.to_string().contains("score"), "{err}");
    // A check-in while paused is applied too.
    s.pause(2_000).unwrap();
    let events = s.check_in(3_000, checkin(8, None, vec![])).unwrap();
    assert_eq!(events.len(), 2);
}
