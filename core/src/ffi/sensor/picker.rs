//! The Sensor picker's calls on `SensorClient`: the screen now
//! (`picker_screen`), and again through `SensorObserver.on_picker` each time
//! a sensor appears or the scan's state changes. The screen is the core's
//! `SensorPickerScreen`, ready to show.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::sensor::ble::FoundSensor;
use crate::sensor::picker::{PushedScanState, ScanState, SensorPicker, SensorPickerScreen};

use super::client::{SensorClient, SensorError};
use super::delivery::ObserverPump;

/// Runs `change` on the picker and tells the observer when it changed
/// something. The screen is built under the picker's lock, so updates
/// reach the observer in the order they happened.
fn update(
    picker: &Mutex<SensorPicker>,
    pump: Option<&ObserverPump>,
    change: impl FnOnce(&mut SensorPicker) -> bool,
) -> Result<(), SensorError> {
    let mut picker = picker.lock().map_err(|_| SensorError::Poisoned)?;
    if change(&mut picker)
        && let Some(pump) = pump
    {
        pump.picker(picker.view());
    }
    Ok(())
}

#[uniffi::export]
impl SensorClient {
    /// The Sensor picker screen now: the sensors found so far and the
    /// scan's state, ready to show.
    pub fn picker_screen(&self) -> Result<SensorPickerScreen, SensorError> {
        let picker = self.picker.lock().map_err(|_| SensorError::Poisoned)?;
        Ok(picker.view())
    }

    /// Starts a scan of `seconds` in the background and returns at once.
    /// Sensors reach the observer's `on_picker` as they are found, and
    /// the scan's end (or Bluetooth off, or a missing permission) the
    /// same way. A scan already running is left to finish: nothing new
    /// starts.
    pub fn start_scan(&self, seconds: f64) -> Result<(), SensorError> {
        let window = Duration::try_from_secs_f64(seconds)
            .ok()
            .filter(|w| !w.is_zero())
            .ok_or_else(|| SensorError::InvalidArgument {
                field: "seconds".to_owned(),
                detail: format!("{seconds} is not a usable scan duration"),
            })?;
        let pump = self.observer_pump();
        let mut already = false;
        update(&self.picker, pump.as_deref(), |p| {
            already = p.state() == ScanState::Scanning;
            if !already {
                p.scan_started();
            }
            !already
        })?;
        if already {
            return Ok(());
        }
        let picker = Arc::clone(&self.picker);
        let core = self.core.clone();
        let spawned = std::thread::Builder::new()
            .name("patella-sensor-scan".to_owned())
            .spawn(move || {
                let pump = pump.as_deref();
                let result = core.scan_each_blocking(window, |found| {
                    let _ = update(&picker, pump, |p| p.seen(found));
                });
                let _ = update(&picker, pump, |p| {
                    match &result {
                        Ok(()) => p.scan_finished(),
                        Err(e) => p.scan_failed(e),
                    }
                    true
                });
            });
        if let Err(e) = spawned {
            let detail = e.to_string();
            update(&self.picker, self.observer_pump().as_deref(), |p| {
                p.set_state(ScanState::Failed {
                    detail: detail.clone(),
                });
                true
            })?;
            return Err(SensorError::Bluetooth { detail });
        }
        Ok(())
    }

    /// For apps that scan with their own Bluetooth stack: a sensor seen.
    pub fn push_found_sensor(&self, sensor: FoundSensor) -> Result<(), SensorError> {
        update(&self.picker, self.observer_pump().as_deref(), |p| {
            p.seen(sensor)
        })
    }

    /// For apps that scan with their own Bluetooth stack: the scan
    /// started, ended, or cannot run.
    pub fn push_scan_state(&self, state: PushedScanState) -> Result<(), SensorError> {
        update(&self.picker, self.observer_pump().as_deref(), |p| {
            p.set_state(state.into());
            true
        })
    }
}
