//! A finished run kept with its marks (issue 14, the run report): the band,
//! the segments as run, each alert and each check-in land on the trace's
//! time axis, survive a reopen and a backup, and bad marks are refused.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use chrono::{NaiveDate, NaiveDateTime};
use patella_core::export;
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::run::{RunConfig, RunSession, SegmentKind, SessionPlan};
use patella_core::store::{AlertKind, RunRecord, SegmentSpan, Store};
use run_support::*;

fn started_at() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(7, 30, 0)
        .unwrap()
}

/// 60 s warm-up, 2 × (120 s run, 60 s walk), 60 s cool-down, target 170:
/// cadence sags to 150 in the first run, and a check-in of 2 at 200 s.
fn finished() -> patella_core::run::RunSessionSummary {
    let plan = SessionPlan::intervals(60, 120, 60, 2, 60).with_target(170.0);
    let mut s = RunSession::new(plan, RunConfig::default()).unwrap();
    // The session's clock starts far from 0, as a phone's does.
    let base = 5_000_000;
    let mut events = s.start(base);
    for t in 1..=480u64 {
        let spm = if (90..150).contains(&t) { 150.0 } else { 170.0 };
        let mut sample = steps(base + t * 1_000, spm);
        sample.speed_mps = Some(3.0);
        events.extend(s.push_sample(&sample).unwrap());
        events.extend(s.tick(base + t * 1_000).unwrap());
        if t == 200 {
            let c = CheckIn::new(
                started_at(),
                2,
                CheckInMoment::DuringRun,
                None,
                None,
                vec![],
            )
            .unwrap();
            events.extend(s.check_in(base + t * 1_000, c).unwrap());
        }
    }
    let (summary, _) = s.finish(base + 480_000).unwrap();
    assert!(!form_alerts(&events).is_empty(), "the sag raises an alert");
    summary
}

#[test]
fn marks_place_segments_alerts_and_check_ins_in_seconds_from_the_start() {
    let summary = finished();
    let run = RunRecord::kept("r1", started_at(), &summary).unwrap();
    let m = &run.marks;
    assert_eq!(
        (m.band_low_spm, m.band_high_spm),
        (Some(165.0), Some(180.0))
    );
    assert_eq!(m.segments.len(), 6);
    assert_eq!(
        m.segments[1],
        SegmentSpan {
            kind: SegmentKind::Run,
            start_s: 60,
            end_s: 180
        }
    );
    assert_eq!(m.segments[5].end_s, 480);
    assert_eq!(m.alerts.len(), summary.alerts.len());
    let low = m
        .alerts
        .iter()
        .find(|a| a.kind == AlertKind::CadenceLow)
        .unwrap();
    // The sag starts at 90 s and is cued within the run segment.
    assert!((90..180).contains(&low.at_s), "{low:?}");
    assert!(!low.text.is_empty());
    assert_eq!(m.check_ins.len(), 1);
    assert_eq!((m.check_ins[0].at_s, m.check_ins[0].score), (200, 2));
    // The trace is kept in 30-second means from the same origin.
    assert_eq!(run.cadence_trace.first().map(|p| p.at_s), Some(0));
    assert_eq!(run.target_cadence_spm, Some(170.0));
}

#[test]
fn marks_survive_a_reopen_and_a_backup() {
    let run = RunRecord::kept("r1", started_at(), &finished()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.complete_run(&run, &[], None).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let records = store.records().unwrap();
    assert_eq!(records.runs, vec![run.clone()]);
    let backup = export::backup_to_json(&records).unwrap();
    let back = export::backup_from_json(&backup).unwrap();
    assert_eq!(back.runs[0].marks, run.marks);
}

#[test]
fn a_run_without_marks_keeps_its_old_line_shape() {
    let mut run = RunRecord::kept("r1", started_at(), &finished()).unwrap();
    run.marks = Default::default();
    let json = serde_json::to_string(&run).unwrap();
    assert!(!json.contains("marks"), "{json}");
}

#[test]
fn a_check_in_mark_off_the_scale_is_refused_by_name() {
    let mut run = RunRecord::kept("r1", started_at(), &finished()).unwrap();
    run.marks.check_ins[0].score = 11;
    let err = run.validate().unwrap_err();
    assert!(err.to_string().contains("run.marks.check_ins"), "{err}");
}
