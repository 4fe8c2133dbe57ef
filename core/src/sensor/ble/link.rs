//! One connection to a sensor: connect, discover, read what it says about
//! itself, then subscribe. The notification stream is taken before
//! subscribing, or BlueZ's first values are lost.

use std::pin::Pin;

use btleplug::api::{CharPropFlags, Characteristic, Peripheral as _, ValueNotification};
use btleplug::platform::{Adapter, Peripheral};
use futures::Stream;

use super::super::observer::{SensorDetails, SensorWarning};
use super::super::rsc::{parse_feature, parse_location};
use super::super::uuids::{
    self, BATTERY_LEVEL, FIRMWARE_REVISION, MANUFACTURER_NAME, MODEL_NUMBER, RSC_FEATURE,
    RSC_MEASUREMENT, RSC_SERVICE, SENSOR_LOCATION,
};
use super::config::BleTimeouts;
use super::error::BleError;
use super::scan::find_sensor;
use super::timed::timed;

pub(crate) type Notifications = Pin<Box<dyn Stream<Item = ValueNotification> + Send>>;

/// A live, subscribed connection.
pub(crate) struct Link {
    pub peripheral: Peripheral,
    pub notifications: Notifications,
    pub details: SensorDetails,
    /// The battery level read at connect time, raw.
    pub battery: Option<Vec<u8>>,
    /// Optional reads that failed; reported, never fatal.
    pub warnings: Vec<SensorWarning>,
}

/// Finds and opens a link to the sensor `id` (or the strongest one).
pub(crate) async fn open(
    adapter: &Adapter,
    id: Option<&str>,
    t: &BleTimeouts,
) -> Result<Link, BleError> {
    let (peripheral, found) = find_sensor(adapter, id, t).await?;
    let connected = timed("is connected", t.housekeeping_ms, peripheral.is_connected()).await?;
    if !connected {
        timed("connect", t.connect_ms, peripheral.connect()).await?;
    }
    match subscribe(peripheral.clone(), found.id.clone(), found.name.clone(), t).await {
        Ok(link) => Ok(link),
        Err(err) => {
            // Half-open links confuse the next attempt; drop this one first.
            let _ = timed("disconnect", t.housekeeping_ms, peripheral.disconnect()).await;
            Err(err)
        }
    }
}

async fn subscribe(
    peripheral: Peripheral,
    id: String,
    name: Option<String>,
    t: &BleTimeouts,
) -> Result<Link, BleError> {
    timed(
        "discover services",
        t.discover_ms,
        peripheral.discover_services(),
    )
    .await?;
    let services = peripheral.services();
    if !services.iter().any(|s| s.uuid == uuids::full(RSC_SERVICE)) {
        return Err(BleError::NotAnRscSensor { id });
    }
    let chars = peripheral.characteristics();
    let find = |short: u16| chars.iter().find(|c| c.uuid == uuids::full(short)).cloned();
    let measurement =
        find(RSC_MEASUREMENT).ok_or_else(|| BleError::NotAnRscSensor { id: id.clone() })?;

    let mut warnings = Vec::new();
    let mut details = SensorDetails {
        id: id.clone(),
        name,
        ..SensorDetails::default()
    };
    if let Some(bytes) = read_optional(
        &peripheral,
        find(RSC_FEATURE),
        "RSC feature",
        t,
        &mut warnings,
    )
    .await
    {
        match parse_feature(&bytes) {
            Ok(f) => details.features = Some(f),
            Err(e) => warnings.push(read_failed("RSC feature", e.to_string())),
        }
    }
    if let Some(bytes) = read_optional(
        &peripheral,
        find(SENSOR_LOCATION),
        "sensor location",
        t,
        &mut warnings,
    )
    .await
    {
        match parse_location(&bytes) {
            Ok(l) => details.location = Some(l),
            Err(e) => warnings.push(read_failed("sensor location", e.to_string())),
        }
    }
    details.manufacturer = read_text(
        &peripheral,
        find(MANUFACTURER_NAME),
        "manufacturer",
        t,
        &mut warnings,
    )
    .await;
    details.model = read_text(&peripheral, find(MODEL_NUMBER), "model", t, &mut warnings).await;
    details.firmware = read_text(
        &peripheral,
        find(FIRMWARE_REVISION),
        "firmware",
        t,
        &mut warnings,
    )
    .await;
    let battery_char = find(BATTERY_LEVEL);
    let battery = read_optional(
        &peripheral,
        battery_char.clone(),
        "battery level",
        t,
        &mut warnings,
    )
    .await;

    let notifications = timed("notifications", t.subscribe_ms, peripheral.notifications()).await?;
    timed(
        "subscribe measurement",
        t.subscribe_ms,
        peripheral.subscribe(&measurement),
    )
    .await?;
    if let Some(c) = battery_char.filter(|c| c.properties.contains(CharPropFlags::NOTIFY))
        && let Err(e) = timed(
            "subscribe battery",
            t.subscribe_ms,
            peripheral.subscribe(&c),
        )
        .await
    {
        warnings.push(read_failed("battery notifications", e.to_string()));
    }
    Ok(Link {
        peripheral,
        notifications,
        details,
        battery,
        warnings,
    })
}

fn read_failed(what: &str, detail: String) -> SensorWarning {
    SensorWarning::ReadFailed {
        what: what.to_owned(),
        detail,
    }
}

async fn read_optional(
    peripheral: &Peripheral,
    characteristic: Option<Characteristic>,
    what: &'static str,
    t: &BleTimeouts,
    warnings: &mut Vec<SensorWarning>,
) -> Option<Vec<u8>> {
    let c = characteristic?;
    if !c.properties.contains(CharPropFlags::READ) {
        return None;
    }
    match timed(what, t.read_ms, peripheral.read(&c)).await {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            warnings.push(read_failed(what, e.to_string()));
            None
        }
    }
}

async fn read_text(
    peripheral: &Peripheral,
    characteristic: Option<Characteristic>,
    what: &'static str,
    t: &BleTimeouts,
    warnings: &mut Vec<SensorWarning>,
) -> Option<String> {
    let bytes = read_optional(peripheral, characteristic, what, t, warnings).await?;
    // Device Information strings are UTF-8, often NUL-padded.
    let text = String::from_utf8_lossy(&bytes)
        .trim_end_matches('\0')
        .trim()
        .to_owned();
    (!text.is_empty()).then_some(text)
}
