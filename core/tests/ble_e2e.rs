//! End-to-end: the real btleplug code path (BlueZ backend, libdbus) against
//! the project's fake BlueZ on a private D-Bus. Each scenario runs in its
//! own process with its own bus and fake (see `ble_harness`), and asserts on
//! what the run session's sink and the app's observer received.
//!
//! Run: `cargo nextest run -p patella-core --test ble_e2e` (plain
//! `cargo test` works too: every scenario re-runs itself in a child).

mod ble_harness;

use std::sync::Arc;
use std::time::Duration;

use ble_harness::recorder::{Recorder, Seen};
use ble_harness::{fake_log, scenario};
use patella_core::sample::{CadenceSample, CadenceUnit, Gait, SampleSink};
use patella_core::sensor::ble::{
    BleConfig, BleSensorClient, BleTimeouts, FoundSensor, RunningSensor,
};
use patella_core::sensor::clock::InstantClock;
use patella_core::sensor::observer::{SensorConnectionState, SensorListener, SensorWarning};
use patella_core::sensor::rsc::{RscFeatures, SensorLocation, parse_measurement};
use patella_core::sensor::supervisor::SupervisorConfig;

const WAIT: Duration = Duration::from_secs(30);

/// Short limits so a hung call costs a second, not btleplug's 30.
fn config(data_timeout_ms: u64) -> BleConfig {
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
        supervisor: SupervisorConfig {
            backoff_initial_ms: 20,
            backoff_factor: 2,
            backoff_max_ms: 200,
            max_attempts: None,
            data_timeout_ms,
            silent_reconnect_after_ms: 400,
            low_battery_percent: 15,
            low_battery_rearm_margin: 5,
        },
    }
}

fn client(data_timeout_ms: u64) -> BleSensorClient {
    BleSensorClient::new(config(data_timeout_ms), Arc::new(InstantClock::new()))
}

fn scan(client: &BleSensorClient, expect: usize) -> Vec<FoundSensor> {
    let found = client
        .scan_blocking(Duration::from_millis(400))
        .expect("scan");
    assert_eq!(found.len(), expect, "sensors found: {found:?}");
    found
}

type Sinks = (Option<Arc<dyn SampleSink>>, Option<Arc<dyn SensorListener>>);

fn sinks(rec: &Arc<Recorder>) -> Sinks {
    (Some(rec.clone()), Some(rec.clone()))
}

/// Measurement packets the fake notified, in order, for device `address`.
/// Scans until the fake's one pod shows, then starts the client on it with a
/// recorder for everything it delivers: the opening of most scenarios.
fn start_on_the_only_pod(data_timeout_ms: u64) -> (Vec<FoundSensor>, Arc<Recorder>, RunningSensor) {
    let client = client(data_timeout_ms);
    let found = scan(&client, 1);
    let rec = Recorder::new();
    let (sink, obs) = sinks(&rec);
    let running = client
        .start(Some(found[0].id.clone()), None, sink, obs)
        .expect("start");
    (found, rec, running)
}

