//! The sensor facade for the apps: a `SensorClient` object that scans,
//! starts and stops the supervised btleplug client, or takes raw RSC bytes
//! from an app that owns Bluetooth itself; and a foreign `SensorObserver`
//! that hears state, battery, details and warnings on its own delivery
//! thread (`delivery`); and the Sensor picker screen (`picker`), fed by a
//! streaming scan or by an app that scans itself. Samples never cross the FFI: `feed_run` points the
//! sensor's sink slot at a run session on the Rust side, at any time.

mod client;
mod delivery;
mod picker;
mod types;

pub use crate::sensor::ble::FoundSensor;
pub use crate::sensor::observer::{SensorConnectionState, SensorDetails, SensorWarning};
pub use crate::sensor::picker::{
    PushedScanState, SensorChoice, SensorPickerScreen, SensorScanState,
};
pub use crate::sensor::rsc::{RscFeatures, SensorLocation};
pub use client::{SensorClient, SensorError};
pub use types::{
    SensorObserver, sensor_battery_cue, sensor_details_cue, sensor_state_cue, sensor_warning_cue,
};
