//! The records, enums and observer trait the apps see, mapped from the core,
//! and the cue of each sensor event (text, urgency, speak, lock screen).

use crate::run::sensor_cue;
use crate::sensor::ble::FoundSensor as CoreFoundSensor;
use crate::sensor::observer::{
    SensorDetails as CoreSensorDetails, SensorState, SensorWarning as CoreSensorWarning,
};
use crate::sensor::rsc::SensorLocation;

use crate::ffi::run::RunCue;

/// A sensor seen while scanning.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FoundSensor {
    /// Pass back to `start` (and remember it for the next run).
    pub id: String,
    /// The Bluetooth address (or the platform's stand-in for it).
    pub address: String,
    /// The advertised name, when there is one.
    pub name: Option<String>,
    /// Signal strength in dBm when seen; closer is higher.
    pub rssi: Option<i16>,
}

impl From<CoreFoundSensor> for FoundSensor {
    fn from(f: CoreFoundSensor) -> Self {
        Self {
            id: f.id,
            address: f.address,
            name: f.name,
            rssi: f.rssi,
        }
    }
}

/// The connection as the app shows it.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum SensorConnectionState {
    /// Not connected, and not trying.
    Idle,
    /// Connecting; `attempt` counts from 1.
    Connecting { attempt: u32 },
    /// Connected and measuring.
    Connected,
    /// Connected, but no measurement for longer than the data timeout.
    Silent,
    /// The link dropped; the next attempt starts in `retry_in_ms`.
    Reconnecting { attempt: u32, retry_in_ms: u64 },
    /// The phone's Bluetooth is off.
    BluetoothOff,
    /// Gave up; `reason` says why. `start` again to retry.
    Failed { reason: String },
}

impl From<SensorState> for SensorConnectionState {
    fn from(s: SensorState) -> Self {
        match s {
            SensorState::Idle => Self::Idle,
            SensorState::Connecting { attempt } => Self::Connecting { attempt },
            SensorState::Connected => Self::Connected,
            SensorState::Silent => Self::Silent,
            SensorState::Reconnecting {
                attempt,
                retry_in_ms,
            } => Self::Reconnecting {
                attempt,
                retry_in_ms,
            },
            SensorState::AdapterOff => Self::BluetoothOff,
            SensorState::Failed { reason } => Self::Failed { reason },
        }
    }
}

/// What the sensor says about itself.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SensorDetails {
    /// The id to pass to `start` next time.
    pub id: String,
    /// The device's name, when it gives one.
    pub name: Option<String>,
    /// "in_shoe", "top_of_shoe", "hip", "chest", "other" or "code_N".
    pub location: Option<String>,
    /// From the Device Information service, when the sensor has it.
    pub manufacturer: Option<String>,
    /// From the Device Information service, when the sensor has it.
    pub model: Option<String>,
    /// From the Device Information service, when the sensor has it.
    pub firmware: Option<String>,
    /// `None` until the RSC Feature characteristic was read.
    pub reports_stride_length: Option<bool>,
    /// Whether it reports the total distance; `None` until known.
    pub reports_total_distance: Option<bool>,
    /// Whether it tells walking from running; `None` until known.
    pub reports_walking_running: Option<bool>,
}

fn location_name(l: SensorLocation) -> String {
    match l {
        SensorLocation::Other => "other".to_owned(),
        SensorLocation::TopOfShoe => "top_of_shoe".to_owned(),
        SensorLocation::InShoe => "in_shoe".to_owned(),
        SensorLocation::Hip => "hip".to_owned(),
        SensorLocation::Chest => "chest".to_owned(),
        SensorLocation::Code(c) => format!("code_{c}"),
    }
}

impl From<CoreSensorDetails> for SensorDetails {
    fn from(d: CoreSensorDetails) -> Self {
        Self {
            id: d.id,
            name: d.name,
            location: d.location.map(location_name),
            manufacturer: d.manufacturer,
            model: d.model,
            firmware: d.firmware,
            reports_stride_length: d.features.map(|f| f.stride_length),
            reports_total_distance: d.features.map(|f| f.total_distance),
            reports_walking_running: d.features.map(|f| f.walking_running_status),
        }
    }
}

