//! The observer trait the apps implement, and the cue of each sensor event
//! (text, urgency, speak, lock screen). The records and enums they carry are
//! the core's own (`crate::sensor::{observer, picker, ble}`).

use crate::run::sensor_cue;
use crate::sensor::observer::{SensorConnectionState, SensorDetails, SensorWarning};
use crate::sensor::picker::SensorPickerScreen;

use crate::ffi::run::RunCue;

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
    fn on_picker(&self, screen: SensorPickerScreen);
}

/// What a connection state says to the runner and how to deliver it
/// (urgency, speak, reach a locked phone), as the core decides: call it
/// from `SensorObserver.onState` instead of wording anything in the app.
#[uniffi::export]
pub fn sensor_state_cue(state: SensorConnectionState) -> RunCue {
    sensor_cue::for_state(&state)
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
    sensor_cue::for_details(&details)
}

/// The cue of a sensor warning (`SensorObserver.onWarning`).
#[uniffi::export]
pub fn sensor_warning_cue(warning: SensorWarning) -> RunCue {
    sensor_cue::for_warning(&warning)
}
