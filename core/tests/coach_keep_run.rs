//! Keeping a finished run without the FFI (`coach::keep_run`, what the
//! terminal's `patella run` and `patella demo` use): one write to the record
//! with the check-ins taken during the run and the session marked done,
//! then the plan changes (article 002: pain above the buffer zone scales
//! the plan back); the same run kept twice is kept once.
#![allow(clippy::unwrap_used, clippy::panic)]

mod coach_support;

use coach_support::*;
use patella_core::coach::keep_run::keep_run;
use patella_core::coach::record::{load_history, save_document};
use patella_core::coach::{CoachConfig, SessionKind, SessionStatus};
use patella_core::pain::{CheckIn, CheckInMoment};
use patella_core::run::{RunConfig, RunSession, RunSummary, Segment, SegmentKind, SessionPlan};
use patella_core::sample::{CadenceSample, CadenceUnit, Gait};
use patella_core::store::Store;

/// Tuesday's run, 6 min: run/walk with a knee check at 6 halfway.
fn finished_run(score: u8) -> RunSummary {
    let seg = |kind, duration_s| Segment { kind, duration_s };
    let plan = SessionPlan {
        segments: vec![
            seg(SegmentKind::WarmUp, 60),
            seg(SegmentKind::Run, 120),
            seg(SegmentKind::Walk, 60),
            seg(SegmentKind::Run, 60),
            seg(SegmentKind::CoolDown, 60),
        ],
        cadence_target_spm: Some(165.0),
        stride_baseline: None,
    };
    let mut session = RunSession::new(plan, RunConfig::default()).unwrap();
    session.start(0);
    for s in 1..=360u64 {
        let running = (60..180).contains(&s) || (240..300).contains(&s);
        let sample = CadenceSample {
            at_ms: s * 1_000,
            source_id: "pod".to_owned(),
            cadence: if running { 166.0 } else { 112.0 },
            unit: CadenceUnit::StepsPerMinute,
            speed_mps: Some(if running { 2.6 } else { 1.4 }),
            stride_length_m: None,
            gait: Some(if running {
                Gait::Running
            } else {
                Gait::Walking
            }),
            total_distance_m: None,
        };
        session.push_sample(&sample).unwrap();
        session.tick(s * 1_000).unwrap();
        if s == 200 {
            let check_in = CheckIn {
                taken_at: at(1, 7) + chrono::Duration::seconds(200),
                score,
                moment: CheckInMoment::DuringRun,
                quality: None,
                location: None,
                red_flags: vec![],
            };
            session.check_in(s * 1_000, check_in).unwrap();
        }
    }
    session.finish(361_000).unwrap().0
}

#[test]
fn a_run_is_kept_with_its_check_ins_and_changes_the_plan_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let history = history(new_runner());
    save_document(&store, &history).unwrap();
    let summary = finished_run(6);
    assert!(summary.completed);
    let config = CoachConfig::default();

    let kept = keep_run(&store, &history, "run-1", at(1, 7), &summary, &config).unwrap();
    assert!(kept.session_done);
    assert_eq!(kept.run.id, "run-1");
    assert_eq!(kept.run.duration_s, 360, "the plan ends at 6 min");
    assert!(
        kept.run
            .average_cadence_spm
            .is_some_and(|c| (160.0..170.0).contains(&c))
    );
    assert!(
        !kept.plan_changes.is_empty(),
        "6/10 during a run scales the plan back"
    );
    assert_eq!(kept.history.check_ins.len(), 1);
    assert_eq!(
        kept.history.outcome(day(1), SessionKind::Run),
        Some(SessionStatus::Done)
    );

    // The record, read back as on the next launch, says the same.
    let reread = load_history(&store).unwrap().unwrap();
    assert_eq!(reread.check_ins, kept.history.check_ins);
    assert_eq!(
        reread.outcome(day(1), SessionKind::Run),
        Some(SessionStatus::Done)
    );
    assert_eq!(store.with_records(|r| r.runs.len()).unwrap(), 1);

    // Kept again (a retry): nothing new in the record or the plan.
    let again = keep_run(&store, &kept.history, "run-1", at(1, 7), &summary, &config).unwrap();
    assert!(again.plan_changes.is_empty());
    assert_eq!(again.history, kept.history);
    assert_eq!(store.with_records(|r| r.runs.len()).unwrap(), 1);
}

#[test]
fn a_run_stopped_at_once_by_a_knee_check_is_kept_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let history = history(new_runner());
    save_document(&store, &history).unwrap();
    let plan = SessionPlan {
        segments: vec![Segment {
            kind: SegmentKind::Run,
            duration_s: 60,
        }],
        cadence_target_spm: None,
        stride_baseline: None,
    };
    let mut session = RunSession::new(plan, RunConfig::default()).unwrap();
    session.start(5_000);
    let sharp = CheckIn {
        taken_at: at(1, 7),
        score: 3,
        moment: CheckInMoment::DuringRun,
        quality: Some(patella_core::pain::PainQuality::Sharp),
        location: None,
        red_flags: vec![],
    };
    session.check_in(5_000, sharp).unwrap();
    let summary = session.finish(5_000).unwrap().0;
    assert_eq!(summary.duration_ms, 0);
    let kept = keep_run(
        &store,
        &history,
        "run-0",
        at(1, 7),
        &summary,
        &CoachConfig::default(),
    )
    .unwrap();
    assert_eq!(
        kept.run.duration_s, 1,
        "the record counts at least a second"
    );
    assert!(!kept.session_done);
    assert_eq!(load_history(&store).unwrap().unwrap().check_ins.len(), 1);
}

#[test]
fn a_run_the_record_cannot_take_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let history = history(new_runner());
    save_document(&store, &history).unwrap();
    let summary = finished_run(2);
    let err = keep_run(
        &store,
        &history,
        "  ",
        at(1, 7),
        &summary,
        &CoachConfig::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("id"), "{err}");
    assert_eq!(store.with_records(|r| r.runs.len()).unwrap(), 0);
}
