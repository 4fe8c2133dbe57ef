//! The picker's rules (issue 11, "Sensor picker").

use proptest::prelude::*;

use super::*;

fn pod(id: &str, name: Option<&str>, rssi: Option<i16>) -> FoundSensor {
    FoundSensor {
        id: id.to_owned(),
        address: format!("AA:BB:{id}"),
        name: name.map(str::to_owned),
        rssi,
    }
}

#[test]
fn sensors_stream_in_once_each_strongest_first() {
    let mut picker = SensorPicker::new();
    assert_eq!(picker.view().state, SensorScanState::NotStarted);
    assert!(picker.view().scan_enabled);
    picker.scan_started();
    let view = picker.view();
    assert_eq!(view.state, SensorScanState::Scanning);
    assert!(!view.scan_enabled, "no second scan while one runs");
    assert!(view.sensors.is_empty() && view.state != SensorScanState::NoneFound);

    assert!(picker.seen(pod("a", Some("Stryd"), Some(-80))));
    assert!(picker.seen(pod("b", None, Some(-55))));
    assert!(
        !picker.seen(pod("a", Some("Stryd"), Some(-80))),
        "same advert again"
    );
    // A nameless advert keeps the name, and a new signal moves the row.
    assert!(picker.seen(pod("a", None, Some(-50))));
    let rows = picker.view().sensors;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].id, "a");
    assert_eq!(rows[0].label, "Stryd");
    assert_eq!(
        (rows[0].signal_bars, rows[0].signal_label.as_str()),
        (4, "Strong signal")
    );
    assert_eq!(rows[1].label, "Foot pod AA:BB:b");
    assert_eq!(rows[1].signal_bars, 4);

    picker.scan_finished();
    let view = picker.view();
    assert_eq!(view.state, SensorScanState::Found);
    assert!(view.scan_enabled && view.state != SensorScanState::NoneFound);
    assert_eq!(view.message, "Tap your foot pod.");
}

#[test]
fn a_scan_that_finds_nothing_says_so() {
    let mut picker = SensorPicker::new();
    picker.scan_started();
    picker.scan_finished();
    let view = picker.view();
    assert_eq!(view.state, SensorScanState::NoneFound);
    assert!(
        view.message.starts_with("No foot pod found"),
        "{}",
        view.message
    );
    // A new scan starts from an empty list.
    picker.seen(pod("a", None, None));
    picker.scan_started();
    assert!(picker.view().sensors.is_empty());
}

#[test]
fn bluetooth_off_and_a_missing_permission_are_their_own_states() {
    let mut picker = SensorPicker::new();
    picker.scan_started();
    picker.scan_failed(&BleError::AdapterOff { op: "scan" });
    assert_eq!(picker.view().state, SensorScanState::BluetoothOff);
    assert!(picker.view().message.contains("Bluetooth is off"));
    picker.scan_failed(&BleError::PermissionDenied { op: "scan" });
    assert_eq!(picker.view().state, SensorScanState::PermissionMissing);
    assert!(picker.view().scan_enabled);
    picker.scan_failed(&BleError::NoAdapter);
    assert_eq!(picker.view().state, SensorScanState::Failed);
    assert!(picker.view().message.contains("no Bluetooth adapter"));
}

#[test]
fn signal_bars_follow_the_thresholds() {
    let bars = |rssi| row(&pod("x", None, rssi)).signal_bars;
    assert_eq!(bars(None), 0);
    assert_eq!(bars(Some(-60)), 4);
    assert_eq!(bars(Some(-61)), 3);
    assert_eq!(bars(Some(-72)), 3);
    assert_eq!(bars(Some(-85)), 2);
    assert_eq!(bars(Some(-86)), 1);
    assert_eq!(bars(Some(i16::MIN)), 1);
}

proptest! {
    /// Whatever order and repeats the adverts come in: each id is listed
    /// once, with its latest signal, strongest first, and the list is the
    /// same as building it from the adverts in any other order of ids.
    #[test]
    fn each_id_once_with_its_latest_signal_strongest_first(
        adverts in proptest::collection::vec((0u8..6, proptest::option::of(-100i16..-30)), 0..60),
    ) {
        let mut picker = SensorPicker::new();
        picker.scan_started();
        let mut latest = std::collections::BTreeMap::new();
        for (id, rssi) in &adverts {
            picker.seen(pod(&id.to_string(), None, *rssi));
            latest.insert(id.to_string(), *rssi);
        }
        let sensors = picker.sensors();
        prop_assert_eq!(sensors.len(), latest.len());
        for s in &sensors {
            prop_assert_eq!(Some(&s.rssi), latest.get(&s.id));
        }
        let strength: Vec<i16> = sensors.iter().map(|s| s.rssi.unwrap_or(i16::MIN)).collect();
        prop_assert!(strength.windows(2).all(|w| w[0] >= w[1]), "{:?}", strength);
        let view = picker.view();
        prop_assert_eq!(view.sensors.len(), sensors.len());
        prop_assert!(view.state != SensorScanState::NoneFound);
    }
}
