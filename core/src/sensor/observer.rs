//! What the app learns about the sensor (connection state, battery, details,
//! warnings) through one listener; the apps get these same values through
//! the facade's `SensorObserver`. Samples do not pass here: they go to the
//! run session's `SampleSink` inside Rust.

use serde::Serialize;

use super::rsc::{RscFeatures, SensorLocation};

/// The sensor connection as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SensorConnectionState {
    /// Not started, or stopped by the app.
    Idle,
    /// Looking for the sensor and connecting; `attempt` counts from 1 per outage.
    Connecting { attempt: u32 },
    /// Connected and delivering measurements.
    Connected,
    /// Connected, but no measurement for longer than the data timeout.
    Silent,
    /// Disconnected; the next attempt starts after `retry_in_ms`.
    Reconnecting { attempt: u32, retry_in_ms: u64 },
    /// The phone's Bluetooth is off; the client waits for it to come back.
    // The terminal's JSON lines have always said "adapter_off".
    #[serde(rename = "adapter_off")]
    BluetoothOff,
    /// The client gave up (a configured attempt limit, or a permanent
    /// error); `reason` says why. `start` again to retry.
    Failed { reason: String },
}

/// What the sensor says about itself, read once per connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SensorDetails {
    /// The id to pass to `start` next time.
    pub id: String,
    /// The device's name, when it gives one.
    pub name: Option<String>,
    /// What the sensor reports (RSC Feature); `None` until it was read.
    pub features: Option<RscFeatures>,
    /// Where the sensor is worn, when it says.
    pub location: Option<SensorLocation>,
    /// From the Device Information service, when the sensor has it.
    pub manufacturer: Option<String>,
    /// From the Device Information service, when the sensor has it.
    pub model: Option<String>,
    /// From the Device Information service, when the sensor has it.
    pub firmware: Option<String>,
}

/// Things the runner or the support log should hear about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "warning", rename_all = "snake_case")]
pub enum SensorWarning {
    /// The battery fell to or below the configured threshold.
    LowBattery { percent: u8 },
    /// A packet could not be decoded; it was dropped.
    MalformedPacket { detail: String },
    /// A connection attempt failed; the supervisor decides what follows.
    ConnectFailed { detail: String },
    /// An optional read (location, battery, device information) failed.
    ReadFailed { what: String, detail: String },
}

/// Who hears the sensor client inside Rust (the terminal, or the facade's
/// delivery thread that calls the app's own observer).
pub trait SensorListener: Send + Sync {
    fn on_state(&self, state: SensorConnectionState);
    fn on_battery(&self, percent: u8);
    fn on_details(&self, details: SensorDetails);
    fn on_warning(&self, warning: SensorWarning);
}
