//! What the callback tests share: observers that record what they hear and
//! run an app's reaction from inside the callback, and a watchdog that turns
//! a hang into a failure that names what hung.

#![allow(dead_code)] // each test binary uses its own part

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use patella_ffi::run::{DeliveredRunEvent, RunObserver, RunPlan, RunSegment, RunSegmentKind};
use patella_ffi::sensor::{
    SensorConnectionState, SensorDetails, SensorObserver, SensorPickerScreen, SensorWarning,
};

/// How long a test waits for something that should take milliseconds; only
/// a hang or a deadlock reaches it.
pub const WAIT: Duration = Duration::from_secs(10);

/// Runs `f` on its own thread and returns its result, or fails the test
/// saying `what` hung (a deadlock would otherwise hang the whole run).
pub fn within<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(WAIT) {
        Ok(value) => value,
        Err(_) => panic!("{what} did not return within {WAIT:?}"),
    }
}

/// An app's reaction, run inside the callback after the call is recorded.
pub type Reaction<T> = Box<dyn Fn(&T) + Send + Sync>;

/// A `RunObserver` that records event names, then reacts.
#[derive(Default)]
pub struct RunLog {
    names: Mutex<Vec<String>>,
    reaction: Mutex<Option<Arc<Reaction<DeliveredRunEvent>>>>,
}

impl RunLog {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    pub fn react(&self, reaction: impl Fn(&DeliveredRunEvent) + Send + Sync + 'static) {
        *self.reaction.lock().unwrap() = Some(Arc::new(Box::new(reaction)));
    }

    pub fn names(&self) -> Vec<String> {
        self.names.lock().unwrap().clone()
    }

    pub fn count(&self, name: &str) -> usize {
        self.names().iter().filter(|n| *n == name).count()
    }
}

impl RunObserver for RunLog {
    fn on_event(&self, event: DeliveredRunEvent) {
        self.names.lock().unwrap().push(event.name.clone());
        // Taken out first: the reaction may call back in and land here again.
        let reaction = self.reaction.lock().unwrap().clone();
        if let Some(r) = reaction {
            r(&event);
        }
    }
}

/// One sensor observer call, as recorded.
#[derive(Debug, Clone, PartialEq)]
pub enum Heard {
    State(SensorConnectionState),
    Battery(u8),
    Details(String),
    Warning(SensorWarning),
    Picker(SensorPickerScreen),
}

/// A `SensorObserver` that records every call, then reacts.
#[derive(Default)]
pub struct SensorLog {
    heard: Mutex<Vec<Heard>>,
    reaction: Mutex<Option<Arc<Reaction<Heard>>>>,
}

impl SensorLog {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    pub fn react(&self, reaction: impl Fn(&Heard) + Send + Sync + 'static) {
        *self.reaction.lock().unwrap() = Some(Arc::new(Box::new(reaction)));
    }

    pub fn heard(&self) -> Vec<Heard> {
        self.heard.lock().unwrap().clone()
    }

    pub fn states(&self) -> Vec<SensorConnectionState> {
        self.heard()
            .into_iter()
            .filter_map(|h| match h {
                Heard::State(s) => Some(s),
                _ => None,
            })
            .collect()
    }

    fn hear(&self, h: Heard) {
        self.heard.lock().unwrap().push(h.clone());
        let reaction = self.reaction.lock().unwrap().clone();
        if let Some(r) = reaction {
            r(&h);
        }
    }
}

impl SensorObserver for SensorLog {
    fn on_state(&self, state: SensorConnectionState) {
        self.hear(Heard::State(state));
    }
    fn on_battery(&self, percent: u8) {
        self.hear(Heard::Battery(percent));
    }
    fn on_details(&self, details: SensorDetails) {
        self.hear(Heard::Details(details.id));
    }
    fn on_warning(&self, warning: SensorWarning) {
        self.hear(Heard::Warning(warning));
    }
    fn on_picker(&self, screen: SensorPickerScreen) {
        self.hear(Heard::Picker(screen));
    }
}

/// Ten minutes of running at a target of 170 spm.
pub fn ten_minute_run() -> RunPlan {
    RunPlan {
        segments: vec![RunSegment {
            kind: RunSegmentKind::Run,
            duration_s: 600,
        }],
        cadence_target_spm: Some(170.0),
    }
}

/// Polls `done` until it holds, or fails naming `what` after [`WAIT`].
pub fn wait_until(what: &str, done: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(start.elapsed() < WAIT, "{what}: not within {WAIT:?}");
        std::thread::sleep(Duration::from_millis(5));
    }
}
