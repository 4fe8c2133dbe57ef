//! Timeouts and tunables of the Bluetooth edge. btleplug waits up to 30 s
//! for a hung device; every call here has its own, shorter, limit. The
//! defaults are the project's choice, sized for a phone and a foot pod.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::super::supervisor::SupervisorConfig;

/// One limit per kind of btleplug call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BleTimeouts {
    /// Opening the manager and listing adapters (project's choice: 3 s).
    pub adapter_ms: u64,
    /// How long a reconnect scans for a sensor that is not in range (project's choice: 10 s).
    pub scan_ms: u64,
    /// `connect` (project's choice: 10 s; BLE connection set-up takes 0.1-3 s).
    pub connect_ms: u64,
    /// `discover_services` (project's choice: 5 s).
    pub discover_ms: u64,
    /// Each characteristic `read` (project's choice: 3 s).
    pub read_ms: u64,
    /// `notifications` and `subscribe` (project's choice: 3 s).
    pub subscribe_ms: u64,
    /// `disconnect`, `stop_scan`, `is_connected`, `peripherals` (project's choice: 2 s).
    pub housekeeping_ms: u64,
}

impl Default for BleTimeouts {
    fn default() -> Self {
        Self {
            adapter_ms: 3_000,
            scan_ms: 10_000,
            connect_ms: 10_000,
            discover_ms: 5_000,
            read_ms: 3_000,
            subscribe_ms: 3_000,
            housekeeping_ms: 2_000,
        }
    }
}

/// Everything the btleplug client can be tuned with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct BleConfig {
    pub timeouts: BleTimeouts,
    pub supervisor: SupervisorConfig,
}

pub(crate) fn ms(value: u64) -> Duration {
    Duration::from_millis(value)
}
