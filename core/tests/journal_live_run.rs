//! A live run kept through the journal (issue 19): what the runner enters
//! is in the checkpoint before the call returns, and a write that failed is
//! said ("not saved"), on the call and on the Run screen; the periodic
//! checkpoints are written by a thread of their own, so a slow record never
//! holds up the sensor's readings.
#![allow(clippy::unwrap_used, clippy::panic)]

mod run_support;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use patella_core::journal::{
    CheckpointSlot, Journal, LiveRun, RunCheckpoint, Saved, WhenNotWritable,
};
use patella_core::pain::{CheckIn, CheckInMoment, PainQuality};
use patella_core::run::{RunConfig, RunSession, RunStatus, SessionPlan, format};
use patella_core::sample::SampleSink;
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

fn started() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-11-24T07:00:00", "%Y-%m-%dT%H:%M:%S").unwrap()
}

/// A checkpoint slot in memory: what was written, on which thread; it can
/// be made to fail, or to hold every write after the first until released.
#[derive(Default)]
struct Fake {
    saved: Mutex<Vec<(RunCheckpoint, ThreadId)>>,
    failing: AtomicBool,
    hold: AtomicBool,
    released: AtomicBool,
    calls: AtomicUsize,
}

impl CheckpointSlot for Fake {
    fn save(&self, checkpoint: &RunCheckpoint) -> Result<(), String> {
        let call = self.calls.fetch_add(1, Ordering::SeqCst);
        while call > 0 && self.hold.load(Ordering::SeqCst) && !self.released.load(Ordering::SeqCst)
        {
            std::thread::sleep(Duration::from_millis(5));
        }
        if self.failing.load(Ordering::SeqCst) {
            return Err("no space left on device".to_owned());
        }
        self.saved
            .lock()
            .unwrap()
            .push((checkpoint.clone(), std::thread::current().id()));
        Ok(())
    }
}

impl Fake {
    fn last(&self) -> RunCheckpoint {
        self.saved.lock().unwrap().last().unwrap().0.clone()
    }

    fn count(&self) -> usize {
        self.saved.lock().unwrap().len()
    }
}

fn kept_run(fake: &Arc<Fake>) -> LiveRun {
    let live = LiveRun::new(
        RunSession::new(plan(), RunConfig::default()).unwrap(),
        |_| {},
    );
    live.keep_in_slot(fake.clone(), "run-1", started()).unwrap();
    live
}

/// Runs `live` from `from_s` to `to_s`, a reading and a tick a second.
fn run_for(live: &LiveRun, from_s: u64, to_s: u64) {
    for t in from_s..=to_s {
        let sample = with_motion(steps(t * 1_000, 170.0), 3.0, 1.0);
        live.on_sample(sample);
        live.tick(t * 1_000).unwrap();
    }
}

#[test]
fn an_acknowledged_check_in_is_in_the_checkpoint_before_the_call_returns() {
    let fake = Arc::new(Fake::default());
    let live = kept_run(&fake);
    assert_eq!(live.start(0).unwrap(), Saved::Yes);
    run_for(&live, 1, 63);
    // Checkpoints fell at 0, 10, ... 60 s; the next is not due before 70 s,
    // yet the check-in at 64 s is written before the call answers.
    assert_eq!(live.check_in(64_000, checkin(4)).unwrap(), Saved::Yes);
    let saved = fake.last();
    assert_eq!(saved.run_id, "run-1");
    assert_eq!(saved.started_at, "2026-11-24T07:00:00");
    let back = RunSession::restore(saved.session, 500_000).unwrap();
    assert_eq!(back.log().check_ins().len(), 1);
    assert_eq!(back.log().check_ins()[0].check_in.score, 4);
    // So are a pause and a stop.
    assert_eq!(live.pause(65_000).unwrap(), Saved::Yes);
    let paused = RunSession::restore(fake.last().session, 600_000).unwrap();
    assert_eq!(paused.status(), RunStatus::Paused);
    assert_eq!(live.stop(66_000).unwrap(), Saved::Yes);
    let stopped = RunSession::restore(fake.last().session, 700_000).unwrap();
    assert_eq!(stopped.status(), RunStatus::Stopped);
}

// Articles 001 and 004: sharp pain stops the run at any moment; the
// check-in that stopped it is what a kill must least lose (issue 19, defect 1).
#[test]
fn the_sharp_check_in_that_stops_a_run_is_saved_before_it_is_acknowledged_article_004() {
    let fake = Arc::new(Fake::default());
    let live = kept_run(&fake);
    live.start(0).unwrap();
    run_for(&live, 1, 31);
    let mut sharp = checkin(3);
    sharp.quality = Some(PainQuality::Sharp);
    assert_eq!(live.check_in(31_500, sharp).unwrap(), Saved::Yes);
    let back = RunSession::restore(fake.last().session, 900_000).unwrap();
    assert_eq!(back.status(), RunStatus::Stopped, "it comes back ended");
    assert_eq!(
        back.log().check_ins()[0].check_in.quality,
        Some(PainQuality::Sharp)
    );
    // Nothing is written after the end, so nothing outlives the keep.
    let written = fake.count();
    run_for(&live, 32, 60);
    live.finish(61_000).unwrap();
    drop(live);
    assert_eq!(fake.count(), written);
}

