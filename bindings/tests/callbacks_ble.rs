//! Callbacks are guests (issue 10, findings 1-5), through the real btleplug
//! path against the project's fake BlueZ: the FFI `SensorClient` feeding a
//! `RunSession`, with app observers that are slow, throw, or call back in.
//! Pushed-mode twins of these cases are in `callbacks_pushed.rs`.
//!
//! Each scenario runs in its own process with its own bus and fake (the
//! harness is the core's BLE harness, shared by path).

#[allow(dead_code)]
#[path = "../../core/tests/ble_harness/mod.rs"]
mod ble_harness;
mod callbacks_support;

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ble_harness::{fake_log, scenario};
use callbacks_support::{Heard, RunLog, SensorLog, WAIT, ten_minute_run, wait_until, within};
use patella_core::sensor::ble::{BleConfig, BleTimeouts};
use patella_core::sensor::supervisor::SupervisorConfig;
use patella_ffi::clock::monotonic_now_ms;
use patella_ffi::run::RunSession;
use patella_ffi::sensor::{SensorClient, SensorConnectionState, SensorError, SensorObserver};

/// Short limits so a hung call costs seconds, not btleplug's 30.
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
        supervisor: SupervisorConfig {
            backoff_initial_ms: 20,
            backoff_factor: 2,
            backoff_max_ms: 200,
            max_attempts: None,
            data_timeout_ms: 1_000,
            silent_reconnect_after_ms: 400,
            low_battery_percent: 15,
            low_battery_rearm_margin: 5,
        },
    }
}

/// A client with `sensor` as its observer, its pod's id from a scan, and a
/// started session it feeds.
fn setup(
    run: &Arc<RunLog>,
    sensor: &Arc<SensorLog>,
) -> (Arc<SensorClient>, String, Arc<RunSession>) {
    let client = SensorClient::with_config(config());
    let found = client.scan(0.4).expect("scan");
    assert_eq!(found.len(), 1, "{found:?}");
    client
        .set_observer(Some(sensor.clone() as Arc<dyn SensorObserver>))
        .unwrap();
    let session = RunSession::new(ten_minute_run(), None, run.clone()).unwrap();
    session.start(monotonic_now_ms()).unwrap();
    (client, found[0].id.clone(), session)
}

fn disconnects() -> usize {
    fake_log()
        .lines()
        .filter(|l| l.contains("Device1.Disconnect"))
        .count()
}

/// Finding 1: a RunObserver stuck for seconds on a sensor-driven event used
/// to hold the runtime's only worker: another client's scan timed out,
/// queued readings shared one stamp and were dropped, and a false gap opened.
#[test]
fn a_slow_run_observer_does_not_stall_bluetooth() {
    scenario("a_slow_run_observer_does_not_stall_bluetooth", &[], || {
        let run = RunLog::new();
        let (stuck_tx, stuck) = mpsc::channel::<()>();
        let (release, gate) = mpsc::channel::<()>();
        let (stuck_tx, gate) = (Mutex::new(stuck_tx), Mutex::new(gate));
        run.react(move |e| {
            if e.name == "unit_detected" {
                let _ = stuck_tx.lock().unwrap().send(());
                let _ = gate.lock().unwrap().recv_timeout(2 * WAIT);
            }
        });
        let (client, id, session) = setup(&run, &SensorLog::new());
        client.feed_run(Some(session.clone())).unwrap();
        client.start(Some(id)).unwrap();
        stuck
            .recv_timeout(WAIT)
            .expect("a sensor-driven event reached the observer");
        // Longer than the data timeout, with the observer stuck throughout.
        std::thread::sleep(Duration::from_millis(1_500));
        let other = SensorClient::with_config(config());
        let scanned = within("a second client's scan", move || other.scan(0.4));
        assert!(scanned.is_ok(), "{scanned:?}");
        release.send(()).unwrap();
        assert!(session.wait_delivered(WAIT));
        client.stop().unwrap();
        let view = session.snapshot(monotonic_now_ms()).unwrap();
        assert_eq!(view.dropped_samples, 0, "readings stamped on arrival");
        assert!(view.cadence.spm.is_some());
        assert_eq!(run.count("sensor_gap"), 0, "{:?}", run.names());
    });
}

