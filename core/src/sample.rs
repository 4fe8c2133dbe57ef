//! The cadence sample: the one shape in which every source (a BLE foot pod,
//! the phone's pedometer, manual entry) hands a reading to a run session, and
//! the sink trait through which the sensor client feeds a session inside Rust,
//! and the slot that lets a running sensor change which session it feeds.

use std::sync::{Arc, PoisonError, RwLock};

use serde::{Deserialize, Serialize};

/// Monotonic time in milliseconds, as the platform's monotonic clock gives it.
/// Only differences between two values carry meaning.
pub type MonoMs = u64;

/// The unit a source claims for its cadence value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum), uniffi(name = "RunCadenceUnit"))]
#[serde(rename_all = "snake_case")]
pub enum CadenceUnit {
    /// Foot contacts per minute, both feet counted: the unit of Patella's targets.
    StepsPerMinute,
    /// Contacts of one foot per minute: half the step rate.
    StridesPerMinute,
    /// The source does not say (a Bluetooth RSC sensor): the run engine detects it.
    Unknown,
}

/// Whether the source says the runner is walking or running, when it knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum), uniffi(name = "RunGait"))]
#[serde(rename_all = "snake_case")]
pub enum Gait {
    /// The source says walking.
    Walking,
    /// The source says running.
    Running,
}

/// One cadence reading as the source reported it, before unit detection.
/// The apps push one (as `RunSample`) from the phone's pedometer or manual
/// entry; a Bluetooth sensor's readings stay inside Rust.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record), uniffi(name = "RunSample"))]
pub struct CadenceSample {
    /// When the reading was taken, in monotonic milliseconds.
    pub at_ms: MonoMs,
    /// Which source produced it (a sensor id, "pedometer", "manual"), so unit
    /// detection can be kept per source.
    pub source_id: String,
    /// The value as reported, in `unit`.
    pub cadence: f64,
    /// What the cadence counts.
    pub unit: CadenceUnit,
    /// Speed in metres per second, if known.
    pub speed_mps: Option<f64>,
    /// Stride length in metres, if known.
    pub stride_length_m: Option<f64>,
    /// Walking or running, if the source says.
    pub gait: Option<Gait>,
    /// The distance the source has counted since it was switched on, in
    /// metres, when it reports one (a Bluetooth foot pod may); the run's
    /// distance is then measured from it rather than integrated from speed.
    #[serde(default)]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub total_distance_m: Option<f64>,
}

/// Where a sensor client delivers what it reads. The run session implements
/// it, so samples never cross the FFI one by one.
pub trait SampleSink: Send + Sync {
    /// A reading arrived.
    fn on_sample(&self, sample: CadenceSample);
    /// The source stopped delivering (disconnect or silence) at `at_ms`.
    fn on_signal_lost(&self, source_id: &str, at_ms: MonoMs);
    /// The source is delivering again from `at_ms`.
    fn on_signal_restored(&self, source_id: &str, at_ms: MonoMs);
    /// The source's link changed (for the run screen's sensor panel). The
    /// signal calls above stay the ones that pause cadence cues; a sink that
    /// shows no sensor may ignore this.
    fn on_link(&self, _source_id: &str, _link: SensorLink, _at_ms: MonoMs) {}
    /// The source reported its battery level.
    fn on_battery(&self, _source_id: &str, _percent: u8, _at_ms: MonoMs) {}
}

/// A sensor's link as a run session sees it (the sensor client's state,
/// without the retry details).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum), uniffi(name = "RunSensorLink"))]
#[serde(rename_all = "snake_case")]
pub enum SensorLink {
    /// Not started, or stopped by the app.
    Idle,
    /// Looking for the sensor, or reconnecting after a drop.
    Connecting,
    /// Connected and delivering measurements.
    Connected,
    /// Connected, but no measurement for a while.
    Silent,
    /// The phone's Bluetooth is off.
    BluetoothOff,
    /// The client gave up.
    Failed,
}

/// A sink that can be swapped while a sensor runs: the sensor holds the slot,
/// and attaching or detaching a run session changes where its next reading
/// goes. Empty, it drops what it is given (no run is listening).
#[derive(Clone, Default)]
pub struct SinkSlot(Arc<RwLock<Option<Arc<dyn SampleSink>>>>);

impl SinkSlot {
    pub fn new() -> Self {
        Self::default()
    }

    /// Points the slot at `sink` (or at nothing); the next reading goes there.
    pub fn set(&self, sink: Option<Arc<dyn SampleSink>>) {
        // Only plain assignments happen under this lock, so a poisoned lock
        // still holds a whole value.
        *self.0.write().unwrap_or_else(PoisonError::into_inner) = sink;
    }

    /// The current sink, taken out so the lock is not held while it runs.
    pub fn get(&self) -> Option<Arc<dyn SampleSink>> {
        self.0
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl SampleSink for SinkSlot {
    fn on_sample(&self, sample: CadenceSample) {
        if let Some(sink) = self.get() {
            sink.on_sample(sample);
        }
    }

    fn on_signal_lost(&self, source_id: &str, at_ms: MonoMs) {
        if let Some(sink) = self.get() {
            sink.on_signal_lost(source_id, at_ms);
        }
    }

    fn on_signal_restored(&self, source_id: &str, at_ms: MonoMs) {
        if let Some(sink) = self.get() {
            sink.on_signal_restored(source_id, at_ms);
        }
    }

    fn on_link(&self, source_id: &str, link: SensorLink, at_ms: MonoMs) {
        if let Some(sink) = self.get() {
            sink.on_link(source_id, link, at_ms);
        }
    }

    fn on_battery(&self, source_id: &str, percent: u8, at_ms: MonoMs) {
        if let Some(sink) = self.get() {
            sink.on_battery(source_id, percent, at_ms);
        }
    }
}
