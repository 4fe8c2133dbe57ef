//! The sensor picker: the foot pods found so far while scanning, and the
//! scan's state, as one value the Sensor picker screen shows as it is.
//!
//! Sensors stream in (from the btleplug scan, or pushed by an app that scans
//! itself); each id appears once, with its latest name and signal, strongest
//! first. The state says what the screen should tell the runner: scanning,
//! nothing found, Bluetooth off, or permission missing. Pure: no I/O, no
//! clock.

use super::ble::{BleError, FoundSensor};

/// Where the scan stands, as the picker tracks it (`SensorScanState` is
/// what the screen shows of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanState {
    /// No scan yet.
    NotStarted,
    /// A scan is running; more sensors may appear.
    Scanning,
    /// The scan ended (see the list for what it found).
    Finished,
    /// The phone's Bluetooth is off.
    BluetoothOff,
    /// The app may not use Bluetooth.
    PermissionMissing,
    /// The scan failed for another reason, said in `detail`.
    Failed { detail: String },
}

/// Where the scan stands, as the picker shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
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

/// What an app that scans by itself reports about its scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
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

/// The signal, in dBm, at or above which a row gets 4, 3 and 2 bars; below
/// the last it gets 1. The project's choice (the articles give no numbers):
/// typical phone readings of a pod on the shoe at 0.5 m, 2 m and 5 m.
pub const SIGNAL_BARS_DBM: [i16; 3] = [-60, -72, -85];

/// The found sensors and the scan state.
#[derive(Debug, Clone, Default)]
pub struct SensorPicker {
    state: Option<ScanState>,
    found: Vec<FoundSensor>,
}

impl SensorPicker {
    /// A picker before any scan.
    pub fn new() -> Self {
        Self::default()
    }

    /// A new scan begins: the list starts empty, so that pods switched off
    /// since the last scan do not linger.
    pub fn scan_started(&mut self) {
        self.state = Some(ScanState::Scanning);
        self.found.clear();
    }

    /// A sensor was seen. Returns true when the list changed (a new id, or
    /// a known one with a new name or signal).
    pub fn seen(&mut self, sensor: FoundSensor) -> bool {
        match self.found.iter_mut().find(|f| f.id == sensor.id) {
            Some(known) if *known == sensor => false,
            Some(known) => {
                // A later advert without a name keeps the name seen before.
                let name = sensor.name.clone().or_else(|| known.name.take());
                *known = FoundSensor { name, ..sensor };
                true
            }
            None => {
                self.found.push(sensor);
                true
            }
        }
    }

    /// The scan ended normally.
    pub fn scan_finished(&mut self) {
        self.state = Some(ScanState::Finished);
    }

    /// The scan could not run or stopped on `error`; what was found stays.
    pub fn scan_failed(&mut self, error: &BleError) {
        self.state = Some(match error {
            BleError::AdapterOff { .. } => ScanState::BluetoothOff,
            BleError::PermissionDenied { .. } => ScanState::PermissionMissing,
            other => ScanState::Failed {
                detail: other.to_string(),
            },
        });
    }

    /// An app that scans itself reports Bluetooth off or no permission.
    pub fn set_state(&mut self, state: ScanState) {
        if state == ScanState::Scanning {
            self.scan_started();
        } else {
            self.state = Some(state);
        }
    }

    /// Where the scan stands.
    pub fn state(&self) -> ScanState {
        self.state.clone().unwrap_or(ScanState::NotStarted)
    }

    /// The sensors found, strongest first; unknown signal last; ties by id
    /// so the order never flickers.
    pub fn sensors(&self) -> Vec<FoundSensor> {
        let mut sensors = self.found.clone();
        sensors.sort_by(|a, b| {
            b.rssi
                .unwrap_or(i16::MIN)
                .cmp(&a.rssi.unwrap_or(i16::MIN))
                .then_with(|| a.id.cmp(&b.id))
        });
        sensors
    }

    /// The screen's values.
    pub fn view(&self) -> SensorPickerScreen {
        let state = self.state();
        let sensors: Vec<SensorChoice> = self.sensors().iter().map(row).collect();
        let shown = match &state {
            ScanState::NotStarted => SensorScanState::NotStarted,
            ScanState::Scanning => SensorScanState::Scanning,
            ScanState::Finished if sensors.is_empty() => SensorScanState::NoneFound,
            ScanState::Finished => SensorScanState::Found,
            ScanState::BluetoothOff => SensorScanState::BluetoothOff,
            ScanState::PermissionMissing => SensorScanState::PermissionMissing,
            ScanState::Failed { .. } => SensorScanState::Failed,
        };
        let message = match &state {
            ScanState::NotStarted => "Scan to look for your foot pod.".to_owned(),
            ScanState::Scanning if sensors.is_empty() => {
                "Looking for foot pods. Walk a few steps to wake yours.".to_owned()
            }
            ScanState::Scanning => "Looking for more. Tap yours when you see it.".to_owned(),
            ScanState::Finished if sensors.is_empty() => {
                "No foot pod found. Walk a few steps to wake it, keep the phone close, and scan again."
                    .to_owned()
            }
            ScanState::Finished => "Tap your foot pod.".to_owned(),
            ScanState::BluetoothOff => {
                "Bluetooth is off. Switch it on to find your foot pod.".to_owned()
            }
            ScanState::PermissionMissing => {
                "Allow Bluetooth for Patella in Settings to find your foot pod.".to_owned()
            }
            ScanState::Failed { detail } => format!("The scan stopped: {detail}. Scan again."),
        };
        SensorPickerScreen {
            scan_enabled: state != ScanState::Scanning,
            state: shown,
            message,
            sensors,
        }
    }
}

fn row(sensor: &FoundSensor) -> SensorChoice {
    let signal_bars = sensor.rssi.map_or(0, |dbm| {
        let above = SIGNAL_BARS_DBM.iter().filter(|t| dbm >= **t).count();
        // `above` is 0..=3, so this is 1..=4.
        4 - (SIGNAL_BARS_DBM.len() - above) as u8
    });
    let signal_label = match signal_bars {
        0 => "Signal not reported".to_owned(),
        4 => "Strong signal".to_owned(),
        3 => "Good signal".to_owned(),
        2 => "Fair signal".to_owned(),
        _ => "Weak signal".to_owned(),
    };
    let label = match sensor.name.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => name.to_owned(),
        _ => format!("Foot pod {}", sensor.address),
    };
    SensorChoice {
        id: sensor.id.clone(),
        label,
        signal_bars,
        signal_label,
    }
}

#[cfg(test)]
mod tests;
