//! The live run: the core's `RunSession` behind a lock, fed by a sensor
//! through `SampleSink` as the FFI's run facade is, with every event it
//! raises kept in order for the screen, the printer and the voice.

use std::sync::{Mutex, MutexGuard, PoisonError};

use patella_core::pain::CheckIn;
use patella_core::run::{RunError, RunEvent, RunScreen, RunSession, RunSummary, SessionStatus};
use patella_core::sample::{CadenceSample, MonoMs, SampleSink, SensorLink};

/// Events kept for the dashboard's log (the printer and voice see all).
const RECENT_EVENTS: usize = 64;

struct State {
    session: RunSession,
    /// Raised and not yet handed to the output.
    pending: Vec<RunEvent>,
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
            }),
        }
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
    }

    pub fn start(&self, now_ms: MonoMs) {
        let mut state = self.lock();
        let events = state.session.start(now_ms);
        state.pending.extend(events);
    }

    pub fn tick(&self, now_ms: MonoMs) {
        self.apply(|s| s.tick(now_ms));
    }

    /// A live check-in; an error (the run is over) is told to the caller.
    pub fn check_in(&self, now_ms: MonoMs, check_in: CheckIn) -> Result<(), RunError> {
        let mut state = self.lock();
        let events = state.session.check_in(now_ms, check_in)?;
        state.pending.extend(events);
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
