//! What the app learns about the sensor (connection state, battery, details,
//! warnings) through one observer. Samples do not pass here: they go to the
//! run session's `SampleSink` inside Rust.

use serde::Serialize;

use super::rsc::{RscFeatures, SensorLocation};

/// The sensor connection as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SensorState {
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
    AdapterOff,
    /// The client gave up (a configured attempt limit, or a permanent error).
    Failed { reason: String },
}

/// What the sensor says about itself, read once per connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct SensorDetails {
    pub id: String,
    pub name: Option<String>,
    pub features: Option<RscFeatures>,
    pub location: Option<SensorLocation>,
    pub manufacturer: Option<String>,
    pub model: Option<String>,
    pub firmware: Option<String>,
}

/// Things the runner or the support log should hear about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// The app's side of the sensor client.
pub trait SensorObserver: Send + Sync {
    fn on_state(&self, state: SensorState);
    fn on_battery(&self, percent: u8);
    fn on_details(&self, details: SensorDetails);
    fn on_warning(&self, warning: SensorWarning);
}