fn notified(address: &str) -> Vec<Vec<u8>> {
    let path = format!("dev_{}/service0010/char0011", address.replace(':', "_"));
    fake_log()
        .lines()
        .filter_map(|l| l.strip_prefix("NOTIFY "))
        .filter_map(|l| l.split_once(' '))
        .filter(|(p, _)| p.ends_with(&path))
        .map(|(_, hex)| {
            (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex from the fake"))
                .collect()
        })
        .collect()
}

/// Every well-formed packet the fake sent reached the sink, in order, once:
/// the samples are exactly a prefix of what was sent (a packet or two may be
/// in flight when the client stops).
fn assert_samples_match_notified(samples: &[CadenceSample], address: &str) {
    let sent: Vec<_> = notified(address)
        .iter()
        .filter_map(|b| parse_measurement(b).ok())
        .collect();
    assert!(
        samples.len() <= sent.len() && sent.len() - samples.len() <= 2,
        "{} samples for {} well-formed packets sent",
        samples.len(),
        sent.len()
    );
    for (i, (s, m)) in samples.iter().zip(&sent).enumerate() {
        assert_eq!(s.cadence, f64::from(m.cadence_raw), "sample {i}: cadence");
        assert_eq!(s.speed_mps, Some(m.speed_mps), "sample {i}: speed");
        assert_eq!(
            s.stride_length_m, m.stride_length_m,
            "sample {i}: stride length"
        );
    }
}

fn count_states(rec: &Recorder, pred: impl Fn(&SensorConnectionState) -> bool) -> usize {
    rec.states().iter().filter(|s| pred(s)).count()
}

#[test]
fn happy_path() {
    scenario(
        "happy_path",
        &["--battery", "17", "--battery-drain-every", "3"],
        || {
            let (found, rec, running) = start_on_the_only_pod(1_000);
            assert_eq!(found[0].name.as_deref(), Some("Patella Pod A"));
            assert_eq!(found[0].rssi, Some(-55));
            assert_eq!(found[0].address, "C0:FF:EE:18:14:00");
            rec.wait_for("12 samples", WAIT, |r| r.samples().len() >= 12);
            running.stop_blocking().expect("stop");

            let samples = rec.samples();
            assert_samples_match_notified(&samples, &found[0].address);
            for s in &samples {
                assert_eq!(s.source_id, found[0].id);
                assert_eq!(s.unit, CadenceUnit::Unknown);
                assert_eq!(s.gait, Some(Gait::Running));
                assert!(s.at_ms > 0);
            }
            assert!(samples.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
            assert!(rec.gaps().is_empty(), "no gap in a clean run");
            let states = rec.states();
            assert_eq!(
                states.first(),
                Some(&SensorConnectionState::Connecting { attempt: 1 })
            );
            assert_eq!(states.get(1), Some(&SensorConnectionState::Connected));
            assert_eq!(states.last(), Some(&SensorConnectionState::Idle));
            let details = rec
                .all()
                .into_iter()
                .find_map(|s| match s {
                    Seen::Details(d) => Some(d),
                    _ => None,
                })
                .expect("details");
            assert_eq!(details.name.as_deref(), Some("Patella Pod A"));
            assert_eq!(details.manufacturer.as_deref(), Some("Patella Test Labs"));
            assert_eq!(details.model.as_deref(), Some("FP-1"));
            assert_eq!(details.firmware.as_deref(), Some("1.4.2"));
            assert_eq!(details.location, Some(SensorLocation::InShoe));
            let f: RscFeatures = details.features.expect("features");
            assert!(f.stride_length && f.total_distance && f.walking_running_status);
            let battery: Vec<u8> = rec
                .all()
                .into_iter()
                .filter_map(|s| match s {
                    Seen::Battery(b) => Some(b),
                    _ => None,
                })
                .collect();
            assert_eq!(
                &battery[..3],
                &[17, 16, 15],
                "read at connect, then notified"
            );
            let low: Vec<_> = rec
                .warnings()
                .into_iter()
                .filter(|w| matches!(w, SensorWarning::LowBattery { .. }))
                .collect();
            assert_eq!(low, vec![SensorWarning::LowBattery { percent: 15 }]);
        },
    );
}

#[test]
fn unit_detection_data() {
    // source: rsc-protocol note (steps or strides): a Stryd-like pod sends
    // strides per minute, a TICKR-like pod steps; both reach the sink as
    // reported, with the stride length and speed that let the run engine tell.
    scenario(
        "unit_detection_data",
        &["--sensors", "2", "--profiles", "strides,steps"],
        || {
            let client = client(1_000);
            let found = scan(&client, 2);
            for (pod, divisor, stride) in [
                ("C0:FF:EE:18:14:00", 60.0, 2.4),
                ("C0:FF:EE:18:14:01", 120.0, 1.2),
            ] {
                let target = found.iter().find(|f| f.address == pod).expect("pod");
                let rec = Recorder::new();
                let (sink, obs) = sinks(&rec);
                let running = client
                    .start(Some(target.id.clone()), None, sink, obs)
                    .expect("start");
                rec.wait_for("8 samples", WAIT, |r| r.samples().len() >= 8);
                running.stop_blocking().expect("stop");
                for s in rec.samples() {
                    assert_eq!(s.unit, CadenceUnit::Unknown, "the sink gets the raw claim");
                    assert_eq!(s.stride_length_m, Some(stride));
                    let speed = s.speed_mps.expect("speed");
                    let implied = stride * s.cadence / divisor;
                    assert!(
                        (speed - implied).abs() <= 1.0 / 256.0,
                        "{pod}: {speed} vs {implied}"
                    );
                    let other = stride * s.cadence / (180.0 - divisor);
                    assert!(
                        (speed - other).abs() > 0.5,
                        "{pod}: the other unit must not fit"
                    );
                }
            }
        },
    );
}

#[test]
fn malformed_packets_mixed_with_good() {
    scenario(
        "malformed_packets_mixed_with_good",
        &["--malformed-every", "3"],
        || {
            let (found, rec, running) = start_on_the_only_pod(1_000);
            rec.wait_for("10 good samples", WAIT, |r| r.samples().len() >= 10);
            running.stop_blocking().expect("stop");
            assert_samples_match_notified(&rec.samples(), &found[0].address);
            let sent = notified(&found[0].address);
            let bad_sent = sent
                .iter()
                .filter(|b| parse_measurement(b).is_err())
                .count();
            let bad_seen = rec
            .warnings()
            .iter()
            .filter(|w| matches!(w, SensorWarning::MalformedPacket { detail } if detail.contains("instantaneous stride length")))
            .count();
            assert!(bad_sent >= 4, "the fake truncated every third packet");
            assert!(
                bad_seen + 1 >= bad_sent && bad_seen <= bad_sent,
                "{bad_seen} warnings for {bad_sent} bad packets"
            );
            assert!(rec.gaps().is_empty(), "bad packets are not a gap");
            assert_eq!(
                count_states(&rec, |s| *s == SensorConnectionState::Connected),
                1
            );
        },
    );
}

#[test]
fn connect_error_then_success() {
    scenario(
        "connect_error_then_success",
        &["--connect-errors", "2"],
        || {
            let (found, rec, running) = start_on_the_only_pod(1_000);
            rec.wait_for("5 samples", WAIT, |r| r.samples().len() >= 5);
            running.stop_blocking().expect("stop");
            let states = rec.states();
            assert_eq!(
                &states[..6],
                &[
                    SensorConnectionState::Connecting { attempt: 1 },
                    SensorConnectionState::Reconnecting {
                        attempt: 2,
                        retry_in_ms: 40
                    },
                    SensorConnectionState::Connecting { attempt: 2 },
                    SensorConnectionState::Reconnecting {
                        attempt: 3,
                        retry_in_ms: 80
                    },
                    SensorConnectionState::Connecting { attempt: 3 },
                    SensorConnectionState::Connected,
                ]
            );
            let failures: Vec<_> = rec
            .warnings()
            .into_iter()
            .filter(|w| matches!(w, SensorWarning::ConnectFailed { detail } if detail.contains("le-connection-abort-by-local")))
            .collect();
            assert_eq!(failures.len(), 2);
            assert!(rec.gaps().is_empty(), "no signal yet, so no gap");
            assert_samples_match_notified(&rec.samples(), &found[0].address);
        },
    );
}

/// The packet number the fake put in the stride length (`--seq-in-stride`).
fn packet_number(sample: &CadenceSample) -> u64 {
    let cm = sample
        .stride_length_m
        .expect("the fake always sends a stride")
        * 100.0;
    (cm.round() as u64) - 100
}

#[test]
fn link_loss_and_reconnect_twenty_times() {
    // Three packets per link, twenty drops, then three more: 63 in all,
    // after which the fake falls silent, so every packet sent must arrive.
    scenario(
        "link_loss_and_reconnect_twenty_times",
        &[
            "--drop-every",
            "3",
            "--drops",
            "20",
            "--packets",
            "3",
            "--seq-in-stride",
        ],
        || {
            let (found, rec, running) = start_on_the_only_pod(5_000);
            rec.wait_for(
                "20 losses and all 63 samples",
                Duration::from_secs(60),
                |r| r.samples().len() >= 63 && r.gaps().len() >= 40,
            );
            running.stop_blocking().expect("stop");
            let gaps = rec.gaps();
            assert_eq!(gaps.len(), 40, "20 gaps opened and closed: {gaps:?}");
            assert!(gaps.chunks(2).all(|c| c == [true, false]));
            assert_eq!(
                count_states(&rec, |s| *s == SensorConnectionState::Connected),
                21
            );
            let samples = rec.samples();
            assert!(samples.iter().all(|s| s.source_id == found[0].id));
            // Nothing lost, nothing repeated, in order, across all twenty
            // reconnects: the fake's own packet numbers, not repeating values.
            let numbers: Vec<u64> = samples.iter().map(packet_number).collect();
            assert_eq!(numbers, (0..63).collect::<Vec<u64>>());
            assert_eq!(notified(&found[0].address).len(), 63);
            let all = rec.all();
            for pair in all.windows(2) {
                if let [Seen::Restored(_, at), Seen::Sample(s)] = pair {
                    assert_eq!(*at, s.at_ms, "the gap closes at the first sample back");
                }
            }
        },
    );
}

#[test]
fn connected_but_silent() {
    scenario("connected_but_silent", &["--silent-after", "5"], || {
        let (found, rec, running) = start_on_the_only_pod(400);
        rec.wait_for("samples after recovery", WAIT, |r| {
            r.gaps() == [true, false] && r.samples().len() >= 10
        });
        running.stop_blocking().expect("stop");
        let states = rec.states();
        let silent = states
            .iter()
            .position(|s| *s == SensorConnectionState::Silent)
            .expect("reported silent");
        assert_eq!(
            &states[silent..silent + 3],
            &[
                SensorConnectionState::Silent,
                SensorConnectionState::Connecting { attempt: 1 },
                SensorConnectionState::Connected
            ],
            "silence ends in a fresh connection"
        );
        let all = rec.all();
        let went_silent = all
            .iter()
            .position(|s| *s == Seen::State(SensorConnectionState::Silent))
            .expect("silent in the log");
        let before = all[..went_silent]
            .iter()
            .filter(|s| matches!(s, Seen::Sample(_)))
            .count();
        assert_eq!(before, 5, "the pod fell silent after its fifth packet");
        assert!(
            fake_log().contains("Device1.Disconnect"),
            "the client dropped the dead link"
        );
        assert_samples_match_notified(&rec.samples(), &found[0].address);
    });
}

#[test]
fn adapter_powered_off_and_on() {
    scenario(
        "adapter_powered_off_and_on",
        &["--power-off-after", "6", "--off-for", "0.6"],
        || {
            let (found, rec, running) = start_on_the_only_pod(1_000);
            rec.wait_for("samples after power returns", WAIT, |r| {
                r.gaps() == [true, false] && r.samples().len() >= 12
            });
            running.stop_blocking().expect("stop");
            let states = rec.states();
            let off = states
                .iter()
                .position(|s| *s == SensorConnectionState::BluetoothOff)
                .expect("adapter off reported");
            assert!(
                states[off..].contains(&SensorConnectionState::Connected),
                "{states:?}"
            );
            assert!(rec.samples().len() >= 12);
            assert_samples_match_notified(&rec.samples(), &found[0].address);
        },
    );
}

#[test]
fn device_disappears_and_comes_back() {
    scenario(
        "device_disappears_and_comes_back",
        &["--vanish-after", "6", "--gone-for", "0.5"],
        || {
            let (found, rec, running) = start_on_the_only_pod(1_000);
            rec.wait_for("samples after the pod returns", WAIT, |r| {
                r.gaps() == [true, false] && r.samples().len() >= 12
            });
            running.stop_blocking().expect("stop");
            assert_eq!(
                fake_log().matches("EVENT appear").count(),
                2,
                "gone, then back"
            );
            assert!(
                count_states(&rec, |s| matches!(
                    s,
                    SensorConnectionState::Reconnecting { .. }
                )) >= 1
            );
            assert_eq!(
                count_states(&rec, |s| *s == SensorConnectionState::Connected),
                2
            );
            assert_samples_match_notified(&rec.samples(), &found[0].address);
        },
    );
}

#[test]
fn two_sensors_advertising_at_once() {
    scenario(
        "two_sensors_advertising_at_once",
        &["--sensors", "2", "--profiles", "steps,strides"],
        || {
            let client = client(1_000);
            let found = scan(&client, 2);
            assert_eq!(
                found[0].name.as_deref(),
                Some("Patella Pod A"),
                "strongest first"
            );
            assert_eq!(found[1].name.as_deref(), Some("Patella Pod B"));
            assert!(found[0].rssi > found[1].rssi);
            // The runner chose (or the app remembered) the weaker pod B.
            let chosen = &found[1];
            let rec = Recorder::new();
            let (sink, obs) = sinks(&rec);
            let running = client
                .start(
                    Some(chosen.address.to_lowercase()),
                    Some("pod-b".into()),
                    sink,
                    obs,
                )
                .expect("start");
            rec.wait_for("8 samples", WAIT, |r| r.samples().len() >= 8);
            running.stop_blocking().expect("stop");
            let samples = rec.samples();
            assert!(samples.iter().all(|s| s.source_id == "pod-b"));
            assert!(
                samples.iter().all(|s| s.stride_length_m == Some(2.4)),
                "pod B's strides"
            );
            assert_samples_match_notified(&samples, &chosen.address);
            let a_path = found[0].address.replace(':', "_");
            assert!(
                !fake_log()
                    .lines()
                    .any(|l| l.contains(&a_path) && l.contains("Device1.Connect")),
                "pod A was never connected"
            );
        },
    );
}

/// A sink that, at the first sample once it holds the handle, stops the client that feeds it and
/// tries a scan: Rust code running on the runtime's own worker, where a
/// `block_on` would panic inside tokio (issue 10, finding 2).
struct StopFromTheWorker {
    rec: Arc<Recorder>,
    client: BleSensorClient,
    running: std::sync::Mutex<Option<RunningSensor>>,
    answers: std::sync::Mutex<Vec<String>>,
}

impl SampleSink for StopFromTheWorker {
    fn on_sample(&self, sample: CadenceSample) {
        self.rec.on_sample(sample);
        let running = self.running.lock().unwrap().take();
        if let Some(running) = running {
            let scanned = self.client.scan_blocking(Duration::from_millis(100));
            let stopped = running.stop_blocking();
            self.answers.lock().unwrap().push(format!(
                "scan refused {}, stop {stopped:?}",
                scanned.is_err()
            ));
        }
    }
    fn on_signal_lost(&self, id: &str, at: patella_core::sample::MonoMs) {
        self.rec.on_signal_lost(id, at);
    }
    fn on_signal_restored(&self, id: &str, at: patella_core::sample::MonoMs) {
        self.rec.on_signal_restored(id, at);
    }
}

#[test]
fn stop_and_scan_on_the_runtime_thread_answer_without_panicking() {
    scenario(
        "stop_and_scan_on_the_runtime_thread_answer_without_panicking",
        &[],
        || {
            let client = client(1_000);
            let found = scan(&client, 1);
            let rec = Recorder::new();
            let sink = Arc::new(StopFromTheWorker {
                rec: rec.clone(),
                client: client.clone(),
                running: std::sync::Mutex::new(None),
                answers: std::sync::Mutex::new(Vec::new()),
            });
            // Held by the sink until its first sample; the test keeps none.
            let running = client
                .start(
                    Some(found[0].id.clone()),
                    None,
                    Some(sink.clone()),
                    Some(rec.clone()),
                )
                .expect("start");
            *sink.running.lock().unwrap() = Some(running);
            rec.wait_for("the stop took effect", WAIT, |r| {
                r.states().last() == Some(&SensorConnectionState::Idle)
            });
            assert_eq!(
                *sink.answers.lock().unwrap(),
                ["scan refused true, stop Ok(())"]
            );
            let disconnects = fake_log()
                .lines()
                .filter(|l| l.contains("Device1.Disconnect"))
                .count();
            assert_eq!(disconnects, 1, "the link was ended");
        },
    );
}