/// Finding 2: stop() or scan() from a sensor-driven callback panicked inside
/// tokio and killed the supervisor task, leaving the link up. Also feed_run
/// and a push from inside them (finding 3's calls in Bluetooth mode).
#[test]
fn stop_scan_push_and_feed_run_from_inside_callbacks() {
    scenario(
        "stop_scan_push_and_feed_run_from_inside_callbacks",
        &[],
        || {
            let run = RunLog::new();
            let sensor = SensorLog::new();
            let (client, id, session) = setup(&run, &sensor);
            let answers = Arc::new(Mutex::new(Vec::<String>::new()));
            let (weak, log) = (Arc::downgrade(&client), answers.clone());
            sensor.react(move |h| {
                if *h == Heard::State(SensorConnectionState::Connected)
                    && let Some(c) = weak.upgrade()
                {
                    let found = c.scan(0.3).map(|f| f.len());
                    log.lock().unwrap().push(format!("scan {found:?}"));
                    let pushed = c.push_raw_rsc(vec![0x04, 0, 3, 170]);
                    let refused = matches!(pushed, Err(SensorError::NotPushing));
                    log.lock().unwrap().push(format!("push refused {refused}"));
                }
            });
            let (weak, log) = (Arc::downgrade(&client), answers.clone());
            let weak_session = Arc::downgrade(&session);
            run.react(move |e| {
                if e.name == "unit_detected"
                    && let (Some(c), Some(s)) = (weak.upgrade(), weak_session.upgrade())
                {
                    let detach = c.feed_run(None).is_ok();
                    let attach = c.feed_run(Some(s)).is_ok();
                    log.lock()
                        .unwrap()
                        .push(format!("feed_run {detach} {attach}"));
                    let stopped = c.stop();
                    log.lock().unwrap().push(format!("stop {stopped:?}"));
                }
            });
            client.feed_run(Some(session.clone())).unwrap();
            client.start(Some(id.clone())).unwrap();
            wait_until("the run observer stopped the sensor", || {
                sensor.states().last() == Some(&SensorConnectionState::Idle)
            });
            assert!(session.wait_delivered(WAIT));
            wait_until("the sensor observer's calls returned", || {
                answers.lock().unwrap().len() == 4
            });
            // Two observers on two delivery threads: their order is free.
            let mut got = answers.lock().unwrap().clone();
            got.sort();
            assert_eq!(
                got,
                [
                    "feed_run true true",
                    "push refused true",
                    "scan Ok(1)",
                    "stop Ok(())"
                ]
            );
            assert_eq!(disconnects(), 1, "the link was ended");
            // Nothing leaked: a fresh start connects again and stops cleanly.
            client.start(Some(id)).expect("start again");
            wait_until("connected again", || {
                sensor
                    .states()
                    .iter()
                    .filter(|s| **s == SensorConnectionState::Connected)
                    .count()
                    == 2
            });
            client.stop().unwrap();
            assert_eq!(disconnects(), 2);
        },
    );
}

/// Finding 1 (the ANR): the observer waits for the main thread while the
/// main thread calls stop().
#[test]
fn stop_from_main_while_the_observer_waits_for_main() {
    scenario(
        "stop_from_main_while_the_observer_waits_for_main",
        &[],
        || {
            let run = RunLog::new();
            let sensor = SensorLog::new();
            let (connected_tx, connected) = mpsc::channel::<()>();
            let (go, go_rx) = mpsc::channel::<()>();
            let (connected_tx, go_rx) = (Mutex::new(connected_tx), Mutex::new(go_rx));
            sensor.react(move |h| {
                if *h == Heard::State(SensorConnectionState::Connected) {
                    let _ = connected_tx.lock().unwrap().send(());
                    let _ = go_rx.lock().unwrap().recv_timeout(2 * WAIT);
                }
            });
            let (client, id, session) = setup(&run, &sensor);
            client.feed_run(Some(session)).unwrap();
            client.start(Some(id)).unwrap();
            connected.recv_timeout(WAIT).expect("connected");
            let c = client.clone();
            let stopped = within("stop() on the main thread", move || c.stop());
            assert!(stopped.is_ok(), "{stopped:?}");
            assert_eq!(
                disconnects(),
                1,
                "the Disconnect went out before stop returned"
            );
            go.send(()).unwrap();
            assert!(client.wait_delivered(WAIT));
            assert_eq!(sensor.states().last(), Some(&SensorConnectionState::Idle));
        },
    );
}

