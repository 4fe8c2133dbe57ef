//! The cadence sample: the one shape in which every source (a BLE foot pod,
//! the phone's pedometer, manual entry) hands a reading to a run session, and
//! the sink trait through which the sensor client feeds a session inside Rust.

use serde::{Deserialize, Serialize};

/// Monotonic time in milliseconds, as the platform's monotonic clock gives it.
/// Only differences between two values carry meaning.
pub type MonoMs = u64;

/// The unit a source claims for its cadence value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[serde(rename_all = "snake_case")]
pub enum Gait {
    Walking,
    Running,
}

/// One cadence reading as the source reported it, before unit detection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CadenceSample {
    /// When the reading was taken, in monotonic milliseconds.
    pub at_ms: MonoMs,
    /// Which source produced it (a sensor id, "pedometer", "manual"), so unit
    /// detection can be kept per source.
    pub source_id: String,
    /// The value as reported, in `unit`.
    pub cadence: f64,
    pub unit: CadenceUnit,
    pub speed_mps: Option<f64>,
    pub stride_length_m: Option<f64>,
    pub gait: Option<Gait>,
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
}
