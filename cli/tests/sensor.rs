//! `patella sensor scan` and `patella sensor watch` against the project's
//! fake BlueZ on a private bus: the program is its own process, so it gets
//! the bus through its environment.

#[allow(dead_code)]
#[path = "../../core/tests/ble_harness/mod.rs"]
mod ble_harness;

use std::process::Command;

use ble_harness::FakeBluez;

fn patella(bus: &FakeBluez, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(args)
        .env("DBUS_SYSTEM_BUS_ADDRESS", bus.address())
        .output()
        .expect("run patella")
}

#[test]
fn scan_lists_both_pods_strongest_first() {
    let bus = FakeBluez::start(&["--sensors", "2"]);
    let out = patella(&bus, &["sensor", "scan", "--seconds", "0.5", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let names: Vec<_> = found
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap_or("").to_owned(),
                s["rssi"].as_i64(),
            )
        })
        .collect();
    assert_eq!(
        names,
        vec![
            ("Patella Pod A".to_owned(), Some(-55)),
            ("Patella Pod B".to_owned(), Some(-70))
        ]
    );
}

#[test]
fn watch_prints_state_battery_and_cadence() {
    let bus = FakeBluez::start(&["--battery", "64"]);
    let out = patella(
        &bus,
        &[
            "sensor",
            "watch",
            "C0:FF:EE:18:14:00",
            "--seconds",
            "1.5",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let has = |event: &str, pred: &dyn Fn(&serde_json::Value) -> bool| {
        lines.iter().any(|l| l["event"] == event && pred(l))
    };
    assert!(has("state", &|l| l["state"] == "connected"), "{lines:?}");
    assert!(has("battery", &|l| l["percent"] == 64));
    assert!(has("details", &|l| l["model"] == "FP-1"));
    assert!(has("sample", &|l| l["cadence"]
        .as_f64()
        .is_some_and(|c| (168.0..175.0).contains(&c))));
    assert_eq!(
        lines.last().map(|l| l["state"].clone()),
        Some("idle".into())
    );
}

// Issue 10 ("Smaller"): `patella sensor watch | head -4` panicked on the
// closed pipe and then hung, still connected. Now it stops, sends the
// Disconnect, and exits, quietly.
#[test]
fn watch_ends_and_disconnects_when_its_reader_goes_away() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    let bus = FakeBluez::start(&[]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_patella"))
        .args(["sensor", "watch", "C0:FF:EE:18:14:00"])
        .env("DBUS_SYSTEM_BUS_ADDRESS", bus.address())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run patella");
    let stdout = child.stdout.take().expect("piped");
    let mut lines = BufReader::new(stdout).lines();
    for _ in 0..4 {
        lines.next().expect("a line").expect("text");
    }
    drop(lines); // what `head -4` does after its fourth line
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("watch is still running 20 s after its reader left");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("piped"), &mut stderr)
        .expect("stderr");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(status.success(), "{status:?}: {stderr}");
    assert!(
        bus.log().contains("Device1.Disconnect"),
        "no Disconnect was sent:\n{}",
        bus.log()
    );
}
