//! The Sensor picker screen (issue 11): found sensors as they stream in,
//! with the scan's state, read with one call and told to the observer at
//! each change. Through the real btleplug path against the fake BlueZ, and
//! pushed by an app that scans by itself.

#[allow(dead_code)]
#[path = "../../core/tests/ble_harness/mod.rs"]
mod ble_harness;
mod callbacks_support;

use ble_harness::scenario;
use callbacks_support::{Heard, SensorLog, wait_until};
use patella_core::sensor::ble::{BleConfig, BleTimeouts};
use patella_ffi::sensor::{
    FoundSensor, PushedScanState, SensorClient, SensorError, SensorPickerScreen, SensorScanState,
};

fn config() -> BleConfig {
    BleConfig {
        timeouts: BleTimeouts {
            adapter_ms: 3_000,
            scan_ms: 5_000,
            connect_ms: 3_000,
            discover_ms: 3_000,
            read_ms: 2_000,
            subscribe_ms: 2_000,
            housekeeping_ms: 2_000,
        },
        ..BleConfig::default()
    }
}

fn pickers(log: &SensorLog) -> Vec<SensorPickerScreen> {
    log.heard()
        .into_iter()
        .filter_map(|h| match h {
            Heard::Picker(p) => Some(p),
            _ => None,
        })
        .collect()
}

/// Waits until the observer heard a picker in a state other than Scanning.
fn scan_over(client: &SensorClient, log: &SensorLog) -> SensorPickerScreen {
    wait_until("the scan's end reaches the observer", || {
        pickers(log)
            .last()
            .is_some_and(|p| p.state != SensorScanState::Scanning)
    });
    assert!(client.flush_events(10_000));
    client.picker_screen().expect("screen")
}

#[test]
fn found_sensors_stream_in_and_the_scan_ends_found() {
    scenario(
        "found_sensors_stream_in_and_the_scan_ends_found",
        &["--sensors", "2"],
        || {
            let client = SensorClient::with_config(config());
            let log = SensorLog::new();
            client.set_observer(Some(log.clone())).expect("observer");
            assert_eq!(
                client.picker_screen().unwrap().state,
                SensorScanState::NotStarted
            );
            client.start_scan(0.8).expect("scan starts");
            let scanning = client.picker_screen().unwrap();
            assert_eq!(scanning.state, SensorScanState::Scanning);
            assert!(!scanning.scan_enabled);
            client
                .start_scan(0.8)
                .expect("a second start leaves the first scan alone");

            let done = scan_over(&client, &log);
            assert_eq!(done.state, SensorScanState::Found, "{done:?}");
            assert_eq!(done.sensors.len(), 2, "{done:?}");
            assert!(done.scan_enabled);
            let heard = pickers(&log);
            assert_eq!(
                heard.first().map(|p| p.state.clone()),
                Some(SensorScanState::Scanning)
            );
            // The sensors arrived while the scan still ran, not only at its end.
            assert!(
                heard
                    .iter()
                    .any(|p| p.state == SensorScanState::Scanning && !p.sensors.is_empty()),
                "{heard:?}"
            );
            assert_eq!(heard.last(), Some(&done));
            // Each id once, whatever the polls repeated.
            let mut ids: Vec<_> = done.sensors.iter().map(|s| s.id.clone()).collect();
            ids.dedup();
            assert_eq!(ids.len(), 2);
        },
    );
}

#[test]
fn a_scan_with_no_pod_around_says_none_found() {
    scenario(
        "a_scan_with_no_pod_around_says_none_found",
        &["--sensors", "0"],
        || {
            let client = SensorClient::with_config(config());
            let log = SensorLog::new();
            client.set_observer(Some(log.clone())).expect("observer");
            client.start_scan(0.4).expect("scan starts");
            let done = scan_over(&client, &log);
            assert_eq!(done.state, SensorScanState::NoneFound, "{done:?}");
            assert!(done.sensors.is_empty());
            assert!(
                done.message.starts_with("No foot pod found"),
                "{}",
                done.message
            );
        },
    );
}

#[test]
fn an_app_that_scans_itself_pushes_what_it_finds() {
    let client = SensorClient::new();
    let log = SensorLog::new();
    client.set_observer(Some(log.clone())).expect("observer");
    client.push_scan_state(PushedScanState::Started).unwrap();
    let pod = |id: &str, rssi| FoundSensor {
        id: id.into(),
        address: format!("AA:{id}"),
        name: Some(format!("Pod {id}")),
        rssi: Some(rssi),
    };
    client.push_found_sensor(pod("a", -80)).unwrap();
    client.push_found_sensor(pod("b", -50)).unwrap();
    client.push_found_sensor(pod("b", -50)).unwrap(); // unchanged: no update
    client.push_scan_state(PushedScanState::Finished).unwrap();
    assert!(client.flush_events(10_000));
    let screen = client.picker_screen().unwrap();
    assert_eq!(screen.state, SensorScanState::Found);
    let labels: Vec<_> = screen.sensors.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Pod b", "Pod a"], "strongest first");
    assert_eq!(screen.sensors[0].signal_bars, 4);
    assert_eq!(pickers(&log).len(), 4, "started, a, b, finished");

    client
        .push_scan_state(PushedScanState::BluetoothOff)
        .unwrap();
    let off = client.picker_screen().unwrap();
    assert_eq!(off.state, SensorScanState::BluetoothOff);
    assert!(off.message.contains("Bluetooth is off"));
    client
        .push_scan_state(PushedScanState::PermissionMissing)
        .unwrap();
    assert_eq!(
        client.picker_screen().unwrap().state,
        SensorScanState::PermissionMissing
    );

    assert!(matches!(
        client.start_scan(0.0),
        Err(SensorError::InvalidArgument { .. })
    ));
}
