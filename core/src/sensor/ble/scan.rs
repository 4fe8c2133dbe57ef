//! Scanning for sensors that advertise the RSC service (0x1814).

use std::time::Duration;

use btleplug::api::{Central as _, Peripheral as _, ScanFilter};
use btleplug::platform::{Adapter, Peripheral};
use serde::Serialize;

use super::super::uuids::{RSC_SERVICE, full};
use super::adapter::is_powered;
use super::config::BleTimeouts;
use super::error::BleError;
use super::timed::timed;

/// A sensor seen while scanning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct FoundSensor {
    /// The platform's id for the device; pass it back to `start` (and
    /// remember it for the next run).
    pub id: String,
    /// The Bluetooth address (on iOS a stand-in: CoreBluetooth hides it).
    pub address: String,
    /// The advertised name, when there is one.
    pub name: Option<String>,
    /// Signal strength in dBm, when the platform reported one.
    pub rssi: Option<i16>,
}

/// How often the peripheral list is polled while scanning. Polling the list
/// (rather than consuming the adapter's event stream) leaves that stream to
/// the supervisor loop, which must not miss a disconnect.
const POLL_MS: u64 = 100;

pub(crate) async fn describe(p: &Peripheral, t: &BleTimeouts) -> Option<FoundSensor> {
    let props = timed("read advertisement", t.housekeeping_ms, p.properties())
        .await
        .ok()??;
    if !props.services.contains(&full(RSC_SERVICE)) {
        return None;
    }
    Some(FoundSensor {
        id: p.id().to_string(),
        address: props.address.to_string(),
        name: props.local_name.or(props.advertisement_name),
        rssi: props.rssi,
    })
}

/// RSC sensors the adapter knows right now (from this or an earlier scan).
pub(crate) async fn known_sensors(
    adapter: &Adapter,
    t: &BleTimeouts,
) -> Result<Vec<(Peripheral, FoundSensor)>, BleError> {
    let mut out = Vec::new();
    for p in timed("list devices", t.housekeeping_ms, adapter.peripherals()).await? {
        if let Some(found) = describe(&p, t).await {
            out.push((p, found));
        }
    }
    Ok(out)
}

/// Starts an RSC-filtered scan. It refuses to run with Bluetooth off,
/// because BlueZ powers the adapter on to scan and that is the user's switch.
pub(crate) async fn start_rsc_scan(adapter: &Adapter, t: &BleTimeouts) -> Result<(), BleError> {
    if !is_powered(adapter, t).await? {
        return Err(BleError::AdapterOff { op: "scan" });
    }
    let filter = ScanFilter {
        services: vec![full(RSC_SERVICE)],
    };
    timed("start scan", t.housekeeping_ms, adapter.start_scan(filter)).await
}

pub(crate) async fn stop_scan(adapter: &Adapter, t: &BleTimeouts) {
    // Stopping can fail when discovery already ended; nothing to do then.
    let _ = timed("stop scan", t.housekeeping_ms, adapter.stop_scan()).await;
}

/// Scans for `window` and lists every RSC sensor seen, strongest first.
pub async fn scan(
    adapter: &Adapter,
    window: Duration,
    t: &BleTimeouts,
) -> Result<Vec<FoundSensor>, BleError> {
    start_rsc_scan(adapter, t).await?;
    tokio::time::sleep(window).await;
    let found = known_sensors(adapter, t).await;
    stop_scan(adapter, t).await;
    let mut sensors: Vec<FoundSensor> = found?.into_iter().map(|(_, f)| f).collect();
    sensors.sort_by_key(|s| std::cmp::Reverse(s.rssi.unwrap_or(i16::MIN)));
    Ok(sensors)
}

/// Scans for `window`, handing every RSC sensor in the peripheral list to
/// `on_seen` at each poll (the Sensor picker keeps each id once), so that
/// sensors show up while the scan still runs.
pub async fn scan_each(
    adapter: &Adapter,
    window: Duration,
    t: &BleTimeouts,
    mut on_seen: impl FnMut(FoundSensor),
) -> Result<(), BleError> {
    start_rsc_scan(adapter, t).await?;
    let deadline = tokio::time::Instant::now() + window;
    let outcome = loop {
        match known_sensors(adapter, t).await {
            Ok(found) => found.into_iter().for_each(|(_, f)| on_seen(f)),
            Err(e) => break Err(e),
        }
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        if left.is_zero() {
            break Ok(());
        }
        tokio::time::sleep(left.min(Duration::from_millis(POLL_MS * 5))).await;
    };
    stop_scan(adapter, t).await;
    outcome
}

/// Looks for the sensor `id` (or, with `None`, the strongest RSC sensor):
/// first among known devices, then by scanning for up to the scan timeout.
pub(crate) async fn find_sensor(
    adapter: &Adapter,
    id: Option<&str>,
    t: &BleTimeouts,
) -> Result<(Peripheral, FoundSensor), BleError> {
    if let Some(hit) = pick(known_sensors(adapter, t).await?, id) {
        return Ok(hit);
    }
    start_rsc_scan(adapter, t).await?;
    let deadline = tokio::time::Instant::now() + Duration::from_millis(t.scan_ms);
    let result = loop {
        tokio::time::sleep(Duration::from_millis(POLL_MS)).await;
        match known_sensors(adapter, t).await {
            Ok(list) => {
                if let Some(hit) = pick(list, id) {
                    break Ok(hit);
                }
            }
            Err(err) => break Err(err),
        }
        if tokio::time::Instant::now() >= deadline {
            break Err(BleError::NotFound {
                id: id.unwrap_or("any RSC sensor").to_owned(),
            });
        }
    };
    stop_scan(adapter, t).await;
    result
}

fn pick(
    list: Vec<(Peripheral, FoundSensor)>,
    id: Option<&str>,
) -> Option<(Peripheral, FoundSensor)> {
    match id {
        Some(want) => list.into_iter().find(|(_, f)| matches_id(f, want)),
        None => list
            .into_iter()
            .max_by_key(|(_, f)| f.rssi.unwrap_or(i16::MIN)),
    }
}

/// A remembered id matches the platform id or, case-insensitively, the address.
pub fn matches_id(found: &FoundSensor, want: &str) -> bool {
    found.id == want || found.address.eq_ignore_ascii_case(want)
}
