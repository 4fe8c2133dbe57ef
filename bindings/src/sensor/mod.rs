//! The sensor facade for the apps: a `SensorClient` object that scans,
//! starts and stops the supervised btleplug client, or takes raw RSC bytes
//! from an app that owns Bluetooth itself; and a foreign `SensorObserver`
//! that hears state, battery, details and warnings. Samples never cross the
//! FFI: the run session attaches its `SampleSink` on the Rust side
//! (`SensorClient::attach_sink`).

mod android;
mod client;
mod delivery;
mod types;

pub use client::{SensorClient, SensorError};
pub use types::{
    FoundSensorView, SensorConnectionState, SensorDetailsView, SensorObserver, SensorWarningView,
};