/// Something the runner or the support log should hear about.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum SensorWarning {
    /// The sensor's battery is low.
    LowBattery { percent: u8 },
    /// A measurement could not be read and was skipped.
    MalformedPacket { detail: String },
    /// Reading `what` (a characteristic) failed.
    ReadFailed { what: String, detail: String },
    /// One connection attempt failed; more may follow.
    ConnectFailed { detail: String },
}

impl From<CoreSensorWarning> for SensorWarning {
    fn from(w: CoreSensorWarning) -> Self {
        match w {
            CoreSensorWarning::LowBattery { percent } => Self::LowBattery { percent },
            CoreSensorWarning::MalformedPacket { detail } => Self::MalformedPacket { detail },
            CoreSensorWarning::ReadFailed { what, detail } => Self::ReadFailed { what, detail },
            CoreSensorWarning::ConnectFailed { detail } => Self::ConnectFailed { detail },
        }
    }
}

/// Implemented by the app (Swift / Kotlin). Called on the client's own
/// delivery thread, in order; hop to the UI thread before touching views.
/// Any `SensorClient` call may be made from inside these methods.
#[uniffi::export(with_foreign)]
pub trait SensorObserver: Send + Sync {
    /// The connection changed.
    fn on_state(&self, state: SensorConnectionState);
    /// The battery level, 0-100 %.
    fn on_battery(&self, percent: u8);
    /// What the sensor says about itself, once connected.
    fn on_details(&self, details: SensorDetails);
    /// Something worth telling the runner or the support log.
    fn on_warning(&self, warning: SensorWarning);
    /// The Sensor picker changed: a sensor appeared or the scan's state moved.
    fn on_picker(&self, screen: super::SensorPickerScreen);
}

impl From<SensorConnectionState> for SensorState {
    fn from(s: SensorConnectionState) -> Self {
        match s {
            SensorConnectionState::Idle => Self::Idle,
            SensorConnectionState::Connecting { attempt } => Self::Connecting { attempt },
            SensorConnectionState::Connected => Self::Connected,
            SensorConnectionState::Silent => Self::Silent,
            SensorConnectionState::Reconnecting {
                attempt,
                retry_in_ms,
            } => Self::Reconnecting {
                attempt,
                retry_in_ms,
            },
            SensorConnectionState::BluetoothOff => Self::AdapterOff,
            SensorConnectionState::Failed { reason } => Self::Failed { reason },
        }
    }
}

impl From<SensorWarning> for CoreSensorWarning {
    fn from(w: SensorWarning) -> Self {
        match w {
            SensorWarning::LowBattery { percent } => Self::LowBattery { percent },
            SensorWarning::MalformedPacket { detail } => Self::MalformedPacket { detail },
            SensorWarning::ReadFailed { what, detail } => Self::ReadFailed { what, detail },
            SensorWarning::ConnectFailed { detail } => Self::ConnectFailed { detail },
        }
    }
}

/// What a connection state says to the runner and how to deliver it
/// (urgency, speak, reach a locked phone), as the core decides: call it
/// from `SensorObserver.onState` instead of wording anything in the app.
#[uniffi::export]
pub fn sensor_state_cue(state: SensorConnectionState) -> RunCue {
    sensor_cue::for_state(&state.into())
}

/// The cue of a battery reading (`SensorObserver.onBattery`); spoken
/// nowhere, marked a nudge when the battery is low.
#[uniffi::export]
pub fn sensor_battery_cue(percent: u8) -> RunCue {
    sensor_cue::for_battery(percent)
}

/// The cue of what the sensor says about itself (`SensorObserver.onDetails`).
#[uniffi::export]
pub fn sensor_details_cue(details: SensorDetails) -> RunCue {
    let details = CoreSensorDetails {
        id: details.id,
        name: details.name,
        ..CoreSensorDetails::default()
    };
    sensor_cue::for_details(&details)
}

/// The cue of a sensor warning (`SensorObserver.onWarning`).
#[uniffi::export]
pub fn sensor_warning_cue(warning: SensorWarning) -> RunCue {
    sensor_cue::for_warning(&warning.into())
}