/// Finding 4: one throwing observer call used to end the supervisor task
/// (no Idle, no Disconnect) or silence the run.
#[test]
fn throwing_observers_neither_end_the_link_nor_silence_the_run() {
    scenario(
        "throwing_observers_neither_end_the_link_nor_silence_the_run",
        &[],
        || {
            let run = RunLog::new();
            run.react(|e| panic!("the app's run observer threw on {}", e.name));
            let sensor = SensorLog::new();
            sensor.react(|h| panic!("the app's sensor observer threw on {h:?}"));
            let (client, id, session) = setup(&run, &sensor);
            client.feed_run(Some(session.clone())).unwrap();
            client.start(Some(id)).unwrap();
            wait_until("samples after throwing callbacks", || {
                run.count("unit_detected") == 1
            });
            client.stop().unwrap();
            assert!(client.wait_delivered(WAIT));
            assert_eq!(disconnects(), 1);
            let states = sensor.states();
            assert!(
                states.contains(&SensorConnectionState::Connected),
                "{states:?}"
            );
            assert_eq!(states.last(), Some(&SensorConnectionState::Idle));
            let report = client.delivery_report().unwrap();
            assert_eq!(report.failed, sensor.heard().len() as u64);
            assert!(session.wait_delivered(WAIT));
            assert_eq!(session.delivery_report().failed, run.names().len() as u64);
        },
    );
}

/// Finding 5: feed_run after start() used to do nothing in Bluetooth mode.
#[test]
fn feed_run_after_start_feeds_the_run() {
    scenario("feed_run_after_start_feeds_the_run", &[], || {
        let run = RunLog::new();
        let sensor = SensorLog::new();
        let (client, id, session) = setup(&run, &sensor);
        client.start(Some(id)).unwrap();
        wait_until("connected", || {
            sensor.states().contains(&SensorConnectionState::Connected)
        });
        client.feed_run(Some(session.clone())).unwrap();
        wait_until("cadence in the run", || {
            session
                .snapshot(monotonic_now_ms())
                .is_ok_and(|v| v.cadence.spm.is_some())
        });
        client.feed_run(None).unwrap();
        client.stop().unwrap();
        assert!(session.wait_delivered(WAIT));
        assert_eq!(run.count("sensor_gap"), 0, "detached before the stop");
    });
}

/// Finding 2, from the sensor observer itself: "stop when connected" used
/// to run on the runtime's worker and panic inside tokio.
#[test]
fn stop_from_the_sensor_observer_ends_the_link() {
    scenario("stop_from_the_sensor_observer_ends_the_link", &[], || {
        let run = RunLog::new();
        let sensor = SensorLog::new();
        let (client, id, session) = setup(&run, &sensor);
        let weak = Arc::downgrade(&client);
        let answer = Arc::new(Mutex::new(None));
        let slot = answer.clone();
        sensor.react(move |h| {
            if *h == Heard::State(SensorConnectionState::Connected)
                && let Some(c) = weak.upgrade()
            {
                *slot.lock().unwrap() = Some(format!("{:?}", c.stop()));
            }
        });
        client.feed_run(Some(session)).unwrap();
        client.start(Some(id)).unwrap();
        wait_until("stopped from the observer", || {
            sensor.states().last() == Some(&SensorConnectionState::Idle)
        });
        assert_eq!(answer.lock().unwrap().as_deref(), Some("Ok(())"));
        assert_eq!(disconnects(), 1);
    });
}
