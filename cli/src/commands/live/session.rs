//! The live run the terminal shows: the journal's `LiveRun` (the core
//! session and its checkpoint, `patella_core::journal`, the same the apps'
//! runs use), fed by a sensor through `SampleSink`, with every event it
//! raises kept in order for the screen, the printer and the voice. What the
//! runner enters is in the record before it is acknowledged; the periodic
//! checkpoints are written on the journal's own thread.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDateTime;
use patella_core::journal::{self, Journal, LiveRunError, Saved, WhenNotWritable};
use patella_core::pain::CheckIn;
use patella_core::run::{RunEvent, RunScreen, RunSession, RunSessionSummary, RunStatus};
use patella_core::sample::{CadenceSample, MonoMs, SampleSink, SensorLink};

use crate::output::CliError;

/// Events kept for the dashboard's log (the printer and voice see all).
const RECENT_EVENTS: usize = 64;

/// Raised and not yet handed to the output.
type Pending = Arc<Mutex<Vec<RunEvent>>>;

/// A run shared between the sensor (its sink) and the loop.
pub struct LiveRun {
    run: journal::LiveRun,
    pending: Pending,
}

fn failed(e: LiveRunError) -> CliError {
    CliError::Invalid(format!("the run: {e}"))
}

impl LiveRun {
    pub fn new(session: RunSession) -> Self {
        let pending: Pending = Arc::default();
        let queue = pending.clone();
        let run = journal::LiveRun::new(session, move |events| {
            // A whole batch is pushed at once: the queue is never half.
            queue
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .extend(events);
        });
        Self { run, pending }
    }

    /// Keeps this run in `journal`'s record as run `run_id`, started at
    /// local time `started_at`: from now on it checkpoints itself there, as
    /// the apps' runs do. A journal that keeps nothing (`--no-keep`) keeps
    /// nothing, and the screen says so.
    pub fn keep_in(
        &self,
        journal: &Arc<Journal>,
        run_id: &str,
        started_at: NaiveDateTime,
    ) -> Result<(), CliError> {
        self.run
            .keep_in(journal, run_id, started_at, WhenNotWritable::Refuse)
            .map(drop)
            .map_err(|e| match e {
                LiveRunError::NotWritable { reason } => not_writable(&reason),
                other => failed(other),
            })
    }

    pub fn start(&self, now_ms: MonoMs) -> Result<Saved, CliError> {
        self.run.start(now_ms).map_err(failed)
    }

    pub fn tick(&self, now_ms: MonoMs) {
        // A tick is refused only once the run is over: nothing to tell.
        let _ = self.run.tick(now_ms);
    }

    /// A live check-in: whether it is in the record, or why it was not
    /// taken (the run is over).
    pub fn check_in(&self, now_ms: MonoMs, check_in: CheckIn) -> Result<Saved, LiveRunError> {
        self.run.check_in(now_ms, check_in)
    }

    pub fn screen(&self, now_ms: MonoMs) -> Result<RunScreen, CliError> {
        self.run.screen(now_ms).map_err(failed)
    }

    pub fn status(&self) -> Result<RunStatus, CliError> {
        self.run.read(RunSession::status).map_err(failed)
    }

    /// Whether the plan ran out or the session stopped itself.
    pub fn is_over(&self) -> Result<bool, CliError> {
        Ok(matches!(
            self.status()?,
            RunStatus::Complete | RunStatus::Stopped
        ))
    }

    /// The events raised since the last call, in order.
    pub fn take_events(&self) -> Vec<RunEvent> {
        std::mem::take(&mut *self.pending.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// Ends the run (a stop if it is still under way) and sums it up; its
    /// end is in the record before this returns (else `Saved` says why not).
    pub fn finish(&self, now_ms: MonoMs) -> Result<(RunSessionSummary, Saved), CliError> {
        self.run.finish(now_ms).map_err(failed)
    }
}

/// Said when a run would not be kept: the data folder cannot be written.
pub fn not_writable(reason: &str) -> CliError {
    CliError::Unwritable(format!(
        "run: the data folder cannot be written ({reason}), so this run would not be kept; free \
         it (space, permissions) and try again, or run with --no-keep to run without keeping \
         anything"
    ))
}

/// How many events the dashboard keeps.
pub fn recent_limit() -> usize {
    RECENT_EVENTS
}

/// The sensor feeds the session here, inside Rust, as on the phones; no
/// write to the record happens on its thread.
impl SampleSink for LiveRun {
    fn on_sample(&self, sample: CadenceSample) {
        self.run.on_sample(sample);
    }

    fn on_signal_lost(&self, source_id: &str, at_ms: MonoMs) {
        self.run.on_signal_lost(source_id, at_ms);
    }

    fn on_signal_restored(&self, source_id: &str, at_ms: MonoMs) {
        self.run.on_signal_restored(source_id, at_ms);
    }

    fn on_link(&self, source_id: &str, link: SensorLink, at_ms: MonoMs) {
        self.run.on_link(source_id, link, at_ms);
    }

    fn on_battery(&self, source_id: &str, percent: u8, at_ms: MonoMs) {
        self.run.on_battery(source_id, percent, at_ms);
    }
}
