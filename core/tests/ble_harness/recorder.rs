//! What a scenario's run session and app received: a `SampleSink` and a
//! `SensorListener` that record everything, with a wait helper.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use patella_core::sample::{CadenceSample, MonoMs, SampleSink};
use patella_core::sensor::observer::{
    SensorConnectionState, SensorDetails, SensorListener, SensorWarning,
};

/// Everything in arrival order.
#[derive(Debug, Clone, PartialEq)]
pub enum Seen {
    Sample(CadenceSample),
    Lost(String, MonoMs),
    Restored(String, MonoMs),
    State(SensorConnectionState),
    Battery(u8),
    Details(SensorDetails),
    Warning(SensorWarning),
}

#[derive(Default)]
pub struct Recorder {
    seen: Mutex<Vec<Seen>>,
}

impl Recorder {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    fn push(&self, s: Seen) {
        self.seen.lock().expect("recorder").push(s);
    }

    pub fn all(&self) -> Vec<Seen> {
        self.seen.lock().expect("recorder").clone()
    }

    pub fn samples(&self) -> Vec<CadenceSample> {
        self.all()
            .into_iter()
            .filter_map(|s| match s {
                Seen::Sample(x) => Some(x),
                _ => None,
            })
            .collect()
    }

    pub fn states(&self) -> Vec<SensorConnectionState> {
        self.all()
            .into_iter()
            .filter_map(|s| match s {
                Seen::State(x) => Some(x),
                _ => None,
            })
            .collect()
    }

    pub fn warnings(&self) -> Vec<SensorWarning> {
        self.all()
            .into_iter()
            .filter_map(|s| match s {
                Seen::Warning(x) => Some(x),
                _ => None,
            })
            .collect()
    }

    /// Gap marks only, in order: `true` = lost, `false` = restored.
    pub fn gaps(&self) -> Vec<bool> {
        self.all()
            .into_iter()
            .filter_map(|s| match s {
                Seen::Lost(..) => Some(true),
                Seen::Restored(..) => Some(false),
                _ => None,
            })
            .collect()
    }

    /// Waits until `done` holds, or fails the scenario after `limit`.
    pub fn wait_for(&self, what: &str, limit: Duration, done: impl Fn(&Self) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(
                start.elapsed() < limit,
                "timed out after {limit:?} waiting for {what}; seen so far: {:#?}",
                self.all()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl SampleSink for Recorder {
    fn on_sample(&self, sample: CadenceSample) {
        self.push(Seen::Sample(sample));
    }
    fn on_signal_lost(&self, source_id: &str, at_ms: MonoMs) {
        self.push(Seen::Lost(source_id.to_owned(), at_ms));
    }
    fn on_signal_restored(&self, source_id: &str, at_ms: MonoMs) {
        self.push(Seen::Restored(source_id.to_owned(), at_ms));
    }
}

impl SensorListener for Recorder {
    fn on_state(&self, state: SensorConnectionState) {
        self.push(Seen::State(state));
    }
    fn on_battery(&self, percent: u8) {
        self.push(Seen::Battery(percent));
    }
    fn on_details(&self, details: SensorDetails) {
        self.push(Seen::Details(details));
    }
    fn on_warning(&self, warning: SensorWarning) {
        self.push(Seen::Warning(warning));
    }
}
