//! The live run: the core's `RunSession` behind a lock, fed by a sensor
//! through `SampleSink` as the FFI's run facade is, with every event it
//! raises kept in order for the screen, the printer and the voice. A run
//! kept in a record checkpoints itself there as the apps' runs do, so that
//! a terminal killed mid-run loses at most its last 10 s of readings.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use patella_core::pain::CheckIn;
use patella_core::run::{
    Checkpointer, RunError, RunEvent, RunScreen, RunSession, RunSummary, SessionStatus,
    StoreCheckpoints,
};
use patella_core::sample::{CadenceSample, MonoMs, SampleSink, SensorLink};
use patella_core::store::Store;

/// Events kept for the dashboard's log (the printer and voice see all).
const RECENT_EVENTS: usize = 64;

struct State {
    session: RunSession,
    /// Raised and not yet handed to the output.
    pending: Vec<RunEvent>,
    /// Set by `keep_in`: where the run checkpoints itself.
    keeping: Option<Keeping>,
}

/// The record side of a kept run: who it is, and where checkpoints go.
struct Keeping {
    store: Arc<Store>,
    run_id: String,
    started_at: String,
    checkpointer: Checkpointer,
}

impl State {
    /// After every input: a checkpoint when one is due (every 10 s, and at
    /// once after a check-in or a stop). A failed write is counted by the
    /// checkpointer and tried again; the run goes on.
    fn after_input(&mut self) {
        if let Some(k) = self.keeping.as_mut() {
            let sink = StoreCheckpoints {
                store: &k.store,
                run_id: &k.run_id,
                started_at: &k.started_at,
            };
            let now_ms = self.session.session_time_ms();
            k.checkpointer.after_input(&self.session, now_ms, &sink);
        }
    }
}

/// A run session shared between the sensor (its sink) and the loop.
pub struct LiveRun {
    state: Mutex<State>,
}

impl LiveRun {
    pub fn new(session: RunSession) -> Self {
        Self {
            state: Mutex::new(State {
                session,
                pending: Vec::new(),
                keeping: None,
            }),
        }
    }

    /// Keeps this run in `store` as run `run_id`, started at local time
    /// `started_at` ("2026-11-22T07:30:00"): from now on it checkpoints
    /// itself there, as `RunSession.keepIn` does for the apps.
    pub fn keep_in(&self, store: Arc<Store>, run_id: &str, started_at: &str) {
        let mut state = self.lock();
        state.keeping = Some(Keeping {
            store,
            run_id: run_id.to_owned(),
            started_at: started_at.to_owned(),
            checkpointer: Checkpointer::default(),
        });
        state.after_input();
    }

    /// The lock; a panic elsewhere while holding it leaves a whole session
    /// (every input is applied in one call), so it is used as it is.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn apply(&self, input: impl FnOnce(&mut RunSession) -> Result<Vec<RunEvent>, RunError>) {
        let mut state = self.lock();
        // A refused reading is counted by the session itself (the screen's
        // `dropped_samples`); a sensor cannot act on the error.
        if let Ok(events) = input(&mut state.session) {
            state.pending.extend(events);
        }
        state.after_input();
    }

    pub fn start(&self, now_ms: MonoMs) {
        let mut state = self.lock();
        let events = state.session.start(now_ms);
        state.pending.extend(events);
        state.after_input();
    }

    pub fn tick(&self, now_ms: MonoMs) {
        self.apply(|s| s.tick(now_ms));
    }

    /// A live check-in; an error (the run is over) is told to the caller.
    pub fn check_in(&self, now_ms: MonoMs, check_in: CheckIn) -> Result<(), RunError> {
        let mut state = self.lock();
        let events = state.session.check_in(now_ms, check_in)?;
        state.pending.extend(events);
        state.after_input();
        Ok(())
    }

    pub fn screen(&self, now_ms: MonoMs) -> RunScreen {
        self.lock().session.screen(now_ms)
    }

    pub fn status(&self) -> SessionStatus {
        self.lock().session.status()
    }

    /// Whether the plan ran out or the session stopped itself.
    pub fn is_over(&self) -> bool {
        matches!(
            self.status(),
            SessionStatus::Complete | SessionStatus::Stopped
        )
    }

    /// The events raised since the last call, in order.
    pub fn take_events(&self) -> Vec<RunEvent> {
        std::mem::take(&mut self.lock().pending)
    }

    /// Ends the run (a stop if it is still under way) and sums it up.
    pub fn finish(&self, now_ms: MonoMs) -> Result<RunSummary, RunError> {
        let mut state = self.lock();
        let (summary, events) = state.session.finish(now_ms)?;
        state.pending.extend(events);
        state.after_input();
        Ok(summary)
    }
}

/// How many events the dashboard keeps.
pub fn recent_limit() -> usize {
    RECENT_EVENTS
}

/// The sensor feeds the session here, inside Rust, as on the phones.
impl SampleSink for LiveRun {
    fn on_sample(&self, sample: CadenceSample) {
        self.apply(|s| s.push_sample(&sample));
    }

    fn on_signal_lost(&self, source_id: &str, at_ms: MonoMs) {
        self.apply(|s| s.signal_lost(source_id, at_ms));
    }

    fn on_signal_restored(&self, source_id: &str, at_ms: MonoMs) {
        self.apply(|s| s.signal_restored(source_id, at_ms));
    }

    fn on_link(&self, source_id: &str, link: SensorLink, _at_ms: MonoMs) {
        self.lock().session.sensor_link(source_id, link);
    }

    fn on_battery(&self, source_id: &str, percent: u8, _at_ms: MonoMs) {
        self.lock().session.sensor_battery(source_id, percent);
    }
}
