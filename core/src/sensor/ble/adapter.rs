//! Finding the phone's Bluetooth adapter.

use btleplug::api::{Central as _, CentralState, Manager as _};
use btleplug::platform::{Adapter, Manager};

use super::config::BleTimeouts;
use super::error::BleError;
use super::timed::timed;

/// The first adapter the platform offers (phones have exactly one).
pub async fn first_adapter(t: &BleTimeouts) -> Result<Adapter, BleError> {
    let manager = timed("open Bluetooth manager", t.adapter_ms, Manager::new()).await?;
    let adapters = timed("list adapters", t.adapter_ms, manager.adapters()).await?;
    adapters.into_iter().next().ok_or(BleError::NoAdapter)
}

/// Whether the adapter is powered; "unknown" counts as on, so a platform
/// that cannot tell does not block every connection.
pub async fn is_powered(adapter: &Adapter, t: &BleTimeouts) -> Result<bool, BleError> {
    let state = timed("adapter state", t.housekeeping_ms, adapter.adapter_state()).await?;
    Ok(state != CentralState::PoweredOff)
}