#[test]
fn periodic_checkpoints_are_written_on_the_writer_thread() {
    let fake = Arc::new(Fake::default());
    let live = kept_run(&fake);
    live.start(0).unwrap();
    run_for(&live, 1, 45);
    let report = live.checkpoints().unwrap();
    drop(live); // writes what is pending, then ends the writer
    let me = std::thread::current().id();
    let saved = fake.saved.lock().unwrap();
    // Due at 0, 10, ... 40 s; newer ones replace any not written yet.
    assert!(saved.len() >= 2, "{}", saved.len());
    assert!(saved.iter().all(|(_, thread)| *thread != me));
    assert_eq!(report.thread, Some(saved[0].1));
}

#[test]
fn a_slow_record_never_holds_up_the_sensors_readings() {
    let fake = Arc::new(Fake {
        hold: AtomicBool::new(true),
        ..Fake::default()
    });
    let live = kept_run(&fake);
    live.start(0).unwrap(); // the first write goes through at once
    // Every later write hangs until released; a minute of readings, with
    // six checkpoints due, goes on regardless.
    let begun = Instant::now();
    run_for(&live, 1, 60);
    let took = begun.elapsed();
    assert!(took < Duration::from_secs(1), "readings waited: {took:?}");
    assert_eq!(
        live.read(|s| s.snapshot(60_000).elapsed_ms).unwrap(),
        60_000
    );
    fake.released.store(true, Ordering::SeqCst);
    drop(live);
    // Latest wins: the newest checkpoint is the one kept.
    assert_eq!(fake.last().session.active_ms, 60_000);
}

#[test]
fn a_check_in_that_cannot_be_written_is_said_not_saved_and_the_screen_shows_it() {
    let fake = Arc::new(Fake::default());
    let live = kept_run(&fake);
    live.start(0).unwrap();
    run_for(&live, 1, 20);
    assert_eq!(live.screen(20_000).unwrap().not_saved, None);
    fake.failing.store(true, Ordering::SeqCst);
    let saved = live.check_in(21_000, checkin(5)).unwrap();
    let Saved::No { reason } = &saved else {
        panic!("a failed write must not be acknowledged as saved: {saved:?}");
    };
    assert!(reason.contains("no space left"), "{reason}");
    // The check-in still counts in the run.
    assert_eq!(live.read(|s| s.log().check_in_count()).unwrap(), 1);
    let warning = live.screen(21_000).unwrap().not_saved.unwrap();
    assert!(warning.starts_with("Not saved: no space left"), "{warning}");
    assert_eq!(
        format::check_in_taken(5, saved.warning().as_deref()),
        format!("Knee check-in taken: 5/10. {warning}")
    );
    // Space again: the next input writes it, and the warning goes.
    fake.failing.store(false, Ordering::SeqCst);
    assert_eq!(live.pause(22_000).unwrap(), Saved::Yes);
    assert_eq!(live.screen(22_000).unwrap().not_saved, None);
    let back = RunSession::restore(fake.last().session, 99_000).unwrap();
    assert_eq!(back.log().check_in_count(), 1, "in the record now");
}

#[test]
fn a_run_the_runner_chose_not_to_keep_says_so_and_writes_nothing() {
    let journal = Arc::new(Journal::in_memory());
    let live = LiveRun::new(
        RunSession::new(plan(), RunConfig::default()).unwrap(),
        |_| {},
    );
    let saved = live
        .keep_in(&journal, "run-x", started(), WhenNotWritable::Refuse)
        .unwrap();
    assert_eq!(saved, Saved::NotKept);
    assert_eq!(live.start(0).unwrap(), Saved::NotKept);
    assert_eq!(live.check_in(1_000, checkin(2)).unwrap(), Saved::NotKept);
    assert_eq!(
        live.screen(1_000).unwrap().not_saved.as_deref(),
        Some(format::NOT_KEPT)
    );
    assert!(live.checkpoints().is_none());
}

#[test]
fn events_reach_the_caller_in_order_and_a_run_never_kept_shows_no_warning() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    let live = LiveRun::new(
        RunSession::new(plan(), RunConfig::default()).unwrap(),
        move |events| sink.lock().unwrap().extend(events),
    );
    assert_eq!(live.start(0).unwrap(), Saved::NotKept);
    run_for(&live, 1, 70);
    let events = seen.lock().unwrap();
    assert_eq!(events[0].kind.name(), "session_started");
    assert!(events.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
    assert_eq!(live.screen(70_000).unwrap().not_saved, None);
}
