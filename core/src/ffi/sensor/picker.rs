//! The Sensor picker screen across the FFI: one record the app reads with
//! one call (`SensorClient.picker_screen`), and gets again through
//! `SensorObserver.on_picker` each time a sensor appears or the scan's state
//! changes. The values come from the core's `SensorPicker`, ready to show.

use crate::sensor::picker::{PickerRow, PickerView, ScanState};

/// Where the scan stands, as the picker shows it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum SensorScanState {
    /// No scan yet.
    NotStarted,
    /// Scanning; more sensors may appear.
    Scanning,
    /// The scan ended and found at least one sensor.
    Found,
    /// The scan ended and found nothing.
    NoneFound,
    /// The phone's Bluetooth is off.
    BluetoothOff,
    /// The app has no Bluetooth permission.
    PermissionMissing,
    /// The scan failed for another reason (the message says which).
    Failed,
}

/// One found sensor, as a row of the picker.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SensorChoice {
    /// Pass to `SensorClient.start` (and remember it as the paired sensor).
    pub id: String,
    /// The sensor's name, or a stand-in naming its address.
    pub label: String,
    /// Signal strength as 0-4 bars; 0 when the phone did not report it.
    pub signal_bars: u8,
    /// The signal in words ("Strong signal"), for the detail line and
    /// screen readers.
    pub signal_label: String,
}

/// The Sensor picker screen, ready to show as it is.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SensorPickerScreen {
    /// Where the scan stands.
    pub state: SensorScanState,
    /// What to tell the runner now (also the empty state's text).
    pub message: String,
    /// The sensors found so far, strongest first.
    pub sensors: Vec<SensorChoice>,
    /// Whether the Scan button is enabled (not while a scan runs).
    pub scan_enabled: bool,
}

impl From<PickerView> for SensorPickerScreen {
    fn from(v: PickerView) -> Self {
        let state = match v.state {
            ScanState::NotStarted => SensorScanState::NotStarted,
            ScanState::Scanning => SensorScanState::Scanning,
            ScanState::Finished if v.none_found => SensorScanState::NoneFound,
            ScanState::Finished => SensorScanState::Found,
            ScanState::BluetoothOff => SensorScanState::BluetoothOff,
            ScanState::PermissionMissing => SensorScanState::PermissionMissing,
            ScanState::Failed { .. } => SensorScanState::Failed,
        };
        Self {
            state,
            message: v.message,
            sensors: v.rows.into_iter().map(SensorChoice::from).collect(),
            scan_enabled: v.scan_enabled,
        }
    }
}

impl From<PickerRow> for SensorChoice {
    fn from(r: PickerRow) -> Self {
        Self {
            id: r.id,
            label: r.label,
            signal_bars: r.signal_bars,
            signal_label: r.signal_label,
        }
    }
}

/// What an app that scans by itself reports about its scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PushedScanState {
    /// Its scan started: the list starts empty.
    Started,
    /// Its scan ended.
    Finished,
    /// Bluetooth is off.
    BluetoothOff,
    /// The app has no Bluetooth permission.
    PermissionMissing,
}

impl From<PushedScanState> for ScanState {
    fn from(s: PushedScanState) -> Self {
        match s {
            PushedScanState::Started => Self::Scanning,
            PushedScanState::Finished => Self::Finished,
            PushedScanState::BluetoothOff => Self::BluetoothOff,
            PushedScanState::PermissionMissing => Self::PermissionMissing,
        }
    }
}

/// The picker's calls on the client.
mod calls {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use crate::sensor::picker::{ScanState, SensorPicker};

    use super::super::client::{SensorClient, SensorError};
    use super::super::delivery::ObserverPump;
    use super::super::types::FoundSensor;
    use super::{PushedScanState, SensorPickerScreen};

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
            pump.picker(picker.view().into());
        }
        Ok(())
    }

    #[uniffi::export]
    impl SensorClient {
        /// The Sensor picker screen now: the sensors found so far and the
        /// scan's state, ready to show.
        pub fn picker_screen(&self) -> Result<SensorPickerScreen, SensorError> {
            let picker = self.picker.lock().map_err(|_| SensorError::Poisoned)?;
            Ok(picker.view().into())
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
            let found = crate::sensor::ble::FoundSensor {
                id: sensor.id,
                address: sensor.address,
                name: sensor.name,
                rssi: sensor.rssi,
            };
            update(&self.picker, self.observer_pump().as_deref(), |p| {
                p.seen(found)
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
}
